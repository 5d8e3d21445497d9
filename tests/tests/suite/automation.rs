//! Automation rules: a dry run shows what a rule would do and changes
//! nothing; a run does it through the same operations a person uses, and
//! every run is logged.

use trove_commerce::{
    ListingInput, ListingStatus, OfferInput, OfferStatus, OutboxKind, Platform, RuleSettings, Shop,
};
use trove_core::ItemChanges;

use crate::common::{count, new_store, temp_dir, titled};

fn listed(store: &trove_core::Store, sku: &str, price: &str, cost: Option<&str>) -> String {
    store
        .create_item(&ItemChanges {
            sku: Some(sku.into()),
            price: Some(price.into()),
            cost: cost.map(str::to_string),
            quantity: Some(3),
            ..titled(&format!("Item {sku}"))
        })
        .unwrap();
    let shop = Shop::new(store);
    let l = shop
        .list(sku, Platform::Ebay, &ListingInput::default())
        .unwrap();
    shop.set_status(&l.id, ListingStatus::Active).unwrap();
    l.id
}

#[test]
fn an_offer_rule_declines_the_low_counters_the_middle_and_accepts_the_high() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let listing = listed(&store, "R-1", "100", None);
    let shop = Shop::new(&store);
    let offer = |amount: &str| {
        shop.add_offer(
            &listing,
            &OfferInput {
                amount: amount.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let (low, mid, high) = (offer("40"), offer("80"), offer("95"));
    shop.save_rule(
        "offers",
        &RuleSettings::AnswerOffers {
            accept_at: 90,
            decline_below: 60,
            counter_at: 90,
        },
    )
    .unwrap();

    let dry = shop.run_rule("offers", true).unwrap();
    let mut seen: Vec<_> = dry
        .decisions
        .iter()
        .map(|d| (d.record_id.clone(), d.action.clone()))
        .collect();
    seen.sort();
    let mut want = vec![
        (low.clone(), "decline".to_string()),
        (mid.clone(), "counter".to_string()),
        (high.clone(), "accept".to_string()),
    ];
    want.sort();
    assert_eq!(seen, want);
    let counter = dry
        .decisions
        .iter()
        .find(|d| d.action == "counter")
        .unwrap();
    assert_eq!(
        counter.detail,
        "counter the offer of 80.00 USD on 'Item R-1' (80 % of 100.00 USD) at 90.00 USD"
    );
    let db = dir.path().join("trove.db");
    assert_eq!(
        count(&db, "SELECT count(*) FROM sales"),
        0,
        "a dry run changes nothing"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM offers WHERE status = 'pending'"),
        3
    );

    shop.run_rule("offers", false).unwrap();
    let status = |id: &str| {
        shop.offers(None, 10)
            .unwrap()
            .into_iter()
            .find(|o| o.id == id)
            .unwrap()
    };
    assert_eq!(status(&low).status, OfferStatus::Declined);
    assert_eq!(status(&mid).status, OfferStatus::Countered);
    assert_eq!(status(&mid).counter.map(|m| m.amount), Some(9000));
    assert_eq!(status(&high).status, OfferStatus::Accepted);
    assert_eq!(count(&db, "SELECT count(*) FROM sales"), 1);

    let runs = shop.rule_runs("offers", 10).unwrap();
    assert_eq!(
        runs.iter().map(|r| r.dry_run).collect::<Vec<_>>(),
        [false, true]
    );
    assert_eq!(runs[0].decisions.len(), 3);
    // Nothing is left to answer.
    assert!(shop.run_rule("offers", false).unwrap().decisions.is_empty());
}

#[test]
fn a_price_drop_waits_its_days_and_stops_at_the_cost() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let listing = listed(&store, "P-1", "65.00", Some("60.00"));
    let shop = Shop::new(&store);
    shop.save_rule(
        "cut",
        &RuleSettings::PriceDrop {
            after_days: 30,
            percent: 10,
            floor: None,
        },
    )
    .unwrap();
    assert!(
        shop.run_rule("cut", false).unwrap().decisions.is_empty(),
        "listed today"
    );

    let db = dir.path().join("trove.db");
    let age = |days: i64| {
        rusqlite::Connection::open(&db)
            .unwrap()
            .execute(
                &format!(
                    "UPDATE listings SET listed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-{days} days'),
                        platform_data = NULL"
                ),
                [],
            )
            .unwrap()
    };
    age(31);
    let run = shop.run_rule("cut", false).unwrap();
    assert_eq!(
        run.decisions[0].detail, "cut 'Item P-1' from 65.00 USD to 60.00 USD",
        "58.50 is below the cost"
    );
    assert_eq!(
        shop.listing(&listing).unwrap().price.map(|m| m.amount),
        Some(6000)
    );
    assert_eq!(
        shop.jobs_of(&listing).unwrap().last().and_then(|j| j.kind),
        Some(OutboxKind::Update)
    );
    assert!(
        shop.run_rule("cut", false).unwrap().decisions.is_empty(),
        "cut just now"
    );
    age(31);
    let run = shop.run_rule("cut", false).unwrap();
    assert_eq!(run.decisions[0].action, "skip");
    assert!(
        run.decisions[0].detail.contains("at its floor"),
        "{}",
        run.decisions[0].detail
    );
}

#[test]
fn a_relist_rule_ends_and_lists_again_what_went_stale() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let listing = listed(&store, "S-1", "20", None);
    let shop = Shop::new(&store);
    shop.save_rule("fresh", &RuleSettings::Relist { after_days: 60 })
        .unwrap();
    rusqlite::Connection::open(dir.path().join("trove.db"))
        .unwrap()
        .execute(
            "UPDATE listings SET listed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-61 days')",
            [],
        )
        .unwrap();
    let run = shop.run_rule("fresh", false).unwrap();
    assert_eq!(run.decisions.len(), 1);
    let after = shop.listing(&listing).unwrap();
    assert_eq!(after.status, ListingStatus::Pending);
    let kinds: Vec<_> = shop
        .jobs_of(&listing)
        .unwrap()
        .into_iter()
        .map(|j| j.kind)
        .collect();
    assert_eq!(kinds, [Some(OutboxKind::End), Some(OutboxKind::Create)]);
    assert!(
        shop.run_rule("fresh", false).unwrap().decisions.is_empty(),
        "listed again today"
    );
}

#[test]
fn the_schedule_runs_enabled_rules_and_logs_only_runs_that_did_something() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let listing = listed(&store, "S-1", "100", None);
    let shop = Shop::new(&store);
    let answer = RuleSettings::AnswerOffers {
        accept_at: 90,
        decline_below: 60,
        counter_at: 90,
    };
    shop.save_rule("offers", &answer).unwrap();
    shop.save_rule(
        "cuts",
        &RuleSettings::PriceDrop {
            after_days: 30,
            percent: 10,
            floor: None,
        },
    )
    .unwrap();

    // Nothing due: nothing run, nothing logged.
    let idle = shop.run_scheduled().unwrap();
    assert!(!idle.changed(), "{idle:?}");
    assert!(shop.rule_runs("offers", 10).unwrap().is_empty());
    assert!(shop.rule_runs("cuts", 10).unwrap().is_empty());

    let low = shop
        .add_offer(
            &listing,
            &OfferInput {
                amount: "30".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let pass = shop.run_scheduled().unwrap();
    assert_eq!(pass.runs.len(), 1, "{pass:?}");
    assert_eq!(pass.runs[0].rule, "offers");
    assert!(!pass.runs[0].dry_run);
    assert_eq!(
        shop.offers(None, 10).unwrap()[0].status,
        OfferStatus::Declined
    );
    assert_eq!(shop.rule_runs("offers", 10).unwrap().len(), 1);

    // A disabled rule does not run on its own, but still runs by hand.
    let off = shop.set_rule_enabled("Offers", false).unwrap();
    assert!(!off.enabled);
    let second = shop
        .add_offer(
            &listing,
            &OfferInput {
                amount: "95".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(!shop.run_scheduled().unwrap().changed());
    let pending: Vec<_> = shop
        .offers(None, 10)
        .unwrap()
        .into_iter()
        .map(|o| (o.id, o.status))
        .collect();
    assert!(pending.contains(&(second.id.clone(), OfferStatus::Pending)));
    assert!(pending.contains(&(low.id, OfferStatus::Declined)));
    let by_hand = shop.run_rule("offers", false).unwrap();
    assert_eq!(by_hand.decisions[0].action, "accept");
    assert_eq!(shop.rule_runs("offers", 10).unwrap().len(), 2);
}

#[test]
fn an_offer_on_a_listing_with_no_price_is_left_to_the_person_and_says_why() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store
        .create_item(&ItemChanges {
            sku: Some("NP-1".into()),
            quantity: Some(1),
            ..titled("Unpriced vase")
        })
        .unwrap();
    let shop = Shop::new(&store);
    let l = shop
        .list("NP-1", Platform::Ebay, &ListingInput::default())
        .unwrap();
    shop.set_status(&l.id, ListingStatus::Active).unwrap();
    shop.add_offer(
        &l.id,
        &OfferInput {
            amount: "20".into(),
            ..Default::default()
        },
    )
    .unwrap();
    shop.save_rule(
        "offers",
        &RuleSettings::AnswerOffers {
            accept_at: 90,
            decline_below: 60,
            counter_at: 90,
        },
    )
    .unwrap();
    let dry = shop.run_rule("offers", true).unwrap();
    assert_eq!(dry.decisions.len(), 1);
    assert_eq!(dry.decisions[0].action, "skip");
    assert_eq!(
        dry.decisions[0].detail,
        "the offer of 20.00 USD on 'Unpriced vase' is left to you: neither the listing nor the item has a price"
    );
    // On its own, a run that only skips is not logged (the one logged is
    // the dry run).
    assert!(!shop.run_scheduled().unwrap().changed());
    let runs = shop.rule_runs("offers", 10).unwrap();
    assert_eq!(runs.len(), 1);
    assert!(runs[0].dry_run);
}

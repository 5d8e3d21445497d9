//! Listings: one per item and platform, a life with refused moves, every
//! move in the activity log, and an outbox job for whatever a marketplace
//! must learn, written in the same transaction.

use trove_commerce::{ListingInput, ListingStatus, OutboxKind, Platform, Shop};
use trove_core::ItemChanges;

use crate::common::{new_store, temp_dir, titled};

fn priced(title: &str, price: &str) -> ItemChanges {
    ItemChanges {
        sku: Some(format!("{}-1", &title[..3].to_uppercase())),
        price: Some(price.to_string()),
        quantity: Some(2),
        ..titled(title)
    }
}

fn kinds(shop: &Shop<'_>, listing: &str) -> Vec<Option<OutboxKind>> {
    shop.jobs_of(listing)
        .unwrap()
        .into_iter()
        .map(|j| j.kind)
        .collect()
}

#[test]
fn an_item_has_one_listing_per_platform_with_its_own_overrides() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store.create_item(&priced("Vintage lamp", "40.00")).unwrap();
    let shop = Shop::new(&store);
    let input = ListingInput {
        title: Some("  Vintage brass desk lamp, working  ".into()),
        price: Some("45".into()),
        shipping: Some("8.50".into()),
        ..Default::default()
    };
    let ebay = shop.list("VIN-1", Platform::Ebay, &input).unwrap();
    assert_eq!(ebay.status, ListingStatus::Draft);
    assert_eq!(
        ebay.title.as_deref(),
        Some("Vintage brass desk lamp, working")
    );
    assert_eq!(ebay.price.map(|m| m.amount), Some(4500));
    assert_eq!(ebay.shipping.map(|m| m.amount), Some(850));

    let again = shop
        .list("VIN-1", Platform::Ebay, &ListingInput::default())
        .unwrap_err();
    assert_eq!(again.detail_code(), "listing_exists");
    assert!(
        again
            .to_string()
            .contains("already has a listing on eBay (draft)"),
        "{again}"
    );

    shop.list("VIN-1", Platform::Poshmark, &ListingInput::default())
        .unwrap();
    let all = shop.listings_of("VIN-1").unwrap();
    assert_eq!(
        all.iter().map(|l| l.platform).collect::<Vec<_>>(),
        [Platform::Ebay, Platform::Poshmark]
    );

    // Every wrong field is named at once, and nothing is written.
    let bad = ListingInput {
        price: Some("a lot".into()),
        shipping: Some("-3".into()),
        ..Default::default()
    };
    let e = shop.list("VIN-1", Platform::Etsy, &bad).unwrap_err();
    match e {
        trove_core::Error::Invalid(fields) => assert_eq!(
            fields.iter().map(|f| f.field).collect::<Vec<_>>(),
            ["price", "shipping"]
        ),
        other => panic!("expected field errors, got {other}"),
    }
    assert_eq!(shop.listings_of("VIN-1").unwrap().len(), 2);
}

#[test]
fn a_listing_moves_along_its_life_and_tells_the_marketplace_through_the_outbox() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store.create_item(&priced("Funko Pop", "15.00")).unwrap();
    let shop = Shop::new(&store);
    let listing = shop
        .list("FUN-1", Platform::Ebay, &ListingInput::default())
        .unwrap();
    assert!(
        shop.jobs_of(&listing.id).unwrap().is_empty(),
        "a draft tells no one"
    );

    let pending = shop
        .set_status(&listing.id, ListingStatus::Pending)
        .unwrap();
    assert!(pending.listed_at.is_some());
    let jobs = shop.jobs_of(&listing.id).unwrap();
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].kind, Some(OutboxKind::Create));
    assert_eq!(jobs[0].state, "pending");
    let payload = jobs[0].payload.as_ref().unwrap();
    assert_eq!(
        payload["title"], "Funko Pop",
        "the item's title shows through"
    );
    assert_eq!(payload["quantity"], 2, "it offers the available units");
    assert_eq!(payload["price"]["amount"], 1500);

    shop.set_status(&listing.id, ListingStatus::Active).unwrap();
    shop.edit(
        &listing.id,
        &ListingInput {
            price: Some("12.00".into()),
            ..Default::default()
        },
    )
    .unwrap();
    // An edit that changes nothing tells no one.
    shop.edit(&listing.id, &ListingInput::default()).unwrap();
    let refused = shop
        .set_status(&listing.id, ListingStatus::Draft)
        .unwrap_err();
    assert_eq!(refused.detail_code(), "status_transition");
    assert!(
        refused
            .to_string()
            .contains("the eBay listing of 'Funko Pop' is active; it can't become draft"),
        "{refused}"
    );
    let ended = shop.end(&listing.id).unwrap();
    assert!(ended.ended_at.is_some());
    assert_eq!(
        kinds(&shop, &listing.id),
        [
            Some(OutboxKind::Create),
            Some(OutboxKind::Update),
            Some(OutboxKind::End)
        ]
    );
    let keys: std::collections::HashSet<_> = shop
        .jobs_of(&listing.id)
        .unwrap()
        .into_iter()
        .map(|j| j.idempotency_key)
        .collect();
    assert_eq!(keys.len(), 3, "every job has its own idempotency key");
    assert_eq!(
        shop.outbox(10).unwrap().len(),
        3,
        "they wait for the worker"
    );

    // Every move is in the listing's history, newest first.
    let history: Vec<_> = store
        .history(&listing.id, 10)
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(history, ["status", "update", "status", "status", "create"]);
    let _ = item;
}

#[test]
fn platforms_without_an_api_get_no_outbox_jobs() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store.create_item(&priced("Denim jacket", "30")).unwrap();
    let shop = Shop::new(&store);
    let l = shop
        .list("DEN-1", Platform::Mercari, &ListingInput::default())
        .unwrap();
    shop.set_status(&l.id, ListingStatus::Pending).unwrap();
    shop.end(&l.id).unwrap();
    assert!(shop.jobs_of(&l.id).unwrap().is_empty());
    // They are the person's to do, from the checklist, with the text.
    let tasks = shop.checklist(Some(Platform::Mercari), 10).unwrap();
    assert_eq!(
        tasks.iter().map(|t| t.reason.as_str()).collect::<Vec<_>>(),
        [
            "List 'Denim jacket' on Mercari",
            "End the Mercari listing: it sold elsewhere or was ended"
        ]
    );
    assert_eq!(tasks[0].payload.as_ref().unwrap()["price"]["amount"], 3000);
    shop.task_done(&tasks[0].id).unwrap();
    assert_eq!(shop.checklist(None, 10).unwrap().len(), 1);
    assert_eq!(
        shop.task_done(&tasks[0].id).unwrap_err().code(),
        trove_core::ErrorCode::NotFound
    );
}

#[test]
fn a_trashed_item_cannot_be_listed() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store.create_item(&priced("Teapot", "9")).unwrap();
    store.trash_item(&item.id).unwrap();
    let e = Shop::new(&store)
        .list(&item.id, Platform::Etsy, &ListingInput::default())
        .unwrap_err();
    assert_eq!(e.code(), trove_core::ErrorCode::InTrash);
}

#[test]
fn trashing_an_item_ends_its_live_listings_in_the_same_write() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store.create_item(&priced("Lamp", "20")).unwrap();
    let shop = Shop::new(&store);
    let live = |platform| {
        let l = shop
            .list(&item.id, platform, &ListingInput::default())
            .unwrap();
        shop.set_status(&l.id, ListingStatus::Active).unwrap().id
    };
    let (ebay, depop) = (live(Platform::Ebay), live(Platform::Depop));
    let draft = shop
        .list(&item.id, Platform::Etsy, &ListingInput::default())
        .unwrap()
        .id;

    let trashed = shop.trash_item(&item.id).unwrap();
    assert!(trashed.deleted_at.is_some());
    assert_eq!(shop.listing(&ebay).unwrap().status, ListingStatus::Ended);
    assert_eq!(
        shop.jobs_of(&ebay).unwrap().last().and_then(|j| j.kind),
        Some(trove_commerce::OutboxKind::End)
    );
    assert_eq!(shop.listing(&depop).unwrap().status, ListingStatus::Ended);
    assert!(
        shop.checklist(None, 10)
            .unwrap()
            .iter()
            .any(|t| t.listing_id.as_deref() == Some(depop.as_str()) && t.action == "end"),
        "Depop has no API: ending it there is on the checklist"
    );
    assert_eq!(
        shop.listing(&draft).unwrap().status,
        ListingStatus::Draft,
        "a draft was never for sale"
    );
}

#[test]
fn the_listings_views_find_stale_stockless_and_unlisted_items_page_by_page() {
    use trove_commerce::{ListingQuery, ListingView};
    let dir = temp_dir();
    let store = new_store(dir.path());
    for (title, sku, q) in [
        ("Amp", "A-1", 2),
        ("Bell", "B-1", 1),
        ("Cup", "C-1", 3),
        ("Dish", "D-1", 0),
    ] {
        store
            .create_item(&ItemChanges {
                sku: Some(sku.into()),
                quantity: Some(q),
                ..titled(title)
            })
            .unwrap();
    }
    let shop = Shop::new(&store);
    let live = |sku: &str, platform: Platform| {
        let l = shop.list(sku, platform, &ListingInput::default()).unwrap();
        shop.set_status(&l.id, ListingStatus::Active).unwrap();
        l.id
    };
    let amp_ebay = live("A-1", Platform::Ebay);
    shop.list("A-1", Platform::Etsy, &ListingInput::default())
        .unwrap();
    let bell_ebay = live("B-1", Platform::Ebay);
    // The bell is gone from the shelf, but still listed.
    store
        .update_item(
            "B-1",
            &ItemChanges {
                quantity: Some(0),
                ..Default::default()
            },
        )
        .unwrap();

    let page = |q: ListingQuery| shop.listings(&q).unwrap();
    let ebay = page(ListingQuery {
        platform: Some(Platform::Ebay),
        ..Default::default()
    });
    assert_eq!(
        ebay.rows
            .iter()
            .map(|r| r.title.as_str())
            .collect::<Vec<_>>(),
        ["Bell", "Amp"],
        "newest first"
    );
    let drafts = page(ListingQuery {
        status: Some(ListingStatus::Draft),
        ..Default::default()
    });
    assert_eq!(drafts.rows.len(), 1);
    assert_eq!(drafts.rows[0].listing.platform, Platform::Etsy);

    // One at a time, every listing once.
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let p = page(ListingQuery {
            after: after.clone(),
            limit: 1,
            ..Default::default()
        });
        seen.extend(p.rows.iter().map(|r| r.listing.id.clone()));
        match p.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    assert_eq!(seen.len(), 3);

    let without = page(ListingQuery {
        view: ListingView::WithoutStock,
        ..Default::default()
    });
    assert_eq!(
        without
            .rows
            .iter()
            .map(|r| (r.listing.id.as_str(), r.available))
            .collect::<Vec<_>>(),
        [(bell_ebay.as_str(), 0)]
    );

    // Listed ten days ago: stale at a week, not at a month.
    rusqlite::Connection::open(dir.path().join("trove.db"))
        .unwrap()
        .execute(
            "UPDATE listings SET listed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-10 days') WHERE id = ?1",
            [&amp_ebay],
        )
        .unwrap();
    let stale = |days| {
        page(ListingQuery {
            view: ListingView::Stale { days },
            ..Default::default()
        })
    };
    assert_eq!(stale(7).rows.len(), 1);
    assert_eq!(stale(7).rows[0].listing.id, amp_ebay);
    assert!(stale(30).rows.is_empty());

    let titles =
        |p: trove_commerce::UnlistedPage| p.items.into_iter().map(|i| i.title).collect::<Vec<_>>();
    assert_eq!(
        titles(shop.unlisted(None, 50).unwrap()),
        ["Cup"],
        "a draft is not a listing; nothing is left of the dish"
    );
    // Ending the amp's only live listing puts it on the list.
    shop.end(&amp_ebay).unwrap();
    assert_eq!(titles(shop.unlisted(None, 50).unwrap()), ["Amp", "Cup"]);
    let first = shop.unlisted(None, 1).unwrap();
    assert_eq!(
        titles(shop.unlisted(first.next.as_deref(), 1).unwrap()),
        ["Cup"]
    );
}

#[test]
fn a_stock_take_by_scan_names_the_missing_the_misplaced_and_the_unknown() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store.add_bin("Shelf", None).unwrap();
    store.add_section("B1", "Top", None).unwrap();
    let at = |title: &str, sku: &str, location: &str| {
        store
            .create_item(&ItemChanges {
                sku: Some(sku.into()),
                location: Some(location.into()),
                ..titled(title)
            })
            .unwrap()
    };
    at("Atari", "AT-1", "B1-1");
    at("Bowl", "BW-1", "B1-1");
    at("Clock", "CL-1", "B1");
    let shop = Shop::new(&store);
    let l = shop
        .list("AT-1", Platform::Ebay, &ListingInput::default())
        .unwrap();
    shop.set_status(&l.id, ListingStatus::Active).unwrap();

    let codes: Vec<String> = ["BW-1", "CL-1", "NOPE", "bw-1", ""]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let take = shop.stock_take("b1-1", &codes).unwrap();
    assert_eq!(take.location, "B1-1");
    let titles =
        |v: &[trove_commerce::CountedItem]| v.iter().map(|c| c.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&take.found), ["Bowl"]);
    assert_eq!(titles(&take.missing), ["Atari"]);
    assert_eq!(
        take.missing[0].live_listings, 1,
        "still listed: end it, or find it"
    );
    assert_eq!(titles(&take.elsewhere), ["Clock"]);
    assert_eq!(take.elsewhere[0].location.as_deref(), Some("B1"));
    assert_eq!(take.unknown, ["NOPE"]);

    // The section was counted now; the bin never.
    let unverified: Vec<_> = shop
        .unverified(7, 10)
        .unwrap()
        .into_iter()
        .map(|u| u.code)
        .collect();
    assert_eq!(unverified, ["B1"]);
    // Counting the bin takes in its section.
    let whole = shop.stock_take("B1", &[]).unwrap();
    assert_eq!(titles(&whole.missing), ["Atari", "Bowl", "Clock"]);
    assert!(shop.unverified(7, 10).unwrap().is_empty());
    assert_eq!(
        shop.stock_take("B9", &[]).unwrap_err().code(),
        trove_core::ErrorCode::NotFound
    );
}

#[test]
fn list_everywhere_from_a_template_fills_the_fields_and_maps_the_category() {
    use trove_commerce::TemplateInput;
    let dir = temp_dir();
    let store = new_store(dir.path());
    store
        .create_item(&ItemChanges {
            sku: Some("COAT-1".into()),
            brand: Some("Barbour".into()),
            size: Some("M".into()),
            category: Some("Clothing > Women > Coats".into()),
            description: Some("Waxed cotton, tartan lining".into()),
            condition: Some("like_new".into()),
            price: Some("120".into()),
            ..titled("Beadnell jacket")
        })
        .unwrap();
    let shop = Shop::new(&store);
    shop.map_category("clothing", Platform::Ebay, "63862")
        .unwrap();
    let bad = shop
        .save_template(&TemplateInput {
            name: "Coats".into(),
            title: Some("{brand} {colour} {nonsense}".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(bad.detail_code(), "placeholder_unknown");
    assert!(
        bad.to_string().contains("{nonsense} is not an item field"),
        "{bad}"
    );
    shop.save_template(&TemplateInput {
        name: "Coats".into(),
        title: Some("{brand} {colour} {title}, size {size}".into()),
        description: Some("{description}\nCondition: {condition}".into()),
        category: Some("Clothing > Women > Coats".into()),
        shipping_service: Some("USPS Ground Advantage".into()),
        weight_grams: Some(1400),
        ..Default::default()
    })
    .unwrap();

    let listed = shop
        .list_everywhere(
            "COAT-1",
            &[Platform::Ebay, Platform::Etsy, Platform::Poshmark],
            Some("coats"),
        )
        .unwrap();
    assert_eq!(listed.created.len(), 3);
    let ebay = &listed.created[0];
    assert_eq!(ebay.status, ListingStatus::Pending);
    assert_eq!(
        ebay.title.as_deref(),
        Some("Barbour Beadnell jacket, size M"),
        "no colour, no gap"
    );
    assert_eq!(
        ebay.description.as_deref(),
        Some("Waxed cotton, tartan lining\nCondition: like new")
    );
    let data = ebay.platform_data.as_ref().unwrap();
    assert_eq!(
        data["platform_category"], "63862",
        "mapped through the parent"
    );
    assert_eq!(data["shipping"]["weight_grams"], 1400);
    assert!(listed.created[1].platform_data.as_ref().unwrap()["platform_category"].is_null());
    assert_eq!(
        shop.jobs_of(&ebay.id).unwrap()[0].kind,
        Some(OutboxKind::Create)
    );
    assert_eq!(
        shop.checklist(Some(Platform::Poshmark), 10).unwrap()[0].reason,
        "List 'Barbour Beadnell jacket, size M' on Poshmark"
    );

    let again = shop
        .list_everywhere("COAT-1", &[Platform::Ebay, Platform::Depop], None)
        .unwrap();
    assert_eq!(again.created.len(), 1);
    assert_eq!(again.skipped, ["eBay: already listed (pending)"]);
    assert_eq!(shop.templates().unwrap().len(), 1);
}

//! Offers: accepted (the sale recorded), declined, countered, expired;
//! answers on API platforms go to the outbox.

use trove_commerce::{
    ListingInput, ListingStatus, OfferInput, OfferStatus, OutboxKind, Platform, SaleStatus, Shop,
};
use trove_core::ItemChanges;

use crate::common::{new_store, temp_dir, titled};

fn offer(amount: &str) -> OfferInput {
    OfferInput {
        amount: amount.into(),
        buyer: Some("pat".into()),
        ..Default::default()
    }
}

fn setup(dir: &std::path::Path) -> (trove_core::Store, String) {
    let store = new_store(dir);
    store
        .create_item(&ItemChanges {
            sku: Some("JKT-1".into()),
            quantity: Some(1),
            price: Some("80".into()),
            ..titled("Leather jacket")
        })
        .unwrap();
    let shop = Shop::new(&store);
    let l = shop
        .list("JKT-1", Platform::Ebay, &ListingInput::default())
        .unwrap();
    shop.set_status(&l.id, ListingStatus::Active).unwrap();
    let id = l.id;
    (store, id)
}

#[test]
fn accepting_an_offer_records_the_sale_at_its_price() {
    let dir = temp_dir();
    let (store, listing) = setup(dir.path());
    let shop = Shop::new(&store);
    let o = shop.add_offer(&listing, &offer("65")).unwrap();
    assert_eq!(o.status, OfferStatus::Pending);
    assert_eq!(shop.notifications(true, 10).unwrap()[0].kind, "offer");
    let recorded = shop.accept_offer(&o.id).unwrap();
    assert_eq!(recorded.sale.price.amount, 6500);
    assert_eq!(recorded.sale.status, SaleStatus::Pending);
    assert_eq!(shop.listing(&listing).unwrap().status, ListingStatus::Sold);
    let offers = shop.offers(Some(&listing), 10).unwrap();
    assert_eq!(offers[0].status, OfferStatus::Accepted);
    let kinds: Vec<_> = shop
        .jobs_of(&listing)
        .unwrap()
        .into_iter()
        .map(|j| j.kind)
        .collect();
    assert!(kinds.contains(&Some(OutboxKind::AnswerOffer)), "{kinds:?}");
    // Accepting again is refused, and records nothing.
    let again = shop.accept_offer(&o.id).unwrap_err();
    assert_eq!(again.detail_code(), "status_transition");
    assert_eq!(shop.sales(10).unwrap().len(), 1);
}

#[test]
fn a_countered_offer_sells_at_the_counter_and_a_declined_one_never() {
    let dir = temp_dir();
    let (store, listing) = setup(dir.path());
    let shop = Shop::new(&store);
    let low = shop.add_offer(&listing, &offer("20")).unwrap();
    let declined = shop.decline_offer(&low.id).unwrap();
    assert_eq!(declined.status, OfferStatus::Declined);
    let e = shop.accept_offer(&low.id).unwrap_err();
    assert!(
        e.to_string()
            .contains("is declined; it can no longer be accepted"),
        "{e}"
    );

    let mid = shop.add_offer(&listing, &offer("60")).unwrap();
    let countered = shop.counter_offer(&mid.id, "72").unwrap();
    assert_eq!(countered.status, OfferStatus::Countered);
    assert_eq!(countered.counter.map(|m| m.amount), Some(7200));
    let sale = shop.accept_offer(&mid.id).unwrap().sale;
    assert_eq!(sale.price.amount, 7200);
}

#[test]
fn an_unanswered_offer_expires() {
    let dir = temp_dir();
    let (store, listing) = setup(dir.path());
    let shop = Shop::new(&store);
    let o = shop
        .add_offer(
            &listing,
            &OfferInput {
                expires_in_hours: Some(48),
                ..offer("50")
            },
        )
        .unwrap();
    rusqlite::Connection::open(dir.path().join("trove.db"))
        .unwrap()
        .execute(
            "UPDATE offers SET expires_at = '2020-01-01T00:00:00.000Z'",
            [],
        )
        .unwrap();
    assert_eq!(
        shop.offers(None, 10).unwrap()[0].status,
        OfferStatus::Expired
    );
    assert_eq!(
        shop.accept_offer(&o.id).unwrap_err().detail_code(),
        "status_transition"
    );
    // A draft takes no offers.
    let draft = shop
        .list("JKT-1", Platform::Etsy, &ListingInput::default())
        .unwrap();
    assert_eq!(
        shop.add_offer(&draft.id, &offer("50"))
            .unwrap_err()
            .detail_code(),
        "listing_not_active"
    );
}

#[test]
fn an_offer_about_to_lapse_is_reminded_of_once() {
    let dir = temp_dir();
    let (store, listing) = setup(dir.path());
    let shop = Shop::new(&store);
    let soon = shop
        .add_offer(
            &listing,
            &OfferInput {
                expires_in_hours: Some(5),
                ..offer("50")
            },
        )
        .unwrap();
    // Two days off: not yet; no expiry: never; answered: no longer.
    shop.add_offer(
        &listing,
        &OfferInput {
            expires_in_hours: Some(48),
            ..offer("55")
        },
    )
    .unwrap();
    shop.add_offer(&listing, &offer("60")).unwrap();
    let declined = shop
        .add_offer(
            &listing,
            &OfferInput {
                expires_in_hours: Some(2),
                ..offer("20")
            },
        )
        .unwrap();
    shop.decline_offer(&declined.id).unwrap();

    assert_eq!(shop.remind_lapsing_offers(24).unwrap(), 1);
    let reminders: Vec<_> = shop
        .notifications(true, 50)
        .unwrap()
        .into_iter()
        .filter(|n| n.kind == "offer_expiring")
        .collect();
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].record_id.as_deref(), Some(soon.id.as_str()));
    assert!(
        reminders[0]
            .message
            .starts_with("the offer of 50.00 USD on 'Leather jacket' (eBay) lapses at "),
        "{}",
        reminders[0].message
    );
    assert!(reminders[0].message.ends_with(" UTC unless you answer it"));
    // Looking again raises nothing new, read or not.
    assert_eq!(shop.remind_lapsing_offers(24).unwrap(), 0);
    shop.mark_read(&[reminders[0].id.clone()]).unwrap();
    assert_eq!(shop.run_scheduled().unwrap().reminders, 0);
}

#[test]
fn an_offer_typed_without_a_currency_is_in_the_listings() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store
        .create_item(&ItemChanges {
            sku: Some("TEA-1".into()),
            quantity: Some(1),
            price: Some("30".into()),
            price_currency: Some("GBP".into()),
            ..titled("Teapot")
        })
        .unwrap();
    let shop = Shop::new(&store);
    let l = shop
        .list("TEA-1", Platform::Etsy, &ListingInput::default())
        .unwrap();
    shop.set_status(&l.id, ListingStatus::Active).unwrap();
    let o = shop.add_offer(&l.id, &offer("25")).unwrap();
    assert_eq!(
        (o.amount.amount, o.amount.currency.code()),
        (2500, "GBP"),
        "not the home currency (USD)"
    );
    let countered = shop.counter_offer(&o.id, "28").unwrap();
    let counter = countered.counter.unwrap();
    assert_eq!((counter.amount, counter.currency.code()), (2800, "GBP"));
    // A code typed is still the buyer's currency, and a counter in another
    // one is refused.
    let euros = shop.add_offer(&l.id, &offer("26 EUR")).unwrap();
    assert_eq!(euros.amount.currency.code(), "EUR");
    assert_eq!(
        shop.counter_offer(&euros.id, "28 GBP")
            .unwrap_err()
            .detail_code(),
        "currency_mismatch"
    );
}

//! Sales: committed units, the other listings ended the moment nothing is
//! left, bundles, shipping, cancelling, returns, the same order recorded
//! twice, and two sales racing for the last unit.

use std::sync::{Arc, Barrier};

use trove_commerce::{
    LineInput, ListingInput, ListingStatus, OutboxKind, Platform, SaleInput, SaleStatus, Shop,
};
use trove_core::{ItemChanges, Store};

use crate::common::{count, new_store, temp_dir, titled};

fn stocked(store: &Store, title: &str, sku: &str, quantity: i64) -> trove_core::Item {
    store
        .create_item(&ItemChanges {
            sku: Some(sku.into()),
            quantity: Some(quantity),
            price: Some("20".into()),
            ..titled(title)
        })
        .unwrap()
}

fn sale(platform: &str, order: &str, lines: &[(&str, i64)], price: &str) -> SaleInput {
    SaleInput {
        platform: platform.into(),
        order_id: Some(order.into()),
        buyer: Some("sam".into()),
        lines: lines
            .iter()
            .map(|(item, quantity)| LineInput {
                item: item.to_string(),
                quantity: *quantity,
            })
            .collect(),
        price: price.into(),
        shipping: Some("4.50".into()),
        tax: None,
    }
}

fn listed(shop: &Shop<'_>, sku: &str, platform: Platform) -> String {
    let l = shop.list(sku, platform, &ListingInput::default()).unwrap();
    shop.set_status(&l.id, ListingStatus::Pending).unwrap();
    shop.set_status(&l.id, ListingStatus::Active).unwrap();
    l.id
}

/// The unread notifications of one kind, newest first.
fn unread_of(shop: &Shop<'_>, kind: &str) -> Vec<trove_commerce::Notification> {
    let mut notes = shop.notifications(true, 1000).unwrap();
    notes.retain(|n| n.kind == kind);
    notes
}

fn last_job(shop: &Shop<'_>, listing: &str) -> Option<OutboxKind> {
    shop.jobs_of(listing).unwrap().last().and_then(|j| j.kind)
}

#[test]
fn selling_the_last_unit_ends_every_other_listing_at_once() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = stocked(&store, "Game Boy Color", "GBC-1", 1);
    let shop = Shop::new(&store);
    let ebay = listed(&shop, "GBC-1", Platform::Ebay);
    let etsy = listed(&shop, "GBC-1", Platform::Etsy);
    let mercari = listed(&shop, "GBC-1", Platform::Mercari);

    let first = shop
        .record_sale(&sale("ebay", "EB-100", &[("GBC-1", 1)], "60.00"))
        .unwrap();
    assert!(first.new);
    assert_eq!(first.sale.status, SaleStatus::Pending);
    assert_eq!(first.sale.listing_id.as_deref(), Some(ebay.as_str()));
    assert_eq!(first.sale.price.amount, 6000);
    assert_eq!(first.sale.shipping.amount, 450);
    let stock = store.stock(&item.id).unwrap();
    assert_eq!(
        (stock.quantity, stock.committed, stock.available),
        (1, 1, 0)
    );

    assert_eq!(shop.listing(&ebay).unwrap().status, ListingStatus::Sold);
    assert_eq!(shop.listing(&etsy).unwrap().status, ListingStatus::Ended);
    assert_eq!(last_job(&shop, &etsy), Some(OutboxKind::End));
    assert_eq!(shop.listing(&mercari).unwrap().status, ListingStatus::Ended);
    assert!(
        shop.jobs_of(&mercari).unwrap().is_empty(),
        "Mercari has no API: its end is the person's to do"
    );

    // The same order again changes nothing.
    let db = dir.path().join("trove.db");
    let movements = count(&db, "SELECT count(*) FROM stock_movements");
    let again = shop
        .record_sale(&sale("ebay", "EB-100", &[("GBC-1", 1)], "60.00"))
        .unwrap();
    assert!(!again.new);
    assert_eq!(again.sale.id, first.sale.id);
    assert_eq!(
        count(&db, "SELECT count(*) FROM stock_movements"),
        movements
    );
    assert_eq!(count(&db, "SELECT count(*) FROM sales"), 1);

    // Another platform's order for the same unit is refused, names the
    // winner, and is left to settle by hand.
    let e = shop
        .record_sale(&sale("etsy", "ET-7", &[("GBC-1", 1)], "58.00"))
        .unwrap_err();
    assert_eq!(e.detail_code(), "stock_short");
    let text = e.to_string();
    assert!(
        text.contains("'Game Boy Color' has 0 unit(s) available"),
        "{text}"
    );
    assert!(text.contains("sale EB-100 on eBay holds it"), "{text}");
    let notes = unread_of(&shop, "double_sale");
    assert_eq!(notes.len(), 1);
    assert!(notes[0]
        .message
        .starts_with("order ET-7 on Etsy could not be recorded"));
    // The sale that stood was announced, with the listings it ended.
    let sold = unread_of(&shop, "sale");
    assert_eq!(sold.len(), 1);
    assert_eq!(sold[0].record_id.as_deref(), Some(first.sale.id.as_str()));
    assert_eq!(
        sold[0].message,
        "sold 'Game Boy Color', order EB-100 on eBay: ready to pick and ship; \
         its listings on Etsy, Mercari wait to be ended"
    );
    assert_eq!(shop.unread_notifications().unwrap(), 2);
    shop.mark_read(&[notes[0].id.clone(), sold[0].id.clone()])
        .unwrap();
    assert_eq!(shop.unread_notifications().unwrap(), 0);
    assert_eq!(
        count(&db, "SELECT count(*) FROM sales"),
        1,
        "nothing of it was kept"
    );
}

#[test]
fn a_bundle_ships_returns_in_parts_and_refunds() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let deck = stocked(&store, "Commander deck", "CMD-1", 3);
    let sleeves = stocked(&store, "Card sleeves", "SLV-1", 10);
    let shop = Shop::new(&store);
    let recorded = shop
        .record_sale(&sale(
            "shopify",
            "SH-1",
            &[("CMD-1", 2), ("SLV-1", 4), ("CMD-1", 1)],
            "95",
        ))
        .unwrap();
    let s = recorded.sale;
    assert_eq!(
        s.lines
            .iter()
            .map(|l| (l.title.as_str(), l.quantity))
            .collect::<Vec<_>>(),
        [("Card sleeves", 4), ("Commander deck", 3)],
        "one line per item, a repeated item merged"
    );
    assert_eq!(shop.to_ship(10).unwrap().len(), 1);

    let shipped = shop
        .ship(&s.id, Some("USPS"), Some("9400 1000 0000 0000 0000 00"))
        .unwrap();
    assert_eq!(shipped.status, SaleStatus::Shipped);
    assert_eq!(shipped.carrier.as_deref(), Some("USPS"));
    assert!(shipped.shipped_at.is_some());
    assert!(shop.to_ship(10).unwrap().is_empty());
    let d = store.stock(&deck.id).unwrap();
    assert_eq!((d.quantity, d.committed), (0, 0));
    assert_eq!(store.stock(&sleeves.id).unwrap().quantity, 6);
    assert_eq!(
        shop.cancel(&s.id).unwrap_err().detail_code(),
        "status_transition"
    );

    // One deck back, with a partial refund: still shipped.
    let part = shop
        .return_units(
            &s.id,
            &[LineInput {
                item: "CMD-1".into(),
                quantity: 1,
            }],
            Some("30"),
            None,
        )
        .unwrap();
    assert_eq!(part.status, SaleStatus::Shipped);
    assert_eq!(part.refunded.amount, 3000);
    assert_eq!(store.stock(&deck.id).unwrap().quantity, 1);
    let too_many = shop
        .return_units(
            &s.id,
            &[LineInput {
                item: "CMD-1".into(),
                quantity: 3,
            }],
            None,
            None,
        )
        .unwrap_err();
    assert!(
        too_many
            .to_string()
            .contains("2 of 'Commander deck' can still come back"),
        "{too_many}"
    );

    // The rest back: the sale is returned, every unit on the shelf again.
    let all = shop.return_units(&s.id, &[], Some("65"), None).unwrap();
    assert_eq!(all.status, SaleStatus::Returned);
    assert_eq!(all.refunded.amount, 9500);
    assert_eq!(store.stock(&deck.id).unwrap().quantity, 3);
    assert_eq!(store.stock(&sleeves.id).unwrap().quantity, 10);
    assert!(store.doctor().unwrap().healthy());
}

#[test]
fn cancelling_frees_the_units_and_tells_live_listings_how_many() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = stocked(&store, "Funko Pop", "FUN-1", 3);
    let shop = Shop::new(&store);
    let etsy = listed(&shop, "FUN-1", Platform::Etsy);
    let recorded = shop
        .record_sale(&sale("ebay", "EB-5", &[("FUN-1", 2)], "30"))
        .unwrap();
    assert_eq!(
        shop.listing(&etsy).unwrap().status,
        ListingStatus::Active,
        "one is left"
    );
    let jobs = shop.jobs_of(&etsy).unwrap();
    let update = jobs.last().unwrap();
    assert_eq!(update.kind, Some(OutboxKind::UpdateQuantity));
    assert_eq!(update.payload.as_ref().unwrap()["quantity"], 1);

    let cancelled = shop.cancel(&recorded.sale.id).unwrap();
    assert_eq!(cancelled.status, SaleStatus::Cancelled);
    let stock = store.stock(&item.id).unwrap();
    assert_eq!(
        (stock.quantity, stock.committed, stock.available),
        (3, 0, 3)
    );
    let update = shop.jobs_of(&etsy).unwrap().pop().unwrap();
    assert_eq!(update.payload.as_ref().unwrap()["quantity"], 3);
}

#[test]
fn a_bad_sale_names_every_wrong_field_and_writes_nothing() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    stocked(&store, "Lamp", "L-1", 1);
    let shop = Shop::new(&store);
    let mut bad = sale("craigslist", "X", &[("L-1", 0)], "");
    bad.shipping = Some("3 EUR".into());
    match shop.record_sale(&bad).unwrap_err() {
        trove_core::Error::Invalid(fields) => assert_eq!(
            fields.iter().map(|f| f.code).collect::<Vec<_>>(),
            ["platform_unknown", "price_required", "quantity_invalid"]
        ),
        other => panic!("expected field errors, got {other}"),
    }
    let db = dir.path().join("trove.db");
    assert_eq!(count(&db, "SELECT count(*) FROM sales"), 0);
}

#[test]
fn of_two_platforms_selling_the_last_unit_at_once_exactly_one_stands() {
    let dir = temp_dir();
    let path = dir.path().join("trove.db");
    {
        let store = Store::open(&path).unwrap();
        for n in 0..10 {
            stocked(&store, &format!("Charizard {n}"), &format!("CHZ-{n}"), 1);
        }
    }
    for n in 0..10 {
        let barrier = Arc::new(Barrier::new(2));
        let results: Vec<_> = [("ebay", "EB"), ("etsy", "ET")]
            .into_iter()
            .map(|(platform, prefix)| {
                let (path, barrier) = (path.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let store = Store::open(&path).unwrap();
                    let input = sale(
                        platform,
                        &format!("{prefix}-{n}"),
                        &[(&format!("CHZ-{n}"), 1)],
                        "300",
                    );
                    barrier.wait();
                    Shop::new(&store)
                        .record_sale(&input)
                        .map(|r| r.sale.platform)
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let won: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert_eq!(won.len(), 1, "round {n}: {results:?}");
        let lost = results.iter().find_map(|r| r.as_ref().err()).unwrap();
        assert!(
            lost.to_string().contains("holds it")
                && lost.to_string().contains(&format!("Charizard {n}")),
            "round {n}: {lost}"
        );
    }
    let store = Store::open(&path).unwrap();
    let shop = Shop::new(&store);
    assert_eq!(count(&path, "SELECT count(*) FROM sales"), 10);
    assert_eq!(unread_of(&shop, "double_sale").len(), 10);
    assert_eq!(
        unread_of(&shop, "sale").len(),
        10,
        "one per sale that stood"
    );
    assert!(store.doctor().unwrap().healthy());
}

#[test]
fn two_processes_selling_the_last_unit_leave_one_sale_and_one_refusal() {
    let dir = temp_dir();
    let db = dir.path().join("trove.db");
    {
        let store = Store::open(&db).unwrap();
        for n in 0..4 {
            stocked(&store, &format!("Pikachu {n}"), &format!("PIK-{n}"), 1);
        }
    }
    for n in 0..4 {
        let barrier = Arc::new(Barrier::new(2));
        let outs: Vec<_> = ["ebay", "mercari"]
            .into_iter()
            .map(|platform| {
                let (db, barrier) = (db.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let sku = format!("PIK-{n}");
                    let order = format!("{platform}-{n}");
                    barrier.wait();
                    crate::common::trove(
                        &db,
                        &[
                            "sale",
                            "add",
                            "--item",
                            &sku,
                            "--platform",
                            platform,
                            "--order-id",
                            &order,
                            "--price",
                            "80",
                        ],
                    )
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let codes: Vec<_> = outs.iter().map(|o| o.status.code()).collect();
        assert!(
            codes.contains(&Some(0)) && codes.contains(&Some(1)),
            "round {n}: {codes:?}"
        );
        let refused = outs.iter().find(|o| o.status.code() == Some(1)).unwrap();
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(
            stderr.contains(&format!("'Pikachu {n}' has 0 unit(s) available"))
                && stderr.contains("holds it"),
            "{stderr}"
        );
    }
    assert_eq!(count(&db, "SELECT count(*) FROM sales"), 4);
    let out = crate::common::trove(&db, &["notifications", "--unread", "--json"]);
    let notes = crate::common::stdout_json(&out);
    let double = notes
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "double_sale")
        .count();
    assert_eq!(double, 4, "{notes}");
    let out = crate::common::trove(&db, &["ship-queue", "--json"]);
    assert_eq!(
        crate::common::stdout_json(&out).as_array().unwrap().len(),
        4
    );
    // The walk lists each line; a scan picks one, and a second scan of the
    // same unit is refused (exit 1, with why).
    let out = crate::common::trove(&db, &["ship-queue", "--walk", "--json"]);
    let walk = crate::common::stdout_json(&out);
    assert_eq!(walk.as_array().unwrap().len(), 4, "{walk}");
    let out = crate::common::trove(&db, &["ship-queue", "--pick", "PIK-2", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let picked = crate::common::stdout_json(&out);
    assert_eq!(picked["title"], "Pikachu 2");
    assert!(picked["picked_at"].is_string(), "{picked}");
    let again = crate::common::trove(&db, &["ship-queue", "--pick", "PIK-2"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("Pikachu 2"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn a_sale_that_reaches_the_low_stock_threshold_says_so() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store
        .create_item(&ItemChanges {
            sku: Some("INK-1".into()),
            quantity: Some(5),
            low_stock_threshold: Some(Some(2)),
            ..titled("Ink cartridge")
        })
        .unwrap();
    let shop = Shop::new(&store);
    shop.record_sale(&sale("ebay", "1", &[("INK-1", 2)], "10"))
        .unwrap();
    assert!(
        unread_of(&shop, "low_stock").is_empty(),
        "3 left: above the threshold"
    );
    shop.record_sale(&sale("ebay", "2", &[("INK-1", 1)], "5"))
        .unwrap();
    let notes = unread_of(&shop, "low_stock");
    assert_eq!(notes.len(), 1);
    let sold: Vec<_> = unread_of(&shop, "sale")
        .into_iter()
        .map(|n| n.message)
        .collect();
    assert_eq!(
        sold,
        [
            "sold 'Ink cartridge', order 2 on eBay: ready to pick and ship",
            "sold 2 × 'Ink cartridge', order 1 on eBay: ready to pick and ship"
        ]
    );
    assert_eq!(
        notes[0].message,
        "'Ink cartridge' is down to 2 available (its low-stock threshold is 2)"
    );
    assert_eq!(notes[0].record_type.as_deref(), Some("item"));
}

#[test]
fn the_doctor_checks_committed_units_against_unshipped_sales() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    stocked(&store, "Vase", "V-1", 2);
    let shop = Shop::new(&store);
    shop.record_sale(&sale("ebay", "9", &[("V-1", 1)], "10"))
        .unwrap();
    let check = |shop: &Shop<'_>| {
        shop.doctor()
            .unwrap()
            .checks
            .into_iter()
            .find(|c| c.name == "committed units")
            .unwrap()
    };
    assert!(check(&shop).ok());
    // Another program marks the sale shipped without touching the stock.
    rusqlite::Connection::open(dir.path().join("trove.db"))
        .unwrap()
        .execute("UPDATE sales SET status = 'shipped'", [])
        .unwrap();
    assert_eq!(
        check(&shop).problems,
        ["'Vase' has 1 unit(s) committed, its unshipped sales hold 0"]
    );
}

#[test]
fn an_item_sold_but_not_shipped_cannot_go_to_the_trash() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    stocked(&store, "Typewriter", "TW-1", 1);
    let shop = Shop::new(&store);
    let s = shop
        .record_sale(&sale("etsy", "T-1", &[("TW-1", 1)], "90"))
        .unwrap();
    let e = store.trash_item("TW-1").unwrap_err();
    assert_eq!(e.detail_code(), "item_committed");
    assert!(e.to_string().contains("ship or cancel them first"), "{e}");
    shop.ship(&s.sale.id, None, None).unwrap();
    store
        .trash_item("TW-1")
        .expect("shipped: nothing is held any more");
}

#[test]
fn mark_sold_starts_from_the_live_listing_and_asks_a_stack_how_many() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    stocked(&store, "Single lamp", "LAMP", 1);
    stocked(&store, "Booster stack", "BOOST", 12);
    let shop = Shop::new(&store);

    // Not listed anywhere: the item's own price, no platform.
    let plain = shop.sale_defaults("LAMP").unwrap();
    assert_eq!(
        (plain.platform, plain.price.map(|p| p.amount)),
        (None, Some(2000))
    );
    assert!(!plain.asks_quantity);

    // Listed on Etsy (pending) and on eBay at its own price (active): eBay wins.
    shop.list("BOOST", Platform::Etsy, &ListingInput::default())
        .unwrap();
    let ebay = shop
        .list(
            "BOOST",
            Platform::Ebay,
            &ListingInput {
                price: Some("18".into()),
                ..Default::default()
            },
        )
        .unwrap();
    shop.set_status(&ebay.id, ListingStatus::Pending).unwrap();
    shop.set_status(&ebay.id, ListingStatus::Active).unwrap();
    shop.record_sale(&sale("ebay", "9", &[("BOOST", 2)], "36"))
        .unwrap();
    let stack = shop.sale_defaults("BOOST").unwrap();
    assert_eq!(stack.platform, Some(Platform::Ebay));
    assert_eq!(stack.price.map(|p| p.amount), Some(1800));
    assert!(stack.asks_quantity);
    assert_eq!(stack.available, 10);
    assert_eq!(
        shop.sale_defaults("NOPE").unwrap_err().detail_code(),
        "not_found"
    );
}

//! Pick and pack: the To ship queue walked in shelf order, scanning items
//! off the shelf (a wrong one refused), and returns onto a chosen shelf.

use trove_commerce::{LineInput, SaleInput, SaleStatus, Shop};
use trove_core::{ItemChanges, Store};

use crate::common::{count, new_store, temp_dir, titled};

fn code(item: &trove_core::Item) -> Option<&str> {
    item.fields.location.as_ref().map(|l| l.code.as_str())
}

fn shelved(store: &Store, title: &str, sku: &str, quantity: i64, at: &str) -> trove_core::Item {
    store
        .create_item(&ItemChanges {
            sku: Some(sku.into()),
            quantity: Some(quantity),
            location: Some(at.into()),
            ..titled(title)
        })
        .unwrap()
}

fn sold(shop: &Shop<'_>, order: &str, lines: &[(&str, i64)]) -> String {
    shop.record_sale(&SaleInput {
        platform: "ebay".into(),
        order_id: Some(order.into()),
        lines: lines
            .iter()
            .map(|(item, quantity)| LineInput {
                item: item.to_string(),
                quantity: *quantity,
            })
            .collect(),
        price: "10".into(),
        ..SaleInput::default()
    })
    .unwrap()
    .sale
    .id
}

fn three_shelves(store: &Store) {
    for name in ["Garage rack", "Closet", "Attic"] {
        store.add_bin(name, None).unwrap();
    }
}

#[test]
fn the_pick_list_walks_the_shelves_in_code_order_and_the_queue_keeps_sale_order() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    three_shelves(&store);
    shelved(&store, "Vintage lamp", "LAMP", 1, "B3");
    shelved(&store, "Denim jacket", "JKT", 1, "B1");
    shelved(&store, "Card binder", "BND", 2, "B2");
    store
        .create_item(&ItemChanges {
            sku: Some("LOOSE".into()),
            quantity: Some(1),
            ..titled("Loose mug")
        })
        .unwrap();
    let shop = Shop::new(&store);
    let first = sold(&shop, "1", &[("LAMP", 1), ("JKT", 1)]);
    let second = sold(&shop, "2", &[("LOOSE", 1), ("BND", 2)]);

    let walk = shop.pick_list(50, true).unwrap();
    let codes: Vec<_> = walk
        .iter()
        .map(|l| (l.location_code.as_deref(), l.sku.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            (Some("B1"), Some("JKT")),
            (Some("B2"), Some("BND")),
            (Some("B3"), Some("LAMP")),
            (None, Some("LOOSE"))
        ]
    );
    assert_eq!(walk[1].quantity, 2);
    assert_eq!(walk[0].location.as_deref(), Some("Garage rack"));

    let queue = shop.pick_list(50, false).unwrap();
    let sales: Vec<_> = queue.iter().map(|l| l.sale_id.as_str()).collect();
    assert_eq!(sales, [&first, &first, &second, &second]);
    // The limit counts sales, not lines: a sale is never cut in two.
    assert_eq!(shop.pick_list(1, true).unwrap().len(), 2);
}

#[test]
fn scanning_picks_the_oldest_waiting_line_and_refuses_a_wrong_item() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    three_shelves(&store);
    shelved(&store, "Vintage lamp", "LAMP", 2, "B3");
    shelved(&store, "Denim jacket", "JKT", 1, "B1");
    let shop = Shop::new(&store);
    let older = sold(&shop, "1", &[("LAMP", 1)]);
    let newer = sold(&shop, "2", &[("LAMP", 1)]);

    let picked = shop.pick("LAMP").unwrap();
    assert_eq!(picked.sale_id, older);
    assert!(picked.picked_at.is_some());
    assert_eq!(
        shop.pick(" lamp ").unwrap().sale_id,
        newer,
        "codes are read as scanned"
    );

    let again = shop.pick("LAMP").unwrap_err();
    assert_eq!(again.detail_code(), "already_picked");
    let wrong = shop.pick("JKT").unwrap_err();
    assert_eq!(wrong.detail_code(), "not_in_queue");
    assert!(
        wrong
            .to_string()
            .contains("'Denim jacket' is not in the To ship queue"),
        "{wrong}"
    );
    assert_eq!(shop.pick("NOPE").unwrap_err().detail_code(), "not_found");

    // Picking changes no stock; shipping still does.
    assert_eq!(store.stock(&picked.item_id).unwrap().committed, 2);
    let queue = shop.pick_list(10, false).unwrap();
    assert!(queue.iter().all(|l| l.picked_at.is_some()));
    shop.ship(&older, Some("USPS"), Some("9400")).unwrap();
    assert_eq!(shop.pick_list(10, false).unwrap().len(), 1);
}

#[test]
fn a_return_goes_onto_the_shelf_chosen_or_the_items_own() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    three_shelves(&store);
    let lamp = shelved(&store, "Vintage lamp", "LAMP", 1, "B1");
    let cards = shelved(&store, "Card stack", "STACK", 5, "B1");
    let shop = Shop::new(&store);
    let whole = sold(&shop, "1", &[("LAMP", 1)]);
    let part = sold(&shop, "2", &[("STACK", 2)]);
    for id in [&whole, &part] {
        shop.ship(id, None, None).unwrap();
    }

    // The lamp's only unit comes back to the attic: the item moves there.
    let back = shop.return_units(&whole, &[], None, Some("B3")).unwrap();
    assert_eq!(back.status, SaleStatus::Returned);
    let lamp = store.item(&lamp.id).unwrap();
    assert_eq!((lamp.fields.quantity, code(&lamp)), (1, Some("B3")));

    // Two cards of a stack that still has three on B1: they split off.
    shop.return_units(&part, &[], None, Some("B2")).unwrap();
    let stack = store.item(&cards.id).unwrap();
    assert_eq!((stack.fields.quantity, code(&stack)), (3, Some("B1")));
    let split = format!(
        "SELECT quantity FROM items i JOIN bins b ON b.id = i.bin_id
         WHERE i.origin_id = '{}' AND b.code = 'B2'",
        cards.id
    );
    assert_eq!(count(&dir.path().join("trove.db"), &split), 2);

    // A shelf that does not exist is refused and nothing comes back.
    let third = sold(&shop, "3", &[("STACK", 1)]);
    shop.ship(&third, None, None).unwrap();
    assert!(shop.return_units(&third, &[], None, Some("B99")).is_err());
    assert_eq!(store.item(&cards.id).unwrap().fields.quantity, 2);
    assert_eq!(shop.sale(&third).unwrap().status, SaleStatus::Shipped);
    assert!(store.doctor().unwrap().healthy());
}

//! The stock ledger: every change of a quantity is one movement, the
//! quantity is their sum, committed units never exceed it, and of two
//! writers racing for the last unit exactly one wins.

use std::sync::{Arc, Barrier};

use trove_core::stock::{self, Cause, Reason, Stock};
use trove_core::{ItemChanges, Store};

use crate::common::{count, import, new_store, temp_dir, titled};

fn with_quantity(title: &str, quantity: i64) -> ItemChanges {
    ItemChanges {
        quantity: Some(quantity),
        ..titled(title)
    }
}

/// (on hand, committed, reason) of the item's movements, oldest first.
fn ledger(store: &Store, item_id: &str) -> Vec<(i64, i64, Reason)> {
    let mut moves: Vec<_> = store
        .stock_movements(item_id, 100)
        .unwrap()
        .into_iter()
        .map(|m| (m.on_hand, m.committed, m.reason))
        .collect();
    moves.reverse();
    moves
}

/// What committing, shipping or cancelling `n` units of `item` does.
fn change(
    store: &Store,
    item: &str,
    on_hand: i64,
    committed: i64,
    reason: Reason,
) -> trove_core::Result<Stock> {
    store.write(|tx| {
        stock::apply(
            tx,
            item,
            on_hand,
            committed,
            reason,
            Some(Cause {
                record_type: "sale",
                record_id: "sale-1",
            }),
        )
    })
}

#[test]
fn creating_editing_and_splitting_each_write_their_movement() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store.add_bin("Shelf", None).unwrap();
    store.add_bin("Tote", None).unwrap();
    let item = store
        .create_item(&ItemChanges {
            location: Some("B1".into()),
            ..with_quantity("Pokémon booster", 5)
        })
        .unwrap();
    assert_eq!(ledger(&store, &item.id), [(5, 0, Reason::Received)]);

    store
        .update_item(&item.id, &with_quantity("Pokémon booster", 8))
        .unwrap();
    let part = store.move_item(&item.id, "B2", Some(3)).unwrap();
    assert_eq!(
        ledger(&store, &item.id),
        [
            (5, 0, Reason::Received),
            (3, 0, Reason::Adjusted),
            (-3, 0, Reason::Split)
        ]
    );
    let moved = store.stock_movements(&part.id, 10).unwrap();
    assert_eq!(
        moved
            .iter()
            .map(|m| (m.on_hand, m.reason, m.record_id.as_deref()))
            .collect::<Vec<_>>(),
        [(3, Reason::Split, Some(item.id.as_str()))],
        "the new row's units came from the stack it was split from"
    );
    // A title edit is not a movement.
    store
        .update_item(&item.id, &titled("Pokémon booster pack"))
        .unwrap();
    assert_eq!(ledger(&store, &item.id).len(), 3);
    assert!(store.doctor().unwrap().healthy());
}

#[test]
fn an_import_writes_one_movement_per_item_naming_its_batch() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let csv = dir.path().join("items.csv");
    std::fs::write(
        &csv,
        "title,sku,quantity\nMug,M-1,4\nPlate,P-1,0\nBowl,B-1,2\n",
    )
    .unwrap();
    import(&store, &csv).unwrap();
    let db = dir.path().join("trove.db");
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM stock_movements WHERE reason = 'imported'"
        ),
        2,
        "a row with no units moves nothing"
    );
    let mug = store.item("M-1").unwrap();
    let moves = store.stock_movements(&mug.id, 10).unwrap();
    assert_eq!(moves.len(), 1);
    assert_eq!((moves[0].on_hand, moves[0].reason), (4, Reason::Imported));
    let batch: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT id FROM import_batches", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (
            moves[0].record_type.as_deref(),
            moves[0].record_id.as_deref()
        ),
        (Some("import"), Some(batch.as_str()))
    );

    // Updating by SKU moves the difference.
    std::fs::write(&csv, "title,sku,quantity\nMug,M-1,1\n").unwrap();
    import(&store, &csv).unwrap();
    assert_eq!(
        ledger(&store, &mug.id),
        [(4, 0, Reason::Imported), (-3, 0, Reason::Imported)]
    );
    assert!(store.doctor().unwrap().healthy());
}

#[test]
fn committed_units_never_exceed_what_is_on_hand() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store.create_item(&with_quantity("Funko Pop", 2)).unwrap();

    let after = change(&store, &item.id, 0, 2, Reason::Sold).unwrap();
    assert_eq!(
        after,
        Stock {
            quantity: 2,
            committed: 2,
            available: 0
        }
    );
    let refused = change(&store, &item.id, 0, 1, Reason::Sold).unwrap_err();
    assert_eq!(refused.detail_code(), "stock_short");
    assert!(
        refused
            .to_string()
            .contains("'Funko Pop' has 0 unit(s) available"),
        "{refused}"
    );
    // Nobody can edit the quantity below what sales hold.
    let e = store
        .update_item(&item.id, &with_quantity("Funko Pop", 1))
        .unwrap_err();
    assert_eq!(e.detail_code(), "quantity_below_committed");

    // Shipping one: it leaves the shelf and the sale no longer holds it.
    change(&store, &item.id, -1, -1, Reason::Shipped).unwrap();
    // Cancelling the other frees it.
    let after = change(&store, &item.id, 0, -1, Reason::Cancelled).unwrap();
    assert_eq!(
        after,
        Stock {
            quantity: 1,
            committed: 0,
            available: 1
        }
    );
    assert_eq!(store.stock(&item.id).unwrap(), after);
    assert_eq!(store.item(&item.id).unwrap().committed, 0);
    assert_eq!(
        ledger(&store, &item.id),
        [
            (2, 0, Reason::Received),
            (0, 2, Reason::Sold),
            (-1, -1, Reason::Shipped),
            (0, -1, Reason::Cancelled)
        ],
        "the refused commit left no movement"
    );
    assert!(store.doctor().unwrap().healthy());
}

#[test]
fn of_two_writers_racing_for_the_last_unit_exactly_one_wins() {
    let dir = temp_dir();
    let path = dir.path().join("trove.db");
    let item = Store::open(&path)
        .unwrap()
        .create_item(&with_quantity("Last Charizard", 1))
        .unwrap();
    for round in 0..20 {
        // Two stores: two writer connections on one file, as two
        // processes (the app and a CLI script) would have.
        let barrier = Arc::new(Barrier::new(2));
        let outcomes: Vec<_> = (0..2)
            .map(|_| {
                let (path, id, barrier) = (path.clone(), item.id.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let store = Store::open(&path).unwrap();
                    barrier.wait();
                    change(&store, &id, 0, 1, Reason::Sold)
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let won = outcomes.iter().filter(|o| o.is_ok()).count();
        assert_eq!(won, 1, "round {round}: {outcomes:?}");
        let lost = outcomes.iter().find_map(|o| o.as_ref().err()).unwrap();
        assert_eq!(lost.detail_code(), "stock_short", "round {round}: {lost}");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.stock(&item.id).unwrap().committed, 1);
        change(&store, &item.id, 0, -1, Reason::Cancelled).unwrap();
    }
}

#[test]
fn the_doctor_finds_a_quantity_written_behind_the_ledgers_back_and_squares_it() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store.create_item(&with_quantity("Lamp", 2)).unwrap();
    let db = dir.path().join("trove.db");
    // Another program edits the file directly.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE items SET quantity = 5 WHERE id = ?1", [&item.id])
        .unwrap();
    let report = store.doctor().unwrap();
    let check = report
        .checks
        .iter()
        .find(|c| c.name == "stock ledger")
        .expect("a stock ledger check");
    assert_eq!(
        check.problems,
        ["'Lamp' shows 5 on hand and 0 committed, its movements add up to 2 and 0"]
    );
    assert_eq!(check.repaired, 1);
    assert_eq!(
        ledger(&store, &item.id),
        [(2, 0, Reason::Received), (3, 0, Reason::Adjusted)]
    );
    let again = store.doctor().unwrap();
    assert!(again.healthy(), "{:?}", again.checks);
}

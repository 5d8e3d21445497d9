//! The trash: hidden but recoverable, and emptied for good with a record.

use std::path::Path;

use trove_core::list::ListQuery;
use trove_core::search::SearchQuery;
use trove_core::{ItemChanges, Store};

use crate::common::{count, new_store, temp_dir, titled};

fn found_ids(store: &Store, text: &str) -> Vec<String> {
    let q = SearchQuery {
        text: text.to_string(),
        limit: Some(500),
        ..Default::default()
    };
    store
        .search(&q)
        .expect("search")
        .items
        .into_iter()
        .map(|i| i.id)
        .collect()
}

fn listed_ids(store: &Store) -> Vec<String> {
    let q = ListQuery {
        limit: Some(500),
        ..Default::default()
    };
    store
        .list(&q)
        .expect("list")
        .items
        .into_iter()
        .map(|i| i.id)
        .collect()
}

/// The FTS index matches its content, checked by the store and by SQLite.
fn assert_index_consistent(store: &Store) {
    let report = store.doctor().expect("doctor");
    assert!(report.healthy(), "{report:?}");
    assert!(
        report.checks.iter().all(|c| c.problems.is_empty()),
        "nothing needed repair: {report:?}"
    );
    let conn = rusqlite::Connection::open(store.path()).expect("open");
    conn.execute(
        "INSERT INTO items_fts(items_fts, rank) VALUES('integrity-check', 1)",
        [],
    )
    .expect("the search index matches the items");
}

fn setup(dir: &Path) -> (Store, String, String) {
    let store = new_store(dir);
    let bin = store.add_bin("Shelf", None).expect("bin");
    let vase = store
        .create_item(&ItemChanges {
            sku: Some("TR-1".into()),
            barcode: Some("036000291452".into()),
            tags: Some(vec!["glass".into()]),
            fields: Some([("Era".to_string(), "1960s".to_string())].into()),
            location: Some(bin.code),
            ..titled("Blue Vase")
        })
        .expect("create");
    let bowl = store.create_item(&titled("Blue Bowl")).expect("create");
    (store, vase.id, bowl.id)
}

#[test]
fn trash_hides_an_item_from_search_and_list_but_keeps_it_findable_by_key() {
    let dir = temp_dir();
    let (store, vase, bowl) = setup(dir.path());
    assert_eq!(found_ids(&store, "blue").len(), 2);

    let trashed = store.trash_item("TR-1").expect("trash by SKU");
    assert_eq!(trashed.id, vase);
    assert!(trashed.deleted_at.is_some());

    assert_eq!(
        found_ids(&store, "blue"),
        [bowl.as_str()],
        "search hides the trash"
    );
    assert!(found_ids(&store, "vase").is_empty());
    assert!(
        found_ids(&store, "TR-1").is_empty(),
        "not even by exact SKU"
    );
    assert!(
        found_ids(&store, "036000291452").is_empty(),
        "not even by exact barcode"
    );
    assert_eq!(
        listed_ids(&store),
        [bowl.as_str()],
        "the list hides the trash"
    );

    for key in [vase.as_str(), "TR-1", "tr-1", "036000291452"] {
        let item = store
            .item(key)
            .unwrap_or_else(|e| panic!("item({key}): {e}"));
        assert_eq!(item.id, vase);
        assert!(item.deleted_at.is_some(), "{key}: deleted_at is set");
    }
    let in_trash: Vec<String> = store
        .trash(10)
        .expect("trash list")
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(in_trash, [vase.as_str()]);
    let stats = store.stats().expect("stats");
    assert_eq!((stats.items, stats.trashed), (1, 1));
    assert_eq!(
        store.bins().expect("bins")[0].items,
        0,
        "bin counts leave out the trash"
    );

    let err = store
        .update_item(&vase, &titled("Edited"))
        .expect_err("a trashed item cannot be edited");
    assert_eq!(err.detail_code(), "in_trash");
    assert_index_consistent(&store);
}

#[test]
fn restore_brings_an_item_back_into_search() {
    let dir = temp_dir();
    let (store, vase, _bowl) = setup(dir.path());
    store.trash_item(&vase).expect("trash");
    let restored = store.restore_item(&vase).expect("restore");
    assert!(restored.deleted_at.is_none());
    assert!(store.item(&vase).expect("item").deleted_at.is_none());

    assert_eq!(found_ids(&store, "vase"), [vase.as_str()]);
    assert_eq!(found_ids(&store, "glass"), [vase.as_str()], "by tag too");
    assert_eq!(
        found_ids(&store, "TR-1").first(),
        Some(&vase),
        "and by exact SKU"
    );
    assert!(listed_ids(&store).contains(&vase));
    let actions: Vec<String> = store
        .history(&vase, 10)
        .expect("history")
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(actions, ["restore", "trash", "create"]);

    // Trashing and restoring repeatedly leaves the index exact.
    for _ in 0..3 {
        store.trash_item(&vase).expect("trash");
        store.restore_item(&vase).expect("restore");
    }
    assert_eq!(found_ids(&store, "vase"), [vase]);
    assert_index_consistent(&store);
}

#[test]
fn empty_trash_deletes_for_good_and_logs_a_purge() {
    let dir = temp_dir();
    let (store, vase, bowl) = setup(dir.path());
    assert_eq!(count(store.path(), "SELECT count(*) FROM item_fields"), 1);
    store.trash_item(&vase).expect("trash");
    assert_eq!(store.empty_trash().expect("empty"), 1);

    let err = store.item(&vase).expect_err("gone for good");
    assert_eq!(err.detail_code(), "not_found");
    assert!(store.item("TR-1").is_err());
    assert_eq!(count(store.path(), "SELECT count(*) FROM items"), 1);
    // Only the vase had custom fields or moves; they went with them.
    assert_eq!(count(store.path(), "SELECT count(*) FROM item_fields"), 0);
    assert_eq!(
        count(
            store.path(),
            &format!("SELECT count(*) FROM moves WHERE item_id = '{vase}'")
        ),
        0
    );
    assert!(store.trash(10).expect("trash").is_empty());
    assert_eq!(listed_ids(&store), [bowl]);

    let history = store.history(&vase, 10).expect("the log outlives the item");
    let purge = history.first().expect("a history entry");
    assert_eq!(purge.action, "purge");
    let before = purge.before.as_ref().expect("the whole record is kept");
    assert_eq!(before["title"], "Blue Vase");
    assert_eq!(before["sku"], "TR-1");

    // The SKU is free again.
    store
        .create_item(&ItemChanges {
            sku: Some("TR-1".into()),
            ..titled("New Vase")
        })
        .expect("SKU reusable");
    assert_eq!(store.empty_trash().expect("empty again"), 0);
    assert_index_consistent(&store);
}

#[test]
fn the_search_index_stays_consistent_through_edits_and_trash() {
    let dir = temp_dir();
    let (store, vase, bowl) = setup(dir.path());
    store
        .update_item(
            &bowl,
            &ItemChanges {
                title: Some("Green Bowl".into()),
                notes: Some("chipped".into()),
                ..Default::default()
            },
        )
        .expect("edit");
    store.trash_item(&vase).expect("trash");
    store
        .update_item(
            &bowl,
            &ItemChanges {
                tags: Some(vec!["kitchen".into()]),
                ..Default::default()
            },
        )
        .expect("edit");
    store.empty_trash().expect("empty");
    assert_eq!(found_ids(&store, "chipped"), [bowl.as_str()]);
    assert_eq!(found_ids(&store, "kitchen"), [bowl.as_str()]);
    assert!(
        found_ids(&store, "blue").is_empty(),
        "the old title is out of the index"
    );
    assert_index_consistent(&store);
}

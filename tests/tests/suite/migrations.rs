//! Every old schema upgrades, keeping its data, with a copy made first.

use std::path::Path;

use rusqlite::{params, Connection};
use trove_core::db::{latest_schema_version, pending_upgrade};
use trove_core::search::SearchQuery;
use trove_core::Store;

use crate::common::temp_dir;

const T: &str = "2024-01-02T03:04:05.000Z";

fn user_version(path: &Path) -> i64 {
    let conn = Connection::open(path).expect("open");
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version")
}

/// What a version-1 user had: a bin with a section, a category, tagged
/// items (one in the section, one in the trash), a custom field and an
/// activity entry, written with plain SQL as that version's app did.
fn insert_v1_rows(path: &Path) {
    let conn = Connection::open(path).expect("open");
    conn.execute_batch("PRAGMA foreign_keys = ON")
        .expect("pragma");
    let exec = |sql: &str, p: &[&dyn rusqlite::ToSql]| {
        conn.execute(sql, p)
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    };
    exec(
        "INSERT INTO bins (id, code, name, kind, created_at, updated_at) VALUES ('bin-1', 'B1', 'Garage Tote', 'general', ?1, ?1)",
        params![T],
    );
    exec(
        "INSERT INTO sections (id, bin_id, code, name, capacity, created_at, updated_at)
         VALUES ('sec-1', 'bin-1', 'B1-1', 'Top shelf', 20, ?1, ?1)",
        params![T],
    );
    exec(
        "INSERT INTO categories (id, parent_id, name, path, created_at) VALUES ('cat-1', NULL, 'Home', 'Home', ?1)",
        params![T],
    );
    exec(
        "INSERT INTO items (id, sku, barcode, title, description, brand, category_id, category, condition, quantity,
            price_amount, price_currency, cost_amount, cost_currency, status, bin_id, section_id, location, tags,
            created_at, updated_at)
         VALUES ('item-1', 'MIG-1', '00036000291452', 'Blue Glass Vase', 'hand blown', 'Murano', 'cat-1', 'Home',
            'good', 3, 2499, 'USD', 800, 'USD', 'active', 'bin-1', 'sec-1', 'B1-1', 'vintage;glass', ?1, ?1)",
        params![T],
    );
    exec(
        "INSERT INTO items (id, sku, title, quantity, status, bin_id, location, created_at, updated_at)
         VALUES ('item-2', 'MIG-2', 'Brass Candlestick', 2, 'draft', 'bin-1', 'B1', ?1, ?1)",
        params![T],
    );
    exec(
        "INSERT INTO items (id, sku, title, quantity, status, created_at, updated_at, deleted_at)
         VALUES ('item-3', 'MIG-3', 'Chipped Teapot', 1, 'draft', ?1, ?1, ?1)",
        params![T],
    );
    for (id, name) in [("tag-1", "vintage"), ("tag-2", "glass")] {
        exec(
            "INSERT INTO tags (id, name) VALUES (?1, ?2)",
            params![id, name],
        );
    }
    exec(
        "INSERT INTO custom_fields (id, name, kind, created_at) VALUES ('f-1', 'Era', 'text', ?1)",
        params![T],
    );
    exec(
        "INSERT INTO item_fields (item_seq, field_seq, value)
         SELECT i.seq, f.seq, '1960s' FROM items i, custom_fields f WHERE i.id = 'item-1' AND f.id = 'f-1'",
        params![],
    );
    exec(
        "INSERT INTO activity (id, at, action, record_type, record_id, after) VALUES ('act-1', ?1, 'create', 'item', 'item-1', '{}')",
        params![T],
    );
}

fn titles_found(store: &Store, text: &str) -> Vec<String> {
    let results = store
        .search(&SearchQuery {
            text: text.to_string(),
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("search {text:?}: {e}"));
    results
        .items
        .iter()
        .map(|i| i.title().to_string())
        .collect()
}

fn assert_v1_rows_intact(store: &Store) {
    let vase = store.item("MIG-1").expect("the vase survives the upgrade");
    let f = &vase.fields;
    assert_eq!(vase.id, "item-1");
    assert_eq!(f.title, "Blue Glass Vase");
    assert_eq!(
        f.barcode.as_ref().map(|b| b.as_str()),
        Some("00036000291452")
    );
    assert_eq!(f.quantity, 3);
    assert_eq!(
        f.price.map(|m| (m.amount, m.currency.to_string())),
        Some((2499, "USD".to_string()))
    );
    assert_eq!(f.status, trove_core::Status::Active);
    let place = f.location.as_ref().expect("still in its section");
    assert_eq!(
        (place.code.as_str(), place.path.as_str()),
        ("B1-1", "Garage Tote/Top shelf")
    );
    assert_eq!(f.tags, ["vintage", "glass"]);
    assert_eq!(f.fields.get("Era").map(String::as_str), Some("1960s"));
    assert_eq!(f.category.as_deref(), Some("Home"));

    let teapot = store.item("MIG-3").expect("the trashed item survives");
    assert!(teapot.deleted_at.is_some(), "still in the trash");

    // Searchable by title prefix, tag, brand, SKU, barcode and location code.
    assert_eq!(titles_found(store, "vas"), ["Blue Glass Vase"]);
    assert_eq!(titles_found(store, "glass"), ["Blue Glass Vase"]);
    assert_eq!(titles_found(store, "murano"), ["Blue Glass Vase"]);
    assert_eq!(titles_found(store, "MIG-2"), ["Brass Candlestick"]);
    assert_eq!(
        titles_found(store, "036000291452")
            .first()
            .map(String::as_str),
        Some("Blue Glass Vase")
    );
    assert!(
        titles_found(store, "teapot").is_empty(),
        "the trash stays out of search"
    );

    let stats = store.stats().expect("stats");
    assert_eq!(
        (
            stats.items,
            stats.units,
            stats.trashed,
            stats.bins,
            stats.sections
        ),
        (2, 5, 1, 1, 1)
    );
    let bins = store.bins().expect("bins");
    assert_eq!(bins[0].items, 2, "derived bin counts include the section");
    assert_eq!(bins[0].sections[0].units, 3);
    assert!(
        store.doctor().expect("doctor").healthy(),
        "the upgraded file is consistent"
    );
}

#[test]
fn every_old_schema_version_upgrades_with_its_data_intact() {
    let latest = latest_schema_version();
    assert!(latest >= 1, "there is at least one migration");
    for v in 0..latest {
        let dir = temp_dir();
        let path = dir.path().join("trove.db");
        Store::create_at_version(&path, v).unwrap_or_else(|e| panic!("create at version {v}: {e}"));
        assert_eq!(user_version(&path), v as i64);
        if v >= 1 {
            insert_v1_rows(&path);
        }
        let pending = pending_upgrade(&path).expect("look for an upgrade");
        if v == 0 {
            assert_eq!(pending, None, "an empty file is created, not upgraded");
        } else {
            let pending = pending.expect("an old schema is an upgrade");
            assert_eq!((pending.from, pending.to), (v, latest));
            assert!(pending.bytes > 0);
        }
        assert_eq!(user_version(&path), v as i64, "looking changes nothing");

        let store = Store::open(&path).unwrap_or_else(|e| panic!("open a version {v} file: {e}"));
        assert_eq!(
            user_version(&path),
            latest as i64,
            "version {v} was brought up to date"
        );
        if v >= 1 {
            assert_v1_rows_intact(&store);
        }
        if (1..5).contains(&v) {
            // The ledger starts from what the item held (schema 5).
            let moves = store.stock_movements("item-1", 10).expect("movements");
            assert_eq!(
                moves
                    .iter()
                    .map(|m| (m.id.as_str(), m.on_hand, m.reason))
                    .collect::<Vec<_>>(),
                [("opening-item-1", 3, trove_core::stock::Reason::Opening)]
            );
        }
        if v == 0 {
            assert_eq!(store.stats().expect("stats").items, 0);
        }

        assert_eq!(
            pending_upgrade(&path).expect("look again"),
            None,
            "nothing left to do"
        );
        match store.upgrade_backup() {
            None => assert_eq!(v, 0, "a version {v} database was upgraded without a backup"),
            Some(backup) => {
                assert!(v > 0, "an empty version-0 file needs no backup");
                assert!(backup.exists(), "backup {} exists", backup.display());
                assert_eq!(
                    backup.parent(),
                    path.parent(),
                    "the backup sits beside the database"
                );
                assert_eq!(
                    user_version(backup),
                    v as i64,
                    "the backup keeps the old schema"
                );
                if v >= 1 {
                    assert_eq!(
                        crate::common::count(backup, "SELECT count(*) FROM items"),
                        3,
                        "the backup holds the data"
                    );
                }
            }
        }
        drop(store);

        let again = Store::open(&path).expect("reopen");
        assert!(
            again.upgrade_backup().is_none(),
            "version {v}: opening an up-to-date file makes no backup"
        );
        if v >= 1 {
            assert_v1_rows_intact(&again);
        }
    }
}

#[test]
fn opening_an_up_to_date_file_makes_no_backup() {
    let dir = temp_dir();
    let path = dir.path().join("trove.db");
    let store = Store::open(&path).expect("create");
    assert!(
        store.upgrade_backup().is_none(),
        "a brand-new file needs no backup"
    );
    store
        .create_item(&crate::common::titled("Lamp"))
        .expect("create item");
    drop(store);
    let store = Store::open(&path).expect("reopen");
    assert!(store.upgrade_backup().is_none());
    drop(store);
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".bak"))
        .collect();
    assert!(files.is_empty(), "no backup files: {files:?}");
}

#[test]
fn a_database_from_a_newer_trove_is_refused_and_left_alone() {
    let dir = temp_dir();
    let path = dir.path().join("trove.db");
    let store = Store::open(&path).expect("create");
    store
        .create_item(&crate::common::titled("Lamp"))
        .expect("create item");
    drop(store);
    let newer = latest_schema_version() as i64 + 1;
    Connection::open(&path)
        .expect("open")
        .execute_batch(&format!("PRAGMA user_version = {newer}"))
        .expect("bump");

    let err = Store::open(&path).expect_err("a newer schema must be refused");
    assert_eq!(err.detail_code(), "schema_too_new", "{err}");
    assert!(
        err.to_string().contains("update Trove"),
        "the message says what to do: {err}"
    );
    assert_eq!(user_version(&path), newer, "the file is not touched");
    assert_eq!(crate::common::count(&path, "SELECT count(*) FROM items"), 1);
}

#[test]
fn outbox_jobs_written_before_schema_6_keep_their_account_and_learn_its_platform() {
    let dir = temp_dir();
    let path = dir.path().join("trove.db");
    Store::create_at_version(&path, 5).unwrap();
    insert_v1_rows(&path);
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "INSERT INTO marketplace_accounts (id, platform, username, created_at)
             VALUES ('acct-1', 'etsy', 'shop', '2026-01-01T00:00:00.000Z');
         INSERT INTO listings (id, item_id, platform, account_id, created_at, updated_at)
             VALUES ('lst-1', 'item-1', 'etsy', 'acct-1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
         INSERT INTO sync_jobs (id, account_id, kind, listing_id, idempotency_key, next_attempt_at, created_at, updated_at)
             VALUES ('job-1', 'acct-1', 'end', 'lst-1', 'key-1', '2026-01-01T00:00:00.000Z',
                     '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let row: (String, Option<String>, String, String) = conn
        .query_row(
            "SELECT platform, account_id, kind, idempotency_key FROM sync_jobs WHERE id = 'job-1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        row,
        (
            "etsy".into(),
            Some("acct-1".into()),
            "end".into(),
            "key-1".into()
        )
    );
    // A job may now wait for an account that is not connected yet.
    conn.execute(
        "INSERT INTO sync_jobs (id, platform, kind, idempotency_key, next_attempt_at, created_at, updated_at)
         VALUES ('job-2', 'ebay', 'create', 'key-2', 'now', 'now', 'now')",
        [],
    )
    .unwrap();
}

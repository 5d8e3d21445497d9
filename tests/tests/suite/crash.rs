//! A crash in the middle of an import never corrupts the database or keeps
//! half of the file.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use trove_core::{ItemChanges, Store};

use crate::common::{temp_dir, titled, trove_bin};

/// Rows in the file being imported when the process is killed.
const ROWS: u64 = 200_000;
/// The write-ahead log grows once the import's changes outgrow the page
/// cache; past this size the import is well under way.
const WAL_BYTES_BEFORE_KILL: u64 = 4 << 20;
/// Only a guard against a hung child; the kill normally comes much sooner.
const GIVE_UP_AFTER: Duration = Duration::from_secs(300);

fn item_rows(db: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn
        .prepare("SELECT id, title FROM items ORDER BY seq")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query");
    rows.collect::<rusqlite::Result<_>>().expect("rows")
}

#[test]
fn killing_an_import_midway_leaves_the_database_intact_and_unchanged() {
    let dir = temp_dir();
    let db = dir.path().join("trove.db");
    {
        let store = Store::open(&db).expect("create");
        let bin = store.add_bin("Shelf", None).expect("bin");
        for n in 0..20 {
            let changes = ItemChanges {
                location: Some(bin.code.clone()),
                ..titled(&format!("Before the crash {n}"))
            };
            store.create_item(&changes).expect("item");
        }
    }
    let before = item_rows(&db);
    let csv = dir.path().join("big.csv");
    crate::common::write_generated_csv(&csv, ROWS, 5);

    let wal = dir.path().join("trove.db-wal");
    let mut child = Command::new(trove_bin())
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&csv)
        .env_remove("TROVE_DB")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start trove import");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("poll child") {
            panic!(
                "the import finished ({status}) before it could be killed; make the file bigger"
            );
        }
        let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        if size > WAL_BYTES_BEFORE_KILL {
            break;
        }
        if started.elapsed() > GIVE_UP_AFTER {
            let _ = child.kill();
            panic!("the write-ahead log never grew past {WAL_BYTES_BEFORE_KILL} bytes");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL the import");
    let status = child.wait().expect("reap child");
    assert!(!status.success(), "the import was killed, not finished");

    let conn = rusqlite::Connection::open(&db).expect("the file opens after the crash");
    let check: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert_eq!(check, ["ok"]);
    drop(conn);

    let store = Store::open(&db).expect("Store::open after the crash");
    let report = store.doctor().expect("doctor");
    assert!(report.healthy(), "{report:?}");
    assert!(
        report.checks.iter().all(|c| c.problems.is_empty()),
        "nothing needed repair: {report:?}"
    );
    assert_eq!(
        item_rows(&db),
        before,
        "exactly the rows from before the import"
    );
    assert_eq!(
        crate::common::count(&db, "SELECT count(*) FROM import_batches"),
        0,
        "no trace of the killed import"
    );
    assert_eq!(
        crate::common::count(&db, "SELECT count(*) FROM activity WHERE action = 'import'"),
        0
    );

    let again = crate::common::import(&store, &csv).expect("the same file imports after the crash");
    assert_eq!(again.created, ROWS);
    assert_eq!(
        store.stats().expect("stats").items,
        before.len() as i64 + ROWS as i64
    );
}

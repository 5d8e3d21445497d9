//! Readers never wait for, or see half of, a long import.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use trove_core::import::ImportOptions;
use trove_core::jobs::Job;
use trove_core::list::ListQuery;
use trove_core::search::SearchQuery;
use trove_core::ItemChanges;

use crate::common::{new_store, temp_dir, titled};

/// Rows in the big import.
const ROWS: u64 = 100_000;
const EXISTING: usize = 25;

/// What one read during the import saw.
struct Seen {
    /// The import had not reached its commit when this read finished.
    before_commit: bool,
    items: i64,
    newest_is_existing: bool,
    found_existing: usize,
}

#[test]
fn a_reader_keeps_reading_a_consistent_snapshot_while_a_big_import_writes() {
    let dir = temp_dir();
    let store = Arc::new(new_store(dir.path()));
    let mut existing = HashSet::new();
    for n in 0..EXISTING {
        let item = store
            .create_item(&ItemChanges {
                quantity: Some(2),
                ..titled(&format!("Quokkaware teapot {n}"))
            })
            .expect("item");
        existing.insert(item.id);
    }
    let csv = dir.path().join("big.csv");
    crate::common::write_generated_csv(&csv, ROWS, 11);

    // Set from the import's last progress report, which comes before its
    // commit: a read that finishes while this is unset saw the database
    // before the import.
    let committing = Arc::new(AtomicBool::new(false));
    let finished = Arc::new(AtomicBool::new(false));
    let importer = {
        let (store, committing, finished) = (
            Arc::clone(&store),
            Arc::clone(&committing),
            Arc::clone(&finished),
        );
        std::thread::spawn(move || {
            let never = AtomicBool::new(false);
            let mut job = Job::new(&never, |p| {
                if p.bytes >= p.total_bytes {
                    committing.store(true, Ordering::SeqCst);
                }
            });
            let result = store.import_csv(&csv, &ImportOptions::default(), &mut job);
            drop(job);
            committing.store(true, Ordering::SeqCst);
            finished.store(true, Ordering::SeqCst);
            result
        })
    };

    let mut seen = Vec::new();
    let mut failures = Vec::new();
    let teapots = SearchQuery {
        text: "quokkaware teap".into(),
        limit: Some(100),
        ..Default::default()
    };
    while !finished.load(Ordering::SeqCst) {
        let stats = store.stats();
        let page = store.list(&ListQuery {
            limit: Some(20),
            ..Default::default()
        });
        let found = store.search(&teapots);
        let broad = store.search(&SearchQuery {
            text: "a".into(),
            ..Default::default()
        });
        let before_commit = !committing.load(Ordering::SeqCst);
        match (stats, page, found, broad) {
            (Ok(stats), Ok(page), Ok(found), Ok(_)) => seen.push(Seen {
                before_commit,
                items: stats.items,
                newest_is_existing: page.items.first().is_some_and(|i| existing.contains(&i.id)),
                found_existing: found
                    .items
                    .iter()
                    .filter(|i| existing.contains(&i.id))
                    .count(),
            }),
            (s, p, f, b) => failures.push(format!(
                "{:?} {:?} {:?} {:?}",
                s.err(),
                p.err(),
                f.err(),
                b.err()
            )),
        }
    }
    let report = importer
        .join()
        .expect("the import thread did not panic")
        .expect("the import succeeded");
    assert_eq!(report.created, ROWS);

    assert!(
        failures.is_empty(),
        "reads failed during the import: {failures:?}"
    );
    let during: Vec<&Seen> = seen.iter().filter(|s| s.before_commit).collect();
    assert!(
        during.len() > 10,
        "only {} reads completed while the import ran",
        during.len()
    );
    for s in &during {
        assert_eq!(
            s.items, EXISTING as i64,
            "a read during the import saw uncommitted rows"
        );
        assert!(s.newest_is_existing, "the list showed an uncommitted row");
        assert_eq!(
            s.found_existing, EXISTING,
            "search lost sight of committed rows"
        );
    }
    for s in &seen {
        assert!(
            s.items == EXISTING as i64 || s.items == EXISTING as i64 + ROWS as i64,
            "a read saw a half-written import: {} items",
            s.items
        );
    }
    let after = store.stats().expect("stats");
    assert_eq!(after.items, EXISTING as i64 + ROWS as i64);
    let found = store.search(&teapots).expect("search");
    assert_eq!(found.items.len(), EXISTING);
}

//! CSV import and export: exact round trips, files people already have,
//! and imports that are all or nothing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use trove_core::import::{ImportOptions, ImportReport};
use trove_core::item::ItemFields;
use trove_core::jobs::Job;
use trove_core::list::ListQuery;
use trove_core::{Error, ItemChanges, Store};

use crate::common::{count, new_store, table_counts, temp_dir, titled};

/// Every live item, oldest first.
fn all_items(store: &Store) -> Vec<trove_core::Item> {
    let mut items = store
        .list(&ListQuery {
            limit: Some(500),
            ..Default::default()
        })
        .expect("list")
        .items;
    items.reverse();
    items
}

/// The item's fields as an export carries them: the location by its path
/// (codes and ids differ between databases), no custom fields.
fn comparable(fields: &ItemFields) -> (ItemFields, Option<String>) {
    let mut f = fields.clone();
    let path = f.location.take().map(|p| p.path);
    f.fields.clear();
    (f, path)
}

fn import_with(
    store: &Store,
    path: &Path,
    options: ImportOptions,
) -> trove_core::Result<ImportReport> {
    store.import_csv(path, &options, &mut Job::quiet())
}

fn rejected_report(result: trove_core::Result<ImportReport>) -> ImportReport {
    match result {
        Err(Error::Import(report)) => *report,
        Err(other) => panic!("expected the file to be rejected, got {other:?}"),
        Ok(report) => panic!("expected the file to be rejected, but it imported: {report:?}"),
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write file");
    path
}

/// Items that use every exported field and every awkward kind of text.
fn create_awkward_items(store: &Store) {
    let bin = store.add_bin("Garage Tote", Some("clothing")).expect("bin");
    store
        .add_section(&bin.code, "Top shelf", None)
        .expect("section");
    store.add_bin("Card Binder", Some("cards")).expect("bin");
    let full = ItemChanges {
        title: Some("Vintage Levi's 501 Jeans".into()),
        sku: Some("JEANS-501".into()),
        barcode: Some("036000291452".into()),
        description: Some("Faded \"stonewash\", 32x34,\nsecond line\r\nthird line".into()),
        brand: Some("Levi's".into()),
        category: Some("Clothing > Men > Jeans".into()),
        size: Some("32x34".into()),
        colour: Some("Indigo".into()),
        material: Some("Cotton, 100%".into()),
        condition: Some("like_new".into()),
        quantity: Some(2),
        low_stock_threshold: Some(Some(1)),
        cost: Some("8.50".into()),
        cost_currency: Some("EUR".into()),
        price: Some("49.99".into()),
        price_currency: Some("USD".into()),
        weight_grams: Some(Some(650)),
        length_mm: Some(Some(300)),
        width_mm: Some(Some(250)),
        height_mm: Some(Some(40)),
        notes: Some("=HYPERLINK(\"http://evil\")".into()),
        status: Some("active".into()),
        location: Some("Garage Tote/Top shelf".into()),
        tags: Some(vec!["denim".into(), "90s".into(), "Made in USA".into()]),
        acquired_on: Some("2024-03-15".into()),
        acquired_from: Some("Estate sale, Elm St.".into()),
        ..Default::default()
    };
    let items = [
        full,
        ItemChanges {
            price: Some("1200".into()),
            price_currency: Some("JPY".into()),
            cost: Some("800".into()),
            location: Some("Card Binder".into()),
            status: Some("sold".into()),
            barcode: Some("0306406152".into()),
            ..titled("東京タワー 模型 🎉 Crème brûlée")
        },
        ItemChanges {
            price: Some("1.250".into()),
            price_currency: Some("BHD".into()),
            quantity: Some(0),
            status: Some("archived".into()),
            ..titled("=SUM(A1:A9)")
        },
        ItemChanges {
            cost: Some("3.00".into()),
            cost_currency: Some("GBP".into()),
            ..titled("+44 phone case")
        },
        ItemChanges {
            description: Some("-5 degrees".into()),
            ..titled("-20% off sign")
        },
        ItemChanges {
            brand: Some("@handle".into()),
            sku: Some("@SKU".into()),
            ..titled("@mention mug")
        },
        ItemChanges {
            notes: Some("'quoted' note".into()),
            ..titled("'Tis the season ornament")
        },
        ItemChanges {
            description: Some("''double".into()),
            ..titled("'=not a formula")
        },
        ItemChanges {
            description: Some("a,b,\"c\"".into()),
            ..titled("Comma, \"quote\" and more")
        },
        ItemChanges {
            condition: Some("poor".into()),
            category: Some("Home".into()),
            ..titled("Plain")
        },
    ];
    for changes in items {
        store
            .create_item(&changes)
            .unwrap_or_else(|e| panic!("{changes:?}: {e}"));
    }
}

#[test]
fn export_then_import_then_export_gives_the_same_file_and_the_same_items() {
    let dir = temp_dir();
    let first = new_store(&dir.path().join("a"));
    create_awkward_items(&first);
    let file1 = dir.path().join("export1.csv");
    let report = first.export_csv(&file1).expect("export");
    assert_eq!(report.rows, 10);

    let second = new_store(&dir.path().join("b"));
    let imported = crate::common::import(&second, &file1).expect("the export imports");
    assert_eq!(
        (imported.rows, imported.created, imported.error_count),
        (10, 10, 0)
    );
    let file2 = dir.path().join("export2.csv");
    second.export_csv(&file2).expect("export again");

    let a = std::fs::read(&file1).expect("read");
    let b = std::fs::read(&file2).expect("read");
    assert_eq!(
        String::from_utf8_lossy(&a),
        String::from_utf8_lossy(&b),
        "the two exports are byte-identical"
    );

    let before = all_items(&first);
    let after = all_items(&second);
    assert_eq!(before.len(), after.len());
    for (x, y) in before.iter().zip(&after) {
        assert_eq!(
            comparable(&x.fields),
            comparable(&y.fields),
            "{} round-trips field by field",
            x.title()
        );
    }
}

#[test]
fn exported_cells_that_look_like_formulas_are_neutralised() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    create_awkward_items(&store);
    let file = dir.path().join("export.csv");
    store.export_csv(&file).expect("export");

    let mut rdr = csv::Reader::from_path(&file).expect("the export is CSV");
    let header = rdr.headers().expect("header").clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column"))
    };
    let (title, notes, brand, description, sku) = (
        col("title"),
        col("notes"),
        col("brand"),
        col("description"),
        col("sku"),
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    let titles: Vec<&str> = rows.iter().map(|r| &r[title]).collect();
    for expected in [
        "'=SUM(A1:A9)",
        "'+44 phone case",
        "'-20% off sign",
        "'@mention mug",
        "''Tis the season ornament",
        "''=not a formula",
    ] {
        assert!(titles.contains(&expected), "{expected} in {titles:?}");
    }
    assert!(rows
        .iter()
        .any(|r| &r[notes] == "'=HYPERLINK(\"http://evil\")"));
    assert!(rows
        .iter()
        .any(|r| &r[brand] == "'@handle" && &r[sku] == "'@SKU"));
    assert!(rows.iter().any(|r| &r[description] == "'-5 degrees"));
    for r in &rows {
        for cell in r.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "unguarded cell {cell:?}"
            );
        }
    }
}

#[test]
fn header_aliases_from_other_tools_are_understood() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let file = write(
        dir.path(),
        "other.csv",
        b"Name,UPC,Qty,Color,Purchase Price\nBlue Vase,036000291452,3,Blue,2.50\n",
    );
    let report = crate::common::import(&store, &file).expect("import");
    assert_eq!(report.created, 1);
    let vase = store.item("036000291452").expect("found by barcode");
    assert_eq!(vase.title(), "Blue Vase");
    assert_eq!(vase.fields.quantity, 3);
    assert_eq!(vase.fields.colour.as_deref(), Some("Blue"));
    assert_eq!(vase.fields.cost.map(|m| m.amount), Some(250));
}

#[test]
fn bom_crlf_and_quoted_commas_quotes_and_newlines_all_import() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let text = "\u{feff}title,description,quantity,tags\r\n\
                \"Vase, blue\",\"He said \"\"hi\"\"\r\nline two\",2,glass; blue\r\n\
                Plain,,1,\r\n";
    let file = write(dir.path(), "excel.csv", text.as_bytes());
    let report = crate::common::import(&store, &file).expect("import");
    assert_eq!((report.rows, report.created), (2, 2));
    assert!(
        report.ignored_columns.is_empty(),
        "the BOM is not part of the first column's name: {report:?}"
    );
    let items = all_items(&store);
    assert_eq!(items[0].title(), "Vase, blue");
    assert_eq!(
        items[0].fields.description.as_deref(),
        Some("He said \"hi\"\r\nline two")
    );
    assert_eq!(items[0].fields.quantity, 2);
    assert_eq!(items[0].fields.tags, ["glass", "blue"]);
    assert_eq!(items[1].title(), "Plain");
}

#[test]
fn a_file_that_is_not_utf8_is_rejected_naming_the_line() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store.create_item(&titled("Already here")).expect("item");
    let before = table_counts(store.path());
    let file = write(
        dir.path(),
        "latin1.csv",
        b"title,quantity\nGood row,1\nCaf\xE9 table,2\nAnother,3\n",
    );
    let report = rejected_report(crate::common::import(&store, &file));
    assert_eq!(report.errors.len(), 1, "{report:?}");
    let e = &report.errors[0];
    assert_eq!(
        (e.code.as_str(), e.line, e.column.as_str()),
        ("encoding_invalid", 3, "title")
    );
    assert_eq!(e.file, file.display().to_string());
    assert!(!report.committed);
    assert_eq!(
        table_counts(store.path()),
        before,
        "nothing was imported, not even line 2"
    );
}

#[test]
fn a_row_with_an_existing_sku_updates_that_item() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let old = store
        .create_item(&ItemChanges {
            sku: Some("UPD-1".into()),
            brand: Some("Acme".into()),
            ..titled("Old title")
        })
        .expect("item");
    let file = write(
        dir.path(),
        "update.csv",
        b"sku,title,quantity\nupd-1,New title,7\nNEW-1,Brand new,1\n",
    );
    let report = crate::common::import(&store, &file).expect("import");
    assert_eq!((report.created, report.updated), (1, 1));
    assert_eq!(
        count(store.path(), "SELECT count(*) FROM items"),
        2,
        "no duplicate"
    );
    let item = store.item("UPD-1").expect("item");
    assert_eq!(item.id, old.id);
    assert_eq!((item.title(), item.fields.quantity), ("New title", 7));
    assert_eq!(
        item.fields.brand.as_deref(),
        Some("Acme"),
        "columns the file lacks are left as they were"
    );
    assert!(item
        .fields
        .sku
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("UPD-1")));

    let again = crate::common::import(&store, &file).expect("import again");
    assert_eq!(
        (again.created, again.updated, again.unchanged),
        (0, 0, 2),
        "re-importing changes nothing"
    );
}

/// A 1,000-row file; `bad` maps a file line to the row to write there.
fn thousand_rows(dir: &Path, name: &str, bad: &[(u64, &str)]) -> PathBuf {
    let mut text = String::from("sku,barcode,title,quantity,price,currency,location,tags\n");
    for n in 1..=1000u64 {
        let line = n + 1;
        match bad.iter().find(|(l, _)| *l == line) {
            Some((_, row)) => text.push_str(row),
            None => {
                let _ = write!(
                    text,
                    "AT-{n},,Atomic {n},{},{}.99,USD,Atomic Shelf/Row {},bulk;row{}",
                    n % 5,
                    n % 50,
                    n % 4,
                    n % 3
                );
            }
        }
        text.push('\n');
    }
    write(dir, name, text.as_bytes())
}

const BAD_ROWS: [(u64, &str); 2] = [
    (
        500,
        "AT-BAD1,036000291453,Bad barcode,1,1.00,USD,Atomic Shelf,",
    ),
    (900, "AT-BAD2,,Bad quantity,-3,1.00,USD,Atomic Shelf,"),
];

/// A database with something in it already, so "unchanged" means something.
fn seeded_store(dir: &Path) -> Store {
    let store = new_store(dir);
    let bin = store.add_bin("Existing", None).expect("bin");
    store
        .create_item(&ItemChanges {
            sku: Some("AT-1".into()),
            location: Some(bin.code),
            ..titled("Existing one")
        })
        .expect("item");
    store.create_item(&titled("Existing two")).expect("item");
    store
}

#[test]
fn import_rejects_whole_file_on_bad_rows_and_lists_every_error() {
    let dir = temp_dir();
    let store = seeded_store(dir.path());
    let file = thousand_rows(dir.path(), "bad.csv", &BAD_ROWS);
    let before = table_counts(store.path());

    let report = rejected_report(crate::common::import(&store, &file));
    assert_eq!(
        table_counts(store.path()),
        before,
        "the database is exactly as before"
    );
    assert!(!report.committed);
    assert_eq!(report.error_count, 2);
    let errors: Vec<(u64, &str, &str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.value.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (500, "barcode", "036000291453", "barcode_check_digit"),
            (900, "quantity", "-3", "quantity_negative")
        ]
    );
    for e in &report.errors {
        assert_eq!(e.file, file.display().to_string());
        assert!(!e.message.is_empty());
    }
    assert_eq!(
        store.item("AT-1").expect("item").title(),
        "Existing one",
        "the existing SKU row was not updated"
    );
}

#[test]
fn skip_invalid_imports_the_good_rows_and_reports_the_bad() {
    let dir = temp_dir();
    let store = seeded_store(dir.path());
    let file = thousand_rows(dir.path(), "bad.csv", &BAD_ROWS);
    let items_before = count(store.path(), "SELECT count(*) FROM items");

    let options = ImportOptions {
        skip_invalid: true,
        ..Default::default()
    };
    let report = import_with(&store, &file, options).expect("import with skip_invalid");
    assert!(report.committed);
    assert_eq!(report.rows, 1000);
    assert_eq!(report.created + report.updated, 998, "{report:?}");
    assert_eq!(report.updated, 1, "AT-1 already existed");
    assert_eq!((report.skipped, report.error_count), (2, 2));
    assert_eq!(
        report.errors.iter().map(|e| e.line).collect::<Vec<_>>(),
        [500, 900]
    );
    assert_eq!(
        count(store.path(), "SELECT count(*) FROM items"),
        items_before + 997
    );
    assert!(
        store.item("AT-BAD1").is_err() && store.item("AT-BAD2").is_err(),
        "bad rows left no trace"
    );
    assert_eq!(
        count(
            store.path(),
            "SELECT count(*) FROM items WHERE location IS NULL AND sku LIKE 'AT-%'"
        ),
        0
    );
}

#[test]
fn dry_run_reports_the_counts_and_writes_nothing() {
    let dir = temp_dir();
    let store = seeded_store(dir.path());
    let file = thousand_rows(dir.path(), "good.csv", &[]);
    let before = table_counts(store.path());

    let options = ImportOptions {
        dry_run: true,
        ..Default::default()
    };
    let report = import_with(&store, &file, options).expect("dry run");
    assert!(report.dry_run && !report.committed);
    assert_eq!(
        (
            report.rows,
            report.created,
            report.updated,
            report.error_count
        ),
        (1000, 999, 1, 0)
    );
    assert_eq!(
        table_counts(store.path()),
        before,
        "a dry run writes nothing"
    );

    let dry_bad = import_with(
        &store,
        &thousand_rows(dir.path(), "bad.csv", &BAD_ROWS),
        ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    );
    let report = match dry_bad {
        Ok(r) => r,
        Err(Error::Import(r)) => *r,
        Err(other) => panic!("dry run of a bad file: {other:?}"),
    };
    assert_eq!(report.error_count, 2, "a dry run lists the errors too");
    assert_eq!(table_counts(store.path()), before);
}

#[test]
fn cancelling_from_the_progress_callback_leaves_nothing() {
    let dir = temp_dir();
    let store = seeded_store(dir.path());
    let file = thousand_rows(dir.path(), "good.csv", &[]);
    let before = table_counts(store.path());
    let mut calls = Vec::new();
    let cancel = AtomicBool::new(false);
    let mut job = Job::new(&cancel, |p| {
        calls.push(p.done);
        cancel.store(true, Ordering::Relaxed);
    })
    .unthrottled();
    let result = store.import_csv(&file, &ImportOptions::default(), &mut job);
    drop(job);
    let err = result.expect_err("cancelled");
    assert_eq!(err.detail_code(), "cancelled");
    assert_eq!(
        calls,
        [1000],
        "progress was reported, and the answer obeyed at once"
    );
    assert_eq!(table_counts(store.path()), before, "nothing was kept");
    // The store is still usable afterwards.
    assert_eq!(
        crate::common::import(&store, &file).expect("import").rows,
        1000
    );
}

#[test]
fn an_import_that_updates_items_keeps_the_search_index_exact() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store
        .create_item(&ItemChanges {
            sku: Some("UPD-2".into()),
            ..titled("Brass lamp")
        })
        .expect("item");
    let file = write(
        dir.path(),
        "update.csv",
        b"sku,title,notes\nUPD-2,Copper lamp,dented shade\n",
    );
    assert_eq!(
        crate::common::import(&store, &file)
            .expect("import")
            .updated,
        1
    );

    let found = |text: &str| -> Vec<String> {
        let q = trove_core::search::SearchQuery {
            text: text.into(),
            ..Default::default()
        };
        store
            .search(&q)
            .unwrap_or_else(|e| panic!("search {text:?}: {e}"))
            .items
            .into_iter()
            .map(|i| i.title().to_string())
            .collect()
    };
    assert_eq!(found("copper"), ["Copper lamp"]);
    assert_eq!(found("dented"), ["Copper lamp"]);
    assert!(
        found("brass").is_empty(),
        "the old title is gone from the index"
    );
    let conn = rusqlite::Connection::open(store.path()).expect("open");
    conn.execute(
        "INSERT INTO items_fts(items_fts, rank) VALUES('integrity-check', 1)",
        [],
    )
    .expect("the search index matches the items");
}

#[test]
fn reimporting_an_export_into_the_same_database_changes_nothing() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    // Bin names are unique per kind, so two kinds may each have a "Tote".
    let clothes = store.add_bin("Tote", Some("clothing")).expect("bin");
    let cards = store.add_bin("Tote", Some("cards")).expect("bin");
    store
        .add_section(&cards.code, "Row 1", None)
        .expect("section");
    let place = [
        clothes.code.clone(),
        cards.code.clone(),
        format!("{}-1", cards.code),
        String::new(),
    ];
    for (n, location) in place.iter().enumerate() {
        let changes = ItemChanges {
            sku: Some(format!("RE-{n}")),
            location: Some(location.clone()),
            ..titled(&format!("Item {n}"))
        };
        store.create_item(&changes).expect("item");
    }
    let file = dir.path().join("export.csv");
    store.export_csv(&file).expect("export");
    let before = table_counts(store.path());
    let locations = |store: &Store| -> Vec<Option<String>> {
        all_items(store)
            .into_iter()
            .map(|i| i.fields.location.map(|p| p.code))
            .collect()
    };
    let where_before = locations(&store);

    let report = crate::common::import(&store, &file)
        .unwrap_or_else(|e| panic!("the store's own export re-imports: {e}"));
    assert_eq!(
        (report.unchanged, report.created, report.updated),
        (4, 0, 0)
    );
    assert_eq!(
        locations(&store),
        where_before,
        "every item stays where it was"
    );
    let expected: Vec<(&str, i64)> = before
        .into_iter()
        // The import is recorded once: its batch, and one activity entry.
        .map(|(t, n)| {
            (
                t,
                if t == "import_batches" || t == "activity" {
                    n + 1
                } else {
                    n
                },
            )
        })
        .collect();
    assert_eq!(
        table_counts(store.path()),
        expected,
        "only the import itself was recorded"
    );
}

#[test]
fn an_item_in_a_bin_named_like_a_location_code_stays_in_that_bin_through_export_and_import() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    // "B2" as a name would be confused with the code B2. Refusing such a
    // name is one fix; keeping it unambiguous through the CSV is another.
    let named_like_code = match store.add_bin("B2", None) {
        Err(e) => {
            assert_eq!(e.detail_code(), "name_invalid", "{e}");
            return;
        }
        Ok(bin) => bin,
    };
    let other = store.add_bin("Other", None).expect("bin");
    assert_eq!(other.code, "B2", "the second bin gets code B2");
    store
        .create_item(&ItemChanges {
            sku: Some("L-1".into()),
            location: Some(named_like_code.code.clone()),
            ..titled("Lamp")
        })
        .expect("item");
    let file = dir.path().join("export.csv");
    store.export_csv(&file).expect("export");

    let result = crate::common::import(&store, &file);
    let lamp = store.item("L-1").expect("item");
    assert_eq!(
        lamp.fields.location.map(|p| p.code),
        Some(named_like_code.code.clone()),
        "re-importing the export moved the lamp into bin {} (import result: {result:?})",
        other.code
    );

    let fresh = new_store(&dir.path().join("fresh"));
    let imported = crate::common::import(&fresh, &file)
        .unwrap_or_else(|e| panic!("the export imports into a new database: {e}"));
    assert_eq!(imported.created, 1);
    assert_eq!(
        fresh
            .item("L-1")
            .expect("item")
            .fields
            .location
            .map(|p| p.path),
        Some("B2".to_string())
    );
}

#[test]
fn a_sku_repeated_later_in_the_same_file_updates_the_row_it_created() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    // Far enough apart that the first row sits in a queued batch when the
    // second arrives, and close enough that it has not been written yet.
    let mut csv = String::from("sku,title,quantity,tags\n");
    for n in 0..600 {
        csv.push_str(&format!("B-{n},Item {n},1,\n"));
        if n == 10 {
            csv.push_str("DUP-1,First title,1,a\n");
        }
    }
    csv.push_str("DUP-1,Second title,7,b\n");
    let file = dir.path().join("dup.csv");
    std::fs::write(&file, csv).expect("write");
    for skip_invalid in [false, true] {
        let fresh = dir.path().join(format!("dup-{skip_invalid}.db"));
        let store_run = trove_core::Store::open(&fresh).expect("open");
        let report = store_run
            .import_csv(
                &file,
                &trove_core::import::ImportOptions {
                    skip_invalid,
                    ..Default::default()
                },
                &mut Job::quiet(),
            )
            .expect("import");
        assert_eq!(
            (report.created, report.updated),
            (601, 1),
            "skip_invalid={skip_invalid}"
        );
        let item = store_run
            .item("DUP-1")
            .expect("the repeated SKU is one item");
        assert_eq!(item.fields.title, "Second title");
        assert_eq!(item.fields.quantity, 7);
        assert_eq!(item.fields.tags, ["b"]);
        assert_eq!(count(&fresh, "SELECT count(*) FROM items"), 601);
        assert!(store_run.doctor().expect("doctor").healthy());
        // The repeat is kept, and said: line 13 is the first DUP-1 row
        // (header, then B-0..B-10 on lines 2-12), line 603 the second.
        assert_eq!(report.repeated_sku_count, 1);
        let repeat = &report.repeated_skus[0];
        assert_eq!(
            (repeat.sku.as_str(), repeat.lines.clone()),
            ("DUP-1", vec![13, 603])
        );
        assert_eq!(
            repeat.to_string(),
            "SKU DUP-1 is on lines 13 and 603; line 603 updated line 13"
        );
        assert!(
            report.summary().contains("1 SKU(s) on more than one line"),
            "{}",
            report.summary()
        );
    }
    drop(store);
}

#[test]
fn a_sku_on_three_lines_is_listed_once_with_every_line_and_case_does_not_hide_it() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let file = write(
        dir.path(),
        "three.csv",
        b"sku,title\nF-1,One\nG-1,Other\nf-1,Two\nF-1,Three\nG-2,Another\n",
    );
    let report = import_with(&store, &file, ImportOptions::default()).expect("import");
    assert_eq!((report.created, report.updated), (3, 2));
    assert_eq!(report.repeated_sku_count, 1);
    assert_eq!(report.repeated_skus[0].lines, vec![2, 4, 5]);
    assert_eq!(
        report.repeated_skus[0].to_string(),
        // Named as the line that repeated it first spells it.
        "SKU f-1 is on lines 2, 4 and 5; each line updated the one before it"
    );
    assert_eq!(store.item("F-1").expect("item").fields.title, "Three");
}

#[test]
fn an_empty_file_is_refused_with_a_sentence_not_imported_as_nothing() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    for (name, bytes) in [("zero.csv", &b""[..]), ("blank.csv", &b"\n\n\r\n"[..])] {
        let file = write(dir.path(), name, bytes);
        let report = rejected_report(import_with(&store, &file, ImportOptions::default()));
        assert!(!report.committed, "{name}");
        assert_eq!(report.errors.len(), 1, "{name}: {:?}", report.errors);
        let e = &report.errors[0];
        assert_eq!((e.line, e.code.as_str()), (1, "csv_empty"), "{name}");
        assert!(e.message.contains("header row"), "{name}: {}", e.message);
        assert!(e.file.ends_with(name), "{name}: {}", e.file);
    }
    // A header with no rows is a file of nothing, and fine.
    let file = write(dir.path(), "header.csv", b"title,sku\n");
    let report = import_with(&store, &file, ImportOptions::default()).expect("import");
    assert!(report.committed && report.rows == 0);
}

#[test]
fn a_row_of_only_spaces_and_commas_is_blank_skipped_and_not_counted() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let file = write(
        dir.path(),
        "gaps.csv",
        b"title,sku,quantity\n\
          Lamp,L-1,1\n\
          \x20 ,\t, \n\
          ,,\n\
          \x20\x20\x20\n\
          Vase,V-1,2\n\
          Bowl,B-1\n",
    );
    // The short row on line 7 still names its own line: blank rows are
    // skipped, never renumbered.
    let report = rejected_report(import_with(&store, &file, ImportOptions::default()));
    assert_eq!(report.rows, 3, "{report:?}");
    assert_eq!(report.error_count, 1, "{:?}", report.errors);
    let e = &report.errors[0];
    assert_eq!((e.line, e.code.as_str()), (7, "field_count"));
    let file = write(
        dir.path(),
        "gaps.csv",
        b"title,sku,quantity\nLamp,L-1,1\n  , ,\n,,\n   \nVase,V-1,2\n",
    );
    let report = import_with(&store, &file, ImportOptions::default()).expect("import");
    assert_eq!((report.rows, report.created, report.skipped), (2, 2, 0));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(all_items(&store).len(), 2);
}

#[test]
fn locations_a_file_names_that_do_not_exist_are_created_from_codes_and_names() {
    let dir = temp_dir();
    let file = write(
        dir.path(),
        "places.csv",
        b"sku,title,location\n\
          P-1,Lamp,B303-10\n\
          P-2,Vase,b303-10\n\
          P-3,Bowl,B303-2\n\
          P-4,Clock,B7\n\
          P-5,Radio,Garage tote 3 / Top shelf\n\
          P-6,Fan,Garage tote 3/Top shelf\n",
    );
    // The dry run says how many would be made, and makes none.
    let store = new_store(dir.path());
    let dry = import_with(
        &store,
        &file,
        ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    )
    .expect("dry run");
    // B303, B303-10, B303-2, B7, Garage tote 3, its Top shelf.
    assert_eq!((dry.created, dry.locations_created), (6, 6));
    assert!(
        dry.summary()
            .contains("6 new bin(s) and section(s) would be created"),
        "{}",
        dry.summary()
    );
    assert!(store.bins().expect("bins").is_empty());

    let report = import_with(&store, &file, ImportOptions::default()).expect("import");
    assert_eq!((report.created, report.locations_created), (6, 6));
    let at = |sku: &str| {
        let p = store
            .item(sku)
            .expect("item")
            .fields
            .location
            .expect("placed");
        (p.code, p.path)
    };
    assert_eq!(at("P-1"), ("B303-10".into(), "Bin 303/Section 10".into()));
    assert_eq!(at("P-2"), at("P-1"));
    assert_eq!(at("P-3"), ("B303-2".into(), "Bin 303/Section 2".into()));
    assert_eq!(at("P-4"), ("B7".into(), "Bin 7".into()));
    // A bin made from names gets the next code after those the file used.
    assert_eq!(
        at("P-5"),
        ("B304-1".into(), "Garage tote 3/Top shelf".into())
    );
    assert_eq!(at("P-6"), at("P-5"));
    let next = store.add_bin("Shelf by the door", None).expect("bin");
    assert_eq!(next.code, "B305");
    assert!(store.doctor().expect("doctor").healthy());

    // Imported again, nothing new is made.
    let again = import_with(&store, &file, ImportOptions::default()).expect("again");
    assert_eq!(again.locations_created, 0);
}

#[test]
fn strict_locations_refuses_a_location_that_does_not_exist_and_creates_nothing() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let file = write(
        dir.path(),
        "strict.csv",
        b"sku,title,location\nS-1,Lamp,B12-3\nS-2,Vase,Attic / Left\n",
    );
    let report = rejected_report(import_with(
        &store,
        &file,
        ImportOptions {
            strict_locations: true,
            ..Default::default()
        },
    ));
    let errors: Vec<(u64, &str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (2, "location", "location_unknown"),
            (3, "location", "location_unknown")
        ]
    );
    assert!(store.bins().expect("bins").is_empty());
}

#[test]
fn a_coded_bin_whose_plain_name_is_taken_gets_its_code_in_the_name() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store.add_bin("Bin 9", None).expect("bin"); // gets code B1
    let file = write(dir.path(), "taken.csv", b"title,location\nLamp,B9\n");
    let report = import_with(&store, &file, ImportOptions::default()).expect("import");
    assert_eq!(report.locations_created, 1);
    let names: Vec<(String, String)> = store
        .bins()
        .expect("bins")
        .into_iter()
        .map(|b| (b.code, b.name))
        .collect();
    assert_eq!(
        names,
        [
            ("B1".into(), "Bin 9".into()),
            ("B9".into(), "Bin 9 (B9)".into())
        ]
    );
}

#[test]
fn a_crlf_file_names_the_physical_line_of_each_bad_row() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let path = dir.path().join("crlf.csv");
    std::fs::write(
        &path,
        "title,quantity\r\nGood,1\r\n\"Two\r\nlines\",2\r\nBad,abc\r\nAlso bad,x\r\n",
    )
    .unwrap();
    let Err(trove_core::Error::Import(report)) = crate::common::import(&store, &path) else {
        panic!("the bad rows reject the file");
    };
    let lines: Vec<u64> = report.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [5, 6], "the lines as an editor numbers them");
}

/// The items' indexes by name, with the SQL that made them.
fn item_indexes(db: &Path) -> Vec<(String, Option<String>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'items' ORDER BY name")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

/// A big file into a small table is loaded with the sort indexes set
/// aside and rebuilt; afterwards every index is back as the schema made it
/// and answers queries, and a refused big file leaves them untouched too.
#[test]
fn a_big_import_ends_with_every_index_as_the_schema_made_it() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let before = item_indexes(store.path());
    assert!(before.len() > 10, "{before:?}");

    let bad = dir.path().join("bad.csv");
    crate::common::write_generated_csv(&bad, 20_000, 5);
    let mut text = std::fs::read_to_string(&bad).unwrap();
    text.push_str(",,,,,,,,,,,,,\nX-1,,Broken,,,,,-3,,,,,,\n");
    std::fs::write(&bad, text).unwrap();
    assert!(std::fs::metadata(&bad).unwrap().len() > 4 << 20);
    let refused = crate::common::import(&store, &bad).expect_err("a bad quantity");
    assert_eq!(refused.detail_code(), "import_rejected", "{refused}");
    assert_eq!(item_indexes(store.path()), before, "after a refused file");
    assert_eq!(count(store.path(), "SELECT count(*) FROM items"), 0);

    let good = dir.path().join("good.csv");
    crate::common::write_generated_csv(&good, 20_000, 6);
    let report = crate::common::import(&store, &good).unwrap();
    assert_eq!(report.created, 20_000);
    assert_eq!(item_indexes(store.path()), before, "after a kept file");
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let plan: String = conn
        .query_row(
            "EXPLAIN QUERY PLAN SELECT seq FROM items WHERE deleted_at IS NULL ORDER BY title COLLATE NOCASE, seq LIMIT 50",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("items_by_title"), "{plan}");
    let page = store
        .list(&ListQuery {
            limit: Some(50),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.items.len(), 50);
}

//! Import presets (ManaBox, TCGplayer, Dragon Shield, Homebox) against the
//! sample files in tests/fixtures/cards, whose README gives the figures
//! checked here; and collection exports that re-import to the same cards.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use trove_core::cards::presets::{CollectionFormat, Preset};
use trove_core::cards::CollectionMode;
use trove_core::import::{ImportOptions, ImportReport};
use trove_core::jobs::Job;
use trove_core::{Error, Store};

use crate::common::{new_store, table_counts, temp_dir};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/cards")
        .join(name)
}

fn import_with(
    store: &Store,
    name: &str,
    options: &ImportOptions,
) -> trove_core::Result<ImportReport> {
    store.import_cards(&fixture(name), None, options, &mut Job::quiet())
}

fn import(store: &Store, name: &str) -> ImportReport {
    import_with(store, name, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{name} imports: {e}"))
}

fn db(dir: &Path) -> PathBuf {
    dir.join("trove.db")
}

/// Rows of (text, number) from `sql`, through a separate connection.
fn pairs(db: &Path, sql: &str) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).expect("the database file opens");
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get(1)?,
            ))
        })
        .unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

fn pairs_of(expected: &[(&str, i64)]) -> Vec<(String, i64)> {
    expected.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

fn one(db: &Path, sql: &str) -> i64 {
    crate::common::count(db, sql)
}

/// Every table an import writes, for "nothing was written" checks.
fn all_counts(db: &Path) -> Vec<(&'static str, i64)> {
    let mut counts = table_counts(db);
    for t in ["cards", "collections", "collection_items", "price_points"] {
        counts.push((t, one(db, &format!("SELECT count(*) FROM {t}"))));
    }
    counts
}

/// Card quantities by a card column (or any expression over `c` and `i`).
fn cards_by(db: &Path, expr: &str) -> Vec<(String, i64)> {
    pairs(
        db,
        &format!(
            "SELECT {expr} AS k, sum(i.quantity) FROM cards c JOIN items i ON i.id = c.item_id
              GROUP BY k ORDER BY k"
        ),
    )
}

/// Card quantities by a custom field's value.
fn by_field(db: &Path, field: &str) -> Vec<(String, i64)> {
    pairs(
        db,
        &format!(
            "SELECT v.value AS k, sum(i.quantity) FROM items i
               JOIN item_fields v ON v.item_seq = i.seq
               JOIN custom_fields f ON f.seq = v.field_seq AND f.name = '{field}'
              GROUP BY k ORDER BY k"
        ),
    )
}

fn field_of(db: &Path, title: &str, field: &str) -> Option<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT v.value FROM items i JOIN item_fields v ON v.item_seq = i.seq
           JOIN custom_fields f ON f.seq = v.field_seq
          WHERE i.title = ?1 AND f.name = ?2",
        [title, field],
        |r| r.get(0),
    )
    .ok()
}

/// Cost (or price) × quantity by currency, in minor units.
fn money_by_currency(db: &Path, column: &str) -> Vec<(String, i64)> {
    pairs(
        db,
        &format!(
            "SELECT {column}_currency, sum({column}_amount * quantity) FROM items
              WHERE {column}_amount IS NOT NULL GROUP BY 1 ORDER BY 1"
        ),
    )
}

fn quantity_sum(db: &Path) -> i64 {
    one(db, "SELECT coalesce(sum(quantity), 0) FROM items")
}

/// (collection, kind, rows, cards) for every collection.
fn collections(db: &Path) -> Vec<(String, String, i64, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT c.name, c.kind, count(ci.item_id), coalesce(sum(i.quantity), 0) FROM collections c
               LEFT JOIN collection_items ci ON ci.collection_id = c.id
               LEFT JOIN items i ON i.id = ci.item_id
              GROUP BY c.id ORDER BY c.name",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// The Magic and Pokémon catalogue files, sets before their cards.
const EVERY_CATALOGUE: [&str; 3] = [
    "scryfall-cards.json",
    "pokemon-sets.json",
    "pokemon-cards-tv1.json",
];

fn import_catalogue(store: &Store, files: &[&str]) {
    for f in files {
        store
            .import_catalogue(&fixture(f), &mut Job::quiet())
            .unwrap_or_else(|e| panic!("catalogue {f}: {e}"));
    }
}

fn rejected(result: trove_core::Result<ImportReport>) -> ImportReport {
    match result {
        Err(Error::Import(report)) => *report,
        other => panic!("expected the file to be refused, got {other:?}"),
    }
}

/// (line, column, value, code) of each error.
fn errors_of(report: &ImportReport) -> Vec<(u64, String, String, String)> {
    report
        .errors
        .iter()
        .map(|e| (e.line, e.column.clone(), e.value.clone(), e.code.clone()))
        .collect()
}

#[test]
fn each_sample_file_is_detected_from_its_header() {
    let expected = [
        ("manabox.csv", Preset::ManaBox),
        ("manabox-old.csv", Preset::ManaBox),
        ("manabox-no-binder.csv", Preset::ManaBox),
        ("manabox-signed-proxy.csv", Preset::ManaBox),
        ("manabox-bad.csv", Preset::ManaBox),
        ("tcgplayer-collection.csv", Preset::TcgplayerCollection),
        ("tcgplayer-seller.csv", Preset::TcgplayerSeller),
        ("dragonshield.csv", Preset::DragonShield),
        ("dragonshield-old.csv", Preset::DragonShield),
        ("dragonshield-bad.csv", Preset::DragonShield),
        ("homebox.csv", Preset::Homebox),
        ("homebox-reordered.csv", Preset::Homebox),
    ];
    for (file, preset) in expected {
        assert_eq!(
            Preset::detect_file(&fixture(file)).unwrap(),
            Some(preset),
            "{file}"
        );
    }
    // By name in any order and case, never by position.
    let shuffled = ["quantity", "FOIL", "collector number", "Name", "set code"];
    assert_eq!(Preset::detect(&shuffled), Some(Preset::ManaBox));
    assert_eq!(
        Preset::detect(&["hb.name", "hb.location"]),
        None,
        "Homebox names are case-sensitive"
    );
    assert_eq!(Preset::detect(&["sku", "title", "quantity"]), None);
    assert_eq!(Preset::parse("Dragon Shield"), Some(Preset::DragonShield));
    assert_eq!(
        Preset::parse("tcgplayer-seller"),
        Some(Preset::TcgplayerSeller)
    );
    for p in Preset::ALL {
        assert_eq!(Preset::parse(p.as_str()), Some(p));
    }

    // The report says how the file was read, so the app can show it.
    let dir = temp_dir();
    let store = new_store(dir.path());
    let dry = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    for (file, preset) in [
        ("manabox.csv", Preset::ManaBox),
        ("tcgplayer-seller.csv", Preset::TcgplayerSeller),
        ("dragonshield.csv", Preset::DragonShield),
    ] {
        let report = import_with(&store, file, &dry).unwrap();
        assert_eq!(report.layout, Some(preset), "{file}");
        assert!(report
            .summary()
            .contains(&format!("(read as {})", preset.as_str())));
    }
    let trove_csv = dir.path().join("plain.csv");
    std::fs::write(&trove_csv, "title,quantity\nLamp,1\n").unwrap();
    let report = store
        .import_cards(&trove_csv, None, &dry, &mut Job::quiet())
        .unwrap();
    assert_eq!((report.layout, report.rows), (None, 1), "Trove's own CSV");
}

#[test]
fn manabox_rows_become_cards_with_the_documented_figures() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    let report = import(&store, "manabox.csv");
    assert_eq!((report.rows, report.created, report.skipped), (13, 13, 0));
    assert!(report.committed && report.errors.is_empty());
    assert!(
        report.ignored_columns.is_empty(),
        "{:?}",
        report.ignored_columns
    );
    assert_eq!(quantity_sum(&db), 17);
    assert_eq!(
        collections(&db),
        [
            ("Main Binder".into(), "binder".into(), 8, 11),
            ("Trades, Misc".into(), "binder".into(), 5, 6)
        ]
    );
    assert_eq!(
        cards_by(&db, "c.finish"),
        pairs_of(&[("etched", 2), ("foil", 3), ("normal", 12)])
    );
    assert_eq!(
        pairs(&db, "SELECT finish, count(DISTINCT set_code || ' ' || collector_number) FROM cards GROUP BY 1 ORDER BY 1"),
        pairs_of(&[("etched", 2), ("foil", 3), ("normal", 7)])
    );
    assert_eq!(
        by_field(&db, "Card condition"),
        pairs_of(&[
            ("damaged", 1),
            ("heavily_played", 1),
            ("lightly_played", 2),
            ("moderately_played", 2),
            ("near_mint", 11)
        ])
    );
    assert_eq!(
        pairs(
            &db,
            "SELECT condition, sum(quantity) FROM items GROUP BY 1 ORDER BY 1"
        ),
        pairs_of(&[
            ("excellent", 2),
            ("fair", 1),
            ("good", 2),
            ("like_new", 11),
            ("poor", 1)
        ])
    );
    assert_eq!(
        cards_by(&db, "c.language"),
        pairs_of(&[("de", 1), ("en", 15), ("ja", 1)])
    );
    assert_eq!(
        money_by_currency(&db, "cost"),
        pairs_of(&[("EUR", 195), ("USD", 3556)])
    );
    assert_eq!(
        cards_by(&db, "c.game || ' ' || c.set_code"),
        pairs_of(&[("magic TRV", 15), ("magic TVC", 2)])
    );
    // Quoting survives: commas, escaped quotes, a star and a double face.
    for title in [
        "\"Stay Quiet,\" Said the Archivist",
        "Ember, Hearth Warden",
        "Moonlit Ranger // Midnight Stalker",
    ] {
        assert!(
            one(
                &db,
                &format!(
                    "SELECT count(*) FROM items WHERE title = '{}'",
                    title.replace('\'', "''")
                )
            ) > 0,
            "{title}"
        );
    }
    assert_eq!(
        one(
            &db,
            "SELECT count(*) FROM cards WHERE collector_number = '5★' AND finish = 'foil'"
        ),
        1
    );
    assert_eq!(
        field_of(&db, "Dawnkeeper's Oath", "Misprint").as_deref(),
        Some("true")
    );
    assert_eq!(
        field_of(&db, "Vaultkeeper Signet", "Altered").as_deref(),
        Some("true")
    );
    assert_eq!(
        field_of(&db, "Kettle Witch", "Scryfall ID").as_deref(),
        Some("43c07824-0c5c-4e75-9101-14eca9a98be0")
    );
}

#[test]
fn older_and_newer_manabox_layouts_are_read_by_column_name() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    let report = import(&store, "manabox-old.csv");
    assert_eq!((report.rows, report.created), (5, 5));
    assert_eq!(quantity_sum(&db), 8);
    assert_eq!(
        collections(&db),
        [
            ("Commander Deck".into(), "other".into(), 1, 1),
            ("Old Binder".into(), "binder".into(), 3, 6)
        ],
        "the last row has no binder"
    );
    assert_eq!(
        cards_by(&db, "c.finish"),
        pairs_of(&[("foil", 2), ("normal", 6)])
    );
    assert_eq!(
        by_field(&db, "Card condition"),
        pairs_of(&[("excellent", 4), ("good", 1), ("mint", 1), ("near_mint", 2)])
    );
    assert_eq!(
        cards_by(&db, "c.language"),
        pairs_of(&[("en", 7), ("fr", 1)])
    );
    assert_eq!(money_by_currency(&db, "cost"), pairs_of(&[("USD", 3372)]));
    assert_eq!(
        one(&db, "SELECT count(*) FROM items WHERE tags = 'deck'"),
        1,
        "a deck's cards are tagged with the binder type"
    );

    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = self::db(dir.path());
    let report = import(&store, "manabox-no-binder.csv");
    assert_eq!((report.rows, report.created), (4, 4));
    assert_eq!(quantity_sum(&db), 12);
    assert!(collections(&db).is_empty());
    assert_eq!(
        cards_by(&db, "c.finish"),
        pairs_of(&[("foil", 2), ("normal", 10)])
    );

    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = self::db(dir.path());
    let report = import(&store, "manabox-signed-proxy.csv");
    assert_eq!((report.rows, report.created), (3, 3));
    assert_eq!(
        field_of(&db, "Fennick, the Tidecaller", "Signed").as_deref(),
        Some("true")
    );
    assert_eq!(field_of(&db, "Fennick, the Tidecaller", "Proxy"), None);
    assert_eq!(
        field_of(&db, "Ysolde, Vault Warden", "Proxy").as_deref(),
        Some("true")
    );
    assert_eq!(
        one(&db, "SELECT count(*) FROM items WHERE tags IS NOT NULL"),
        1,
        "only the proxy row in a list is tagged"
    );
    assert_eq!(
        one(
            &db,
            "SELECT count(*) FROM items WHERE tags = 'list;proxy' AND cost_amount = 0"
        ),
        1
    );
    assert_eq!(
        collections(&db),
        [
            ("Playtest".into(), "other".into(), 1, 1),
            ("Showcase".into(), "binder".into(), 2, 2)
        ]
    );
}

#[test]
fn set_completion_after_a_manabox_import_matches_the_catalogue() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    import_catalogue(&store, &["scryfall-cards.json"]);
    import(&store, "manabox.csv");

    let trv = store.completion("TRV").unwrap();
    assert_eq!((trv.owned, trv.total, trv.percent), (9, 15, 60.0));
    let missing: Vec<&str> = trv
        .cards
        .iter()
        .filter(|c| c.copies == 0)
        .map(|c| c.number.as_str())
        .collect();
    assert_eq!(missing, ["2b", "6", "7", "9", "10", "13"]);
    assert_eq!(trv.duplicates, 6, "TRV 1 ×6 and TRV 8 ×2");
    let one_copies = trv.cards.iter().find(|c| c.number == "1").unwrap();
    assert_eq!(
        (one_copies.copies, one_copies.finishes.as_str()),
        (6, "foil;normal")
    );
    let tvc = store.completion("tvc").unwrap();
    assert_eq!((tvc.owned, tvc.total, tvc.percent), (2, 5, 40.0));
    let missing: Vec<&str> = tvc
        .cards
        .iter()
        .filter(|c| c.copies == 0)
        .map(|c| c.number.as_str())
        .collect();
    assert_eq!(missing, ["1", "2", "5"]);

    // Every row links to its catalogue card, the Japanese one (whose
    // Scryfall id the English bulk file lacks) by set and number; market
    // value by finish is then the README's USD 37.82.
    assert_eq!(
        one(
            &db,
            "SELECT count(*) FROM cards WHERE catalogue_card_id IS NULL"
        ),
        0
    );
    let market = one(
        &db,
        "SELECT sum(i.quantity * (SELECT p.amount FROM price_points p
                  WHERE p.catalogue_card_id = c.catalogue_card_id AND p.finish = c.finish
                    AND p.currency = 'USD' ORDER BY p.seq DESC LIMIT 1))
           FROM cards c JOIN items i ON i.id = c.item_id",
    );
    assert_eq!(market, 3782);
}

#[test]
fn a_bad_manabox_file_is_refused_whole_with_every_error_located() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    let before = all_counts(&db);
    let report = rejected(import_with(
        &store,
        "manabox-bad.csv",
        &ImportOptions::default(),
    ));
    assert_eq!(
        errors_of(&report),
        [
            (3, "Quantity".into(), "two".into(), "number_invalid".into()),
            (5, "Foil".into(), "shiny".into(), "finish_unknown".into())
        ]
    );
    assert!(report
        .errors
        .iter()
        .all(|e| e.file.ends_with("manabox-bad.csv")));
    assert_eq!(
        (report.rows, report.error_count, report.committed),
        (5, 2, false)
    );
    assert_eq!(all_counts(&db), before, "nothing was written");
    let message = Error::Import(Box::new(report)).to_string();
    assert!(message.contains("nothing was changed"), "{message}");
}

#[test]
fn a_bad_dragon_shield_file_names_the_physical_line_after_the_sep_line() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    let before = all_counts(&db);
    let report = rejected(import_with(
        &store,
        "dragonshield-bad.csv",
        &ImportOptions::default(),
    ));
    assert_eq!(
        errors_of(&report),
        [(
            4,
            "Condition".into(),
            "SlightlyPlayed".into(),
            "condition_unknown".into()
        )]
    );
    assert_eq!(all_counts(&db), before);
}

#[test]
fn skip_invalid_imports_the_good_rows_and_reports_the_bad() {
    let skip = ImportOptions {
        skip_invalid: true,
        ..Default::default()
    };
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    let report = import_with(&store, "manabox-bad.csv", &skip).unwrap();
    assert_eq!(
        (report.created, report.skipped, report.committed),
        (3, 2, true)
    );
    assert_eq!(errors_of(&report).len(), 2);
    assert_eq!(quantity_sum(&db), 6);
    assert_eq!(one(&db, "SELECT count(*) FROM cards"), 3);
    assert_eq!(
        collections(&db),
        [("Main Binder".into(), "binder".into(), 3, 6)]
    );

    let report = import_with(&store, "dragonshield-bad.csv", &skip).unwrap();
    assert_eq!((report.created, report.skipped), (2, 1));
    assert_eq!(report.errors[0].line, 4);
    assert_eq!(quantity_sum(&db), 8);
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    let before = all_counts(&db);
    let options = ImportOptions {
        dry_run: true,
        ..Default::default()
    };
    let report = import_with(&store, "manabox.csv", &options).unwrap();
    assert_eq!(
        (report.rows, report.created, report.committed),
        (13, 13, false)
    );
    assert!(report.dry_run);
    assert_eq!(all_counts(&db), before);
}

#[test]
fn importing_a_file_again_updates_its_items_instead_of_adding_copies() {
    let files = [
        ("manabox.csv", 13),
        ("tcgplayer-collection.csv", 12),
        ("tcgplayer-seller.csv", 11),
        ("dragonshield.csv", 8),
        ("homebox.csv", 6),
    ];
    for (file, rows) in files {
        let dir = temp_dir();
        let store = new_store(dir.path());
        let db = db(dir.path());
        assert_eq!(import(&store, file).created, rows, "{file}");
        let first = (
            quantity_sum(&db),
            collections(&db),
            one(&db, "SELECT count(*) FROM items"),
        );
        let again = import(&store, file);
        assert_eq!(
            (again.created, again.updated, again.unchanged),
            (0, 0, rows),
            "{file}"
        );
        let second = (
            quantity_sum(&db),
            collections(&db),
            one(&db, "SELECT count(*) FROM items"),
        );
        assert_eq!(first, second, "{file}");
    }
}

#[test]
fn a_changed_row_updates_the_same_item() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    import(&store, "manabox.csv");
    let text = std::fs::read_to_string(fixture("manabox.csv")).unwrap();
    let changed = text.replacen(
        "Ashen Lantern,TRV,Trove Valley,1,normal,common,3,",
        "Ashen Lantern,TRV,Trove Valley,1,normal,common,5,",
        1,
    );
    assert_ne!(changed, text);
    let path = dir.path().join("manabox-later.csv");
    std::fs::write(&path, changed).unwrap();
    let report = store
        .import_cards(&path, None, &ImportOptions::default(), &mut Job::quiet())
        .unwrap();
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (0, 1, 12)
    );
    assert_eq!(quantity_sum(&db), 19);
    assert_eq!(one(&db, "SELECT count(*) FROM items"), 13);
}

#[test]
fn tcgplayer_collection_rows_give_the_documented_cards() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    import_catalogue(&store, &EVERY_CATALOGUE);
    let report = import(&store, "tcgplayer-collection.csv");
    assert_eq!((report.rows, report.created), (12, 12));
    assert_eq!(quantity_sum(&db), 19);
    assert_eq!(
        cards_by(&db, "c.game || ' ' || c.finish"),
        pairs_of(&[
            ("magic etched", 1),
            ("magic foil", 2),
            ("magic normal", 6),
            ("pokemon foil", 2),
            ("pokemon normal", 6),
            ("pokemon reverse_holo", 2)
        ])
    );
    assert_eq!(
        by_field(&db, "Card condition"),
        pairs_of(&[
            ("damaged", 1),
            ("heavily_played", 4),
            ("lightly_played", 3),
            ("moderately_played", 3),
            ("near_mint", 8)
        ])
    );
    assert_eq!(
        cards_by(&db, "c.language"),
        pairs_of(&[("en", 18), ("ja", 1)])
    );
    // The variant leaves the title; etched is known only from the name.
    assert_eq!(
        one(
            &db,
            "SELECT count(*) FROM items WHERE title = 'Ember, Hearth Warden'"
        ),
        2
    );
    assert_eq!(
        field_of(&db, "Lumen Archive", "TCGplayer product ID").as_deref(),
        Some("595013")
    );
    // Pokémon: the printed number becomes the catalogue's, and TVT (the
    // set's PTCGO code) the catalogue's tv1.
    assert_eq!(
        cards_by(&db, "c.set_code || ' ' || c.collector_number")
            .into_iter()
            .filter(|(k, _)| k.starts_with("tv1"))
            .collect::<Vec<_>>(),
        pairs_of(&[
            ("tv1 1", 3),
            ("tv1 10", 4),
            ("tv1 11", 1),
            ("tv1 4", 1),
            ("tv1 9", 1)
        ])
    );
    let trv = store.completion("TRV").unwrap();
    assert_eq!((trv.owned, trv.total, trv.percent), (6, 15, 40.0));
    let tv1 = store.completion("tv1").unwrap();
    assert_eq!((tv1.owned, tv1.total, tv1.percent), (5, 12, 41.7));
    assert_eq!(tv1.duplicates, 2 + 3, "tv1 1 ×3 and tv1 10 ×4");
}

#[test]
fn tcgplayer_seller_rows_read_the_bom_crlf_and_condition_strings() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    import_catalogue(&store, &EVERY_CATALOGUE);
    let report = import(&store, "tcgplayer-seller.csv");
    assert_eq!((report.rows, report.created), (11, 11));
    assert_eq!(quantity_sum(&db), 28);
    assert_eq!(
        money_by_currency(&db, "price"),
        pairs_of(&[("USD", 12878)]),
        "listed value"
    );
    // The sealed pack is an item, new, and not a card.
    assert_eq!(
        pairs(
            &db,
            "SELECT condition || ' ' || tags, quantity FROM items WHERE sku = '9200005'"
        ),
        pairs_of(&[("new sealed", 6)])
    );
    assert_eq!(one(&db, "SELECT count(*) FROM cards WHERE item_id = (SELECT id FROM items WHERE sku = '9200005')"), 0);
    assert_eq!(
        one(
            &db,
            "SELECT sum(i.quantity) FROM cards c JOIN items i ON i.id = c.item_id"
        ),
        22
    );
    let card = |sku: &str| {
        store
            .card(sku)
            .unwrap()
            .unwrap_or_else(|| panic!("{sku} is a card"))
    };
    assert_eq!(card("9100002").finish, "foil", "Near Mint Foil");
    assert_eq!(
        card("9100006").finish,
        "etched",
        "(Foil Etched) in the name"
    );
    assert_eq!(card("9200002").finish, "reverse_holo");
    assert_eq!(card("9200004").language.as_deref(), Some("ja"));
    assert_eq!(card("9100003").value.map(|v| v.amount), Some(204), "2.0400");
    assert_eq!(card("9100005").value, None, "empty market price");
    assert_eq!(card("9100004").rarity.as_deref(), Some("mythic"));
    assert_eq!(card("9200001").collector_number.as_deref(), Some("4"));
    assert_eq!(
        store.item("9100006").unwrap().fields.title,
        "Vaultkeeper Signet"
    );
    assert_eq!(
        store
            .item("9100004")
            .unwrap()
            .fields
            .fields
            .get("Add to Quantity")
            .map(String::as_str),
        Some("1")
    );
    let owned = |set: &str| {
        let c = store.completion(set).unwrap();
        (c.owned, c.total)
    };
    assert_eq!(owned("TRV"), (3, 15));
    assert_eq!(owned("TVC"), (1, 5));
    assert_eq!(owned("tv1"), (3, 12));
}

#[test]
fn dragon_shield_rows_give_the_documented_cards() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    import_catalogue(&store, &["scryfall-cards.json"]);
    let report = import(&store, "dragonshield.csv");
    assert_eq!((report.rows, report.created), (8, 8));
    assert_eq!(quantity_sum(&db), 16);
    assert_eq!(
        collections(&db),
        [
            ("Binder, Red".into(), "binder".into(), 4, 7),
            ("Bulk".into(), "binder".into(), 4, 9)
        ]
    );
    assert_eq!(
        cards_by(&db, "c.finish"),
        pairs_of(&[("foil", 2), ("normal", 14)])
    );
    assert_eq!(
        by_field(&db, "Card condition"),
        pairs_of(&[
            ("excellent", 1),
            ("good", 3),
            ("light_played", 5),
            ("mint", 1),
            ("near_mint", 3),
            ("played", 2),
            ("poor", 1)
        ])
    );
    assert_eq!(
        cards_by(&db, "c.language"),
        pairs_of(&[("de", 3), ("en", 11), ("ja", 2)])
    );
    assert_eq!(
        one(&db, "SELECT sum(CAST(v.value AS INTEGER)) FROM item_fields v JOIN custom_fields f ON f.seq = v.field_seq WHERE f.name = 'Trade quantity'"),
        3
    );
    assert_eq!(money_by_currency(&db, "cost"), pairs_of(&[("USD", 1385)]));
    assert_eq!(
        one(
            &db,
            "SELECT sum(c.value_amount * i.quantity) FROM cards c JOIN items i ON i.id = c.item_id"
        ),
        1529
    );
    assert_eq!(
        store
            .item(&item_id(&db, "Dawnkeeper's Oath"))
            .unwrap()
            .fields
            .acquired_on
            .as_deref(),
        Some("2024-05-03"),
        "M/d/yyyy"
    );
    let trv = store.completion("TRV").unwrap();
    assert_eq!((trv.owned, trv.duplicates, trv.percent), (6, 10, 40.0));

    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = self::db(dir.path());
    let report = import(&store, "dragonshield-old.csv");
    assert_eq!((report.rows, report.created), (3, 3));
    assert_eq!(quantity_sum(&db), 6);
    assert_eq!(money_by_currency(&db, "cost"), pairs_of(&[("USD", 1020)]));
    assert_eq!(
        one(
            &db,
            "SELECT count(*) FROM cards WHERE value_amount IS NOT NULL"
        ),
        0
    );
}

fn item_id(db: &Path, title: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT id FROM items WHERE title = ?1", [title], |r| {
        r.get(0)
    })
    .unwrap_or_else(|e| panic!("{title}: {e}"))
}

#[test]
fn homebox_rows_become_items_in_bins_with_their_fields_and_cards() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    let report = import(&store, "homebox.csv");
    assert_eq!((report.rows, report.created), (6, 6));
    assert_eq!(quantity_sum(&db), 7);
    // Four paths: the innermost place is a section of a bin named by the
    // places around it.
    assert_eq!(
        pairs(&db, "SELECT b.name || '/' || s.name, count(i.seq) FROM sections s JOIN bins b ON b.id = s.bin_id LEFT JOIN items i ON i.section_id = s.id GROUP BY 1 ORDER BY 1"),
        pairs_of(&[
            ("Home > Office/Card Shelf", 3),
            ("Home > Office/Safe", 1),
            ("Storage > Closet/Bulk Box 3", 1),
            ("Storage > Closet/Sold", 1)
        ])
    );
    assert_eq!(one(&db, "SELECT count(*) FROM bins"), 2);
    assert_eq!(one(&db, "SELECT count(*) FROM tags"), 9);

    let pikachu = store.item("card-0001").unwrap();
    assert!(pikachu
        .fields
        .description
        .as_deref()
        .unwrap()
        .contains("\"GEM MT 10\".\nPop report"));
    assert_eq!(pikachu.fields.brand.as_deref(), Some("The Pokémon Company"));
    assert_eq!(
        pikachu.fields.fields.get("Asset ID").map(String::as_str),
        Some("000-001")
    );
    assert_eq!(
        pikachu.fields.fields.get("Insured").map(String::as_str),
        Some("true")
    );
    assert_eq!(pikachu.fields.cost.map(|c| c.amount), Some(4500));
    let card = store.card("card-0001").unwrap().unwrap();
    assert_eq!(
        (
            card.game.as_deref(),
            card.collector_number.as_deref(),
            card.finish.as_str()
        ),
        (Some("pokemon"), Some("4"), "foil")
    );
    assert_eq!(
        (
            card.grader.as_deref(),
            card.grade.map(|g| g.tenths()),
            card.cert_number.as_deref()
        ),
        (Some("PSA"), Some(100), Some("87654321"))
    );

    let sports = store.card("card-0002").unwrap().unwrap();
    assert_eq!(sports.kind.as_str(), "sports");
    assert_eq!(
        (
            sports.player.as_deref(),
            sports.year,
            sports.rookie,
            sports.serial.map(|s| s.to_string())
        ),
        (Some("Jordan Vale"), Some(2023), true, Some("12/99".into()))
    );
    assert_eq!(sports.cert_number.as_deref(), Some("0012345678"));
    assert_eq!(sports.grade.map(|g| g.tenths()), Some(95));
    let item = store.item("card-0002").unwrap();
    assert_eq!(item.fields.brand.as_deref(), Some("Apex"));
    assert_eq!(
        item.fields.fields.len(),
        12 + 3,
        "12 custom fields, asset id, URL, insured"
    );

    assert_eq!(
        store.card("binder-a").unwrap(),
        None,
        "a container, not a card"
    );
    let sold = store.item("card-0005").unwrap();
    assert_eq!(sold.fields.status.as_str(), "sold");
    assert_eq!(
        sold.fields.fields.get("Sold to").map(String::as_str),
        Some("eBay buyer #4411")
    );
    assert_eq!(
        sold.fields.fields.get("Sold price").map(String::as_str),
        Some("14.25")
    );
    assert_eq!(sold.fields.condition.map(|c| c.as_str()), Some("like_new"));
    // An item inside another (a binder) is in a collection named after it.
    assert_eq!(
        collections(&db),
        [("Trade Binder A".into(), "binder".into(), 1, 1)]
    );
}

/// Everything an item and its card hold, without ids and times.
fn snapshot(store: &Store, db: &Path) -> Vec<String> {
    let ids: Vec<(String, i64)> = pairs(db, "SELECT id, seq FROM items ORDER BY title");
    ids.iter()
        .map(|(id, _)| {
            let mut item = store.item(id).unwrap().fields;
            // Bins and sections are new rows with new ids in each database.
            let place = item.location.take().map(|p| (p.code, p.path));
            let card = store.card(id).unwrap();
            format!("{item:?} {place:?} {card:?}")
        })
        .collect()
}

#[test]
fn homebox_columns_in_another_order_give_the_same_items() {
    let (a, b) = (temp_dir(), temp_dir());
    let (first, second) = (new_store(a.path()), new_store(b.path()));
    import(&first, "homebox.csv");
    import(&second, "homebox-reordered.csv");
    let (x, y) = (
        snapshot(&first, &db(a.path())),
        snapshot(&second, &db(b.path())),
    );
    assert_eq!(x.len(), 6);
    assert_eq!(x, y);
}

#[test]
fn a_chosen_preset_needs_its_columns_and_other_files_go_to_the_generic_importer() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    let report = rejected(store.import_cards(
        &fixture("manabox.csv"),
        Some(Preset::DragonShield),
        &ImportOptions::default(),
        &mut Job::quiet(),
    ));
    assert_eq!(
        errors_of(&report),
        [
            (
                1,
                "Card Name".into(),
                String::new(),
                "column_missing".into()
            ),
            (
                1,
                "Card Number".into(),
                String::new(),
                "column_missing".into()
            )
        ]
    );
    assert_eq!(one(&db, "SELECT count(*) FROM items"), 0);

    let plain = dir.path().join("plain.csv");
    std::fs::write(&plain, "title,quantity,sku\nBlue Vase,2,V-1\n").unwrap();
    let report = store
        .import_cards(&plain, None, &ImportOptions::default(), &mut Job::quiet())
        .unwrap();
    assert_eq!(report.created, 1);
    assert_eq!(store.item("V-1").unwrap().fields.quantity, 2);
    assert_eq!(store.card("V-1").unwrap(), None);
}

#[test]
fn cancelling_a_long_import_keeps_nothing() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    let path = dir.path().join("big.csv");
    let mut text = String::from("Name,Set code,Collector number,Foil,Quantity\n");
    for n in 0..1_500 {
        text.push_str(&format!("Card {n},TRV,{n},normal,1\n"));
    }
    std::fs::write(&path, text).unwrap();
    let before = all_counts(&db);
    let mut calls = 0;
    let cancel = AtomicBool::new(false);
    let mut job = Job::new(&cancel, |p| {
        calls += 1;
        assert_eq!(p.done, 1_000);
        cancel.store(true, Ordering::Relaxed);
    })
    .unthrottled();
    let result = store.import_cards(&path, None, &ImportOptions::default(), &mut job);
    drop(job);
    assert!(matches!(result, Err(Error::Cancelled)), "{result:?}");
    assert_eq!(calls, 1);
    assert_eq!(all_counts(&db), before);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_at_its_cell() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let path = dir.path().join("latin1.csv");
    std::fs::write(
        &path,
        b"Name,Set code,Collector number,Quantity\nJ\xF6tun,TRV,1,1\n",
    )
    .unwrap();
    let report =
        rejected(store.import_cards(&path, None, &ImportOptions::default(), &mut Job::quiet()));
    assert_eq!(
        errors_of(&report),
        [(
            2,
            "Name".into(),
            "J\u{fffd}tun".into(),
            "encoding_invalid".into()
        )]
    );
}

#[test]
fn binders_join_collections_that_already_exist() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    store
        .create_collection(
            "main binder",
            "binder",
            trove_core::cards::CollectionMode::Set,
        )
        .unwrap();
    import(&store, "manabox.csv");
    let names: Vec<String> = store
        .collections()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["main binder", "Trades, Misc"]);
    assert_eq!(store.collection("Main Binder").unwrap().items, 8);
    let page = store.collection_page("main binder", None, 3).unwrap();
    assert_eq!(
        page.iter()
            .map(|e| e
                .card
                .as_ref()
                .and_then(|c| c.collector_number.clone())
                .unwrap())
            .collect::<Vec<_>>(),
        ["1", "1", "2a"],
        "ordered by set then number, as the collection's mode says"
    );
    assert_eq!(one(&db, "SELECT count(*) FROM collections"), 2);
}

/// The file's rows as header → value maps.
fn csv_rows(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_owned).collect();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

#[test]
fn a_manabox_export_writes_the_binder_as_it_was_and_reimports_to_the_same_cards() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    import(&store, "manabox.csv");
    let original = csv_rows(&fixture("manabox.csv"));
    let mut exported_files = Vec::new();
    for binder in ["Main Binder", "Trades, Misc"] {
        let out = dir.path().join(format!("{binder}.csv"));
        let report = store
            .export_collection(binder, CollectionFormat::ManaBox, &out)
            .unwrap();
        let rows = csv_rows(&out);
        let expected: Vec<_> = original
            .iter()
            .filter(|r| r["Binder Name"] == binder)
            .collect();
        assert_eq!(report.rows as usize, expected.len());
        for (got, want) in rows.iter().zip(&expected) {
            for (column, value) in *want {
                assert_eq!(
                    &got[column], value,
                    "{binder}: {column} of {}",
                    want["Name"]
                );
            }
            assert_eq!(
                (got["Signed"].as_str(), got["Proxy"].as_str()),
                ("false", "false")
            );
        }
        exported_files.push(out);
    }
    // Into the same database: every row is recognised, nothing is added.
    let before = (snapshot(&store, &db), collections(&db));
    for out in &exported_files {
        let again = store
            .import_cards(out, None, &ImportOptions::default(), &mut Job::quiet())
            .unwrap();
        assert_eq!(again.created, 0, "{}", out.display());
    }
    assert_eq!((snapshot(&store, &db), collections(&db)), before);
    // Into a new one: the same cards in the same binders.
    let other = temp_dir();
    let fresh = new_store(other.path());
    for out in &exported_files {
        fresh
            .import_cards(out, None, &ImportOptions::default(), &mut Job::quiet())
            .unwrap();
    }
    assert_eq!(snapshot(&fresh, &self::db(other.path())), before.0);
    assert_eq!(collections(&self::db(other.path())), before.1);
}

#[test]
fn a_tcgplayer_export_writes_the_app_file_back_and_reimports_to_the_same_cards() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let db = db(dir.path());
    import(&store, "tcgplayer-collection.csv");
    store
        .create_collection(
            "Everything",
            "box",
            trove_core::cards::CollectionMode::Custom,
        )
        .unwrap();
    let ids: Vec<String> = pairs(&db, "SELECT id, seq FROM items ORDER BY seq")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    store.add_to_collection("Everything", &ids).unwrap();
    let out = dir.path().join("export.csv");
    let report = store
        .export_collection("Everything", CollectionFormat::Tcgplayer, &out)
        .unwrap();
    assert_eq!(report.rows, 12);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(fixture("tcgplayer-collection.csv")).unwrap(),
        "the app's own file, row for row"
    );
    let other = temp_dir();
    let fresh = new_store(other.path());
    let again = fresh
        .import_cards(&out, None, &ImportOptions::default(), &mut Job::quiet())
        .unwrap();
    assert_eq!(again.created, 12);
    assert_eq!(
        snapshot(&fresh, &self::db(other.path())),
        snapshot(&store, &db)
    );
}

#[test]
fn a_trove_export_of_a_collection_has_the_item_and_card_columns() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    import(&store, "manabox.csv");
    let out = dir.path().join("trove.csv");
    let report = store
        .export_collection("Trades, Misc", CollectionFormat::Trove, &out)
        .unwrap();
    assert_eq!(report.rows, 5);
    let rows = csv_rows(&out);
    let header: Vec<String> = csv::Reader::from_path(&out)
        .unwrap()
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(&header[..3], ["sku", "barcode", "title"]);
    let signet = rows
        .iter()
        .find(|r| r["title"] == "Vaultkeeper Signet")
        .unwrap();
    assert_eq!(
        (
            signet["set_code"].as_str(),
            signet["collector_number"].as_str(),
            signet["finish"].as_str()
        ),
        ("TVC", "3", "etched")
    );
    assert_eq!(
        (signet["cost"].as_str(), signet["currency"].as_str()),
        ("1.95", "EUR")
    );
    // Trove's own importer reads it back as items.
    let other = temp_dir();
    let fresh = new_store(other.path());
    assert_eq!(crate::common::import(&fresh, &out).unwrap().created, 5);
    assert_eq!(quantity_sum(&self::db(other.path())), 6);
    assert!(matches!(
        store.export_collection("No such binder", CollectionFormat::Trove, &out),
        Err(Error::NotFound { .. })
    ));

    // The file follows the order the collection is shown in.
    for mode in [
        CollectionMode::Set,
        CollectionMode::Value,
        CollectionMode::Custom,
    ] {
        store.set_collection_mode("Trades, Misc", mode).unwrap();
        let shown: Vec<String> = store
            .collection_page("Trades, Misc", None, 100)
            .unwrap()
            .into_iter()
            .map(|e| e.item.fields.title)
            .collect();
        store
            .export_collection("Trades, Misc", CollectionFormat::Trove, &out)
            .unwrap();
        let written: Vec<String> = csv_rows(&out)
            .into_iter()
            .map(|r| r["title"].clone())
            .collect();
        assert_eq!(written, shown, "{mode:?}");
    }
    store
        .set_collection_mode("Trades, Misc", CollectionMode::Set)
        .unwrap();
    store
        .export_collection("Trades, Misc", CollectionFormat::Trove, &out)
        .unwrap();
    let by_set: Vec<String> = csv_rows(&out)
        .into_iter()
        .map(|r| r["title"].clone())
        .collect();
    store
        .set_collection_mode("Trades, Misc", CollectionMode::Custom)
        .unwrap();
    store
        .export_collection("Trades, Misc", CollectionFormat::Trove, &out)
        .unwrap();
    let by_position: Vec<String> = csv_rows(&out)
        .into_iter()
        .map(|r| r["title"].clone())
        .collect();
    assert_ne!(
        by_set, by_position,
        "the sample binder's set order is not its file order"
    );
}

#[test]
fn imported_cards_are_found_by_their_card_words() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    import(&store, "manabox.csv");
    let found = |text: &str| -> Vec<String> {
        let mut titles: Vec<String> = store
            .search(&trove_core::search::SearchQuery {
                text: text.into(),
                ..Default::default()
            })
            .unwrap()
            .items
            .into_iter()
            .map(|i| i.fields.title)
            .collect();
        titles.sort();
        titles
    };
    assert_eq!(found("tvc etched"), ["Vaultkeeper Signet"]);
    assert_eq!(found("trv ja"), ["Kettle Witch"]);
}

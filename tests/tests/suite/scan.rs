//! A scanned or typed code goes straight to its record.

use trove_core::locations::Location;
use trove_core::scan::Scanned;
use trove_core::{ItemChanges, Store};

use crate::common::{new_store, temp_dir, titled};

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    item_id: String,
    bin_code: String,
    section_code: String,
}

fn fixture() -> Fixture {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let bin = store.add_bin("Garage Tote", None).expect("bin");
    let section = store
        .add_section(&bin.code, "Top shelf", None)
        .expect("section");
    let item = store
        .create_item(&ItemChanges {
            sku: Some("ABC-1".into()),
            barcode: Some("036000291452".into()),
            location: Some(section.code.clone()),
            ..titled("Tissue Box")
        })
        .expect("item");
    store
        .create_item(&ItemChanges {
            sku: Some("OTHER-2".into()),
            ..titled("Other")
        })
        .expect("item");
    Fixture {
        _dir: dir,
        store,
        item_id: item.id,
        bin_code: bin.code,
        section_code: section.code,
    }
}

fn scanned_item(f: &Fixture, code: &str) -> (String, usize) {
    match f
        .store
        .scan(code)
        .unwrap_or_else(|e| panic!("scan {code:?}: {e}"))
    {
        Scanned::Item { item, matches } => (item.id, matches),
        other => panic!("scan {code:?}: expected an item, got {other:?}"),
    }
}

#[test]
fn a_sku_scans_to_its_item_whatever_the_case() {
    let f = fixture();
    for code in ["ABC-1", "abc-1", "Abc-1", " ABC-1\r\n", "ABC-1\t"] {
        assert_eq!(scanned_item(&f, code), (f.item_id.clone(), 1), "{code:?}");
    }
}

#[test]
fn a_barcode_scans_to_its_item_in_every_gtin_form() {
    let f = fixture();
    for code in [
        "036000291452",
        "0036000291452",
        "00036000291452",
        "036000291452\n",
    ] {
        assert_eq!(scanned_item(&f, code).0, f.item_id, "{code:?}");
    }
}

#[test]
fn items_sharing_a_barcode_are_counted() {
    let f = fixture();
    f.store
        .create_item(&ItemChanges {
            barcode: Some("0036000291452".into()),
            ..titled("Tissue Box 2")
        })
        .expect("item");
    let (_, matches) = scanned_item(&f, "036000291452");
    assert_eq!(matches, 2);
}

#[test]
fn a_bin_code_scans_to_the_bin() {
    let f = fixture();
    for code in [f.bin_code.clone(), f.bin_code.to_lowercase()] {
        match f.store.scan(&code).expect("scan") {
            Scanned::Location { location } => match *location {
                Location::Bin(bin) => {
                    assert_eq!(bin.code, f.bin_code);
                    assert_eq!(bin.name, "Garage Tote");
                    assert_eq!(
                        (bin.items, bin.units),
                        (1, 1),
                        "derived counts include its sections"
                    );
                }
                other => panic!("{code}: expected the bin, got {other:?}"),
            },
            other => panic!("{code}: expected a location, got {other:?}"),
        }
    }
}

#[test]
fn a_section_code_scans_to_the_section_and_its_bin() {
    let f = fixture();
    match f.store.scan(&f.section_code).expect("scan") {
        Scanned::Location { location } => match *location {
            Location::Section { bin, section } => {
                assert_eq!(section.code, f.section_code);
                assert_eq!(section.name, "Top shelf");
                assert_eq!(bin.code, f.bin_code);
                assert_eq!(section.items, 1);
            }
            other => panic!("expected the section, got {other:?}"),
        },
        other => panic!("expected a location, got {other:?}"),
    }
}

#[test]
fn a_valid_unknown_barcode_misses_with_its_gtin14_and_printed_form() {
    let f = fixture();
    for code in ["4006381333931", "04006381333931", "4006-3813-3393-1"] {
        match f.store.scan(code).expect("scan") {
            Scanned::None {
                code: normalised,
                barcode,
                problem,
            } => {
                assert_eq!(normalised, "04006381333931", "{code}");
                assert_eq!(barcode.as_deref(), Some("4006381333931"), "{code}");
                assert_eq!(problem, None);
            }
            other => panic!("{code}: expected a miss, got {other:?}"),
        }
    }
}

#[test]
fn a_wrong_check_digit_misses_with_the_problem_stated() {
    let f = fixture();
    match f.store.scan("036000291453").expect("scan") {
        Scanned::None {
            barcode, problem, ..
        } => {
            assert_eq!(barcode, None);
            let problem = problem.expect("the problem is stated");
            assert!(problem.contains("check digit"), "{problem}");
        }
        other => panic!("expected a miss, got {other:?}"),
    }
}

#[test]
fn unknown_text_misses_without_a_problem() {
    let f = fixture();
    for code in ["NOPE-1", "B999", "B1-99", "zzz"] {
        match f.store.scan(code).expect("scan") {
            Scanned::None {
                code: c,
                barcode,
                problem,
            } => {
                assert_eq!((c.as_str(), barcode, problem), (code, None, None));
            }
            other => panic!("{code}: expected a miss, got {other:?}"),
        }
    }
    match f.store.scan("   ").expect("scan") {
        Scanned::None { code, .. } => assert_eq!(code, ""),
        other => panic!("expected a miss, got {other:?}"),
    }
}

#[test]
fn a_trashed_item_still_scans_but_shows_it_is_in_the_trash() {
    let f = fixture();
    f.store.trash_item("ABC-1").expect("trash");
    match f.store.scan("ABC-1").expect("scan") {
        Scanned::Item { item, .. } => assert!(item.deleted_at.is_some()),
        other => panic!("expected the item, got {other:?}"),
    }
}

//! The item rules, enforced through the store on a real database file.

use std::collections::BTreeSet;

use trove_core::{Condition, Error, ItemChanges, Status, Store};

use crate::common::{count, new_store, temp_dir, titled};

/// (field, code) of every field error, or a panic naming the other error.
fn field_errors(err: &Error) -> Vec<(&'static str, &'static str)> {
    match err {
        Error::Invalid(fields) => fields.iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn items_in(store: &Store) -> i64 {
    count(store.path(), "SELECT count(*) FROM items")
}

#[test]
fn an_item_needs_a_title() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    for blank in ["", "   ", "\t\n"] {
        let err = store
            .create_item(&titled(blank))
            .expect_err("a blank title is refused");
        assert_eq!(
            field_errors(&err),
            [("title", "title_required")],
            "{blank:?}"
        );
    }
    let no_title = ItemChanges {
        sku: Some("NT-1".into()),
        ..Default::default()
    };
    let err = store
        .create_item(&no_title)
        .expect_err("no title at all is refused");
    assert_eq!(field_errors(&err)[0].0, "title");
    assert_eq!(items_in(&store), 0, "nothing was written");

    let lamp = store
        .create_item(&titled("  Brass Lamp  "))
        .expect("a real title");
    assert_eq!(lamp.title(), "Brass Lamp", "titles are trimmed");
    let err = store
        .update_item(&lamp.id, &titled(" "))
        .expect_err("a title cannot be blanked");
    assert_eq!(field_errors(&err), [("title", "title_required")]);
    assert_eq!(store.item(&lamp.id).expect("item").title(), "Brass Lamp");
}

#[test]
fn quantity_never_goes_below_zero() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let negative = ItemChanges {
        quantity: Some(-1),
        ..titled("Mug")
    };
    let err = store
        .create_item(&negative)
        .expect_err("negative quantity on create");
    assert_eq!(field_errors(&err), [("quantity", "quantity_negative")]);
    assert_eq!(items_in(&store), 0);

    let mug = store
        .create_item(&ItemChanges {
            quantity: Some(4),
            ..titled("Mug")
        })
        .expect("create");
    let err = store
        .update_item(
            &mug.id,
            &ItemChanges {
                quantity: Some(-3),
                ..Default::default()
            },
        )
        .expect_err("negative quantity on edit");
    assert_eq!(field_errors(&err), [("quantity", "quantity_negative")]);
    assert_eq!(
        store.item(&mug.id).expect("item").fields.quantity,
        4,
        "the edit changed nothing"
    );

    let sold_out = store
        .update_item(
            &mug.id,
            &ItemChanges {
                quantity: Some(0),
                ..Default::default()
            },
        )
        .expect("zero");
    assert_eq!(sold_out.fields.quantity, 0, "zero is allowed");
}

#[test]
fn condition_comes_from_the_fixed_list() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let jacket = store
        .create_item(&ItemChanges {
            condition: Some("Like New".into()),
            ..titled("Denim Jacket")
        })
        .expect("'Like New' is like_new");
    assert_eq!(jacket.fields.condition, Some(Condition::LikeNew));
    let stored: String = rusqlite::Connection::open(store.path())
        .expect("open")
        .query_row(
            "SELECT condition FROM items WHERE id = ?1",
            [&jacket.id],
            |r| r.get(0),
        )
        .expect("row");
    assert_eq!(stored, "like_new");

    let err = store
        .create_item(&ItemChanges {
            condition: Some("mint".into()),
            ..titled("Card")
        })
        .expect_err("mint is not a condition");
    assert_eq!(err.detail_code(), "condition_unknown");
    assert_eq!(field_errors(&err), [("condition", "condition_unknown")]);
    let err = store
        .update_item(
            &jacket.id,
            &ItemChanges {
                condition: Some("mint".into()),
                ..Default::default()
            },
        )
        .expect_err("nor on edit");
    assert_eq!(err.detail_code(), "condition_unknown");
    assert_eq!(
        store.item(&jacket.id).expect("item").fields.condition,
        Some(Condition::LikeNew)
    );
}

#[test]
fn sku_is_unique_ignoring_case_and_names_the_item_that_has_it() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let vase = store
        .create_item(&ItemChanges {
            sku: Some("A-100".into()),
            ..titled("Blue Vase")
        })
        .expect("create");

    let err = store
        .create_item(&ItemChanges {
            sku: Some("a-100".into()),
            ..titled("Red Vase")
        })
        .expect_err("the SKU is taken, whatever its case");
    assert_eq!(err.detail_code(), "sku_taken");
    match &err {
        Error::SkuTaken {
            title, in_trash, ..
        } => {
            assert_eq!(title, "Blue Vase");
            assert!(!in_trash);
        }
        other => panic!("expected SkuTaken, got {other:?}"),
    }
    assert!(
        err.to_string().contains("Blue Vase"),
        "the message names the other item: {err}"
    );

    let red = store
        .create_item(&titled("Red Vase"))
        .expect("create without SKU");
    let err = store
        .update_item(
            &red.id,
            &ItemChanges {
                sku: Some("A-100".into()),
                ..Default::default()
            },
        )
        .expect_err("an edit cannot take the SKU either");
    assert_eq!(err.detail_code(), "sku_taken");
    // An item may keep (or re-case) its own SKU.
    store
        .update_item(
            &vase.id,
            &ItemChanges {
                sku: Some("A-100".into()),
                brand: Some("Acme".into()),
                ..Default::default()
            },
        )
        .expect("its own SKU is not taken");

    store.trash_item(&vase.id).expect("trash");
    let err = store
        .create_item(&ItemChanges {
            sku: Some("A-100".into()),
            ..titled("Green Vase")
        })
        .expect_err("an item in the trash still holds its SKU");
    assert_eq!(err.detail_code(), "sku_taken");
    match &err {
        Error::SkuTaken {
            title, in_trash, ..
        } => assert_eq!((title.as_str(), *in_trash), ("Blue Vase", true)),
        other => panic!("expected SkuTaken, got {other:?}"),
    }
    assert_eq!(items_in(&store), 2);

    // Blank SKUs are not SKUs: any number of items may have none.
    store
        .create_item(&ItemChanges {
            sku: Some("  ".into()),
            ..titled("No SKU 1")
        })
        .expect("blank sku");
    store
        .create_item(&ItemChanges {
            sku: Some(String::new()),
            ..titled("No SKU 2")
        })
        .expect("blank sku");
}

#[test]
fn barcodes_are_validated_and_stored_as_gtin14() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let forms = [
        "036000291452",
        "0036000291452",
        "00036000291452",
        "0 36000 29145 2",
    ];
    for (i, code) in forms.iter().enumerate() {
        let item = store
            .create_item(&ItemChanges {
                barcode: Some(code.to_string()),
                ..titled(&format!("Tissue box {i}"))
            })
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(
            item.fields.barcode.as_ref().map(|b| b.as_str()),
            Some("00036000291452"),
            "{code}"
        );
        let stored: String = rusqlite::Connection::open(store.path())
            .expect("open")
            .query_row("SELECT barcode FROM items WHERE id = ?1", [&item.id], |r| {
                r.get(0)
            })
            .expect("row");
        assert_eq!(stored, "00036000291452", "{code} is stored as GTIN-14");
    }

    let err = store
        .create_item(&ItemChanges {
            barcode: Some("036000291453".into()),
            ..titled("Typo")
        })
        .expect_err("wrong check digit");
    assert_eq!(err.detail_code(), "barcode_check_digit");
    assert_eq!(field_errors(&err), [("barcode", "barcode_check_digit")]);

    for isbn10 in ["0306406152", "0-306-40615-2"] {
        let book = store
            .create_item(&ItemChanges {
                barcode: Some(isbn10.into()),
                ..titled(&format!("Book {isbn10}"))
            })
            .expect("ISBN-10");
        assert_eq!(
            book.fields.barcode.as_ref().map(|b| b.as_str()),
            Some("09780306406157"),
            "{isbn10}"
        );
    }

    let err = store
        .create_item(&ItemChanges {
            barcode: Some("12345".into()),
            ..titled("Short")
        })
        .expect_err("no barcode has 5 digits");
    assert_eq!(err.detail_code(), "barcode_invalid");
    assert_eq!(items_in(&store), 6);
}

#[test]
fn an_item_cannot_be_active_without_a_location() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let err = store
        .create_item(&ItemChanges {
            status: Some("active".into()),
            ..titled("Sneakers")
        })
        .expect_err("active with nowhere to find it");
    assert_eq!(err.detail_code(), "active_without_location");
    assert_eq!(items_in(&store), 0);

    let shoes = store
        .create_item(&titled("Sneakers"))
        .expect("a draft needs no location");
    let err = store
        .update_item(
            &shoes.id,
            &ItemChanges {
                status: Some("active".into()),
                ..Default::default()
            },
        )
        .expect_err("nor can a draft become active without one");
    assert_eq!(err.detail_code(), "active_without_location");
    assert_eq!(
        store.item(&shoes.id).expect("item").fields.status,
        Status::Draft
    );

    let bin = store.add_bin("Shoe Rack", None).expect("bin");
    let active = store
        .update_item(
            &shoes.id,
            &ItemChanges {
                status: Some("active".into()),
                location: Some(bin.code.clone()),
                ..Default::default()
            },
        )
        .expect("active once it has a location");
    assert_eq!(active.fields.status, Status::Active);
    assert_eq!(
        active.fields.location.as_ref().map(|p| p.code.as_str()),
        Some(bin.code.as_str())
    );

    let err = store
        .update_item(
            &shoes.id,
            &ItemChanges {
                location: Some(String::new()),
                ..Default::default()
            },
        )
        .expect_err("an active item cannot leave storage");
    assert_eq!(err.detail_code(), "active_without_location");

    let direct = store
        .create_item(&ItemChanges {
            status: Some("active".into()),
            location: Some(bin.code.clone()),
            ..titled("Boots")
        })
        .expect("created active in a bin");
    assert_eq!(direct.fields.status, Status::Active);
}

#[test]
fn money_is_kept_in_minor_units_of_its_currency() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let priced = |price: &str, currency: &str| {
        store.create_item(&ItemChanges {
            price: Some(price.into()),
            price_currency: Some(currency.into()),
            ..titled(&format!("{price} {currency}"))
        })
    };
    let minor = |price: &str, currency: &str| {
        let item = priced(price, currency).unwrap_or_else(|e| panic!("{price} {currency}: {e}"));
        let m = item.fields.price.expect("priced");
        assert_eq!(m.currency.code(), currency);
        m.amount
    };
    assert_eq!(minor("12.50", "USD"), 1250);
    assert_eq!(minor("1200", "JPY"), 1200);
    assert_eq!(minor("1.250", "BHD"), 1250);

    for (price, currency) in [("12.5", "JPY"), ("1.2505", "BHD"), ("12.505", "USD")] {
        let err = priced(price, currency).expect_err("more decimals than the currency has");
        assert_eq!(
            field_errors(&err),
            [("price", "amount_precision")],
            "{price} {currency}"
        );
    }
    let err = priced("-1.00", "USD").expect_err("negative");
    assert_eq!(err.detail_code(), "amount_negative");
    let err = priced("1.00", "XXY").expect_err("unknown currency");
    assert_eq!(err.detail_code(), "currency_unknown");

    let cost = store
        .create_item(&ItemChanges {
            cost: Some("7.5".into()),
            cost_currency: Some("EUR".into()),
            ..titled("Costed")
        })
        .expect("cost");
    assert_eq!(
        cost.fields.cost.map(|m| (m.amount, m.currency.to_string())),
        Some((750, "EUR".to_string()))
    );
    let stored: (i64, String) = rusqlite::Connection::open(store.path())
        .expect("open")
        .query_row(
            "SELECT price_amount, price_currency FROM items WHERE title = '1.250 BHD'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row");
    assert_eq!(
        stored,
        (1250, "BHD".to_string()),
        "stored as an integer and a code"
    );
    assert_eq!(items_in(&store), 4);
}

#[test]
fn edits_are_logged_with_only_the_changed_fields() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let lamp = store
        .create_item(&ItemChanges {
            price: Some("10.00".into()),
            brand: Some("Acme".into()),
            ..titled("Lamp")
        })
        .expect("create");
    store
        .update_item(
            &lamp.id,
            &ItemChanges {
                title: Some("Desk Lamp".into()),
                price: Some("12.00".into()),
                ..Default::default()
            },
        )
        .expect("edit");

    let history = store.history(&lamp.id, 10).expect("history");
    let actions: Vec<&str> = history.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, ["update", "create"], "newest first");
    let edit = &history[0];
    assert_eq!(
        (edit.record_type.as_str(), edit.record_id.as_str()),
        ("item", lamp.id.as_str())
    );
    let keys = |v: &Option<serde_json::Value>| -> BTreeSet<String> {
        v.as_ref()
            .and_then(|v| v.as_object())
            .expect("an object")
            .keys()
            .cloned()
            .collect()
    };
    let changed: BTreeSet<String> = ["price", "title"].map(String::from).into();
    assert_eq!(
        keys(&edit.before),
        changed,
        "before holds only the changed fields"
    );
    assert_eq!(
        keys(&edit.after),
        changed,
        "after holds only the changed fields"
    );
    let before = edit.before.as_ref().expect("before");
    let after = edit.after.as_ref().expect("after");
    assert_eq!(before["title"], "Lamp");
    assert_eq!(after["title"], "Desk Lamp");
    assert_eq!(before["price"]["amount"], 1000);
    assert_eq!(after["price"]["amount"], 1200);

    // Saving the same values again changes nothing and logs nothing.
    store
        .update_item(
            &lamp.id,
            &ItemChanges {
                title: Some("Desk Lamp".into()),
                brand: Some("Acme".into()),
                ..Default::default()
            },
        )
        .expect("no-op edit");
    assert_eq!(
        store.history(&lamp.id, 10).expect("history").len(),
        2,
        "a no-op edit is not logged"
    );
}

#[test]
fn a_category_typed_in_another_case_takes_the_existing_spelling() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store
        .create_item(&ItemChanges {
            category: Some("Clothing > Men".into()),
            ..titled("Shirt")
        })
        .expect("item");
    let second = store
        .create_item(&ItemChanges {
            category: Some("clothing>MEN".into()),
            ..titled("Tie")
        })
        .expect("item");
    assert_eq!(
        count(store.path(), "SELECT count(*) FROM categories"),
        2,
        "one category tree, not two"
    );
    assert_eq!(
        second.fields.category.as_deref(),
        Some("Clothing > Men"),
        "one spelling per category"
    );
    let report = store.doctor().expect("doctor");
    assert!(
        report.checks.iter().all(|c| c.problems.is_empty()),
        "the doctor finds nothing stale: {report:?}"
    );
}

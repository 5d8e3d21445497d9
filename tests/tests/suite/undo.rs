//! Undo: the change an edit returns puts the item back exactly as it was.

use std::collections::BTreeMap;

use trove_core::ItemChanges;

use crate::common::{new_store, temp_dir};

fn full_item() -> ItemChanges {
    ItemChanges {
        title: Some("Blue Vase".into()),
        sku: Some("VASE-1".into()),
        barcode: Some("036000291452".into()),
        description: Some("Studio glass".into()),
        brand: Some("Orrefors".into()),
        category: Some("Home > Decor".into()),
        size: Some("M".into()),
        colour: Some("blue".into()),
        material: Some("glass".into()),
        condition: Some("like new".into()),
        quantity: Some(2),
        low_stock_threshold: Some(Some(1)),
        cost: Some("3.50".into()),
        cost_currency: Some("USD".into()),
        price: Some("1500".into()),
        price_currency: Some("JPY".into()),
        weight_grams: Some(Some(900)),
        length_mm: Some(Some(100)),
        width_mm: Some(Some(100)),
        height_mm: Some(Some(250)),
        notes: Some("chip on base".into()),
        status: Some("active".into()),
        location: Some("B1-1".into()),
        tags: Some(vec!["glass".into(), "mcm".into()]),
        fields: Some(BTreeMap::from([("Era".to_string(), "1960s".to_string())])),
        acquired_on: Some("2026-01-02".into()),
        acquired_from: Some("Estate sale".into()),
    }
}

#[test]
fn undo_of_an_edit_restores_every_field() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store.add_bin("Garage", None).unwrap();
    store.add_section("B1", "Top", None).unwrap();
    store.add_section("B1", "Bottom", None).unwrap();
    let original = store.create_item(&full_item()).unwrap();

    let edit = store
        .edit_item(
            "VASE-1",
            &ItemChanges {
                title: Some("Green Vase".into()),
                sku: Some("VASE-2".into()),
                barcode: Some("".into()),
                price: Some("".into()),
                condition: Some("fair".into()),
                quantity: Some(5),
                location: Some("B1-2".into()),
                tags: Some(vec!["green".into()]),
                fields: Some(BTreeMap::from([
                    ("Era".to_string(), "".to_string()),
                    ("Maker".to_string(), "Kosta".to_string()),
                ])),
                weight_grams: Some(None),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(edit.item.fields.title, "Green Vase");
    assert_eq!(edit.item.fields.location.as_ref().unwrap().code, "B1-2");

    let restored = store.update_item(&original.id, &edit.undo).unwrap();
    assert_eq!(restored.fields, original.fields);
}

#[test]
fn the_form_of_an_item_applied_to_another_makes_it_the_same() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store.add_bin("Garage", None).unwrap();
    store.add_section("B1", "Top", None).unwrap();
    let source = store.create_item(&full_item()).unwrap();
    let other = store
        .create_item(&ItemChanges {
            title: Some("Other".into()),
            ..Default::default()
        })
        .unwrap();
    let mut form = ItemChanges::form(&source.fields);
    form.sku = Some("VASE-COPY".into());
    let copied = store.update_item(&other.id, &form).unwrap();
    let mut expected = source.fields.clone();
    expected.sku = Some("VASE-COPY".into());
    assert_eq!(copied.fields, expected);
}

#[test]
fn an_edit_of_an_item_in_the_trash_is_refused() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store
        .create_item(&ItemChanges {
            title: Some("Lamp".into()),
            ..Default::default()
        })
        .unwrap();
    store.trash_item(&item.id).unwrap();
    let err = store
        .edit_item(&item.id, &ItemChanges::default())
        .unwrap_err();
    assert_eq!(err.detail_code(), "in_trash");
}

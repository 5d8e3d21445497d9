//! Amounts in currencies whose minor-unit digits web engines disagree
//! about: shown with the core's ISO 4217 digits, and saved back unchanged.

use trove_core::cards::CardInput;
use trove_core::money::Money;
use trove_core::{ItemChanges, Store};
use trove_e2e::Session;

use crate::editing::wait_editor_ready;
use crate::support::{
    editor_value, ensure, quoted, wait_editor_titled, wait_toast, Db, Outcome, WAIT,
};

/// Each currency with an amount in minor units and how the core writes it.
/// V8's ICU (Node, Chromium, WebView2) gives HUF 0 digits and IQD 0; ISO
/// says 2 and 3. JPY has none and BHD three, which every engine agrees on.
const AMOUNTS: &[(&str, i64, &str)] = &[
    ("HUF", 5000, "50.00"),
    ("IQD", 1250, "1.250"),
    ("JPY", 1500, "1500"),
    ("BHD", 1234, "1.234"),
];

/// The text of the inventory row's cell in column `col`.
fn cell(app: &Session, item: &str, col: &str) -> Outcome<String> {
    let css = format!(
        "[data-testid=row][data-id={}] [data-col={col}]",
        quoted(item)
    );
    app.wait_for(&css, WAIT)?;
    let text = app.execute(
        "const c = document.querySelector(arguments[0]); return c ? c.textContent.trim() : null;",
        vec![serde_json::json!(css)],
    )?;
    Ok(text.as_str().ok_or(format!("no cell {css}"))?.to_string())
}

/// The item's price and card value as the store holds them.
fn amounts(store: &Store, id: &str) -> Outcome<(Option<Money>, Option<Money>)> {
    let price = store.item(id)?.fields.price;
    let value = store.card(id)?.and_then(|c| c.value);
    Ok((price, value))
}

/// HUF, IQD, JPY and BHD prices and card values: the table shows each with
/// its currency's digits, the editor's boxes hold the core's decimal text,
/// and saving the editor (the card section included) leaves every amount
/// as it was.
pub fn money_digits_round_trip(driver: &mut trove_e2e::Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    let mut items = Vec::new();
    for (code, amount, decimal) in AMOUNTS {
        let item = store.create_item(&ItemChanges {
            title: Some(format!("Priced in {code}")),
            sku: Some(format!("M-{code}")),
            price: Some((*decimal).into()),
            price_currency: Some((*code).into()),
            ..ItemChanges::default()
        })?;
        store.set_card_input(
            &item.id,
            &CardInput {
                kind: "tcg".into(),
                set_code: "TRV".into(),
                grade: "9".into(),
                grader: "PSA".into(),
                value: (*decimal).into(),
                value_currency: (*code).into(),
                ..CardInput::default()
            },
        )?;
        let (price, value) = amounts(&store, &item.id)?;
        ensure!(
            price.map(|m| m.amount) == Some(*amount) && value.map(|m| m.amount) == Some(*amount),
            "seeding {code} {decimal} stored price {price:?} and value {value:?}"
        );
        items.push((item.id, *code, *amount, *decimal));
    }
    let app = driver.launch(&db.path)?;

    for (id, code, amount, decimal) in &items {
        // The table: the digits the core sent (grouping may differ by
        // locale, so JPY's 1500 may read 1,500).
        let shown = cell(&app, id, "price")?;
        let digits: String = shown.chars().filter(|c| c.is_ascii_digit()).collect();
        let want: String = decimal.chars().filter(|c| c.is_ascii_digit()).collect();
        ensure!(
            digits == want && (decimal.contains('.') == shown.contains('.')),
            "the table shows the {code} price {amount} as {shown:?}, not {decimal}"
        );

        // The editor: the boxes hold the decimal text exactly.
        app.find(&format!("[data-testid=row][data-id={}]", quoted(id)))?
            .click()?;
        wait_editor_titled(&app, &format!("Priced in {code}"))?;
        wait_editor_ready(&app)?;
        let price = editor_value(&app, "price")?;
        ensure!(
            price == *decimal,
            "the editor's price box holds {price:?} for {code} {amount}, not {decimal:?}"
        );
        let value = app
            .wait_for("[data-testid=card-section] [name=card_value]", WAIT)?
            .value()?;
        ensure!(
            value == *decimal,
            "the card value box holds {value:?} for {code} {amount}, not {decimal:?}"
        );

        // Saving with an edit beside the amounts (the grade): the card
        // section sends its whole form, the value box as it was filled.
        let grade = app.find("[data-testid=card-section] [name=card_grade]")?;
        grade.clear()?;
        grade.send_keys("9.5")?;
        app.find("[data-testid=item-editor] [data-testid=save]")?
            .click()?;
        wait_toast(&app, "Saved the card details")?;
        app.wait_gone("[data-testid=item-editor]", WAIT)?;
        let card = store.card(id)?.ok_or("the card is gone after saving")?;
        ensure!(
            card.grade.map(|g| g.to_string()).as_deref() == Some("9.5"),
            "the grade edit was not saved: {card:?}"
        );
        let (price, value) = amounts(&store, id)?;
        ensure!(
            price.map(|m| (m.amount, m.currency.code().to_string()))
                == Some((*amount, code.to_string()))
                && value.map(|m| (m.amount, m.currency.code().to_string()))
                    == Some((*amount, code.to_string())),
            "after saving the editor the store has price {price:?} and value {value:?}, not {amount} {code}"
        );
    }
    Ok(())
}

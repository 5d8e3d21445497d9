//! Wants: a wish refused for its price is explained at the field, then
//! added; an item found with the picker goes on pre-order, its release date
//! moves (the slip shows), and it is received.

use trove_e2e::{Driver, Session};

use crate::support::{
    add_item, click_js, ensure, quoted, show, text_of, wait_toast, Db, Outcome, WAIT,
};

/// Replaces the text of the box named `name` inside `within`.
fn retype(app: &Session, within: &str, name: &str, text: &str) -> Outcome {
    let field = app.find(&format!("{within} [name={}]", quoted(name)))?;
    field.clear()?;
    field.send_keys(text)?;
    Ok(())
}

const WISH_FORM: &str = "[data-testid=wish-form]";
const PREORDER_FORM: &str = "[data-testid=preorder-form]";

pub fn wishlist_and_preorders(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let item = add_item(&db.store()?, "Lantern Starter Box", "PRE-1")?;
    let app = driver.launch(&db.path)?;
    show(&app, "wants")?;

    // Empty lists say how to begin.
    let empty = text_of(&app, "[data-testid=wishlist-empty]")?;
    ensure!(
        empty.contains("Add what"),
        "the empty wishlist says {empty:?}"
    );
    let empty = text_of(&app, "[data-testid=preorders-empty]")?;
    ensure!(
        empty.contains("release date"),
        "the empty pre-orders say {empty:?}"
    );

    // A price that is not an amount is refused beside its field.
    retype(&app, WISH_FORM, "title", "Lantern Promo, foil")?;
    retype(&app, WISH_FORM, "max_price", "twelve")?;
    retype(&app, WISH_FORM, "notes", "near mint only")?;
    click_js(&app, "[data-testid=add-wish]")?;
    let error = text_of(&app, &format!("{WISH_FORM} [data-error=max_price]"))?;
    ensure!(!error.is_empty(), "the price error is empty");
    let invalid = app
        .find(&format!("{WISH_FORM} [name=max_price]"))?
        .attribute("aria-invalid")?;
    ensure!(
        invalid.as_deref() == Some("true"),
        "the price box is not marked invalid"
    );
    ensure!(
        app.try_find("[data-testid=wishlist] tr[data-wish]")?
            .is_none(),
        "a refused wish was listed"
    );

    // A good one, with its currency, is listed; the form empties.
    retype(&app, WISH_FORM, "max_price", "12.50 EUR")?;
    click_js(&app, "[data-testid=add-wish]")?;
    let price = text_of(
        &app,
        "[data-testid=wishlist] tr[data-wish] [data-col=max_price]",
    )?;
    ensure!(
        price.contains("12.50") && price.contains('€'),
        "the wish's price shows as {price:?}"
    );
    app.wait_gone(&format!("{WISH_FORM} [data-error=max_price]"), WAIT)?;
    let wishes = db.store()?.wishlist()?;
    ensure!(
        wishes.len() == 1 && wishes[0].max_price.map(|m| m.amount) == Some(1250),
        "the store holds {wishes:?}"
    );

    // The item is found with the picker; a date that is not one is refused.
    click_js(&app, "[data-testid=find-preorder-item]")?;
    app.wait_for("[data-testid=item-picker-search]", WAIT)?
        .send_keys("Lantern")?;
    app.wait_for(
        &format!(
            "[data-testid=item-picker-result][data-id={}]",
            quoted(&item.id)
        ),
        WAIT,
    )?
    .click()?;
    let chosen = text_of(&app, "[data-testid=preorder-item-title]")?;
    ensure!(
        chosen == "Lantern Starter Box",
        "the form names the item {chosen:?}"
    );
    retype(&app, PREORDER_FORM, "release_on", "next week")?;
    retype(&app, PREORDER_FORM, "deposit", "20")?;
    retype(&app, PREORDER_FORM, "seller", "Corner Card Shop")?;
    click_js(&app, "[data-testid=save-preorder]")?;
    let error = text_of(&app, &format!("{PREORDER_FORM} [data-error=release_on]"))?;
    ensure!(
        error.contains("YYYY-MM-DD"),
        "the date error says {error:?}"
    );
    retype(&app, PREORDER_FORM, "release_on", "2026-12-01")?;
    click_js(&app, "[data-testid=save-preorder]")?;
    let row = format!(
        "[data-testid=preorders] tr[data-preorder={}]",
        quoted(&item.id)
    );
    let release = text_of(&app, &format!("{row} [data-testid=release-on]"))?;
    ensure!(
        release == "2026-12-01",
        "the release date shows {release:?}"
    );
    ensure!(
        app.try_find(&format!("{row} [data-testid=slip-count]"))?
            .is_none(),
        "a new pre-order shows a slip"
    );

    // The release moves: the new date shows, with the slip and the old date.
    click_js(&app, &format!("{row} [data-testid=move-date]"))?;
    let input = app.wait_for(&format!("{row} [data-testid=move-date-input]"), WAIT)?;
    input.clear()?;
    input.send_keys("2027-01-15")?;
    click_js(&app, &format!("{row} [data-testid=save-move]"))?;
    app.wait_until("the moved release date", WAIT, || {
        Ok(app
            .try_find(&format!("{row} [data-testid=release-on]"))?
            .map(|e| e.text())
            .transpose()?
            .as_deref()
            == Some("2027-01-15"))
    })?;
    let slips = text_of(&app, &format!("{row} [data-testid=slip-count]"))?;
    ensure!(slips.contains("once"), "the slip count says {slips:?}");
    let history = text_of(&app, &format!("{row} [data-testid=slip-history]"))?;
    ensure!(
        history.contains("was 2026-12-01"),
        "the slip history says {history:?}"
    );
    wait_toast(&app, "was 2026-12-01")?;

    // Received, after a second click: it leaves the list.
    click_js(&app, &format!("{row} [data-testid=receive]"))?;
    click_js(&app, &format!("{row} [data-testid=confirm-received]"))?;
    app.wait_gone(&row, WAIT)?;
    app.wait_for("[data-testid=preorders-empty]", WAIT)?;
    wait_toast(&app, "Received 'Lantern Starter Box'")?;
    let open = db.store()?.preorders()?;
    ensure!(open.is_empty(), "the store still has pre-orders {open:?}");
    Ok(())
}

//! Cards: details set in the editor give a tier badge; a card app's binder
//! opens as a collection page; a set's completion shows owned and missing.

use std::path::Path;

use trove_core::import::ImportOptions;
use trove_e2e::{Driver, Session};

use crate::editing::wait_editor_ready;
use crate::support::{add_item, ensure, quoted, show, Db, Outcome, WAIT};

/// Imports the Scryfall catalogue fixture and the ManaBox collection
/// fixture (binder "Main Binder") through the core.
pub fn seed_cards(db: &Db) -> Outcome {
    let store = db.store()?;
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/cards");
    store.import_catalogue(&fixtures.join("scryfall-cards.json"))?;
    store.import_cards(
        &fixtures.join("manabox.csv"),
        None,
        &ImportOptions::default(),
        &mut |_| true,
    )?;
    Ok(())
}

fn count(app: &Session, selector: &str) -> Outcome<u64> {
    let n = app.execute(
        &format!(
            "return document.querySelectorAll({}).length;",
            quoted(selector)
        ),
        vec![],
    )?;
    Ok(n.as_u64().unwrap_or(0))
}

fn click_js(app: &Session, selector: &str) -> Outcome {
    app.execute(
        &format!("document.querySelector({}).click();", quoted(selector)),
        vec![],
    )?;
    Ok(())
}

pub fn cards_tiers_collections_completion(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    seed_cards(&db)?;
    let item = add_item(&db.store()?, "Lantern Promo", "CARD-1")?;
    let app = driver.launch(&db.path)?;

    // Card details set in the editor: a value of 150 is in the high tier
    // under the default thresholds (10 / 100 / 1,000).
    app.wait_for(
        &format!("[data-testid=row][data-id={}]", quoted(&item.id)),
        WAIT,
    )?
    .click()?;
    wait_editor_ready(&app)?;
    app.wait_for("[data-testid=make-card]", WAIT)?;
    // The editor's sticky footer may cover the section's buttons.
    click_js(&app, "[data-testid=make-card]")?;
    for (name, text) in [
        ("card_set_code", "TRV"),
        ("card_collector_number", "1"),
        ("card_value", "150"),
    ] {
        let field = app.find(&format!("[data-testid=card-section] [name={name}]"))?;
        field.clear()?;
        field.send_keys(text)?;
    }
    click_js(&app, "[data-testid=save-card]")?;
    app.wait_for(
        "[data-testid=card-section] [data-testid=tier-badge][data-tier=high]",
        WAIT,
    )?;
    app.find("[data-testid=item-editor] button.close")?
        .click()?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;

    // The ManaBox binder is a collection; its page lists its cards.
    show(&app, "collections")?;
    app.wait_for("button[data-collection='Main Binder']", WAIT)?
        .click()?;
    app.wait_for("[data-testid=collection-page] tbody tr[data-item]", WAIT)?;
    let rows = count(&app, "[data-testid=collection-page] tbody tr[data-item]")?;
    ensure!(rows > 1, "the collection page shows {rows} rows");

    // Completion of the catalogue's set TRV: owned lit, missing dimmed.
    let code = app.find("[data-testid=completion-set]")?;
    code.clear()?;
    code.send_keys("TRV")?;
    app.find("[data-testid=show-completion]")?.click()?;
    app.wait_for("[data-testid=completion] li[data-number]", WAIT)?;
    let owned = count(&app, "[data-testid=completion] li[data-owned=true]")?;
    let missing = count(&app, "[data-testid=completion] li[data-owned=false]")?;
    ensure!(
        owned > 0 && missing > 0,
        "the completion grid shows {owned} owned and {missing} missing"
    );
    let header = app.find("[data-testid=completion-owned]")?.text()?;
    ensure!(
        header == owned.to_string(),
        "the header counts {header} owned, the grid lights {owned}"
    );
    Ok(())
}

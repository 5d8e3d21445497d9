//! Stock take by scan in the window: a bin's label is scanned, Count is
//! pressed, two items are scanned and an unknown code typed; the count says
//! what was not found (and that a platform still shows it), what is
//! recorded elsewhere (moved here in one click) and what Trove does not
//! know, and the bin is stamped counted.

use trove_commerce::{ListingInput, ListingStatus, Platform, Shop};
use trove_core::ItemChanges;
use trove_e2e::Driver;

use crate::support::{click_js, ensure, scan_as_scanner, set_value, wait_text, Db, Outcome, WAIT};

pub fn count_a_bin_by_scan(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    store.add_bin("Toy shelf", None)?;
    store.add_bin("Kitchen shelf", None)?;
    let item = |title: &str, sku: &str, at: &str| {
        store.create_item(&ItemChanges {
            title: Some(title.into()),
            sku: Some(sku.into()),
            price: Some("25".into()),
            quantity: Some(1),
            location: Some(at.into()),
            ..ItemChanges::default()
        })
    };
    let robot = item("Tin Wind-up Robot", "ROB-1", "B1")?;
    item("Glass Marble Jar", "JAR-2", "B1")?;
    let pan = item("Cast Iron Pan", "PAN-3", "B2")?;
    let shop = Shop::new(&store);
    let listing = shop.list(&robot.id, Platform::Ebay, &ListingInput::default())?;
    shop.set_status(&listing.id, ListingStatus::Active)?;
    drop(store);
    let app = driver.launch(&db.path)?;

    // The bin's label opens it; Count takes the scans from then on.
    scan_as_scanner(&app, "B1")?;
    app.wait_for("[data-testid=location-detail][data-code=B1]", WAIT)?;
    click_js(&app, "[data-testid=count-location]")?;
    app.wait_for("[data-testid=stock-take]", WAIT)?;
    scan_as_scanner(&app, "JAR-2")?;
    scan_as_scanner(&app, "PAN-3")?;
    scan_as_scanner(&app, "JAR-2")?;
    set_value(&app, "[data-testid=count-input]", "ZZ-404")?;
    app.execute(
        "document.querySelector('[data-testid=count-input]').form.requestSubmit();",
        vec![],
    )?;
    wait_text(
        &app,
        "[data-testid=count-scans]",
        "JAR-2 ×2 Glass Marble Jar",
    )?;
    wait_text(&app, "[data-testid=count-scans]", "Cast Iron Pan")?;
    wait_text(&app, "[data-testid=count-scans]", "ZZ-404")?;
    ensure!(
        app.find_all("[data-testid=count-scans] li")?.len() == 3,
        "a repeated scan is one line"
    );

    click_js(&app, "[data-testid=finish-count]")?;
    wait_text(
        &app,
        "[data-testid=count-summary]",
        "1 found · 1 not found · 1 recorded elsewhere · 1 unknown",
    )?;
    wait_text(&app, "[data-testid=count-missing]", "Tin Wind-up Robot")?;
    wait_text(
        &app,
        "[data-testid=count-missing]",
        "still listed on 1 platform",
    )?;
    wait_text(&app, "[data-testid=count-elsewhere]", "recorded at B2")?;
    wait_text(&app, "[data-testid=count-unknown]", "ZZ-404")?;

    // The pan was on this shelf after all: one click records it here.
    click_js(&app, "[data-testid=move-here]")?;
    app.wait_for("[data-testid=moved-here]", WAIT)?;
    let store = db.store()?;
    let at = store
        .item(&pan.id)?
        .fields
        .location
        .map(|l| l.code)
        .unwrap_or_default();
    ensure!(at == "B1", "the pan is recorded at {at:?}");
    let unverified: Vec<String> = Shop::new(&store)
        .unverified(30, 50)?
        .into_iter()
        .map(|u| u.code)
        .collect();
    ensure!(
        !unverified.contains(&"B1".to_string()) && unverified.contains(&"B2".to_string()),
        "B1 was just counted, B2 never: {unverified:?}"
    );

    // Done: the bin's items again, and scans go back to opening things.
    click_js(&app, "[data-testid=close-count]")?;
    app.wait_gone("[data-testid=stock-take]", WAIT)?;
    wait_text(&app, "[data-testid=location-detail]", "Cast Iron Pan")?;
    Ok(())
}

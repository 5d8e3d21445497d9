//! A USB barcode scanner is a keyboard that types a code in a burst and
//! presses Enter. These scenarios send such bursts with W3C input actions
//! and check what the app does with them, and that a person typing the same
//! characters slowly is left alone.

use std::time::Duration;

use trove_e2e::{keys, Driver, KeyActions};

use crate::editing::wait_editor_ready;
use crate::support::{
    add_item, blur, describe_gaps, ensure, gaps, record_keys, recorded_keys, scan_as_scanner,
    settle, wait_editor_titled, wait_toast, Db, Outcome, WAIT,
};

/// A burst opens the scanned item and leaves the focused field as it was;
/// the same keys typed slowly stay in the field and open nothing.
pub fn scanner_burst_opens_item(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    add_item(&store, "Brass Desk Lamp", "SCAN-0001")?;
    add_item(&store, "Oak Bookends", "SCAN-0002")?;
    add_item(&store, "Pewter Tankard", "MUG-7")?;
    drop(store);
    let app = driver.launch(&db.path)?;

    let search = app.find("#search")?;
    search.send_keys("abc")?;
    // Far longer than a burst's gap, so "abc" cannot join the scan.
    settle(300);
    let delivery = scan_as_scanner(&app, "SCAN-0001")?;
    wait_editor_titled(&app, "Brass Desk Lamp").map_err(|e| format!("{e}; {delivery}"))?;
    let left = search.value()?;
    ensure!(
        left == "abc",
        "the search box holds {left:?} after the scan, not \"abc\""
    );

    // Close the editor, then type the code as a person would.
    app.actions(KeyActions::new().press(keys::ESCAPE).into_json())?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;
    search.clear()?;
    search.click()?;
    record_keys(&app)?;
    let mut slow = KeyActions::new();
    for c in "SCAN-0001".chars() {
        slow = slow.press(&c.to_string()).pause(Duration::from_millis(120));
    }
    app.actions(slow.press(keys::ENTER).into_json())?;
    let slow_gaps = gaps(&recorded_keys(&app)?);
    println!(
        "    key delivery: typed with 120 ms pauses: {}",
        describe_gaps(&slow_gaps)
    );
    settle(1_000);
    ensure!(
        app.try_find("[data-testid=item-editor]")?.is_none(),
        "slow typing opened the editor as if scanned"
    );
    let typed = search.value()?;
    ensure!(
        typed == "SCAN-0001",
        "the search box holds {typed:?} after slow typing, not \"SCAN-0001\""
    );
    Ok(())
}

/// Scan an item, then a section: the item is put away there.
pub fn put_away_by_two_scans(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    let bin = store.add_bin("Garage Tote", None)?;
    ensure!(bin.code == "B1", "the first bin got code {}", bin.code);
    let section = store.add_section("B1", "Top", None)?;
    ensure!(
        section.code == "B1-1",
        "the first section got code {}",
        section.code
    );
    add_item(&store, "Enamel Pin Set", "PUT-1")?;
    let app = driver.launch(&db.path)?;

    blur(&app)?;
    let delivery = scan_as_scanner(&app, "PUT-1")?;
    wait_editor_titled(&app, "Enamel Pin Set").map_err(|e| format!("{e}; {delivery}"))?;
    app.wait_for("[data-testid=put-away]", WAIT)?;
    // The editor has put focus in its title: the section scan lands there
    // first and must be taken back out.
    wait_editor_ready(&app)?;
    let delivery = scan_as_scanner(&app, "B1-1")?;
    let toast = wait_toast(&app, "away in B1-1").map_err(|e| format!("{e}; {delivery}"))?;
    ensure!(toast.contains("Put"), "the toast reads {toast:?}");
    if app.try_find("[data-testid=item-editor]")?.is_some() {
        let title = crate::support::editor_value(&app, "title")?;
        ensure!(
            title == "Enamel Pin Set",
            "the section scan was left in the title field: {title:?}"
        );
    }
    app.wait_gone("[data-testid=put-away]", WAIT)?;

    let item = store.item("PUT-1")?;
    let at = item.fields.location.as_ref().map(|l| l.code.as_str());
    ensure!(
        at == Some("B1-1"),
        "the store has PUT-1 at {at:?}, not B1-1"
    );
    let moves = store.moves("PUT-1")?;
    ensure!(
        moves.len() == 1 && moves[0].to.as_deref() == Some("B1-1"),
        "the store has these moves for PUT-1: {moves:?}"
    );
    Ok(())
}

/// A valid barcode nothing has is offered as a new item, barcode filled in.
pub fn unknown_code_offers_create(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let app = driver.launch(&db.path)?;
    blur(&app)?;
    let delivery = scan_as_scanner(&app, "4006381333931")?;
    app.wait_for("[data-testid=unknown-code]", WAIT)
        .map_err(|e| format!("{e}; {delivery}"))?;
    if let Some(problem) = app.try_find("[data-testid=scan-problem]")? {
        return Err(format!(
            "a valid EAN-13 was reported as a problem: {:?}",
            problem.text()?
        )
        .into());
    }
    app.find("[data-testid=create-from-scan]")?.click()?;
    wait_editor_ready(&app)?;
    let barcode = crate::support::editor_value(&app, "barcode")?;
    let digits: String = barcode.chars().filter(char::is_ascii_digit).collect();
    ensure!(
        digits == "4006381333931",
        "the new item's barcode field holds {barcode:?}"
    );
    Ok(())
}

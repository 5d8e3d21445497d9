//! Screenshots of every screen over a few hundred realistic items. They are
//! always taken (so the screens are checked to render), and written to
//! docs/screenshots/ only when `TROVE_SCREENSHOTS` is set; otherwise they go
//! to `<target>/e2e/screenshots/`, leaving the checked-in ones alone.

use std::fs;
use std::path::{Path, PathBuf};

use trove_core::list::ListQuery;
use trove_core::money::{Currency, Money};

use trove_e2e::harness::{target_dir, workspace_dir};
use trove_e2e::{keys, Driver, KeyActions, Session};

use crate::cards::seed_collector;
use crate::editing::wait_editor_ready;
use crate::photos::{wait_shown, write_product_photos};
use crate::selling::seed_shop;
use crate::support::{
    ensure, is_png, press, quoted, rows, scan_as_scanner, settle, show, Db, Outcome, WAIT,
};

/// Photos on the newest item (the one the editor shot opens).
const FIRST_ITEM_PHOTOS: usize = 5;
/// Items after it with a cover photo each.
const MORE_COVERS: usize = 7;
/// Photos waiting in the inbox.
const INBOX_PHOTOS: usize = 10;

/// Gives the newest items photos and fills the inbox, through the core;
/// returns how many of the first rows have a cover.
fn add_photos(db: &Db) -> Outcome<usize> {
    let store = db.store()?;
    let newest = store.list(&ListQuery {
        limit: Some(1 + MORE_COVERS),
        ..ListQuery::default()
    })?;
    let files = tempfile::Builder::new()
        .prefix("trove-e2e-shots-")
        .tempdir()?;
    let photos = write_product_photos(
        files.path(),
        "photo",
        FIRST_ITEM_PHOTOS + MORE_COVERS + INBOX_PHOTOS,
    )?;
    let (first, rest) = photos.split_at(FIRST_ITEM_PHOTOS);
    let (covers, inbox) = rest.split_at(MORE_COVERS);
    let mut places: Vec<(&[PathBuf], Option<&str>)> =
        vec![(first, Some(newest.items[0].id.as_str()))];
    for (photo, item) in covers.chunks(1).zip(&newest.items[1..]) {
        places.push((photo, Some(item.id.as_str())));
    }
    places.push((inbox, None));
    for (paths, item) in places {
        let report = store.import_photos(paths, item, &mut trove_core::jobs::Job::quiet())?;
        ensure!(
            report.complete() && report.imported.len() == paths.len(),
            "seeding photos failed: {:?}",
            report.skipped
        );
    }
    Ok(newest.items.len())
}

/// A few wishes and pre-orders (one whose release date slipped twice),
/// through the core.
fn add_wants(db: &Db) -> Outcome {
    let store = db.store()?;
    let money = |amount, code| -> Outcome<Option<Money>> {
        Ok(Some(Money::new(amount, Currency::parse(code)?)))
    };
    store.add_wish(
        "Ragavan, Nimble Pilferer (MH2) foil",
        money(6500, "USD")?,
        Some("near mint only"),
    )?;
    store.add_wish("Base Set Charizard, PSA 8", money(120_000, "EUR")?, None)?;
    store.add_wish("Vintage Pyrex Butterprint bowl", None, Some("any size"))?;
    let boxes = store.list(&ListQuery {
        limit: Some(2),
        ..ListQuery::default()
    })?;
    let [first, second] = boxes.items.as_slice() else {
        return Err("fewer than two items to put on pre-order".into());
    };
    store.set_preorder(
        &first.id,
        &days_from_today(-20),
        money(5000, "USD")?,
        Some("Card Kingdom"),
        Some(&days_from_today(-90)),
    )?;
    for moved in [35, 96] {
        store.set_preorder(&first.id, &days_from_today(moved), None, None, None)?;
    }
    store.set_preorder(
        &second.id,
        &days_from_today(12),
        None,
        Some("Corner Shop"),
        None,
    )?;
    Ok(())
}

/// The UTC date `days` from today, `YYYY-MM-DD` (the screen counts down to
/// release dates, so fixed ones would read oddly as time passes).
fn days_from_today(days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = now.div_euclid(86_400) + days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Waits until `n` cover thumbnails in the table are drawn.
fn wait_covers(app: &Session, n: usize) -> Outcome {
    app.wait_until(&format!("{n} covers in the table"), WAIT, || {
        let drawn = app.execute(
            "return Array.from(document.querySelectorAll('img[data-testid=row-cover]'))
               .filter((i) => i.complete && i.naturalWidth > 0).length;",
            vec![],
        )?;
        Ok(drawn.as_u64() == Some(n as u64))
    })?;
    Ok(())
}

fn out_dir() -> PathBuf {
    if std::env::var_os("TROVE_SCREENSHOTS").is_some() {
        workspace_dir().join("docs").join("screenshots")
    } else {
        target_dir().join("e2e").join("screenshots")
    }
}

/// Lets transitions and fonts settle, and the images decode (WebKit draws
/// an image decoded off the main thread only once it is, and the driver's
/// snapshot does not wait for it), then saves the window as `name`.
fn shot(app: &Session, dir: &Path, name: &str) -> Outcome {
    settle(400);
    app.execute_async(
        "const done = arguments[arguments.length - 1];
         const images = Array.from(document.images).filter((i) => i.complete && i.naturalWidth > 0);
         Promise.allSettled(images.map((i) => i.decode())).then(() => done(images.length));",
        vec![],
    )?;
    let png = app.screenshot()?;
    ensure!(
        is_png(&png) && png.len() > 10_000,
        "{name}: the screenshot is not a plausible PNG ({} bytes)",
        png.len()
    );
    fs::write(dir.join(name), png)?;
    Ok(())
}

pub fn screenshots(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    db.generate(400, 11)?;
    let bin = db
        .store()?
        .bins()?
        .into_iter()
        .next()
        .ok_or("the generated items made no bins")?;
    let covered = add_photos(&db)?;
    add_wants(&db)?;
    let dir = out_dir();
    fs::create_dir_all(&dir)?;
    let app = driver.launch(&db.path)?;

    app.wait_for("[data-testid=row] [data-col=title]", WAIT)?;
    wait_covers(&app, covered)?;
    shot(&app, &dir, "inventory.png")?;

    let first = rows(&app)?.into_iter().next().ok_or("no rows shown")?;
    app.find(&format!("[data-testid=row][data-id={}]", quoted(&first.id)))?
        .click()?;
    wait_editor_ready(&app)?;
    wait_shown(
        &app,
        "[data-testid=photo-strip] [data-testid=photo-thumb]",
        FIRST_ITEM_PHOTOS,
    )?;
    shot(&app, &dir, "item-editor.png")?;
    app.actions(KeyActions::new().press(keys::ESCAPE).into_json())?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;

    show(&app, "photos")?;
    wait_shown(&app, "[data-testid=inbox-photo]", INBOX_PHOTOS)?;
    for n in [0, 1, 3] {
        app.execute(
            "const t = document.querySelectorAll('[data-testid=inbox-photo]')[arguments[0]];
             t.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true }));",
            vec![serde_json::json!(n)],
        )?;
    }
    app.wait_until("three photos picked", WAIT, || {
        Ok(app.find("[data-testid=inbox-selected]")?.text()? == "3 photos selected")
    })?;
    shot(&app, &dir, "inbox.png")?;
    show(&app, "inventory")?;

    // Search for the first word of a title that is a real word.
    let word = first
        .title
        .split_whitespace()
        .find(|w| w.len() >= 4 && w.chars().all(char::is_alphabetic))
        .unwrap_or("vintage")
        .to_lowercase();
    let search = app.find("#search")?;
    search.send_keys(&word)?;
    app.wait_until("the search count", WAIT, || {
        Ok(app.find("[data-testid=count]")?.text()?.contains("match"))
    })?;
    app.wait_for("[data-testid=row] [data-col=title]", WAIT)?;
    shot(&app, &dir, "search.png")?;
    search.click()?;
    press(&app, &[keys::CONTROL], "a")?;
    press(&app, &[], keys::BACKSPACE)?;
    app.wait_until("the search to clear", WAIT, || {
        Ok(!app.find("[data-testid=count]")?.text()?.contains("match"))
    })?;

    show(&app, "locations")?;
    app.wait_for("[data-testid=bin-list]", WAIT)?;
    app.wait_for(
        &format!("[data-testid=bin][data-code={}]", quoted(&bin.code)),
        WAIT,
    )?;
    shot(&app, &dir, "locations.png")?;

    show(&app, "labels")?;
    let input = app.wait_for("[data-testid=label-code-input]", WAIT)?;
    input.send_keys(&bin.code)?;
    input.send_keys(keys::ENTER)?;
    app.wait_for("[data-testid=labels-sheet] [data-testid=label]", WAIT)?;
    shot(&app, &dir, "labels.png")?;

    show(&app, "wants")?;
    app.wait_for("[data-testid=wishlist] tr[data-wish]", WAIT)?;
    app.wait_for("[data-testid=preorders] [data-testid=slip-count]", WAIT)?;
    shot(&app, &dir, "wants.png")?;

    show(&app, "settings")?;
    let shown = app.wait_for("[data-testid=db-path]", WAIT)?;
    let want = db.path.display().to_string();
    app.wait_until("Settings to show the database path", WAIT, || {
        Ok(shown.text()? == want)
    })?;
    shot(&app, &dir, "settings.png")?;

    app.find("select[aria-label=Theme] option[value=dark]")?
        .click()?;
    app.wait_until("the dark theme", WAIT, || {
        Ok(app.execute("return document.documentElement.dataset.theme;", vec![])? == "dark")
    })?;
    show(&app, "inventory")?;
    app.wait_for("[data-testid=row] [data-col=title]", WAIT)?;
    shot(&app, &dir, "inventory-dark.png")?;
    app.close()?;
    let cards = card_screenshots(driver, &dir)?;
    let selling = selling_screenshots(driver, &dir)?;
    empty_screenshot(driver, &dir)?;
    println!(
        "    wrote {} screenshots to {}",
        10 + cards + selling,
        dir.display()
    );
    Ok(())
}

/// A place to count and what to scan there: a location holding at least
/// three items with SKUs, two of them, and one item recorded elsewhere.
fn place_to_count(db: &Db) -> Outcome<(String, Vec<String>)> {
    let page = db.store()?.list(&trove_core::list::ListQuery {
        limit: Some(300),
        ..trove_core::list::ListQuery::default()
    })?;
    let at = |i: &trove_core::Item| i.fields.location.as_ref().map(|l| l.code.clone());
    let mut by_place: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for item in &page.items {
        if let (Some(code), Some(sku)) = (at(item), item.fields.sku.clone()) {
            by_place.entry(code).or_default().push(sku);
        }
    }
    let (code, skus) = by_place
        .iter()
        .find(|(_, skus)| skus.len() >= 3)
        .ok_or("no location holds three items")?;
    let stray = by_place
        .iter()
        .find(|(other, _)| *other != code)
        .and_then(|(_, skus)| skus.first())
        .ok_or("no second location")?;
    Ok((
        code.clone(),
        vec![skus[0].clone(), skus[1].clone(), stray.clone()],
    ))
}

/// The selling screens over a reseller's month: the listings across items,
/// an item's Selling tab and Mark sold, the To ship queue with a wrong
/// scan refused, the sales, offers with rules, the notifications, and a
/// stock take; returns how many.
fn selling_screenshots(driver: &mut Driver, dir: &Path) -> Outcome<usize> {
    let db = Db::new()?;
    db.generate(300, 5)?;
    let sku = seed_shop(&db)?;
    let (place, scans) = place_to_count(&db)?;
    let app = driver.launch(&db.path)?;
    app.wait_for("[data-testid=row] [data-col=title]", WAIT)?;

    show(&app, "listings")?;
    app.wait_for("[data-testid=listing-rows] tr[data-listing]", WAIT)?;
    shot(&app, dir, "listings.png")?;

    show(&app, "inventory")?;
    scan_as_scanner(&app, &sku)?;
    wait_editor_ready(&app)?;
    app.find("[data-testid=selling-tab]")?.click()?;
    app.wait_for("[data-testid=item-selling] [data-testid=stock]", WAIT)?;
    shot(&app, dir, "item-selling.png")?;
    app.find("[data-testid=mark-sold-button]")?.click()?;
    app.wait_for(
        "[data-testid=mark-sold] [data-testid=mark-sold-available]",
        WAIT,
    )?;
    shot(&app, dir, "mark-sold.png")?;
    app.actions(KeyActions::new().press(keys::ESCAPE).into_json())?;
    app.wait_gone("[data-testid=mark-sold]", WAIT)?;
    app.actions(KeyActions::new().press(keys::ESCAPE).into_json())?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;
    app.execute(
        "document.querySelector('[data-testid=put-away] button')?.click();",
        vec![],
    )?;

    show(&app, "sales")?;
    app.wait_for("[data-testid=ship-queue] tr[data-pick]", WAIT)?;
    scan_as_scanner(&app, &sku)?;
    app.wait_for("[data-testid=pick-refused]", WAIT)?;
    shot(&app, dir, "to-ship.png")?;
    app.find("[data-tab=sales]")?.click()?;
    app.wait_for("[data-testid=sales] tr[data-status=shipped]", WAIT)?;
    shot(&app, dir, "sales.png")?;

    show(&app, "offers")?;
    app.wait_for("[data-testid=offers] tr[data-status=countered]", WAIT)?;
    app.find("[data-rule='Answer offers'] [data-testid=dry-run]")?
        .click()?;
    app.wait_for("[data-testid=rule-run] h3", WAIT)?;
    shot(&app, dir, "offers.png")?;

    app.find("[data-testid=bell]")?.click()?;
    app.wait_for(
        "[data-testid=notifications-screen] tr[data-kind=double_sale]",
        WAIT,
    )?;
    shot(&app, dir, "notifications.png")?;

    scan_as_scanner(&app, &place)?;
    app.wait_for(
        &format!(
            "[data-testid=location-detail][data-code={}]",
            quoted(&place)
        ),
        WAIT,
    )?;
    app.find("[data-testid=count-location]")?.click()?;
    for code in &scans {
        scan_as_scanner(&app, code)?;
    }
    app.find("[data-testid=finish-count]")?.click()?;
    app.wait_for("[data-testid=count-summary]", WAIT)?;
    shot(&app, dir, "stock-take.png")?;
    Ok(8)
}

/// A new database: what to do first, the sample inventory among it.
fn empty_screenshot(driver: &mut Driver, dir: &Path) -> Outcome {
    let db = Db::new()?;
    let app = driver.launch(&db.path)?;
    app.wait_for("[data-testid=open-sample]", WAIT)?;
    shot(&app, dir, "empty.png")
}

/// The card screens over a collector's database: the inventory with its
/// card columns, a binder in set order with tier badges, and a set's
/// completion grid, in the light theme and the dark; returns how many.
fn card_screenshots(driver: &mut Driver, dir: &Path) -> Outcome<usize> {
    let db = Db::new()?;
    seed_collector(&db)?;
    let app = driver.launch(&db.path)?;

    app.wait_for("[data-testid=row] [data-col=title]", WAIT)?;
    app.find("[data-testid=card-columns-toggle]")?.click()?;
    app.wait_for("[data-testid=row] [data-col=value] [data-tier=grail]", WAIT)?;
    shot(&app, dir, "inventory-cards.png")?;

    show(&app, "collections")?;
    app.wait_for("button[data-collection='Main Binder']", WAIT)?
        .click()?;
    app.wait_for("[data-testid=collection-page] [data-tier=grail]", WAIT)?;
    let mode = app
        .find("[data-testid=collection-page] [data-testid=collection-mode]")?
        .value()?;
    ensure!(
        mode == "set",
        "the binder opened in {mode:?} order, not by set"
    );
    shot(&app, dir, "collection.png")?;

    app.find("[data-testid=set-picker] button[data-set=trv i]")?
        .click()?;
    app.wait_for("[data-testid=completion] li[data-owned=true]", WAIT)?;
    shot(&app, dir, "completion.png")?;

    show(&app, "settings")?;
    app.wait_for("select[aria-label=Theme] option[value=dark]", WAIT)?
        .click()?;
    show(&app, "collections")?;
    app.wait_for("[data-testid=completion] li[data-owned=true]", WAIT)?;
    shot(&app, dir, "completion-dark.png")?;
    app.find("button[data-collection='Main Binder']")?.click()?;
    app.wait_for("[data-testid=collection-page] [data-tier=grail]", WAIT)?;
    shot(&app, dir, "collection-dark.png")?;
    Ok(5)
}

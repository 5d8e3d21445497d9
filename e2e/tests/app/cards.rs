//! Cards: details typed in the editor are saved by Enter and give a tier
//! badge, and every wrong one is shown at its field at once; the
//! inventory's card columns show them; a card app's binder opens as a
//! collection page, is put in the collector's own order and exported as a
//! ManaBox file; a set picked from the catalogue shows its completion; a
//! card file is imported with the layout the person chose.

use std::path::{Path, PathBuf};
use std::time::Duration;

use trove_core::cards::{CardKind, CollectionMode, Grade};
use trove_core::import::ImportOptions;
use trove_core::list::ListQuery;
use trove_core::money::{Currency, Money};
use trove_core::Store;
use trove_e2e::{file_dialog, keys, Driver, Session};

use crate::editing::wait_editor_ready;
use crate::support::{
    add_item, ensure, live_items, press, quoted, settle, show, strings, wait_text, Db, Outcome,
    WAIT,
};

/// WebDriver's arrow keys (not among `trove_e2e::keys`).
const ARROW_UP: &str = "\u{E013}";
const ARROW_DOWN: &str = "\u{E015}";

/// The ManaBox fixture's binder the scenarios open.
const BINDER: &str = "Main Binder";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/cards")
}

/// Imports the Scryfall catalogue fixture (sets TRV and TVC) and the
/// ManaBox collection fixture (binders "Main Binder" and "Trades, Misc")
/// through the core.
pub fn seed_cards(db: &Db) -> Outcome {
    let store = db.store()?;
    store.import_catalogue(
        &fixtures().join("scryfall-cards.json"),
        &mut trove_core::jobs::Job::quiet(),
    )?;
    store.import_cards(
        &fixtures().join("manabox.csv"),
        None,
        &ImportOptions::default(),
        &mut trove_core::jobs::Job::quiet(),
    )?;
    Ok(())
}

/// A card collector's database for the screenshots: the catalogue, the
/// ManaBox binders, a TCGplayer collection, Homebox's graded and sports
/// cards, and values in every tier (thresholds 10 / 100 / 1,000 USD).
pub fn seed_collector(db: &Db) -> Outcome {
    seed_cards(db)?;
    let store = db.store()?;
    for file in ["tcgplayer-collection.csv", "homebox.csv"] {
        store.import_cards(
            &fixtures().join(file),
            None,
            &ImportOptions::default(),
            &mut trove_core::jobs::Job::quiet(),
        )?;
    }
    // A binder is shown in set order, as its pages are filled.
    store.set_collection_mode(BINDER, CollectionMode::Set)?;
    let usd = Currency::parse("USD")?;
    let dollars = |text: &str| Money::parse(text, usd);
    for found in store.cards_of(&all_item_ids(&store)?)? {
        let mut card = found.card;
        let title = store.item(&found.item)?.title().to_string();
        let priced = PRICED
            .iter()
            .find(|p| p.title == title && p.finish == card.finish);
        if let Some(p) = priced {
            card.value = Some(dollars(p.value)?);
            if let Some((grader, grade)) = p.graded {
                card.grader = Some(grader.into());
                card.grade = Grade::parse(grade);
            }
        } else if card.value.is_none() {
            // The rest are priced by rarity, as a price guide would.
            let rarity = card.rarity.as_deref().unwrap_or("").to_lowercase();
            let value = match rarity.as_str() {
                "common" | "c" => "0.25",
                "uncommon" | "u" => "0.60",
                "rare" | "r" => "3.50",
                "mythic" | "m" => "21.00",
                _ => "8.00",
            };
            card.value = Some(dollars(value)?);
        }
        store.set_card(&found.item, card)?;
    }
    Ok(())
}

/// A card of the screenshots' binder with its value in dollars, and its
/// grader and grade when it is slabbed.
struct Priced {
    title: &'static str,
    finish: &'static str,
    value: &'static str,
    graded: Option<(&'static str, &'static str)>,
}

const fn priced(title: &'static str, finish: &'static str, value: &'static str) -> Priced {
    Priced {
        title,
        finish,
        value,
        graded: None,
    }
}

/// The Main Binder's cards, in every tier.
const PRICED: &[Priced] = &[
    priced("Ashen Lantern", "normal", "0.35"),
    priced("Ashen Lantern", "foil", "4.20"),
    priced("Brinewood Heron", "normal", "0.12"),
    priced("Cinder Vow", "foil", "12.80"),
    priced("Ember, Hearth Warden", "normal", "2.40"),
    Priced {
        graded: Some(("PSA", "10")),
        ..priced("Ember, Hearth Warden", "foil", "1450.00")
    },
    Priced {
        graded: Some(("BGS", "9.5")),
        ..priced("Moonlit Ranger // Midnight Stalker", "normal", "145.00")
    },
    priced("Lumen Archive", "etched", "38.75"),
];

fn all_item_ids(store: &Store) -> Outcome<Vec<String>> {
    let page = store.list(&ListQuery {
        limit: Some(500),
        ..ListQuery::default()
    })?;
    Ok(page.items.iter().map(|i| i.id.clone()).collect())
}

fn count(app: &Session, selector: &str) -> trove_e2e::Result<u64> {
    let n = app.execute(
        &format!(
            "return document.querySelectorAll({}).length;",
            quoted(selector)
        ),
        vec![],
    )?;
    Ok(n.as_u64().unwrap_or(0))
}

/// The item ids of the collection page's rows, top to bottom.
fn page_order(app: &Session) -> trove_e2e::Result<Vec<String>> {
    let v = app.execute(
        "return Array.from(document.querySelectorAll(
           '[data-testid=collection-page] tbody tr[data-item]')).map((r) => r.dataset.item);",
        vec![],
    )?;
    Ok(strings(&v))
}

/// Waits until the collection page lists `want` in this order.
fn wait_page_order(app: &Session, want: &[String], what: &str) -> Outcome {
    let mut seen = Vec::new();
    let r = app.wait_until(what, WAIT, || {
        seen = page_order(app)?;
        Ok(seen == want)
    });
    r.map_err(|e| format!("{e}; the page lists {seen:?}, not {want:?}").into())
}

/// The text of the inventory row's cell in column `col`.
fn cell(app: &Session, item: &str, col: &str) -> Outcome<String> {
    let css = format!(
        "[data-testid=row][data-id={}] [data-col={col}]",
        quoted(item)
    );
    let text = app.execute(
        "const c = document.querySelector(arguments[0]); return c ? c.textContent.trim() : null;",
        vec![serde_json::json!(css)],
    )?;
    Ok(text.as_str().ok_or(format!("no cell {css}"))?.to_string())
}

/// Picks the option of `select` whose text is `label`, by clicking it.
fn choose_option(app: &Session, select: &str, label: &str) -> Outcome {
    for option in app.find_all(&format!("{select} option"))? {
        if option.text()?.trim() == label {
            return Ok(option.click()?);
        }
    }
    Err(format!("{select} has no option {label:?}").into())
}

fn open_row(app: &Session, item: &str) -> Outcome {
    app.wait_for(
        &format!("[data-testid=row][data-id={}]", quoted(item)),
        WAIT,
    )?
    .click()?;
    wait_editor_ready(app)
}

/// Waits until the completion view shows the set `code`.
fn wait_completion_of(app: &Session, code: &str) -> Outcome {
    let mut heading = None;
    let r = app.wait_until(&format!("the completion of {code}"), WAIT, || {
        heading = match app.try_find("[data-testid=completion] h1")? {
            Some(h) => Some(h.text()?),
            None => None,
        };
        Ok(heading.as_deref().is_some_and(|t| t.contains(code)))
    });
    r.map_err(|e| {
        let typed = app
            .find("[data-testid=completion-set]")
            .and_then(|s| s.value())
            .unwrap_or_default();
        format!("{e}; it shows {heading:?}, the set box holds {typed:?}").into()
    })
}

fn open_binder(app: &Session) -> Outcome {
    show(app, "collections")?;
    app.wait_for(&format!("button[data-collection={}]", quoted(BINDER)), WAIT)?
        .click()?;
    app.wait_for("[data-testid=collection-page] tbody tr[data-item]", WAIT)?;
    Ok(())
}

/// Clears the editor's card field `name` and types `text` into it.
fn type_card_field(app: &Session, name: &str, text: &str) -> Outcome {
    let field = app.find(&format!(
        "[data-testid=card-section] [name={}]",
        quoted(name)
    ))?;
    field.clear()?;
    field.send_keys(text)?;
    Ok(())
}

pub fn cards_tiers_collections_completion(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    seed_cards(&db)?;
    let item = add_item(&db.store()?, "Lantern Promo", "CARD-1")?;
    let app = driver.launch(&db.path)?;

    // Card details typed in the editor; Enter in one of their fields saves
    // them with the item, like Enter in any other field. (Clicks are real:
    // the fields scroll above the editor's footer, never under it.)
    open_row(&app, &item.id)?;
    app.wait_for("[data-testid=make-card]", WAIT)?.click()?;
    for (name, text) in [
        ("card_set_code", "TRV"),
        ("card_collector_number", "1"),
        ("card_grader", "PSA"),
        ("card_grade", "9.5"),
        ("card_value", "150"),
    ] {
        type_card_field(&app, name, text)?;
    }
    // WebDriver types faster than any person: without a pause the last
    // fields' keys and the Enter would read as a scanner's burst.
    settle(150);
    app.find("[data-testid=card-section] [name=card_value]")?
        .send_keys(keys::ENTER)?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;
    let card = db
        .store()?
        .card(&item.id)?
        .ok_or("Enter in a card field closed the editor without saving the card")?;
    ensure!(
        card.value.map(|v| v.amount) == Some(15_000) && card.grade == Grade::parse("9.5"),
        "Enter saved the card as {card:?}"
    );

    // The card columns show the card's set, number, grade and value with
    // its tier (150 is "high" under the default thresholds 10 / 100 / 1,000).
    app.find("[data-testid=card-columns-toggle]")?.click()?;
    app.wait_for(
        &format!(
            "[data-testid=row][data-id={}] [data-col=value] [data-tier=high]",
            quoted(&item.id)
        ),
        WAIT,
    )?;
    for (col, want) in [("set", "TRV"), ("number", "1"), ("grade", "PSA 9.5")] {
        let got = cell(&app, &item.id, col)?;
        ensure!(got == want, "the {col} column shows {got:?}, not {want:?}");
    }
    let value = cell(&app, &item.id, "value")?;
    ensure!(value.contains("150.00"), "the value column shows {value:?}");

    // A wrong grade and a wrong serial typed at once are both refused by
    // the item's Save, each at its field: the editor stays open and
    // nothing is written.
    open_row(&app, &item.id)?;
    app.wait_for(
        "[data-testid=card-section] [data-testid=tier-badge][data-tier=high]",
        WAIT,
    )?;
    choose_option(
        &app,
        "[data-testid=card-section] [name=card_kind]",
        "Sports",
    )?;
    app.wait_for("[data-testid=card-section] [name=card_serial]", WAIT)?;
    type_card_field(&app, "card_grade", "9.3")?;
    type_card_field(&app, "card_serial", "100/99")?;
    app.find("[data-testid=save]")?.click()?;
    for field in ["card_grade", "card_serial"] {
        let error = app.wait_for(
            &format!("[data-testid=card-section] [data-error={field}]"),
            WAIT,
        )?;
        ensure!(
            !error.text()?.trim().is_empty(),
            "the {field} error says nothing"
        );
    }
    app.find("[data-testid=item-editor]")?;
    let kept = db.store()?.card(&item.id)?.ok_or("the card went")?;
    ensure!(
        kept.grade == Grade::parse("9.5") && kept.serial.is_none() && kept.kind == CardKind::Tcg,
        "a refused save wrote the card as {kept:?}"
    );

    // Put right, Save card keeps the editor open, the errors go, and the
    // new value shows its tier.
    type_card_field(&app, "card_grade", "10")?;
    type_card_field(&app, "card_serial", "12/99")?;
    type_card_field(&app, "card_value", "1500")?;
    app.find("[data-testid=save-card]")?.click()?;
    app.wait_for(
        "[data-testid=card-section] [data-testid=tier-badge][data-tier=grail]",
        WAIT,
    )?;
    app.wait_gone("[data-testid=card-section] [data-error]", WAIT)?;
    let card = db.store()?.card(&item.id)?.ok_or("the card went")?;
    ensure!(
        card.grade == Grade::parse("10")
            && card.serial.map(|s| (s.number, s.total)) == Some((12, 99))
            && card.kind == CardKind::Sports,
        "Save card wrote the card as {card:?}"
    );
    app.find("[data-testid=item-editor] button.close")?
        .click()?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;

    // The ManaBox binder is a collection; its page lists its cards.
    open_binder(&app)?;
    let rows = count(&app, "[data-testid=collection-page] tbody tr[data-item]")?;
    ensure!(rows > 1, "the collection page shows {rows} rows");

    // The set picker lists the catalogue's sets; part of a name narrows it,
    // and picking one shows its completion: owned lit, missing dimmed.
    let search = app.find("[data-testid=completion-set]")?;
    search.send_keys("commander")?;
    app.wait_until("the picker to narrow to TVC", WAIT, || {
        Ok(count(&app, "[data-testid=set-picker] button[data-set]")? == 1)
    })?;
    app.find("[data-testid=set-picker] button[data-set=tvc i]")?
        .click()?;
    wait_completion_of(&app, "TVC")?;

    // A code typed and entered still works, typed as a person types (at
    // WebDriver's speed the keys could be taken for a scanner's).
    search.click()?;
    press(&app, &[keys::CONTROL], "a")?;
    press(&app, &[], keys::BACKSPACE)?;
    app.type_keys("trv", Duration::from_millis(60))?;
    app.wait_until("the set box to hold trv", WAIT, || {
        Ok(search.value()? == "trv")
    })?;
    press(&app, &[], keys::ENTER)?;
    wait_completion_of(&app, "TRV")?;
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

pub fn cards_custom_order_and_export(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    seed_cards(&db)?;
    let out = tempfile::Builder::new()
        .prefix("trove-e2e-export-")
        .tempdir()?;
    let display = driver.display().to_string();
    let app = driver.launch(&db.path)?;

    open_binder(&app)?;
    choose_option(
        &app,
        "[data-testid=collection-page] [data-testid=collection-mode]",
        "My own order",
    )?;
    app.wait_for(
        "[data-testid=collection-page] [data-testid=move-down]",
        WAIT,
    )?;
    let start = page_order(&app)?;
    ensure!(start.len() >= 3, "the binder lists {} cards", start.len());

    // The first card moves down one with its button, then one more with
    // Alt+↓ (the focus stays on the moved row's button); the last moves up.
    app.find(&format!(
        "tr[data-item={}] [data-testid=move-down]",
        quoted(&start[0])
    ))?
    .click()?;
    let mut want = start.clone();
    want.swap(0, 1);
    wait_page_order(&app, &want, "the first card one place down")?;

    press(&app, &[keys::ALT], ARROW_DOWN)?;
    want.swap(1, 2);
    wait_page_order(&app, &want, "the first card two places down (Alt+↓)")?;
    let last = want.len() - 1;
    app.find(&format!(
        "tr[data-item={}] [data-testid=move-up]",
        quoted(&want[last])
    ))?
    .click()?;
    want.swap(last - 1, last);
    wait_page_order(&app, &want, "the last card one place up")?;
    press(&app, &[keys::ALT], ARROW_UP)?;
    want.swap(last - 2, last - 1);
    wait_page_order(&app, &want, "the last card two places up (Alt+↑)")?;

    // Exported as a ManaBox file through the save dialog: ManaBox's header,
    // then the cards in the collector's order.
    choose_option(&app, "[data-testid=export-format]", "ManaBox CSV")?;
    app.find("[data-testid=export-collection]")?.click()?;
    let file = out.path().join("binder-manabox.csv");
    file_dialog::save_as(&display, "Export collection", &file.to_string_lossy())?;
    if let Err(e) = app.wait_until("the exported file", WAIT, || Ok(file.exists())) {
        let names: Vec<_> = std::fs::read_dir(out.path())?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        return Err(format!("{e}; the folder holds {names:?}").into());
    }
    let mut csv = csv_rows(&file)?;
    let header = csv.remove(0);
    ensure!(
        header
            == [
                "Binder Name",
                "Binder Type",
                "Name",
                "Set code",
                "Set name",
                "Collector number",
                "Foil",
                "Rarity",
                "Quantity",
                "ManaBox ID",
                "Scryfall ID",
                "Purchase price",
                "Misprint",
                "Altered",
                "Signed",
                "Condition",
                "Language",
                "Proxy",
                "Purchase price currency",
                "Added",
            ],
        "the export's header is {header:?}"
    );
    let store = db.store()?;
    let titles = want
        .iter()
        .map(|id| Ok(store.item(id)?.title().to_string()))
        .collect::<Outcome<Vec<String>>>()?;
    let names: Vec<String> = csv.iter().map(|r| r[2].clone()).collect();
    ensure!(
        names == titles,
        "the export lists {names:?}, the page {titles:?}"
    );

    // The order is the collection's: it is there after a restart.
    app.close()?;
    let app = driver.launch(&db.path)?;
    open_binder(&app)?;
    let mode = app
        .find("[data-testid=collection-page] [data-testid=collection-mode]")?
        .value()?;
    ensure!(
        mode == "custom",
        "after a restart the binder's order is {mode:?}"
    );
    wait_page_order(&app, &want, "the custom order after a restart")?;
    Ok(())
}

pub fn cards_import_with_chosen_layout(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let display = driver.display().to_string();
    let file = fixtures()
        .join("tcgplayer-collection.csv")
        .to_string_lossy()
        .into_owned();
    let app = driver.launch(&db.path)?;
    show(&app, "settings")?;
    let preset = "[data-testid=card-settings] [data-testid=card-import-preset]";
    let report = "[data-testid=card-settings] [data-testid=card-import-report]";

    // Read as a ManaBox file, the TCGplayer export lacks ManaBox's columns:
    // the dry run says so and writes nothing.
    app.wait_for(preset, WAIT)?;
    choose_option(&app, preset, "ManaBox")?;
    app.find("[data-testid=import-cards]")?.click()?;
    file_dialog::choose(&display, "Import a card collection", &file)?;
    let said = wait_text(&app, report, "nothing was written")?;
    let errors = app.execute(
        "return Array.from(document.querySelectorAll(
           '[data-testid=card-settings] .errors li')).map((l) => l.textContent);",
        vec![],
    )?;
    ensure!(
        strings(&errors)
            .iter()
            .any(|e| e.contains("Collector number")),
        "the ManaBox dry run said {said:?} with errors {errors}"
    );

    // As the TCGplayer app's collection it reads cleanly; imported for real
    // from the dry run's report.
    choose_option(&app, preset, "TCGplayer app collection")?;
    app.find("[data-testid=import-cards]")?.click()?;
    file_dialog::choose(&display, "Import a card collection", &file)?;
    let said = wait_text(
        &app,
        report,
        "Dry run (TCGplayer app collection): would create 12",
    )?;
    ensure!(
        live_items(&db.path)? == 0,
        "the dry run ({said}) wrote items"
    );
    app.find("[data-testid=card-import-report-import-now]")?
        .click()?;
    wait_text(&app, report, "Created 12")?;
    ensure!(
        live_items(&db.path)? == 12,
        "the import made {} items, not 12",
        live_items(&db.path)?
    );
    Ok(())
}

/// The cells of every line of a small CSV file (quoted cells may hold
/// commas and doubled quotes; none of the exports' cells hold line ends).
fn csv_rows(path: &Path) -> Outcome<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text.lines().map(csv_line).collect())
}

fn push(cells: &mut [String], c: char) {
    if let Some(cell) = cells.last_mut() {
        cell.push(c);
    }
}

fn csv_line(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                push(&mut cells, '"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => push(&mut cells, c),
        }
    }
    cells
}

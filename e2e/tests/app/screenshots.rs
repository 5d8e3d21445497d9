//! Screenshots of every screen over a few hundred realistic items. They are
//! always taken (so the screens are checked to render), and written to
//! docs/screenshots/ only when `TROVE_SCREENSHOTS` is set; otherwise they go
//! to `<target>/e2e/screenshots/`, leaving the checked-in ones alone.

use std::fs;
use std::path::{Path, PathBuf};

use trove_e2e::harness::{target_dir, workspace_dir};
use trove_e2e::{keys, Driver, KeyActions, Session};

use crate::editing::wait_editor_ready;
use crate::support::{ensure, is_png, press, quoted, rows, settle, show, Db, Outcome, WAIT};

fn out_dir() -> PathBuf {
    if std::env::var_os("TROVE_SCREENSHOTS").is_some() {
        workspace_dir().join("docs").join("screenshots")
    } else {
        target_dir().join("e2e").join("screenshots")
    }
}

/// Lets transitions and fonts settle, then saves the window as `name`.
fn shot(app: &Session, dir: &Path, name: &str) -> Outcome {
    settle(400);
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
    let dir = out_dir();
    fs::create_dir_all(&dir)?;
    let app = driver.launch(&db.path)?;

    app.wait_for("[data-testid=row] [data-col=title]", WAIT)?;
    shot(&app, &dir, "inventory.png")?;

    let first = rows(&app)?.into_iter().next().ok_or("no rows shown")?;
    app.find(&format!("[data-testid=row][data-id={}]", quoted(&first.id)))?
        .click()?;
    wait_editor_ready(&app)?;
    shot(&app, &dir, "item-editor.png")?;
    app.actions(KeyActions::new().press(keys::ESCAPE).into_json())?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;

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

    show(&app, "storage")?;
    app.wait_for("[data-testid=bin-list]", WAIT)?;
    app.wait_for(
        &format!("[data-testid=bin][data-code={}]", quoted(&bin.code)),
        WAIT,
    )?;
    shot(&app, &dir, "storage.png")?;

    show(&app, "labels")?;
    let input = app.wait_for("[data-testid=label-code-input]", WAIT)?;
    input.send_keys(&bin.code)?;
    input.send_keys(keys::ENTER)?;
    app.wait_for("[data-testid=labels-sheet] [data-testid=label]", WAIT)?;
    shot(&app, &dir, "labels.png")?;

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
    println!("    wrote 7 screenshots to {}", dir.display());
    Ok(())
}

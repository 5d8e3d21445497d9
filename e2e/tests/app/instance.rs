//! One app window per database: a second launch on the same file says so
//! and leaves. A database that cannot be opened is explained in the window;
//! one at an older schema is upgraded in view.

use std::process::Stdio;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use trove_core::Store;
use trove_e2e::Driver;

use crate::support::{add_item, ensure, wait_row_titled, wait_toast, Db, Outcome, WAIT};

/// How long the refused launch may take to give up.
const REFUSAL_TIMEOUT: Duration = Duration::from_secs(10);

pub fn second_instance_refused(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    add_item(&db.store()?, "Cast Iron Skillet", "CIS-1")?;
    let app = driver.launch(&db.path)?;
    wait_row_titled(&app, "Cast Iron Skillet")?;

    let started = Instant::now();
    let child = app
        .driver()
        .app_command()
        .arg("--db")
        .arg(&db.path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let output = match rx.recv_timeout(REFUSAL_TIMEOUT) {
        Ok(output) => output?,
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            return Err(format!(
                "a second app on the same database was still running after {REFUSAL_TIMEOUT:?}"
            )
            .into());
        }
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    ensure!(
        !output.status.success(),
        "the second app exited successfully ({}); stderr: {stderr:?}",
        output.status
    );
    ensure!(
        stderr.contains("already open"),
        "the second app's stderr does not say \"already open\": {stderr:?}"
    );
    println!(
        "    refused in {:.0} ms ({}): {}",
        started.elapsed().as_secs_f64() * 1000.0,
        output.status,
        stderr.trim()
    );
    // The first window still owns the database and works.
    app.find("#search")?.send_keys("skillet")?;
    wait_row_titled(&app, "Cast Iron Skillet")?;
    Ok(())
}

/// A file that is not a database: the window still opens, says what is
/// wrong with which file, and changes nothing in it.
pub fn unreadable_database_is_explained(driver: &mut Driver) -> Outcome {
    let dir = tempfile::Builder::new()
        .prefix("trove-e2e-junk-")
        .tempdir()?;
    let junk = dir.path().join("notes.db");
    let bytes = b"these are my notes, not a database\n".repeat(300);
    std::fs::write(&junk, &bytes)?;
    let app = driver.open(&junk)?;
    let message = app
        .wait_for("[data-testid=db-problem-message]", WAIT)?
        .text()?;
    ensure!(
        message.contains("notes.db") && message.contains("not a database"),
        "the window says {message:?}"
    );
    ensure!(
        std::fs::read(&junk)? == bytes,
        "the file that could not be opened was changed"
    );
    Ok(())
}

/// Keep in step with `src-tauri/src/commands/app.rs`: the test hook that
/// holds a debug build's "upgrading" state, set for every launch by `main`.
pub const UPGRADE_DELAY_VAR: &str = "TROVE_TEST_UPGRADE_DELAY_MS";
/// Long enough for the window to load and show the state it holds.
pub const UPGRADE_DELAY_MS: u64 = 3000;

/// A database at an older schema: the window comes up at once and says it
/// is upgrading (from, to, size, a copy kept, closing loses nothing); then
/// the inventory opens and a toast names the copy, which is beside it.
pub fn old_database_upgrades_in_view(driver: &mut Driver) -> Outcome {
    let dir = tempfile::Builder::new()
        .prefix("trove-e2e-upgrade-")
        .tempdir()?;
    let db = dir.path().join("shop.db");
    Store::create_at_version(&db, 3)?;
    let latest = trove_core::db::latest_schema_version();

    let app = driver.open(&db)?;
    let screen = app.wait_for("[data-testid=db-upgrading]", WAIT)?;
    let what = app
        .wait_for("[data-testid=db-upgrading-what]", WAIT)?
        .text()?;
    ensure!(
        what.contains(&format!("3 → {latest}")) && what.contains("kB"),
        "the upgrading screen says {what:?}"
    );
    let text = screen.text()?;
    for words in [
        "Upgrading your database for this version of Trove",
        "copy of the file",
        "don't close the window",
        "nothing is lost",
    ] {
        ensure!(
            text.contains(words),
            "the upgrading screen does not say {words:?}: {text:?}"
        );
    }
    app.find("[data-testid=db-upgrading] .progress-bar")?;
    // Meanwhile commands are refused at once, with the code the UI knows.
    let refused = app.execute_async(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('stats').then(() => done('answered'), (e) => done(e.code));",
        vec![],
    )?;
    ensure!(
        refused.as_str() == Some("upgrading"),
        "a command while upgrading answered {refused}"
    );

    app.wait_gone("[data-testid=db-upgrading]", WAIT)?;
    app.wait_for("[data-testid=empty]", WAIT)?;
    let toast = wait_toast(&app, ".bak")?;
    let backup = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().contains("shop.db.schema3-"))
        .ok_or("no copy of the old file beside it")?;
    ensure!(
        toast.contains(&backup.display().to_string()),
        "the toast {toast:?} does not name {}",
        backup.display()
    );
    app.close()?;
    ensure!(
        trove_core::db::pending_upgrade(&db)?.is_none(),
        "the database is still at an old schema"
    );
    Ok(())
}

/// An upgrade that fails ends on the "could not open" screen with the
/// error, after the upgrading one.
pub fn failed_upgrade_is_explained(driver: &mut Driver) -> Outcome {
    let dir = tempfile::Builder::new()
        .prefix("trove-e2e-upgrade-")
        .tempdir()?;
    let db = dir.path().join("broken.db");
    // A file at schema 2 that says it is at 1 (the header's big-endian
    // `user_version`, at byte 60): migration 2 runs again and fails on the
    // tables it finds there.
    Store::create_at_version(&db, 2)?;
    let mut bytes = std::fs::read(&db)?;
    bytes[60..64].copy_from_slice(&1u32.to_be_bytes());
    std::fs::write(&db, bytes)?;

    let app = driver.open(&db)?;
    app.wait_for("[data-testid=db-upgrading]", WAIT)?;
    let message = app
        .wait_for("[data-testid=db-problem-message]", WAIT)?
        .text()?;
    ensure!(
        message.contains("broken.db") && message.contains("already exists"),
        "the window says {message:?}"
    );
    app.find("button.primary")?;
    Ok(())
}

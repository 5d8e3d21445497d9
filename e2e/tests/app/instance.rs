//! One app window per database: a second launch on the same file says so
//! and leaves. A database that cannot be opened is explained in the window.

use std::process::Stdio;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use trove_e2e::Driver;

use crate::support::{add_item, ensure, wait_row_titled, Db, Outcome, WAIT};

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

//! The app started where there is no graphical session, as on a server or
//! in CI without Xvfb: it must say so in a sentence and exit, not panic with
//! a backtrace from the window toolkit. Plain processes, no WebDriver.
//! Linux only, as the app's display check is for GTK (and the harness
//! around these tests is Linux's).
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use trove_e2e::harness::app_binary;

/// Long enough for a debug build to start and give up; it should take
/// well under a second.
const EXIT_TIMEOUT: Duration = Duration::from_secs(30);

/// Runs the app on a database in a fresh temporary directory with `env`
/// set and both session variables (X11's and Wayland's) removed unless set
/// in `env`, and returns its output and whether the database was created.
fn run_app(env: &[(&str, &str)]) -> (Output, bool) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("trove.db");
    let mut cmd = Command::new(app_binary().unwrap());
    cmd.arg("--db")
        .arg(&db)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        // Where the app keeps its own data, should it get that far.
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        cmd.env(name, value);
    }
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > EXIT_TIMEOUT {
            child.kill().unwrap();
            panic!("the app was still running after {EXIT_TIMEOUT:?}: it found a display");
        }
        thread::sleep(Duration::from_millis(50));
    }
    (child.wait_with_output().unwrap(), db.exists())
}

/// The app's stderr, after checking it exited non-zero without a panic.
fn refusal(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !output.status.success(),
        "the app exited with {} without a display; stderr: {stderr}",
        output.status
    );
    for word in ["panicked", "backtrace", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(word), "stderr has {word:?}: {stderr}");
    }
    stderr
}

#[test]
fn without_a_session_the_app_says_so_and_exits() {
    let (output, created) = run_app(&[]);
    let stderr = refusal(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("graphical session") && stderr.contains("Xvfb"),
        "stderr does not explain what is missing: {stderr}"
    );
    assert_eq!(stderr.trim().lines().count(), 1, "stderr: {stderr}");
    assert!(
        !created,
        "the database was created by a launch with no window"
    );
}

#[test]
fn with_a_display_that_is_not_there_the_app_says_so_and_exits() {
    let display = unused_x_display();
    // X11 only: with Wayland allowed, GTK would try a compositor's default
    // socket on a desktop and this would open a window there.
    let (output, created) = run_app(&[("DISPLAY", &display), ("GDK_BACKEND", "x11")]);
    let stderr = refusal(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("could not open the graphical session")
            && stderr.contains(&display)
            && stderr.contains("Xvfb"),
        "stderr does not explain what went wrong: {stderr}"
    );
    assert!(
        !created,
        "the database was created by a launch with no window"
    );
}

/// An X display number no server listens on (no socket, no lock file).
fn unused_x_display() -> String {
    (4711..4800)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .map(|n| format!(":{n}"))
        .expect("a free X display number")
}

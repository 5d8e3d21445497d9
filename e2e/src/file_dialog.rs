//! Answering the app's native file dialog (GTK's file chooser, which the
//! dialog plugin opens on Linux) as a person does: in its location bar,
//! typed with the real keyboard through XTEST by `xdotool`.

use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::xdotool;

/// Waits for the dialog titled `title` on `display`, types `path` into its
/// location bar and presses Enter.
pub fn choose(display: &str, title: &str, path: &str) -> Result<()> {
    let window = wait_window(display, title, Duration::from_secs(15))?;
    let xdotool = |args: &[&str]| xdotool::run(display, args);
    xdotool(&["windowfocus", "--sync", &window])?;
    // Ctrl+L opens the location bar; give it a moment to take the keys.
    xdotool(&["key", "--window", &window, "ctrl+l"])?;
    thread::sleep(Duration::from_millis(300));
    xdotool(&["type", "--delay", "5", path])?;
    thread::sleep(Duration::from_millis(200));
    xdotool(&["key", "Return"])
}

/// The X window id of a window titled exactly `title`, once there is one.
fn wait_window(display: &str, title: &str, timeout: Duration) -> Result<String> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(id) = xdotool::windows_titled(display, title)?.pop() {
            return Ok(id);
        }
        if Instant::now() >= deadline {
            return Err(Error::Timeout(format!(
                "no dialog titled {title:?} opened within {timeout:?}"
            )));
        }
        thread::sleep(Duration::from_millis(100));
    }
}

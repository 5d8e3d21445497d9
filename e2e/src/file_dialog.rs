//! Answering the app's native file dialog (GTK's file chooser, which the
//! dialog plugin opens on Linux) as a person does: in its location bar,
//! typed with the real keyboard through XTEST by `xdotool`.

use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::xdotool;

/// How long a dialog may take to come on screen.
const SHOWN_WITHIN: Duration = Duration::from_secs(15);

/// Waits for the open dialog titled `title` on `display`, types `path` into
/// its location bar and presses Enter.
pub fn choose(display: &str, title: &str, path: &str) -> Result<()> {
    answer(display, title, path, false)
}

/// Waits for the save dialog titled `title` on `display` and types `path`
/// over the name it suggests. (Ctrl+L in a save dialog selects only the
/// suggested name's stem, to keep its extension: typed over that, the path
/// would end ".csv.csv". So everything is selected first.)
pub fn save_as(display: &str, title: &str, path: &str) -> Result<()> {
    answer(display, title, path, true)
}

fn answer(display: &str, title: &str, path: &str, select_all: bool) -> Result<()> {
    let window = wait_shown(display, title)?;
    let xdotool = |args: &[&str]| xdotool::run(display, args);
    xdotool(&["windowfocus", "--sync", &window])?;
    // Ctrl+L opens the location bar; give it a moment to take the keys.
    xdotool(&["key", "--window", &window, "ctrl+l"])?;
    thread::sleep(Duration::from_millis(300));
    if select_all {
        xdotool(&["key", "--window", &window, "ctrl+a"])?;
    }
    xdotool(&["type", "--delay", "5", path])?;
    thread::sleep(Duration::from_millis(200));
    xdotool(&["key", "Return"])
}

/// The X window id of the window titled exactly `title`, once it is on
/// screen: GTK names its window before mapping it, and focusing a window
/// not mapped yet fails.
fn wait_shown(display: &str, title: &str) -> Result<String> {
    let deadline = Instant::now() + SHOWN_WITHIN;
    loop {
        if let Some(id) = xdotool::shown_windows_titled(display, title)?.pop() {
            return Ok(id);
        }
        if Instant::now() >= deadline {
            return Err(Error::Timeout(format!(
                "no dialog titled {title:?} came on screen within {SHOWN_WITHIN:?}"
            )));
        }
        thread::sleep(Duration::from_millis(100));
    }
}

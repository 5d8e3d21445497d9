//! The real pointer and keyboard of an X display, pressed through XTEST by
//! `xdotool`: what the app gets is input as a person gives it.

use std::process::Command;

use crate::error::{Error, Result};

/// Runs `xdotool` with `args` (several commands may be chained) on `display`.
pub fn run(display: &str, args: &[&str]) -> Result<()> {
    let status = Command::new("xdotool")
        .env("DISPLAY", display)
        .args(args)
        .status()
        .map_err(|e| {
            Error::Setup(format!(
                "cannot run xdotool ({e}); install it (Debian: apt-get install xdotool)"
            ))
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Setup(format!("xdotool {args:?} failed: {status}")))
    }
}

/// The ids of the windows on screen (mapped) titled exactly `title`,
/// topmost last.
pub fn shown_windows_titled(display: &str, title: &str) -> Result<Vec<String>> {
    let out = Command::new("xdotool")
        .env("DISPLAY", display)
        .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
        .output()
        .map_err(|e| Error::Setup(format!("cannot run xdotool: {e}")))?;
    Ok(String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(str::to_string)
        .collect())
}

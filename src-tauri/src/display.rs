//! The window needs a graphical session. Without one, the window toolkit
//! (GTK, on Linux and the BSDs; only there is this module built) panics deep
//! inside Tauri with a backtrace that names neither the cause nor the fix;
//! this says both, in a sentence, before anything else starts.

use std::ffi::OsString;

/// The exit code when no graphical session can be used.
pub const NO_DISPLAY_EXIT: i32 = 2;

/// The variables that name a session, X11's and Wayland's.
const SESSION_VARS: [&str; 2] = ["DISPLAY", "WAYLAND_DISPLAY"];

/// Why the window cannot open here, if it cannot.
pub fn unavailable() -> Option<String> {
    let set = session_vars(|name| std::env::var_os(name));
    if set.is_empty() {
        return Some(
            "trove-app needs a graphical session (X11 or Wayland) and none was found: \
             no DISPLAY or WAYLAND_DISPLAY is set. On a server, run it under Xvfb: \
             `xvfb-run trove-app`."
                .into(),
        );
    }
    // The session may still be unusable (DISPLAY naming a server that is not
    // running): GTK says so here as an error, where Tauri would panic on it.
    // Initialising it now is no extra work: Tauri's own init then finds it done.
    gtk::init().err().map(|e| {
        format!(
            "trove-app could not open the graphical session ({}): {e}. Check that the \
             display server is running, or run it under Xvfb: `xvfb-run trove-app`.",
            set.join(", ")
        )
    })
}

/// "DISPLAY=:1" for each session variable `var` has set; an empty one is
/// as good as none.
fn session_vars(var: impl Fn(&str) -> Option<OsString>) -> Vec<String> {
    SESSION_VARS
        .iter()
        .filter_map(|name| {
            let value = var(name).filter(|v| !v.is_empty())?;
            Some(format!("{name}={}", value.to_string_lossy()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn either_variable_names_a_session_and_an_empty_one_does_not() {
        assert!(session_vars(env(&[])).is_empty());
        assert!(session_vars(env(&[("DISPLAY", ""), ("WAYLAND_DISPLAY", "")])).is_empty());
        assert_eq!(session_vars(env(&[("DISPLAY", ":99")])), ["DISPLAY=:99"]);
        assert_eq!(
            session_vars(env(&[("DISPLAY", ""), ("WAYLAND_DISPLAY", "wayland-0")])),
            ["WAYLAND_DISPLAY=wayland-0"]
        );
    }
}

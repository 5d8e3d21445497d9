//! What can go wrong while driving the app: the driver refusing a command,
//! the connection failing, a wait running out, or the harness not starting.

use std::fmt;

/// Results of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A failure, with enough said to act on it.
#[derive(Debug)]
pub enum Error {
    /// The driver answered a command with a W3C error.
    Driver {
        /// `POST /session/…/element`, for example.
        command: String,
        status: u16,
        /// The W3C error code (`no such element`, `javascript error`, …).
        error: String,
        message: String,
    },
    /// The connection failed or the answer was not HTTP with a JSON body.
    Transport { command: String, detail: String },
    /// A wait ran out; says what was awaited.
    Timeout(String),
    /// Xvfb, tauri-driver or the app could not be started.
    Setup(String),
}

impl Error {
    /// True when the driver said no element matched.
    pub fn is_no_such_element(&self) -> bool {
        matches!(self, Error::Driver { error, .. } if error == "no such element")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Driver {
                command,
                status,
                error,
                message,
            } => write!(f, "{command} failed (HTTP {status}, {error}): {message}"),
            Error::Transport { command, detail } => write!(f, "{command}: {detail}"),
            Error::Timeout(what) | Error::Setup(what) => f.write_str(what),
        }
    }
}

impl std::error::Error for Error {}

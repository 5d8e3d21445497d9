//! Every command fails with the core's error body: a stable `code` the UI
//! switches on, a sentence it shows, and per-field problems for forms.

use trove_core::ErrorBody;

/// What every command returns.
pub type CommandResult<T> = Result<T, ErrorBody>;

/// Maps a core result once, at the edge.
pub fn core<T>(result: trove_core::Result<T>) -> CommandResult<T> {
    result.map_err(|e| ErrorBody::from(&e))
}

/// An error of the shell itself (a window, a dialog, a thread), in the same shape.
pub fn shell(code: &'static str, message: impl std::fmt::Display) -> ErrorBody {
    ErrorBody {
        code,
        message: message.to_string(),
        fields: Vec::new(),
    }
}

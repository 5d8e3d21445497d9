//! Every command fails with the core's error body: a `code` from the core's
//! closed set the UI switches on, a sentence it shows, and per-field
//! problems for forms. The shell has no codes of its own: what it refuses
//! or fails at is a core [`trove_core::Error`] too.

use trove_core::ErrorBody;

/// What every command returns.
pub type CommandResult<T> = Result<T, ErrorBody>;

/// Maps a core result once, at the edge.
pub fn core<T>(result: trove_core::Result<T>) -> CommandResult<T> {
    result.map_err(|e| ErrorBody::from(&e))
}

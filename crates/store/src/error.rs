//! What can go wrong with the file itself: opening it, upgrading it,
//! claiming it, or SQLite failing. The domain's errors (a taken SKU, a bad
//! field) are the core's; the core turns each of these into its own
//! `Error` variant of the same name, so callers see one error type.

use std::path::PathBuf;

/// Result with the store's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything the store can fail at.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database was made by a newer Trove.
    #[error(
        "{path} has schema version {found}, but this Trove only knows up to {known}; update Trove"
    )]
    SchemaTooNew {
        path: PathBuf,
        found: usize,
        known: usize,
    },

    /// Another Trove window has this database open.
    #[error("{} is already open in another Trove window", .path.display())]
    InUse { path: PathBuf },

    /// A file could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// Applying the schema migrations failed.
    #[error("could not upgrade the database: {0}")]
    Migration(String),

    /// SQLite failed.
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
}

impl Error {
    /// `path` could not be read or written.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

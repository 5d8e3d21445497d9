//! The core's one error type. Every variant has a stable `code` the UI and
//! CLI switch on, and a sentence a person can act on.

use std::path::PathBuf;

use serde::Serialize;

use crate::import::ImportReport;

/// Result with the core's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One problem with one field of a record a person entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FieldError {
    /// The field, as named in the CSV header and the UI (`barcode`, `quantity`).
    pub field: &'static str,
    /// What was given, verbatim.
    pub value: String,
    /// Stable machine code (`barcode_check_digit`).
    pub code: &'static str,
    /// The sentence to show.
    pub message: String,
}

impl FieldError {
    /// A problem with `field`, whose value was `value`.
    pub fn new(
        field: &'static str,
        value: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        FieldError {
            field,
            value: value.into(),
            code,
            message: message.into(),
        }
    }
}

/// Everything the core can refuse or fail at.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more fields are invalid; nothing was written.
    #[error("{}", join_messages(.0))]
    Invalid(Vec<FieldError>),

    /// The SKU already belongs to another item.
    #[error("SKU {sku} is already used by '{title}'{}", if *.in_trash { " (in the trash)" } else { "" })]
    SkuTaken {
        sku: String,
        title: String,
        in_trash: bool,
    },

    /// No record has that id, SKU or code.
    #[error("no {what} matches '{key}'")]
    NotFound { what: &'static str, key: String },

    /// A name that must be unique is taken.
    #[error("{what} name '{name}' is already taken")]
    NameTaken { what: &'static str, name: String },

    /// A bin or section that still holds items cannot be deleted.
    #[error("{what} {code} still holds {count} item(s); move them first")]
    NotEmpty {
        what: &'static str,
        code: String,
        count: i64,
    },

    /// The item is in the trash and must be restored before this change.
    #[error("'{title}' is in the trash; restore it first")]
    InTrash { title: String },

    /// A file import was rejected, with every row error listed.
    #[error("{}", .0.summary())]
    Import(Box<ImportReport>),

    /// The database was made by a newer Trove.
    #[error(
        "{path} has schema version {found}, but this Trove only knows up to {known}; update Trove"
    )]
    SchemaTooNew {
        path: PathBuf,
        found: usize,
        known: usize,
    },

    /// Another program holds the database for longer than the busy timeout.
    #[error("the database is busy in another program; try again")]
    Busy,

    /// Another Trove window has this database open.
    #[error("{} is already open in another Trove window", .path.display())]
    InUse { path: PathBuf },

    /// The long-running job was cancelled; nothing it did was kept.
    #[error("cancelled; nothing was changed")]
    Cancelled,

    /// A file could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// Applying the schema migrations failed.
    #[error("could not upgrade the database: {0}")]
    Migration(String),

    /// Any other database failure.
    #[error("database error: {0}")]
    Db(rusqlite::Error),
}

fn join_messages(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

impl Error {
    /// The stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(errors) => errors.first().map_or("invalid", |e| e.code),
            Error::SkuTaken { .. } => "sku_taken",
            Error::NotFound { .. } => "not_found",
            Error::NameTaken { .. } => "name_taken",
            Error::NotEmpty { .. } => "not_empty",
            Error::InTrash { .. } => "in_trash",
            Error::Import(_) => "import_rejected",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::Busy => "database_busy",
            Error::InUse { .. } => "database_in_use",
            Error::Cancelled => "cancelled",
            Error::Io { .. } => "io",
            Error::Migration(_) => "migration_failed",
            Error::Db(_) => "database",
        }
    }

    /// True when the error is about what a person gave, not a fault of the
    /// program or the machine (the CLI exits 1 for these).
    pub fn is_rejection(&self) -> bool {
        !matches!(
            self,
            Error::Io { .. } | Error::Migration(_) | Error::Db(_) | Error::Busy
        )
    }

    /// A single-field validation error.
    pub fn invalid(
        field: &'static str,
        value: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Error::Invalid(vec![FieldError::new(field, value, code, message)])
    }

    pub(crate) fn not_found(what: &'static str, key: impl Into<String>) -> Self {
        Error::NotFound {
            what,
            key: key.into(),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Error::Busy
            }
            _ => Error::Db(e),
        }
    }
}

/// The error as the UI and `--json` output see it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ErrorBody {
    /// Stable code.
    pub code: &'static str,
    /// Human sentence.
    pub message: String,
    /// Per-field problems, when there are any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

impl From<&Error> for ErrorBody {
    fn from(e: &Error) -> Self {
        let fields = match e {
            Error::Invalid(f) => f.clone(),
            _ => Vec::new(),
        };
        ErrorBody {
            code: e.code(),
            message: e.to_string(),
            fields,
        }
    }
}

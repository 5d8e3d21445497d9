//! The core's one error type. Every variant has a stable `code` the UI and
//! CLI switch on, and a sentence a person can act on.

use std::path::PathBuf;

use serde::Serialize;

use crate::import::report::ImportReport;

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

/// What went wrong, as a closed set: the UI and `--json` callers switch on
/// it (exported to TypeScript as a string union). What exactly was wrong
/// with a field is in its [`FieldError`]'s own `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// One or more fields are wrong; each is in `fields`.
    Invalid,
    SkuTaken,
    NotFound,
    NameTaken,
    NotEmpty,
    InTrash,
    ImportRejected,
    SchemaTooNew,
    DatabaseBusy,
    DatabaseInUse,
    /// The database is being upgraded; it opens when that is done.
    Upgrading,
    Cancelled,
    Io,
    /// Something the computer could not do right now (start a thread, open
    /// the print dialog).
    Unavailable,
    MigrationFailed,
    Database,
    /// The call never reached a command (the web view's IPC failed); the UI
    /// gives it this code, the core never does.
    Ipc,
}

impl ErrorCode {
    /// The code as written in JSON (`sku_taken`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::SkuTaken => "sku_taken",
            ErrorCode::NotFound => "not_found",
            ErrorCode::NameTaken => "name_taken",
            ErrorCode::NotEmpty => "not_empty",
            ErrorCode::InTrash => "in_trash",
            ErrorCode::ImportRejected => "import_rejected",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::DatabaseBusy => "database_busy",
            ErrorCode::DatabaseInUse => "database_in_use",
            ErrorCode::Upgrading => "upgrading",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::Io => "io",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::MigrationFailed => "migration_failed",
            ErrorCode::Database => "database",
            ErrorCode::Ipc => "ipc",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
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

    /// The database is being upgraded (in the background, so the window
    /// can say so); every other call waits for it.
    #[error(
        "{} is being upgraded for this version of Trove (schema {from} to {to}); it opens when that is done",
        .path.display()
    )]
    Upgrading {
        path: PathBuf,
        from: usize,
        to: usize,
    },

    /// The computer could not do something right now: `what` failed.
    #[error("could not {what}: {reason}")]
    Unavailable { what: String, reason: String },

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
    /// What kind of failure this is.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid(_) => ErrorCode::Invalid,
            Error::SkuTaken { .. } => ErrorCode::SkuTaken,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::NameTaken { .. } => ErrorCode::NameTaken,
            Error::NotEmpty { .. } => ErrorCode::NotEmpty,
            Error::InTrash { .. } => ErrorCode::InTrash,
            Error::Import(_) => ErrorCode::ImportRejected,
            Error::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::Busy => ErrorCode::DatabaseBusy,
            Error::InUse { .. } => ErrorCode::DatabaseInUse,
            Error::Upgrading { .. } => ErrorCode::Upgrading,
            Error::Cancelled => ErrorCode::Cancelled,
            Error::Io { .. } => ErrorCode::Io,
            Error::Unavailable { .. } => ErrorCode::Unavailable,
            Error::Migration(_) => ErrorCode::MigrationFailed,
            Error::Db(_) => ErrorCode::Database,
        }
    }

    /// The most specific code there is: the first field's own code for
    /// [`Error::Invalid`] (`barcode_check_digit`), else the kind's.
    pub fn detail_code(&self) -> &'static str {
        match self {
            Error::Invalid(fields) => fields.first().map_or("invalid", |f| f.code),
            other => other.code().as_str(),
        }
    }

    /// True when the error is about what a person gave, not a fault of the
    /// program or the machine (the CLI exits 1 for these).
    pub fn is_rejection(&self) -> bool {
        !matches!(
            self,
            Error::Io { .. }
                | Error::Migration(_)
                | Error::Db(_)
                | Error::Busy
                | Error::Unavailable { .. }
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

    /// Something the computer could not do: "could not {what}: {reason}".
    pub fn unavailable(what: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        Error::Unavailable {
            what: what.into(),
            reason: reason.to_string(),
        }
    }

    pub fn not_found(what: &'static str, key: impl Into<String>) -> Self {
        Error::NotFound {
            what,
            key: key.into(),
        }
    }

    /// `what` (a file's path) could not be read or written.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The store's failures are the core's variants of the same name, so a
/// caller sees one error type whichever layer refused.
impl From<trove_store::Error> for Error {
    fn from(e: trove_store::Error) -> Self {
        match e {
            trove_store::Error::SchemaTooNew { path, found, known } => {
                Error::SchemaTooNew { path, found, known }
            }
            trove_store::Error::InUse { path } => Error::InUse { path },
            trove_store::Error::Io { path, source } => Error::Io { path, source },
            trove_store::Error::Migration(m) => Error::Migration(m),
            trove_store::Error::Db(e) => Error::from(e),
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
    /// What kind of failure.
    pub code: ErrorCode,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_written_in_json_as_its_name() {
        use ErrorCode::*;
        for code in [
            Invalid,
            SkuTaken,
            NotFound,
            NameTaken,
            NotEmpty,
            InTrash,
            ImportRejected,
            SchemaTooNew,
            DatabaseBusy,
            DatabaseInUse,
            Upgrading,
            Cancelled,
            Io,
            Unavailable,
            MigrationFailed,
            Database,
            Ipc,
        ] {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::json!(code.as_str())
            );
        }
    }

    #[test]
    fn a_refused_field_is_invalid_with_the_field_code_inside() {
        let e = Error::invalid("quantity", "-1", "quantity_negative", "no fewer than 0");
        let body = serde_json::to_value(ErrorBody::from(&e)).unwrap();
        assert_eq!(body["code"], "invalid");
        assert_eq!(body["fields"][0]["code"], "quantity_negative");
        assert_eq!(e.detail_code(), "quantity_negative");
        assert_eq!(Error::Cancelled.detail_code(), "cancelled");
    }
}

//! Trove's database file and nothing of the domain: opening it with the
//! right pragmas, the schema migrations, one writer and pooled readers, the
//! owner lock (one app window per file), the activity log, key-value
//! settings, and the checks any SQLite file can be put through. The core
//! (items, locations, cards, photos…) and the crates over it (selling,
//! sync) keep their tables in the same file through [`Database`].

pub mod activity;
mod checkpoint;
mod database;
pub mod error;
pub mod integrity;
pub mod owner;
pub mod settings;

pub use database::{
    default_db_path, latest_schema_version, pending_upgrade, Database, PendingUpgrade,
};
pub use error::{Error, Result};
pub use owner::Owner;

/// A new UUIDv7 id: time-ordered, safe to merge across devices later.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Now, as UTC RFC 3339 with milliseconds (sorts as text).
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

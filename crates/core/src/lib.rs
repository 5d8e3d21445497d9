//! Trove's core: the domain, the rules, the store, search, scan and
//! import/export. The desktop app and the `trove` CLI are thin callers.

pub mod activity;
pub mod cards;
pub mod columns;
pub mod db;
pub mod doctor;
pub mod error;
pub mod export;
pub mod gtin;
pub mod import;
pub mod item;
pub mod items;
pub mod jobs;
pub mod labels;
mod line_ends;
pub mod list;
pub mod money;
pub mod owner;
pub mod photos;
pub mod scan;
pub mod search;
pub mod settings;
pub mod stats;
pub mod storage;
mod trash;
pub mod vocabulary;

pub use db::Store;
pub use error::{Error, ErrorBody, ErrorCode, FieldError, Result};
pub use item::{Condition, Item, ItemChanges, ItemFields, Status};

/// A new UUIDv7 id: time-ordered, safe to merge across devices later.
pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Now, as UTC RFC 3339 with milliseconds (sorts as text).
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

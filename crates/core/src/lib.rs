//! Trove's core: the domain and its rules, over the store crate's database
//! file: items and locations, search, scan, import/export, photos, cards,
//! labels. The desktop app and the `trove` CLI are thin callers.

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
pub mod locations;
pub mod money;
pub mod owner;
pub mod photos;
pub mod scan;
pub mod search;
pub mod settings;
pub mod stats;
pub mod stock;
mod trash;
pub mod vocabulary;

pub use db::Store;
pub use error::{Error, ErrorBody, ErrorCode, FieldError, Result};
pub use item::{Condition, Item, ItemChanges, ItemFields, Status};

pub(crate) use trove_store::{new_id, now};

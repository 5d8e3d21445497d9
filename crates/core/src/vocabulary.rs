//! The words an item editor offers as you type: categories, tags, custom
//! field names and the home currency. Each list is small (a vocabulary, not
//! the items), read from its own table in name order.

use rusqlite::Connection;
use serde::Serialize;

use crate::db::Store;
use crate::error::Result;

/// Most names returned per list; an editor's suggestions need no more.
const MAX_NAMES: usize = 2_000;

/// Names already in use, for suggestions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Vocabulary {
    /// Category paths (`Clothing > Women > Coats`).
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    /// Custom field names.
    pub fields: Vec<String>,
    /// The currency a price without one is in.
    pub home_currency: String,
}

impl Store {
    /// The editor's suggestion lists.
    pub fn vocabulary(&self) -> Result<Vocabulary> {
        let home_currency = self.home_currency()?.code().to_string();
        self.read(|conn| {
            Ok(Vocabulary {
                categories: names(
                    conn,
                    "SELECT path FROM categories ORDER BY path COLLATE NOCASE",
                )?,
                tags: names(conn, "SELECT name FROM tags ORDER BY name COLLATE NOCASE")?,
                fields: names(
                    conn,
                    "SELECT name FROM custom_fields ORDER BY name COLLATE NOCASE",
                )?,
                home_currency,
            })
        })
    }
}

fn names(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    let sql = format!("{sql} LIMIT {MAX_NAMES}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

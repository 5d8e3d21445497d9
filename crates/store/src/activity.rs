//! The append-only activity log: every change, with the record it touched
//! and the fields before and after.

use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::Value;

use crate::error::Result;
use crate::{new_id, now};

/// One logged change.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Activity {
    pub id: String,
    pub at: String,
    /// `create`, `update`, `trash`, `restore`, `purge`, `move`, `import`…
    pub action: String,
    pub record_type: String,
    pub record_id: String,
    /// The import this change was part of, if any.
    pub batch_id: Option<String>,
    #[ts(type = "unknown")]
    pub before: Option<Value>,
    #[ts(type = "unknown")]
    pub after: Option<Value>,
}

/// Appends one entry.
pub fn log(
    conn: &Connection,
    action: &str,
    record_type: &str,
    record_id: &str,
    batch_id: Option<&str>,
    before: Option<Value>,
    after: Option<Value>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO activity (id, at, action, record_type, record_id, batch_id, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        new_id(),
        now(),
        action,
        record_type,
        record_id,
        batch_id,
        before.map(|v| v.to_string()),
        after.map(|v| v.to_string())
    ])?;
    Ok(())
}

/// The fields that differ between two serialisable states, as
/// (before, after) objects holding only those fields.
pub fn diff<T: Serialize>(before: &T, after: &T) -> Option<(Value, Value)> {
    let (Ok(Value::Object(b)), Ok(Value::Object(a))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return None;
    };
    let mut old = serde_json::Map::new();
    let mut new = serde_json::Map::new();
    for (key, value) in &a {
        let previous = b.get(key).unwrap_or(&Value::Null);
        if previous != value {
            old.insert(key.clone(), previous.clone());
            new.insert(key.clone(), value.clone());
        }
    }
    (!new.is_empty()).then_some((Value::Object(old), Value::Object(new)))
}

/// The changes made to one record, newest first.
pub fn history(conn: &Connection, record_id: &str, limit: usize) -> Result<Vec<Activity>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, action, record_type, record_id, batch_id, before, after FROM activity
                 WHERE record_id = ?1 ORDER BY seq DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![record_id, limit as i64], |r| {
        let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        Ok(Activity {
            id: r.get(0)?,
            at: r.get(1)?,
            action: r.get(2)?,
            record_type: r.get(3)?,
            record_id: r.get(4)?,
            batch_id: r.get(5)?,
            before: json(r.get(6)?),
            after: json(r.get(7)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

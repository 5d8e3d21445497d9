//! Small key-value preferences kept in the database file itself, so they
//! travel with it (home currency, value tiers…). Never secrets: those live
//! in the OS keychain. What a key means is its owner's business; this is
//! only where it is kept.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

/// The value kept under `key`, if any.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// Keeps `value` under `key`, replacing what was there.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
}

/// Forgets `key`.
pub fn remove(conn: &Connection, key: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM settings WHERE key = ?1")?
        .execute([key])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn a_value_is_kept_replaced_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path().join("t.db")).unwrap();
        db.write(|tx| set(tx, "k", "one")).unwrap();
        db.write(|tx| set(tx, "k", "two")).unwrap();
        assert_eq!(db.read(|c| get(c, "k")).unwrap().as_deref(), Some("two"));
        db.write(|tx| remove(tx, "k")).unwrap();
        assert_eq!(db.read(|c| get(c, "k")).unwrap(), None);
    }
}

//! Notifications: what a person should see and act on (a sale, a double
//! sale to settle, an offer about to expire, low stock), read or unread.

use rusqlite::{params, Connection};
use serde::Serialize;
use trove_core::Result;
use trove_store::{new_id, now};

/// One notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Notification {
    pub id: String,
    /// `double_sale`, `sale`, `offer`, `low_stock`, …
    pub kind: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub message: String,
    pub created_at: String,
    pub read_at: Option<String>,
}

/// Adds a notification about `record` (type and id), if it has one.
pub(crate) fn add(
    conn: &Connection,
    kind: &str,
    record: Option<(&str, &str)>,
    message: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO notifications (id, kind, record_type, record_id, message, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        new_id(),
        kind,
        record.map(|r| r.0),
        record.map(|r| r.1),
        message,
        now()
    ])?;
    Ok(())
}

impl crate::Shop<'_> {
    /// Notifications, newest first; only the unread ones when asked.
    pub fn notifications(&self, unread_only: bool, limit: usize) -> Result<Vec<Notification>> {
        self.store().read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, kind, record_type, record_id, message, created_at, read_at
                 FROM notifications WHERE (?1 = 0 OR read_at IS NULL) ORDER BY seq DESC LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![unread_only, limit as i64], |r| {
                Ok(Notification {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    record_type: r.get(2)?,
                    record_id: r.get(3)?,
                    message: r.get(4)?,
                    created_at: r.get(5)?,
                    read_at: r.get(6)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// How many are unread: the bell's count.
    pub fn unread_notifications(&self) -> Result<i64> {
        self.store().read(|conn| {
            Ok(conn.query_row(
                "SELECT count(*) FROM notifications WHERE read_at IS NULL",
                [],
                |r| r.get(0),
            )?)
        })
    }

    /// Marks notifications read.
    pub fn mark_read(&self, ids: &[String]) -> Result<usize> {
        self.store().write(|tx| {
            let t = now();
            let mut n = 0;
            for id in ids {
                n += tx
                    .prepare_cached(
                        "UPDATE notifications SET read_at = ?2 WHERE id = ?1 AND read_at IS NULL",
                    )?
                    .execute(params![id, t])?;
            }
            Ok(n)
        })
    }
}

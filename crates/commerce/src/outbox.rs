//! The sync outbox: what a marketplace must be told, written in the same
//! transaction as the change that needs it. The sync worker sends each job
//! with its idempotency key, so a retry after a crash is never a second
//! listing or a second end. Platforms without a seller API get no jobs:
//! the same change becomes a task on the assisted checklist instead
//! (`assisted`), for the person to do by hand.

use rusqlite::{params, Connection};
use serde::Serialize;
use trove_core::Result;
use trove_store::{new_id, now};

pub use crate::change::OutboxKind;
use crate::platform::Platform;

/// One job, as the outbox view shows it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct OutboxJob {
    pub id: String,
    pub platform: Platform,
    /// `None` for a kind this build does not know (a newer Trove's).
    pub kind: Option<OutboxKind>,
    pub listing_id: Option<String>,
    /// What to send, as JSON.
    #[ts(type = "unknown")]
    pub payload: Option<serde_json::Value>,
    pub idempotency_key: String,
    /// `pending`, `running`, `done` or `dead`.
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: String,
}

/// Writes a job for `platform`, or for one without an API a task on the
/// assisted checklist; returns the job's id.
pub(crate) fn enqueue(
    conn: &Connection,
    platform: Platform,
    kind: OutboxKind,
    listing_id: &str,
    payload: serde_json::Value,
) -> Result<Option<String>> {
    if !platform.has_api() {
        crate::assisted::add(conn, platform, kind, listing_id, payload)?;
        return Ok(None);
    }
    let id = new_id();
    let t = now();
    conn.prepare_cached(
        "INSERT INTO sync_jobs (id, platform, kind, listing_id, payload, idempotency_key,
                                next_attempt_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7)",
    )?
    .execute(params![
        id,
        platform.as_str(),
        kind.as_str(),
        listing_id,
        payload.to_string(),
        new_id(),
        t
    ])?;
    Ok(Some(id))
}

const JOB_SELECT: &str = "SELECT id, platform, kind, listing_id, payload, idempotency_key, state,
    attempts, last_error, created_at FROM sync_jobs";

fn job_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxJob> {
    Ok(OutboxJob {
        id: r.get(0)?,
        platform: Platform::stored(&r.get::<_, String>(1)?),
        kind: OutboxKind::stored(&r.get::<_, String>(2)?),
        listing_id: r.get(3)?,
        payload: r
            .get::<_, Option<String>>(4)?
            .and_then(|p| serde_json::from_str(&p).ok()),
        idempotency_key: r.get(5)?,
        state: r.get(6)?,
        attempts: r.get(7)?,
        last_error: r.get(8)?,
        created_at: r.get(9)?,
    })
}

/// The jobs of one listing, oldest first.
pub(crate) fn jobs_of_listing(conn: &Connection, listing_id: &str) -> Result<Vec<OutboxJob>> {
    let mut stmt =
        conn.prepare_cached(&format!("{JOB_SELECT} WHERE listing_id = ?1 ORDER BY seq"))?;
    let rows = stmt.query_map([listing_id], job_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Jobs waiting for the worker (pending or running), oldest first, at
/// most `limit`.
pub(crate) fn waiting(conn: &Connection, limit: usize) -> Result<Vec<OutboxJob>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{JOB_SELECT} WHERE state IN ('pending', 'running') ORDER BY next_attempt_at, seq LIMIT ?1"
    ))?;
    let rows = stmt.query_map([limit as i64], job_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

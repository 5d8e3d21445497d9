//! The assisted checklist: for each platform without a seller API, what to
//! change there by hand (list it, a new price, end it because it sold
//! elsewhere), with the text to copy, and a "done" mark.

use rusqlite::{params, Connection};
use serde::Serialize;
use trove_core::{Error, Result};
use trove_store::{new_id, now};

use crate::change::OutboxKind;
use crate::platform::Platform;

/// One thing to do on a platform.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AssistedTask {
    pub id: String,
    pub listing_id: Option<String>,
    pub platform: Platform,
    /// `create`, `update`, `update_quantity`, `end`, `answer_offer`.
    pub action: String,
    /// What to paste: title, description, price, quantity, as relevant.
    #[ts(type = "unknown")]
    pub payload: Option<serde_json::Value>,
    /// The sentence to show.
    pub reason: String,
    pub created_at: String,
    pub done_at: Option<String>,
}

fn sentence(platform: Platform, kind: OutboxKind, payload: &serde_json::Value) -> String {
    let title = payload["title"].as_str().unwrap_or("the item");
    match kind {
        OutboxKind::Create => format!("List '{title}' on {platform}"),
        OutboxKind::Update => format!("Change the {platform} listing of '{title}'"),
        OutboxKind::UpdateQuantity => format!(
            "Set the {platform} listing's quantity to {}",
            payload["quantity"]
        ),
        OutboxKind::End => format!("End the {platform} listing: it sold elsewhere or was ended"),
        OutboxKind::AnswerOffer => format!("Answer the offer on {platform}: {}", payload["answer"]),
    }
}

pub(crate) fn add(
    conn: &Connection,
    platform: Platform,
    kind: OutboxKind,
    listing_id: &str,
    payload: serde_json::Value,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO assisted_tasks (id, listing_id, platform, action, payload, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        new_id(),
        listing_id,
        platform.as_str(),
        kind.as_str(),
        payload.to_string(),
        sentence(platform, kind, &payload),
        now()
    ])?;
    Ok(())
}

impl crate::Shop<'_> {
    /// The open tasks, oldest first (of one platform, when given).
    pub fn checklist(&self, platform: Option<Platform>, limit: usize) -> Result<Vec<AssistedTask>> {
        self.store().read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, listing_id, platform, action, payload, reason, created_at, done_at
                 FROM assisted_tasks WHERE done_at IS NULL AND (?1 IS NULL OR platform = ?1)
                 ORDER BY seq LIMIT ?2",
            )?;
            let rows =
                stmt.query_map(params![platform.map(Platform::as_str), limit as i64], |r| {
                    Ok(AssistedTask {
                        id: r.get(0)?,
                        listing_id: r.get(1)?,
                        platform: Platform::stored(&r.get::<_, String>(2)?),
                        action: r.get(3)?,
                        payload: r
                            .get::<_, Option<String>>(4)?
                            .and_then(|p| serde_json::from_str(&p).ok()),
                        reason: r.get(5)?,
                        created_at: r.get(6)?,
                        done_at: r.get(7)?,
                    })
                })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Ticks a task off.
    pub fn task_done(&self, id: &str) -> Result<()> {
        self.store().write(|tx| {
            let n = tx.execute(
                "UPDATE assisted_tasks SET done_at = ?2 WHERE id = ?1 AND done_at IS NULL",
                params![id.trim(), now()],
            )?;
            if n == 0 {
                return Err(Error::not_found("open task", id.trim()));
            }
            Ok(())
        })
    }
}

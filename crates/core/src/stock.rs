//! The stock ledger. Every change of an item's quantity on hand, and of its
//! committed units (units promised to sales not yet shipped), is one
//! movement: an item's `quantity` and `committed` are the sums of its
//! movements, kept on the item so that reading them costs nothing. The
//! doctor checks that they agree. The ledger, not the total, is the
//! record: two devices that sold offline merge by adding their movements.
//!
//! The item writer records the movements of creating, editing, splitting
//! and importing items as it writes their quantity; the selling side
//! records the rest through [`apply`], which changes the item's columns and
//! logs the movement in one step.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::db::Store;
use crate::error::{Error, Result};
use crate::{new_id, now};

/// Why an item's stock changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// What an item held when the ledger began (schema 5).
    Opening,
    /// A new item, or more units of one, came in.
    Received,
    /// A person changed the quantity by hand.
    Adjusted,
    /// A file import created the item or changed its quantity.
    Imported,
    /// Part of a stack moved to a row of its own.
    Split,
    /// A sale committed units (on hand unchanged).
    Sold,
    /// A sale shipped: its units left, and are no longer committed.
    Shipped,
    /// A sale was cancelled before it shipped: its units are free again.
    Cancelled,
    /// A buyer sent units back.
    Returned,
}

impl Reason {
    /// Every reason, in the order the schema lists them.
    pub const ALL: [Reason; 9] = [
        Reason::Opening,
        Reason::Received,
        Reason::Adjusted,
        Reason::Imported,
        Reason::Split,
        Reason::Sold,
        Reason::Shipped,
        Reason::Cancelled,
        Reason::Returned,
    ];

    /// The reason as stored (`shipped`).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Opening => "opening",
            Reason::Received => "received",
            Reason::Adjusted => "adjusted",
            Reason::Imported => "imported",
            Reason::Split => "split",
            Reason::Sold => "sold",
            Reason::Shipped => "shipped",
            Reason::Cancelled => "cancelled",
            Reason::Returned => "returned",
        }
    }

    /// The reason a stored name means.
    pub fn parse(text: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// The record that caused a movement: a sale, an import batch, the item a
/// stack was split from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cause<'a> {
    pub record_type: &'a str,
    pub record_id: &'a str,
}

/// One row of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Movement {
    pub id: String,
    pub item_id: String,
    /// The change of the quantity on hand.
    pub on_hand: i64,
    /// The change of the committed units.
    pub committed: i64,
    pub reason: Reason,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub at: String,
}

/// The id of the movement that brought a new item in: made from the
/// item's, so it is written in SQL for a batch as easily as in Rust.
pub(crate) fn creation_id(item_id: &str) -> String {
    format!("{CREATION_PREFIX}{item_id}")
}

/// What [`creation_id`] puts before the item's id.
pub const CREATION_PREFIX: &str = "new-";

/// Appends one movement, for a writer that has already changed the item's
/// columns itself (the item writer). Nothing happens for a change of zero.
pub(crate) fn log(
    conn: &Connection,
    id: Option<&str>,
    item_id: &str,
    on_hand: i64,
    committed: i64,
    reason: Reason,
    cause: Option<Cause<'_>>,
) -> Result<()> {
    if on_hand == 0 && committed == 0 {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO stock_movements (id, item_id, on_hand, committed, reason, record_type, record_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id.map_or_else(new_id, str::to_string),
        item_id,
        on_hand,
        committed,
        reason.as_str(),
        cause.map(|c| c.record_type),
        cause.map(|c| c.record_id),
        now()
    ])?;
    Ok(())
}

/// An item's stock as the ledger's users need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Stock {
    /// Units on hand.
    pub quantity: i64,
    /// Units promised to sales not yet shipped.
    pub committed: i64,
    /// What a listing may offer: on hand, less committed.
    pub available: i64,
}

impl Stock {
    /// The stock of `quantity` on hand with `committed` promised.
    pub fn new(quantity: i64, committed: i64) -> Stock {
        Stock {
            quantity,
            committed,
            available: quantity - committed,
        }
    }
}

/// The stock of the item with id `item_id`, if there is one.
pub fn stock_of(conn: &Connection, item_id: &str) -> Result<Option<Stock>> {
    Ok(conn
        .prepare_cached("SELECT quantity, committed FROM items WHERE id = ?1")?
        .query_row([item_id], |r| Ok(Stock::new(r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Changes the item's stock by `on_hand` and `committed` and logs the
/// movement, or refuses with a sentence naming the item when it would take
/// either below zero or commit more than is on hand: what keeps the last
/// unit from selling twice. Returns the stock after.
pub fn apply(
    conn: &Connection,
    item_id: &str,
    on_hand: i64,
    committed: i64,
    reason: Reason,
    cause: Option<Cause<'_>>,
) -> Result<Stock> {
    let (title, before): (String, Stock) = conn
        .prepare_cached("SELECT title, quantity, committed FROM items WHERE id = ?1")?
        .query_row([item_id], |r| {
            Ok((r.get(0)?, Stock::new(r.get(1)?, r.get(2)?)))
        })
        .optional()?
        .ok_or_else(|| Error::not_found("item", item_id))?;
    let quantity = before.quantity + on_hand;
    let held = before.committed + committed;
    if quantity < 0 || held < 0 || held > quantity {
        let wanted = committed.max(-on_hand);
        return Err(Error::invalid(
            "quantity",
            wanted.to_string(),
            "stock_short",
            format!(
                "'{title}' has {} unit(s) available ({} on hand, {} committed); {wanted} more cannot be {}",
                before.available,
                before.quantity,
                before.committed,
                if committed > 0 { "committed" } else { "taken out" }
            ),
        ));
    }
    conn.prepare_cached(
        "UPDATE items SET quantity = ?2, committed = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![item_id, quantity, held, now()])?;
    log(conn, None, item_id, on_hand, committed, reason, cause)?;
    Ok(Stock::new(quantity, held))
}

/// An item whose columns and ledger disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Disagreement {
    pub item_id: String,
    pub title: String,
    pub quantity: i64,
    /// The sum of its on-hand movements.
    pub ledger_quantity: i64,
    pub committed: i64,
    /// The sum of its committed movements.
    pub ledger_committed: i64,
}

/// Items whose quantity or committed units differ from the sums of their
/// movements.
pub(crate) fn disagreements(conn: &Connection) -> Result<Vec<Disagreement>> {
    let mut stmt = conn.prepare(
        "SELECT i.id, i.title, i.quantity, coalesce(m.on_hand, 0), i.committed, coalesce(m.committed, 0)
         FROM items i
         LEFT JOIN (SELECT item_id, sum(on_hand) AS on_hand, sum(committed) AS committed
                    FROM stock_movements GROUP BY item_id) m ON m.item_id = i.id
         WHERE i.quantity IS NOT coalesce(m.on_hand, 0) OR i.committed IS NOT coalesce(m.committed, 0)
         ORDER BY i.seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Disagreement {
            item_id: r.get(0)?,
            title: r.get(1)?,
            quantity: r.get(2)?,
            ledger_quantity: r.get(3)?,
            committed: r.get(4)?,
            ledger_committed: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// The movements of the item with id `item_id`, newest first.
    pub fn stock_movements(&self, item_id: &str, limit: usize) -> Result<Vec<Movement>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, item_id, on_hand, committed, reason, record_type, record_id, at
                 FROM stock_movements WHERE item_id = ?1 ORDER BY seq DESC LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![item_id, limit as i64], |r| {
                let reason: String = r.get(4)?;
                Ok(Movement {
                    id: r.get(0)?,
                    item_id: r.get(1)?,
                    on_hand: r.get(2)?,
                    committed: r.get(3)?,
                    // The schema's CHECK admits only the known names.
                    reason: Reason::parse(&reason).unwrap_or(Reason::Adjusted),
                    record_type: r.get(5)?,
                    record_id: r.get(6)?,
                    at: r.get(7)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The item's stock: on hand, committed, available.
    pub fn stock(&self, item_id: &str) -> Result<Stock> {
        self.read(|conn| stock_of(conn, item_id)?.ok_or_else(|| Error::not_found("item", item_id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_is_stored_by_its_name_and_read_back() {
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::Value::String(r.as_str().into())
            );
        }
        assert_eq!(Reason::parse("stolen"), None);
    }
}

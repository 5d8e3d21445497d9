//! Pick and pack: the To ship queue as lines a person walks the shelves
//! for, and scanning an item off the shelf to mark its line picked. A
//! wrong item scanned is refused with what it is and why.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use trove_core::items::find_item;
use trove_core::{activity, Error, Result};
use trove_store::now;

use crate::platform::Platform;

/// One line of a sale waiting to ship: what to take off which shelf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PickLine {
    pub sale_id: String,
    pub platform: Platform,
    pub platform_order_id: Option<String>,
    pub buyer: Option<String>,
    pub sold_at: String,
    pub item_id: String,
    pub title: String,
    pub sku: Option<String>,
    pub quantity: i64,
    /// The section's code, else the bin's: what is printed on the shelf.
    pub location_code: Option<String>,
    /// Bin and section names, or the free-text location.
    pub location: Option<String>,
    pub picked_at: Option<String>,
}

/// A queue line's columns, over `q` (the sales) and the joins below.
const LINE_COLUMNS: &str = "SELECT q.id, q.platform, q.platform_order_id, q.buyer, q.sold_at,
    si.item_id, i.title, i.sku, si.quantity, coalesce(s.code, b.code),
    CASE WHEN b.name IS NULL THEN i.location
         WHEN s.name IS NULL THEN b.name ELSE b.name || ' / ' || s.name END,
    si.picked_at";
const LINE_JOINS: &str = "JOIN sale_items si ON si.sale_id = q.id JOIN items i ON i.id = si.item_id
    LEFT JOIN bins b ON b.id = i.bin_id LEFT JOIN sections s ON s.id = i.section_id";

/// Lines of the oldest sales to ship (sold, not shipped), at most `limit`
/// sales, walked in location-code order (B2 before B10: codes are handed
/// out in order, so the bins' and sections' own order is the codes'; lines
/// with no location last), then oldest sale first. `by_location` false keeps the queue's order: oldest
/// sale first.
pub(crate) fn pick_lines(
    conn: &Connection,
    limit: usize,
    by_location: bool,
) -> Result<Vec<PickLine>> {
    let order = if by_location {
        "b.seq IS NULL, b.seq, s.seq, q.sold_at, q.seq, i.title"
    } else {
        "q.sold_at, q.seq, i.title"
    };
    // The queue's own index picks the oldest sales first; only their lines
    // are joined.
    let sql = format!(
        "WITH q AS (SELECT seq, id, platform, platform_order_id, buyer, sold_at FROM sales
                    WHERE status IN ('pending', 'confirmed') ORDER BY sold_at, seq LIMIT ?1)
         {LINE_COLUMNS} FROM q {LINE_JOINS} ORDER BY {order}"
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([limit as i64], pick_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn pick_from_row(r: &Row<'_>) -> rusqlite::Result<PickLine> {
    Ok(PickLine {
        sale_id: r.get(0)?,
        platform: Platform::stored(&r.get::<_, String>(1)?),
        platform_order_id: r.get(2)?,
        buyer: r.get(3)?,
        sold_at: r.get(4)?,
        item_id: r.get(5)?,
        title: r.get(6)?,
        sku: r.get(7)?,
        quantity: r.get(8)?,
        location_code: r.get(9)?,
        location: r.get(10)?,
        picked_at: r.get(11)?,
    })
}

/// Marks the line of the oldest unshipped sale of the scanned item picked.
fn pick(tx: &Connection, code: &str) -> Result<PickLine> {
    let code = code.trim();
    let refuse =
        |reason: &'static str, message: String| Error::invalid("code", code, reason, message);
    let item = find_item(tx, code)?
        .ok_or_else(|| refuse("not_found", format!("no item has the code '{code}'")))?;
    let waiting: Option<(String, Option<String>)> = tx
        .prepare_cached(
            "SELECT s.id, si.picked_at FROM sale_items si JOIN sales s ON s.id = si.sale_id
             WHERE si.item_id = ?1 AND s.status IN ('pending', 'confirmed')
             ORDER BY si.picked_at IS NOT NULL, s.sold_at, s.seq LIMIT 1",
        )?
        .query_row([&item.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let title = &item.fields.title;
    let sale_id = match waiting {
        None => {
            return Err(refuse(
                "not_in_queue",
                format!("'{title}' is not in the To ship queue: put it back"),
            ))
        }
        Some((_, Some(_))) => {
            return Err(refuse(
                "already_picked",
                format!("'{title}' is already picked for every sale waiting for it"),
            ))
        }
        Some((sale_id, None)) => sale_id,
    };
    tx.prepare_cached("UPDATE sale_items SET picked_at = ?3 WHERE sale_id = ?1 AND item_id = ?2")?
        .execute(params![sale_id, item.id, now()])?;
    activity::log(
        tx,
        "pick",
        "sale",
        &sale_id,
        None,
        None,
        Some(serde_json::json!({ "item": item.id })),
    )?;
    let line = tx
        .prepare_cached(&format!(
            "{LINE_COLUMNS} FROM sales q {LINE_JOINS} WHERE si.sale_id = ?1 AND si.item_id = ?2"
        ))?
        .query_row(params![sale_id, item.id], pick_from_row)?;
    Ok(line)
}

impl crate::Shop<'_> {
    /// The To ship queue's lines for the oldest `limit` sales, in the order
    /// a person walks the shelves (location code), or oldest sale first.
    pub fn pick_list(&self, limit: usize, by_location: bool) -> Result<Vec<PickLine>> {
        self.store()
            .read(|conn| pick_lines(conn, limit, by_location))
    }

    /// A scan in the To ship queue: the scanned item's line (in its oldest
    /// waiting sale) is picked. An item no sale waits for, or one already
    /// picked, is refused with why.
    pub fn pick(&self, code: &str) -> Result<PickLine> {
        self.store().write(|tx| pick(tx, code))
    }
}

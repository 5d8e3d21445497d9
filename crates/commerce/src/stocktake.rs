//! Stock take by scan: a bin or section is scanned, then everything in it.
//! Trove says what should be there and was not scanned (and whether a
//! platform still shows it: a listing with nothing on the shelf behind
//! it), what was scanned but is recorded elsewhere, and what it does not
//! know; and stamps the place's last-verified time. Here it sits inside
//! selling because a missing item's live listings are the urgent part.

use rusqlite::{params, Connection};
use serde::Serialize;
use trove_core::items::find_item;
use trove_core::locations::{location_by_code, Location};
use trove_core::{Error, Result};
use trove_store::now;

/// An item as the stock take shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CountedItem {
    pub item_id: String,
    pub title: String,
    pub sku: Option<String>,
    /// Where the item is recorded.
    pub location: Option<String>,
    /// Its pending or active listings.
    pub live_listings: i64,
}

/// What a stock take found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StockTake {
    /// The bin or section counted.
    pub location: String,
    /// Recorded here and scanned.
    pub found: Vec<CountedItem>,
    /// Recorded here, not scanned: find them, or end their listings.
    pub missing: Vec<CountedItem>,
    /// Scanned here, recorded somewhere else: move them here.
    pub elsewhere: Vec<CountedItem>,
    /// Scanned codes that are no item.
    pub unknown: Vec<String>,
    pub verified_at: String,
}

/// A place not counted for a while.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Unverified {
    pub code: String,
    pub name: String,
    /// Never, when none.
    pub verified_at: Option<String>,
}

fn counted(conn: &Connection, where_: &str, key: &str) -> Result<Vec<CountedItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, title, sku, location, live_listings FROM items
         WHERE {where_} AND deleted_at IS NULL AND quantity > 0 ORDER BY title, seq"
    ))?;
    let rows = stmt.query_map([key], |r| {
        Ok(CountedItem {
            item_id: r.get(0)?,
            title: r.get(1)?,
            sku: r.get(2)?,
            location: r.get(3)?,
            live_listings: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl crate::Shop<'_> {
    /// Counts the bin or section `code` against the `scanned` codes (SKUs,
    /// barcodes or ids, in any order, repeats allowed). A bin's count takes
    /// in its sections.
    pub fn stock_take(&self, code: &str, scanned: &[String]) -> Result<StockTake> {
        self.store().write(|tx| {
            let place = location_by_code(tx, code)?
                .ok_or_else(|| Error::not_found("location", code.trim()))?;
            let t = now();
            let (here, label) = match &place {
                Location::Bin(b) => {
                    tx.execute(
                        "UPDATE bins SET verified_at = ?2 WHERE id = ?1",
                        params![b.id, t],
                    )?;
                    (counted(tx, "bin_id = ?1", &b.id)?, b.code.clone())
                }
                Location::Section { section, .. } => {
                    tx.execute(
                        "UPDATE sections SET verified_at = ?2 WHERE id = ?1",
                        params![section.id, t],
                    )?;
                    (
                        counted(tx, "section_id = ?1", &section.id)?,
                        section.code.clone(),
                    )
                }
            };
            let mut seen: Vec<String> = Vec::new();
            let mut unknown = Vec::new();
            let mut elsewhere = Vec::new();
            for code in scanned.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
                match find_item(tx, code)? {
                    Some(item) if seen.contains(&item.id) => {}
                    Some(item) => {
                        seen.push(item.id.clone());
                        if !here.iter().any(|h| h.item_id == item.id) {
                            elsewhere.push(CountedItem {
                                location: item.fields.location.as_ref().map(|l| l.code.clone()),
                                item_id: item.id,
                                title: item.fields.title,
                                sku: item.fields.sku,
                                live_listings: 0,
                            });
                        }
                    }
                    None if !unknown.iter().any(|u| u == code) => unknown.push(code.to_string()),
                    None => {}
                }
            }
            for e in &mut elsewhere {
                e.live_listings = tx.query_row(
                    "SELECT live_listings FROM items WHERE id = ?1",
                    [&e.item_id],
                    |r| r.get(0),
                )?;
            }
            let (found, missing) = here.into_iter().partition(|h| seen.contains(&h.item_id));
            Ok(StockTake {
                location: label,
                found,
                missing,
                elsewhere,
                unknown,
                verified_at: t,
            })
        })
    }

    /// Bins and sections not counted in the last `days` days (or never),
    /// the longest unchecked first.
    pub fn unverified(&self, days: u32, limit: usize) -> Result<Vec<Unverified>> {
        let cutoff = crate::fields::days_ago(days);
        self.store().read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT code, name, verified_at FROM (
                     SELECT code, name, verified_at FROM bins
                     UNION ALL SELECT code, name, verified_at FROM sections)
                 WHERE verified_at IS NULL OR verified_at < ?1
                 ORDER BY verified_at IS NOT NULL, verified_at, code LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![cutoff, limit as i64], |r| {
                Ok(Unverified {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    verified_at: r.get(2)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }
}

//! Counts over the whole inventory.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::db::Store;
use crate::error::Result;

/// Totals for the dashboard and `trove stats`.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Stats {
    /// Live items (rows), not counting the trash.
    pub items: i64,
    /// The sum of their quantities.
    pub units: i64,
    pub trashed: i64,
    pub bins: i64,
    pub sections: i64,
    /// Live items per status.
    pub by_status: BTreeMap<String, i64>,
    /// Asking price × quantity, per currency, in minor units.
    pub list_value: BTreeMap<String, i64>,
    /// Cost × quantity, per currency, in minor units.
    pub cost_value: BTreeMap<String, i64>,
}

/// Live items and their units: what the inventory screen shows above the
/// table, cheap enough (one covering index) to ask after every change.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Totals {
    pub items: i64,
    pub units: i64,
}

fn totals(conn: &rusqlite::Connection) -> Result<Totals> {
    Ok(conn.query_row(
        "SELECT count(*), coalesce(sum(quantity), 0) FROM items INDEXED BY items_by_quantity
         WHERE deleted_at IS NULL",
        [],
        |r| {
            Ok(Totals {
                items: r.get(0)?,
                units: r.get(1)?,
            })
        },
    )?)
}

impl Store {
    /// Live items and units.
    pub fn totals(&self) -> Result<Totals> {
        self.read(totals)
    }

    /// Counts and totals.
    pub fn stats(&self) -> Result<Stats> {
        self.read(|conn| {
            let one = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
            let Totals { items, units } = totals(conn)?;
            let grouped = |sql: &str| -> Result<BTreeMap<String, i64>> {
                let mut stmt = conn.prepare(sql)?;
                let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            };
            Ok(Stats {
                items,
                units,
                trashed: one("SELECT count(*) FROM items WHERE deleted_at IS NOT NULL")?,
                bins: one("SELECT count(*) FROM bins")?,
                sections: one("SELECT count(*) FROM sections")?,
                by_status: grouped(
                    "SELECT status, count(*) FROM items WHERE deleted_at IS NULL GROUP BY status",
                )?,
                list_value: grouped(
                    "SELECT price_currency, sum(price_amount * quantity) FROM items
                     WHERE deleted_at IS NULL AND price_amount IS NOT NULL GROUP BY price_currency",
                )?,
                cost_value: grouped(
                    "SELECT cost_currency, sum(cost_amount * quantity) FROM items
                     WHERE deleted_at IS NULL AND cost_amount IS NOT NULL GROUP BY cost_currency",
                )?,
            })
        })
    }
}

//! CSV export of every live item: the canonical columns first, then the
//! rest of the item's fields, so that importing the file gives back the
//! same items. Streamed in key order; memory does not grow with the file.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use serde::Serialize;

use crate::columns::{guard, CANONICAL, EXTRA};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::item::Item;
use crate::items::{item_from_row, ITEM_SELECT};

/// What an export wrote.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExportReport {
    pub file: String,
    pub rows: u64,
}

/// Rows fetched per read transaction, so a long export never pins the WAL.
const BATCH: i64 = 5_000;

impl Store {
    /// Writes every live item to a CSV file at `path`. The file is written
    /// beside its final name and renamed into place when complete.
    pub fn export_csv(&self, path: &Path) -> Result<ExportReport> {
        write_in_place(path, |out| self.export_to(out))
    }

    /// Writes every live item as CSV to `out`; returns the row count.
    pub fn export_to(&self, out: impl Write) -> Result<u64> {
        let mut w = csv::WriterBuilder::new().from_writer(out);
        let io = |e: csv::Error| Error::io("export", std::io::Error::other(e));
        w.write_record(CANONICAL.iter().chain(EXTRA.iter()))
            .map_err(io)?;
        let mut after = 0i64;
        let mut rows = 0u64;
        loop {
            let batch: Vec<(i64, Item)> = self.read(|conn| {
                let mut stmt = conn.prepare_cached(&format!(
                    "{ITEM_SELECT} WHERE i.deleted_at IS NULL AND i.seq > ?1 ORDER BY i.seq LIMIT ?2"
                ))?;
                let rows = stmt.query_map([after, BATCH], |r| Ok((r.get(35)?, item_from_row(r)?)))?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            })?;
            let Some((last, _)) = batch.last() else { break };
            after = *last;
            for (_, item) in &batch {
                w.write_record(record(item).iter().map(|v| guard(v).into_owned()))
                    .map_err(io)?;
                rows += 1;
            }
        }
        w.flush().map_err(|e| Error::io("export", e))?;
        Ok(rows)
    }
}

/// Writes a CSV file beside `path` with `write` (which returns the rows it
/// wrote) and renames it into place when complete, so a failed export
/// never leaves half a file under the final name.
pub(crate) fn write_in_place(
    path: &Path,
    write: impl FnOnce(BufWriter<File>) -> Result<u64>,
) -> Result<ExportReport> {
    let tmp = path.with_extension("csv.partial");
    let file = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let result = write(BufWriter::new(file)).and_then(|rows| {
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
        Ok(rows)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    Ok(ExportReport {
        file: path.display().to_string(),
        rows: result?,
    })
}

/// An item's cells under [`CANONICAL`] and [`EXTRA`], unguarded.
pub(crate) fn record(item: &Item) -> Vec<String> {
    let f = &item.fields;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    let currency = f
        .price
        .or(f.cost)
        .map(|m| m.currency.to_string())
        .unwrap_or_default();
    // The one currency column covers the cost too unless they differ.
    let cost_currency = match (f.price, f.cost) {
        (Some(p), Some(c)) if p.currency != c.currency => c.currency.to_string(),
        _ => String::new(),
    };
    vec![
        text(&f.sku),
        f.barcode
            .as_ref()
            .map(|b| b.display_form().to_string())
            .unwrap_or_default(),
        f.title.clone(),
        text(&f.description),
        text(&f.brand),
        text(&f.category),
        f.condition
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
        f.quantity.to_string(),
        f.price.map(|m| m.to_decimal_string()).unwrap_or_default(),
        f.cost.map(|m| m.to_decimal_string()).unwrap_or_default(),
        currency,
        f.location
            .as_ref()
            .map(|p| p.path.clone())
            .unwrap_or_default(),
        f.tags.join("; "),
        text(&f.notes),
        f.status.as_str().to_string(),
        text(&f.size),
        text(&f.colour),
        text(&f.material),
        cost_currency,
        num(f.low_stock_threshold),
        num(f.weight_grams),
        num(f.length_mm),
        num(f.width_mm),
        num(f.height_mm),
        text(&f.acquired_on),
        text(&f.acquired_from),
    ]
}

//! Trove's own CSV: its columns (and their usual aliases, see
//! `crate::columns`), one item per row, an existing item updated by SKU.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::columns::{canonical_name, unguard};
use crate::error::{Error, FieldError, Result};
use crate::import::driver::Format;
use crate::import::{
    row_error, ImportOptions, ImportReport, RepeatedSku, RowError, MAX_ERRORS_LISTED,
};
use crate::item::{split_tags, Item, ItemChanges};
use crate::items::{sku_hash, ItemWriter, Saved};
use crate::locations::CreateLocations;

/// Up to this many existing SKUs are held in memory during an import.
const REMEMBERED_SKUS: i64 = 500_000;

/// Bins plus sections: counted before and after an import, so the report
/// says how many it created (a row rolled back takes its own with it).
fn location_count(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM bins) + (SELECT count(*) FROM sections)",
        [],
        |r| r.get::<_, i64>(0),
    )? as u64)
}

/// The SKUs a file has written so far, to list those on several lines.
/// Held as 64-bit hashes of the case-folded SKU (as the database compares
/// them), 16 bytes a row rather than the SKU itself: a million rows cost
/// about 30 MB. Two different SKUs sharing a hash (odds about 1 in 10^7
/// for a million SKUs) would be listed as one repeated; nothing else
/// depends on it.
#[derive(Default)]
struct SkuRepeats {
    first_line: HashMap<u64, u64>,
    /// Index in the report of each SKU already listed as repeated.
    listed: HashMap<u64, usize>,
}

impl SkuRepeats {
    fn saw(&mut self, sku: &str, line: u64, report: &mut ImportReport) {
        if sku.is_empty() {
            return;
        }
        let key = sku_hash(sku);
        let Some(&first) = self.first_line.get(&key) else {
            self.first_line.insert(key, line);
            return;
        };
        if let Some(&i) = self.listed.get(&key) {
            if let Some(r) = report.repeated_skus.get_mut(i) {
                r.lines.push(line);
            }
            return;
        }
        report.repeated_sku_count += 1;
        // Past the listing cap the SKU is still remembered (at an index no
        // entry has), so it is counted once.
        self.listed.insert(key, report.repeated_skus.len());
        if report.repeated_skus.len() < MAX_ERRORS_LISTED {
            report.repeated_skus.push(RepeatedSku {
                sku: sku.to_string(),
                lines: vec![first, line],
            });
        }
    }
}

/// Which canonical field each CSV column feeds.
pub(crate) struct Columns {
    names: Vec<String>,
    fields: Vec<Option<&'static str>>,
    /// The column holding the SKU, if any.
    sku: Option<usize>,
}

impl Columns {
    fn header_for(&self, field: &str) -> String {
        self.fields
            .iter()
            .position(|f| *f == Some(field))
            .map_or_else(|| field.to_string(), |i| self.names[i].clone())
    }
}

/// What each column of `header` feeds, or the error that refuses the
/// file: an empty file, two columns meaning one field, or neither a title
/// nor a SKU to update by.
pub(crate) fn columns(header: &[String], report: &ImportReport) -> Result<Columns, Box<RowError>> {
    let err = |column: &str, code: &str, message: String| {
        Box::new(row_error(report, 1, column, column, code, message))
    };
    if header.is_empty() {
        // Nothing at all (a zero-byte file, or only blank lines) is not
        // a CSV of items, and "0 rows imported" would hide that.
        return Err(err(
            "",
            "csv_empty",
            "the file is empty: a CSV of items starts with a header row such as title,sku,quantity,price".into(),
        ));
    }
    let mut fields: Vec<Option<&'static str>> = Vec::new();
    for name in header {
        let field = canonical_name(name);
        if let Some(f) = field {
            if fields.contains(&Some(f)) {
                return Err(err(
                    name,
                    "column_duplicate",
                    format!("two columns both mean '{f}'"),
                ));
            }
        }
        fields.push(field);
    }
    if !fields.contains(&Some("title")) && !fields.contains(&Some("sku")) {
        return Err(err(
            "",
            "column_missing",
            "the header has no 'title' column (nor a 'sku' column to update existing items by)"
                .to_string(),
        ));
    }
    let sku = fields.iter().position(|f| *f == Some("sku"));
    Ok(Columns {
        names: header.to_vec(),
        fields,
        sku,
    })
}

/// The items format, open in an import's transaction.
pub(crate) struct Items<'c> {
    columns: Columns,
    writer: ItemWriter<'c>,
    repeats: SkuRepeats,
    /// Bins and sections before the first row.
    locations_before: u64,
}

impl<'c> Items<'c> {
    /// Opens the format; `batch_id` (none on a dry run) tags what it writes.
    pub(crate) fn open(
        tx: &'c Connection,
        batch_id: Option<String>,
        columns: Columns,
        options: &ImportOptions,
    ) -> Result<Items<'c>> {
        let locations_before = location_count(tx)?;
        let mut writer = ItemWriter::new(tx, batch_id)?;
        writer.create_locations = if options.strict_locations {
            CreateLocations::None
        } else {
            CreateLocations::NamedAndCoded
        };
        // Every row's SKU is looked up in `import_row` before it is prepared.
        writer.skus_checked = true;
        writer.remember_skus(REMEMBERED_SKUS)?;
        if options.skip_invalid {
            // A bad row is rolled back to its savepoint; rows queued before it
            // must not be written inside that savepoint, so none are queued.
            writer.batch_rows = 1;
        }
        Ok(Items {
            columns,
            writer,
            repeats: SkuRepeats::default(),
            locations_before,
        })
    }
}

impl Format for Items<'_> {
    fn reads(&self, name: &str) -> bool {
        canonical_name(name).is_some()
    }

    fn write(
        &mut self,
        tx: &Connection,
        cells: &[&str],
        line: u64,
        report: &mut ImportReport,
    ) -> Result<Saved, Vec<RowError>> {
        let saved = import_row(tx, &mut self.writer, &self.columns, cells, line, report)?;
        if let Some(sku) = self.columns.sku.and_then(|i| cells.get(i)) {
            self.repeats.saw(unguard(sku.trim()), line, report);
        }
        Ok(saved)
    }

    fn finish(&mut self, tx: &Connection, report: &mut ImportReport) -> Result<()> {
        self.writer.flush()?;
        report.locations_created = location_count(tx)? - self.locations_before;
        Ok(())
    }
}

/// Imports one row; on failure returns every error it has.
fn import_row(
    conn: &Connection,
    writer: &mut ItemWriter<'_>,
    columns: &Columns,
    cells: &[&str],
    line: u64,
    report: &ImportReport,
) -> Result<Saved, Vec<RowError>> {
    let err = |column: &str, value: &str, code: &str, message: String| {
        row_error(report, line, column, value, code, message)
    };
    let mut changes = ItemChanges::default();
    let mut errors = Vec::new();
    for (i, raw) in cells.iter().enumerate() {
        let Some(field) = columns.fields[i] else {
            continue;
        };
        let value = unguard(raw.trim());
        if value.is_empty() {
            continue;
        }
        let text = || Some(value.to_string());
        let number = |errors: &mut Vec<RowError>| -> Option<i64> {
            match value.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(err(
                        &columns.names[i],
                        raw,
                        "number_invalid",
                        format!("'{value}' is not a whole number"),
                    ));
                    None
                }
            }
        };
        match field {
            "sku" => changes.sku = text(),
            "barcode" => changes.barcode = text(),
            "title" => changes.title = text(),
            "description" => changes.description = text(),
            "brand" => changes.brand = text(),
            "category" => changes.category = text(),
            "condition" => changes.condition = text(),
            "quantity" => changes.quantity = number(&mut errors),
            "price" => changes.price = text(),
            "cost" => changes.cost = text(),
            "currency" => changes.price_currency = text(),
            "cost_currency" => changes.cost_currency = text(),
            "location" => changes.location = text(),
            "tags" => changes.tags = Some(split_tags(value)),
            "notes" => changes.notes = text(),
            "status" => changes.status = text(),
            "size" => changes.size = text(),
            "colour" => changes.colour = text(),
            "material" => changes.material = text(),
            "low_stock_threshold" => changes.low_stock_threshold = Some(number(&mut errors)),
            "weight_grams" => changes.weight_grams = Some(number(&mut errors)),
            "length_mm" => changes.length_mm = Some(number(&mut errors)),
            "width_mm" => changes.width_mm = Some(number(&mut errors)),
            "height_mm" => changes.height_mm = Some(number(&mut errors)),
            "acquired_on" => changes.acquired_on = text(),
            "acquired_from" => changes.acquired_from = text(),
            _ => {}
        }
    }
    // The row's one currency column prices the cost too, unless the file
    // has a cost_currency column of its own.
    if changes.cost_currency.is_none() && changes.cost.is_some() {
        changes.cost_currency = changes.price_currency.clone();
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let existing = match &changes.sku {
        Some(sku) if writer.may_have_sku(sku) => {
            let mut lookup = || -> Result<Option<Item>> {
                if writer.is_queued(sku) {
                    // A row earlier in this file: write it so it can be found.
                    writer.flush()?;
                }
                crate::items::item_by_sku(conn, sku)
            };
            lookup().map_err(|e| vec![err("sku", sku, e.code().as_str(), e.to_string())])?
        }
        _ => None,
    };
    if let Some(item) = &existing {
        if item.deleted_at.is_some() {
            return Err(vec![err(
                &columns.header_for("sku"),
                changes.sku.as_deref().unwrap_or_default(),
                "in_trash",
                format!(
                    "SKU belongs to '{}', which is in the trash; restore it first",
                    item.fields.title
                ),
            )]);
        }
    } else if changes.title.is_none() {
        return Err(vec![err(
            &columns.header_for("title"),
            "",
            "title_required",
            "an item needs a title".into(),
        )]);
    }
    let to_row_errors = |e: Error| -> Vec<RowError> {
        match e {
            Error::Invalid(fields) => fields
                .into_iter()
                .map(|f| field_error(report, line, columns, f))
                .collect(),
            other => vec![err("", "", other.code().as_str(), other.to_string())],
        }
    };
    let fields = writer
        .prepare(existing.as_ref(), &changes)
        .map_err(to_row_errors)?;
    match &existing {
        Some(item) => writer
            .update(item, fields)
            .map(|(_, saved)| saved)
            .map_err(to_row_errors),
        None => writer
            .queue(fields)
            .map(|_| Saved::Created)
            .map_err(to_row_errors),
    }
}

fn field_error(report: &ImportReport, line: u64, columns: &Columns, f: FieldError) -> RowError {
    let field = match f.field {
        "price_currency" => "currency",
        other => other,
    };
    row_error(
        report,
        line,
        &columns.header_for(field),
        &f.value,
        f.code,
        f.message,
    )
}

//! CSV import: streamed row by row, validated by the same rules as the app,
//! and atomic. By default one bad row rejects the whole file and the
//! database is left exactly as it was; every error names its file, line,
//! column and value.

use std::collections::HashMap;
use std::fs::File;
use std::hash::Hasher;
use std::io::{BufReader, Read};
use std::path::Path;

use rusqlite::{params, Connection, TransactionBehavior};

use crate::columns::{canonical_name, unguard};
use crate::db::Store;
use crate::error::{Error, FieldError, Result};
use crate::item::{split_tags, Item, ItemChanges};
use crate::items::{ItemWriter, Saved};
use crate::storage::CreateLocations;
use crate::{new_id, now};

pub mod format;
pub(crate) mod report;
pub(crate) use report::row_error;
pub use report::{ImportProgress, ImportReport, RepeatedSku, RowError, MAX_ERRORS_LISTED};

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Report what would happen; write nothing.
    pub dry_run: bool,
    /// Import the good rows and report the bad ones, instead of rejecting
    /// the whole file.
    pub skip_invalid: bool,
    /// Only put items in bins and sections that exist already; a location
    /// that does not is an error (`--no-create-locations`). By default a
    /// missing one is created, from its code (`B12-3`) or its names
    /// (`Garage tote 3 / Top shelf`): people import their inventory before
    /// they have typed in their bins.
    pub strict_locations: bool,
}

/// Up to this many existing SKUs are held in memory during an import.
const REMEMBERED_SKUS: i64 = 500_000;

/// Rows between progress callbacks.
const PROGRESS_EVERY: u64 = 1_000;

impl Store {
    /// Imports the CSV file at `path`. `progress` is called every thousand
    /// rows; returning `false` cancels, and nothing is kept.
    pub fn import_csv(
        &self,
        path: &Path,
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let total_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
        let name = path.display().to_string();
        self.import_reader(
            BufReader::with_capacity(1 << 20, file),
            &name,
            total_bytes,
            options,
            progress,
        )
    }

    /// Imports CSV from any reader; `name` names it in errors.
    pub fn import_reader(
        &self,
        reader: impl Read,
        name: &str,
        total_bytes: u64,
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        let mut conn = self.writer();
        // A large page cache keeps the growing indexes in memory; given
        // back when the import ends. Foreign keys are checked by the
        // importer itself (every bin, section and category it writes it has
        // just read or created in this transaction); SQLite's own checks
        // would add a statement journal to every row.
        conn.execute_batch("PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF;")?;
        let result = import_in(&mut conn, reader, name, total_bytes, options, progress);
        conn.execute_batch(
            "PRAGMA cache_size = -32000; PRAGMA foreign_keys = ON; PRAGMA shrink_memory;",
        )?;
        drop(conn);
        let report = result?;
        if report.committed && report.created + report.updated > 10_000 {
            self.optimize()?;
        }
        Ok(report)
    }
}

fn import_in(
    conn: &mut Connection,
    reader: impl Read,
    name: &str,
    total_bytes: u64,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<ImportReport> {
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut report = ImportReport {
            file: name.to_string(),
            dry_run: options.dry_run,
            ..ImportReport::default()
        };
        run(&tx, reader, total_bytes, options, &mut report, progress)?;
        settle(tx, options, report)
    }
}

/// Ends an import's transaction: kept when it was for real and no row
/// failed (or bad rows were to be skipped), rolled back otherwise. A file
/// refused for its errors is an [`Error::Import`] carrying the report.
pub(crate) fn settle(
    tx: rusqlite::Transaction<'_>,
    options: &ImportOptions,
    mut report: ImportReport,
) -> Result<ImportReport> {
    let rejected = report.error_count > 0 && !options.skip_invalid;
    if options.dry_run || rejected {
        tx.rollback()?;
    } else {
        tx.commit()?;
        report.committed = true;
    }
    if rejected {
        return Err(Error::Import(Box::new(report)));
    }
    Ok(report)
}

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
        let mut h = std::hash::DefaultHasher::new();
        for b in sku.bytes() {
            h.write_u8(b.to_ascii_lowercase());
        }
        let key = h.finish();
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
struct Columns {
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

fn read_header(
    rdr: &mut csv::Reader<impl Read>,
    report: &mut ImportReport,
) -> Result<Option<Columns>, Box<RowError>> {
    let file = report.file.clone();
    let err = |line: u64, column: &str, value: &str, code: &str, message: String| {
        Box::new(RowError {
            file: file.clone(),
            line,
            column: column.to_string(),
            value: value.to_string(),
            code: code.to_string(),
            message,
        })
    };
    let header = rdr
        .byte_headers()
        .map_err(|e| err(1, "", "", "csv_invalid", e.to_string()))?
        .clone();
    if header.is_empty() || header.iter().all(|h| h.is_empty()) {
        return Ok(None);
    }
    let mut names = Vec::new();
    let mut fields: Vec<Option<&'static str>> = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let name = std::str::from_utf8(raw).map_err(|_| {
            err(
                1,
                "",
                "",
                "encoding_invalid",
                format!(
                    "header column {} is not UTF-8 text; save the file as UTF-8",
                    i + 1
                ),
            )
        })?;
        let name = name.trim_start_matches('\u{feff}').trim().to_string();
        let field = canonical_name(&name);
        if let Some(f) = field {
            if fields.contains(&Some(f)) {
                return Err(err(
                    1,
                    &name,
                    &name,
                    "column_duplicate",
                    format!("two columns both mean '{f}'"),
                ));
            }
        } else if !name.is_empty() {
            report.ignored_columns.push(name.clone());
        }
        names.push(name);
        fields.push(field);
    }
    if !fields.contains(&Some("title")) && !fields.contains(&Some("sku")) {
        return Err(err(
            1,
            "",
            "",
            "column_missing",
            "the header has no 'title' column (nor a 'sku' column to update existing items by)"
                .to_string(),
        ));
    }
    let sku = fields.iter().position(|f| *f == Some("sku"));
    Ok(Some(Columns { names, fields, sku }))
}

fn run(
    conn: &Connection,
    reader: impl Read,
    total_bytes: u64,
    options: &ImportOptions,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<()> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(crate::line_ends::CrlfAsLf::new(
            std::io::BufReader::with_capacity(1 << 16, reader),
            0,
        ));
    let columns = match read_header(&mut rdr, report) {
        Ok(Some(c)) => c,
        Ok(None) => {
            // Nothing at all (a zero-byte file, or only blank lines) is not
            // a CSV of items, and "0 rows imported" would hide that.
            report.push_error(row_error(
                report,
                1,
                "",
                "",
                "csv_empty",
                "the file is empty: a CSV of items starts with a header row such as title,sku,quantity,price".into(),
            ));
            return Err(Error::Import(Box::new(report.clone())));
        }
        Err(e) => {
            report.push_error(*e);
            // A file whose header is unusable has no good rows to keep.
            return Err(Error::Import(Box::new(report.clone())));
        }
    };
    let batch_id = new_id();
    if !options.dry_run {
        conn.execute(
            "INSERT INTO import_batches (id, source, started_at) VALUES (?1, ?2, ?3)",
            params![batch_id, report.file, now()],
        )?;
    }
    crate::search::defer_indexing(conn)?;
    let locations_before = location_count(conn)?;
    let mut writer = ItemWriter::new(conn, (!options.dry_run).then(|| batch_id.clone()))?;
    writer.create_locations = if options.strict_locations {
        CreateLocations::None
    } else {
        CreateLocations::NamedAndCoded
    };
    let mut repeats = SkuRepeats::default();
    // Every row's SKU is looked up below before it is prepared.
    writer.skus_checked = true;
    writer.remember_skus(REMEMBERED_SKUS)?;
    if options.skip_invalid {
        // A bad row is rolled back to its savepoint; rows queued before it
        // must not be written inside that savepoint, so none are queued.
        writer.batch_rows = 1;
    }
    let mut record = csv::ByteRecord::new();
    loop {
        let line = rdr.position().line();
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                report.push_error(row_error(
                    report,
                    line,
                    "",
                    "",
                    "csv_invalid",
                    e.to_string(),
                ));
                return Err(Error::Import(Box::new(report.clone())));
            }
        }
        let line = record.position().map_or(line, |p| p.line());
        report.rows += 1;
        if record.iter().all(|f| f.is_empty()) {
            report.rows -= 1;
            continue;
        }
        let mut cells: Vec<&str> = Vec::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            match std::str::from_utf8(raw) {
                Ok(s) => cells.push(s),
                Err(e) => {
                    let column = columns.names.get(i).cloned().unwrap_or_default();
                    let bad = raw.get(e.valid_up_to()).copied().unwrap_or(0);
                    report.push_error(row_error(
                        report,
                        line,
                        &column,
                        &String::from_utf8_lossy(raw),
                        "encoding_invalid",
                        format!("not UTF-8 text (byte 0x{bad:02X}); save the file as UTF-8 and import it again"),
                    ));
                    // Never import mojibake: the whole file is refused.
                    return Err(Error::Import(Box::new(report.clone())));
                }
            }
        }
        let skipped = report.skipped;
        write_row(conn, options.skip_invalid, report, |report| {
            import_row(conn, &mut writer, &columns, &cells, line, report)
        })?;
        if report.skipped == skipped {
            if let Some(sku) = columns.sku.and_then(|i| cells.get(i)) {
                repeats.saw(unguard(sku.trim()), line, report);
            }
        }
        if report.rows.is_multiple_of(PROGRESS_EVERY)
            && !progress(ImportProgress {
                rows: report.rows,
                bytes: rdr.get_ref().consumed().min(total_bytes),
                total_bytes,
            })
        {
            return Err(Error::Cancelled);
        }
    }
    progress(ImportProgress {
        rows: report.rows,
        bytes: total_bytes,
        total_bytes,
    });
    writer.flush()?;
    report.locations_created = location_count(conn)? - locations_before;
    if !options.dry_run {
        crate::search::index_deferred(conn)?;
        conn.execute(
            "UPDATE import_batches SET finished_at = ?2, created = ?3, updated = ?4, skipped = ?5 WHERE id = ?1",
            params![batch_id, now(), report.created as i64, report.updated as i64, report.skipped as i64],
        )?;
        let counts = serde_json::json!({
            "file": report.file, "created": report.created, "updated": report.updated, "skipped": report.skipped
        });
        crate::activity::log(
            conn,
            "import",
            "import_batch",
            &batch_id,
            Some(&batch_id),
            None,
            Some(counts),
        )?;
    }
    Ok(())
}

/// Imports one row; on failure returns every error it has.
/// Writes one row and counts its outcome in `report`. With `skip_invalid`
/// the row runs inside a savepoint, so a bad row is rolled back and the
/// rows before it stay; without it, the caller rolls the whole file back
/// when any row failed.
pub(crate) fn write_row(
    conn: &Connection,
    skip_invalid: bool,
    report: &mut ImportReport,
    write: impl FnOnce(&mut ImportReport) -> std::result::Result<Saved, Vec<RowError>>,
) -> Result<()> {
    let outcome = if skip_invalid {
        conn.execute_batch("SAVEPOINT import_row")?;
        let outcome = write(report);
        match outcome {
            Ok(_) => conn.execute_batch("RELEASE import_row")?,
            Err(_) => conn.execute_batch("ROLLBACK TO import_row; RELEASE import_row")?,
        }
        outcome
    } else {
        write(report)
    };
    match outcome {
        Ok(Saved::Created) => report.created += 1,
        Ok(Saved::Updated) => report.updated += 1,
        Ok(Saved::Unchanged) => report.unchanged += 1,
        Err(errors) => {
            report.skipped += 1;
            for e in errors {
                report.push_error(e);
            }
        }
    }
    Ok(())
}

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
    if cells.len() != columns.names.len() {
        return Err(vec![err(
            "",
            "",
            "field_count",
            format!(
                "this row has {} fields but the header has {}",
                cells.len(),
                columns.names.len()
            ),
        )]);
    }
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

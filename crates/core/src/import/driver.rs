//! The one import driver. Every kind of file Trove imports is a
//! [`Format`] of it; the driver owns what they all share: the bulk-write
//! settings, the one IMMEDIATE transaction, the `import_batches` record,
//! deferred search indexing, the activity log entry, and the row loop
//! (CSV and UTF-8 checks, blank rows, field counts, progress and cancel).
//! A bad row rejects the whole file unless `skip_invalid`, which runs each
//! row in a savepoint; a dry run and a cancel keep nothing.

use std::io::BufRead;

use rusqlite::{params, Connection, TransactionBehavior};

use super::{row_error, ImportOptions, ImportReport, RowError};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::items::Saved;
use crate::jobs::{Job, Progress};
use crate::line_ends::CrlfAsLf;
use crate::{new_id, now};

/// Rows between progress reports (and checks for a cancel).
const PROGRESS_EVERY: u64 = 1_000;

/// More rows written than this, and the query planner's statistics are
/// refreshed once the import is kept.
const OPTIMIZE_AFTER: u64 = 10_000;

/// A file this big (in bytes) may be loaded with the items' sort indexes
/// set aside (see [`SetAside`]); smaller files are not worth it.
const SET_ASIDE_FROM_BYTES: u64 = 4 << 20;

/// Bytes of CSV per item row, roughly, to guess a file's rows from its
/// size before reading it (Trove's own export: 200–300).
const BYTES_PER_ROW: u64 = 256;

/// One kind of file: which columns it reads and what each row writes.
/// Opened inside the import's transaction (see [`Store::import_rows`]).
pub(crate) trait Format {
    /// True when the format reads the header column `name`; the others
    /// are listed in the report as ignored.
    fn reads(&self, name: &str) -> bool;

    /// Writes one row (its cells as many as the header's, `line` its
    /// physical line); on failure returns every error it has.
    fn write(
        &mut self,
        tx: &Connection,
        cells: &[&str],
        line: u64,
        report: &mut ImportReport,
    ) -> std::result::Result<Saved, Vec<RowError>>;

    /// Writes what the format held back, once every row is read.
    fn finish(&mut self, tx: &Connection, report: &mut ImportReport) -> Result<()>;
}

/// A CSV file read up to its header row.
pub(crate) struct Input<R> {
    reader: csv::Reader<CrlfAsLf<R>>,
    /// The header cells, trimmed and without a BOM; empty when the file
    /// has no header (nothing, or a first row of empty cells).
    pub header: Vec<String>,
    /// Physical lines before the CSV reader's line 1 (a `sep=` line).
    offset: u64,
    total_bytes: u64,
}

/// Why a header cannot be read: (message, code).
pub(crate) type HeaderError = (String, &'static str);

impl<R: BufRead> Input<R> {
    /// Reads the header of the CSV in `reader`. `skipped` bytes and
    /// `offset` lines of the file were taken before it (a BOM, a `sep=`
    /// line), so progress and line numbers count from the file's start.
    pub(crate) fn new(
        reader: R,
        delimiter: u8,
        (skipped, offset): (u64, u64),
        total_bytes: u64,
    ) -> std::result::Result<Input<R>, HeaderError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(CrlfAsLf::new(reader, skipped));
        let mut record = csv::ByteRecord::new();
        let mut header = Vec::new();
        match reader.read_byte_record(&mut record) {
            Ok(false) => {}
            Ok(true) if record.iter().all(<[u8]>::is_empty) => {}
            Ok(true) => {
                for (i, raw) in record.iter().enumerate() {
                    let Ok(name) = std::str::from_utf8(raw) else {
                        let message = format!(
                            "header column {} is not UTF-8 text; save the file as UTF-8",
                            i + 1
                        );
                        return Err((message, "encoding_invalid"));
                    };
                    header.push(name.trim_start_matches('\u{feff}').trim().to_owned());
                }
            }
            Err(e) => return Err((e.to_string(), "csv_invalid")),
        }
        Ok(Input {
            reader,
            header,
            offset,
            total_bytes,
        })
    }

    /// The physical line of the header.
    pub(crate) fn header_line(&self) -> u64 {
        self.offset + 1
    }
}

/// Lists `error` in `report` and refuses the whole file with it.
pub(crate) fn refuse(mut report: ImportReport, error: RowError) -> Error {
    report.push_error(error);
    Error::Import(Box::new(report))
}

impl Store {
    /// Imports the rows of `input` with the format `open` makes in the
    /// import's transaction, given the batch id (none on a dry run).
    /// Progress goes to `job` every thousand rows; a cancel stops the
    /// import at the next of them, and nothing is kept.
    pub(crate) fn import_rows<R: BufRead>(
        &self,
        mut input: Input<R>,
        report: ImportReport,
        options: &ImportOptions,
        open: impl for<'c> FnOnce(&'c Connection, Option<String>) -> Result<Box<dyn Format + 'c>>,
        job: &mut Job<'_>,
    ) -> Result<ImportReport> {
        let mut conn = self.writer();
        // A page cache big enough for the unique indexes an import probes
        // and the table's growing end (the sort indexes are set aside for a
        // big file, see `SetAside`), and sorts and FTS merges spilled to
        // temporary files rather than held in memory: a million rows
        // import in well under 300 MB. Given back when the import ends.
        // Foreign keys are checked by the formats' writers themselves
        // (every row they point at they have just read or written in this
        // transaction); SQLite's own checks would add a statement journal
        // to every row.
        conn.execute_batch(
            "PRAGMA cache_size = -65536; PRAGMA temp_store = FILE; PRAGMA foreign_keys = OFF;",
        )?;
        let result = in_transaction(&mut conn, &mut input, report, options, open, job);
        conn.execute_batch(
            "PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;
             PRAGMA shrink_memory;",
        )?;
        drop(conn);
        let report = result?;
        if report.committed && report.created + report.updated > OPTIMIZE_AFTER {
            self.optimize()?;
        }
        Ok(report)
    }
}

fn in_transaction<R: BufRead>(
    conn: &mut Connection,
    input: &mut Input<R>,
    mut report: ImportReport,
    options: &ImportOptions,
    open: impl for<'c> FnOnce(&'c Connection, Option<String>) -> Result<Box<dyn Format + 'c>>,
    job: &mut Job<'_>,
) -> Result<ImportReport> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let batch_id = new_id();
    if !options.dry_run {
        tx.execute(
            "INSERT INTO import_batches (id, source, started_at) VALUES (?1, ?2, ?3)",
            params![batch_id, report.file, now()],
        )?;
    }
    crate::search::defer_indexing(&tx)?;
    let set_aside = SetAside::for_import(&tx, input.total_bytes)?;
    {
        let mut format = open(&tx, (!options.dry_run).then(|| batch_id.clone()))?;
        report.ignored_columns = input
            .header
            .iter()
            .filter(|n| !n.is_empty() && !format.reads(n))
            .cloned()
            .collect();
        rows(&tx, input, format.as_mut(), options, &mut report, job)?;
        format.finish(&tx, &mut report)?;
    }
    let kept = !options.dry_run && (report.error_count == 0 || options.skip_invalid);
    if let Some(set_aside) = set_aside.filter(|_| kept) {
        // Rolled back with the transaction otherwise, drops and all.
        set_aside.restore(&tx)?;
    }
    if !options.dry_run {
        crate::search::index_deferred(&tx)?;
        tx.execute(
            "UPDATE import_batches SET finished_at = ?2, created = ?3, updated = ?4, skipped = ?5 WHERE id = ?1",
            params![batch_id, now(), report.created as i64, report.updated as i64, report.skipped as i64],
        )?;
        let counts = serde_json::json!({
            "file": report.file, "created": report.created, "updated": report.updated,
            "skipped": report.skipped
        });
        crate::activity::log(
            &tx,
            "import",
            "import_batch",
            &batch_id,
            Some(&batch_id),
            None,
            Some(counts),
        )?;
    }
    settle(tx, options, report)
}

/// The items' sort and filter indexes, dropped for a big import into a
/// table smaller than the file and built again, each in one sorted pass,
/// before it commits. Filling a dozen b-trees row by row in random key
/// order is most of a bulk load's cost; building them after is a sort.
/// All of it is inside the import's transaction: a rejected file, a dry
/// run, a cancel or a crash rolls the drops back with the rows, and other
/// connections never see the table without them. The unique indexes (SKU,
/// id) stay: the import looks items up by them, and they keep their rules.
struct SetAside {
    /// `CREATE INDEX` statements, as the schema wrote them.
    indexes: Vec<String>,
}

impl SetAside {
    fn for_import(tx: &Connection, total_bytes: u64) -> Result<Option<SetAside>> {
        let rows = total_bytes / BYTES_PER_ROW;
        if total_bytes < SET_ASIDE_FROM_BYTES {
            return Ok(None);
        }
        let existing: i64 =
            tx.query_row("SELECT ifnull(max(seq), 0) FROM items", [], |r| r.get(0))?;
        if existing as u64 > rows {
            return Ok(None);
        }
        let mut stmt = tx.prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index'
               AND tbl_name IN ('items', 'stock_movements')
               AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
        )?;
        let found: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &found {
            tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(Some(SetAside {
            indexes: found.into_iter().map(|(_, sql)| sql).collect(),
        }))
    }

    fn restore(self, tx: &Connection) -> Result<()> {
        for sql in &self.indexes {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// Reads every data row and writes it with `format`. A row whose every
/// cell is empty after trimming ASCII whitespace is blank: skipped, and
/// not counted. A file the CSV parser cannot read, or that is not UTF-8,
/// is refused whole whatever the options.
fn rows<R: BufRead>(
    tx: &Connection,
    input: &mut Input<R>,
    format: &mut dyn Format,
    options: &ImportOptions,
    report: &mut ImportReport,
    job: &mut Job<'_>,
) -> Result<()> {
    let mut record = csv::ByteRecord::new();
    loop {
        let before = input.reader.position().line() + input.offset;
        match input.reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let e = row_error(report, before, "", "", "csv_invalid", e.to_string());
                return Err(refuse(report.clone(), e));
            }
        }
        let line = record
            .position()
            .map_or(before, |p| p.line() + input.offset);
        if record.iter().all(|f| f.trim_ascii().is_empty()) {
            continue;
        }
        report.rows += 1;
        let mut cells: Vec<&str> = Vec::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            match std::str::from_utf8(raw) {
                Ok(s) => cells.push(s),
                Err(e) => {
                    let column = input.header.get(i).cloned().unwrap_or_default();
                    let bad = raw.get(e.valid_up_to()).copied().unwrap_or(0);
                    let message = format!(
                        "not UTF-8 text (byte 0x{bad:02X}); save the file as UTF-8 and import it again"
                    );
                    let value = String::from_utf8_lossy(raw).into_owned();
                    let e = row_error(report, line, &column, &value, "encoding_invalid", message);
                    // Never import mojibake: the whole file is refused.
                    return Err(refuse(report.clone(), e));
                }
            }
        }
        if cells.len() != input.header.len() {
            let message = format!(
                "this row has {} fields but the header has {}",
                cells.len(),
                input.header.len()
            );
            let e = row_error(report, line, "", "", "field_count", message);
            report.skipped += 1;
            report.push_error(e);
        } else {
            write_row(tx, options.skip_invalid, report, |report| {
                format.write(tx, &cells, line, report)
            })?;
        }
        if report.rows.is_multiple_of(PROGRESS_EVERY) {
            let bytes = input.reader.get_ref().consumed();
            job.tick(|| Progress::through_file(report.rows, bytes, input.total_bytes))?;
        }
    }
    job.finish(Progress::through_file(
        report.rows,
        input.total_bytes,
        input.total_bytes,
    ));
    Ok(())
}

/// Writes one row and counts its outcome in `report`. With `skip_invalid`
/// the row runs inside a savepoint, so a bad row is rolled back and the
/// rows before it stay; without it, [`settle`] rolls the whole file back
/// when any row failed.
fn write_row(
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

/// Ends an import's transaction: kept when it was for real and no row
/// failed (or bad rows were to be skipped), rolled back otherwise. A file
/// refused for its errors is an [`Error::Import`] carrying the report.
fn settle(
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

//! Running a preset over a file: one IMMEDIATE transaction, every row
//! checked, bad rows reported with their physical line, and nothing kept
//! when any row is bad (unless `skip_invalid`) or on a dry run.

use std::path::Path;

use rusqlite::{params, Connection, TransactionBehavior};

use super::layout::{Columns, Layout, Row};
use super::source::Source;
use super::writer::CardWriter;
use super::{dragonshield, homebox, manabox, tcgplayer, Preset};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::import::{row_error, settle, write_row, ImportOptions, ImportProgress, ImportReport};
use crate::{new_id, now};

/// Rows between progress callbacks.
const PROGRESS_EVERY: u64 = 1_000;

impl Store {
    /// Imports a collection file with `preset`, or with the preset its
    /// header names when `None`; a file that is none of the card apps'
    /// layouts goes to the generic importer ([`Store::import_csv`]).
    /// `progress` is called every thousand rows; returning `false` cancels,
    /// and nothing is kept.
    pub fn import_cards(
        &self,
        path: &Path,
        preset: Option<Preset>,
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        let mut report = ImportReport {
            file: path.display().to_string(),
            dry_run: options.dry_run,
            ..ImportReport::default()
        };
        let source = match Source::open(path)? {
            Ok(source) => source,
            Err((message, code)) => {
                let e = row_error(&report, 1, "", "", code, message);
                report.push_error(e);
                return Err(Error::Import(Box::new(report)));
            }
        };
        let detected = Preset::detect(&source.header);
        let preset = match (preset, detected) {
            // `tcgplayer` names both of TCGplayer's files.
            (Some(Preset::TcgplayerCollection), Some(Preset::TcgplayerSeller)) => {
                Preset::TcgplayerSeller
            }
            (Some(chosen), _) => chosen,
            (None, Some(found)) => found,
            (None, None) => Preset::Generic,
        };
        if preset == Preset::Generic {
            drop(source);
            return self.import_csv(path, options, progress);
        }
        report.layout = Some(preset);
        let layout = match layout(preset, &source.header) {
            Ok(layout) => layout,
            Err(missing) => {
                for name in missing {
                    let message = format!(
                        "the header has no '{name}' column, which a {} file needs",
                        preset.as_str()
                    );
                    let e = row_error(
                        &report,
                        source.header_line(),
                        &name,
                        "",
                        "column_missing",
                        message,
                    );
                    report.push_error(e);
                }
                return Err(Error::Import(Box::new(report)));
            }
        };
        report.ignored_columns = source
            .header
            .iter()
            .filter(|n| !n.is_empty() && !layout.reads(n))
            .cloned()
            .collect();
        let mut conn = self.writer();
        // As the generic importer: a large page cache while the indexes
        // grow, and foreign keys checked by the writer itself (every row it
        // points at it has just read or written in this transaction).
        conn.execute_batch("PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF;")?;
        let result = run(
            &mut conn,
            source,
            layout.as_ref(),
            options,
            report,
            progress,
        );
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

/// The layout for `preset`, or the required columns the header lacks.
fn layout(preset: Preset, header: &[String]) -> Result<Box<dyn Layout>, Vec<String>> {
    let columns = Columns {
        names: header,
        exact: preset == Preset::Homebox,
    };
    Ok(match preset {
        Preset::ManaBox => Box::new(manabox::ManaBox::new(&columns)?),
        Preset::TcgplayerCollection => Box::new(tcgplayer::Collection::new(&columns)?),
        Preset::TcgplayerSeller => Box::new(tcgplayer::Seller::new(&columns)?),
        Preset::DragonShield => Box::new(dragonshield::DragonShield::new(&columns)?),
        Preset::Homebox => Box::new(homebox::Homebox::new(&columns)?),
        Preset::Generic => unreachable!("the generic importer reads generic files"),
    })
}

fn run(
    conn: &mut Connection,
    mut source: Source,
    layout: &dyn Layout,
    options: &ImportOptions,
    mut report: ImportReport,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<ImportReport> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    rows(&tx, &mut source, layout, options, &mut report, progress)?;
    settle(tx, options, report)
}

fn rows(
    tx: &Connection,
    source: &mut Source,
    layout: &dyn Layout,
    options: &ImportOptions,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<()> {
    let batch_id = new_id();
    if !options.dry_run {
        tx.execute(
            "INSERT INTO import_batches (id, source, started_at) VALUES (?1, ?2, ?3)",
            params![batch_id, report.file, now()],
        )?;
    }
    crate::search::defer_indexing(tx)?;
    let mut writer = CardWriter::new(tx, (!options.dry_run).then(|| batch_id.clone()))?;
    let mut record = csv::ByteRecord::new();
    loop {
        let before = source.reader.position().line() + source.offset;
        match source.reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let e = row_error(report, before, "", "", "csv_invalid", e.to_string());
                report.push_error(e);
                return Err(Error::Import(Box::new(report.clone())));
            }
        }
        let line = record
            .position()
            .map_or(before, |p| p.line() + source.offset);
        if record.iter().all(|f| f.trim_ascii().is_empty()) {
            continue;
        }
        report.rows += 1;
        let mut cells: Vec<&str> = Vec::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            match std::str::from_utf8(raw) {
                Ok(s) => cells.push(s),
                Err(e) => {
                    let column = source.header.get(i).cloned().unwrap_or_default();
                    let bad = raw.get(e.valid_up_to()).copied().unwrap_or(0);
                    let message = format!(
                        "not UTF-8 text (byte 0x{bad:02X}); save the file as UTF-8 and import it again"
                    );
                    let value = String::from_utf8_lossy(raw).into_owned();
                    let e = row_error(report, line, &column, &value, "encoding_invalid", message);
                    report.push_error(e);
                    // Never import mojibake: the whole file is refused.
                    return Err(Error::Import(Box::new(report.clone())));
                }
            }
        }
        let row = Row {
            cells: &cells,
            names: &source.header,
        };
        if cells.len() != source.header.len() {
            let error = row_error(
                report,
                line,
                "",
                "",
                "field_count",
                format!(
                    "this row has {} fields but the header has {}",
                    cells.len(),
                    source.header.len()
                ),
            );
            report.skipped += 1;
            report.push_error(error);
        } else {
            write_row(tx, options.skip_invalid, report, |report| {
                writer.write(layout, &row, line, report)
            })?;
        }
        if report.rows.is_multiple_of(PROGRESS_EVERY)
            && !progress(ImportProgress {
                rows: report.rows,
                bytes: source.bytes_read(),
                total_bytes: source.total_bytes,
            })
        {
            return Err(Error::Cancelled);
        }
    }
    progress(ImportProgress {
        rows: report.rows,
        bytes: source.total_bytes,
        total_bytes: source.total_bytes,
    });
    writer.finish()?;
    if !options.dry_run {
        crate::search::index_deferred(tx)?;
        tx.execute(
            "UPDATE import_batches SET finished_at = ?2, created = ?3, updated = ?4, skipped = ?5 WHERE id = ?1",
            params![batch_id, now(), report.created as i64, report.updated as i64, report.skipped as i64],
        )?;
        let counts = serde_json::json!({
            "file": report.file, "created": report.created, "updated": report.updated,
            "skipped": report.skipped
        });
        crate::activity::log(
            tx,
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

//! Import: streamed row by row, validated by the same rules as the app,
//! and atomic. By default one bad row rejects the whole file and the
//! database is left exactly as it was; every error names its file, line,
//! column and value. One driver (`driver`) reads every kind of file; each
//! kind is a format of it (`formats/`): Trove's own CSV here, the card
//! apps' files in [`Store::import_cards`].

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use crate::db::Store;
use crate::error::{Error, Result};
use crate::jobs::Job;

pub(crate) mod driver;
pub mod format;
mod formats;
pub(crate) mod report;
pub(crate) use report::row_error;
pub use report::{ImportReport, RepeatedSku, RowError, MAX_ERRORS_LISTED};

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

impl Store {
    /// Imports the CSV file at `path`, reporting to `job` every thousand
    /// rows; a cancel keeps nothing.
    pub fn import_csv(
        &self,
        path: &Path,
        options: &ImportOptions,
        job: &mut Job<'_>,
    ) -> Result<ImportReport> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let total_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
        let name = path.display().to_string();
        self.import_reader(
            BufReader::with_capacity(1 << 20, file),
            &name,
            total_bytes,
            options,
            job,
        )
    }

    /// Imports CSV from any reader; `name` names it in errors.
    pub fn import_reader(
        &self,
        reader: impl Read,
        name: &str,
        total_bytes: u64,
        options: &ImportOptions,
        job: &mut Job<'_>,
    ) -> Result<ImportReport> {
        let report = ImportReport {
            file: name.to_string(),
            dry_run: options.dry_run,
            ..ImportReport::default()
        };
        let reader = BufReader::with_capacity(1 << 16, reader);
        let input = match driver::Input::new(reader, b',', (0, 0), total_bytes) {
            Ok(input) => input,
            Err((message, code)) => {
                let e = row_error(&report, 1, "", "", code, message);
                return Err(driver::refuse(report, e));
            }
        };
        // A file whose header is unusable has no good rows to keep.
        let columns = match formats::items::columns(&input.header, &report) {
            Ok(columns) => columns,
            Err(e) => return Err(driver::refuse(report, *e)),
        };
        self.import_rows(
            input,
            report,
            options,
            |tx, batch_id| {
                let items = formats::items::Items::open(tx, batch_id, columns, options)?;
                Ok(Box::new(items))
            },
            job,
        )
    }
}

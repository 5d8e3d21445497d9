//! The card apps' collection files (ManaBox, TCGplayer, Dragon Shield,
//! Homebox) as a format of the import driver: the preset's layout
//! (`crate::cards::presets`) reads each row into an item and its card, and
//! [`CardWriter`] writes them.

use std::path::Path;

use crate::cards::presets::{self, Preset};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::import::driver::refuse;
use crate::import::{row_error, ImportOptions, ImportReport};
use crate::jobs::Job;

mod writer;

use writer::{CardFormat, CardWriter};

impl Store {
    /// Imports a collection file with `preset`, or with the preset its
    /// header names when `None`; a file that is none of the card apps'
    /// layouts goes to the generic importer ([`Store::import_csv`]).
    /// Progress goes to `job` every thousand rows; a cancel keeps nothing.
    pub fn import_cards(
        &self,
        path: &Path,
        preset: Option<Preset>,
        options: &ImportOptions,
        job: &mut Job<'_>,
    ) -> Result<ImportReport> {
        let mut report = ImportReport {
            file: path.display().to_string(),
            dry_run: options.dry_run,
            ..ImportReport::default()
        };
        let input = match presets::open(path)? {
            Ok(input) => input,
            Err((message, code)) => {
                let e = row_error(&report, 1, "", "", code, message);
                return Err(refuse(report, e));
            }
        };
        let detected = Preset::detect(&input.header);
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
            drop(input);
            return self.import_csv(path, options, job);
        }
        report.layout = Some(preset);
        let layout = match preset.layout(&input.header) {
            Ok(layout) => layout,
            Err(missing) => {
                for name in missing {
                    let message = format!(
                        "the header has no '{name}' column, which a {} file needs",
                        preset.as_str()
                    );
                    let e = row_error(
                        &report,
                        input.header_line(),
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
        let header = input.header.clone();
        self.import_rows(
            input,
            report,
            options,
            |tx, batch_id| {
                let writer = CardWriter::new(tx, batch_id)?;
                Ok(Box::new(CardFormat {
                    layout,
                    header,
                    writer,
                }))
            },
            job,
        )
    }
}

//! What an import reports: counts, every row error (file, line, column,
//! value), repeated SKUs and locations created. Kept apart from the
//! importer so the error type can carry a report without importing it.

use serde::Serialize;

/// A SKU on more than one line of a file: each later line updated the
/// item the line before it wrote. Kept as the rule (a file may correct
/// itself), but listed, so a typo is visible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RepeatedSku {
    pub sku: String,
    /// Every line the SKU is on, in order.
    pub lines: Vec<u64>,
}

impl std::fmt::Display for RepeatedSku {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.lines.iter().map(u64::to_string).collect();
        match lines.as_slice() {
            [first, second] => write!(
                f,
                "SKU {} is on lines {first} and {second}; line {second} updated line {first}",
                self.sku
            ),
            [init @ .., last] => write!(
                f,
                "SKU {} is on lines {} and {last}; each line updated the one before it",
                self.sku,
                init.join(", ")
            ),
            [] => write!(f, "SKU {}", self.sku),
        }
    }
}

/// One rejected cell (or row, when `column` is empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RowError {
    pub file: String,
    /// The line the row starts on, counting the header as line 1.
    pub line: u64,
    pub column: String,
    pub value: String,
    pub code: String,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(
                f,
                "{}:{}: column {} = {:?}: {}",
                self.file, self.line, self.column, self.value, self.message
            )
        }
    }
}

/// What an import did (or, for a dry run or a rejected file, would do).
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS)]
pub struct ImportReport {
    pub file: String,
    /// The layout the file was read as, when it was another app's (as
    /// chosen, or recognised from its header); none for Trove's own CSV
    /// and the generic mapping.
    pub layout: Option<super::format::Preset>,
    /// Data rows read.
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Rows left out because they had errors.
    pub skipped: u64,
    /// True when the changes were committed.
    pub committed: bool,
    pub dry_run: bool,
    /// Header columns Trove does not know, which were ignored.
    pub ignored_columns: Vec<String>,
    /// Bins and sections the file's locations created (or, dry, would).
    pub locations_created: u64,
    /// SKUs on more than one line, up to [`MAX_ERRORS_LISTED`].
    pub repeated_skus: Vec<RepeatedSku>,
    /// How many SKUs were repeated in all.
    pub repeated_sku_count: u64,
    /// Every error, up to [`MAX_ERRORS_LISTED`].
    pub errors: Vec<RowError>,
    /// How many errors there were in all.
    pub error_count: u64,
}

/// Errors listed in full in a report; the count goes on past this.
pub const MAX_ERRORS_LISTED: usize = 1_000;

impl ImportReport {
    /// One line for a person.
    pub fn summary(&self) -> String {
        if self.error_count > 0 && !self.committed && !self.dry_run {
            let first = self
                .errors
                .first()
                .map(|e| format!("; first: {e}"))
                .unwrap_or_default();
            format!(
                "{} was not imported: {} error(s) in {} row(s); nothing was changed{first}",
                self.file, self.error_count, self.rows
            )
        } else {
            format!(
                "{}{}{}: {} rows, {} created, {} updated, {} unchanged, {} skipped",
                self.file,
                self.layout
                    .map(|l| format!(" (read as {})", l.as_str()))
                    .unwrap_or_default(),
                if self.dry_run {
                    " (dry run, nothing written)"
                } else {
                    ""
                },
                self.rows,
                self.created,
                self.updated,
                self.unchanged,
                self.skipped
            ) + &self.notes()
        }
    }

    /// What else a person should know: locations created, SKUs repeated.
    fn notes(&self) -> String {
        let mut notes = String::new();
        if self.locations_created > 0 {
            notes += &format!(
                "; {} new bin(s) and section(s) {}",
                self.locations_created,
                if self.committed {
                    "created"
                } else {
                    "would be created"
                }
            );
        }
        if self.repeated_sku_count > 0 {
            notes += &format!("; {} SKU(s) on more than one line", self.repeated_sku_count);
        }
        notes
    }

    pub(crate) fn push_error(&mut self, e: RowError) {
        self.error_count += 1;
        if self.errors.len() < MAX_ERRORS_LISTED {
            self.errors.push(e);
        }
    }
}

pub(crate) fn row_error(
    report: &ImportReport,
    line: u64,
    column: &str,
    value: &str,
    code: &str,
    message: String,
) -> RowError {
    RowError {
        file: report.file.clone(),
        line,
        column: column.to_string(),
        value: value.to_string(),
        code: code.to_string(),
        message,
    }
}

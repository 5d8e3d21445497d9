//! What every preset shares: finding columns by name, reading a row's
//! cells, the entry a row becomes and the errors it can have.

use std::collections::BTreeMap;

use super::words::{boolean, price};
use crate::cards::Card;
use crate::import::{row_error, ImportReport, RowError};
use crate::item::ItemChanges;
use crate::money::{Currency, Money};

/// One row as a preset reads it.
#[derive(Debug, Default)]
pub(crate) struct Entry {
    pub changes: ItemChanges,
    pub card: Option<Card>,
    /// The binder or folder the row sits in: (collection name, kind).
    pub collection: Option<(String, &'static str)>,
    /// What identifies the row's item when the same file (or a later
    /// export of the same collection) is imported again; `None` when the
    /// row's SKU does that.
    pub key: Option<String>,
    /// Homebox: the import ref of the item that holds this one.
    pub parent: Option<String>,
}

impl Entry {
    /// Sets a custom field, unless `value` is empty.
    pub fn field(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        if !value.trim().is_empty() {
            self.changes
                .fields
                .get_or_insert_with(BTreeMap::new)
                .insert(name.to_owned(), value.trim().to_owned());
        }
    }
}

/// One bad cell (or row, when `column` is empty).
#[derive(Debug)]
pub(crate) struct CellError {
    pub column: String,
    pub value: String,
    pub code: String,
    pub message: String,
}

/// How a preset reads a row.
pub(crate) trait Layout {
    /// The entry a row becomes, or every problem it has.
    fn read(&self, row: &Row<'_>) -> Result<Entry, Vec<CellError>>;
    /// Which column fed each Trove field (`quantity`, `cost`, `year`…), to
    /// name the file's own column when the item or card rules refuse it.
    fn sources(&self) -> &[(&'static str, usize)];
    /// True when the preset reads the header column `name`.
    fn reads(&self, name: &str) -> bool;
}

/// The header, looked up by name: case-insensitively, or exactly for
/// formats whose names are case-sensitive (Homebox).
pub(super) struct Columns<'h> {
    pub names: &'h [String],
    pub exact: bool,
}

impl Columns<'_> {
    pub fn find(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| {
            if self.exact {
                n == name
            } else {
                n.eq_ignore_ascii_case(name)
            }
        })
    }

    /// The first of `names` the header has.
    pub fn any(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.find(n))
    }

    /// Every name of `required` the header lacks.
    pub fn missing(&self, required: &[&[&str]]) -> Vec<String> {
        required
            .iter()
            .filter(|names| self.any(names).is_none())
            .map(|names| names[0].to_owned())
            .collect()
    }
}

/// A preset's columns as a file has them, found by name once.
pub(super) struct Found {
    header: &'static [&'static str],
    /// Where each name of `header` is in the file.
    col: Vec<Option<usize>>,
    sources: Vec<(&'static str, usize)>,
}

impl Found {
    /// Finds the preset's `header` names in the file's columns, or lists
    /// the `required` ones it lacks (each given with its alternatives).
    /// `sources` pairs Trove fields with the column that feeds them.
    pub fn new(
        columns: &Columns<'_>,
        header: &'static [&'static str],
        required: &[&[&str]],
        sources: &[(&'static str, &str)],
    ) -> Result<Found, Vec<String>> {
        let missing = columns.missing(required);
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(Found {
            header,
            col: header.iter().map(|n| columns.find(n)).collect(),
            sources: sources
                .iter()
                .filter_map(|(field, name)| Some((*field, columns.find(name)?)))
                .collect(),
        })
    }

    /// Where the preset's column `name` is, if the file has it.
    pub fn get(&self, name: &str) -> Option<usize> {
        let i = self.header.iter().position(|h| *h == name);
        debug_assert!(i.is_some(), "{name} is not one of the preset's columns");
        self.col[i?]
    }

    pub fn sources(&self) -> &[(&'static str, usize)] {
        &self.sources
    }

    pub fn reads(&self, name: &str) -> bool {
        self.header.iter().any(|h| h.eq_ignore_ascii_case(name))
    }
}

/// A data row: its cells and the header that names them.
pub(crate) struct Row<'r> {
    pub cells: &'r [&'r str],
    pub names: &'r [String],
}

impl Row<'_> {
    /// The cell as written ("" when the row is short).
    pub fn raw(&self, col: usize) -> &str {
        self.cells.get(col).copied().unwrap_or_default()
    }

    /// The cell trimmed, or `None` when there is no column or it is empty.
    pub fn text(&self, col: Option<usize>) -> Option<&str> {
        let t = self.raw(col?).trim();
        (!t.is_empty()).then_some(t)
    }

    /// The cell as owned text, for the item's fields.
    pub fn owned(&self, col: Option<usize>) -> Option<String> {
        self.text(col).map(str::to_owned)
    }

    pub fn error(&self, col: usize, code: &str, message: impl Into<String>) -> CellError {
        CellError {
            column: self.names.get(col).cloned().unwrap_or_default(),
            value: self.raw(col).to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }
    }

    /// The cell's column and trimmed text, when it has any.
    pub fn cell(&self, col: Option<usize>) -> Option<(usize, &str)> {
        let col = col?;
        Some((col, self.text(Some(col))?))
    }

    /// The cell as `read` makes it: `None` when the cell is empty, or when
    /// `read` refuses it, which is then an error `code` saying
    /// "'<text>' is not <what>".
    pub fn read<T>(
        &self,
        col: Option<usize>,
        errors: &mut Vec<CellError>,
        (code, what): (&str, &str),
        read: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let (col, text) = self.cell(col)?;
        let found = read(text);
        if found.is_none() {
            errors.push(self.error(col, code, format!("'{text}' is not {what}")));
        }
        found
    }

    /// A whole number ≥ 0 (`None` when empty), or an error naming the cell.
    pub fn count(&self, col: Option<usize>, errors: &mut Vec<CellError>) -> Option<i64> {
        self.read(
            col,
            errors,
            ("number_invalid", "a whole number of 0 or more"),
            |t| {
                // Homebox writes quantities as floats since v0.25 ("2" or "2.0").
                let whole = t.strip_suffix(".0").unwrap_or(t);
                whole.parse::<i64>().ok().filter(|n| *n >= 0)
            },
        )
    }

    /// `true`/`false` (false when empty), or an error naming the cell.
    pub fn flag(&self, col: Option<usize>, errors: &mut Vec<CellError>) -> bool {
        self.read(col, errors, ("boolean_invalid", "true or false"), boolean)
            .unwrap_or(false)
    }

    /// A market price in US dollars, as the card apps give them.
    pub fn dollars(&self, col: Option<usize>, errors: &mut Vec<CellError>) -> Option<Money> {
        let (col, text) = self.cell(col)?;
        let usd = Currency::parse("USD").expect("USD is ISO 4217");
        Money::parse(&price(text), usd)
            .map_err(|e| errors.push(self.error(col, e.code(), e.to_string())))
            .ok()
    }
}

/// A preset's cell error at `line`, as the import report lists it.
pub(crate) fn cell_error(report: &ImportReport, line: u64, e: CellError) -> RowError {
    row_error(report, line, &e.column, &e.value, &e.code, e.message)
}

//! Opening a collection file: a UTF-8 BOM, Dragon Shield's `"sep=,"` first
//! line and Homebox's old tab-separated exports are dealt with here, so the
//! import driver reads a header and rows that know their physical lines.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::error::{Error, Result};
use crate::import::driver::{HeaderError, Input};

/// Opens `path` and reads its header, past a BOM and a `sep=` line. An
/// empty file has an empty header.
pub(crate) fn open(
    path: &Path,
) -> Result<std::result::Result<Input<BufReader<File>>, HeaderError>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let total_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut buffered = BufReader::with_capacity(1 << 20, file);
    let mut skipped = 0u64;
    let head = buffered.fill_buf().map_err(|e| Error::io(path, e))?;
    if head.starts_with(b"\xEF\xBB\xBF") {
        buffered.consume(3);
        skipped += 3;
    }
    let head = buffered.fill_buf().map_err(|e| Error::io(path, e))?;
    let first_line = head
        .split(|b| *b == b'\n')
        .next()
        .unwrap_or_default()
        .to_vec();
    let mut offset = 0;
    let mut delimiter = b',';
    if let Some(sep) = sep_line(&first_line) {
        delimiter = sep;
        let end = (first_line.len() + 1).min(head.len());
        buffered.consume(end);
        skipped += end as u64;
        offset = 1;
    } else if is_tab_separated(&first_line) {
        delimiter = b'\t';
    }
    Ok(Input::new(
        buffered,
        delimiter,
        (skipped, offset),
        total_bytes,
    ))
}

/// The delimiter an Excel `sep=` hint names (`sep=,` or `"sep=,"`).
fn sep_line(line: &[u8]) -> Option<u8> {
    let text = std::str::from_utf8(line)
        .ok()?
        .trim_end_matches('\r')
        .trim();
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let rest = text.get(..4).filter(|h| h.eq_ignore_ascii_case("sep="))?;
    let sep = &text.as_bytes()[rest.len()..];
    match sep {
        [one] => Some(*one),
        _ => None,
    }
}

/// Homebox before v0.11.1 wrote TSV; it reads a tab-separated header as
/// one with a tab and no comma, or a tab after its first comma.
fn is_tab_separated(line: &[u8]) -> bool {
    let tab = line.iter().rposition(|b| *b == b'\t');
    let comma = line.iter().position(|b| *b == b',');
    match (tab, comma) {
        (Some(_), None) => true,
        (Some(t), Some(c)) => t > c,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sep_hints_and_tabs_are_recognised() {
        assert_eq!(sep_line(b"\"sep=,\"\r"), Some(b','));
        assert_eq!(sep_line(b"sep=;"), Some(b';'));
        assert_eq!(sep_line(b"Folder Name,Quantity"), None);
        assert!(is_tab_separated(b"HB.name\tHB.location"));
        assert!(!is_tab_separated(b"HB.name,HB.location"));
    }
}

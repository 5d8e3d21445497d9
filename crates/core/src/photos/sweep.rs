//! The doctor's part for photos: rows whose files are missing, thumbnails
//! to regenerate, and files no row uses (left by a crash between writing a
//! file and its row, or by a delete cut short) to remove.

use std::collections::HashSet;
use std::fs;

use super::decode;
use super::files::{PhotoFiles, PhotoFormat, ThumbSize};
use crate::db::Store;
use crate::doctor::Check;
use crate::error::{Error, Result};

/// Writes a stored file's thumbnails again from its original.
pub(crate) fn rewrite_thumbnails(
    files: &PhotoFiles,
    hash: &str,
    format: PhotoFormat,
) -> Result<()> {
    let original = files.original(hash, format);
    let bytes = fs::read(&original).map_err(|e| Error::io(&original, e))?;
    let decoded = decode::decode(&bytes, format).map_err(|reason| {
        Error::io(
            &original,
            std::io::Error::new(std::io::ErrorKind::InvalidData, reason),
        )
    })?;
    files.write_atomically(
        &files.thumbnail(hash, ThumbSize::Small),
        &decoded.small,
        || {},
    )?;
    files.write_atomically(
        &files.thumbnail(hash, ThumbSize::Large),
        &decoded.large,
        || {},
    )
}

impl Store {
    /// Checks the photo store against the photo rows, repairing what can be
    /// repaired: missing thumbnails are drawn again, unused files removed.
    pub(crate) fn photo_checks(&self) -> Result<Vec<Check>> {
        let files = self.photo_files();
        // The writer is held throughout, so no delete or import in this
        // process writes a row while files are judged; imports in any
        // process hold the store's import lock while their files lack rows.
        let conn = self.writer();
        let mut stored: Vec<(String, PhotoFormat)> = Vec::new();
        {
            let mut stmt =
                conn.prepare("SELECT DISTINCT hash, format FROM photos ORDER BY hash")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            for row in rows {
                let (hash, format) = row?;
                if let Some(format) = PhotoFormat::parse(&format) {
                    stored.push((hash, format));
                }
            }
        }

        let mut rows = Check {
            name: "photo files",
            problems: Vec::new(),
            repaired: 0,
        };
        for (hash, format) in &stored {
            let original = files.original(hash, *format);
            if !original.is_file() {
                rows.problems.push(format!(
                    "the original of photo {hash} is missing ({}); restore it from a backup",
                    original.display()
                ));
                continue;
            }
            let missing = ThumbSize::ALL
                .iter()
                .filter(|s| !files.thumbnail(hash, **s).is_file())
                .count();
            if missing > 0 {
                match rewrite_thumbnails(&files, hash, *format) {
                    Ok(()) => {
                        rows.problems
                            .push(format!("photo {hash} was missing {missing} thumbnail(s)"));
                        rows.repaired += 1;
                    }
                    Err(e) => rows
                        .problems
                        .push(format!("photo {hash}'s thumbnails could not be drawn: {e}")),
                }
            }
        }

        let mut leftovers = Check {
            name: "unused photo files",
            problems: Vec::new(),
            repaired: 0,
        };
        if !files.root().exists() {
            return Ok(vec![rows, leftovers]);
        }
        let Some(_sweeping) = files.try_lock_for_sweep()? else {
            leftovers.problems.push(
                "a photo import is running, so unused files were not looked for; \
                 run the doctor again when it has finished"
                    .into(),
            );
            return Ok(vec![rows, leftovers]);
        };
        let used: HashSet<&str> = stored.iter().map(|(h, _)| h.as_str()).collect();
        let used_original: HashSet<(&str, PhotoFormat)> =
            stored.iter().map(|(h, f)| (h.as_str(), *f)).collect();
        for file in files.stored_files()? {
            let unused = match (&file.hash, file.original) {
                // A temporary file outlives only a crashed write.
                (None, _) => file.path.starts_with(files.root().join("tmp")),
                (Some(hash), true) => file
                    .format
                    .is_none_or(|f| !used_original.contains(&(hash.as_str(), f))),
                (Some(hash), false) => !used.contains(hash.as_str()),
            };
            if !unused {
                continue;
            }
            leftovers
                .problems
                .push(format!("{} was not used by any photo", file.path.display()));
            fs::remove_file(&file.path).map_err(|e| Error::io(&file.path, e))?;
            leftovers.repaired += 1;
        }
        drop(conn);
        Ok(vec![rows, leftovers])
    }
}

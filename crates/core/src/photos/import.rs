//! Importing photos: files and whole folders, on every core, with progress
//! and cancel. Each file is read, hashed, decoded and written by a worker;
//! the calling thread alone writes rows, in the order the files were given,
//! and only after their files are on disk.
//!
//! Bad files are skipped with the reason and the rest go on. Cancelling
//! keeps what was finished.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::OnceLock;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::decode::{self, Decoded};
use super::files::{PhotoFiles, PhotoFormat, ThumbSize};
use super::{
    ensure_cover, live_item_id, log_photos, next_position, photos_by_id, Photo, PHOTOS_ADDED,
};
use crate::db::Store;
use crate::error::Result;
use crate::jobs::{Job, Progress};

/// Files bigger than this are refused unread (no photo comes near it).
pub const MAX_FILE_BYTES: u64 = 512 << 20;

/// Extensions taken from a folder; other files there (sidecars, notes,
/// `.DS_Store`) are passed over. A file named on its own is always tried.
const PHOTO_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "jpe", "jfif", "png", "webp", "gif", "tif", "tiff", "heic", "heif", "avif",
];

/// A file that was not imported, and why.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PhotoSkip {
    pub path: String,
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS)]
pub struct PhotoImportReport {
    /// New photos in the target place (a file the store already had is
    /// linked again, not copied).
    pub imported: Vec<Photo>,
    /// Files that were already in the target place: nothing changed.
    pub already: Vec<Photo>,
    pub skipped: Vec<PhotoSkip>,
    /// Files in the given folders that are not photos by their extension.
    #[ts(type = "number")]
    pub ignored: u64,
    pub cancelled: bool,
}

impl PhotoImportReport {
    /// True when every file was imported or was already there.
    pub fn complete(&self) -> bool {
        self.skipped.is_empty() && !self.cancelled
    }
}

struct Source {
    path: PathBuf,
    size: u64,
}

/// What a worker made of one file.
enum Outcome {
    /// Its files are written; here is what decoding learned.
    Stored {
        hash: String,
        decoded: Box<Decoded>,
    },
    /// The store already holds this file whole.
    Known {
        hash: String,
    },
    Skipped(String),
    /// Stopped by cancel before anything was written.
    Cancelled,
}

impl Store {
    /// Imports the photos at `paths` (files, or folders walked recursively)
    /// onto `item` (id, SKU or barcode) in the given order, or into the
    /// inbox. Progress goes to `job` from this thread after each file (the
    /// files found are its total); a cancel stops at the next file and
    /// keeps the finished ones, each of them whole.
    pub fn import_photos(
        &self,
        paths: &[PathBuf],
        item: Option<&str>,
        job: &mut Job<'_>,
    ) -> Result<PhotoImportReport> {
        let cancel = job.cancel_flag();
        let target = match item {
            Some(key) => Some(self.read(|conn| live_item_id(conn, key))?),
            None => None,
        };
        let files = self.photo_files();
        let mut report = PhotoImportReport::default();
        let sources = walk(paths, &mut report);
        if sources.is_empty() {
            return Ok(report);
        }
        let _lock = files.lock_for_import()?;

        let total = Progress {
            done: 0,
            total: sources.len() as u64,
            bytes: 0,
            total_bytes: sources.iter().map(|s| s.size).sum(),
            current: String::new(),
        };
        // One worker per core, plus two so that a core is never idle while
        // a worker waits for its files to reach the disk (each original is
        // flushed before its row may be written).
        let workers =
            (std::thread::available_parallelism().map_or(2, |n| n.get()) + 2).min(sources.len());
        let next = AtomicUsize::new(0);
        let (send, receive) = mpsc::sync_channel::<(usize, Outcome)>(workers * 2);
        std::thread::scope(|scope| -> Result<()> {
            for n in 0..workers {
                let send = send.clone();
                let (sources, files, next) = (&sources, &files, &next);
                std::thread::Builder::new()
                    .name(format!("photo import {n}"))
                    .spawn_scoped(scope, move || loop {
                        if cancel.load(Ordering::Relaxed) {
                            break;
                        }
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(source) = sources.get(i) else { break };
                        let outcome = self.prepare_photo(files, source, cancel);
                        if send.send((i, outcome)).is_err() {
                            break;
                        }
                    })
                    .expect("spawn photo import worker");
            }
            drop(send);

            let mut progressed = total;
            let mut ready = BTreeMap::new();
            let mut committed = 0;
            for (i, outcome) in receive {
                let source = &sources[i];
                let finished = !matches!(outcome, Outcome::Cancelled);
                if finished {
                    progressed.done += 1;
                    progressed.bytes += source.size;
                    progressed.current = source.path.to_string_lossy().into_owned();
                }
                ready.insert(i, outcome);
                // Rows go in in the order the files were given, so an item's
                // photos keep the order they were dropped in.
                let mut run = Vec::new();
                while let Some(outcome) = ready.remove(&committed) {
                    run.push((committed, outcome));
                    committed += 1;
                }
                if !run.is_empty() {
                    self.place(&files, &sources, run, target.as_deref(), &mut report)?;
                    crash_point("row");
                }
                if finished {
                    if progressed.done == progressed.total {
                        job.finish(progressed.clone());
                    } else {
                        job.progress(|| progressed.clone());
                    }
                }
            }
            Ok(())
        })?;
        report.cancelled = cancel.load(Ordering::Relaxed);
        // One history entry for the whole import (its rows were committed in
        // runs as files finished).
        if let Some(item) = target.as_deref() {
            let added: Vec<String> = report
                .imported
                .iter()
                .map(|p| p.file_name.clone())
                .collect();
            self.write(|tx| log_photos(tx, PHOTOS_ADDED, item, &added))?;
        }
        Ok(report)
    }

    /// A worker's part: read, hash, and (unless the store has the file
    /// whole already) decode and write the original and thumbnails.
    fn prepare_photo(&self, files: &PhotoFiles, source: &Source, cancel: &AtomicBool) -> Outcome {
        if source.size > MAX_FILE_BYTES {
            return Outcome::Skipped(format!(
                "the file is {} MB; Trove imports photos up to {} MB",
                source.size >> 20,
                MAX_FILE_BYTES >> 20
            ));
        }
        let bytes = match fs::read(&source.path) {
            Ok(bytes) => bytes,
            Err(e) => return Outcome::Skipped(format!("cannot be read: {e}")),
        };
        let format = match decode::sniff(&bytes) {
            Ok(format) => format,
            Err(reason) => return Outcome::Skipped(reason),
        };
        let hash = blake3::hash(&bytes).to_hex().to_string();
        let known = self.read(|conn| stored_format(conn, &hash)).ok().flatten();
        if known.is_some_and(|f| files.complete(&hash, f)) {
            return Outcome::Known { hash };
        }
        // Cancel is checked around the slow part, so a cancelled import
        // stops within one decode instead of finishing every file in flight.
        if cancel.load(Ordering::Relaxed) {
            return Outcome::Cancelled;
        }
        let decoded = match decode::decode(&bytes, format) {
            Ok(d) => d,
            Err(reason) => return Outcome::Skipped(reason),
        };
        if cancel.load(Ordering::Relaxed) {
            return Outcome::Cancelled;
        }
        let written = (|| {
            files.write_atomically(&files.original(&hash, format), &bytes, || {
                crash_point("original-temp")
            })?;
            crash_point("original");
            files.write_atomically(
                &files.thumbnail(&hash, ThumbSize::Small),
                &decoded.small,
                || {},
            )?;
            files.write_atomically(
                &files.thumbnail(&hash, ThumbSize::Large),
                &decoded.large,
                || {},
            )?;
            crash_point("thumbnails");
            Ok::<_, crate::Error>(())
        })();
        match written {
            Ok(()) => Outcome::Stored {
                hash,
                decoded: Box::new(decoded),
            },
            Err(e) => Outcome::Skipped(format!("could not be stored: {e}")),
        }
    }

    /// Writes the rows for a run of finished files, in one transaction.
    fn place(
        &self,
        files: &PhotoFiles,
        sources: &[Source],
        run: Vec<(usize, Outcome)>,
        target: Option<&str>,
        report: &mut PhotoImportReport,
    ) -> Result<()> {
        let mut done = Vec::new();
        self.write(|tx| {
            for (i, outcome) in run {
                let source = &sources[i];
                let placed = match outcome {
                    Outcome::Cancelled => continue,
                    Outcome::Skipped(reason) => Placed::Skipped(reason),
                    Outcome::Known { hash } => place_one(tx, files, source, &hash, None, target)?,
                    Outcome::Stored { hash, decoded } => {
                        place_one(tx, files, source, &hash, Some(&decoded), target)?
                    }
                };
                done.push((source.path.to_string_lossy().into_owned(), placed));
            }
            if let Some(item) = target {
                ensure_cover(tx, item)?;
            }
            Ok(())
        })?;
        let new: Vec<String> = done
            .iter()
            .filter_map(|(_, p)| match p {
                Placed::New(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
        let old: Vec<String> = done
            .iter()
            .filter_map(|(_, p)| match p {
                Placed::Already(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
        self.read(|conn| {
            report.imported.extend(photos_by_id(conn, files, &new)?);
            report.already.extend(photos_by_id(conn, files, &old)?);
            Ok(())
        })?;
        for (path, placed) in done {
            if let Placed::Skipped(reason) = placed {
                report.skipped.push(super::PhotoSkip { path, reason });
            }
        }
        Ok(())
    }
}

enum Placed {
    New(String),
    Already(String),
    Skipped(String),
}

/// The name a file was imported under.
fn file_name(source: &Source) -> String {
    source
        .path
        .file_name()
        .map_or_else(|| source.path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned()
}

fn stored_format(conn: &Connection, hash: &str) -> Result<Option<PhotoFormat>> {
    let format: Option<String> = conn
        .prepare_cached("SELECT format FROM photos WHERE hash = ?1 LIMIT 1")?
        .query_row([hash], |r| r.get(0))
        .optional()?;
    Ok(format.as_deref().and_then(PhotoFormat::parse))
}

/// One file's row: already in the target place, moved there from the
/// inbox, or a new row (linking a file the store already had, or one just
/// written). Its files are checked under the writer first, so a row is
/// never written for a file that a delete removed meanwhile.
fn place_one(
    tx: &Connection,
    files: &PhotoFiles,
    source: &Source,
    hash: &str,
    decoded: Option<&Decoded>,
    target: Option<&str>,
) -> Result<Placed> {
    let here: Option<String> = match target {
        Some(item) => tx
            .prepare_cached("SELECT id FROM photos WHERE item_id = ?1 AND hash = ?2")?
            .query_row(params![item, hash], |r| r.get(0))
            .optional()?,
        None => tx
            .prepare_cached("SELECT id FROM photos WHERE item_id IS NULL AND hash = ?1")?
            .query_row([hash], |r| r.get(0))
            .optional()?,
    };
    if let Some(id) = here {
        return Ok(Placed::Already(id));
    }
    if let Some(item) = target {
        // Waiting in the inbox: dropping it on an item assigns it.
        let waiting: Option<String> = tx
            .prepare_cached("SELECT id FROM photos WHERE item_id IS NULL AND hash = ?1")?
            .query_row([hash], |r| r.get(0))
            .optional()?;
        if let Some(id) = waiting {
            let position = next_position(tx, item)?;
            tx.prepare_cached("UPDATE photos SET item_id = ?2, position = ?3 WHERE id = ?1")?
                .execute(params![id, item, position])?;
            return Ok(Placed::New(id));
        }
    }
    let format = match decoded {
        Some(d) => Some(d.format),
        None => stored_format(tx, hash)?,
    };
    let Some(format) = format.filter(|f| files.complete(hash, *f)) else {
        return Ok(Placed::Skipped(
            "its stored copy was deleted while it was being imported; import it again".into(),
        ));
    };
    let id = crate::new_id();
    let position = match target {
        Some(item) => Some(next_position(tx, item)?),
        None => None,
    };
    let file_name = file_name(source);
    let now = crate::now();
    match decoded {
        Some(d) => {
            tx.prepare_cached(
                "INSERT INTO photos (id, hash, file_name, format, width, height, byte_size, taken_at,
                                     orientation, imported_at, item_id, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                id,
                hash,
                file_name,
                format.as_str(),
                d.width,
                d.height,
                source.size as i64,
                d.taken_at,
                d.orientation,
                now,
                target,
                position
            ])?;
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO photos (id, hash, file_name, format, width, height, byte_size, taken_at,
                                     orientation, imported_at, item_id, position)
                 SELECT ?1, hash, ?2, format, width, height, byte_size, taken_at, orientation, ?3, ?4, ?5
                   FROM photos WHERE hash = ?6 LIMIT 1",
            )?
            .execute(params![id, file_name, now, target, position, hash])?;
        }
    }
    Ok(Placed::New(id))
}

/// Expands folders (recursively, sorted by name) into the files to import.
/// A path that cannot be read, and a folder reached a second time through a
/// symlink (a loop), are skipped with the reason.
fn walk(paths: &[PathBuf], report: &mut PhotoImportReport) -> Vec<Source> {
    let mut sources = Vec::new();
    let mut seen_dirs = HashSet::new();
    let mut skip = |path: &Path, reason: String| {
        report.skipped.push(PhotoSkip {
            path: path.to_string_lossy().into_owned(),
            reason,
        })
    };
    let mut stack: Vec<(PathBuf, bool)> = paths.iter().rev().map(|p| (p.clone(), true)).collect();
    let mut ignored = 0;
    while let Some((path, given)) = stack.pop() {
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                skip(&path, format!("cannot be read: {e}"));
                continue;
            }
        };
        if meta.is_dir() {
            let real = match fs::canonicalize(&path) {
                Ok(real) => real,
                Err(e) => {
                    skip(&path, format!("cannot be read: {e}"));
                    continue;
                }
            };
            if !seen_dirs.insert(real.clone()) {
                skip(
                    &path,
                    format!(
                        "a symlink loop: this folder is {}, which is already being imported",
                        real.display()
                    ),
                );
                continue;
            }
            let entries = match fs::read_dir(&path) {
                Ok(entries) => entries,
                Err(e) => {
                    skip(&path, format!("cannot be read: {e}"));
                    continue;
                }
            };
            let mut children: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            children.sort();
            for child in children.into_iter().rev() {
                let name = child
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if name.starts_with('.') {
                    continue;
                }
                stack.push((child, false));
            }
        } else if given || has_photo_extension(&path) {
            sources.push(Source {
                path,
                size: meta.len(),
            });
        } else {
            ignored += 1;
        }
    }
    report.ignored = ignored;
    sources
}

fn has_photo_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PHOTO_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The crash tests' hook: with `TROVE_PHOTO_CRASH_AT` set to a step's name
/// (`original-temp`, `original`, `thumbnails`, `row`), the process aborts
/// there, as a power cut would end it. Unset, this is one cached lookup.
fn crash_point(step: &str) {
    static AT: OnceLock<Option<String>> = OnceLock::new();
    let at = AT.get_or_init(|| std::env::var("TROVE_PHOTO_CRASH_AT").ok());
    if at.as_deref() == Some(step) {
        std::process::abort();
    }
}

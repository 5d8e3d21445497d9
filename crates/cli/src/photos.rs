//! `trove photos import|list`: photos from the command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::Subcommand;
use trove_core::jobs::Job;
use trove_core::photos::{Photo, PhotoImportReport};
use trove_core::{Error, Store};

use crate::print::Output;

#[derive(Subcommand)]
pub enum PhotosCommand {
    /// Import photo files or whole folders (JPEG, PNG, WebP, GIF, TIFF).
    /// Exit status 1 when any file was skipped; each skip is listed.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Attach them to this item (id, SKU or barcode) instead of the inbox.
        #[arg(long, value_name = "ID_OR_SKU")]
        item: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Draw thumbnails again from the originals: the given photos (by hash),
    /// or every stored photo.
    Redraw {
        #[arg(value_name = "HASH")]
        hashes: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// List an item's photos in order, or the inbox's.
    List {
        #[arg(long, value_name = "ID_OR_SKU")]
        item: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

impl PhotosCommand {
    pub fn json(&self) -> bool {
        match self {
            PhotosCommand::Import { json, .. }
            | PhotosCommand::Redraw { json, .. }
            | PhotosCommand::List { json, .. } => *json,
        }
    }
}

pub fn run(cmd: PhotosCommand, store: &Store, out: &Output) -> Result<ExitCode, Error> {
    match cmd {
        PhotosCommand::Import { paths, item, .. } => {
            let live = std::io::stderr().is_terminal() && !out.json;
            let never = AtomicBool::new(false);
            let mut job = if live {
                Job::new(&never, |p| {
                    eprint!("\r{}/{} files, {} MB", p.done, p.total, p.bytes >> 20);
                    let _ = std::io::stderr().flush();
                })
            } else {
                Job::quiet()
            };
            let report = store.import_photos(&paths, item.as_deref(), &mut job)?;
            drop(job);
            if live {
                eprintln!();
            }
            out.value(&report, imported_text);
            Ok(if report.complete() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        PhotosCommand::Redraw { mut hashes, .. } => {
            if hashes.is_empty() {
                hashes = store.all_photos()?.into_iter().map(|p| p.hash).collect();
                hashes.sort_unstable();
                hashes.dedup();
            }
            for hash in &hashes {
                store.regenerate_thumbnails(hash)?;
            }
            out.value(&serde_json::json!({ "redrawn": hashes.len() }), |_| {
                format!("{} photo(s) redrawn", hashes.len())
            });
            Ok(ExitCode::SUCCESS)
        }
        PhotosCommand::List { item, .. } => {
            let photos = match item {
                Some(item) => store.item_photos(&item)?,
                None => all_inbox(store)?,
            };
            out.value(&photos, |photos| {
                photos.iter().map(photo_line).collect::<Vec<_>>().join("\n")
            });
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn all_inbox(store: &Store) -> Result<Vec<Photo>, Error> {
    let mut photos: Vec<Photo> = Vec::new();
    loop {
        let page = store.inbox_photos(photos.last().map(|p| p.id.as_str()), 500)?;
        if page.is_empty() {
            return Ok(photos);
        }
        photos.extend(page);
    }
}

fn photo_line(p: &Photo) -> String {
    format!(
        "{}{}  {:>5}×{:<5}  {}  {}",
        &p.hash[..12],
        if p.cover { " (cover)" } else { "" },
        p.width,
        p.height,
        p.file_name,
        p.original
    )
}

fn imported_text(r: &PhotoImportReport) -> String {
    let mut lines = vec![format!(
        "{} imported, {} already there, {} skipped{}{}",
        r.imported.len(),
        r.already.len(),
        r.skipped.len(),
        if r.ignored > 0 {
            format!(", {} non-photo file(s) in folders passed over", r.ignored)
        } else {
            String::new()
        },
        if r.cancelled { " (cancelled)" } else { "" }
    )];
    lines.extend(
        r.skipped
            .iter()
            .map(|s| format!("skipped {}: {}", s.path, s.reason)),
    );
    lines.join("\n")
}

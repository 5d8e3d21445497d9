//! Photos: a content-addressed store of image files beside the database,
//! thumbnails, and their places (an item, in order with one cover, or the
//! inbox). Import is in [`import`], the files on disk in [`files`].

mod decode;
pub mod files;
pub mod import;
mod sweep;

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::db::Store;
use crate::error::{Error, Result};
use crate::items::find_item;

pub use decode::{MAX_FULL_DECODE_PIXELS, MAX_PIXELS};
pub use files::{PhotoFiles, PhotoFormat, ThumbSize};
pub use import::{PhotoImportReport, PhotoSkip};

/// One photo in one place.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Photo {
    pub id: String,
    /// BLAKE3 of the original's bytes (hex): the file's name in the store.
    pub hash: String,
    /// The name it was imported under.
    pub file_name: String,
    pub format: PhotoFormat,
    /// Upright size in pixels.
    pub width: u32,
    pub height: u32,
    #[ts(type = "number")]
    pub byte_size: u64,
    pub taken_at: Option<String>,
    /// EXIF orientation 1–8 of the original (thumbnails are already upright).
    pub orientation: u8,
    pub imported_at: String,
    /// The item it belongs to; `None` in the inbox.
    pub item_id: Option<String>,
    pub position: Option<i64>,
    pub cover: bool,
    /// Where its files are, for the window and for the person.
    pub original: String,
    pub thumbnails: Thumbnails,
}

/// The paths of a photo's two thumbnails.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Thumbnails {
    /// Long edge 256 px.
    pub small: String,
    /// Long edge 1024 px.
    pub large: String,
}

pub(crate) const PHOTO_COLUMNS: &str = "p.id, p.hash, p.file_name, p.format, p.width, p.height, \
     p.byte_size, p.taken_at, p.orientation, p.imported_at, p.item_id, p.position, p.cover";

fn photo_from_row(files: &PhotoFiles, r: &Row<'_>) -> rusqlite::Result<Photo> {
    let hash: String = r.get(1)?;
    let format_text: String = r.get(3)?;
    let format = PhotoFormat::parse(&format_text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            3,
            rusqlite::types::Type::Text,
            format!("unknown photo format {format_text}").into(),
        )
    })?;
    let path = |p: std::path::PathBuf| p.to_string_lossy().into_owned();
    Ok(Photo {
        original: path(files.original(&hash, format)),
        thumbnails: Thumbnails {
            small: path(files.thumbnail(&hash, ThumbSize::Small)),
            large: path(files.thumbnail(&hash, ThumbSize::Large)),
        },
        id: r.get(0)?,
        hash,
        file_name: r.get(2)?,
        format,
        width: r.get(4)?,
        height: r.get(5)?,
        byte_size: r.get::<_, i64>(6)? as u64,
        taken_at: r.get(7)?,
        orientation: r.get(8)?,
        imported_at: r.get(9)?,
        item_id: r.get(10)?,
        position: r.get(11)?,
        cover: r.get(12)?,
    })
}

/// The item a key (id, SKU or barcode) names, refused when in the trash.
fn live_item_id(conn: &Connection, key: &str) -> Result<String> {
    let item = find_item(conn, key)?.ok_or_else(|| Error::not_found("item", key))?;
    if item.deleted_at.is_some() {
        return Err(Error::InTrash {
            title: item.fields.title,
        });
    }
    Ok(item.id)
}

fn item_photos(conn: &Connection, files: &PhotoFiles, item_id: &str) -> Result<Vec<Photo>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PHOTO_COLUMNS} FROM photos p WHERE p.item_id = ?1 ORDER BY p.position, p.seq"
    ))?;
    let rows = stmt.query_map([item_id], |r| photo_from_row(files, r))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn photos_by_id(conn: &Connection, files: &PhotoFiles, ids: &[String]) -> Result<Vec<Photo>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PHOTO_COLUMNS} FROM photos p WHERE p.id = ?1"
    ))?;
    ids.iter()
        .map(|id| {
            stmt.query_row([id], |r| photo_from_row(files, r))
                .optional()?
                .ok_or_else(|| Error::not_found("photo", id.as_str()))
        })
        .collect()
}

/// Writes an item's history entry for photos added to it or taken off it
/// (by file name), so the item's history says when its photos changed.
fn log_photos(conn: &Connection, action: &str, item_id: &str, names: &[String]) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    let value = Some(serde_json::json!({ "photos": names }));
    let (before, after) = if action == PHOTOS_REMOVED {
        (value, None)
    } else {
        (None, value)
    };
    Ok(crate::activity::log(
        conn, action, "item", item_id, None, before, after,
    )?)
}

pub(crate) const PHOTOS_ADDED: &str = "photos added";
pub(crate) const PHOTOS_REMOVED: &str = "photos removed";

/// Gives the item a cover if it has photos and none is the cover.
fn ensure_cover(conn: &Connection, item_id: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE photos SET cover = 1 WHERE seq = (
             SELECT seq FROM photos WHERE item_id = ?1 ORDER BY position, seq LIMIT 1)
           AND NOT EXISTS (SELECT 1 FROM photos WHERE item_id = ?1 AND cover = 1)",
    )?
    .execute([item_id])?;
    Ok(())
}

fn next_position(conn: &Connection, item_id: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT coalesce(max(position) + 1, 0) FROM photos WHERE item_id = ?1")?
        .query_row([item_id], |r| r.get(0))?)
}

/// Hashes (with their format) that no row uses any more.
fn unreferenced(
    conn: &Connection,
    hashes: &[(String, PhotoFormat)],
) -> Result<Vec<(String, PhotoFormat)>> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM photos WHERE hash = ?1 LIMIT 1")?;
    let mut gone = Vec::new();
    for (hash, format) in hashes {
        if !stmt.exists([hash])? && !gone.iter().any(|(h, _)| h == hash) {
            gone.push((hash.clone(), *format));
        }
    }
    Ok(gone)
}

impl Store {
    /// The photo store that belongs to this database.
    pub fn photo_files(&self) -> PhotoFiles {
        PhotoFiles::for_database(self.path())
    }

    /// An item's photos in their order (the cover is marked).
    pub fn item_photos(&self, item: &str) -> Result<Vec<Photo>> {
        let files = self.photo_files();
        self.read(|conn| {
            let item = find_item(conn, item)?.ok_or_else(|| Error::not_found("item", item))?;
            item_photos(conn, &files, &item.id)
        })
    }

    /// Photos waiting in the inbox, oldest import first, `limit` after the
    /// photo `after` (key-set paging by id).
    pub fn inbox_photos(&self, after: Option<&str>, limit: usize) -> Result<Vec<Photo>> {
        let files = self.photo_files();
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {PHOTO_COLUMNS} FROM photos p
                  WHERE p.item_id IS NULL AND p.id > ?1 ORDER BY p.id LIMIT ?2"
            ))?;
            let rows = stmt.query_map(params![after.unwrap_or(""), limit as i64], |r| {
                photo_from_row(&files, r)
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// How many photos wait in the inbox.
    pub fn inbox_count(&self) -> Result<u64> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT count(*) FROM photos WHERE item_id IS NULL")?
                .query_row([], |r| r.get::<_, i64>(0))? as u64)
        })
    }

    /// Every photo, on items and in the inbox, in import order.
    pub fn all_photos(&self) -> Result<Vec<Photo>> {
        let files = self.photo_files();
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {PHOTO_COLUMNS} FROM photos p ORDER BY p.seq"
            ))?;
            let rows = stmt.query_map([], |r| photo_from_row(&files, r))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The small thumbnail of each listed item's cover, by item id (items
    /// without photos are absent). One indexed lookup per item.
    pub fn covers(&self, item_ids: &[String]) -> Result<HashMap<String, String>> {
        let files = self.photo_files();
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT hash FROM photos INDEXED BY photos_cover WHERE item_id = ?1 AND cover = 1",
            )?;
            let mut covers = HashMap::new();
            for id in item_ids {
                if let Some(hash) = stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
                    let path = files.thumbnail(&hash, ThumbSize::Small);
                    covers.insert(id.clone(), path.to_string_lossy().into_owned());
                }
            }
            Ok(covers)
        })
    }

    /// Moves photos (from the inbox or another item) onto an item, after
    /// its own; returns the item's photos. A photo the item already shows
    /// is dropped from its old place instead of shown twice.
    pub fn assign_photos(&self, ids: &[String], item: &str) -> Result<Vec<Photo>> {
        let files = self.photo_files();
        self.write(|tx| {
            let item_id = live_item_id(tx, item)?;
            let moving = photos_by_id(tx, &files, ids)?;
            let mut left = Vec::new();
            let mut added = Vec::new();
            for photo in &moving {
                if photo.item_id.as_deref() == Some(item_id.as_str()) {
                    continue;
                }
                added.push(photo.file_name.clone());
                let shown = tx
                    .prepare_cached("SELECT 1 FROM photos WHERE item_id = ?1 AND hash = ?2")?
                    .exists(params![item_id, photo.hash])?;
                if shown {
                    tx.prepare_cached("DELETE FROM photos WHERE id = ?1")?
                        .execute([&photo.id])?;
                } else {
                    let position = next_position(tx, &item_id)?;
                    tx.prepare_cached(
                        "UPDATE photos SET item_id = ?2, position = ?3, cover = 0 WHERE id = ?1",
                    )?
                    .execute(params![photo.id, item_id, position])?;
                }
                if let Some(old) = &photo.item_id {
                    log_photos(
                        tx,
                        PHOTOS_REMOVED,
                        old,
                        std::slice::from_ref(&photo.file_name),
                    )?;
                    left.push(old.clone());
                }
            }
            for old in left {
                ensure_cover(tx, &old)?;
            }
            log_photos(tx, PHOTOS_ADDED, &item_id, &added)?;
            ensure_cover(tx, &item_id)?;
            item_photos(tx, &files, &item_id)
        })
    }

    /// Takes photos off their items and back to the inbox (the undo of an
    /// assignment). A file already in the inbox is not put there twice.
    pub fn unassign_photos(&self, ids: &[String]) -> Result<()> {
        let files = self.photo_files();
        self.write(|tx| {
            for photo in photos_by_id(tx, &files, ids)? {
                let Some(item_id) = photo.item_id else { continue };
                log_photos(tx, PHOTOS_REMOVED, &item_id, std::slice::from_ref(&photo.file_name))?;
                let waiting = tx
                    .prepare_cached("SELECT 1 FROM photos WHERE item_id IS NULL AND hash = ?1")?
                    .exists([&photo.hash])?;
                if waiting {
                    tx.prepare_cached("DELETE FROM photos WHERE id = ?1")?
                        .execute([&photo.id])?;
                } else {
                    tx.prepare_cached(
                        "UPDATE photos SET item_id = NULL, position = NULL, cover = 0 WHERE id = ?1",
                    )?
                    .execute([&photo.id])?;
                }
                ensure_cover(tx, &item_id)?;
            }
            Ok(())
        })
    }

    /// Puts an item's photos in the given order. `ids` must name exactly
    /// the item's photos.
    pub fn reorder_photos(&self, item: &str, ids: &[String]) -> Result<Vec<Photo>> {
        let files = self.photo_files();
        self.write(|tx| {
            let item_id = live_item_id(tx, item)?;
            let current = item_photos(tx, &files, &item_id)?;
            let mut want: Vec<&str> = ids.iter().map(String::as_str).collect();
            let mut have: Vec<&str> = current.iter().map(|p| p.id.as_str()).collect();
            want.sort_unstable();
            have.sort_unstable();
            if want != have {
                return Err(Error::invalid(
                    "photos",
                    ids.join(","),
                    "photo_order",
                    "the new order must list each of the item's photos once",
                ));
            }
            let mut stmt = tx.prepare_cached("UPDATE photos SET position = ?2 WHERE id = ?1")?;
            for (position, id) in ids.iter().enumerate() {
                stmt.execute(params![id, position as i64])?;
            }
            item_photos(tx, &files, &item_id)
        })
    }

    /// Makes a photo its item's cover; returns the item's photos.
    pub fn set_cover(&self, photo_id: &str) -> Result<Vec<Photo>> {
        let files = self.photo_files();
        self.write(|tx| {
            let photo = photos_by_id(tx, &files, &[photo_id.to_owned()])?.remove(0);
            let Some(item_id) = photo.item_id else {
                return Err(Error::invalid(
                    "photo",
                    photo_id,
                    "photo_in_inbox",
                    "a photo in the inbox is no item's cover; assign it to an item first",
                ));
            };
            tx.prepare_cached("UPDATE photos SET cover = 0 WHERE item_id = ?1 AND cover = 1")?
                .execute([&item_id])?;
            tx.prepare_cached("UPDATE photos SET cover = 1 WHERE id = ?1")?
                .execute([photo_id])?;
            item_photos(tx, &files, &item_id)
        })
    }

    /// Deletes photos. Their files go too, once no other photo uses them
    /// (the rows are committed first, so a crash can leave a file without a
    /// row, which the doctor removes, but never a row without its file).
    pub fn delete_photos(&self, ids: &[String]) -> Result<usize> {
        let files = self.photo_files();
        let photos = self.write_then(
            |tx| {
                let photos = photos_by_id(tx, &files, ids)?;
                let mut items = Vec::new();
                for photo in &photos {
                    tx.prepare_cached("DELETE FROM photos WHERE id = ?1")?
                        .execute([&photo.id])?;
                    if let Some(item) = &photo.item_id {
                        log_photos(
                            tx,
                            PHOTOS_REMOVED,
                            item,
                            std::slice::from_ref(&photo.file_name),
                        )?;
                        items.push(item.clone());
                    }
                }
                for item in items {
                    ensure_cover(tx, &item)?;
                }
                Ok(photos)
            },
            |conn, photos| {
                let hashes: Vec<_> = photos.iter().map(|p| (p.hash.clone(), p.format)).collect();
                remove_unused_files(conn, &files, &hashes)
            },
        )?;
        Ok(photos.len())
    }

    /// Writes a stored file's thumbnails again from its original.
    pub fn regenerate_thumbnails(&self, hash: &str) -> Result<()> {
        let files = self.photo_files();
        let format: Option<String> = self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT format FROM photos WHERE hash = ?1 LIMIT 1")?
                .query_row([hash], |r| r.get(0))
                .optional()?)
        })?;
        let format = format
            .as_deref()
            .and_then(PhotoFormat::parse)
            .ok_or_else(|| Error::not_found("photo", hash))?;
        sweep::rewrite_thumbnails(&files, hash, format)
    }
}

/// The stored files (hash, format) of the given items' photos.
pub(crate) fn files_of_items<'a>(
    conn: &Connection,
    item_ids: impl Iterator<Item = &'a str>,
) -> Result<Vec<(String, PhotoFormat)>> {
    let mut stmt = conn.prepare_cached("SELECT hash, format FROM photos WHERE item_id = ?1")?;
    let mut found = Vec::new();
    for id in item_ids {
        let rows = stmt.query_map([id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (hash, format) = row?;
            found.extend(PhotoFormat::parse(&format).map(|f| (hash, f)));
        }
    }
    Ok(found)
}

/// Removes the files of `hashes` that no row uses. Runs with the writer
/// held, so no import can link one of them between the check and the removal.
///
/// Best effort: it runs after the delete has committed, so a file that
/// cannot be removed now must not turn a done delete into an error. What is
/// left is a file without a row, which `trove doctor` finds and removes.
pub(crate) fn remove_unused_files(
    conn: &Connection,
    files: &PhotoFiles,
    hashes: &[(String, PhotoFormat)],
) -> Result<()> {
    if let Ok(unused) = unreferenced(conn, hashes) {
        for (hash, format) in unused {
            let _ = files.remove(&hash, format);
        }
    }
    Ok(())
}

//! The photo store on disk: where each file lives, and writes that a crash
//! cannot leave half-done.
//!
//! ```text
//! <db dir>/<db name>-photos/
//!   originals/ab/<hash>.jpg     the imported bytes, unchanged
//!   thumbs/256/ab/<hash>.jpg    long edge 256 px, upright
//!   thumbs/1024/ab/<hash>.jpg   long edge 1024 px, upright
//!   tmp/                        files being written; empty when idle
//!   import.lock                 held (shared) by running imports
//! ```
//!
//! Every file is written to `tmp/`, flushed to disk, then renamed into place,
//! so a name under `originals/` or `thumbs/` always holds a whole file.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The formats Trove stores. Anything else is refused at import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum PhotoFormat {
    Jpeg,
    Png,
    Webp,
    Gif,
    Tiff,
}

impl PhotoFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpeg",
            PhotoFormat::Png => "png",
            PhotoFormat::Webp => "webp",
            PhotoFormat::Gif => "gif",
            PhotoFormat::Tiff => "tiff",
        }
    }

    pub fn parse(text: &str) -> Option<PhotoFormat> {
        Some(match text {
            "jpeg" => PhotoFormat::Jpeg,
            "png" => PhotoFormat::Png,
            "webp" => PhotoFormat::Webp,
            "gif" => PhotoFormat::Gif,
            "tiff" => PhotoFormat::Tiff,
            _ => return None,
        })
    }

    /// The extension an original is stored under, so the files open in any
    /// image viewer.
    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpg",
            PhotoFormat::Png => "png",
            PhotoFormat::Webp => "webp",
            PhotoFormat::Gif => "gif",
            PhotoFormat::Tiff => "tif",
        }
    }

    fn from_extension(ext: &str) -> Option<PhotoFormat> {
        Some(match ext {
            "jpg" => PhotoFormat::Jpeg,
            "png" => PhotoFormat::Png,
            "webp" => PhotoFormat::Webp,
            "gif" => PhotoFormat::Gif,
            "tif" => PhotoFormat::Tiff,
            _ => return None,
        })
    }
}

/// The two thumbnail sizes, by long edge in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThumbSize {
    Small,
    Large,
}

impl ThumbSize {
    pub const ALL: [ThumbSize; 2] = [ThumbSize::Small, ThumbSize::Large];

    pub fn edge(self) -> u32 {
        match self {
            ThumbSize::Small => 256,
            ThumbSize::Large => 1024,
        }
    }
}

/// The photo store that belongs to one database file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoFiles {
    root: PathBuf,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl PhotoFiles {
    /// The store beside `db`: `trove.db` keeps its photos in `trove-photos/`,
    /// so choosing a database file chooses its photos too.
    /// The path is made absolute, so the photo paths handed out are too.
    pub fn for_database(db: &Path) -> PhotoFiles {
        let db = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
        let stem = db
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "trove".into());
        let dir = db.parent().unwrap_or(Path::new(""));
        PhotoFiles {
            root: dir.join(format!("{stem}-photos")),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn original(&self, hash: &str, format: PhotoFormat) -> PathBuf {
        self.root
            .join("originals")
            .join(&hash[..2])
            .join(format!("{hash}.{}", format.extension()))
    }

    pub fn thumbnail(&self, hash: &str, size: ThumbSize) -> PathBuf {
        self.root
            .join("thumbs")
            .join(size.edge().to_string())
            .join(&hash[..2])
            .join(format!("{hash}.jpg"))
    }

    pub(crate) fn temp_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }

    pub(crate) fn lock_path(&self) -> PathBuf {
        self.root.join("import.lock")
    }

    /// True when the original and both thumbnails are present.
    pub(crate) fn complete(&self, hash: &str, format: PhotoFormat) -> bool {
        self.original(hash, format).is_file()
            && ThumbSize::ALL
                .iter()
                .all(|s| self.thumbnail(hash, *s).is_file())
    }

    /// Writes `bytes` to `dest` so that `dest` never holds part of them:
    /// a temporary file is written and flushed, then renamed into place.
    /// `before_rename` runs between the two (the crash tests stop there).
    pub(crate) fn write_atomically(
        &self,
        dest: &Path,
        bytes: &[u8],
        before_rename: impl FnOnce(),
    ) -> Result<()> {
        let temp_dir = self.temp_dir();
        fs::create_dir_all(&temp_dir).map_err(|e| Error::io(&temp_dir, e))?;
        let temp = temp_dir.join(format!(
            "{}-{}.part",
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)?;
            file.write_all(bytes)?;
            file.sync_all()
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(Error::io(&temp, e));
        }
        before_rename();
        let parent = dest.parent().expect("store paths have a parent");
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        if let Err(e) = fs::rename(&temp, dest) {
            let _ = fs::remove_file(&temp);
            return Err(Error::io(dest, e));
        }
        sync_dir(parent);
        Ok(())
    }

    /// Removes a stored file's original and thumbnails (those present).
    pub(crate) fn remove(&self, hash: &str, format: PhotoFormat) -> Result<()> {
        let mut paths = vec![self.original(hash, format)];
        paths.extend(ThumbSize::ALL.iter().map(|s| self.thumbnail(hash, *s)));
        for path in paths {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(&path, e)),
            }
        }
        Ok(())
    }

    /// Every file under the store that is neither a lock nor a directory,
    /// with the hash (and, for originals, the format) its name claims.
    pub(crate) fn stored_files(&self) -> Result<Vec<StoredFile>> {
        let mut found = Vec::new();
        let mut dirs = vec![self.root.join("originals"), self.root.join("thumbs")];
        dirs.push(self.temp_dir());
        while let Some(dir) = dirs.pop() {
            let entries = match fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(Error::io(&dir, e)),
            };
            for entry in entries {
                let entry = entry.map_err(|e| Error::io(&dir, e))?;
                let path = entry.path();
                let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
                if kind.is_dir() {
                    dirs.push(path);
                } else {
                    found.push(self.classify(path));
                }
            }
        }
        found.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(found)
    }

    fn classify(&self, path: PathBuf) -> StoredFile {
        let in_temp = path.starts_with(self.temp_dir());
        let original = path.starts_with(self.root.join("originals"));
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let ext = path.extension().and_then(|s| s.to_str()).unwrap_or("");
        let hash = (!in_temp && is_hash(stem)).then(|| stem.to_owned());
        let format = if original {
            PhotoFormat::from_extension(ext)
        } else {
            None
        };
        StoredFile {
            path,
            hash,
            format,
            original,
        }
    }
}

/// A file found in the store by the doctor.
#[derive(Debug)]
pub(crate) struct StoredFile {
    pub path: PathBuf,
    /// The hash its name claims; `None` for temporary or foreign files.
    pub hash: Option<String>,
    pub format: Option<PhotoFormat>,
    pub original: bool,
}

pub(crate) fn is_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Makes a rename durable: on Unix the directory entry is flushed too.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Held by an import while it writes files that have no row yet, so the
/// doctor never takes them for leftovers. Released however the process ends.
pub(crate) struct ImportLock {
    _file: File,
}

impl PhotoFiles {
    pub(crate) fn lock_for_import(&self) -> Result<ImportLock> {
        let file = self.open_lock()?;
        file.lock_shared()
            .map_err(|e| Error::io(self.lock_path(), e))?;
        Ok(ImportLock { _file: file })
    }

    /// The lock for sweeping leftovers, or `None` while an import runs.
    pub(crate) fn try_lock_for_sweep(&self) -> Result<Option<ImportLock>> {
        let file = self.open_lock()?;
        match file.try_lock() {
            Ok(()) => Ok(Some(ImportLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io(self.lock_path(), e)),
        }
    }

    fn open_lock(&self) -> Result<File> {
        fs::create_dir_all(&self.root).map_err(|e| Error::io(&self.root, e))?;
        let path = self.lock_path();
        OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_sits_beside_its_database() {
        let files = PhotoFiles::for_database(Path::new("/data/shop/trove.db"));
        assert_eq!(files.root(), Path::new("/data/shop/trove-photos"));
        let hash = "ab".repeat(32);
        assert_eq!(
            files.original(&hash, PhotoFormat::Jpeg),
            Path::new("/data/shop/trove-photos/originals/ab").join(format!("{hash}.jpg"))
        );
        assert_eq!(
            files.thumbnail(&hash, ThumbSize::Small),
            Path::new("/data/shop/trove-photos/thumbs/256/ab").join(format!("{hash}.jpg"))
        );
    }

    #[test]
    fn a_relative_database_path_gives_absolute_photo_paths() {
        let files = PhotoFiles::for_database(Path::new("shop.db"));
        assert!(files.root().is_absolute(), "{}", files.root().display());
        assert!(files.root().ends_with("shop-photos"));
    }

    #[test]
    fn an_atomic_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let files = PhotoFiles::for_database(&dir.path().join("t.db"));
        let dest = files.original(&"0".repeat(64), PhotoFormat::Png);
        files.write_atomically(&dest, b"bytes", || {}).unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"bytes");
        assert_eq!(fs::read_dir(files.temp_dir()).unwrap().count(), 0);
    }

    #[test]
    fn a_sweep_waits_for_running_imports() {
        let dir = tempfile::tempdir().unwrap();
        let files = PhotoFiles::for_database(&dir.path().join("t.db"));
        let import = files.lock_for_import().unwrap();
        assert!(files.try_lock_for_sweep().unwrap().is_none());
        drop(import);
        assert!(files.try_lock_for_sweep().unwrap().is_some());
    }
}

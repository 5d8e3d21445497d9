//! One app window per database. SQLite itself is safe with many writers,
//! but two app windows on one file would each show a stale picture of the
//! other's work. The app claims an exclusive OS file lock beside the
//! database; the OS releases it when the process ends, however it ends, so
//! a crash never leaves a database locked. The CLI does not claim it: a
//! script may work on the database while the app is open.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Held while this process owns the database; dropping it lets go.
#[derive(Debug)]
pub struct Owner {
    _file: File,
    path: PathBuf,
}

impl Owner {
    /// Claims the database at `db`, or says that another Trove window has it.
    pub fn claim(db: &Path) -> Result<Owner> {
        let mut name = db.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(Owner { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(Error::InUse {
                path: db.to_path_buf(),
            }),
            Err(TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }

    /// The lock file's path.
    pub fn lock_path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("trove.db");
        let first = Owner::claim(&db).unwrap();
        let second = Owner::claim(&db).unwrap_err();
        assert!(matches!(second, Error::InUse { .. }), "{second:?}");
        assert!(second.to_string().contains("trove.db"), "{second}");
        drop(first);
        Owner::claim(&db).expect("free again once the owner lets go");
    }
}

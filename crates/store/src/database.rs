//! The database file: opening, pragmas, schema upgrades, and the one-writer,
//! many-readers discipline.
//!
//! SQLite in WAL mode lets readers go on while a writer commits, but only one
//! writer may run at a time. Trove keeps exactly one writer connection behind
//! a mutex (so writes queue in-process instead of failing with SQLITE_BUSY)
//! and a small pool of read-only connections for the UI and searches.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::checkpoint::Checkpointer;
use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// How many idle reader connections are kept for reuse.
const READER_POOL_SIZE: usize = 4;
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The schema version this build of Trove writes.
pub fn latest_schema_version() -> usize {
    MIGRATIONS.len()
}

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|(_, sql)| M::up(sql)).collect())
}

/// A schema upgrade that opening a database will run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PendingUpgrade {
    /// The schema version the file is at.
    pub from: usize,
    /// The version this build writes.
    pub to: usize,
    /// The database file's size in bytes (the upgrade copies it first, and
    /// its time grows with it).
    pub bytes: u64,
}

/// Whether opening the database at `path` would upgrade its schema; looks
/// without creating or changing anything (none for a missing or new file).
/// The app asks first so it can say "upgrading" instead of showing nothing.
pub fn pending_upgrade(path: impl AsRef<Path>) -> Result<Option<PendingUpgrade>> {
    let path = path.as_ref();
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let from: usize = conn
        .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?
        .try_into()
        .unwrap_or(0);
    let to = latest_schema_version();
    Ok((from > 0 && from < to).then_some(PendingUpgrade {
        from,
        to,
        bytes: meta.len(),
    }))
}

/// An open Trove database file. The core wraps it in its `Store`, which
/// adds the domain; the crates over the core reach it through that.
pub struct Database {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    backup: Option<PathBuf>,
    lean: AtomicBool,
    /// Dropped last: its connection, the last to close, checkpoints
    /// whatever is left in the log.
    _checkpointer: Option<Checkpointer>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Database {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date. Before an existing database is upgraded, a copy is
    /// written beside it.
    pub fn open(path: impl AsRef<Path>) -> Result<Database> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let mut writer = Connection::open(&path)?;
        configure(&writer, false)?;
        let backup = upgrade(&mut writer, &path)?;
        let checkpointer = Checkpointer::start(&path);
        Ok(Database {
            path,
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
            backup,
            lean: AtomicBool::new(false),
            _checkpointer: checkpointer,
        })
    }

    /// Opens the database at `path` at exactly schema `version`, for tests of
    /// upgrades from every earlier version.
    #[doc(hidden)]
    pub fn create_at_version(path: impl AsRef<Path>, version: usize) -> Result<()> {
        let mut conn = Connection::open(path.as_ref())?;
        configure(&conn, false)?;
        migrations()
            .to_version(&mut conn, version)
            .map_err(|e| Error::Migration(e.to_string()))?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the pre-upgrade copy went, if this open upgraded the schema.
    pub fn upgrade_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// Runs `f` in one IMMEDIATE transaction on the writer: all of it is
    /// committed, or none of it when `f` fails.
    ///
    /// `f` returns its caller's own error type (the core's), which every
    /// store error converts into.
    pub fn write<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        self.write_then(f, |_, _| Ok(()))
    }

    /// Like [`Database::write`], then runs `after` on the writer once the
    /// transaction has committed, still holding it: for file changes that
    /// must follow the commit and must not interleave with another write.
    pub fn write_then<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
        after: impl FnOnce(&Connection, &T) -> Result<(), E>,
    ) -> Result<T, E> {
        let mut conn = self.writer();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(Error::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(Error::from)?;
        after(&conn, &value)?;
        Ok(value)
    }

    /// The writer connection itself, for work that manages its own
    /// transactions (batched imports).
    pub fn writer(&self) -> MutexGuard<'_, Connection> {
        // A panic while writing rolled its transaction back when the
        // Transaction dropped, so the connection is still sound.
        self.writer.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Keeps read connections small from now on: a 4 MB page cache each, no
    /// memory map, and sorts that spill to a file, so the process's resident memory stays small however
    /// much of the file is read (the OS page cache still holds the hot
    /// pages, outside the process). The desktop app runs this way; the CLI
    /// and benchmarks keep the default 16 MB cache and 256 MB map per reader.
    pub fn use_lean_readers(&self) {
        self.lean.store(true, Ordering::Relaxed);
        self.readers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// Runs `f` on a read-only connection from the pool. Reads see the last
    /// committed state and never wait for the writer.
    pub fn read<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<T, E> {
        let conn = self
            .readers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        let conn = match conn {
            Some(c) => c,
            None => Self::open_reader(&self.path, self.lean.load(Ordering::Relaxed))?,
        };
        let result = f(&conn);
        let mut pool = self.readers.lock().unwrap_or_else(PoisonError::into_inner);
        if pool.len() < READER_POOL_SIZE {
            pool.push(conn);
        }
        result
    }

    fn open_reader(path: &Path, lean: bool) -> Result<Connection> {
        let c = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        configure(&c, true)?;
        if lean {
            // Sorts spill to a temporary file, not to memory.
            c.execute_batch(
                "PRAGMA cache_size = -4000; PRAGMA mmap_size = 0; PRAGMA temp_store = FILE;",
            )?;
        }
        Ok(c)
    }

    /// Refreshes the planner's statistics; worth it after bulk changes.
    pub fn optimize(&self) -> Result<()> {
        self.writer().execute_batch("PRAGMA optimize;")?;
        Ok(())
    }
}

fn configure(conn: &Connection, reader: bool) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(128);
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = NORMAL;
         PRAGMA temp_store = MEMORY;",
    )?;
    if reader {
        conn.execute_batch(
            "PRAGMA query_only = ON; PRAGMA cache_size = -16000; PRAGMA mmap_size = 268435456;",
        )?;
    } else {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Migration(format!(
                "could not switch the database to WAL mode (got {mode})"
            )));
        }
        // Checkpoints are the checkpointer thread's, not a commit's.
        conn.execute_batch(
            "PRAGMA cache_size = -32000; PRAGMA journal_size_limit = 67108864;
             PRAGMA wal_autocheckpoint = 0;",
        )?;
    }
    Ok(())
}

/// Applies pending migrations; returns the path of the copy made first when
/// an existing database was upgraded.
fn upgrade(conn: &mut Connection, path: &Path) -> Result<Option<PathBuf>> {
    let current: usize = conn
        .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?
        .try_into()
        .unwrap_or(0);
    let known = latest_schema_version();
    if current > known {
        return Err(Error::SchemaTooNew {
            path: path.to_path_buf(),
            found: current,
            known,
        });
    }
    if current == known {
        return Ok(None);
    }
    let backup = if current > 0 {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".schema{current}-{stamp}.bak"));
        let backup = path.with_file_name(name);
        // VACUUM INTO writes a consistent, compact copy even while WAL frames
        // are outstanding, unlike a plain file copy.
        conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()])?;
        Some(backup)
    } else {
        None
    };
    migrations()
        .to_latest(conn)
        .map_err(|e| Error::Migration(e.to_string()))?;
    Ok(backup)
}

/// The standard place for the database when none is given: the OS app-data
/// directory (`$XDG_DATA_HOME/trove`, `~/Library/Application Support/trove`,
/// `%APPDATA%\trove`), overridden by `TROVE_DB`.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("TROVE_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    data_dir().join("trove").join("trove.db")
}

fn data_dir() -> PathBuf {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        env("APPDATA").unwrap_or_else(|| PathBuf::from("."))
    } else if cfg!(target_os = "macos") {
        env("HOME").map_or_else(
            || PathBuf::from("."),
            |h| h.join("Library/Application Support"),
        )
    } else {
        env("XDG_DATA_HOME")
            .or_else(|| env("HOME").map(|h| h.join(".local/share")))
            .unwrap_or_else(|| PathBuf::from("."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lean_readers_map_nothing_and_cache_little() {
        let dir = tempfile::tempdir().unwrap();
        let store = Database::open(dir.path().join("t.db")).unwrap();
        let pragmas = |store: &Database| {
            store
                .read(|c| -> Result<_> {
                    let mmap: i64 = c.query_row("PRAGMA mmap_size", [], |r| r.get(0))?;
                    let cache: i64 = c.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
                    Ok((mmap, cache))
                })
                .unwrap()
        };
        assert_eq!(pragmas(&store), (268_435_456, -16_000));
        store.use_lean_readers();
        assert_eq!(pragmas(&store), (0, -4_000));
    }

    #[test]
    fn the_log_reaches_the_file_without_any_commit_checkpointing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let db = Database::open(&path).unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        db.write(|tx| -> Result<()> {
            tx.execute_batch(
                "CREATE TABLE blob (b BLOB);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
                 INSERT INTO blob SELECT randomblob(4000) FROM n;",
            )?;
            Ok(())
        })
        .unwrap();
        let autocheckpoint: i64 = db
            .writer()
            .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
            .unwrap();
        assert_eq!(autocheckpoint, 0, "commits leave checkpoints alone");
        // The checkpointer copies the 2 MB into the file on its own.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while std::fs::metadata(&path).unwrap().len() < before + 1_000_000 {
            assert!(
                std::time::Instant::now() < deadline,
                "the log was never checkpointed into the file"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn migrations_are_valid() {
        migrations()
            .validate()
            .expect("every migration applies to an empty database");
    }
}

//! The core's handle on the database file: [`Store`] is the store crate's
//! [`Database`] (the file, its pragmas and migrations, one writer and
//! pooled readers) with the domain's operations on it. Every `impl Store`
//! block in the core adds to this one type, so a caller opens a `Store`
//! and finds everything there.

use std::path::Path;
use std::sync::MutexGuard;

use rusqlite::{Connection, Transaction};
pub use trove_store::{
    default_db_path, latest_schema_version, pending_upgrade, Database, PendingUpgrade,
};

use crate::error::Result;

/// An open Trove database.
#[derive(Debug)]
pub struct Store {
    db: Database,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date. Before an existing database is upgraded, a copy is
    /// written beside it.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Ok(Store {
            db: Database::open(path)?,
        })
    }

    /// Opens the database at `path` at exactly schema `version`, for tests of
    /// upgrades from every earlier version.
    #[doc(hidden)]
    pub fn create_at_version(path: impl AsRef<Path>, version: usize) -> Result<()> {
        Ok(Database::create_at_version(path, version)?)
    }

    /// The file underneath, for a crate over the core that keeps tables of
    /// its own in it.
    pub fn database(&self) -> &Database {
        &self.db
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        self.db.path()
    }

    /// Where the pre-upgrade copy went, if this open upgraded the schema.
    pub fn upgrade_backup(&self) -> Option<&Path> {
        self.db.upgrade_backup()
    }

    /// Runs `f` in one IMMEDIATE transaction on the writer: all of it is
    /// committed, or none of it when `f` fails.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.db.write(f)
    }

    /// Like [`Store::write`], then runs `after` on the writer once the
    /// transaction has committed, still holding it: for file changes that
    /// must follow the commit and must not interleave with another write.
    pub(crate) fn write_then<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
        after: impl FnOnce(&Connection, &T) -> Result<()>,
    ) -> Result<T> {
        self.db.write_then(f, after)
    }

    /// The writer connection itself, for work that manages its own
    /// transactions (batched imports).
    pub(crate) fn writer(&self) -> MutexGuard<'_, Connection> {
        self.db.writer()
    }

    /// Keeps read connections small from now on (see
    /// [`Database::use_lean_readers`]); the desktop app runs this way.
    pub fn use_lean_readers(&self) {
        self.db.use_lean_readers()
    }

    /// Runs `f` on a read-only connection from the pool. Reads see the last
    /// committed state and never wait for the writer.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.db.read(f)
    }

    /// Refreshes the planner's statistics; worth it after bulk changes.
    pub fn optimize(&self) -> Result<()> {
        Ok(self.db.optimize()?)
    }
}

//! What the app holds while it runs: the database (open, being upgraded, or
//! not openable), its ownership lock, and the running jobs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Instant;

use trove_commerce::Shop;
use trove_core::db::PendingUpgrade;
use trove_core::owner::Owner;
use trove_core::{Error, ErrorBody, Result, Store};

use crate::error::{core, CommandResult};

/// An open database and the lock that makes this window its only owner.
struct Open {
    store: Arc<Store>,
    _owner: Owner,
}

/// A database claimed at launch whose schema is older than this build's.
/// Upgrading a big file takes a while (a copy, then the migrations), so it
/// runs after the window is up, which says so meanwhile.
struct Upgrading {
    path: PathBuf,
    pending: PendingUpgrade,
    owner: Owner,
}

/// Where the app's database stands.
enum Database {
    Open(Open),
    Upgrading(Upgrading),
    /// The database could not be opened; the window says why and offers
    /// to open another.
    Failed(ErrorBody),
}

/// The app's shared state, managed by Tauri.
pub struct AppState {
    database: RwLock<Database>,
    jobs: Mutex<HashMap<String, Arc<AtomicBool>>>,
    /// When `main` began, for the cold-start figure.
    pub started: Instant,
}

impl AppState {
    /// Claims the database at `path` and opens it, unless its schema needs
    /// an upgrade: then the state is "upgrading" until
    /// [`AppState::finish_upgrade`] has done that work, so the window can
    /// show itself first. Fails when another window owns the file, or it
    /// cannot be opened.
    pub fn launch(path: &Path, started: Instant) -> Result<AppState> {
        let path = absolute(path);
        let owner = Owner::claim(&path)?;
        let database = match trove_core::db::pending_upgrade(&path) {
            Ok(Some(pending)) => Database::Upgrading(Upgrading {
                path,
                pending,
                owner,
            }),
            // Nothing to upgrade; or the file could not even be looked at,
            // and opening it says why in the words it always has.
            Ok(None) | Err(_) => Database::Open(open_claimed(&path, owner)?),
        };
        Ok(AppState::with(database, started))
    }

    /// A state with no database open, because `path` could not be opened:
    /// the window starts anyway and shows `error`, so a double-clicked app
    /// never just vanishes.
    pub fn failed(path: &Path, error: &trove_core::Error, started: Instant) -> AppState {
        AppState::with(Database::Failed(problem_at(path, error)), started)
    }

    fn with(database: Database, started: Instant) -> AppState {
        AppState {
            database: RwLock::new(database),
            jobs: Mutex::new(HashMap::new()),
            started,
        }
    }

    /// The schema upgrade the database is waiting for, if it is.
    pub fn pending_upgrade(&self) -> Option<PendingUpgrade> {
        match &*self.database() {
            Database::Upgrading(u) => Some(u.pending.clone()),
            _ => None,
        }
    }

    /// Opens the database waiting in the "upgrading" state, which runs its
    /// schema upgrade: long on a big file, so call it where nothing waits
    /// on it. Afterwards the database is open, or failed with the reason.
    pub fn finish_upgrade(&self) -> CommandResult<Arc<Store>> {
        let path = match &*self.database() {
            Database::Upgrading(u) => u.path.clone(),
            _ => return self.store(),
        };
        // No lock is held meanwhile: commands answer "upgrading" at once.
        let opened = Store::open(&path);
        let mut database = self.database_mut();
        // Nothing else leaves the upgrading state (switching is refused),
        // but should it have, what is open now stays.
        if !matches!(*database, Database::Upgrading(_)) {
            drop(database);
            return self.store();
        }
        let placeholder = Database::Failed(ErrorBody::from(&Error::unavailable(
            "open the database",
            "the upgrade is finishing",
        )));
        let Database::Upgrading(upgrading) = std::mem::replace(&mut *database, placeholder) else {
            unreachable!("checked just above, under the same lock");
        };
        match opened {
            Ok(store) => {
                store.use_lean_readers();
                let store = Arc::new(store);
                *database = Database::Open(Open {
                    store: Arc::clone(&store),
                    _owner: upgrading.owner,
                });
                Ok(store)
            }
            // The lock goes with `upgrading`: the file is free, as after
            // any failed open.
            Err(e) => {
                let problem = problem_at(&upgrading.path, &e);
                *database = Database::Failed(problem.clone());
                Err(problem)
            }
        }
    }

    /// The open database. Commands hold their own handle, so switching
    /// databases never waits for a running search. While the database is
    /// being upgraded, or could not be opened, this says so (at once).
    /// Runs one selling operation on the open database.
    pub fn selling<T>(&self, op: impl FnOnce(Shop<'_>) -> Result<T>) -> CommandResult<T> {
        let store = self.store()?;
        core(op(Shop::new(&store)))
    }

    pub fn store(&self) -> CommandResult<Arc<Store>> {
        match &*self.database() {
            Database::Open(open) => Ok(Arc::clone(&open.store)),
            Database::Upgrading(u) => Err(upgrading(u)),
            Database::Failed(problem) => Err(problem.clone()),
        }
    }

    /// Switches to the database at `path`; the current one stays open if
    /// the new one cannot be. Refused while the current one is upgrading:
    /// the upgrade would finish into a state that has moved on.
    pub fn switch(&self, path: &Path) -> CommandResult<Arc<Store>> {
        match &*self.database() {
            Database::Upgrading(u) => return Err(upgrading(u)),
            Database::Open(open) if same_file(open.store.path(), path) => {
                return Ok(Arc::clone(&open.store));
            }
            _ => {}
        }
        let path = absolute(path);
        let owner = core(Owner::claim(&path))?;
        let next = core(open_claimed(&path, owner))?;
        let store = Arc::clone(&next.store);
        *self.database_mut() = Database::Open(next);
        Ok(store)
    }

    /// Registers a job and returns its cancel flag.
    pub fn start_job(&self, id: &str) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        self.jobs().insert(id.to_string(), Arc::clone(&flag));
        flag
    }

    /// The cancel flag of a running job.
    pub fn job(&self, id: &str) -> Option<Arc<AtomicBool>> {
        self.jobs().get(id).cloned()
    }

    /// Forgets a finished job.
    pub fn end_job(&self, id: &str) {
        self.jobs().remove(id);
    }

    fn jobs(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<AtomicBool>>> {
        self.jobs.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn database(&self) -> RwLockReadGuard<'_, Database> {
        self.database.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn database_mut(&self) -> RwLockWriteGuard<'_, Database> {
        self.database
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// What every command answers while the database is being upgraded.
fn upgrading(u: &Upgrading) -> ErrorBody {
    ErrorBody::from(&Error::Upgrading {
        path: u.path.clone(),
        from: u.pending.from,
        to: u.pending.to,
    })
}

/// `error` about the database at `path`, naming the file.
fn problem_at(path: &Path, error: &trove_core::Error) -> ErrorBody {
    let mut problem = ErrorBody::from(error);
    problem.message = format!("{}: {}", path.display(), problem.message);
    problem
}

/// True when both paths name one existing file (so opening the open
/// database again is not taken for another window holding it).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Photo paths are built from the database's, and the window can only
/// turn absolute paths into asset URLs: `--db shop.db` must not make them
/// relative. (Failing needs a vanished working directory, and then the
/// relative path fails to open too, with a clearer error.)
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Opens (and if need be upgrades) the database at `path`, which `owner`
/// has claimed.
fn open_claimed(path: &Path, owner: Owner) -> Result<Open> {
    let store = Store::open(path)?;
    store.use_lean_readers();
    Ok(Open {
        store: Arc::new(store),
        _owner: owner,
    })
}

/// The database this launch opens: `--db PATH`, else `TROVE_DB`, else the
/// OS app-data default the CLI also uses.
pub fn database_from_args(args: impl IntoIterator<Item = String>) -> PathBuf {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(path) = args.next() {
                return PathBuf::from(path);
            }
        } else if let Some(path) = arg.strip_prefix("--db=") {
            return PathBuf::from(path);
        }
    }
    trove_core::db::default_db_path()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_to_the_open_database_keeps_it_and_another_is_claimed() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("a.db");
        let state = AppState::launch(&first, Instant::now()).unwrap();
        let again = dir.path().join(".").join("a.db");
        let same = state
            .switch(&again)
            .expect("the open database is not 'in use' by itself");
        assert_eq!(same.path(), first.as_path());
        let second = dir.path().join("b.db");
        state.switch(&second).unwrap();
        assert_eq!(state.store().unwrap().path(), second.as_path());
        // The first file was let go: another owner may claim it now.
        trove_core::owner::Owner::claim(&first).expect("a.db is free again");
    }

    #[test]
    fn a_database_that_cannot_open_is_reported_until_another_opens() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, vec![b'x'; 8192]).unwrap();
        let err = AppState::launch(&junk, Instant::now())
            .err()
            .expect("junk is not a database");
        let state = AppState::failed(&junk, &err, Instant::now());
        let problem = state.store().expect_err("no store while failed");
        assert!(problem.message.contains("junk.db"), "{}", problem.message);
        let good = dir.path().join("good.db");
        state.switch(&good).unwrap();
        assert_eq!(state.store().unwrap().path(), good.as_path());
    }

    #[test]
    fn an_old_schema_waits_as_upgrading_and_commands_say_so_until_it_opens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        Store::create_at_version(&path, 3).unwrap();
        let state = AppState::launch(&path, Instant::now()).unwrap();

        let pending = state
            .pending_upgrade()
            .expect("schema 3 is pending an upgrade");
        assert_eq!(pending.from, 3);
        assert_eq!(pending.to, trove_core::db::latest_schema_version());
        assert!(pending.bytes > 0);
        let refused = state.store().expect_err("no store while upgrading");
        assert_eq!(refused.code, trove_core::ErrorCode::Upgrading);
        assert!(refused.message.contains("old.db"), "{}", refused.message);
        let other = dir.path().join("other.db");
        assert_eq!(
            state.switch(&other).unwrap_err().code,
            trove_core::ErrorCode::Upgrading
        );
        // The window owns the file from launch on, upgrade or not.
        let claim = trove_core::owner::Owner::claim(&path).unwrap_err();
        assert_eq!(claim.code(), trove_core::ErrorCode::DatabaseInUse);

        let store = state.finish_upgrade().unwrap();
        assert!(state.pending_upgrade().is_none());
        assert_eq!(state.store().unwrap().path(), store.path());
        let backup = store.upgrade_backup().expect("an upgrade keeps a copy");
        assert!(backup.is_file(), "{}", backup.display());
        trove_core::owner::Owner::claim(&path).unwrap_err();
    }

    #[test]
    fn a_failed_upgrade_is_reported_and_lets_the_file_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.db");
        // A file at schema 2 that says it is at 1: migration 2 runs again
        // and fails on the tables it finds already there. The version is
        // the header's big-endian `user_version`, at byte 60.
        Store::create_at_version(&path, 2).unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[60..64].copy_from_slice(&1u32.to_be_bytes());
        std::fs::write(&path, bytes).unwrap();
        let state = AppState::launch(&path, Instant::now()).unwrap();
        assert!(state.pending_upgrade().is_some());

        let problem = state.finish_upgrade().expect_err("the migration fails");
        assert!(problem.message.contains("broken.db"), "{}", problem.message);
        let again = state.store().expect_err("still no store");
        assert_eq!(again.message, problem.message);
        assert!(state.pending_upgrade().is_none());
        trove_core::owner::Owner::claim(&path).expect("the file is free again");
        let good = dir.path().join("good.db");
        state.switch(&good).unwrap();
    }

    #[test]
    fn a_new_or_current_database_opens_at_launch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        let state = AppState::launch(&path, Instant::now()).unwrap();
        assert!(state.pending_upgrade().is_none());
        assert!(state.store().unwrap().upgrade_backup().is_none());
        // Finishing with nothing to upgrade is only the open store.
        assert_eq!(state.finish_upgrade().unwrap().path(), path.as_path());
    }

    #[test]
    fn a_relative_database_path_is_opened_as_absolute() {
        let dir = tempfile::tempdir().unwrap();
        let cwd = std::env::current_dir().unwrap();
        let relative = pathdiff(dir.path().join("rel.db"), &cwd);
        let state = AppState::launch(&relative, Instant::now()).unwrap();
        let store = state.store().unwrap();
        assert!(store.path().is_absolute(), "{}", store.path().display());
        assert!(store.photo_files().root().is_absolute());
    }

    /// `to` written relative to `from` with `..` steps (tempdirs are not
    /// under the working directory).
    fn pathdiff(to: PathBuf, from: &Path) -> PathBuf {
        let ups = from.components().count() - 1;
        let mut out: PathBuf = std::iter::repeat_n("..", ups).collect();
        out.extend(to.components().skip(1));
        out
    }

    #[test]
    fn the_db_flag_wins_over_the_default() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            database_from_args(args(&["trove-app", "--db", "/x/a.db"])),
            PathBuf::from("/x/a.db")
        );
        assert_eq!(
            database_from_args(args(&["trove-app", "--db=/x/b.db"])),
            PathBuf::from("/x/b.db")
        );
        assert_eq!(
            database_from_args(args(&["trove-app"])),
            trove_core::db::default_db_path()
        );
    }
}

//! What the app holds while it runs: the open database (which Settings can
//! swap for another), its ownership lock, and the running jobs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Instant;

use trove_core::owner::Owner;
use trove_core::{ErrorBody, Result, Store};

use crate::error::{shell, CommandResult};

/// An open database and the lock that makes this window its only owner.
struct Open {
    store: Arc<Store>,
    _owner: Owner,
}

/// The app's shared state, managed by Tauri.
pub struct AppState {
    /// None when the database named at launch could not be opened; the
    /// window then says why and offers to open another.
    open: RwLock<Option<Open>>,
    problem: RwLock<Option<ErrorBody>>,
    jobs: Mutex<HashMap<String, Arc<AtomicBool>>>,
    /// When `main` began, for the cold-start figure.
    pub started: Instant,
}

impl AppState {
    /// Claims and opens the database at `path`.
    pub fn open(path: &Path, started: Instant) -> Result<AppState> {
        Ok(AppState {
            open: RwLock::new(Some(open(path)?)),
            problem: RwLock::new(None),
            jobs: Mutex::new(HashMap::new()),
            started,
        })
    }

    /// A state with no database open, because `path` could not be opened:
    /// the window starts anyway and shows `error`, so a double-clicked app
    /// never just vanishes.
    pub fn failed(path: &Path, error: &trove_core::Error, started: Instant) -> AppState {
        let mut problem = ErrorBody::from(error);
        problem.message = format!("{}: {}", path.display(), problem.message);
        AppState {
            open: RwLock::new(None),
            problem: RwLock::new(Some(problem)),
            jobs: Mutex::new(HashMap::new()),
            started,
        }
    }

    /// The open database. Commands hold their own handle, so switching
    /// databases never waits for a running search.
    pub fn store(&self) -> CommandResult<Arc<Store>> {
        let open = self.open.read().unwrap_or_else(PoisonError::into_inner);
        match open.as_ref() {
            Some(open) => Ok(Arc::clone(&open.store)),
            None => Err(self
                .problem
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone()
                .unwrap_or_else(|| shell("no_database", "no database is open"))),
        }
    }

    /// Switches to the database at `path`; the current one stays open if
    /// the new one cannot be.
    pub fn switch(&self, path: &Path) -> Result<Arc<Store>> {
        if let Ok(current) = self.store() {
            if same_file(current.path(), path) {
                return Ok(current);
            }
        }
        let next = open(path)?;
        let store = Arc::clone(&next.store);
        *self.open.write().unwrap_or_else(PoisonError::into_inner) = Some(next);
        *self.problem.write().unwrap_or_else(PoisonError::into_inner) = None;
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
}

/// True when both paths name one existing file (so opening the open
/// database again is not taken for another window holding it).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn open(path: &Path) -> Result<Open> {
    // Photo paths are built from the database's, and the window can only
    // turn absolute paths into asset URLs: `--db shop.db` must not make
    // them relative. (Failing needs a vanished working directory, and then
    // the relative path fails to open too, with a clearer error.)
    let path = &std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let owner = Owner::claim(path)?;
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
        let state = AppState::open(&first, Instant::now()).unwrap();
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
        let err = AppState::open(&junk, Instant::now())
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
    fn a_relative_database_path_is_opened_as_absolute() {
        let dir = tempfile::tempdir().unwrap();
        let cwd = std::env::current_dir().unwrap();
        let relative = pathdiff(dir.path().join("rel.db"), &cwd);
        let state = AppState::open(&relative, Instant::now()).unwrap();
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

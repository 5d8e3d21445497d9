//! The window shows photos through Tauri's asset protocol, and may read
//! nothing through it but the open database's photo store: the static scope
//! in tauri.conf.json is empty, and the store is allowed here, at start and
//! on every switch of database.
//!
//! Tauri's scope only grows: an allowed directory cannot be taken back, only
//! forbidden, and a forbidden one stays forbidden for the life of the
//! process. So a store left behind by a switch is forbidden for good, and
//! switching back to its database shows no photos until the app restarts;
//! [`PhotoScope::show`] says when that is the case.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use tauri::{AppHandle, Manager, Runtime};
use trove_core::Store;

/// The directory the asset protocol must allow for `store`'s photos,
/// resolved the way the protocol resolves the files it is asked for (it
/// canonicalizes them), also before the store's first import creates it.
pub fn store_dir(store: &Store) -> PathBuf {
    let root = store.photo_files().root().to_path_buf();
    if let Ok(real) = root.canonicalize() {
        return real;
    }
    match (root.parent(), root.file_name()) {
        (Some(parent), Some(name)) => parent.canonicalize().map(|p| p.join(name)).unwrap_or(root),
        _ => root,
    }
}

/// What to tell Tauri's scope when the open store becomes `next`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub forbid: Option<PathBuf>,
    pub allow: Option<PathBuf>,
    /// False when `next` was forbidden earlier in this process.
    pub visible: bool,
}

/// Which store the window may read, and which it may no longer.
#[derive(Debug, Default)]
pub struct PhotoScope {
    state: Mutex<Plan>,
}

#[derive(Debug, Default)]
struct Plan {
    allowed: Option<PathBuf>,
    forbidden: HashSet<PathBuf>,
}

impl Plan {
    fn switch_to(&mut self, next: &Path) -> Change {
        if self.allowed.as_deref() == Some(next) {
            return Change {
                visible: true,
                ..Change::default()
            };
        }
        let forbid = self.allowed.take();
        if let Some(old) = &forbid {
            self.forbidden.insert(old.clone());
        }
        let visible = !self.forbidden.iter().any(|f| next.starts_with(f));
        let allow = visible.then(|| next.to_path_buf());
        self.allowed = allow.clone();
        Change {
            forbid,
            allow,
            visible,
        }
    }
}

impl PhotoScope {
    /// Lets the window read `store`'s photos and no longer those of the
    /// store before it. Returns false when the photos cannot be shown
    /// (their store was forbidden earlier in this process).
    pub fn show<R: Runtime>(&self, app: &AppHandle<R>, store: &Store) -> bool {
        let change = self
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .switch_to(&store_dir(store));
        let scope = app.asset_protocol_scope();
        // Forbid first, so there is no moment with both stores readable.
        if let Some(old) = &change.forbid {
            if let Err(e) = scope.forbid_directory(old, true) {
                eprintln!("trove: could not revoke {}: {e}", old.display());
            }
        }
        if let Some(new) = &change.allow {
            if let Err(e) = scope.allow_directory(new, true) {
                eprintln!("trove: could not allow {}: {e}", new.display());
                return false;
            }
        }
        change.visible
    }

    /// Whether the open store's photos can be shown (see [`PhotoScope::show`]).
    pub fn visible(&self) -> bool {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .allowed
            .is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_switch_forbids_the_old_store_and_allows_the_new() {
        let mut plan = Plan::default();
        let a = PathBuf::from("/d/a-photos");
        let b = PathBuf::from("/d/b-photos");
        let first = plan.switch_to(&a);
        assert_eq!((first.forbid, first.allow), (None, Some(a.clone())));
        let again = plan.switch_to(&a);
        assert_eq!(
            again,
            Change {
                forbid: None,
                allow: None,
                visible: true
            }
        );
        let second = plan.switch_to(&b);
        assert_eq!(
            (second.forbid, second.allow),
            (Some(a.clone()), Some(b.clone()))
        );
        // Back to a: Tauri cannot lift a forbid, so a is not shown, and b
        // is forbidden too rather than left readable.
        let back = plan.switch_to(&a);
        assert_eq!(back.forbid, Some(b.clone()));
        assert_eq!(back.allow, None);
        assert!(!back.visible);
        assert!(plan.allowed.is_none());
    }

    #[test]
    fn a_store_inside_a_forbidden_one_is_not_shown() {
        let mut plan = Plan::default();
        plan.switch_to(Path::new("/d/a-photos"));
        plan.switch_to(Path::new("/d/b-photos"));
        assert!(!plan.switch_to(Path::new("/d/a-photos/x/c-photos")).visible);
    }

    #[test]
    fn the_store_dir_is_canonical_before_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("sub").join("..").join("shop.db");
        std::fs::create_dir_all(dir.path().join("sub")).unwrap();
        let store = Store::open(&db).unwrap();
        let want = dir.path().canonicalize().unwrap().join("shop-photos");
        assert_eq!(store_dir(&store), want);
        std::fs::create_dir_all(&want).unwrap();
        assert_eq!(store_dir(&store), want);
    }
}

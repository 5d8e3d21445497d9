//! One app window per database: the store's owner lock
//! (`trove_store::owner`), with the core's error.

use std::path::Path;

use crate::error::Result;

/// Held while this process owns the database; dropping it lets go.
#[derive(Debug)]
pub struct Owner(trove_store::Owner);

impl Owner {
    /// Claims the database at `db`, or says that another Trove window has it
    /// ([`crate::ErrorCode::DatabaseInUse`]).
    pub fn claim(db: &Path) -> Result<Owner> {
        Ok(Owner(trove_store::Owner::claim(db)?))
    }

    /// The lock file's path.
    pub fn lock_path(&self) -> &Path {
        self.0.lock_path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_is_refused_in_the_cores_words() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("trove.db");
        let _first = Owner::claim(&db).unwrap();
        let second = Owner::claim(&db).unwrap_err();
        assert_eq!(second.code(), crate::ErrorCode::DatabaseInUse);
        assert!(second.to_string().contains("trove.db"), "{second}");
    }
}

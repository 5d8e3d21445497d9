//! The checks any SQLite file can be put through, whatever its tables hold:
//! SQLite's own `integrity_check` and `foreign_key_check`. The core's
//! doctor runs these first, then its checks of the domain.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;

/// The outcome of one check.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    /// Problems found before any repair.
    pub problems: Vec<String>,
    /// How many of them were repaired.
    pub repaired: usize,
}

impl Check {
    /// A check named `name` that has found nothing yet.
    pub fn new(name: &'static str) -> Check {
        Check {
            name,
            problems: Vec::new(),
            repaired: 0,
        }
    }

    /// True when nothing is left wrong.
    pub fn ok(&self) -> bool {
        self.problems.len() == self.repaired
    }
}

/// The file's own checks: every page and index sound ("database file"),
/// and no row pointing at a row that is not there ("references").
pub fn file_checks(conn: &Connection) -> Result<Vec<Check>> {
    let mut file = Check::new("database file");
    file.problems = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get::<_, String>(0))?
        .filter(|r| !matches!(r.as_deref(), Ok("ok")))
        .collect::<rusqlite::Result<_>>()?;

    let mut references = Check::new("references");
    references.problems = conn
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| {
            Ok(format!(
                "{} row {} points at a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(vec![file, references])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn a_dangling_reference_is_named_by_table_and_row() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path().join("t.db")).unwrap();
        let checks = db.read(file_checks).unwrap();
        assert!(checks.iter().all(Check::ok), "{checks:?}");
        // Outside a transaction: SQLite ignores the pragma inside one.
        db.writer()
            .execute_batch(
                "PRAGMA foreign_keys = OFF;
                 CREATE TABLE parent (id INTEGER PRIMARY KEY);
                 CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent (id));
                 INSERT INTO child VALUES (7, 42);
                 PRAGMA foreign_keys = ON;",
            )
            .unwrap();
        let checks = db.read(file_checks).unwrap();
        assert_eq!(
            checks[1].problems,
            ["child row 7 points at a missing parent"]
        );
        assert!(!checks[1].ok());
    }
}

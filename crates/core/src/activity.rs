//! The append-only activity log: every change, with the record it touched
//! and the fields before and after. The log itself is the store's
//! (`trove_store::activity`); this is the core's way of reading it.

pub use trove_store::activity::{diff, log, Activity};

use crate::db::Store;
use crate::error::Result;

impl Store {
    /// The changes made to one record, newest first.
    pub fn history(&self, record_id: &str, limit: usize) -> Result<Vec<Activity>> {
        self.read(|conn| Ok(trove_store::activity::history(conn, record_id, limit)?))
    }
}

//! Emptying the trash: items deleted for good, with their photos. Its own
//! module because it spans items and photos (photos look items up, so
//! items must not reach back into photos).

use crate::activity;
use crate::db::Store;
use crate::error::Result;
use crate::items::{item_from_row, ITEM_SELECT};
use crate::photos;
use crate::Item;

impl Store {
    /// Deletes every item in the trash for good; returns how many. Each
    /// deleted record is kept whole in the activity log.
    /// Their photos go with them; a photo file goes once nothing else uses it.
    pub fn empty_trash(&self) -> Result<usize> {
        let files = self.photo_files();
        let (count, _) = self.write_then(
            |tx| {
                let mut stmt =
                    tx.prepare_cached(&format!("{ITEM_SELECT} WHERE i.deleted_at IS NOT NULL"))?;
                let trashed: Vec<Item> = stmt
                    .query_map([], item_from_row)?
                    .collect::<rusqlite::Result<_>>()?;
                let photo_files =
                    photos::files_of_items(tx, trashed.iter().map(|i| i.id.as_str()))?;
                for item in &trashed {
                    activity::log(
                        tx,
                        "purge",
                        "item",
                        &item.id,
                        None,
                        serde_json::to_value(item).ok(),
                        None,
                    )?;
                    tx.prepare_cached("DELETE FROM items WHERE id = ?1")?
                        .execute([&item.id])?;
                }
                Ok((trashed.len(), photo_files))
            },
            |conn, (_, photo_files)| photos::remove_unused_files(conn, &files, photo_files),
        )?;
        Ok(count)
    }
}

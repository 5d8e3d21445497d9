//! Photos: import (a job), an item's strip, the inbox, covers for the
//! table, and moving, ordering and deleting photos.

use std::collections::HashMap;
use std::path::PathBuf;

use tauri::{AppHandle, State};
use trove_core::photos::Photo;

use crate::commands::jobs::import_photos_job;
use trove_core::Error;

use crate::error::{core, CommandResult};
use crate::state::AppState;

/// Most photos one inbox page may ask for; the grid asks for far fewer.
const MAX_INBOX_PAGE: usize = 500;
/// Most items one covers call may name: a table page is 100 rows.
const MAX_COVERS: usize = 1000;

/// Starts importing `paths` (files and folders) onto `item` (id, SKU or
/// barcode), or into the inbox when it is none; returns the job id.
#[tauri::command(async)]
pub fn import_photos(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
    item: Option<String>,
) -> CommandResult<String> {
    if paths.iter().all(|p| p.trim().is_empty()) {
        return core(Err(Error::invalid(
            "paths",
            "",
            "paths_required",
            "choose photos or a folder to import",
        )));
    }
    let paths = paths.into_iter().map(PathBuf::from).collect();
    import_photos_job(app, &state, paths, item)
}

/// An item's photos in order, the cover marked.
#[tauri::command(async)]
pub fn item_photos(state: State<'_, AppState>, item: String) -> CommandResult<Vec<Photo>> {
    core(state.store()?.item_photos(&item))
}

/// Up to `limit` photos of the inbox after the photo `after` (by id).
#[tauri::command(async)]
pub fn inbox_photos(
    state: State<'_, AppState>,
    after: Option<String>,
    limit: usize,
) -> CommandResult<Vec<Photo>> {
    core(
        state
            .store()?
            .inbox_photos(after.as_deref(), limit.clamp(1, MAX_INBOX_PAGE)),
    )
}

/// How many photos wait in the inbox.
#[tauri::command(async)]
pub fn inbox_count(state: State<'_, AppState>) -> CommandResult<u64> {
    core(state.store()?.inbox_count())
}

/// The small cover thumbnail of each of a table page's items, by item id.
#[tauri::command(async)]
pub fn photo_covers(
    state: State<'_, AppState>,
    items: Vec<String>,
) -> CommandResult<HashMap<String, String>> {
    if items.len() > MAX_COVERS {
        return core(Err(Error::invalid(
            "items",
            items.len().to_string(),
            "too_many_items",
            format!("ask for at most {MAX_COVERS} covers at once"),
        )));
    }
    core(state.store()?.covers(&items))
}

/// Puts photos on an item, after its own; returns the item's photos.
#[tauri::command(async)]
pub fn assign_photos(
    state: State<'_, AppState>,
    photos: Vec<String>,
    item: String,
) -> CommandResult<Vec<Photo>> {
    core(state.store()?.assign_photos(&photos, &item))
}

/// Takes photos off their items, back to the inbox (the undo of assign).
#[tauri::command(async)]
pub fn unassign_photos(state: State<'_, AppState>, photos: Vec<String>) -> CommandResult<()> {
    core(state.store()?.unassign_photos(&photos))
}

/// Puts an item's photos in this order; returns them.
#[tauri::command(async)]
pub fn reorder_photos(
    state: State<'_, AppState>,
    item: String,
    photos: Vec<String>,
) -> CommandResult<Vec<Photo>> {
    core(state.store()?.reorder_photos(&item, &photos))
}

/// Makes a photo its item's cover; returns the item's photos.
#[tauri::command(async)]
pub fn set_cover_photo(state: State<'_, AppState>, photo: String) -> CommandResult<Vec<Photo>> {
    core(state.store()?.set_cover(&photo))
}

/// Deletes photos (their files too, once nothing else uses them).
#[tauri::command(async)]
pub fn delete_photos(state: State<'_, AppState>, photos: Vec<String>) -> CommandResult<usize> {
    core(state.store()?.delete_photos(&photos))
}

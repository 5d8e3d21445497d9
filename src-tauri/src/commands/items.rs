//! Items: list, search, scan, edit, trash and move.

use serde::Serialize;
use tauri::State;
use trove_core::activity::Activity;
use trove_core::items::{Edit, Move};
use trove_core::list::{ListQuery, Page};
use trove_core::scan::Scanned;
use trove_core::search::{SearchQuery, SearchResults};
use trove_core::stats::{Stats, Totals};
use trove_core::vocabulary::Vocabulary;
use trove_core::{Item, ItemChanges};

use crate::error::{core, CommandResult};
use crate::state::AppState;

/// Entries of an item's history shown in the editor.
const HISTORY: usize = 100;

/// An item with what the editor shows beside it.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct ItemDetail {
    pub item: Item,
    /// Every field as text, ready for the form.
    pub form: ItemChanges,
    /// Changes, newest first.
    pub history: Vec<Activity>,
    /// Moves, newest first.
    pub moves: Vec<Move>,
}

#[tauri::command(async)]
pub fn list_items(state: State<'_, AppState>, query: ListQuery) -> CommandResult<Page> {
    core(state.store()?.list(&query))
}

#[tauri::command(async)]
pub fn search_items(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> CommandResult<SearchResults> {
    core(state.store()?.search(&query))
}

#[tauri::command(async)]
pub fn scan_code(state: State<'_, AppState>, code: String) -> CommandResult<Scanned> {
    core(state.store()?.scan(&code))
}

#[tauri::command(async)]
pub fn item_detail(state: State<'_, AppState>, key: String) -> CommandResult<ItemDetail> {
    let store = state.store()?;
    let item = core(store.item(&key))?;
    Ok(ItemDetail {
        form: ItemChanges::form(&item.fields),
        history: core(store.history(&item.id, HISTORY))?,
        moves: core(store.moves(&item.id))?,
        item,
    })
}

#[tauri::command(async)]
pub fn create_item(state: State<'_, AppState>, changes: ItemChanges) -> CommandResult<Item> {
    core(state.store()?.create_item(&changes))
}

#[tauri::command(async)]
pub fn edit_item(
    state: State<'_, AppState>,
    key: String,
    changes: ItemChanges,
) -> CommandResult<Edit> {
    core(state.store()?.edit_item(&key, &changes))
}

#[tauri::command(async)]
pub fn trash_item(state: State<'_, AppState>, key: String) -> CommandResult<Item> {
    state.selling(|shop| shop.trash_item(&key))
}

#[tauri::command(async)]
pub fn restore_item(state: State<'_, AppState>, key: String) -> CommandResult<Item> {
    core(state.store()?.restore_item(&key))
}

#[tauri::command(async)]
pub fn trash_list(state: State<'_, AppState>, limit: usize) -> CommandResult<Vec<Item>> {
    core(state.store()?.trash(limit))
}

#[tauri::command(async)]
pub fn empty_trash(state: State<'_, AppState>) -> CommandResult<usize> {
    core(state.store()?.empty_trash())
}

#[tauri::command(async)]
pub fn move_item(
    state: State<'_, AppState>,
    key: String,
    location: String,
    quantity: Option<i64>,
) -> CommandResult<Item> {
    core(state.store()?.move_item(&key, &location, quantity))
}

#[tauri::command(async)]
pub fn vocabulary(state: State<'_, AppState>) -> CommandResult<Vocabulary> {
    core(state.store()?.vocabulary())
}

#[tauri::command(async)]
pub fn stats(state: State<'_, AppState>) -> CommandResult<Stats> {
    core(state.store()?.stats())
}

#[tauri::command(async)]
pub fn totals(state: State<'_, AppState>) -> CommandResult<Totals> {
    core(state.store()?.totals())
}

//! Storage: bins, sections and their codes.

use tauri::State;
use trove_core::locations::{Bin, Location, Section};

use crate::error::{core, CommandResult};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_bins(state: State<'_, AppState>) -> CommandResult<Vec<Bin>> {
    core(state.store()?.bins())
}

#[tauri::command(async)]
pub fn location(state: State<'_, AppState>, code: String) -> CommandResult<Location> {
    core(state.store()?.location(&code))
}

#[tauri::command(async)]
pub fn add_bin(
    state: State<'_, AppState>,
    name: String,
    kind: Option<String>,
) -> CommandResult<Bin> {
    core(state.store()?.add_bin(&name, kind.as_deref()))
}

#[tauri::command(async)]
pub fn add_section(
    state: State<'_, AppState>,
    bin: String,
    name: String,
    capacity: Option<i64>,
) -> CommandResult<Section> {
    core(state.store()?.add_section(&bin, &name, capacity))
}

#[tauri::command(async)]
pub fn rename_location(
    state: State<'_, AppState>,
    code: String,
    name: String,
) -> CommandResult<Location> {
    core(state.store()?.rename_location(&code, &name))
}

#[tauri::command(async)]
pub fn delete_location(state: State<'_, AppState>, code: String) -> CommandResult<()> {
    core(state.store()?.delete_location(&code))
}

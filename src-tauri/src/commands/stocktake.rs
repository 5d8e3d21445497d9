//! Stock take by scan: count a bin or section against what was scanned
//! there, and the places not counted for a while.

use tauri::State;
use trove_commerce::{StockTake, Unverified};

use crate::error::CommandResult;
use crate::state::AppState;

/// Places the "not counted lately" list shows.
const UNVERIFIED_SHOWN: usize = 200;

#[tauri::command(async)]
pub fn stock_take(
    state: State<'_, AppState>,
    code: String,
    scanned: Vec<String>,
) -> CommandResult<StockTake> {
    state.selling(|shop| shop.stock_take(&code, &scanned))
}

#[tauri::command(async)]
pub fn unverified_locations(
    state: State<'_, AppState>,
    days: u32,
) -> CommandResult<Vec<Unverified>> {
    state.selling(|shop| shop.unverified(days, UNVERIFIED_SHOWN))
}

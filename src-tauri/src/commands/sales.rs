//! Sales: Mark sold, the sales list, the To ship queue picked by scan,
//! shipping with tracking, cancelling and returns.

use tauri::State;
use trove_commerce::{LineInput, PickLine, Recorded, Sale, SaleDefaults, SaleInput};

use crate::error::CommandResult;
use crate::state::AppState;

/// Sales one list shows; older ones are reached by the CLI and exports.
const SALES_SHOWN: usize = 200;
/// Sales the To ship screen walks at once.
const QUEUE_SALES: usize = 200;

#[tauri::command(async)]
pub fn sale_defaults(state: State<'_, AppState>, item: String) -> CommandResult<SaleDefaults> {
    state.selling(|shop| shop.sale_defaults(&item))
}

#[tauri::command(async)]
pub fn record_sale(state: State<'_, AppState>, input: SaleInput) -> CommandResult<Recorded> {
    state.selling(|shop| shop.record_sale(&input))
}

#[tauri::command(async)]
pub fn sales(state: State<'_, AppState>) -> CommandResult<Vec<Sale>> {
    state.selling(|shop| shop.sales(SALES_SHOWN))
}

#[tauri::command(async)]
pub fn pick_list(state: State<'_, AppState>, by_location: bool) -> CommandResult<Vec<PickLine>> {
    state.selling(|shop| shop.pick_list(QUEUE_SALES, by_location))
}

#[tauri::command(async)]
pub fn pick_item(state: State<'_, AppState>, code: String) -> CommandResult<PickLine> {
    state.selling(|shop| shop.pick(&code))
}

#[tauri::command(async)]
pub fn ship_sale(
    state: State<'_, AppState>,
    id: String,
    carrier: Option<String>,
    tracking: Option<String>,
) -> CommandResult<Sale> {
    state.selling(|shop| shop.ship(&id, carrier.as_deref(), tracking.as_deref()))
}

#[tauri::command(async)]
pub fn cancel_sale(state: State<'_, AppState>, id: String) -> CommandResult<Sale> {
    state.selling(|shop| shop.cancel(&id))
}

#[tauri::command(async)]
pub fn return_sale(
    state: State<'_, AppState>,
    id: String,
    lines: Vec<LineInput>,
    refund: Option<String>,
    to: Option<String>,
) -> CommandResult<Sale> {
    state.selling(|shop| shop.return_units(&id, &lines, refund.as_deref(), to.as_deref()))
}

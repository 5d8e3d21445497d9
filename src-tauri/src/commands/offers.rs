//! Offers and the rules that answer them (and cut and relist prices), and
//! the notifications bell.

use tauri::State;
use trove_commerce::{Notification, Offer, OfferInput, Recorded, Rule, RuleRun, RuleSettings};

use crate::error::CommandResult;
use crate::state::AppState;

/// Rows one list shows.
const SHOWN: usize = 200;

#[tauri::command(async)]
pub fn offers(state: State<'_, AppState>, listing: Option<String>) -> CommandResult<Vec<Offer>> {
    state.selling(|shop| shop.offers(listing.as_deref(), SHOWN))
}

#[tauri::command(async)]
pub fn add_offer(
    state: State<'_, AppState>,
    listing: String,
    input: OfferInput,
) -> CommandResult<Offer> {
    state.selling(|shop| shop.add_offer(&listing, &input))
}

#[tauri::command(async)]
pub fn accept_offer(state: State<'_, AppState>, id: String) -> CommandResult<Recorded> {
    state.selling(|shop| shop.accept_offer(&id))
}

#[tauri::command(async)]
pub fn decline_offer(state: State<'_, AppState>, id: String) -> CommandResult<Offer> {
    state.selling(|shop| shop.decline_offer(&id))
}

#[tauri::command(async)]
pub fn counter_offer(
    state: State<'_, AppState>,
    id: String,
    amount: String,
) -> CommandResult<Offer> {
    state.selling(|shop| shop.counter_offer(&id, &amount))
}

#[tauri::command(async)]
pub fn rules(state: State<'_, AppState>) -> CommandResult<Vec<Rule>> {
    state.selling(|shop| shop.rules())
}

#[tauri::command(async)]
pub fn save_rule(
    state: State<'_, AppState>,
    name: String,
    settings: RuleSettings,
) -> CommandResult<Rule> {
    state.selling(|shop| shop.save_rule(&name, &settings))
}

#[tauri::command(async)]
pub fn run_rule(state: State<'_, AppState>, name: String, dry_run: bool) -> CommandResult<RuleRun> {
    state.selling(|shop| shop.run_rule(&name, dry_run))
}

#[tauri::command(async)]
pub fn set_rule_enabled(
    state: State<'_, AppState>,
    name: String,
    enabled: bool,
) -> CommandResult<Rule> {
    state.selling(|shop| shop.set_rule_enabled(&name, enabled))
}

#[tauri::command(async)]
pub fn rule_runs(state: State<'_, AppState>, name: String) -> CommandResult<Vec<RuleRun>> {
    state.selling(|shop| shop.rule_runs(&name, SHOWN))
}

#[tauri::command(async)]
pub fn notifications(
    state: State<'_, AppState>,
    unread_only: bool,
) -> CommandResult<Vec<Notification>> {
    state.selling(|shop| shop.notifications(unread_only, SHOWN))
}

#[tauri::command(async)]
pub fn unread_notifications(state: State<'_, AppState>) -> CommandResult<i64> {
    state.selling(|shop| shop.unread_notifications())
}

#[tauri::command(async)]
pub fn mark_notifications_read(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> CommandResult<usize> {
    state.selling(|shop| shop.mark_read(&ids))
}

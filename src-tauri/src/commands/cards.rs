//! Cards: an item's card details, value tiers and price history,
//! collections, the catalogue and set completion.

use std::path::PathBuf;

use tauri::{AppHandle, State};
use trove_core::cards::presets::{CollectionFormat, Preset};
use trove_core::cards::{
    Card, CardForm, CardInput, CatalogueSet, Collection, CollectionEntry, CollectionMode,
    Completion, ItemCard, Preorder, PreorderInput, PricePoint, TierThresholds, ValuePoint, Wish,
    WishInput,
};
use trove_core::export::ExportReport;
use trove_core::import::ImportOptions;
use trove_core::jobs::outcome::Outcome;
use trove_core::jobs::JobKind;

use crate::commands::jobs::spawn_job;
use crate::error::{core, CommandResult};
use crate::state::AppState;

/// An item's card, if any, and the editor's fields filled from it.
#[tauri::command(async)]
pub fn card_form(state: State<'_, AppState>, item: String) -> CommandResult<CardForm> {
    core(state.store()?.card_form(&item))
}

#[tauri::command(async)]
pub fn set_card(state: State<'_, AppState>, item: String, card: Card) -> CommandResult<Card> {
    core(state.store()?.set_card(&item, card))
}

/// Makes an item a card with the details as typed; every field that
/// cannot be read comes back named, and nothing is written. The saved
/// card comes back with its form, for the editor to refill.
#[tauri::command(async)]
pub fn set_card_input(
    state: State<'_, AppState>,
    item: String,
    input: CardInput,
) -> CommandResult<CardForm> {
    core(state.store()?.set_card_form(&item, &input))
}

#[tauri::command(async)]
pub fn clear_card(state: State<'_, AppState>, item: String) -> CommandResult<()> {
    core(state.store()?.clear_card(&item))
}

/// The card details of those of a table page's items that are cards.
#[tauri::command(async)]
pub fn cards_of(state: State<'_, AppState>, items: Vec<String>) -> CommandResult<Vec<ItemCard>> {
    core(state.store()?.cards_of(&items))
}

#[tauri::command(async)]
pub fn tier_thresholds(state: State<'_, AppState>) -> CommandResult<TierThresholds> {
    core(state.store()?.tier_thresholds())
}

/// Thresholds as the person typed them, in the home currency.
#[tauri::command(async)]
pub fn set_tier_thresholds(
    state: State<'_, AppState>,
    mid: String,
    high: String,
    grail: String,
) -> CommandResult<TierThresholds> {
    core(state.store()?.set_tier_thresholds(&mid, &high, &grail))
}

#[tauri::command(async)]
pub fn price_history(state: State<'_, AppState>, item: String) -> CommandResult<Vec<PricePoint>> {
    core(state.store()?.price_history(&item))
}

#[tauri::command(async)]
pub fn collections(state: State<'_, AppState>) -> CommandResult<Vec<Collection>> {
    core(state.store()?.collections())
}

#[tauri::command(async)]
pub fn collection(state: State<'_, AppState>, key: String) -> CommandResult<Collection> {
    core(state.store()?.collection(&key))
}

#[tauri::command(async)]
pub fn create_collection(
    state: State<'_, AppState>,
    name: String,
    kind: String,
    mode: CollectionMode,
) -> CommandResult<Collection> {
    core(state.store()?.create_collection(&name, &kind, mode))
}

#[tauri::command(async)]
pub fn set_collection_mode(
    state: State<'_, AppState>,
    key: String,
    mode: CollectionMode,
) -> CommandResult<Collection> {
    core(state.store()?.set_collection_mode(&key, mode))
}

/// Adds items (ids, SKUs or barcodes) at the end of a collection.
#[tauri::command(async)]
pub fn add_to_collection(
    state: State<'_, AppState>,
    key: String,
    items: Vec<String>,
) -> CommandResult<Collection> {
    core(state.store()?.add_to_collection(&key, &items))
}

#[tauri::command(async)]
pub fn remove_from_collection(
    state: State<'_, AppState>,
    key: String,
    items: Vec<String>,
) -> CommandResult<Collection> {
    core(state.store()?.remove_from_collection(&key, &items))
}

#[tauri::command(async)]
pub fn reorder_collection(
    state: State<'_, AppState>,
    key: String,
    items: Vec<String>,
) -> CommandResult<Collection> {
    core(state.store()?.reorder_collection(&key, &items))
}

/// Up to `limit` entries after the cursor `after`, in the collection's order.
#[tauri::command(async)]
pub fn collection_page(
    state: State<'_, AppState>,
    key: String,
    after: Option<String>,
    limit: usize,
) -> CommandResult<Vec<CollectionEntry>> {
    core(
        state
            .store()?
            .collection_page(&key, after.as_deref(), limit),
    )
}

#[tauri::command(async)]
pub fn collection_value_history(
    state: State<'_, AppState>,
    key: String,
) -> CommandResult<Vec<ValuePoint>> {
    core(state.store()?.collection_value_history(&key))
}

/// Writes a collection to a CSV file in `format`.
#[tauri::command(async)]
pub fn export_collection(
    state: State<'_, AppState>,
    key: String,
    format: CollectionFormat,
    path: String,
) -> CommandResult<ExportReport> {
    core(
        state
            .store()?
            .export_collection(&key, format, &PathBuf::from(path)),
    )
}

/// The catalogue's sets, newest first, for the completion picker.
#[tauri::command(async)]
pub fn catalogue_sets(state: State<'_, AppState>) -> CommandResult<Vec<CatalogueSet>> {
    core(state.store()?.catalogue_sets())
}

#[tauri::command(async)]
pub fn completion(state: State<'_, AppState>, set_code: String) -> CommandResult<Completion> {
    core(state.store()?.completion(&set_code))
}

/// Starts importing a catalogue file (MTGJSON, Scryfall, Pokémon TCG);
/// returns the job id at once. Progress comes as `catalogue` job progress;
/// a cancel keeps nothing of the file.
#[tauri::command(async)]
pub fn import_catalogue(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<String> {
    let store = state.store()?;
    spawn_job(
        app,
        &state,
        JobKind::Catalogue,
        "catalogue import",
        move |job| Outcome::from(store.import_catalogue(&PathBuf::from(&path), job)),
    )
}

/// Starts importing a card collection file with `preset`, or the preset its
/// header names when none; returns the job id at once.
#[tauri::command(async)]
pub fn import_cards(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    preset: Option<Preset>,
    dry_run: bool,
    skip_invalid: bool,
    create_locations: bool,
) -> CommandResult<String> {
    let store = state.store()?;
    let options = ImportOptions {
        dry_run,
        skip_invalid,
        strict_locations: !create_locations,
    };
    spawn_job(app, &state, JobKind::Csv, "card import", move |job| {
        Outcome::from(store.import_cards(&PathBuf::from(&path), preset, &options, job))
    })
}

#[tauri::command(async)]
pub fn wishlist(state: State<'_, AppState>) -> CommandResult<Vec<Wish>> {
    core(state.store()?.wishlist())
}

/// Adds a wish as typed in its form.
#[tauri::command(async)]
pub fn add_wish(state: State<'_, AppState>, wish: WishInput) -> CommandResult<Wish> {
    core(state.store()?.add_wish_input(&wish))
}

#[tauri::command(async)]
pub fn remove_wish(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    core(state.store()?.remove_wish(&id))
}

/// Pre-orders not yet received, soonest release first.
#[tauri::command(async)]
pub fn preorders(state: State<'_, AppState>) -> CommandResult<Vec<Preorder>> {
    core(state.store()?.preorders())
}

/// Puts an item on pre-order or changes it, as typed in its form. A new
/// release date is kept as a slip.
#[tauri::command(async)]
pub fn set_preorder(
    state: State<'_, AppState>,
    preorder: PreorderInput,
) -> CommandResult<Preorder> {
    core(state.store()?.set_preorder_input(&preorder))
}

#[tauri::command(async)]
pub fn receive_preorder(state: State<'_, AppState>, item: String) -> CommandResult<Preorder> {
    core(state.store()?.receive_preorder(&item))
}

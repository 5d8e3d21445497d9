//! Listings: an item's listings with their waiting jobs, "list everywhere"
//! from a template, the listings views across items, the assisted checklist.

use serde::Serialize;
use tauri::State;
use trove_commerce::{
    AssistedTask, Listed, Listing, ListingInput, ListingPage, ListingQuery, ListingStatus,
    OutboxJob, Platform, PlatformInfo, Shop, Template, TemplateInput, UnlistedPage,
};
use trove_core::stock::Stock;

use crate::error::{core, CommandResult};
use crate::state::AppState;

/// Most rows one listings page may ask for: the screen asks for 50.
const MAX_PAGE: usize = 500;

/// A listing with the sync jobs it has written (waiting or done).
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct ListingWithJobs {
    pub listing: Listing,
    /// Where its status may go from here (the core's rule), for the buttons.
    pub next: Vec<ListingStatus>,
    pub jobs: Vec<OutboxJob>,
}

/// The editor's Listings panel for one item.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct ItemListings {
    pub listings: Vec<ListingWithJobs>,
    pub stock: Stock,
    pub templates: Vec<Template>,
    pub platforms: Vec<PlatformInfo>,
}

#[tauri::command(async)]
pub fn item_listings(state: State<'_, AppState>, item: String) -> CommandResult<ItemListings> {
    let store = state.store()?;
    let shop = Shop::new(&store);
    let found = core(store.item(&item))?;
    let listings = core(shop.listings_of(&found.id))?
        .into_iter()
        .map(|listing| {
            let jobs = core(shop.jobs_of(&listing.id))?;
            Ok(ListingWithJobs {
                next: listing.status.next().to_vec(),
                listing,
                jobs,
            })
        })
        .collect::<CommandResult<_>>()?;
    Ok(ItemListings {
        listings,
        stock: core(store.stock(&found.id))?,
        templates: core(shop.templates())?,
        platforms: Platform::menu(),
    })
}

#[tauri::command(async)]
pub fn add_listing(
    state: State<'_, AppState>,
    item: String,
    platform: Platform,
    input: ListingInput,
) -> CommandResult<Listing> {
    state.selling(|shop| shop.list(&item, platform, &input))
}

#[tauri::command(async)]
pub fn edit_listing(
    state: State<'_, AppState>,
    id: String,
    input: ListingInput,
) -> CommandResult<Listing> {
    state.selling(|shop| shop.edit(&id, &input))
}

#[tauri::command(async)]
pub fn set_listing_status(
    state: State<'_, AppState>,
    id: String,
    status: ListingStatus,
) -> CommandResult<Listing> {
    state.selling(|shop| shop.set_status(&id, status))
}

#[tauri::command(async)]
pub fn list_everywhere(
    state: State<'_, AppState>,
    item: String,
    platforms: Vec<Platform>,
    template: Option<String>,
) -> CommandResult<Listed> {
    state.selling(|shop| shop.list_everywhere(&item, &platforms, template.as_deref()))
}

#[tauri::command(async)]
pub fn listing_templates(state: State<'_, AppState>) -> CommandResult<Vec<Template>> {
    state.selling(|shop| shop.templates())
}

#[tauri::command(async)]
pub fn save_template(state: State<'_, AppState>, input: TemplateInput) -> CommandResult<Template> {
    state.selling(|shop| shop.save_template(&input))
}

#[tauri::command(async)]
pub fn listings(state: State<'_, AppState>, mut query: ListingQuery) -> CommandResult<ListingPage> {
    query.limit = query.limit.clamp(1, MAX_PAGE);
    state.selling(|shop| shop.listings(&query))
}

#[tauri::command(async)]
pub fn unlisted(
    state: State<'_, AppState>,
    after: Option<String>,
    limit: usize,
) -> CommandResult<UnlistedPage> {
    state.selling(|shop| shop.unlisted(after.as_deref(), limit.clamp(1, MAX_PAGE)))
}

#[tauri::command(async)]
pub fn checklist(
    state: State<'_, AppState>,
    platform: Option<Platform>,
) -> CommandResult<Vec<AssistedTask>> {
    state.selling(|shop| shop.checklist(platform, MAX_PAGE))
}

#[tauri::command(async)]
pub fn checklist_done(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    state.selling(|shop| shop.task_done(&id))
}

//! Trove's desktop shell. It opens the database, registers the commands
//! (each a thin call into `trove_core`) and the plugins, and gets out of
//! the way: every rule lives in the core.

mod commands;
#[cfg(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd"
))]
mod display;
mod error;
mod photo_scope;
mod schedule;
mod state;

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod security;

use std::time::Instant;

use tauri::Manager;

use crate::photo_scope::PhotoScope;
use crate::state::{database_from_args, AppState};

/// Starts the app on the database named by `--db`, `TROVE_DB` or the
/// OS app-data default.
pub fn run() {
    let started = Instant::now();
    // Before the database is claimed: a launch that cannot show a window
    // must not hold (or upgrade) it.
    #[cfg(any(
        target_os = "linux",
        target_os = "dragonfly",
        target_os = "freebsd",
        target_os = "netbsd",
        target_os = "openbsd"
    ))]
    if let Some(why) = display::unavailable() {
        eprintln!("{why}");
        std::process::exit(display::NO_DISPLAY_EXIT);
    }
    let path = database_from_args(std::env::args());
    // Quick even when the schema needs upgrading: that waits for the
    // window (see `setup`), which says what is happening meanwhile.
    let state = match AppState::launch(&path, started) {
        Ok(state) => state,
        // Another window has it: the single-instance plugin has focused
        // that window where it can; say so where the launch can see it.
        Err(e) if e.code() == trove_core::ErrorCode::DatabaseInUse => {
            eprintln!("trove: {e}");
            std::process::exit(3);
        }
        // Anything else is shown in the window, which offers another file.
        Err(e) => {
            eprintln!("trove: {e}");
            AppState::failed(&path, &e, started)
        }
    };
    let result = tauri::Builder::default()
        // A second launch focuses this window instead (where the desktop
        // session offers a way to find it); the database lock decides
        // ownership either way.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(PhotoScope::default())
        .setup(|app| {
            // The asset protocol's static scope is empty: the window may
            // read the open database's photos from here on, and nothing else.
            if let Ok(store) = app.state::<AppState>().store() {
                app.state::<PhotoScope>().show(app.handle(), &store);
            }
            if app.state::<AppState>().pending_upgrade().is_some() {
                commands::app::upgrade_in_background(app.handle().clone());
            }
            schedule::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::items::list_items,
            commands::items::search_items,
            commands::items::scan_code,
            commands::items::item_detail,
            commands::items::create_item,
            commands::items::edit_item,
            commands::items::trash_item,
            commands::items::restore_item,
            commands::items::trash_list,
            commands::items::empty_trash,
            commands::items::move_item,
            commands::items::vocabulary,
            commands::items::stats,
            commands::items::totals,
            commands::locations::list_bins,
            commands::locations::location,
            commands::locations::add_bin,
            commands::locations::add_section,
            commands::locations::rename_location,
            commands::locations::delete_location,
            commands::jobs::import_csv,
            commands::jobs::cancel_job,
            commands::jobs::export_csv,
            commands::photos::import_photos,
            commands::photos::item_photos,
            commands::photos::inbox_photos,
            commands::photos::inbox_count,
            commands::photos::photo_covers,
            commands::photos::assign_photos,
            commands::photos::unassign_photos,
            commands::photos::reorder_photos,
            commands::photos::set_cover_photo,
            commands::photos::delete_photos,
            commands::app::app_info,
            commands::app::open_database,
            commands::app::open_sample,
            commands::app::set_home_currency,
            commands::app::ui_ready,
            commands::app::print_window,
            commands::labels::label_sizes,
            commands::labels::label_svg,
            commands::labels::label_keys,
            commands::labels::save_labels,
            commands::cards::card_form,
            commands::cards::set_card_input,
            commands::cards::cards_of,
            commands::cards::catalogue_sets,
            commands::cards::wishlist,
            commands::cards::add_wish,
            commands::cards::remove_wish,
            commands::cards::preorders,
            commands::cards::set_preorder,
            commands::cards::receive_preorder,
            commands::cards::set_card,
            commands::cards::clear_card,
            commands::cards::tier_thresholds,
            commands::cards::set_tier_thresholds,
            commands::cards::price_history,
            commands::cards::collections,
            commands::cards::collection,
            commands::cards::create_collection,
            commands::cards::set_collection_mode,
            commands::cards::add_to_collection,
            commands::cards::remove_from_collection,
            commands::cards::reorder_collection,
            commands::cards::collection_page,
            commands::cards::collection_value_history,
            commands::cards::export_collection,
            commands::cards::completion,
            commands::cards::import_catalogue,
            commands::cards::import_cards,
            commands::listings::item_listings,
            commands::listings::add_listing,
            commands::listings::edit_listing,
            commands::listings::set_listing_status,
            commands::listings::list_everywhere,
            commands::listings::listing_templates,
            commands::listings::save_template,
            commands::listings::listings,
            commands::listings::unlisted,
            commands::listings::checklist,
            commands::listings::checklist_done,
            commands::sales::sale_defaults,
            commands::sales::record_sale,
            commands::sales::sales,
            commands::sales::pick_list,
            commands::sales::pick_item,
            commands::stocktake::stock_take,
            commands::stocktake::unverified_locations,
            commands::sales::ship_sale,
            commands::sales::cancel_sale,
            commands::sales::return_sale,
            commands::offers::offers,
            commands::offers::add_offer,
            commands::offers::accept_offer,
            commands::offers::decline_offer,
            commands::offers::counter_offer,
            commands::offers::rules,
            commands::offers::save_rule,
            commands::offers::run_rule,
            commands::offers::rule_runs,
            commands::offers::set_rule_enabled,
            commands::offers::notifications,
            commands::offers::unread_notifications,
            commands::offers::mark_notifications_read,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("trove: the window could not start: {e}");
        std::process::exit(1);
    }
}

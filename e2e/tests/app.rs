//! End-to-end scenarios: the real app, built with its UI embedded, in a
//! real WebKit window under Xvfb, driven over WebDriver. Each scenario gets
//! a fresh database seeded through `trove_core`, and checks what a person
//! would see (and, where it matters, what the store then holds).
//!
//! Run: `cargo test -p trove-e2e --test app [-- FILTER…]`, where a FILTER
//! is part of a scenario's name (a scenario runs when any matches). Set
//! `TROVE_SCREENSHOTS=1` to write the screenshots into docs/screenshots/.

// The scenarios live beside this file, in app/.
#[path = "app/cards.rs"]
mod cards;
#[path = "app/editing.rs"]
mod editing;
#[path = "app/inbox.rs"]
mod inbox;
#[path = "app/instance.rs"]
mod instance;
#[path = "app/money.rs"]
mod money;
#[path = "app/photos.rs"]
mod photos;
#[path = "app/scanning.rs"]
mod scanning;
#[path = "app/screenshots.rs"]
mod screenshots;
#[path = "app/selling.rs"]
mod selling;
#[path = "app/stocktake.rs"]
mod stocktake;
#[path = "app/support.rs"]
mod support;
#[path = "app/table.rs"]
mod table;
#[path = "app/wants.rs"]
mod wants;

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::Instant;

use support::Outcome;
use trove_e2e::Driver;

type Scenario = fn(&mut Driver) -> Outcome;

const SCENARIOS: &[(&str, Scenario)] = &[
    ("create_and_find", editing::create_and_find),
    ("sample_inventory_opens", editing::sample_inventory_opens),
    ("wrong_barcode_refused", editing::wrong_barcode_refused),
    (
        "scanner_burst_opens_item",
        scanning::scanner_burst_opens_item,
    ),
    ("put_away_by_two_scans", scanning::put_away_by_two_scans),
    (
        "unknown_code_offers_create",
        scanning::unknown_code_offers_create,
    ),
    ("money_digits_round_trip", money::money_digits_round_trip),
    ("table_scrolls_and_sorts", table::table_scrolls_and_sorts),
    ("trash_and_restore", editing::trash_and_restore),
    ("undo", editing::undo),
    ("second_instance_refused", instance::second_instance_refused),
    (
        "unreadable_database_is_explained",
        instance::unreadable_database_is_explained,
    ),
    (
        "old_database_upgrades_in_view",
        instance::old_database_upgrades_in_view,
    ),
    (
        "failed_upgrade_is_explained",
        instance::failed_upgrade_is_explained,
    ),
    ("photos_on_items", photos::photos_on_items),
    ("photos_inbox_assigns", inbox::inbox_assigns_photos),
    (
        "photos_inbox_pages_and_import_cancels",
        inbox::inbox_pages_and_import_cancels,
    ),
    (
        "photos_only_the_stores_load",
        inbox::only_the_stores_photos_load,
    ),
    (
        "cards_tiers_collections_completion",
        cards::cards_tiers_collections_completion,
    ),
    (
        "cards_custom_order_and_export",
        cards::cards_custom_order_and_export,
    ),
    (
        "cards_import_with_chosen_layout",
        cards::cards_import_with_chosen_layout,
    ),
    (
        "wants_wishlist_and_preorders",
        wants::wishlist_and_preorders,
    ),
    (
        "selling_list_sell_pick_ship_return",
        selling::list_sell_pick_ship_return,
    ),
    (
        "selling_rule_declines_low_and_counters_middle",
        selling::rule_declines_low_and_counters_middle,
    ),
    (
        "stock_take_counts_a_bin_by_scan",
        stocktake::count_a_bin_by_scan,
    ),
    ("screenshots", screenshots::screenshots),
];

fn main() -> ExitCode {
    // Cargo passes its own flags through (`--nocapture`, …); the other
    // arguments filter scenarios by name: one runs if it matches any.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let chosen: Vec<&(&str, Scenario)> = SCENARIOS
        .iter()
        .filter(|(name, _)| filters.is_empty() || filters.iter().any(|f| name.contains(f)))
        .collect();
    if chosen.is_empty() {
        let names: Vec<&str> = SCENARIOS.iter().map(|s| s.0).collect();
        eprintln!(
            "no scenario matches {}; there are: {}",
            filters.join(" or "),
            names.join(", ")
        );
        return ExitCode::FAILURE;
    }

    // Every app launched holds a schema upgrade this long before running
    // it (a test hook of debug builds), so the scenarios that upgrade can
    // see the screen shown meanwhile. Set before any thread or child starts:
    // the driver and the apps under it inherit it.
    std::env::set_var(
        instance::UPGRADE_DELAY_VAR,
        instance::UPGRADE_DELAY_MS.to_string(),
    );
    let mut driver = match Driver::start() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("e2e: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "\nrunning {} end-to-end scenario(s) with {} on display {}",
        chosen.len(),
        driver.app_binary().display(),
        driver.display()
    );

    let mut failed = Vec::new();
    for (name, scenario) in chosen {
        let started = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| scenario(&mut driver)));
        let secs = started.elapsed().as_secs_f64();
        match result {
            Ok(Ok(())) => println!("scenario {name} ... ok ({secs:.1} s)"),
            Ok(Err(e)) => {
                println!("scenario {name} ... FAILED ({secs:.1} s)\n    {e}");
                failed.push(*name);
            }
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "a panic".into());
                println!("scenario {name} ... FAILED ({secs:.1} s)\n    panicked: {msg}");
                failed.push(*name);
            }
        }
    }
    if failed.is_empty() {
        println!("\nend-to-end: all scenarios passed");
        ExitCode::SUCCESS
    } else {
        println!(
            "\nend-to-end: {} failed: {}\n(app and driver output: {})",
            failed.len(),
            failed.join(", "),
            driver.log_path().display()
        );
        ExitCode::FAILURE
    }
}

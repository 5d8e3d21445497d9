//! The app itself: which database is open, upgrading it at launch,
//! switching it, settings, start-up timing and printing.

use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State, WebviewWindow};

use trove_core::{Error, ErrorBody};

use crate::error::{core, CommandResult};
use crate::photo_scope::PhotoScope;
use crate::state::AppState;

/// What Settings shows about the running app.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AppInfo {
    pub version: String,
    /// The open database file.
    pub db_path: String,
    /// The copy written before the last schema upgrade, if there was one.
    pub upgrade_backup: Option<String>,
    pub schema_version: usize,
    pub home_currency: String,
    /// False when this database's photos cannot be shown until the app
    /// restarts (it was open before, in this process, and then left).
    pub photos_visible: bool,
    /// This process, for measuring it from outside.
    pub pid: u32,
}

fn info(state: &AppState, photos: &PhotoScope) -> CommandResult<AppInfo> {
    let store = state.store()?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: store.path().display().to_string(),
        upgrade_backup: store.upgrade_backup().map(|p| p.display().to_string()),
        schema_version: trove_core::db::latest_schema_version(),
        home_currency: core(store.home_currency())?.code().to_string(),
        photos_visible: photos.visible(),
        pid: std::process::id(),
    })
}

/// Sent with a `PendingUpgrade` while the database is being upgraded.
pub const UPGRADING_EVENT: &str = "database-upgrading";
/// Sent with the `AppInfo` once the upgraded database is open.
pub const OPENED_EVENT: &str = "database-opened";
/// Sent with the `ErrorBody` when the upgrade failed.
pub const FAILED_EVENT: &str = "database-failed";

/// What the window shows first. While the database is being upgraded this
/// fails with `upgrading`, and the upgrade (from, to, size) is sent as
/// [`UPGRADING_EVENT`]: the window listens before it asks, so the answer
/// cannot come before it can hear it; then it waits for [`OPENED_EVENT`]
/// or [`FAILED_EVENT`].
#[tauri::command(async)]
pub fn app_info(
    app: AppHandle,
    state: State<'_, AppState>,
    photos: State<'_, PhotoScope>,
) -> CommandResult<AppInfo> {
    if let Some(pending) = state.pending_upgrade() {
        let _ = app.emit(UPGRADING_EVENT, pending);
    }
    info(&state, &photos)
}

/// Runs the database's schema upgrade on its own thread (the window is up
/// and says "upgrading" meanwhile), then tells the window how it ended.
pub fn upgrade_in_background(app: AppHandle) {
    let handle = app.clone();
    let started = std::thread::Builder::new()
        .name("database upgrade".into())
        .spawn(move || finish_upgrade(&handle));
    // Without a thread the upgrade still has to happen: here, later.
    if started.is_err() {
        finish_upgrade(&app);
    }
}

fn finish_upgrade(app: &AppHandle) {
    hold_upgrade_for_tests();
    let state = app.state::<AppState>();
    let photos = app.state::<PhotoScope>();
    let opened = state.finish_upgrade().and_then(|store| {
        photos.show(app, &store);
        info(&state, &photos)
    });
    let _ = match opened {
        Ok(info) => app.emit(OPENED_EVENT, info),
        Err(problem) => {
            eprintln!("trove: {}", problem.message);
            app.emit(FAILED_EVENT, problem)
        }
    };
}

/// Test hook, debug builds only: `TROVE_TEST_UPGRADE_DELAY_MS` holds the
/// "upgrading" state that long first, so the end-to-end tests can see the
/// screen of an upgrade that is over in a blink on their tiny databases.
fn hold_upgrade_for_tests() {
    if !cfg!(debug_assertions) {
        return;
    }
    let ms = std::env::var("TROVE_TEST_UPGRADE_DELAY_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(ms) = ms {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Opens another database file (creating it if it does not exist); the
/// window may read its photos, and no longer those of the one before.
#[tauri::command(async)]
pub fn open_database(
    app: AppHandle,
    state: State<'_, AppState>,
    photos: State<'_, PhotoScope>,
    path: String,
) -> CommandResult<AppInfo> {
    if path.trim().is_empty() {
        return core(Err(Error::invalid(
            "path",
            path,
            "path_required",
            "choose a database file",
        )));
    }
    let store = state.switch(&PathBuf::from(path))?;
    photos.show(&app, &store);
    info(&state, &photos)
}

/// Opens the sample inventory, beside the open database, making it first
/// if it is not there yet (a few seconds: it is generated and its photos
/// imported).
#[tauri::command(async)]
pub fn open_sample(
    app: AppHandle,
    state: State<'_, AppState>,
    photos: State<'_, PhotoScope>,
) -> CommandResult<AppInfo> {
    let open = state.store()?.path().to_path_buf();
    let path = trove_fixtures::sample::sample_path_beside(&open);
    if !path.exists() {
        core(trove_fixtures::sample::create_sample(&path))?;
    }
    let store = state.switch(&path)?;
    photos.show(&app, &store);
    info(&state, &photos)
}

#[tauri::command(async)]
pub fn set_home_currency(
    state: State<'_, AppState>,
    photos: State<'_, PhotoScope>,
    code: String,
) -> CommandResult<AppInfo> {
    core(state.store()?.set_home_currency(&code))?;
    info(&state, &photos)
}

/// How long start-up took, as the process saw it.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct Startup {
    /// From `main` to the first inventory page drawn.
    pub process_ms: f64,
}

/// Called by the UI once its first inventory page is on screen.
#[tauri::command(async)]
pub fn ui_ready(state: State<'_, AppState>) -> Startup {
    Startup {
        process_ms: state.started.elapsed().as_secs_f64() * 1000.0,
    }
}

/// Opens the system print dialog for the window (labels print this way).
#[tauri::command]
pub fn print_window(window: WebviewWindow) -> CommandResult<()> {
    window
        .print()
        .map_err(|e| ErrorBody::from(&Error::unavailable("open the print dialog", e)))
}

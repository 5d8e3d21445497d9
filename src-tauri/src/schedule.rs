//! The selling schedule while the window is open: every few minutes, the
//! reminders of offers about to lapse and every enabled rule
//! (`Shop::run_scheduled`), on a thread of its own. A pass that changed
//! something tells the window (`selling-changed`), which refreshes what it
//! shows, the bell's count among it.

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager};
use trove_commerce::Shop;

use crate::state::AppState;

/// The first pass waits for the window to settle after launch.
const FIRST_PASS: Duration = Duration::from_secs(20);
const EVERY: Duration = Duration::from_secs(300);

/// Starts the schedule, unless `TROVE_SCHEDULE=off` (the end-to-end
/// tests, whose scenarios run rules themselves).
pub fn start(app: AppHandle) {
    if std::env::var("TROVE_SCHEDULE").as_deref() == Ok("off") {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("trove-schedule".into())
        .spawn(move || {
            std::thread::sleep(FIRST_PASS);
            loop {
                pass(&app);
                std::thread::sleep(EVERY);
            }
        });
    if let Err(e) = spawned {
        eprintln!("trove: rules will not run on their own: {e}");
    }
}

fn pass(app: &AppHandle) {
    // No database open (being upgraded, or not openable): the next pass.
    let Ok(store) = app.state::<AppState>().store() else {
        return;
    };
    match Shop::new(&store).run_scheduled() {
        Ok(done) if done.changed() => {
            let _ = app.emit("selling-changed", done.runs.len());
        }
        Ok(_) => {}
        Err(e) => eprintln!("trove: the selling schedule: {e}"),
    }
}

//! Long work (CSV, card and catalogue imports, photo import) runs on its own
//! thread and reports progress through events, so the window never waits on
//! it. The protocol itself (progress, throttle, cancel, how a job ends) is
//! the core's `trove_core::jobs`; this module only carries it over events.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};
use trove_core::export::ExportReport;
use trove_core::import::ImportOptions;
use trove_core::jobs::outcome::{JobReport, Outcome};
use trove_core::jobs::{Job, JobKind, Progress};
use trove_core::{Error, ErrorBody};

use crate::error::{core, CommandResult};
use crate::state::AppState;

/// The event a running job reports progress on.
pub const PROGRESS_EVENT: &str = "job-progress";
/// The event a job reports its end on.
pub const DONE_EVENT: &str = "job-done";

/// Progress of a job, for its progress bar.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct JobProgress {
    pub job: String,
    pub kind: JobKind,
    pub progress: Progress,
}

/// How a job ended: its report, or the error (a rejected file lists every
/// row error in its report; `cancelled` when the person stopped it).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct JobDone {
    pub job: String,
    pub report: Option<JobReport>,
    pub error: Option<ErrorBody>,
}

/// Starts `work` on its own thread as a new job of `kind` and returns the
/// job's id at once; `work` gets the core's [`Job`], whose progress goes
/// out as events and whose cancel flag `cancel_job` sets, and what it
/// returns is sent as the job's end.
pub fn spawn_job<F>(
    app: AppHandle,
    state: &AppState,
    kind: JobKind,
    what: &str,
    work: F,
) -> CommandResult<String>
where
    F: FnOnce(&mut Job<'_>) -> Outcome + Send + 'static,
{
    let id = next_job_id();
    let cancel: Arc<AtomicBool> = state.start_job(&id);
    let job_id = id.clone();
    let started = std::thread::Builder::new()
        .name(format!("{what} {id}"))
        .spawn(move || {
            let events = app.clone();
            let progress_id = job_id.clone();
            let mut job = Job::new(&cancel, move |progress: &Progress| {
                let _ = events.emit(
                    PROGRESS_EVENT,
                    JobProgress {
                        job: progress_id.clone(),
                        kind,
                        progress: progress.clone(),
                    },
                );
            });
            let outcome = work(&mut job);
            drop(job);
            app.state::<AppState>().end_job(&job_id);
            let _ = app.emit(
                DONE_EVENT,
                JobDone {
                    job: job_id,
                    report: outcome.report,
                    error: outcome.error,
                },
            );
        });
    if let Err(e) = started {
        state.end_job(&id);
        return Err(ErrorBody::from(&Error::unavailable(
            format!("start the {what}"),
            e,
        )));
    }
    Ok(id)
}

/// Starts importing a CSV file; returns the job id at once.
#[tauri::command(async)]
pub fn import_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
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
    spawn_job(app, &state, JobKind::Csv, "import", move |job| {
        Outcome::from(store.import_csv(&PathBuf::from(&path), &options, job))
    })
}

/// Starts importing photos (files and folders) onto an item, or into the
/// inbox when `item` is none; returns the job id at once. Cancelling keeps
/// the photos already finished, and the report says so.
pub fn import_photos_job(
    app: AppHandle,
    state: &AppState,
    paths: Vec<PathBuf>,
    item: Option<String>,
) -> CommandResult<String> {
    let store = state.store()?;
    spawn_job(app, state, JobKind::Photos, "photo import", move |job| {
        Outcome::from(store.import_photos(&paths, item.as_deref(), job))
    })
}

/// Asks a running job to stop; a CSV import keeps nothing, a photo import
/// keeps the photos it finished.
#[tauri::command(async)]
pub fn cancel_job(state: State<'_, AppState>, job: String) -> bool {
    match state.job(&job) {
        Some(flag) => {
            flag.store(true, Ordering::Relaxed);
            true
        }
        None => false,
    }
}

/// Writes every live item to a CSV file.
#[tauri::command(async)]
pub fn export_csv(state: State<'_, AppState>, path: String) -> CommandResult<ExportReport> {
    core(state.store()?.export_csv(&PathBuf::from(path)))
}

fn next_job_id() -> String {
    use std::sync::atomic::AtomicU64;
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("job-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

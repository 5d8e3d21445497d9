//! Long work (CSV import and export) runs on its own thread and reports
//! progress through events, so the window never waits on it.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};
use trove_core::export::ExportReport;
use trove_core::import::{ImportOptions, ImportProgress, ImportReport};
use trove_core::ErrorBody;

use crate::error::{core, shell, CommandResult};
use crate::state::AppState;

/// The event a running job reports progress on.
pub const PROGRESS_EVENT: &str = "job-progress";
/// The event a job reports its end on.
pub const DONE_EVENT: &str = "job-done";

/// Progress of a job, for its progress bar.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct JobProgress {
    pub job: String,
    pub progress: ImportProgress,
}

/// How a job ended: its report, or the error (a rejected file lists every
/// row error in the message; `cancelled` when the person stopped it).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct JobDone {
    pub job: String,
    pub report: Option<ImportReport>,
    pub error: Option<ErrorBody>,
}

/// Starts importing a CSV file; returns the job id at once.
#[tauri::command(async)]
pub fn import_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    dry_run: bool,
    skip_invalid: bool,
) -> CommandResult<String> {
    let store = state.store()?;
    let job = next_job_id();
    let cancel = state.start_job(&job);
    let options = ImportOptions {
        dry_run,
        skip_invalid,
    };
    let id = job.clone();
    std::thread::Builder::new()
        .name(format!("import {job}"))
        .spawn(move || {
            let mut progress = |p: ImportProgress| {
                let _ = app.emit(
                    PROGRESS_EVENT,
                    JobProgress {
                        job: id.clone(),
                        progress: p,
                    },
                );
                !cancel.load(Ordering::Relaxed)
            };
            let result = store.import_csv(&PathBuf::from(&path), &options, &mut progress);
            let done = match result {
                Ok(report) => JobDone {
                    job: id.clone(),
                    report: Some(report),
                    error: None,
                },
                Err(e) => {
                    let report = match &e {
                        trove_core::Error::Import(r) => Some((**r).clone()),
                        _ => None,
                    };
                    JobDone {
                        job: id.clone(),
                        report,
                        error: Some(ErrorBody::from(&e)),
                    }
                }
            };
            app.state::<AppState>().end_job(&id);
            let _ = app.emit(DONE_EVENT, done);
        })
        .map_err(|e| shell("thread", format!("could not start the import: {e}")))?;
    Ok(job)
}

/// Asks a running job to stop; it keeps nothing.
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

//! Long work (CSV, card and catalogue imports, photo import) runs on its own thread
//! and reports progress through events, so the window never waits on it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};
use trove_core::cards::{CatalogueProgress, CatalogueReport};
use trove_core::export::ExportReport;
use trove_core::import::{ImportOptions, ImportProgress, ImportReport};
use trove_core::photos::{PhotoImportReport, PhotoProgress};
use trove_core::{Error, ErrorBody};

use crate::error::{core, CommandResult};
use crate::state::AppState;

/// The event a running job reports progress on.
pub const PROGRESS_EVENT: &str = "job-progress";
/// The event a job reports its end on.
pub const DONE_EVENT: &str = "job-done";

/// Progress events closer together than this are dropped (the last one
/// before the end always goes): a folder of small photos finishes files
/// faster than a progress bar can show them.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(40);

/// Progress of a job, for its progress bar.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct JobProgress {
    pub job: String,
    pub progress: Progress,
}

/// What a job has done so far, by kind of job.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Progress {
    Csv(ImportProgress),
    Photos(PhotoProgress),
    Catalogue(CatalogueProgress),
}

/// How a job ended: its report, or the error (a rejected file lists every
/// row error in the message; `cancelled` when the person stopped it).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct JobDone {
    pub job: String,
    pub report: Option<JobReport>,
    pub error: Option<ErrorBody>,
}

/// What a finished job did, by kind of job.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JobReport {
    Csv(ImportReport),
    Photos(PhotoImportReport),
    Catalogue(CatalogueReport),
}

/// A running job's side of the job: its cancel flag and its progress events.
pub struct Job {
    app: AppHandle,
    id: String,
    cancel: Arc<AtomicBool>,
    last_progress: Option<Instant>,
}

impl Job {
    /// Set when the person asked the job to stop.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// Reports progress; `last` forces it out past the throttle.
    pub fn progress(&mut self, progress: Progress, last: bool) {
        let now = Instant::now();
        let due = self
            .last_progress
            .is_none_or(|at| now.duration_since(at) >= PROGRESS_INTERVAL);
        if !(due || last) {
            return;
        }
        self.last_progress = Some(now);
        let _ = self.app.emit(
            PROGRESS_EVENT,
            JobProgress {
                job: self.id.clone(),
                progress,
            },
        );
    }
}

/// Starts `work` on its own thread as a new job and returns the job's id at
/// once; what `work` returns is sent as the job's end.
pub fn spawn_job<F>(app: AppHandle, state: &AppState, what: &str, work: F) -> CommandResult<String>
where
    F: FnOnce(&mut Job) -> (Option<JobReport>, Option<ErrorBody>) + Send + 'static,
{
    let id = next_job_id();
    let cancel = state.start_job(&id);
    let mut job = Job {
        app,
        id: id.clone(),
        cancel,
        last_progress: None,
    };
    let started = std::thread::Builder::new()
        .name(format!("{what} {id}"))
        .spawn(move || {
            let (report, error) = work(&mut job);
            job.app.state::<AppState>().end_job(&job.id);
            let _ = job.app.emit(
                DONE_EVENT,
                JobDone {
                    job: job.id.clone(),
                    report,
                    error,
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
    spawn_import(app, &state, "import", move |progress| {
        store.import_csv(&PathBuf::from(&path), &options, progress)
    })
}

/// Starts a CSV-shaped import job (Trove's own file or a card app's):
/// `run` gets the progress callback, which reports rows and bytes and says
/// whether the person has cancelled.
pub fn spawn_import<F>(
    app: AppHandle,
    state: &AppState,
    what: &str,
    run: F,
) -> CommandResult<String>
where
    F: FnOnce(&mut dyn FnMut(ImportProgress) -> bool) -> trove_core::Result<ImportReport>
        + Send
        + 'static,
{
    spawn_job(app, state, what, move |job| {
        let mut progress = |p: ImportProgress| {
            job.progress(Progress::Csv(p), false);
            !job.cancel_flag().load(Ordering::Relaxed)
        };
        csv_outcome(run(&mut progress))
    })
}

/// A CSV import's end: its report, and on failure the error with the
/// rejected file's report (every row error) when there is one.
pub fn csv_outcome(
    result: trove_core::Result<ImportReport>,
) -> (Option<JobReport>, Option<ErrorBody>) {
    match result {
        Ok(report) => (Some(JobReport::Csv(report)), None),
        Err(e) => {
            let report = match &e {
                trove_core::Error::Import(r) => Some(JobReport::Csv((**r).clone())),
                _ => None,
            };
            (report, Some(ErrorBody::from(&e)))
        }
    }
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
    spawn_job(app, state, "photo import", move |job| {
        let cancel = Arc::clone(&job.cancel);
        let result = store.import_photos(&paths, item.as_deref(), &cancel, |p| {
            let last = p.files_done == p.files_total;
            job.progress(Progress::Photos(p.clone()), last);
        });
        match result {
            Ok(report) => (Some(JobReport::Photos(report)), None),
            Err(e) => (None, Some(ErrorBody::from(&e))),
        }
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

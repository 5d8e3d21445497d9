//! How a job ended, whatever its kind: one shape the app sends as the job's
//! end and the CLI prints. Kept apart from [`super`] so that the jobs
//! (which use `Job`) and their reports (which this names) import no module
//! that imports them back.

use serde::Serialize;

use crate::cards::CatalogueReport;
use crate::error::{Error, ErrorBody, Result};
use crate::import::ImportReport;
use crate::photos::PhotoImportReport;

/// What a finished job did, by kind of job.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JobReport {
    Csv(ImportReport),
    Photos(PhotoImportReport),
    Catalogue(CatalogueReport),
}

/// A job's end: its report, its error, or both (a file refused for its bad
/// rows has both: the error, and the report listing every row error).
/// `error.code` is `cancelled` when the person stopped it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Outcome {
    pub report: Option<JobReport>,
    pub error: Option<ErrorBody>,
}

impl Outcome {
    /// The end of a job that returned `result`, its report made by `kind`.
    pub fn of<T>(result: Result<T>, kind: impl FnOnce(T) -> JobReport) -> Self {
        match result {
            Ok(report) => Outcome {
                report: Some(kind(report)),
                error: None,
            },
            Err(e) => Outcome::failed(&e),
        }
    }

    /// The end of a job that failed with `e`; a refused import keeps the
    /// report its error carries.
    pub fn failed(e: &Error) -> Self {
        let report = match e {
            Error::Import(r) => Some(JobReport::Csv((**r).clone())),
            _ => None,
        };
        Outcome {
            report,
            error: Some(ErrorBody::from(e)),
        }
    }
}

impl From<Result<ImportReport>> for Outcome {
    fn from(result: Result<ImportReport>) -> Self {
        Outcome::of(result, JobReport::Csv)
    }
}

impl From<Result<PhotoImportReport>> for Outcome {
    fn from(result: Result<PhotoImportReport>) -> Self {
        Outcome::of(result, JobReport::Photos)
    }
}

impl From<Result<CatalogueReport>> for Outcome {
    fn from(result: Result<CatalogueReport>) -> Self {
        Outcome::of(result, JobReport::Catalogue)
    }
}

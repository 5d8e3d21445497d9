//! One protocol for every long job: a CSV or card-file import, a catalogue,
//! a folder of photos, and next the sync worker, backups and reports.
//!
//! A job gets a [`Job`]: it reports [`Progress`] (counts and bytes, one
//! shape for every kind of job) through it, throttled here once for all,
//! and asks it whether the person has cancelled. A cancelled job stops at
//! its next check and leaves nothing half-written: the file imports roll
//! their one transaction back, and a photo import keeps only the photos it
//! had finished whole (each is its own unit) and says so in its report.
//! How a job ended, whatever its kind, is a [`outcome::Outcome`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::{Error, Result};

pub mod outcome;

/// Progress reports closer together than this are dropped (the last one,
/// sent with [`Job::finish`], always goes): a folder of small photos
/// finishes files faster than a progress bar can show them, and a million
/// CSV rows would otherwise be a thousand events.
pub const THROTTLE: Duration = Duration::from_millis(40);

/// The kinds of long job, as the UI tells their progress apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// Trove's own CSV, or a card app's collection file.
    Csv,
    Photos,
    Catalogue,
}

/// What a running job has done so far: one shape for every kind of job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Progress {
    /// Rows, cards or files finished.
    #[ts(type = "number")]
    pub done: u64,
    /// How many there are, when the job knows before the end (a photo
    /// import counts the files first); 0 when it does not (a CSV file is
    /// measured in bytes).
    #[ts(type = "number")]
    pub total: u64,
    /// Bytes read (or, for photos, of the files finished).
    #[ts(type = "number")]
    pub bytes: u64,
    #[ts(type = "number")]
    pub total_bytes: u64,
    /// What it has just finished, when that is worth showing (the photo
    /// file); empty otherwise.
    pub current: String,
}

impl Progress {
    /// A file read `bytes` of `total_bytes` in, `done` rows or cards so far.
    pub fn through_file(done: u64, bytes: u64, total_bytes: u64) -> Self {
        Progress {
            done,
            total: 0,
            bytes: bytes.min(total_bytes),
            total_bytes,
            current: String::new(),
        }
    }
}

/// Never set: the cancel flag of a job nobody can cancel.
static NEVER: AtomicBool = AtomicBool::new(false);

/// A running job's link to whoever started it: where its progress goes and
/// whether it has been asked to stop.
pub struct Job<'a> {
    cancel: &'a AtomicBool,
    sink: Box<dyn FnMut(&Progress) + 'a>,
    throttle: Duration,
    last: Option<Instant>,
}

impl<'a> Job<'a> {
    /// A job that sends its progress to `sink` and stops when `cancel` is
    /// set (by another thread, or by `sink` itself).
    pub fn new(cancel: &'a AtomicBool, sink: impl FnMut(&Progress) + 'a) -> Self {
        Job {
            cancel,
            sink: Box::new(sink),
            throttle: THROTTLE,
            last: None,
        }
    }

    /// A job nobody watches or cancels (the CLI without a terminal, tests).
    pub fn quiet() -> Job<'static> {
        Job::new(&NEVER, |_| {})
    }

    /// Sends every progress report, unthrottled (tests that count them).
    pub fn unthrottled(mut self) -> Self {
        self.throttle = Duration::ZERO;
        self
    }

    /// The cancel flag, for the job's own worker threads to watch.
    pub fn cancel_flag(&self) -> &'a AtomicBool {
        self.cancel
    }

    /// True once the person has asked the job to stop.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Reports progress, made only when due: a busy loop may call this
    /// often.
    pub fn progress(&mut self, progress: impl FnOnce() -> Progress) {
        let now = Instant::now();
        if self
            .last
            .is_none_or(|at| now.duration_since(at) >= self.throttle)
        {
            self.last = Some(now);
            (self.sink)(&progress());
        }
    }

    /// [`Job::progress`], then [`Error::Cancelled`] if the job was
    /// cancelled: `?` on it unwinds the job, and its transaction with it.
    pub fn tick(&mut self, progress: impl FnOnce() -> Progress) -> Result<()> {
        self.progress(progress);
        if self.cancelled() {
            return Err(Error::Cancelled);
        }
        Ok(())
    }

    /// Reports the job's last progress, past the throttle.
    pub fn finish(&mut self, progress: Progress) {
        self.last = Some(Instant::now());
        (self.sink)(&progress);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn throttles_all_but_the_first_and_the_last() {
        let seen = Mutex::new(Vec::new());
        let mut job = Job::new(&NEVER, |p| seen.lock().unwrap().push(p.done));
        for done in 1..=1000 {
            job.tick(|| Progress::through_file(done, done, 1000))
                .unwrap();
        }
        job.finish(Progress::through_file(1000, 1000, 1000));
        drop(job);
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.first(), Some(&1));
        assert_eq!(seen.last(), Some(&1000));
        assert!(seen.len() < 1000, "throttled: {} reports", seen.len());
    }

    #[test]
    fn unthrottled_sends_every_report() {
        let mut n = 0;
        let mut job = Job::new(&NEVER, |_| n += 1).unthrottled();
        for done in 0..10 {
            job.tick(|| Progress::through_file(done, 0, 0)).unwrap();
        }
        drop(job);
        assert_eq!(n, 10);
    }

    #[test]
    fn a_cancel_from_the_sink_stops_the_job_at_its_tick() {
        let cancel = AtomicBool::new(false);
        let mut job = Job::new(&cancel, |p| {
            if p.done >= 3 {
                cancel.store(true, Ordering::Relaxed);
            }
        })
        .unthrottled();
        let mut ticks = 0;
        let stopped = (1..10).try_for_each(|done| {
            ticks += 1;
            job.tick(|| Progress::through_file(done, 0, 0))
        });
        assert!(matches!(stopped, Err(Error::Cancelled)));
        assert_eq!(ticks, 3);
    }

    #[test]
    fn bytes_past_the_end_show_as_the_end() {
        assert_eq!(Progress::through_file(5, 120, 100).bytes, 100);
    }
}

//! WAL checkpoints off the write path. By default SQLite checkpoints in
//! whichever commit takes the log past 1,000 pages, so one save in fifty
//! pays for copying the others' pages into the file: the tail a person
//! feels (at a million items, a sale's p99 of 7 ms against a p50 under 1).
//! Trove's writer turns that off, and this thread copies the log back
//! every quarter second instead, in PASSIVE mode: it never waits for or
//! blocks the writer or a reader, and does what it can.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

const EVERY: Duration = Duration::from_millis(250);

/// The running checkpointer; dropping it stops the thread.
pub(crate) struct Checkpointer {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts checkpointing the database at `path`; none when the thread
    /// or its connection cannot be had (SQLite then checkpoints on close).
    pub(crate) fn start(path: &Path) -> Option<Checkpointer> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        conn.busy_timeout(Duration::ZERO).ok()?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = thread::Builder::new()
            .name("trove-checkpoint".into())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    thread::park_timeout(EVERY);
                    // Busy or locked only means "not now".
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })
            .ok()?;
        Some(Checkpointer {
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            t.thread().unpark();
            let _ = t.join();
        }
    }
}

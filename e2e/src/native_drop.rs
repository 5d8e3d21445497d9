//! Dropping files on the app the way a person does from a file manager: a
//! real XDND drag from another X client (the `drag-source` helper, a GTK
//! window offering the files), with the real pointer pressed, moved and
//! released through XTEST by `xdotool`. The app sees exactly what it sees
//! from Nautilus or Dolphin: no test-only path in the app is involved.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::process::stop_tree;
use crate::xdotool;

/// Where the drag source's window goes: the bottom-right corner of the
/// 1280×800 screen, clear of the table's rows and the editor's photo strip.
const SOURCE_AT: (i32, i32) = (1190, 710);

/// A drag in progress: the pointer is pressed on the files and held over
/// the target. Release it with [`Drag::release`], or drop it to cancel.
pub struct Drag {
    display: String,
    helper: Child,
    lines: Receiver<String>,
    released: bool,
}

/// Starts a drag of `files` on `display` and moves it to the screen point
/// `to`, where it hovers (the app shows where the files would go).
/// `helper` is the `drag-source` binary.
pub fn start_drag(helper: &Path, display: &str, files: &[PathBuf], to: (i32, i32)) -> Result<Drag> {
    let mut child = Command::new(helper)
        .env("DISPLAY", display)
        .env("GDK_BACKEND", "x11")
        .arg(SOURCE_AT.0.to_string())
        .arg(SOURCE_AT.1.to_string())
        .args(files)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| Error::Setup(format!("cannot start {}: {e}", helper.display())))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let (send, lines) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stdout)
            .lines()
            .map_while(std::io::Result::ok)
        {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let drag = Drag {
        display: display.to_string(),
        helper: child,
        lines,
        released: false,
    };
    let ready = drag.next_line(Duration::from_secs(15))?;
    let numbers: Vec<i32> = ready
        .strip_prefix("ready ")
        .map(|r| r.split(' ').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_default();
    let [x, y, w, h] = numbers[..] else {
        return Err(Error::Setup(format!(
            "drag-source said {ready:?}, not ready X Y W H"
        )));
    };
    let from = (x + w / 2, y + h / 2);
    // Press on the source, then move in steps: GTK starts a drag after a
    // few pixels of motion, and the target hears XDND positions on the way.
    let mut script = vec![
        format!("mousemove {} {}", from.0, from.1),
        "sleep 0.2".into(),
        "mousedown 1".into(),
        "sleep 0.1".into(),
    ];
    const STEPS: i32 = 16;
    for i in 1..=STEPS {
        let px = from.0 + (to.0 - from.0) * i / STEPS;
        let py = from.1 + (to.1 - from.1) * i / STEPS;
        script.push(format!("mousemove {px} {py}"));
        script.push("sleep 0.03".into());
    }
    // A last wiggle on the target: WebKit asks for the files' URIs on the
    // first motion over it, and reports the position of the next ones.
    script.push(format!("mousemove {} {}", to.0 + 1, to.1));
    script.push("sleep 0.1".into());
    script.push(format!("mousemove {} {}", to.0, to.1));
    script.push("sleep 0.2".into());
    drag.xdotool(&script.join(" "))?;
    Ok(drag)
}

impl Drag {
    /// Releases the pointer (the drop) and waits for the source to hear
    /// that the target took the files.
    pub fn release(mut self) -> Result<()> {
        self.released = true;
        self.xdotool("mouseup 1")?;
        let said = self.next_line(Duration::from_secs(15))?;
        let _ = self.helper.wait();
        if said == "dropped" {
            Ok(())
        } else {
            Err(Error::Setup(format!(
                "the app did not take the dropped files (drag-source: {said})"
            )))
        }
    }

    fn xdotool(&self, script: &str) -> Result<()> {
        let args: Vec<&str> = script.split(' ').collect();
        xdotool::run(&self.display, &args)
    }

    fn next_line(&self, timeout: Duration) -> Result<String> {
        self.lines.recv_timeout(timeout).map_err(|_| {
            Error::Setup(format!(
                "drag-source said nothing within {} s",
                timeout.as_secs()
            ))
        })
    }
}

impl Drop for Drag {
    fn drop(&mut self) {
        if !self.released {
            // Cancel: let go outside any target would still drop, so
            // Escape first (GTK cancels a drag on it), then release.
            let _ = self.xdotool("key Escape mouseup 1");
        }
        if matches!(self.helper.try_wait(), Ok(None)) {
            thread::sleep(Duration::from_millis(200));
            if matches!(self.helper.try_wait(), Ok(None)) {
                stop_tree(&mut self.helper);
            }
        }
    }
}

//! What the scenarios share: fresh seeded databases, waits on the page,
//! scanner-speed key bursts, and reading the inventory table.

use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;
use trove_core::import::ImportOptions;
use trove_core::jobs::Job;
use trove_core::{Item, ItemChanges, Store};
use trove_e2e::{keys, KeyActions, Session};

/// Why a scenario failed.
pub type Failure = Box<dyn std::error::Error>;

/// What a scenario (or a step of one) returns: `Err` carries the message.
pub type Outcome<T = ()> = Result<T, Failure>;

/// How long a step may take to show on screen (a debug build under Xvfb).
pub const WAIT: Duration = Duration::from_secs(15);

/// Fails the scenario with a message unless `cond` holds.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+).into());
        }
    };
}
pub(crate) use ensure;

/// A database file in its own temporary directory, removed on drop.
pub struct Db {
    _dir: TempDir,
    pub path: PathBuf,
}

impl Db {
    /// A new, empty database.
    pub fn new() -> Outcome<Db> {
        let dir = tempfile::Builder::new().prefix("trove-e2e-db-").tempdir()?;
        let path = dir.path().join("trove.db");
        Store::open(&path)?;
        Ok(Db { _dir: dir, path })
    }

    /// The store, opened beside the app (the CLI does the same; only the
    /// app claims the database's lock).
    pub fn store(&self) -> Outcome<Store> {
        Ok(Store::open(&self.path)?)
    }

    /// Imports `n` generated, realistic items (locations create their bins
    /// and sections).
    pub fn generate(&self, n: u64, seed: u64) -> Outcome {
        let csv = self.path.with_file_name("generated.csv");
        let file = std::io::BufWriter::new(std::fs::File::create(&csv)?);
        trove_fixtures::generate::write_items_csv(file, n, seed)?;
        let report =
            self.store()?
                .import_csv(&csv, &ImportOptions::default(), &mut Job::quiet())?;
        ensure!(
            report.committed && report.created == n,
            "seeding failed: {}",
            report.summary()
        );
        std::fs::remove_file(&csv)?;
        Ok(())
    }
}

/// Creates an item with a title and SKU.
pub fn add_item(store: &Store, title: &str, sku: &str) -> Outcome<Item> {
    Ok(store.create_item(&ItemChanges {
        title: Some(title.into()),
        sku: Some(sku.into()),
        ..ItemChanges::default()
    })?)
}

/// A CSS attribute selector value, quoted.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Moves focus off any field, to the page body.
pub fn blur(app: &Session) -> Outcome {
    app.execute(
        "if (document.activeElement) document.activeElement.blur(); document.body.focus();",
        vec![],
    )?;
    Ok(())
}

/// Presses one key (or a chord: `mods` held around it) with focus where it is.
pub fn press(app: &Session, mods: &[&str], key: &str) -> Outcome {
    let mut k = KeyActions::new();
    for m in mods {
        k = k.down(m);
    }
    k = k.press(key);
    for m in mods.iter().rev() {
        k = k.up(m);
    }
    app.actions(k.into_json())?;
    Ok(())
}

/// Types `code` and Enter the way a USB scanner does: each key down and up,
/// then a `gap` pause.
pub fn scan(app: &Session, code: &str, gap: Duration) -> Outcome {
    let mut k = KeyActions::new();
    for c in code.chars() {
        k = k.press(&c.to_string()).pause(gap);
    }
    app.actions(k.press(keys::ENTER).into_json())?;
    Ok(())
}

/// The pause between scanner keys the tests use.
pub const SCANNER_GAP: Duration = Duration::from_millis(4);

/// Starts recording every keydown's `event.timeStamp` (capture phase, on
/// the window, as the scanner detector itself listens).
pub fn record_keys(app: &Session) -> Outcome {
    app.execute(
        "window.__e2eKeys = [];
         if (!window.__e2eKeyListener) {
           window.__e2eKeyListener = (e) => window.__e2eKeys.push([e.key, e.timeStamp]);
           window.addEventListener('keydown', window.__e2eKeyListener, true);
         }",
        vec![],
    )?;
    Ok(())
}

/// The keydowns recorded since [`record_keys`]: (key, timeStamp ms).
pub fn recorded_keys(app: &Session) -> trove_e2e::Result<Vec<(String, f64)>> {
    let v = app.execute("return window.__e2eKeys || [];", vec![])?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .map(|k| {
                    (
                        k[0].as_str().unwrap_or("").to_string(),
                        k[1].as_f64().unwrap_or(f64::NAN),
                    )
                })
                .collect()
        })
        .unwrap_or_default())
}

/// The gaps between consecutive keydowns, in ms. Shift is left out, as the
/// scanner detector leaves it out.
pub fn gaps(keys: &[(String, f64)]) -> Vec<f64> {
    let counted: Vec<f64> = keys
        .iter()
        .filter(|(key, _)| key != "Shift")
        .map(|(_, time)| *time)
        .collect();
    counted.windows(2).map(|w| w[1] - w[0]).collect()
}

/// "n gaps: mean …, max … ms".
pub fn describe_gaps(gaps: &[f64]) -> String {
    if gaps.is_empty() {
        return "no gaps recorded".into();
    }
    let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
    let max = gaps.iter().cloned().fold(f64::MIN, f64::max);
    let min = gaps.iter().cloned().fold(f64::MAX, f64::min);
    format!(
        "{} gaps: min {min:.1}, mean {mean:.1}, max {max:.1} ms",
        gaps.len()
    )
}

/// The scanner detector's timing (`DEFAULT_SCANNER` in ui/src/lib/scanner.ts):
/// the usual longest gap of a burst, which its mean must keep too, and the
/// longest the one slow gap it tolerates may be.
pub const DETECTOR_FAST_GAP_MS: f64 = 40.0;
pub const DETECTOR_SLOW_GAP_MS: f64 = 100.0;

/// How often [`scan_as_scanner`] sends a burst the driver delivered too
/// slowly before it gives up.
pub const SCAN_ATTEMPTS: usize = 4;

/// Why the detector would rightly refuse a burst delivered with these gaps
/// (the Enter's included), if it would.
pub fn too_slow_for_a_scan(gaps: &[f64]) -> Option<String> {
    let slow = gaps.iter().filter(|g| **g > DETECTOR_FAST_GAP_MS).count();
    let max = gaps.iter().cloned().fold(0.0, f64::max);
    let mean = gaps.iter().sum::<f64>() / gaps.len().max(1) as f64;
    if max > DETECTOR_SLOW_GAP_MS {
        Some(format!(
            "a gap of {max:.1} ms, over {DETECTOR_SLOW_GAP_MS} ms"
        ))
    } else if slow > 1 {
        Some(format!("{slow} gaps over {DETECTOR_FAST_GAP_MS} ms"))
    } else if mean > DETECTOR_FAST_GAP_MS {
        Some(format!("a mean gap of {mean:.1} ms"))
    } else {
        None
    }
}

/// Sends `code` and Enter as a scanner would, and makes sure the app got it
/// at a scanner's pace. WebKitWebDriver on a busy machine sometimes
/// delivers a burst slower than any scanner types, and the detector rightly
/// takes that for a person; such a delivery is taken back (its Enter held
/// back from the app, the focused field put back as it was) and sent again,
/// up to [`SCAN_ATTEMPTS`] times. A burst delivered at a scanner's pace
/// that the app does not take as a scan fails, as it should. Returns how
/// the keys were delivered, for the scenario's messages.
pub fn scan_as_scanner(app: &Session, code: &str) -> Outcome<String> {
    let mut slow = Vec::new();
    for attempt in 1..=SCAN_ATTEMPTS {
        arm_burst(app)?;
        scan(app, code, SCANNER_GAP)?;
        let (keys, held) = burst_outcome(app)?;
        let g = gaps(&keys);
        let report = format!(
            "{} keydowns for {code:?}+Enter asked {} ms apart: {} ({})",
            keys.len(),
            SCANNER_GAP.as_millis(),
            describe_gaps(&g),
            list_gaps(&g)
        );
        println!("    key delivery: {report}");
        match (held, too_slow_for_a_scan(&g)) {
            (false, None) => return Ok(report),
            (false, Some(why)) => {
                return Err(format!(
                    "the burst was delivered too slowly ({why}) and the app took part \
                     of it for a scan; {report}"
                )
                .into())
            }
            (true, None) => {
                return Err(format!(
                    "the app did not take a burst delivered at a scanner's pace for a \
                     scan; {report}"
                )
                .into())
            }
            (true, Some(why)) => {
                println!("    attempt {attempt}: too slow for a scanner ({why}), sending it again");
                slow.push(format!("attempt {attempt}: {why}: {}", list_gaps(&g)));
            }
        }
    }
    Err(format!(
        "WebDriver delivered {code:?} too slowly for a scanner on all {SCAN_ATTEMPTS} \
         attempts (gaps in ms): {}",
        slow.join("; ")
    )
    .into())
}

/// Every gap, "4.1 3.9 43.0 …".
fn list_gaps(gaps: &[f64]) -> String {
    let all: Vec<String> = gaps.iter().map(|g| format!("{g:.1}")).collect();
    all.join(" ")
}

/// Records the next burst's keys (see [`record_keys`]) and readies the page
/// to take it back. The scanner detector listens on the window in the
/// capture phase and stops a scan's Enter there, so an Enter that reaches
/// the document was not taken as a scan: that Enter is held back from the
/// app (no form submits) and the field focused now gets its value and
/// selection back, with an "input" event, as the detector itself restores
/// a field after a scan.
fn arm_burst(app: &Session) -> Outcome {
    record_keys(app)?;
    app.execute(
        "const field = document.activeElement;
         window.__e2eBurst = {
           armed: true,
           held: false,
           restore: field && field.matches('input, textarea')
             ? [field, field.value, field.selectionStart, field.selectionEnd]
             : null,
         };
         if (!window.__e2eBurstListener) {
           window.__e2eBurstListener = (e) => {
             const burst = window.__e2eBurst;
             if (!burst || !burst.armed || e.key !== 'Enter') return;
             burst.armed = false;
             burst.held = true;
             e.preventDefault();
             e.stopPropagation();
             if (!burst.restore) return;
             const [f, value, start, end] = burst.restore;
             f.value = value;
             try { if (start !== null && end !== null) f.setSelectionRange(start, end); } catch {}
             f.dispatchEvent(new Event('input', { bubbles: true }));
           };
           document.addEventListener('keydown', window.__e2eBurstListener, true);
         }",
        vec![],
    )?;
    Ok(())
}

/// The burst's keydowns once its Enter has arrived, and whether its Enter
/// was held back (the app did not take it for a scan). Disarms the page.
fn burst_outcome(app: &Session) -> Outcome<(Vec<(String, f64)>, bool)> {
    let mut keys = Vec::new();
    app.wait_until("the burst's Enter", WAIT, || {
        keys = recorded_keys(app)?;
        Ok(keys.last().is_some_and(|(key, _)| key == "Enter"))
    })?;
    let held = app.execute(
        "const burst = window.__e2eBurst;
         window.__e2eBurst = null;
         return Boolean(burst && burst.held);",
        vec![],
    )?;
    Ok((keys, held.as_bool().unwrap_or(false)))
}

/// A rendered table row.
#[derive(Debug, Clone)]
pub struct Row {
    /// `data-index`: the row number in the whole list.
    pub index: i64,
    /// `data-id`: the item id.
    pub id: String,
    /// The title cell's text.
    pub title: String,
}

/// The rendered table rows, in index order.
pub fn rows(app: &Session) -> trove_e2e::Result<Vec<Row>> {
    let v = app.execute(
        "return Array.from(document.querySelectorAll('[data-testid=row]')).map((r) => {
           const t = r.querySelector('[data-col=title]');
           return [Number(r.dataset.index), r.dataset.id || '', t ? t.textContent.trim() : ''];
         });",
        vec![],
    )?;
    let mut out: Vec<Row> = v
        .as_array()
        .map(|a| {
            a.iter()
                .map(|r| Row {
                    index: r[0].as_i64().unwrap_or(-1),
                    id: r[1].as_str().unwrap_or("").to_string(),
                    title: r[2].as_str().unwrap_or("").to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|r| r.index);
    Ok(out)
}

/// Waits until a row whose title cell reads `title` is rendered.
pub fn wait_row_titled(app: &Session, title: &str) -> Outcome {
    let mut seen = Vec::new();
    let found = app.wait_until(&format!("a row titled {title:?}"), WAIT, || {
        seen = rows(app)?;
        Ok(seen.iter().any(|r| r.title == title))
    });
    found.map_err(|e| format!("{e}; rows shown: {:?}", titles(&seen)).into())
}

/// Waits until no rendered row reads `title`.
pub fn wait_no_row_titled(app: &Session, title: &str) -> Outcome {
    let mut seen = Vec::new();
    let gone = app.wait_until(&format!("no row titled {title:?}"), WAIT, || {
        seen = rows(app)?;
        Ok(!seen.iter().any(|r| r.title == title))
    });
    gone.map_err(|e| format!("{e}; rows shown: {:?}", titles(&seen)).into())
}

fn titles(rows: &[Row]) -> Vec<&str> {
    rows.iter().take(20).map(|r| r.title.as_str()).collect()
}

/// The texts of the toasts on screen.
pub fn toasts(app: &Session) -> trove_e2e::Result<Vec<String>> {
    let v = app.execute(
        "return Array.from(document.querySelectorAll('[data-testid=toast]'))
           .map((t) => t.textContent.trim());",
        vec![],
    )?;
    Ok(strings(&v))
}

/// Waits for a toast containing `text` and returns its text.
pub fn wait_toast(app: &Session, text: &str) -> Outcome<String> {
    let mut seen = Vec::new();
    let mut hit = None;
    let r = app.wait_until(&format!("a toast containing {text:?}"), WAIT, || {
        seen = toasts(app)?;
        hit = seen.iter().find(|t| t.contains(text)).cloned();
        Ok(hit.is_some())
    });
    r.map_err(|e| format!("{e}; toasts shown: {seen:?}"))?;
    Ok(hit.unwrap_or_default())
}

/// The value of the editor's input named `name`.
pub fn editor_value(app: &Session, name: &str) -> trove_e2e::Result<String> {
    app.find(&format!(
        "[data-testid=item-editor] [name={}]",
        quoted(name)
    ))?
    .value()
}

/// Waits for the item editor to show the item titled `title`.
pub fn wait_editor_titled(app: &Session, title: &str) -> Outcome {
    app.wait_for("[data-testid=item-editor]", WAIT)?;
    let mut value = String::new();
    let r = app.wait_until(&format!("the editor to show {title:?}"), WAIT, || {
        value = editor_value(app, "title")?;
        Ok(value == title)
    });
    r.map_err(|e| format!("{e}; the title field holds {value:?}").into())
}

/// Shows a screen by its nav button.
pub fn show(app: &Session, screen: &str) -> Outcome {
    app.find(&format!("button[data-screen={}]", quoted(screen)))?
        .click()?;
    Ok(())
}

/// Waits `ms` for anything the page might still do (to show that something
/// does *not* happen).
pub fn settle(ms: u64) {
    thread::sleep(Duration::from_millis(ms));
}

/// Text of every string in a JSON array.
pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a file starts like a PNG.
pub fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n")
}

/// The number of live items, from the store.
pub fn live_items(db: &Path) -> Outcome<i64> {
    Ok(Store::open(db)?.stats()?.items)
}

/// Clicks through script: a toast may lie over the button.
pub fn click_js(app: &Session, selector: &str) -> Outcome {
    app.wait_for(selector, WAIT)?;
    app.execute(
        &format!("document.querySelector({}).click();", quoted(selector)),
        vec![],
    )?;
    Ok(())
}

/// Sets a `<select>` (or text box) by script and tells Svelte it changed.
pub fn set_value(app: &Session, selector: &str, value: &str) -> Outcome {
    app.wait_for(selector, WAIT)?;
    app.execute(
        "const el = document.querySelector(arguments[0]);
         el.value = arguments[1];
         el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));",
        vec![selector.into(), value.into()],
    )?;
    Ok(())
}

/// The text of the only element `selector` names, once it is there.
pub fn text_of(app: &Session, selector: &str) -> Outcome<String> {
    Ok(app.wait_for(selector, WAIT)?.text()?)
}

/// Waits until the element at `css` shows text containing `want`; returns
/// it, its white space collapsed. (Read in one script: the element may be
/// replaced between a find and a read, as a report is when the next one
/// comes.)
pub fn wait_text(app: &Session, css: &str, want: &str) -> Outcome<String> {
    let mut seen = String::new();
    let r = app.wait_until(&format!("{css} to say {want:?}"), WAIT, || {
        let text = app.execute(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';",
            vec![serde_json::json!(css)],
        )?;
        seen = text
            .as_str()
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Ok(seen.contains(want))
    });
    r.map_err(|e| format!("{e}; it says {seen:?}"))?;
    Ok(seen)
}

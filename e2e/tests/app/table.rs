//! The inventory table over 100,000 items: scrolling far keeps the DOM
//! small, and sorting by title orders the rows.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use trove_e2e::{Driver, Session};

use crate::support::{ensure, rows, Db, Outcome, Row, WAIT};

/// The row the scroll must reach.
const TARGET_INDEX: i64 = 5_000;
/// Fewer rows than this may exist in the DOM at any time.
const MAX_DOM_ROWS: u64 = 200;

/// Scrolls the table down by `step` pixels (clamped to what is loaded) and
/// reports what is rendered.
const STEP_SCRIPT: &str = "
    const s = document.querySelector('[data-testid=table-scroller]');
    s.scrollTop = Math.min(s.scrollTop + arguments[0], s.scrollHeight - s.clientHeight);
    const rows = Array.from(document.querySelectorAll('[data-testid=row]'));
    let maxFilled = -1;
    for (const r of rows) {
      const t = r.querySelector('[data-col=title]');
      if (t && t.textContent.trim() !== '') maxFilled = Math.max(maxFilled, Number(r.dataset.index));
    }
    return { top: s.scrollTop, height: s.scrollHeight, rows: rows.length, maxFilled };";

/// Records the most rows the DOM ever held, after every change to it.
const WATCH_SCRIPT: &str = "
    const count = () => document.querySelectorAll('[data-testid=row]').length;
    window.__e2eMaxRows = count();
    new MutationObserver(() => {
      window.__e2eMaxRows = Math.max(window.__e2eMaxRows, count());
    }).observe(document.querySelector('[data-testid=table-scroller]'), {
      childList: true,
      subtree: true,
    });";

/// Scroll to row 5,000 of 100,000 with a small DOM; sort by title both ways.
pub fn table_scrolls_and_sorts(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let seeded = Instant::now();
    db.generate(100_000, 7)?;
    println!(
        "    seeded 100,000 items in {:.1} s",
        seeded.elapsed().as_secs_f64()
    );
    let app = driver.launch(&db.path)?;
    app.wait_for("[data-testid=row] [data-col=title]", WAIT)?;
    // Counts the rows after every DOM change, not just when we look.
    app.execute(WATCH_SCRIPT, vec![])?;

    let deadline = Instant::now() + Duration::from_secs(180);
    let mut most_rows = 0;
    let mut state: Value;
    loop {
        state = app.execute(STEP_SCRIPT, vec![json!(3_200)])?;
        most_rows = most_rows.max(state["rows"].as_u64().unwrap_or(0));
        ensure!(
            most_rows < MAX_DOM_ROWS,
            "the DOM held {most_rows} rows at once (scrolled to {state})"
        );
        if state["maxFilled"].as_i64().unwrap_or(-1) >= TARGET_INDEX {
            break;
        }
        ensure!(
            Instant::now() < deadline,
            "scrolling did not reach row {TARGET_INDEX} within 180 s; last: {state}"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
    let watched = app.execute("return window.__e2eMaxRows;", vec![])?;
    let watched = watched.as_u64().unwrap_or(0);
    ensure!(
        watched < MAX_DOM_ROWS,
        "the DOM held {watched} rows at once while scrolling"
    );
    let far: Vec<Row> = rows(&app)?
        .into_iter()
        .filter(|r| r.index >= TARGET_INDEX)
        .collect();
    ensure!(
        far.iter().any(|r| !r.title.is_empty()),
        "no row at index {TARGET_INDEX} or beyond shows a title: {far:?}"
    );
    println!(
        "    reached row {} with at most {} rows in the DOM",
        state["maxFilled"],
        most_rows.max(watched)
    );

    let header = app.find("button[data-sort=\"title\"]")?;
    header.click()?;
    wait_sorted(&app, "ascending")?;
    header.click()?;
    wait_sorted(&app, "descending")?;
    Ok(())
}

/// Waits until the title header says `order` and the first rows are in that
/// order, case-insensitively.
fn wait_sorted(app: &Session, order: &str) -> Outcome {
    let mut aria = None;
    let mut first: Vec<String> = Vec::new();
    let result = app.wait_until(&format!("titles sorted {order}"), WAIT, || {
        aria = app
            .find("button[data-sort=\"title\"]")?
            .attribute("aria-sort")?;
        if aria.as_deref() != Some(order) {
            return Ok(false);
        }
        let shown = rows(app)?;
        // Right after a sort the table starts again at row 0.
        first = shown
            .iter()
            .take_while(|r| !r.title.is_empty())
            .take(20)
            .map(|r| r.title.clone())
            .collect();
        if shown.first().map(|r| r.index) != Some(0) || first.len() < 10 {
            return Ok(false);
        }
        Ok(in_order(&first, order == "descending"))
    });
    result.map_err(|e| format!("{e}; aria-sort {aria:?}, first titles {first:?}").into())
}

fn in_order(titles: &[String], descending: bool) -> bool {
    titles.windows(2).all(|w| {
        let (a, b) = (w[0].to_lowercase(), w[1].to_lowercase());
        if descending {
            a >= b
        } else {
            a <= b
        }
    })
}

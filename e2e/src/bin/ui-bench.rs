//! UI benchmark of the real app over a big database, through the same
//! harness as the end-to-end tests: cold start, search-as-you-type latency
//! as the page itself measures it, and memory after scrolling the whole
//! table. Prints a Markdown table.
//!
//! usage: ui-bench [--db PATH] [--launches N] [--prefixes N] [--seed S] [--no-scroll]
//!
//! Without `--db` it uses `<target>/bench-ui/trove.db`, generating
//! 1,000,000 items into it first if it does not exist (about 75 s).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use trove_core::import::ImportOptions;
use trove_core::jobs::Job;
use trove_core::Store;
use trove_e2e::harness::target_dir;
use trove_e2e::process::{descendants, process_name};
use trove_e2e::{keys, App, Driver, KeyActions};

type Failure = Box<dyn std::error::Error>;

const USAGE: &str =
    "usage: ui-bench [--db PATH] [--launches N] [--prefixes N] [--seed S] [--no-scroll]";

struct Options {
    db: Option<PathBuf>,
    launches: usize,
    prefixes: usize,
    seed: u64,
    /// Scroll the whole table before the memory reading (minutes at 1M).
    scroll: bool,
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1).collect()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("ui-bench: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(table) => {
            println!("\n{table}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ui-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse(args: Vec<String>) -> Result<Options, String> {
    let mut o = Options {
        db: None,
        launches: 5,
        prefixes: 200,
        seed: 42,
        scroll: true,
    };
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--db" => o.db = Some(PathBuf::from(value("--db")?)),
            "--launches" => o.launches = number(&value("--launches")?)?,
            "--prefixes" => o.prefixes = number(&value("--prefixes")?)?,
            "--seed" => o.seed = number(&value("--seed")?)?,
            "--no-scroll" => o.scroll = false,
            "-h" | "--help" => return Err("help".into()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(o)
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a whole number"))
}

fn run(o: &Options) -> Result<String, Failure> {
    let db = match &o.db {
        Some(p) if p.is_file() => p.clone(),
        Some(p) => return Err(format!("{} does not exist", p.display()).into()),
        None => default_db(o.seed)?,
    };
    let items = Store::open(&db)?.stats()?.items;
    println!(
        "ui-bench: {} ({} live items)",
        db.display(),
        thousands(items as f64)
    );
    let mut driver = Driver::start()?;
    {
        // One launch to settle the page's saved state (and the page cache),
        // not counted.
        let app = driver.launch(&db)?;
        let pid = app.pid()?;
        app.close()?;
        wait_exit(pid)?;
    }
    let starts = cold_starts(&mut driver, &db, o.launches)?;
    let app = driver.launch(&db)?;
    let searches = search_latency(&app, o.prefixes, o.seed)?;
    let memory = memory_after_scroll(&app, if o.scroll { items } else { 0 })?;
    let binary = app.driver().app_binary().to_path_buf();
    Ok(table(&binary, &db, items, &starts, &searches, &memory))
}

/// `<target>/bench-ui/trove.db`, generated with 1,000,000 items if missing.
fn default_db(seed: u64) -> Result<PathBuf, Failure> {
    let dir = target_dir().join("bench-ui");
    let db = dir.join("trove.db");
    if db.is_file() {
        return Ok(db);
    }
    fs::create_dir_all(&dir)?;
    let started = Instant::now();
    println!(
        "ui-bench: generating 1,000,000 items into {} ...",
        db.display()
    );
    let csv = dir.join("items.csv");
    trove_fixtures::generate::write_items_csv(
        std::io::BufWriter::new(fs::File::create(&csv)?),
        1_000_000,
        seed,
    )?;
    // Import into a side file, so a cancelled run never leaves half a database.
    let partial = dir.join("trove.partial.db");
    let _ = fs::remove_file(&partial);
    let store = Store::open(&partial)?;
    let report = store.import_csv(&csv, &ImportOptions::default(), &mut Job::quiet())?;
    if !report.committed {
        return Err(format!("generating the database failed: {}", report.summary()).into());
    }
    store.optimize()?;
    drop(store);
    fs::rename(&partial, &db)?;
    for side in ["-wal", "-shm"] {
        let _ = fs::remove_file(dir.join(format!("trove.partial.db{side}")));
    }
    fs::remove_file(&csv)?;
    println!(
        "ui-bench: generated in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(db)
}

/// One measured launch.
struct Start {
    /// Before new_session to the page's first inventory page seen.
    wall_ms: f64,
    /// The app's own figure: process start (main) to first page drawn.
    process_ms: f64,
}

fn cold_starts(driver: &mut Driver, db: &Path, n: usize) -> Result<Vec<Start>, Failure> {
    let mut out = Vec::new();
    for i in 0..n {
        let started = Instant::now();
        let app = driver.open(db)?;
        poll(&app, "return window.__trove && window.__trove.firstPageMs;")?;
        let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
        let process_ms = poll(&app, "return window.__trove && window.__trove.startupMs;")?
            .as_f64()
            .unwrap_or(f64::NAN);
        println!(
            "ui-bench: launch {}: {wall_ms:.0} ms to the first page (app: {process_ms:.0} ms)",
            i + 1
        );
        out.push(Start {
            wall_ms,
            process_ms,
        });
        let pid = app.pid()?;
        app.close()?;
        // The next launch must not find this one still holding the lock.
        wait_exit(pid)?;
    }
    Ok(out)
}

/// Polls `script` every few milliseconds until it returns a number.
fn poll(app: &App<'_>, script: &str) -> Result<Value, Failure> {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let v = app.execute(script, vec![])?;
        if v.is_number() {
            return Ok(v);
        }
        if Instant::now() > deadline {
            return Err(format!("gave up after 120 s waiting for `{script}`").into());
        }
        thread::sleep(Duration::from_millis(5));
    }
}

fn wait_exit(pid: u32) -> Result<(), Failure> {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Path::new(&format!("/proc/{pid}")).exists() && process_name(pid).is_some() {
        if Instant::now() > deadline {
            return Err(format!("the app (pid {pid}) did not exit after its session ended").into());
        }
        thread::sleep(Duration::from_millis(20));
    }
    Ok(())
}

/// Search latencies, one per keystroke, in ms (as `window.__trove.searchMs`
/// measured them: last keystroke to results painted).
struct Searches {
    samples: Vec<f64>,
    /// The search command's own round trip (IPC + core) for each of them.
    ipc: Vec<f64>,
    /// Keystrokes whose results never showed within the timeout.
    missing: usize,
}

fn search_latency(app: &App<'_>, prefixes: usize, seed: u64) -> Result<Searches, Failure> {
    let queries = trove_fixtures::generate::queries(prefixes, seed);
    let search = app.wait_for("#search", Duration::from_secs(10))?;
    let mut samples = Vec::new();
    let mut ipc = Vec::new();
    let mut missing = 0;
    'queries: for q in &queries {
        search.clear()?;
        search.click()?;
        // Whatever clearing set off is drawn and counted before we start.
        thread::sleep(Duration::from_millis(300));
        let mut typed_so_far = String::new();
        for c in q.chars() {
            typed_so_far.push(c);
            if samples.len() + missing >= prefixes {
                break 'queries;
            }
            let before = search_count(app)?;
            let typed = Instant::now();
            app.actions(KeyActions::new().press(&c.to_string()).into_json())?;
            // Wait inside the page (one WebDriver call, no polling that
            // would compete with the page for the CPU) for the search this
            // keystroke set off to be drawn.
            let v = app.execute_async(
                "const [before, done] = [arguments[0], arguments[arguments.length - 1]];
                 const t0 = performance.now();
                 (function wait() {
                   const m = window.__trove;
                   if (m.searchMs.length > before) {
                     done([m.searchMs[m.searchMs.length - 1], m.searchIpcMs[m.searchIpcMs.length - 1]]);
                   } else if (performance.now() - t0 > 10000) {
                     done(null);
                   } else {
                     setTimeout(wait, 1);
                   }
                 })();",
                vec![json!(before)],
            )?;
            match v.as_array() {
                Some(pair) => {
                    samples.push(pair[0].as_f64().unwrap_or(f64::NAN));
                    ipc.push(pair[1].as_f64().unwrap_or(f64::NAN));
                    if std::env::var_os("UI_BENCH_VERBOSE").is_some() {
                        println!(
                            "  {:>6.1} ms ({:>5.1} ms command) {typed_so_far:?}",
                            samples[samples.len() - 1],
                            ipc[ipc.len() - 1]
                        );
                    }
                }
                None => missing += 1,
            }
            // A quick typist: no faster than one key per 120 ms.
            if let Some(rest) = Duration::from_millis(120).checked_sub(typed.elapsed()) {
                thread::sleep(rest);
            }
        }
    }
    let _ = app.actions(KeyActions::new().press(keys::ESCAPE).into_json());
    search.clear()?;
    println!(
        "ui-bench: {} searches timed ({} keystrokes showed no results)",
        samples.len(),
        missing
    );
    Ok(Searches {
        samples,
        ipc,
        missing,
    })
}

fn search_count(app: &App<'_>) -> Result<usize, Failure> {
    let v = app.execute("return window.__trove.searchMs.length;", vec![])?;
    Ok(v.as_u64().unwrap_or(0) as usize)
}

/// Resident memory of one process.
struct Memory {
    name: String,
    pid: u32,
    rss_kb: u64,
    hwm_kb: u64,
    /// Of the RSS: the process's own memory, and mapped files (SQLite's
    /// memory-mapped database pages count here, shared with the page cache).
    anon_kb: u64,
    file_kb: u64,
    /// Proportional set size: shared pages (the GTK and WebKit libraries
    /// every one of these processes maps) divided among their users.
    pss_kb: u64,
}

struct MemoryReport {
    before: Vec<Memory>,
    after: Vec<Memory>,
    rows: u64,
    scroll_ms: f64,
}

/// Scrolls the whole table inside the page: jump to the bottom, tell the
/// table, wait for the next page to arrive, again, until every row is known
/// or nothing arrives for five seconds.
const SCROLL_TO_END: &str = "
    const done = arguments[arguments.length - 1];
    const want = arguments[0];
    const table = document.querySelector('[data-testid=inventory-table]');
    const s = document.querySelector('[data-testid=table-scroller]');
    const known = () => Number(table.getAttribute('aria-rowcount') || 0);
    const t0 = performance.now();
    let last = known();
    let lastGrew = t0;
    function step() {
      const n = known();
      const now = performance.now();
      if (n !== last) { last = n; lastGrew = now; }
      if (n >= want || now - lastGrew > 5000) {
        done({ rows: n, ms: now - t0 });
        return;
      }
      s.scrollTop = s.scrollHeight;
      s.dispatchEvent(new Event('scroll'));
      setTimeout(step, 1);
    }
    step();";

fn memory_after_scroll(app: &App<'_>, items: i64) -> Result<MemoryReport, Failure> {
    let pid = app.pid()?;
    let before = memory_tree(pid);
    app.set_script_timeout(Duration::from_secs(3600))?;
    println!("ui-bench: scrolling the whole table ...");
    let v = if items > 0 {
        app.execute_async(SCROLL_TO_END, vec![json!(items)])?
    } else {
        json!({"rows": 0, "ms": 0.0})
    };
    let rows = v["rows"].as_u64().unwrap_or(0);
    let scroll_ms = v["ms"].as_f64().unwrap_or(f64::NAN);
    println!(
        "ui-bench: {} rows known after {:.1} s of scrolling",
        thousands(rows as f64),
        scroll_ms / 1000.0
    );
    // Let the last pages draw.
    thread::sleep(Duration::from_millis(500));
    let after = memory_tree(pid);
    Ok(MemoryReport {
        before,
        after,
        rows,
        scroll_ms,
    })
}

/// The app process and its children (WebKit's web and network processes).
fn memory_tree(pid: u32) -> Vec<Memory> {
    std::iter::once(pid)
        .chain(descendants(pid))
        .filter_map(|p| {
            let status = fs::read_to_string(format!("/proc/{p}/status")).ok()?;
            let rollup = fs::read_to_string(format!("/proc/{p}/smaps_rollup")).unwrap_or_default();
            let read = |text: &str, name: &str| -> u64 {
                text.lines()
                    .find_map(|l| l.strip_prefix(name))
                    .and_then(|v| v.split_whitespace().next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0)
            };
            let field = |name: &str| read(&status, name);
            Some(Memory {
                name: process_name(p).unwrap_or_default(),
                pid: p,
                rss_kb: field("VmRSS:"),
                hwm_kb: field("VmHWM:"),
                anon_kb: field("RssAnon:"),
                file_kb: field("RssFile:"),
                pss_kb: read(&rollup, "Pss:"),
            })
        })
        .collect()
}

fn table(
    app: &Path,
    db: &Path,
    items: i64,
    starts: &[Start],
    searches: &Searches,
    memory: &MemoryReport,
) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "UI benchmark: {} live items in {}, app {}\n",
        thousands(items as f64),
        db.display(),
        app.display()
    );
    let _ = writeln!(t, "| measure | median | p95 | p99 | max | n |");
    let _ = writeln!(t, "|---|---:|---:|---:|---:|---:|");
    let wall: Vec<f64> = starts.iter().map(|s| s.wall_ms).collect();
    let process: Vec<f64> = starts.iter().map(|s| s.process_ms).collect();
    row(
        &mut t,
        "cold start: new_session → first page seen (ms)",
        &wall,
    );
    row(
        &mut t,
        "cold start: app's own startupMs, main → first page drawn (ms)",
        &process,
    );
    row(
        &mut t,
        "search: keystroke → results painted (ms, window.__trove.searchMs)",
        &searches.samples,
    );
    row(
        &mut t,
        "search: the command's round trip alone, IPC + core (ms)",
        &searches.ipc,
    );
    if searches.missing > 0 {
        let _ = writeln!(
            t,
            "\n{} keystroke(s) showed no results within 10 s.",
            searches.missing
        );
    }
    let _ = writeln!(
        t,
        "\nMemory, whole table scrolled ({} rows known after {:.1} s):\n",
        thousands(memory.rows as f64),
        memory.scroll_ms / 1000.0
    );
    let _ = writeln!(
        t,
        "| process | VmRSS before (MB) | VmRSS after (MB) | of which anon / file (MB) | PSS after (MB) | VmHWM after (MB) |"
    );
    let _ = writeln!(t, "|---|---:|---:|---:|---:|---:|");
    let mb = |kb: u64| kb as f64 / 1024.0;
    let mut total = [0u64; 6];
    for a in &memory.after {
        let b = memory
            .before
            .iter()
            .find(|b| b.pid == a.pid)
            .map(|b| b.rss_kb)
            .unwrap_or(0);
        for (sum, v) in total
            .iter_mut()
            .zip([b, a.rss_kb, a.anon_kb, a.file_kb, a.pss_kb, a.hwm_kb])
        {
            *sum += v;
        }
        let _ = writeln!(
            t,
            "| {} ({}) | {:.0} | {:.0} | {:.0} / {:.0} | {:.0} | {:.0} |",
            a.name,
            a.pid,
            mb(b),
            mb(a.rss_kb),
            mb(a.anon_kb),
            mb(a.file_kb),
            mb(a.pss_kb),
            mb(a.hwm_kb)
        );
    }
    let _ = writeln!(
        t,
        "| **total** | {:.0} | {:.0} | {:.0} / {:.0} | {:.0} | {:.0} |",
        mb(total[0]),
        mb(total[1]),
        mb(total[2]),
        mb(total[3]),
        mb(total[4]),
        mb(total[5])
    );
    t
}

fn row(t: &mut String, name: &str, samples: &[f64]) {
    let mut s: Vec<f64> = samples.iter().copied().filter(|v| v.is_finite()).collect();
    s.sort_by(f64::total_cmp);
    if s.is_empty() {
        let _ = writeln!(t, "| {name} | – | – | – | – | 0 |");
        return;
    }
    let q = |p: f64| s[((p * (s.len() - 1) as f64).round() as usize).min(s.len() - 1)];
    let _ = writeln!(
        t,
        "| {name} | {:.1} | {:.1} | {:.1} | {:.1} | {} |",
        q(0.5),
        q(0.95),
        q(0.99),
        s[s.len() - 1],
        s.len()
    );
}

fn thousands(n: f64) -> String {
    let digits = format!("{:.0}", n);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

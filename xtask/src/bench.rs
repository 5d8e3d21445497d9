//! `cargo xtask bench`: Trove against the sqlite3 anchor on generated data.
//!
//! Every assumption about the `trove` CLI lives in [`Trove`] and the
//! `run_*` functions below it; the arithmetic and the report are pure
//! functions with unit tests.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use crate::app;
use crate::setup;
use crate::util::{self, Ctx, Result, Steps};

/// The targets of the foundation issue, on this 2-core machine at 1M items:
/// search-as-you-type p95 and p99, scan p99, any list's first page, and an
/// import no slower than the sqlite3 CLI doing the same job.
const SEARCH_P95_MS: f64 = 20.0;
const SEARCH_P99_MS: f64 = 50.0;
const SCAN_P99_MS: f64 = 1.0;
const FIRST_PAGE_MS: f64 = 30.0;
/// Issue 14: recording a sale (movements, committed units, end jobs) at 1M
/// items and 200k sales, p99; the To ship queue's first page.
const SALE_P99_MS: f64 = 5.0;
const TO_SHIP_MS: f64 = 30.0;
const IMPORT_VS_ANCHOR: f64 = 1.0;
/// Issue 13: the validated import within 1.5× of the in-process bulk-load
/// floor (`trove bench floor`), in under 300 MB of memory.
const IMPORT_VS_FLOOR: f64 = 1.5;
const IMPORT_RSS_MB: f64 = 300.0;

pub struct Opts {
    pub items: u64,
    pub out: PathBuf,
    pub seed: u64,
    /// Query lines used for the LIKE baseline (0 = all): a full scan per
    /// typed prefix over a million rows takes a long time.
    pub like_queries: usize,
}

pub fn parse_opts(args: &[OsString], default_out: PathBuf) -> Result<Opts> {
    let mut o = Opts {
        items: 1_000_000,
        out: default_out,
        seed: 42,
        like_queries: 100,
    };
    let mut it = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = || -> Result<String> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("`{flag}` needs a value"))
        };
        match flag.as_str() {
            "--items" => o.items = parse_count(&value()?)?,
            "--out" => o.out = PathBuf::from(value()?),
            "--seed" => o.seed = parse_count(&value()?)?,
            "--like-queries" => o.like_queries = parse_count(&value()?)? as usize,
            other => {
                return Err(format!(
                    "unknown option `{other}` (try: --items N --out DIR --seed S --like-queries L)"
                ))
            }
        }
    }
    if o.items == 0 {
        return Err("--items must be at least 1".into());
    }
    Ok(o)
}

/// `1000000`, `1_000_000`, `1,000,000`, `100k`, `1M`.
fn parse_count(s: &str) -> Result<u64> {
    let t: String = s.chars().filter(|c| *c != '_' && *c != ',').collect();
    let (digits, mult) = match t.chars().last() {
        Some('k' | 'K') => (&t[..t.len() - 1], 1_000),
        Some('m' | 'M') => (&t[..t.len() - 1], 1_000_000),
        _ => (&t[..], 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("`{s}` is not a count"))
}

pub fn bench(args: &[OsString]) -> Result<()> {
    let ctx = Ctx::new();
    let mut o = parse_opts(args, ctx.root.join("target").join("bench"))?;
    if o.out.is_relative() {
        o.out = std::env::current_dir()
            .map_err(|e| format!("no current directory: {e}"))?
            .join(&o.out);
    }
    let mut steps = Steps::new();
    let result = run_suite(&ctx, &o, &mut steps);
    steps.summary();
    result
}

fn run_suite(ctx: &Ctx, o: &Opts, steps: &mut Steps) -> Result<()> {
    steps.step("install missing system packages", || {
        let mut pkgs = setup::BUILD_PACKAGES.to_vec();
        pkgs.extend_from_slice(setup::BENCH_PACKAGES);
        setup::ensure_system_packages(&pkgs)
    })?;
    let sqlite_version = util::stdout_of("sqlite3", &["--version"])
        .ok_or("the `sqlite3` command-line shell is needed for the anchor (Debian: apt-get install sqlite3)")?;
    steps.step("build trove (release)", || ctx.build_trove_release())?;
    let report = measure(&ctx.trove_release_exe(), o, &sqlite_version, steps)?;
    let mut md = report.render();
    let ui = ui_bench(ctx, &o.out.join("trove.db"), steps)?;
    md.push_str("\n## The desktop app on the same database\n\n");
    md.push_str(&ui);
    let photos = photo_bench(&ctx.trove_release_exe(), &o.out.join("photos"), steps)?;
    md.push_str("\n## Photo import against vipsthumbnail\n\n");
    md.push_str(&photos);
    let cards = card_bench(&ctx.trove_release_exe(), &o.out.join("cards"), steps)?;
    md.push_str("\n## Cards: a 100,000-row ManaBox file and every Magic set\n\n");
    md.push_str(&cards);
    let path = o.out.join("benchmarks.md");
    fs::write(&path, &md).map_err(|e| format!("could not write {}: {e}", path.display()))?;
    println!("\n{md}");
    println!("written to {}", path.display());
    Ok(())
}

/// `trove bench cards`: a generated Scryfall-shaped catalogue the size of
/// every Magic set, a 100,000-row ManaBox file imported (and again,
/// unchanged), and set completion of every set; returns the Markdown table.
fn card_bench(exe: &Path, dir: &Path, steps: &mut Steps) -> Result<String> {
    let out = steps.step("cards: catalogue, ManaBox import, completion", || {
        let mut c = Command::new(exe);
        c.args(["bench", "cards", "--json", "--dir"]).arg(dir);
        let out = util::run_capture(&mut c)?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    })?;
    let report = parse_report(&out).map_err(|e| format!("`trove bench cards`: {e}\n{out}"))?;
    Ok(render_card_bench(&report))
}

/// What `trove bench cards --json` prints.
#[derive(Deserialize)]
struct CardReport {
    sets: u64,
    catalogue_cards: u64,
    rows: u64,
    catalogue_megabytes: f64,
    manabox_megabytes: f64,
    catalogue_seconds: f64,
    import_seconds: f64,
    reimport_seconds: f64,
    completion_seconds: f64,
    completion_ms_p50: f64,
    completion_ms_max: f64,
}

fn render_card_bench(r: &CardReport) -> String {
    let (sets, cards, rows) = (r.sets, r.catalogue_cards, r.rows);
    let (import, reimport) = (r.import_seconds, r.reimport_seconds);
    let mut s = String::from("| step | seconds | rate |\n|---|---:|---:|\n");
    let _ = writeln!(
        s,
        "| catalogue: Scryfall bulk JSON, {sets} sets, {cards} cards ({:.0} MB) | {:.2} | {:.0} cards/s |",
        r.catalogue_megabytes,
        r.catalogue_seconds,
        cards as f64 / r.catalogue_seconds
    );
    let _ = writeln!(
        s,
        "| ManaBox file, {rows} rows ({:.1} MB), linked to the catalogue | {import:.2} | {:.0} rows/s |",
        r.manabox_megabytes,
        rows as f64 / import
    );
    let _ = writeln!(
        s,
        "| the same file again, unchanged | {reimport:.2} | {:.0} rows/s |",
        rows as f64 / reimport
    );
    let _ = writeln!(
        s,
        "| set completion of all {sets} sets | {:.2} | p50 {:.2} ms, max {:.2} ms per set |",
        r.completion_seconds, r.completion_ms_p50, r.completion_ms_max
    );
    s
}

/// How many generated 12 MP JPEGs the photo benchmark imports.
const BENCH_PHOTOS: u32 = 48;

/// `trove bench photos`: Trove's import of generated 12 MP JPEGs (hash,
/// store, both thumbnails) against `vipsthumbnail` making the same two
/// sizes, in one run; returns the Markdown table.
fn photo_bench(exe: &Path, dir: &Path, steps: &mut Steps) -> Result<String> {
    let out = steps.step("photos: trove import against vipsthumbnail", || {
        let mut c = Command::new(exe);
        c.args(["bench", "photos", "--json", "--count"])
            .arg(BENCH_PHOTOS.to_string())
            .arg("--dir")
            .arg(dir);
        let out = util::run_capture(&mut c)?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    })?;
    let report = parse_report(&out).map_err(|e| format!("`trove bench photos`: {e}\n{out}"))?;
    Ok(render_photo_bench(&report))
}

/// What `trove bench photos --json` prints.
#[derive(Deserialize)]
struct PhotoReport {
    photos: u64,
    width: u64,
    height: u64,
    megabytes: f64,
    cores: u64,
    trove: PhotoRun,
    vips_sequential: PhotoRun,
    vips_parallel: PhotoRun,
    vips_version: String,
}

#[derive(Deserialize)]
struct PhotoRun {
    seconds: f64,
    photos_per_second: f64,
    megabytes_per_second: f64,
}

fn render_photo_bench(r: &PhotoReport) -> String {
    let mut s = format!(
        "{} JPEGs of {}×{} ({:.0} MB), {} cores, {}. Throughput is photos per second of wall time, both thumbnail sizes made.\n\n\
         | run | seconds | photos/s | MB/s |\n|---|---:|---:|---:|\n",
        r.photos, r.width, r.height, r.megabytes, r.cores, r.vips_version,
    );
    for (label, run) in [
        (
            "Trove import: hash, store original, 256 + 1024 thumbnails, rows",
            &r.trove,
        ),
        (
            "vipsthumbnail -s 1024, then -s 256 (one process per size)",
            &r.vips_sequential,
        ),
        (
            "vipsthumbnail -s 1024, then -s 256 (one process per core per size)",
            &r.vips_parallel,
        ),
    ] {
        let _ = writeln!(
            s,
            "| {label} | {:.2} | {:.1} | {:.0} |",
            run.seconds, run.photos_per_second, run.megabytes_per_second
        );
    }
    let best_vips = r
        .vips_sequential
        .photos_per_second
        .max(r.vips_parallel.photos_per_second);
    let _ = writeln!(
        s,
        "\nTrove against the faster vipsthumbnail run: {:.2}× (target ≥ 1).",
        r.trove.photos_per_second / best_vips
    );
    s
}

/// The app's own figures on the suite's database (release builds of the
/// app and of `ui-bench`, which drives it over WebDriver under Xvfb): cold
/// start, keystroke to results drawn, memory after scrolling everything.
fn ui_bench(ctx: &Ctx, db: &Path, steps: &mut Steps) -> Result<String> {
    steps.step(
        "install the app's packages",
        app::ensure_app_and_e2e_packages,
    )?;
    let path = steps.step("find or install node", app::ensure_node)?;
    steps.step("npm ci (ui)", || app::npm_ci(ctx, &path))?;
    steps.step("build the ui", || {
        util::run_status(&mut app::npm(ctx, &path, &["run", "build"]))
    })?;
    steps.step("install tauri-driver", || app::ensure_tauri_driver(ctx))?;
    let exe = steps.step("build trove-app (release)", || app::build_app(ctx, true))?;
    steps.step("build ui-bench (release)", || {
        util::run_status(ctx.cargo().args([
            "build",
            "--release",
            "-p",
            "trove-e2e",
            "--bin",
            "ui-bench",
        ]))
    })?;
    let bench = ctx
        .target_dir()
        .join("release")
        .join(format!("ui-bench{}", std::env::consts::EXE_SUFFIX));
    steps.step("ui-bench: the app on the same database", || {
        let out = util::run_capture(
            Command::new(&bench)
                .arg("--db")
                .arg(db)
                .env("TROVE_APP_BIN", &exe),
        )?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        // The table is what follows the progress lines.
        Ok(text
            .find("\n|")
            .map_or(text.clone(), |i| text[i + 1..].to_string()))
    })
}

/// The suite proper, given a built `trove` executable: generate, import,
/// anchor, search, scan, lists. Separate from the build so it can be run
/// against any `trove` binary.
pub fn measure(exe: &Path, o: &Opts, sqlite_version: &str, steps: &mut Steps) -> Result<Report> {
    let trove = Trove {
        exe: exe.to_path_buf(),
    };

    fs::create_dir_all(&o.out).map_err(|e| format!("could not create {}: {e}", o.out.display()))?;
    let csv = o.out.join("items.csv");
    let queries = o.out.join("queries.txt");
    let trove_db = o.out.join("trove.db");
    let anchor_db = o.out.join("anchor.db");
    let floor_db = o.out.join("floor.db");

    let gen_time = steps.step(&format!("generate {} items", group(o.items)), || {
        let t = Instant::now();
        trove.gen(o.items, o.seed, &csv, &queries)?;
        Ok(t.elapsed())
    })?;
    let query_lines = fs::read_to_string(&queries)
        .map_err(|e| format!("could not read {}: {e}", queries.display()))?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    let csv_bytes = fs::metadata(&csv).map(|m| m.len()).unwrap_or(0);
    println!(
        "{}: {:.1} MB; {}: {query_lines} lines",
        csv.display(),
        mb(csv_bytes),
        queries.display()
    );

    let (import_time, import_rss_mb, import_report) = steps.step("trove init + import", || {
        util::remove_db(&trove_db)?;
        let t = Instant::now();
        trove.init(&trove_db)?;
        let (report, rss) = trove.import(&csv, &trove_db, &o.out)?;
        Ok((t.elapsed(), rss, report))
    })?;
    println!("import report: {}", one_line(&import_report, 2000));

    let (floor_time, floor_rss_mb) =
        steps.step("in-process floor: plain inserts + FTS rebuild", || {
            util::remove_db(&floor_db)?;
            trove.init(&floor_db)?;
            let t = Instant::now();
            let rss = trove.floor(&csv, &floor_db, &o.out)?;
            Ok((t.elapsed(), rss))
        })?;

    let anchor_time = steps.step("sqlite3 anchor: .import + FTS rebuild", || {
        util::remove_db(&anchor_db)?;
        trove.init(&anchor_db)?;
        let script = anchor_script(&csv, &fts_triggers(&anchor_db)?)?;
        let t = Instant::now();
        run_sqlite_script(&anchor_db, &script)?;
        Ok(t.elapsed())
    })?;

    let like_file = if o.like_queries == 0 || o.like_queries >= query_lines {
        queries.clone()
    } else {
        let text = fs::read_to_string(&queries).map_err(|e| e.to_string())?;
        let subset: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(o.like_queries)
            .collect();
        let p = o.out.join("queries-like.txt");
        fs::write(&p, subset.join("\n") + "\n").map_err(|e| e.to_string())?;
        p
    };

    let search_trove = steps.step("search: trove", || {
        trove.search(&queries, "trove", &trove_db)
    })?;
    // The naive baseline scores every match of a one-letter prefix (most
    // of the items), so it gets the same shortened query list as LIKE.
    let search_fts = steps.step("search: naive FTS5 (bm25)", || {
        trove.search(&like_file, "fts", &trove_db)
    })?;
    let search_like = steps.step("search: LIKE '%...%'", || {
        trove.search(&like_file, "like", &trove_db)
    })?;
    let scan = steps.step("scan lookups", || trove.scan(&trove_db))?;
    let lists = steps.step("list first pages", || trove.lists(&trove_db))?;
    // On the floor's copy of the same items: the sales it seeds (and a
    // listing per item) must not change trove.db for the app's benchmark.
    let sales = steps.step("sales: 200,000 seeded, then recorded one by one", || {
        trove.sales(&floor_db)
    })?;

    Ok(Report {
        machine: Machine::probe(sqlite_version),
        items: o.items,
        seed: o.seed,
        query_lines,
        like_lines: if like_file == queries {
            query_lines
        } else {
            o.like_queries
        },
        csv_bytes,
        gen_time,
        import_time,
        anchor_time,
        floor_time,
        import_rss_mb,
        floor_rss_mb,
        floor_rows: count_items(&floor_db),
        trove_rows: count_items(&trove_db),
        anchor_rows: count_items(&anchor_db),
        trove_db_bytes: db_bytes(&trove_db),
        anchor_db_bytes: db_bytes(&anchor_db),
        search_trove,
        search_fts,
        search_like,
        scan,
        lists,
        sales: Some(sales),
    })
}

// ---------------------------------------------------------------------------
// The `trove` CLI, as the benchmark uses it.

struct Trove {
    exe: PathBuf,
}

impl Trove {
    /// `trove ARGS... --db DB`. The flag goes after the subcommand, which
    /// clap accepts both for a global `--db` and for a per-subcommand one.
    fn cmd(&self, args: &[&dyn AsRefOs], db: Option<&Path>) -> Command {
        let mut c = Command::new(&self.exe);
        for a in args {
            c.arg(a.as_os());
        }
        if let Some(db) = db {
            c.arg("--db").arg(db);
        }
        c
    }

    fn stdout(&self, mut c: Command) -> Result<String> {
        let out = util::run_capture(&mut c)?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn gen(&self, items: u64, seed: u64, csv: &Path, queries: &Path) -> Result<()> {
        let (items, seed) = (items.to_string(), seed.to_string());
        let c = self.cmd(
            &[
                &"bench",
                &"gen",
                &"--items",
                &items,
                &"--out",
                &csv,
                &"--queries",
                &queries,
                &"--seed",
                &seed,
            ],
            None,
        );
        self.stdout(c).map(drop)
    }

    fn init(&self, db: &Path) -> Result<()> {
        self.stdout(self.cmd(&[&"init"], Some(db))).map(drop)
    }

    /// `trove import`: its JSON report and its peak memory (MB).
    fn import(&self, csv: &Path, db: &Path, scratch: &Path) -> Result<(String, Option<f64>)> {
        self.measured(self.cmd(&[&"import", &csv, &"--json"], Some(db)), scratch)
    }

    /// `trove bench floor`: its peak memory (MB).
    fn floor(&self, csv: &Path, db: &Path, scratch: &Path) -> Result<Option<f64>> {
        let c = self.cmd(&[&"bench", &"floor", &"--csv", &csv, &"--json"], Some(db));
        Ok(self.measured(c, scratch)?.1)
    }

    /// Runs `c`, reading the peak memory it reports at exit
    /// (`TROVE_PEAK_RSS_FILE`, Linux only).
    fn measured(&self, mut c: Command, scratch: &Path) -> Result<(String, Option<f64>)> {
        let file = scratch.join("peak-rss.txt");
        let _ = fs::remove_file(&file);
        c.env("TROVE_PEAK_RSS_FILE", &file);
        let out = self.stdout(c)?;
        let rss = fs::read_to_string(&file)
            .ok()
            .and_then(|t| t.trim().parse().ok());
        Ok((out, rss))
    }

    fn search(&self, queries: &Path, mode: &str, db: &Path) -> Result<Latency> {
        let c = self.cmd(
            &[
                &"bench",
                &"search",
                &"--queries",
                &queries,
                &"--mode",
                &mode,
                &"--json",
            ],
            Some(db),
        );
        let out = self.stdout(c)?;
        let v: Value = parse_report(&out)
            .map_err(|e| format!("`trove bench search --mode {mode}`: {e}\n{out}"))?;
        Latency::from_json(&v, &["searches", "count"])
            .map_err(|e| format!("`trove bench search --mode {mode}`: {e}\n{out}"))
    }

    fn scan(&self, db: &Path) -> Result<Latency> {
        let out = self.stdout(self.cmd(&[&"bench", &"scan", &"--json"], Some(db)))?;
        let v: Value = parse_report(&out).map_err(|e| format!("`trove bench scan`: {e}\n{out}"))?;
        Latency::from_json(&v, &["lookups", "count"])
            .map_err(|e| format!("`trove bench scan`: {e}\n{out}"))
    }

    fn sales(&self, db: &Path) -> Result<SalesTiming> {
        let out = self.stdout(self.cmd(&[&"bench", &"sales", &"--json"], Some(db)))?;
        let v: Value =
            parse_report(&out).map_err(|e| format!("`trove bench sales`: {e}\n{out}"))?;
        let err = |e: String| format!("`trove bench sales`: {e}\n{out}");
        Ok(SalesTiming {
            sales_before: v["sales_before"].as_u64().unwrap_or(0),
            record: Latency::from_json(&v["record"], &["count"]).map_err(err)?,
            to_ship: Latency::from_json(&v["to_ship_first_page"], &["count"]).map_err(err)?,
            views: v["views"]
                .as_array()
                .map(|views| {
                    views
                        .iter()
                        .filter_map(|w| Some((w["name"].as_str()?.to_string(), w["ms"].as_f64()?)))
                        .collect()
                })
                .unwrap_or_default(),
        })
    }

    fn lists(&self, db: &Path) -> Result<Vec<(String, f64)>> {
        let out = self.stdout(self.cmd(&[&"bench", &"lists", &"--json"], Some(db)))?;
        parse_lists(&out).map_err(|e| format!("`trove bench lists`: {e}\n{out}"))
    }
}

/// Lets `Trove::cmd` take strings and paths in one list.
trait AsRefOs {
    fn as_os(&self) -> &std::ffi::OsStr;
}
impl AsRefOs for &str {
    fn as_os(&self) -> &std::ffi::OsStr {
        self.as_ref()
    }
}
impl AsRefOs for String {
    fn as_os(&self) -> &std::ffi::OsStr {
        self.as_ref()
    }
}
impl AsRefOs for &Path {
    fn as_os(&self) -> &std::ffi::OsStr {
        self.as_os_str()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Latency {
    /// `searches` or `lookups`: how many timed operations.
    pub count: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

impl Latency {
    /// Reads `p50_ms`, `p95_ms`, `p99_ms`, `max_ms` and the first of
    /// `count_keys` present (`searches`/`lookups`, else `count`).
    fn from_json(v: &Value, count_keys: &[&str]) -> Result<Latency> {
        let f = |k: &str| {
            v[k].as_f64()
                .ok_or_else(|| format!("report has no number `{k}`"))
        };
        let count = count_keys
            .iter()
            .find_map(|k| v[*k].as_f64())
            .ok_or_else(|| format!("report has none of {count_keys:?}"))?;
        Ok(Latency {
            count,
            p50: f("p50_ms")?,
            p95: f("p95_ms")?,
            p99: f("p99_ms")?,
            max: f("max_ms")?,
        })
    }
}

/// What `trove bench sales --json` measured.
#[derive(Debug, Clone, PartialEq)]
pub struct SalesTiming {
    /// Sales in the file before the timed ones.
    pub sales_before: u64,
    pub record: Latency,
    pub to_ship: Latency,
    /// Each listings view's first page: (name, slowest of 5 reads in ms).
    pub views: Vec<(String, f64)>,
}

/// One entry of what `trove bench lists --json` prints.
#[derive(Deserialize)]
struct ListTiming {
    name: String,
    ms: f64,
}

fn parse_lists(out: &str) -> Result<Vec<(String, f64)>> {
    let lists: Vec<ListTiming> = parse_report(out).map_err(|e| e.to_string())?;
    Ok(lists.into_iter().map(|l| (l.name, l.ms)).collect())
}

/// Parses a command's stdout: the whole text, or failing that its last
/// non-empty line (in case something logged before the report).
fn parse_report<T: DeserializeOwned>(stdout: &str) -> serde_json::Result<T> {
    serde_json::from_str(stdout).or_else(|e| {
        match stdout.lines().rev().find(|l| !l.trim().is_empty()) {
            Some(last) if last.len() != stdout.trim().len() => {
                serde_json::from_str(last).map_err(|_| e)
            }
            _ => Err(e),
        }
    })
}

// ---------------------------------------------------------------------------
// The sqlite3 anchor

/// The script fed to ONE `sqlite3` process on a database made by
/// `trove init`: drop the FTS triggers (`drop_triggers`, from
/// [`fts_triggers`]), `.import` the CSV into a TEXT staging
/// table, one INSERT ... SELECT into `items`, one FTS rebuild. Approximate on
/// purpose (money via REAL); it is a speed anchor, not an importer.
pub fn anchor_script(csv: &Path, drop_triggers: &[String]) -> Result<String> {
    let path = csv
        .to_str()
        .ok_or_else(|| format!("{} is not valid UTF-8", csv.display()))?;
    if path.contains(['\'', '\n', '\r']) {
        return Err(format!(
            "{path}: the anchor cannot .import a path containing quotes or line breaks"
        ));
    }
    let drops: String = drop_triggers
        .iter()
        .map(|t| format!("DROP TRIGGER IF EXISTS \"{}\";\n", t.replace('"', "\"\"")))
        .collect();
    Ok(format!(
        r#".bail on
{drops}CREATE TEMP TABLE staging(
    sku TEXT, barcode TEXT, title TEXT, description TEXT, brand TEXT, category TEXT,
    condition TEXT, quantity TEXT, price TEXT, cost TEXT, currency TEXT, location TEXT,
    tags TEXT, notes TEXT);
.import --csv --skip 1 --schema temp '{path}' staging
BEGIN;
-- The same bins, sections and categories Trove makes from the file's
-- location paths ("Bin/Section") and category paths, so both end with the
-- same rows and the same indexes to fill.
CREATE TEMP TABLE loc AS
SELECT DISTINCT location AS path,
       CASE WHEN instr(location, '/') > 0 THEN substr(location, 1, instr(location, '/') - 1) ELSE location END AS bin_name,
       CASE WHEN instr(location, '/') > 0 THEN substr(location, instr(location, '/') + 1) END AS section_name
FROM temp.staging WHERE location <> '';
INSERT INTO bins(id, code, name, kind, created_at, updated_at)
SELECT lower(hex(randomblob(16))), 'B' || row_number() OVER (ORDER BY bin_name), bin_name, 'general',
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (SELECT DISTINCT bin_name FROM temp.loc);
INSERT INTO sections(id, bin_id, code, name, created_at, updated_at)
SELECT lower(hex(randomblob(16))), b.id, b.code || '-' || row_number() OVER (PARTITION BY b.id ORDER BY l.section_name),
       l.section_name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (SELECT DISTINCT bin_name, section_name FROM temp.loc WHERE section_name IS NOT NULL) l
JOIN bins b ON b.name = l.bin_name;
CREATE TEMP TABLE locmap AS
SELECT l.path, b.id AS bin_id, s.id AS section_id, coalesce(s.code, b.code) AS code
FROM temp.loc l JOIN bins b ON b.name = l.bin_name
LEFT JOIN sections s ON s.bin_id = b.id AND s.name = l.section_name;
CREATE UNIQUE INDEX temp.locmap_by_path ON locmap(path);
INSERT INTO categories(id, parent_id, name, path, created_at)
SELECT lower(hex(randomblob(16))), NULL, category, category, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (SELECT DISTINCT category FROM temp.staging WHERE category <> '');
INSERT INTO items(id, sku, barcode, title, description, brand, category_id, category, condition, quantity,
                  price_amount, price_currency, cost_amount, cost_currency, bin_id, section_id, location, tags,
                  notes, created_at, updated_at)
SELECT lower(hex(randomblob(16))),
       nullif(st.sku, ''),
       nullif(substr('00000000000000' || st.barcode, -14, 14), '00000000000000'),
       st.title,
       nullif(st.description, ''),
       nullif(st.brand, ''),
       c.id,
       nullif(st.category, ''),
       nullif(st.condition, ''),
       CAST(st.quantity AS INTEGER),
       CASE WHEN st.price = '' THEN NULL
            WHEN st.currency = 'JPY' THEN CAST(st.price AS INTEGER)
            ELSE CAST(round(CAST(st.price AS REAL) * 100) AS INTEGER) END,
       CASE WHEN st.price = '' THEN NULL ELSE st.currency END,
       CASE WHEN st.cost = '' THEN NULL
            WHEN st.currency = 'JPY' THEN CAST(st.cost AS INTEGER)
            ELSE CAST(round(CAST(st.cost AS REAL) * 100) AS INTEGER) END,
       CASE WHEN st.cost = '' THEN NULL ELSE st.currency END,
       lm.bin_id,
       lm.section_id,
       lm.code,
       nullif(st.tags, ''),
       nullif(st.notes, ''),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM temp.staging st
LEFT JOIN temp.locmap lm ON lm.path = st.location
LEFT JOIN categories c ON c.path = st.category;
INSERT INTO items_fts(items_fts) VALUES ('rebuild');
COMMIT;
"#
    ))
}

/// Runs `sqlite3 -batch -bail DB` with `script` on stdin.
pub fn run_sqlite_script(db: &Path, script: &str) -> Result<()> {
    let mut c = Command::new("sqlite3");
    c.args(["-batch", "-bail"]).arg(db);
    let shown = util::show(&c);
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    let write = child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(script.as_bytes());
    let out = child
        .wait_with_output()
        .map_err(|e| format!("`{shown}`: {e}"))?;
    if !out.status.success() || write.is_err() {
        return Err(format!(
            "`{shown}` failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim_end()
        ));
    }
    Ok(())
}

/// The triggers that keep the search index in step (`items_fts_*`), which
/// the anchor drops so it pays only for one rebuild.
pub fn fts_triggers(db: &Path) -> Result<Vec<String>> {
    let out = util::run_capture(Command::new("sqlite3").arg("-batch").arg(db).arg(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' \
         AND name LIKE 'items\\_fts\\_%' ESCAPE '\\' ORDER BY name",
    ))?;
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

fn count_items(db: &Path) -> Option<u64> {
    let db = db.to_str()?;
    util::stdout_of("sqlite3", &[db, "SELECT count(*) FROM items"])?
        .parse()
        .ok()
}

fn db_bytes(db: &Path) -> u64 {
    ["", "-wal"]
        .iter()
        .map(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            fs::metadata(PathBuf::from(p)).map(|m| m.len()).unwrap_or(0)
        })
        .sum()
}

// ---------------------------------------------------------------------------
// Machine info and the report

#[derive(Debug, Clone, Default)]
pub struct Machine {
    pub cpus: usize,
    pub cpu_model: String,
    pub ram_bytes: u64,
    pub os: String,
    pub sqlite: String,
}

impl Machine {
    fn probe(sqlite_version: &str) -> Machine {
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let cpu_model = cpu_model(&cpuinfo)
            .or_else(|| util::stdout_of("sysctl", &["-n", "machdep.cpu.brand_string"]))
            .unwrap_or_else(|| "unknown CPU".into());
        let ram_bytes = mem_total(&meminfo)
            .or_else(|| {
                util::stdout_of("sysctl", &["-n", "hw.memsize"])?
                    .parse()
                    .ok()
            })
            .unwrap_or(0);
        let cpus = util::stdout_of("nproc", &[])
            .and_then(|s| s.parse().ok())
            .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
            .unwrap_or(0);
        let os = match util::stdout_of("uname", &["-sr"]) {
            Some(u) => u,
            None => std::env::consts::OS.to_string(),
        };
        Machine {
            cpus,
            cpu_model,
            ram_bytes,
            os,
            sqlite: sqlite_version
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

fn cpu_model(cpuinfo: &str) -> Option<String> {
    cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
}

fn mem_total(meminfo: &str) -> Option<u64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

pub struct Report {
    pub machine: Machine,
    pub items: u64,
    pub seed: u64,
    pub query_lines: usize,
    pub like_lines: usize,
    pub csv_bytes: u64,
    pub gen_time: Duration,
    pub import_time: Duration,
    pub anchor_time: Duration,
    /// `trove bench floor`: the plain in-process load.
    pub floor_time: Duration,
    pub import_rss_mb: Option<f64>,
    pub floor_rss_mb: Option<f64>,
    pub floor_rows: Option<u64>,
    pub trove_rows: Option<u64>,
    pub anchor_rows: Option<u64>,
    pub trove_db_bytes: u64,
    pub anchor_db_bytes: u64,
    pub search_trove: Latency,
    pub search_fts: Latency,
    pub search_like: Latency,
    pub scan: Latency,
    pub lists: Vec<(String, f64)>,
    /// Absent in reports from before issue 14.
    pub sales: Option<SalesTiming>,
}

impl Report {
    pub fn render(&self) -> String {
        let m = &self.machine;
        let mut s = String::new();
        let _ = writeln!(s, "## Trove benchmarks\n");
        let _ = writeln!(
            s,
            "Machine: {} × {}, {:.1} GiB RAM, {}; SQLite CLI {}.  ",
            m.cpus,
            m.cpu_model,
            m.ram_bytes as f64 / (1u64 << 30) as f64,
            m.os,
            m.sqlite
        );
        let _ = writeln!(
            s,
            "Data: {} generated items (seed {}), CSV {:.1} MB generated in {}; {} query lines, every prefix typed{}.\n",
            group(self.items),
            self.seed,
            mb(self.csv_bytes),
            util::fmt_duration(self.gen_time),
            self.query_lines,
            if self.like_lines < self.query_lines {
                format!(" (naive FTS5 and LIKE: first {} lines)", self.like_lines)
            } else {
                String::new()
            }
        );
        s.push_str("| metric | Trove | sqlite3 / naive FTS5 / LIKE | target |\n");
        s.push_str("|---|---:|---:|---|\n");

        let import = self.import_time.as_secs_f64();
        let anchor = self.anchor_time.as_secs_f64();
        row(
            &mut s,
            &format!("import {} items, wall (s)", group(self.items)),
            &format!("{import:.1} {}", mark(import <= IMPORT_VS_ANCHOR * anchor)),
            &format!("{anchor:.1} (sqlite3 .import + FTS rebuild)"),
            "≤ sqlite3",
        );
        let floor = self.floor_time.as_secs_f64();
        let times = import / floor.max(1e-9);
        row(
            &mut s,
            "import vs in-process floor (× the floor's time)",
            &format!("{times:.2} {}", mark(times <= IMPORT_VS_FLOOR)),
            &format!(
                "{floor:.1} s (plain inserts + FTS rebuild, {} rows)",
                opt(self.floor_rows)
            ),
            "≤ 1.5×",
        );
        let rss = |v: Option<f64>| v.map_or_else(|| "?".to_string(), |m| format!("{m:.0}"));
        row(
            &mut s,
            "import peak RSS (MB)",
            &format!(
                "{} {}",
                rss(self.import_rss_mb),
                mark(self.import_rss_mb.is_some_and(|m| m <= IMPORT_RSS_MB))
            ),
            &format!("{} (floor)", rss(self.floor_rss_mb)),
            "≤ 300 MB",
        );
        row(
            &mut s,
            "import rate (items/s)",
            &group((self.items as f64 / import.max(1e-9)) as u64),
            &group((self.items as f64 / anchor.max(1e-9)) as u64),
            "",
        );
        row(
            &mut s,
            "items in database",
            &opt(self.trove_rows),
            &opt(self.anchor_rows),
            &format!("= {}", group(self.items)),
        );
        row(
            &mut s,
            "database size (MB)",
            &format!("{:.0}", mb(self.trove_db_bytes)),
            &format!("{:.0}", mb(self.anchor_db_bytes)),
            "",
        );
        let (t, f, l) = (&self.search_trove, &self.search_fts, &self.search_like);
        row(
            &mut s,
            "searches timed (typed prefixes)",
            &group(t.count as u64),
            &format!("{} / {}", group(f.count as u64), group(l.count as u64)),
            "",
        );
        for (name, pick) in PERCENTILES {
            let target = match name {
                "p95" => Some(SEARCH_P95_MS),
                "p99" => Some(SEARCH_P99_MS),
                _ => None,
            };
            row(
                &mut s,
                &format!("search {name} (ms)"),
                &against(pick(t), target),
                &format!("{} / {}", ms(pick(f)), ms(pick(l))),
                &target_text(target),
            );
        }
        row(
            &mut s,
            "scan lookups timed",
            &group(self.scan.count as u64),
            "—",
            "",
        );
        for (name, pick) in PERCENTILES {
            let target = (name == "p99").then_some(SCAN_P99_MS);
            row(
                &mut s,
                &format!("scan lookup {name} (ms)"),
                &against(pick(&self.scan), target),
                "—",
                &target_text(target),
            );
        }
        if let Some((worst, w)) = self.lists.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
            let mut sorted: Vec<f64> = self.lists.iter().map(|l| l.1).collect();
            sorted.sort_by(f64::total_cmp);
            row(
                &mut s,
                &format!("list first pages timed: {}, median (ms)", self.lists.len()),
                &against(sorted[sorted.len() / 2], Some(FIRST_PAGE_MS)),
                "—",
                &target_text(Some(FIRST_PAGE_MS)),
            );
            row(
                &mut s,
                &format!(
                    "list first page, slowest: {} (ms)",
                    worst.replace('|', "\\|")
                ),
                &against(*w, Some(FIRST_PAGE_MS)),
                "—",
                &target_text(Some(FIRST_PAGE_MS)),
            );
        }
        if let Some(sales) = &self.sales {
            row(
                &mut s,
                &format!(
                    "record a sale over {} sales, p50 / p99 (ms)",
                    group(sales.sales_before)
                ),
                &format!(
                    "{} / {}",
                    ms(sales.record.p50),
                    against(sales.record.p99, Some(SALE_P99_MS))
                ),
                "—",
                &target_text(Some(SALE_P99_MS)),
            );
            row(
                &mut s,
                "To ship queue, first page, slowest of 50 (ms)",
                &against(sales.to_ship.max, Some(TO_SHIP_MS)),
                "—",
                &target_text(Some(TO_SHIP_MS)),
            );
            for (name, v) in &sales.views {
                row(
                    &mut s,
                    &format!("listings view first page: {name} (ms)"),
                    &against(*v, Some(TO_SHIP_MS)),
                    "—",
                    &target_text(Some(TO_SHIP_MS)),
                );
            }
        }
        for (name, v) in &self.lists {
            row(
                &mut s,
                &format!("list first page: {} (ms)", name.replace('|', "\\|")),
                &against(*v, Some(FIRST_PAGE_MS)),
                "—",
                &target_text(Some(FIRST_PAGE_MS)),
            );
        }
        s
    }
}

type Pick = fn(&Latency) -> f64;
const PERCENTILES: [(&str, Pick); 4] = [
    ("p50", |l| l.p50),
    ("p95", |l| l.p95),
    ("p99", |l| l.p99),
    ("max", |l| l.max),
];

fn row(s: &mut String, metric: &str, trove: &str, anchor: &str, target: &str) {
    let _ = writeln!(s, "| {metric} | {trove} | {anchor} | {target} |");
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

/// The figure, marked against its target when it has one.
fn against(v: f64, target: Option<f64>) -> String {
    match target {
        Some(t) => format!("{} {}", ms(v), mark(v <= t)),
        None => ms(v),
    }
}

fn target_text(target: Option<f64>) -> String {
    target.map(|t| format!("≤ {t} ms")).unwrap_or_default()
}

fn ms(v: f64) -> String {
    if v < 10.0 {
        format!("{v:.2}")
    } else if v < 1000.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.0}")
    }
}

fn opt(v: Option<u64>) -> String {
    v.map(group).unwrap_or_else(|| "?".into())
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// 1234567 -> "1,234,567"
fn group(n: u64) -> String {
    let d = n.to_string();
    let lead = match d.len() % 3 {
        0 => 3,
        r => r,
    };
    let mut s = String::with_capacity(d.len() + d.len() / 3);
    s.push_str(&d[..lead.min(d.len())]);
    for chunk in d.as_bytes()[lead.min(d.len())..].chunks(3) {
        s.push(',');
        s.push_str(std::str::from_utf8(chunk).unwrap_or(""));
    }
    s
}

fn one_line(s: &str, max: usize) -> String {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > max {
        t.chars().take(max).collect::<String>() + "…"
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_photo_report_renders_as_a_table_with_the_ratio() {
        let v = super::parse_report(
            r#"{"photos":4,"width":4000,"height":3000,"megabytes":16.0,"cores":2,
               "trove":{"seconds":0.5,"photos_per_second":8.0,"megabytes_per_second":32.0},
               "vips_sequential":{"seconds":1.0,"photos_per_second":4.0,"megabytes_per_second":16.0},
               "vips_parallel":{"seconds":0.8,"photos_per_second":5.0,"megabytes_per_second":20.0},
               "vips_version":"libvips 8.14.1"}"#,
        )
        .unwrap();
        let md = super::render_photo_bench(&v);
        assert!(
            md.starts_with("4 JPEGs of 4000×3000 (16 MB), 2 cores, libvips 8.14.1."),
            "{md}"
        );
        assert!(md.contains("| Trove import: hash, store original, 256 + 1024 thumbnails, rows | 0.50 | 8.0 | 32 |"), "{md}");
        assert!(md.contains("1.60×"), "{md}");
        let e = super::parse_report::<super::PhotoReport>(r#"{"photos":4}"#).err();
        assert!(e.is_some_and(|e| e.to_string().contains("missing field `width`")));
    }

    use super::*;

    fn os(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_card_report_renders_every_step_with_its_rate() {
        let v = parse_report(
            r#"{"sets":900,"catalogue_cards":99000,"rows":100000,"catalogue_megabytes":29.4,
                "manabox_megabytes":16.7,"catalogue_seconds":1.1,"import_seconds":5.0,
                "reimport_seconds":2.5,"completion_seconds":0.5,"completion_ms_p50":0.55,
                "completion_ms_max":2.7}"#,
        )
        .unwrap();
        let md = render_card_bench(&v);
        assert!(md.contains("| catalogue: Scryfall bulk JSON, 900 sets, 99000 cards (29 MB) | 1.10 | 90000 cards/s |"), "{md}");
        assert!(md.contains("| ManaBox file, 100000 rows (16.7 MB), linked to the catalogue | 5.00 | 20000 rows/s |"), "{md}");
        assert!(
            md.contains("| the same file again, unchanged | 2.50 | 40000 rows/s |"),
            "{md}"
        );
        assert!(md.contains("p50 0.55 ms, max 2.70 ms per set"), "{md}");
        assert!(parse_report::<CardReport>(r#"{"sets":1}"#).is_err());
    }

    #[test]
    fn options_have_defaults_and_accept_both_spellings() {
        let o = parse_opts(&[], PathBuf::from("target/bench")).unwrap();
        assert_eq!(o.items, 1_000_000);
        assert_eq!(o.out, PathBuf::from("target/bench"));
        assert_eq!(o.like_queries, 100);
        let o = parse_opts(
            &os(&[
                "--items",
                "10_000",
                "--out=/tmp/x",
                "--seed",
                "7",
                "--like-queries=0",
            ]),
            PathBuf::new(),
        )
        .unwrap();
        assert_eq!((o.items, o.seed, o.like_queries), (10_000, 7, 0));
        assert_eq!(o.out, PathBuf::from("/tmp/x"));
        assert_eq!(
            parse_opts(&os(&["--items", "1M"]), PathBuf::new())
                .unwrap()
                .items,
            1_000_000
        );
        assert_eq!(
            parse_opts(&os(&["--items", "250k"]), PathBuf::new())
                .unwrap()
                .items,
            250_000
        );
        assert!(parse_opts(&os(&["--items"]), PathBuf::new()).is_err());
        assert!(parse_opts(&os(&["--items", "many"]), PathBuf::new()).is_err());
        assert!(parse_opts(&os(&["--fast"]), PathBuf::new()).is_err());
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(1_000_000), "1,000,000");
    }

    #[test]
    fn machine_info_is_read_from_proc() {
        let cpu = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n";
        assert_eq!(
            cpu_model(cpu).as_deref(),
            Some("Intel(R) Xeon(R) CPU @ 2.20GHz")
        );
        assert_eq!(
            mem_total("MemTotal:       24567892 kB\nMemFree: 1 kB\n"),
            Some(24567892 * 1024)
        );
        assert_eq!(cpu_model(""), None);
    }

    #[test]
    fn trove_reports_are_read() {
        let l = Latency::from_json(
            &serde_json::from_str(r#"{"mode":"fts","queries":1000,"searches":9000,"p50_ms":1.5,"p95_ms":4,"p99_ms":9.25,"max_ms":30}"#).unwrap(),
            &["searches", "count"],
        )
        .unwrap();
        assert_eq!(
            l,
            Latency {
                count: 9000.0,
                p50: 1.5,
                p95: 4.0,
                p99: 9.25,
                max: 30.0
            }
        );
        assert!(Latency::from_json(&serde_json::json!({ "lookups": 3 }), &["lookups"]).is_err());
        // What `trove bench scan --json` prints today: the count is `count`.
        let scan = serde_json::from_str(
            r#"{"count":20000,"p50_ms":0.011,"p95_ms":0.02,"p99_ms":0.05,"max_ms":0.9}"#,
        );
        let l = Latency::from_json(&scan.unwrap(), &["lookups", "count"]).unwrap();
        assert_eq!((l.count, l.max), (20000.0, 0.9));
        let lists =
            parse_lists(r#"[{"name":"title asc","ms":0.8},{"name":"price desc","ms":1.25}]"#)
                .unwrap();
        assert_eq!(
            lists,
            vec![
                ("title asc".to_string(), 0.8),
                ("price desc".to_string(), 1.25)
            ]
        );
        assert!(parse_lists(r#"{"name":"x"}"#).is_err());
    }

    #[test]
    fn a_report_after_log_lines_is_read_from_the_last_line() {
        let v: Value = parse_report("importing...\n{\"count\":3}\n").unwrap();
        assert_eq!(v["count"], 3);
        assert!(parse_report::<Value>("{\"count\":3").is_err());
        assert!(parse_report::<Value>("{} x").is_err());
    }

    fn sample_report() -> Report {
        let lat = |a: f64| Latency {
            count: 9000.0,
            p50: a,
            p95: a * 3.0,
            p99: a * 5.0,
            max: a * 10.0,
        };
        Report {
            machine: Machine {
                cpus: 2,
                cpu_model: "Test CPU".into(),
                ram_bytes: 8 << 30,
                os: "Linux 6.1".into(),
                sqlite: "3.40.1 2022-12-28".into(),
            },
            items: 1_000_000,
            seed: 42,
            query_lines: 1000,
            like_lines: 100,
            csv_bytes: 264_000_000,
            gen_time: Duration::from_millis(1300),
            import_time: Duration::from_secs(60),
            anchor_time: Duration::from_secs(88),
            floor_time: Duration::from_secs(50),
            import_rss_mb: Some(250.4),
            floor_rss_mb: Some(120.0),
            floor_rows: Some(1_000_000),
            trove_rows: Some(1_000_000),
            anchor_rows: Some(1_000_000),
            trove_db_bytes: 1_300_000_000,
            anchor_db_bytes: 1_310_000_000,
            search_trove: lat(0.5),
            search_fts: lat(4.0),
            search_like: lat(400.0),
            scan: lat(0.1),
            lists: vec![("title asc".into(), 0.7), ("a|b".into(), 120.0)],
            sales: Some(SalesTiming {
                sales_before: 200_000,
                record: lat(1.5),
                to_ship: lat(2.0),
                views: vec![("stale, 30 days".into(), 0.4)],
            }),
        }
    }

    #[test]
    fn report_is_one_markdown_table_with_every_metric() {
        let md = sample_report().render();
        assert!(md.contains("2 × Test CPU, 8.0 GiB RAM, Linux 6.1; SQLite CLI 3.40.1 2022-12-28"));
        assert!(md.contains("| metric | Trove | sqlite3 / naive FTS5 / LIKE | target |"));
        assert!(
            md.contains("| record a sale over 200,000 sales, p50 / p99 (ms) |"),
            "{md}"
        );
        assert!(
            md.contains("| To ship queue, first page, slowest of 50 (ms) |"),
            "{md}"
        );
        assert!(md.contains("| import 1,000,000 items, wall (s) | 60.0 ✓ | 88.0 (sqlite3 .import + FTS rebuild) | ≤ sqlite3 |"));
        assert!(md.contains("| import vs in-process floor (× the floor's time) | 1.20 ✓ | 50.0 s (plain inserts + FTS rebuild, 1,000,000 rows) | ≤ 1.5× |"));
        assert!(md.contains("| import peak RSS (MB) | 250 ✓ | 120 (floor) | ≤ 300 MB |"));
        assert!(md.contains("| search p50 (ms) | 0.50 | 4.00 / 400.0 |  |"));
        assert!(md.contains("| search max (ms) | 5.00 | 40.0 / 4000 |  |"));
        assert!(md.contains("| scan lookup p99 (ms) | 0.50 ✓ | — | ≤ 1 ms |"));
        assert!(md.contains("| list first page: a\\|b (ms) | 120.0 ✗ | — | ≤ 30 ms |"));
        assert!(md.contains("(naive FTS5 and LIKE: first 100 lines)"));
        assert!(md.contains("| list first pages timed: 2, median (ms) | 120.0 ✗ | — | ≤ 30 ms |"));
        assert!(md.contains("| list first page, slowest: a\\|b (ms) | 120.0 ✗ | — | ≤ 30 ms |"));
        // One table: every table line has the same number of cells.
        let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        assert!(rows.len() > 15);
        for r in rows {
            assert_eq!(r.replace("\\|", "").matches('|').count(), 5, "{r}");
        }
    }

    /// The anchor script against the real migrations, with the sqlite3 CLI
    /// when it is installed (`cargo xtask bench` installs it).
    #[test]
    fn anchor_script_loads_a_tricky_csv() {
        if !util::succeeds("sqlite3", &["--version"]) {
            eprintln!("skipped: no sqlite3 command-line shell");
            return;
        }
        let dir = std::env::temp_dir().join(format!("xtask-anchor-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let db = dir.join("anchor.db");
        let mut migrations: Vec<PathBuf> = fs::read_dir(util::workspace_root().join("migrations"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "sql"))
            .collect();
        migrations.sort();
        let schema: String = migrations
            .iter()
            .map(|p| fs::read_to_string(p).unwrap() + "\n")
            .collect();
        run_sqlite_script(&db, &schema).unwrap();

        let csv = dir.join("items.csv");
        fs::write(
            &csv,
            "sku,barcode,title,description,brand,category,condition,quantity,price,cost,currency,location,tags,notes\n\
             TRV-000001,036000291452,Charizard 4/102 Base Set Holo,\"Line one,\nline \"\"two\"\"\",Pokémon,Collectibles > Trading Cards > Pokémon,excellent,1,350.00,120.50,USD,Binder 1/Page 3,holo;grail,\n\
             ,,\"Jace, the Mind Sculptor Worldwake Foil NM\",,Wizards of the Coast,,,3,1500,,JPY,,,\n\
             TRV-000003,4006381333931,Pyrex Butterprint 403 Mixing Bowl,Nice.,Pyrex,Home & Kitchen > Bakeware,good,1,,2.00,EUR,Shelf A/Box 7,,Bought at estate sale\n",
        )
        .unwrap();
        let triggers = fts_triggers(&db).unwrap();
        assert!(
            triggers.iter().any(|t| t == "items_fts_insert"),
            "{triggers:?}"
        );
        run_sqlite_script(&db, &anchor_script(&csv, &triggers).unwrap()).unwrap();

        let q = |sql: &str| util::stdout_of("sqlite3", &[db.to_str().unwrap(), sql]).unwrap();
        assert_eq!(q("SELECT count(*) FROM items"), "3");
        assert_eq!(
            q("SELECT barcode, price_amount, price_currency, cost_amount, condition, tags FROM items WHERE sku = 'TRV-000001'"),
            "00036000291452|35000|USD|12050|excellent|holo;grail"
        );
        // Locations resolve to bins and sections as Trove's importer does.
        assert_eq!(
            q("SELECT i.location, b.name, s.name FROM items i JOIN bins b ON b.id = i.bin_id JOIN sections s ON s.id = i.section_id WHERE i.sku = 'TRV-000001'"),
            "B1-1|Binder 1|Page 3"
        );
        assert_eq!(
            q("SELECT description FROM items WHERE sku = 'TRV-000001'"),
            "Line one,\nline \"two\""
        );
        assert_eq!(
            q("SELECT sku IS NULL, barcode IS NULL, price_amount, price_currency, cost_amount IS NULL, condition IS NULL, location IS NULL FROM items WHERE title LIKE 'Jace%'"),
            "1|1|1500|JPY|1|1|1"
        );
        assert_eq!(
            q("SELECT barcode, price_amount IS NULL, price_currency IS NULL, cost_amount, cost_currency FROM items WHERE sku = 'TRV-000003'"),
            "04006381333931|1|1|200|EUR"
        );
        assert_eq!(
            q("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'chariz*'"),
            "1"
        );
        assert_eq!(
            q("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'pokemon'"),
            "1"
        );
        assert_eq!(q("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'items_fts_%'"), "0");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn anchor_script_refuses_paths_it_cannot_quote() {
        assert!(anchor_script(Path::new("/tmp/it's.csv"), &[]).is_err());
        let s = anchor_script(
            Path::new("/tmp/bench dir/items.csv"),
            &["items_fts_insert".into(), "odd\"name".into()],
        )
        .unwrap();
        assert!(s.contains("DROP TRIGGER IF EXISTS \"items_fts_insert\";\nDROP TRIGGER IF EXISTS \"odd\"\"name\";\n"));
        assert!(
            s.contains(".import --csv --skip 1 --schema temp '/tmp/bench dir/items.csv' staging")
        );
        assert!(s.starts_with(".bail on"));
    }
}

//! `trove bench`: the data generator and latency measurements that
//! `cargo xtask bench` runs. Searches and scans go through the same core
//! calls the app makes.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use trove_core::list::{Filters, ListQuery, Sort};
use trove_core::search::{baseline, SearchQuery};
use trove_core::{Condition, Error, Status, Store};

use crate::print::Output;
use crate::timing::{latency, ms, Latency};

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Write a deterministic, realistic CSV of N items (and a query mix).
    Gen(GenArgs),
    /// Type each line of a query file as a person would (every prefix) and
    /// report latency percentiles.
    Search {
        #[arg(long)]
        queries: PathBuf,
        #[arg(long, value_enum, default_value_t = Mode::Trove)]
        mode: Mode,
        /// Results per search.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Also write every search's time and text here (tab-separated).
        #[arg(long)]
        samples: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Look up SKUs, barcodes (in every GTIN form), location codes and
    /// misses, and report latency percentiles.
    Scan {
        #[arg(long, default_value_t = 20_000)]
        lookups: usize,
        #[arg(long)]
        json: bool,
    },
    /// Photo import against vipsthumbnail on generated 12 MP JPEGs.
    Photos(crate::bench_photos::PhotoBenchArgs),
    /// A 100,000-row ManaBox import and set completion over a catalogue the
    /// size of every Magic set.
    Cards(crate::bench_cards::CardBenchArgs),
    /// The bulk-load floor: the generated CSV loaded plainly (prepared
    /// inserts, one FTS5 rebuild, no validation) into a `trove init`
    /// database, for the import to be measured against.
    Floor(crate::bench_floor::FloorArgs),
    /// Record sales one by one over the items, after seeding a history of
    /// 200,000; and read the To ship queue.
    Sales(crate::bench_sales::SalesBenchArgs),
    /// Time the first page of every list sort and filter.
    Lists {
        #[arg(long)]
        json: bool,
    },
}

impl BenchCommand {
    pub fn json(&self) -> bool {
        match self {
            BenchCommand::Gen(_) => false,
            BenchCommand::Photos(args) => args.json,
            BenchCommand::Cards(args) => args.json,
            BenchCommand::Floor(args) => args.json,
            BenchCommand::Sales(args) => args.json,
            BenchCommand::Search { json, .. }
            | BenchCommand::Scan { json, .. }
            | BenchCommand::Lists { json } => *json,
        }
    }
}

#[derive(Args)]
pub struct GenArgs {
    #[arg(long)]
    items: u64,
    #[arg(long)]
    out: PathBuf,
    /// Also write a search-as-you-type query mix here, one per line.
    #[arg(long)]
    queries: Option<PathBuf>,
    #[arg(long, default_value_t = 1000)]
    query_count: usize,
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

/// Which search to measure.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Trove's search, as the app calls it (results loaded).
    Trove,
    /// Naive FTS5: every match scored by bm25.
    Fts,
    /// LIKE '%…%' over the text columns.
    Like,
}

/// Writes the generated files.
pub fn generate(args: &GenArgs) -> Result<(), Error> {
    let file = File::create(&args.out).map_err(|e| Error::Io {
        path: args.out.clone(),
        source: e,
    })?;
    let start = Instant::now();
    trove_fixtures::generate::write_items_csv(
        BufWriter::with_capacity(1 << 20, file),
        args.items,
        args.seed,
    )
    .map_err(|e| Error::Io {
        path: args.out.clone(),
        source: e,
    })?;
    eprintln!(
        "wrote {} items to {} in {:.1} s",
        args.items,
        args.out.display(),
        start.elapsed().as_secs_f64()
    );
    if let Some(path) = &args.queries {
        let io = |e| Error::Io {
            path: path.clone(),
            source: e,
        };
        let mut out = BufWriter::new(File::create(path).map_err(io)?);
        for q in trove_fixtures::generate::queries(args.query_count, args.seed) {
            writeln!(out, "{q}").map_err(io)?;
        }
        out.flush().map_err(io)?;
    }
    Ok(())
}

pub fn run(cmd: BenchCommand, store: &Store, out: &Output) -> Result<(), Error> {
    match cmd {
        BenchCommand::Gen(args) => generate(&args),
        BenchCommand::Photos(args) => crate::bench_photos::run(&args, out),
        BenchCommand::Cards(args) => crate::bench_cards::run(&args, out),
        BenchCommand::Sales(args) => crate::bench_sales::run(store, &args, out),
        BenchCommand::Floor(args) => crate::bench_floor::run(store.path(), &args, out),
        BenchCommand::Search {
            queries,
            mode,
            limit,
            samples: samples_file,
            ..
        } => {
            let lines = read_lines(&queries)?;
            let mut samples = Vec::new();
            let mut typed_log = Vec::new();
            for line in &lines {
                // Every prefix, as typed, character by character.
                let mut typed = String::new();
                for c in line.chars() {
                    typed.push(c);
                    let start = Instant::now();
                    match mode {
                        Mode::Trove => {
                            store.search(&SearchQuery {
                                text: typed.clone(),
                                limit: Some(limit),
                                ..Default::default()
                            })?;
                        }
                        Mode::Fts => {
                            store.read(|conn| baseline::fts_bm25(conn, &typed, limit))?;
                        }
                        Mode::Like => {
                            store.read(|conn| baseline::like_scan(conn, &typed, limit))?;
                        }
                    }
                    samples.push(ms(start));
                    if samples_file.is_some() {
                        typed_log.push(typed.clone());
                    }
                }
            }
            if let Some(path) = &samples_file {
                let io = |e| Error::Io {
                    path: path.clone(),
                    source: e,
                };
                let mut out = BufWriter::new(File::create(path).map_err(io)?);
                for (t, q) in samples.iter().zip(&typed_log) {
                    writeln!(out, "{t:.3}\t{q}").map_err(io)?;
                }
                out.flush().map_err(io)?;
            }
            #[derive(Serialize)]
            struct Report {
                mode: Mode,
                queries: usize,
                searches: usize,
                #[serde(flatten)]
                latency: Latency,
            }
            let report = Report {
                mode,
                queries: lines.len(),
                searches: samples.len(),
                latency: latency(samples),
            };
            out.value(&report, |r| {
                format!(
                    "{} searches ({} queries typed): p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
                    r.searches, r.queries, r.latency.p50_ms, r.latency.p95_ms, r.latency.p99_ms, r.latency.max_ms
                )
            });
            Ok(())
        }
        BenchCommand::Scan { lookups, .. } => {
            let codes = scan_codes(store, lookups)?;
            let mut samples = Vec::with_capacity(codes.len());
            for code in &codes {
                let start = Instant::now();
                store.scan(code)?;
                samples.push(ms(start));
            }
            let report = latency(samples);
            out.value(&report, |r| {
                format!(
                    "{} lookups: p50 {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
                    r.count, r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms
                )
            });
            Ok(())
        }
        BenchCommand::Lists { .. } => {
            let results = lists(store)?;
            out.value(&results, |rows| {
                rows.iter()
                    .map(|r| format!("{:<40} {:>8.2} ms", r.name, r.ms))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
    }
}

fn read_lines(path: &PathBuf) -> Result<Vec<String>, Error> {
    let file = File::open(path).map_err(|e| Error::Io {
        path: path.clone(),
        source: e,
    })?;
    let lines: Result<Vec<String>, _> = BufReader::new(file).lines().collect();
    Ok(lines
        .map_err(|e| Error::Io {
            path: path.clone(),
            source: e,
        })?
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect())
}

/// A deterministic mix of real codes from the database and misses.
fn scan_codes(store: &Store, n: usize) -> Result<Vec<String>, Error> {
    store.read(|conn| {
        let max: i64 =
            conn.query_row("SELECT coalesce(max(seq), 0) FROM items", [], |r| r.get(0))?;
        let mut locations: Vec<String> = conn
            .prepare("SELECT code FROM bins UNION ALL SELECT code FROM sections")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        locations.sort();
        let mut stmt = conn.prepare("SELECT sku, barcode FROM items WHERE seq = ?1")?;
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut codes = Vec::with_capacity(n);
        while codes.len() < n {
            let pick = next();
            match pick % 10 {
                0 => codes.push(format!("MISS-{}", pick % 1_000_000)),
                1 if !locations.is_empty() => {
                    codes.push(locations[(pick as usize / 10) % locations.len()].clone())
                }
                _ if max > 0 => {
                    let seq = (next() % max as u64) as i64 + 1;
                    let row: Option<(Option<String>, Option<String>)> =
                        stmt.query_row([seq], |r| Ok((r.get(0)?, r.get(1)?))).ok();
                    match row {
                        Some((_, Some(b))) if pick % 3 == 0 => {
                            // The forms a scanner sends: UPC-A, EAN-13, GTIN-14.
                            let form = match pick % 9 {
                                0 => b[2..].to_string(),
                                3 => b[1..].to_string(),
                                _ => b,
                            };
                            codes.push(form);
                        }
                        Some((Some(sku), _)) => codes.push(sku),
                        _ => {}
                    }
                }
                _ => codes.push(format!("MISS-{pick}")),
            }
        }
        Ok(codes)
    })
}

#[derive(Serialize)]
struct ListTiming {
    name: String,
    ms: f64,
}

/// First page of each sort, unfiltered and under each kind of filter.
fn lists(store: &Store) -> Result<Vec<ListTiming>, Error> {
    let (bin, category) = store.read(|conn| {
        let bin: Option<String> = conn
            .query_row("SELECT code FROM bins ORDER BY seq LIMIT 1", [], |r| {
                r.get(0)
            })
            .ok();
        let category: Option<String> = conn
            .query_row(
                "SELECT path FROM categories WHERE parent_id IS NULL ORDER BY path LIMIT 1",
                [],
                |r| r.get(0),
            )
            .ok();
        Ok((bin, category))
    })?;
    let mut filters: Vec<(String, Filters)> = vec![
        ("all".into(), Filters::default()),
        (
            "status=active".into(),
            Filters {
                status: Some(Status::Active),
                ..Default::default()
            },
        ),
        (
            "condition=good".into(),
            Filters {
                condition: Some(Condition::Good),
                ..Default::default()
            },
        ),
        (
            "price 10-50".into(),
            Filters {
                price_min: Some("10".into()),
                price_max: Some("50".into()),
                ..Default::default()
            },
        ),
    ];
    if let Some(code) = bin {
        filters.push((
            format!("location={code}"),
            Filters {
                location: Some(code),
                ..Default::default()
            },
        ));
    }
    if let Some(path) = category {
        filters.push((
            format!("category={path}"),
            Filters {
                category: Some(path),
                ..Default::default()
            },
        ));
    }
    let mut out = Vec::new();
    for (label, filter) in &filters {
        for sort in Sort::ALL {
            for reverse in [false, true] {
                let query = ListQuery {
                    filters: filter.clone(),
                    sort,
                    reverse,
                    after: None,
                    limit: Some(50),
                };
                // The median of three runs: the first also pays for preparing.
                let mut runs = [0.0; 3];
                for run in &mut runs {
                    let start = Instant::now();
                    store.list(&query)?;
                    *run = ms(start);
                }
                runs.sort_by(f64::total_cmp);
                let best = runs[1];
                let dir = if reverse { " reversed" } else { "" };
                out.push(ListTiming {
                    name: format!("{label}, {}{dir}", sort.as_str()),
                    ms: (best * 1000.0).round() / 1000.0,
                });
            }
        }
    }
    Ok(out)
}

//! `trove bench cards`: the card benchmark. A generated Scryfall
//! bulk file standing in for every Magic set (as many sets and cards as the
//! real one), a generated 100,000-row ManaBox collection over those sets;
//! times the catalogue import, the collection import and set completion of
//! every set, into a fresh database.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;
use serde::Serialize;
use trove_core::import::ImportOptions;
use trove_core::jobs::Job;
use trove_core::{Error, Store};

use crate::print::Output;

#[derive(Args)]
pub struct CardBenchArgs {
    /// Where the generated files are kept (reused when present) and the
    /// database is written.
    #[arg(long)]
    dir: PathBuf,
    /// Rows in the ManaBox file.
    #[arg(long, default_value_t = 100_000)]
    rows: u32,
    /// Sets in the catalogue (Scryfall lists about 900 for Magic).
    #[arg(long, default_value_t = 900)]
    sets: u32,
    /// Cards per set (Scryfall's English default_cards holds about
    /// 100,000 cards in all).
    #[arg(long, default_value_t = 110)]
    cards_per_set: u32,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
pub struct CardBenchReport {
    pub sets: u32,
    pub catalogue_cards: u64,
    pub rows: u32,
    pub catalogue_megabytes: f64,
    pub manabox_megabytes: f64,
    pub catalogue_seconds: f64,
    pub import_seconds: f64,
    pub reimport_seconds: f64,
    pub completion_seconds: f64,
    pub completion_ms_p50: f64,
    pub completion_ms_max: f64,
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::Io {
        path: path.into(),
        source: e,
    }
}

/// A small deterministic generator (xorshift), so every run sees the same files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn set_code(n: u32) -> String {
    // Three letters, as most Magic set codes are.
    let l = |k: u32| char::from(b'A' + (k % 26) as u8);
    format!("{}{}{}", l(n / 676), l(n / 26), l(n))
}

fn card_id(set: u32, number: u32) -> String {
    format!("{:08x}-0000-4000-8000-{:012x}", set, number)
}

fn write_catalogue(path: &Path, sets: u32, per_set: u32) -> Result<(), Error> {
    let file = std::fs::File::create(path).map_err(|e| io(path, e))?;
    let mut out = BufWriter::new(file);
    let mut rng = Rng(0x5eed);
    let rarities = ["common", "uncommon", "rare", "mythic"];
    writeln!(out, "[").map_err(|e| io(path, e))?;
    let mut first = true;
    for s in 0..sets {
        for n in 1..=per_set {
            let usd = rng.below(5_000);
            let line = format!(
                "{}{{\"object\":\"card\",\"id\":\"{}\",\"name\":\"Card {n} of {}\",\"lang\":\"en\",\
                 \"released_at\":\"2020-01-01\",\"set\":\"{}\",\"set_name\":\"Set {}\",\
                 \"collector_number\":\"{n}\",\"rarity\":\"{}\",\"finishes\":[\"nonfoil\",\"foil\"],\
                 \"prices\":{{\"usd\":\"{}.{:02}\",\"usd_foil\":\"{}.{:02}\",\"eur\":null,\"tix\":null}}}}",
                if first { "" } else { ",\n" },
                card_id(s, n),
                set_code(s),
                set_code(s).to_lowercase(),
                set_code(s),
                rarities[rng.below(4) as usize],
                usd / 100,
                usd % 100,
                usd * 3 / 100,
                usd * 3 % 100,
            );
            first = false;
            out.write_all(line.as_bytes()).map_err(|e| io(path, e))?;
        }
    }
    writeln!(out, "\n]").map_err(|e| io(path, e))?;
    out.flush().map_err(|e| io(path, e))
}

fn write_manabox(path: &Path, rows: u32, sets: u32, per_set: u32) -> Result<(), Error> {
    let file = std::fs::File::create(path).map_err(|e| io(path, e))?;
    let mut out = BufWriter::new(file);
    let mut rng = Rng(0xcafe);
    let conditions = [
        "near_mint",
        "near_mint",
        "lightly_played",
        "moderately_played",
        "mint",
    ];
    let finishes = ["normal", "normal", "normal", "foil"];
    let languages = ["en", "en", "en", "de", "ja"];
    let mut text = String::from(
        "Binder Name,Binder Type,Name,Set code,Set name,Collector number,Foil,Rarity,Quantity,\
         ManaBox ID,Scryfall ID,Purchase price,Misprint,Altered,Condition,Language,\
         Purchase price currency,Added\n",
    );
    for row in 0..rows {
        let s = rng.below(u64::from(sets)) as u32;
        let n = 1 + rng.below(u64::from(per_set)) as u32;
        let _ = writeln!(
            text,
            "Binder {},binder,Card {n} of {},{},Set {},{n},{},common,{},{},{},{}.{:02},false,false,{},{},USD,2024-06-20T18:04:11.512Z",
            row % 20,
            set_code(s),
            set_code(s),
            set_code(s),
            finishes[rng.below(4) as usize],
            1 + rng.below(4),
            200_000 + row,
            card_id(s, n),
            rng.below(20),
            rng.below(100),
            conditions[rng.below(5) as usize],
            languages[rng.below(5) as usize],
        );
        if text.len() > 1 << 20 {
            out.write_all(text.as_bytes()).map_err(|e| io(path, e))?;
            text.clear();
        }
    }
    out.write_all(text.as_bytes()).map_err(|e| io(path, e))?;
    out.flush().map_err(|e| io(path, e))
}

fn megabytes(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

pub fn run(args: &CardBenchArgs, out: &Output) -> Result<(), Error> {
    std::fs::create_dir_all(&args.dir).map_err(|e| io(&args.dir, e))?;
    let catalogue = args.dir.join(format!(
        "scryfall-{}x{}.json",
        args.sets, args.cards_per_set
    ));
    if !catalogue.exists() {
        write_catalogue(&catalogue, args.sets, args.cards_per_set)?;
    }
    let manabox = args.dir.join(format!("manabox-{}.csv", args.rows));
    if !manabox.exists() {
        write_manabox(&manabox, args.rows, args.sets, args.cards_per_set)?;
    }
    let db = args.dir.join("cards.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let store = Store::open(&db)?;

    let started = Instant::now();
    let catalogue_report = store.import_catalogue(&catalogue, &mut Job::quiet())?;
    let catalogue_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    store.import_cards(&manabox, None, &ImportOptions::default(), &mut Job::quiet())?;
    let import_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    store.import_cards(&manabox, None, &ImportOptions::default(), &mut Job::quiet())?;
    let reimport_seconds = started.elapsed().as_secs_f64();

    let mut times = Vec::with_capacity(args.sets as usize);
    let started = Instant::now();
    for s in 0..args.sets {
        let one = Instant::now();
        store.completion(&set_code(s))?;
        times.push(one.elapsed().as_secs_f64() * 1000.0);
    }
    let completion_seconds = started.elapsed().as_secs_f64();
    times.sort_by(f64::total_cmp);

    let report = CardBenchReport {
        sets: args.sets,
        catalogue_cards: catalogue_report.cards,
        rows: args.rows,
        catalogue_megabytes: megabytes(&catalogue),
        manabox_megabytes: megabytes(&manabox),
        catalogue_seconds,
        import_seconds,
        reimport_seconds,
        completion_seconds,
        completion_ms_p50: times[times.len() / 2],
        completion_ms_max: *times.last().unwrap_or(&0.0),
    };
    out.value(&report, |r| {
        format!(
            "catalogue: {} sets, {} cards imported in {:.2} s\n\
             ManaBox file of {} rows imported in {:.2} s (again, unchanged: {:.2} s)\n\
             set completion of all {} sets: {:.2} s (per set p50 {:.2} ms, max {:.2} ms)",
            r.sets,
            r.catalogue_cards,
            r.catalogue_seconds,
            r.rows,
            r.import_seconds,
            r.reimport_seconds,
            r.sets,
            r.completion_seconds,
            r.completion_ms_p50,
            r.completion_ms_max
        )
    });
    Ok(())
}

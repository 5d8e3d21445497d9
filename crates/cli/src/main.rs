//! `trove`: the command-line companion to the desktop app. Argument parsing
//! and printing only; everything else is `trove_core`.

mod bench;
mod bench_cards;
mod bench_floor;
mod bench_photos;
mod bench_sales;
mod cards;
mod label;
mod listing;
mod offer;
mod photos;
mod print;
mod rule;
mod sale;
mod stocktake;
mod timing;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use trove_core::import::ImportOptions;
use trove_core::jobs::Job;
use trove_core::list::{Filters, ListQuery, Sort};
use trove_core::search::SearchQuery;
use trove_core::{Condition, Error, ItemChanges, Status, Store};

use crate::print::Output;

/// Trove: inventory for resellers and collectors, on one local SQLite file.
#[derive(Parser)]
#[command(name = "trove", version, about, propagate_version = true)]
struct Cli {
    /// The database file [default: the desktop app's, in the OS app-data dir; env TROVE_DB overrides]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

// Parsed once per run; the size difference between variants costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Create the database (or upgrade it) and print its path.
    Init,
    /// Import items from a CSV file (atomic: one bad row rejects the file):
    /// Trove's own layout, or a card collection app's export, recognised
    /// from its header.
    Import {
        file: PathBuf,
        /// manabox, tcgplayer, dragonshield, homebox or generic [default:
        /// recognised from the header]
        #[arg(long, value_parser = parse_preset)]
        preset: Option<trove_core::cards::presets::Preset>,
        /// Report what would happen without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows and report the bad ones.
        #[arg(long)]
        skip_invalid: bool,
        /// Refuse a location no bin or section has yet, instead of creating
        /// it from its code (B12-3) or names (Garage tote / Top shelf).
        #[arg(long)]
        no_create_locations: bool,
        #[arg(long)]
        json: bool,
    },
    /// Export every item to a CSV file.
    Export {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Search items as the app's search box does.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        filters: FilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// List items, filtered and sorted, a page at a time.
    List {
        #[arg(long, value_parser = parse_sort, default_value = "newest")]
        sort: Sort,
        #[arg(long)]
        reverse: bool,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// The cursor printed after the previous page.
        #[arg(long)]
        after: Option<String>,
        #[command(flatten)]
        filters: FilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// Look up a scanned code: SKU, barcode or location code.
    Scan {
        code: String,
        #[arg(long)]
        json: bool,
    },
    /// Add, show, edit, trash and restore items.
    #[command(subcommand)]
    Item(ItemCommand),
    /// Items in the trash.
    #[command(subcommand)]
    Trash(TrashCommand),
    /// Storage bins and their sections.
    #[command(subcommand)]
    Bin(BinCommand),
    /// Move an item (or part of its stack) to a location code or bin/section path.
    Move {
        item: String,
        location: String,
        /// Move only this many units, splitting the stack.
        #[arg(long)]
        quantity: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Counts and totals.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Check the database for problems and repair what is safe to repair.
    Doctor {
        #[arg(long)]
        json: bool,
    },
    /// Benchmarks and the data generator they use.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// The card catalogue: sets and their card lists from public data files.
    #[command(subcommand)]
    Catalogue(cards::CatalogueCommand),
    /// Collections: binders, boxes, sets, personal collections.
    #[command(subcommand)]
    Collection(cards::CollectionCommand),
    /// The wishlist: cards and things wanted, with the most you will pay.
    #[command(subcommand)]
    Wish(cards::WishCommand),
    /// Pre-orders: deposit, release date and every slip of that date.
    #[command(subcommand)]
    Preorder(cards::PreorderCommand),
    /// How complete a set is: owned, missing, duplicates, percentage.
    Completion {
        /// The set's code (2XM, base1…), as in the catalogue.
        set: String,
        #[arg(long)]
        json: bool,
    },
    /// Import and list photos (stored beside the database, in `<name>-photos/`).
    #[command(subcommand)]
    Photos(photos::PhotosCommand),
    /// Write printable barcode labels for bins, sections or items to an SVG or PDF file.
    Label(label::LabelArgs),
    /// Listings: an item offered on a platform, one per item and platform.
    #[command(subcommand)]
    Listing(listing::ListingCommand),
    /// Sales: record, ship, cancel, return.
    #[command(subcommand)]
    Sale(sale::SaleCommand),
    /// Count a bin or section by scan: what is missing, what is recorded
    /// elsewhere, what is unknown.
    StockTake(stocktake::StockTakeArgs),
    /// Automation rules: answer offers, cut prices, relist; --dry-run first.
    #[command(subcommand)]
    Rule(rule::RuleCommand),
    /// Buyers' offers: accept (records the sale), decline, counter.
    #[command(subcommand)]
    Offer(offer::OfferCommand),
    /// Sold, not yet shipped, oldest first; --walk lists the lines in
    /// shelf order to pick; --pick CODE marks the scanned item picked.
    ShipQueue {
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[arg(long, conflicts_with = "pick")]
        walk: bool,
        #[arg(long, value_name = "CODE")]
        pick: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Double sales to settle, and what else needs a look.
    Notifications {
        /// Only the ones not read yet.
        #[arg(long)]
        unread: bool,
        #[arg(long)]
        json: bool,
    },
    /// What to change by hand on platforms with no seller API, with the
    /// text to paste; --done ID ticks one off.
    Checklist {
        #[arg(long)]
        platform: Option<String>,
        #[arg(long, value_name = "ID")]
        done: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The jobs waiting for the sync worker to tell a marketplace.
    Outbox {
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ItemCommand {
    /// Create an item.
    Add {
        #[command(flatten)]
        fields: ItemArgs,
        #[arg(long)]
        json: bool,
    },
    /// Show an item by id, SKU or barcode.
    Show {
        item: String,
        /// Also show its change history and moves.
        #[arg(long)]
        history: bool,
        #[arg(long)]
        json: bool,
    },
    /// Change an item's fields (an empty value clears a field).
    Edit {
        item: String,
        #[command(flatten)]
        fields: ItemArgs,
        #[arg(long)]
        json: bool,
    },
    /// Move an item to the trash.
    Delete {
        item: String,
        #[arg(long)]
        json: bool,
    },
    /// Take an item back out of the trash.
    Restore {
        item: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum TrashCommand {
    /// List items in the trash.
    List {
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Delete everything in the trash for good.
    Empty {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum BinCommand {
    /// Create a bin; it gets the next location code (B1, B2…).
    Add {
        name: String,
        /// general, clothing, cards…
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a section to a bin; it gets a code like B12-3.
    AddSection {
        bin: String,
        name: String,
        #[arg(long)]
        capacity: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// List bins with their sections and item counts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename a bin or section (its code stays).
    Rename {
        code: String,
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Delete an empty bin or section.
    Delete {
        code: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Default)]
struct FilterArgs {
    /// draft, active, sold or archived
    #[arg(long, value_parser = parse_status)]
    status: Option<Status>,
    /// A bin or section code.
    #[arg(long)]
    location: Option<String>,
    /// A category path; includes sub-categories.
    #[arg(long)]
    category: Option<String>,
    /// new, like_new, excellent, good, fair or poor
    #[arg(long, value_parser = parse_condition)]
    condition: Option<Condition>,
    #[arg(long)]
    min_price: Option<String>,
    #[arg(long)]
    max_price: Option<String>,
    /// Currency of the price range [default: home currency]
    #[arg(long)]
    currency: Option<String>,
}

impl From<FilterArgs> for Filters {
    fn from(a: FilterArgs) -> Self {
        Filters {
            status: a.status,
            location: a.location,
            category: a.category,
            condition: a.condition,
            price_min: a.min_price,
            price_max: a.max_price,
            currency: a.currency,
        }
    }
}

#[derive(Args)]
struct ItemArgs {
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    sku: Option<String>,
    /// UPC-A, EAN-13, EAN-8, GTIN-14 or ISBN.
    #[arg(long)]
    barcode: Option<String>,
    #[arg(long)]
    description: Option<String>,
    #[arg(long)]
    brand: Option<String>,
    /// A path such as "Clothing > Women > Coats".
    #[arg(long)]
    category: Option<String>,
    #[arg(long)]
    size: Option<String>,
    #[arg(long)]
    colour: Option<String>,
    #[arg(long)]
    material: Option<String>,
    #[arg(long)]
    condition: Option<String>,
    #[arg(long, allow_negative_numbers = true)]
    quantity: Option<i64>,
    #[arg(long, allow_negative_numbers = true)]
    low_stock: Option<i64>,
    /// Decimal amount, e.g. 4.50.
    #[arg(long, allow_hyphen_values = true)]
    cost: Option<String>,
    #[arg(long)]
    cost_currency: Option<String>,
    /// Decimal amount, e.g. 24.99.
    #[arg(long, allow_hyphen_values = true)]
    price: Option<String>,
    /// ISO 4217 code of the price [default: the item's, else home currency]
    #[arg(long)]
    currency: Option<String>,
    #[arg(long, allow_negative_numbers = true)]
    weight_grams: Option<i64>,
    #[arg(long)]
    notes: Option<String>,
    /// draft, active, sold or archived.
    #[arg(long)]
    status: Option<String>,
    /// A location code (B12-3) or "Bin name/Section name".
    #[arg(long)]
    location: Option<String>,
    /// Tags separated by ';' (replaces the item's tags).
    #[arg(long)]
    tags: Option<String>,
    /// A custom field, NAME=VALUE (repeatable; empty VALUE removes it).
    #[arg(long = "field", value_name = "NAME=VALUE")]
    fields: Vec<String>,
    /// YYYY-MM-DD.
    #[arg(long)]
    acquired_on: Option<String>,
    #[arg(long)]
    acquired_from: Option<String>,
}

impl ItemArgs {
    fn into_changes(self) -> Result<ItemChanges, Error> {
        let mut fields = BTreeMap::new();
        for f in &self.fields {
            let (name, value) = f.split_once('=').ok_or_else(|| {
                Error::invalid(
                    "fields",
                    f,
                    "field_invalid",
                    format!("--field {f}: write it as NAME=VALUE"),
                )
            })?;
            fields.insert(name.to_string(), value.to_string());
        }
        Ok(ItemChanges {
            title: self.title,
            sku: self.sku,
            barcode: self.barcode,
            description: self.description,
            brand: self.brand,
            category: self.category,
            size: self.size,
            colour: self.colour,
            material: self.material,
            condition: self.condition,
            quantity: self.quantity,
            low_stock_threshold: self.low_stock.map(Some),
            cost: self.cost,
            cost_currency: self.cost_currency,
            price: self.price,
            price_currency: self.currency,
            weight_grams: self.weight_grams.map(Some),
            notes: self.notes,
            status: self.status,
            location: self.location,
            tags: self.tags.map(|t| trove_core::item::split_tags(&t)),
            fields: (!fields.is_empty()).then_some(fields),
            acquired_on: self.acquired_on,
            acquired_from: self.acquired_from,
            ..ItemChanges::default()
        })
    }
}

fn parse_preset(s: &str) -> Result<trove_core::cards::presets::Preset, String> {
    trove_core::cards::presets::Preset::parse(s).ok_or_else(|| {
        "expected manabox, tcgplayer, tcgplayer-seller, dragonshield, homebox or generic".into()
    })
}

fn parse_sort(s: &str) -> Result<Sort, String> {
    Sort::parse(s).ok_or_else(|| "expected newest, title, price, quantity or updated".into())
}

fn parse_status(s: &str) -> Result<Status, String> {
    Status::parse(s).ok_or_else(|| "expected draft, active, sold or archived".into())
}

fn parse_condition(s: &str) -> Result<Condition, String> {
    Condition::parse(s)
        .ok_or_else(|| "expected new, like_new, excellent, good, fair or poor".into())
}

/// Lets `trove list | head` end quietly: with SIGPIPE at its default, a
/// closed pipe ends the process as it does for any Unix tool, instead of a
/// panic on the next print (Rust ignores SIGPIPE by default).
#[cfg(unix)]
fn default_sigpipe() {
    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    // SAFETY: called once at start-up before any thread exists; restoring a
    // signal's default disposition has no other effect on this process.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

fn main() -> ExitCode {
    #[cfg(unix)]
    default_sigpipe();
    let cli = Cli::parse();
    let db = cli
        .db
        .clone()
        .unwrap_or_else(trove_core::db::default_db_path);
    let json = cli.command.json();
    let out = Output { json };
    let code = match run(cli.command, &db, &out) {
        Ok(code) => code,
        Err(e) => out.error(&e),
    };
    // `cargo xtask bench` reads how much memory an import took from here.
    if let Some(file) = std::env::var_os("TROVE_PEAK_RSS_FILE") {
        if let Some(mb) = peak_rss_mb() {
            let _ = std::fs::write(file, format!("{mb:.1}\n"));
        }
    }
    code
}

/// This process's peak resident memory in MB, where the OS tells it
/// (Linux's `VmHWM`); `None` elsewhere.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

impl Command {
    fn json(&self) -> bool {
        match self {
            Command::Init => false,
            Command::Import { json, .. }
            | Command::Export { json, .. }
            | Command::Search { json, .. }
            | Command::List { json, .. }
            | Command::Scan { json, .. }
            | Command::Move { json, .. }
            | Command::Stats { json }
            | Command::Doctor { json } => *json,
            Command::Item(
                ItemCommand::Add { json, .. }
                | ItemCommand::Show { json, .. }
                | ItemCommand::Edit { json, .. }
                | ItemCommand::Delete { json, .. }
                | ItemCommand::Restore { json, .. },
            ) => *json,
            Command::Trash(TrashCommand::List { json, .. } | TrashCommand::Empty { json }) => *json,
            Command::Bin(
                BinCommand::Add { json, .. }
                | BinCommand::AddSection { json, .. }
                | BinCommand::List { json }
                | BinCommand::Rename { json, .. }
                | BinCommand::Delete { json, .. },
            ) => *json,
            Command::Bench(b) => b.json(),
            Command::Label(args) => args.json,
            Command::Photos(cmd) => cmd.json(),
            Command::Catalogue(cmd) => cmd.json(),
            Command::Collection(cmd) => cmd.json(),
            Command::Listing(cmd) => cmd.json(),
            Command::Outbox { json, .. } | Command::Checklist { json, .. } => *json,
            Command::Sale(cmd) => cmd.json(),
            Command::Offer(cmd) => cmd.json(),
            Command::Rule(cmd) => cmd.json(),
            Command::StockTake(args) => args.json,
            Command::ShipQueue { json, .. } | Command::Notifications { json, .. } => *json,
            Command::Wish(cmd) => cmd.json(),
            Command::Preorder(cmd) => cmd.json(),
            Command::Completion { json, .. } => *json,
        }
    }
}

fn run(command: Command, db: &std::path::Path, out: &Output) -> Result<ExitCode, Error> {
    // The generator writes files only; it must not create a database.
    if let Command::Bench(bench::BenchCommand::Gen(args)) = &command {
        bench::generate(args)?;
        return Ok(ExitCode::SUCCESS);
    }
    // The photo and card benchmarks make their own databases.
    if let Command::Bench(bench::BenchCommand::Photos(args)) = &command {
        bench_photos::run(args, out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Bench(bench::BenchCommand::Cards(args)) = &command {
        bench_cards::run(args, out)?;
        return Ok(ExitCode::SUCCESS);
    }
    // The floor writes the database as plain SQLite, past the store.
    if let Command::Bench(bench::BenchCommand::Floor(args)) = &command {
        bench_floor::run(db, args, out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = Store::open(db)?;
    if let Some(backup) = store.upgrade_backup() {
        eprintln!(
            "upgraded the database; the previous version was saved as {}",
            backup.display()
        );
    }
    match command {
        Command::Init => println!("{}", store.path().display()),
        Command::Import {
            file,
            preset,
            dry_run,
            skip_invalid,
            no_create_locations,
            json,
        } => {
            let options = ImportOptions {
                dry_run,
                skip_invalid,
                strict_locations: no_create_locations,
            };
            let report = store.import_cards(&file, preset, &options, &mut Job::quiet());
            return Ok(out.import(report, json));
        }
        Command::Export { file, .. } => out.value(&store.export_csv(&file)?, |r| {
            format!("{} items written to {}", r.rows, r.file)
        }),
        Command::Search {
            query,
            limit,
            filters,
            ..
        } => {
            let results = store.search(&SearchQuery {
                text: query,
                filters: filters.into(),
                limit: Some(limit),
                offset: 0,
            })?;
            out.items(&results.items);
            if !out.json && results.more {
                println!(
                    "(more than {} matches; refine the search to see others)",
                    results.total
                );
            }
        }
        Command::List {
            sort,
            reverse,
            limit,
            after,
            filters,
            ..
        } => {
            let page = store.list(&ListQuery {
                filters: filters.into(),
                sort,
                reverse,
                after,
                limit: Some(limit),
            })?;
            out.page(&page);
        }
        Command::Scan { code, .. } => out.scanned(&store.scan(&code)?),
        Command::Item(cmd) => item(cmd, &store, out)?,
        Command::Trash(TrashCommand::List { limit, .. }) => out.items(&store.trash(limit)?),
        Command::Trash(TrashCommand::Empty { .. }) => {
            let n = store.empty_trash()?;
            out.value(&serde_json::json!({ "deleted": n }), |_| {
                format!("deleted {n} item(s) for good")
            });
        }
        Command::Bin(cmd) => bin(cmd, &store, out)?,
        Command::Move {
            item,
            location,
            quantity,
            ..
        } => {
            let moved = store.move_item(&item, &location, quantity)?;
            out.item(&moved);
        }
        Command::Stats { .. } => out.stats(&store.stats()?),
        Command::Doctor { .. } => {
            let report = trove_commerce::Shop::new(&store).doctor()?;
            out.doctor(&report);
            if !report.healthy() {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Bench(cmd) => bench::run(cmd, &store, out)?,
        Command::Label(args) => label::run(args, &store, out)?,
        Command::Photos(cmd) => return photos::run(cmd, &store, out),
        Command::Catalogue(cmd) => cards::catalogue(cmd, &store, out)?,
        Command::Collection(cmd) => cards::collection(cmd, &store, out)?,
        Command::Listing(cmd) => listing::listing(cmd, &store, out)?,
        Command::Outbox { limit, .. } => listing::outbox(&store, limit, out)?,
        Command::Checklist { platform, done, .. } => {
            listing::checklist(&store, platform.as_deref(), done.as_deref(), out)?
        }
        Command::Sale(cmd) => sale::sale(cmd, &store, out)?,
        Command::Offer(cmd) => offer::offer(cmd, &store, out)?,
        Command::Rule(cmd) => rule::rule(cmd, &store, out)?,
        Command::StockTake(args) => stocktake::run(args, &store, out)?,
        Command::ShipQueue {
            limit, walk, pick, ..
        } => sale::ship_queue(&store, limit, walk, pick.as_deref(), out)?,
        Command::Notifications { unread, .. } => sale::notifications(&store, unread, out)?,
        Command::Wish(cmd) => cards::wish(cmd, &store, out)?,
        Command::Preorder(cmd) => cards::preorder(cmd, &store, out)?,
        Command::Completion { set, .. } => cards::completion(&set, &store, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn item(cmd: ItemCommand, store: &Store, out: &Output) -> Result<(), Error> {
    match cmd {
        ItemCommand::Add { fields, .. } => out.item(&store.create_item(&fields.into_changes()?)?),
        ItemCommand::Edit { item, fields, .. } => {
            out.item(&store.update_item(&item, &fields.into_changes()?)?)
        }
        ItemCommand::Show { item, history, .. } => {
            let found = store.item(&item)?;
            if history {
                let log = store.history(&found.id, 100)?;
                let moves = store.moves(&found.id)?;
                out.value(
                    &serde_json::json!({ "item": found, "history": log, "moves": moves }),
                    |_| print::item_detail(&found, &log, &moves),
                );
            } else {
                out.item(&found);
            }
        }
        ItemCommand::Delete { item, .. } => {
            out.item(&trove_commerce::Shop::new(store).trash_item(&item)?)
        }
        ItemCommand::Restore { item, .. } => out.item(&store.restore_item(&item)?),
    }
    Ok(())
}

fn bin(cmd: BinCommand, store: &Store, out: &Output) -> Result<(), Error> {
    match cmd {
        BinCommand::Add { name, kind, .. } => {
            let bin = store.add_bin(&name, kind.as_deref())?;
            out.value(&bin, |b| format!("{}  {} ({})", b.code, b.name, b.kind));
        }
        BinCommand::AddSection {
            bin,
            name,
            capacity,
            ..
        } => {
            let section = store.add_section(&bin, &name, capacity)?;
            out.value(&section, |s| format!("{}  {}", s.code, s.name));
        }
        BinCommand::List { .. } => out.bins(&store.bins()?),
        BinCommand::Rename { code, name, .. } => {
            let loc = store.rename_location(&code, &name)?;
            out.value(&loc, |_| format!("{code} renamed to {name}"));
        }
        BinCommand::Delete { code, .. } => {
            store.delete_location(&code)?;
            out.value(&serde_json::json!({ "deleted": code }), |_| {
                format!("deleted {code}")
            });
        }
    }
    Ok(())
}

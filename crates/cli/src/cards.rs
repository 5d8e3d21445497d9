//! `trove catalogue import`, `trove collection …` and `trove completion`.

use std::path::PathBuf;

use clap::Subcommand;
use trove_core::cards::presets::CollectionFormat;
use trove_core::cards::{
    Collection, CollectionMode, Completion, Preorder, PreorderInput, Wish, WishInput,
};
use trove_core::jobs::Job;
use trove_core::{Error, Store};

use crate::print::Output;

#[derive(Subcommand)]
pub enum CatalogueCommand {
    /// Import a catalogue data file: an MTGJSON set file, Scryfall bulk card
    /// JSON, or the Pokémon TCG data set's sets/en.json or cards/en/SET.json.
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum CollectionCommand {
    /// Create a collection, or add items (id, SKU or barcode) to one.
    Add {
        /// The collection's name (created when it does not exist).
        name: String,
        #[arg(value_name = "ITEM")]
        items: Vec<String>,
        /// binder, box, set, personal or other (for a new collection).
        #[arg(long, default_value = "binder")]
        kind: String,
        /// set, value, player or custom.
        #[arg(long, value_parser = parse_mode)]
        mode: Option<CollectionMode>,
        #[arg(long)]
        json: bool,
    },
    /// List the collections with their item counts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Write a collection to a CSV file in its order: Trove's own layout,
    /// or ManaBox's or TCGplayer's, to take it to those apps.
    Export {
        name: String,
        file: PathBuf,
        /// trove, manabox or tcgplayer.
        #[arg(long, value_parser = parse_format, default_value = "trove")]
        format: CollectionFormat,
        #[arg(long)]
        json: bool,
    },
    /// Show a collection's items in its order.
    Show {
        name: String,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// The cursor printed after the previous page.
        #[arg(long)]
        after: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

fn parse_format(s: &str) -> Result<CollectionFormat, String> {
    CollectionFormat::parse(s).ok_or_else(|| "expected trove, manabox or tcgplayer".into())
}

fn parse_mode(s: &str) -> Result<CollectionMode, String> {
    CollectionMode::parse(s).ok_or_else(|| "expected set, value, player or custom".into())
}

impl CatalogueCommand {
    pub fn json(&self) -> bool {
        match self {
            CatalogueCommand::Import { json, .. } => *json,
        }
    }
}

impl CollectionCommand {
    pub fn json(&self) -> bool {
        match self {
            CollectionCommand::Add { json, .. }
            | CollectionCommand::List { json }
            | CollectionCommand::Export { json, .. }
            | CollectionCommand::Show { json, .. } => *json,
        }
    }
}

pub fn catalogue(cmd: CatalogueCommand, store: &Store, out: &Output) -> Result<(), Error> {
    match cmd {
        CatalogueCommand::Import { file, .. } => {
            let report = store.import_catalogue(&file, &mut Job::quiet())?;
            out.value(&report, |r| {
                format!(
                    "{}: {} set(s), {} card(s), {} price change(s)",
                    r.source, r.sets, r.cards, r.prices
                )
            });
        }
    }
    Ok(())
}

fn collection_line(c: &Collection) -> String {
    format!(
        "{:<32} {:<9} {:<7} {:>7} items",
        c.name,
        c.kind,
        c.mode.as_str(),
        c.items
    )
}

pub fn collection(cmd: CollectionCommand, store: &Store, out: &Output) -> Result<(), Error> {
    match cmd {
        CollectionCommand::Add {
            name,
            items,
            kind,
            mode,
            ..
        } => {
            let existing = match store.collection(&name) {
                Ok(c) => Some(c),
                Err(Error::NotFound { .. }) => None,
                Err(e) => return Err(e),
            };
            let mut c = match existing {
                Some(c) => c,
                None => {
                    store.create_collection(&name, &kind, mode.unwrap_or(CollectionMode::Custom))?
                }
            };
            if let Some(mode) = mode.filter(|m| *m != c.mode) {
                c = store.set_collection_mode(&c.id, mode)?;
            }
            if !items.is_empty() {
                c = store.add_to_collection(&c.id, &items)?;
            }
            out.value(&c, collection_line);
        }
        CollectionCommand::List { .. } => {
            let all = store.collections()?;
            out.value(&all, |all| {
                all.iter()
                    .map(collection_line)
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        CollectionCommand::Export {
            name, file, format, ..
        } => {
            let report = store.export_collection(&name, format, &file)?;
            out.value(&report, |r| {
                format!(
                    "{} rows written to {} ({})",
                    r.rows,
                    r.file,
                    format.as_str()
                )
            });
        }
        CollectionCommand::Show {
            name, limit, after, ..
        } => {
            let c = store.collection(&name)?;
            let page = store.collection_page(&c.id, after.as_deref(), limit)?;
            let next = (page.len() == limit)
                .then(|| page.last().map(|e| e.cursor.clone()))
                .flatten();
            let value = serde_json::json!({ "collection": c, "entries": page, "next": next });
            out.value(&value, |_| {
                let mut lines = vec![collection_line(&c)];
                for e in &page {
                    let card = e.card.as_ref();
                    lines.push(format!(
                        "  {:<40} {:>3}  {:<6} {:<6} {:<12} {}",
                        e.item.fields.title,
                        e.item.fields.quantity,
                        card.and_then(|c| c.set_code.clone()).unwrap_or_default(),
                        card.and_then(|c| c.collector_number.clone())
                            .unwrap_or_default(),
                        card.map(|c| c.finish.clone()).unwrap_or_default(),
                        card.and_then(|c| c.value.map(|v| v.to_string()))
                            .unwrap_or_default(),
                    ));
                }
                if let Some(next) = &next {
                    lines.push(format!("more: --after '{next}'"));
                }
                lines.join("\n")
            });
        }
    }
    Ok(())
}

pub fn completion(set: &str, store: &Store, out: &Output) -> Result<(), Error> {
    let c = store.completion(set)?;
    out.value(&c, completion_text);
    Ok(())
}

fn completion_text(c: &Completion) -> String {
    let missing: Vec<&str> = c
        .cards
        .iter()
        .filter(|x| x.copies == 0)
        .map(|x| x.number.as_str())
        .collect();
    let mut lines = vec![
        format!("{} {} ({})", c.set_code, c.set_name, c.game),
        format!(
            "owned {} of {} ({:.1}%), {} in a foil finish, {} duplicate(s), worth {}",
            c.owned, c.total, c.percent, c.owned_foil, c.duplicates, c.value_owned
        ),
    ];
    if !missing.is_empty() {
        lines.push(format!("missing: {}", missing.join(", ")));
    }
    if c.unlisted > 0 {
        lines.push(format!(
            "{} owned card(s) of the set are not in the catalogue's list",
            c.unlisted
        ));
    }
    lines.join("\n")
}

#[derive(Subcommand)]
pub enum WishCommand {
    /// Add something wanted, with the most you will pay.
    Add {
        title: String,
        /// The most you will pay: `12.50` (home currency) or `12.50 EUR`.
        #[arg(long)]
        max: Option<String>,
        #[arg(long)]
        notes: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List the wishlist, oldest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Take a wish off the list (by the id `list` prints).
    Remove { id: String },
}

#[derive(Subcommand)]
pub enum PreorderCommand {
    /// Put an item on pre-order, or change its pre-order. A new release
    /// date is kept as a slip from the old one.
    Set {
        /// The item: id, SKU or barcode.
        item: String,
        /// The promised release date, YYYY-MM-DD.
        #[arg(long)]
        release: String,
        /// The deposit paid: `20` (home currency) or `20 EUR`.
        #[arg(long)]
        deposit: Option<String>,
        #[arg(long)]
        seller: Option<String>,
        /// When it was ordered, YYYY-MM-DD.
        #[arg(long)]
        ordered: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Pre-orders not yet received, soonest release first, with their slips.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Mark a pre-order received.
    Receive {
        item: String,
        #[arg(long)]
        json: bool,
    },
}

impl WishCommand {
    pub fn json(&self) -> bool {
        match self {
            WishCommand::Add { json, .. } | WishCommand::List { json } => *json,
            WishCommand::Remove { .. } => false,
        }
    }
}

impl PreorderCommand {
    pub fn json(&self) -> bool {
        match self {
            PreorderCommand::Set { json, .. }
            | PreorderCommand::List { json }
            | PreorderCommand::Receive { json, .. } => *json,
        }
    }
}

fn wish_line(w: &Wish) -> String {
    let max = w
        .max_price
        .map(|m| format!("  up to {m}"))
        .unwrap_or_default();
    let notes = w
        .notes
        .as_deref()
        .map(|n| format!("  ({n})"))
        .unwrap_or_default();
    format!("{}  {}{max}{notes}", w.id, w.title)
}

fn preorder_text(p: &Preorder) -> String {
    let mut line = format!("{}  release {}", p.title, p.release_on);
    if let Some(d) = p.deposit {
        line.push_str(&format!("  deposit {d}"));
    }
    if let Some(s) = &p.seller {
        line.push_str(&format!("  from {s}"));
    }
    if let Some(r) = &p.received_at {
        line.push_str(&format!("  received {r}"));
    }
    for slip in &p.slips {
        line.push_str(&format!(
            "\n  slipped {} → {} (noted {})",
            slip.from_on, slip.to_on, slip.noted_at
        ));
    }
    line
}

pub fn wish(cmd: WishCommand, store: &Store, out: &Output) -> Result<(), Error> {
    match cmd {
        WishCommand::Add {
            title, max, notes, ..
        } => {
            let w = store.add_wish_input(&WishInput {
                title,
                max_price: max.unwrap_or_default(),
                notes: notes.unwrap_or_default(),
            })?;
            out.value(&w, wish_line);
        }
        WishCommand::List { .. } => {
            let all = store.wishlist()?;
            out.value(&all, |all| {
                all.iter().map(wish_line).collect::<Vec<_>>().join("\n")
            });
        }
        WishCommand::Remove { id } => store.remove_wish(&id)?,
    }
    Ok(())
}

pub fn preorder(cmd: PreorderCommand, store: &Store, out: &Output) -> Result<(), Error> {
    match cmd {
        PreorderCommand::Set {
            item,
            release,
            deposit,
            seller,
            ordered,
            ..
        } => {
            let p = store.set_preorder_input(&PreorderInput {
                item,
                release_on: release,
                deposit: deposit.unwrap_or_default(),
                seller: seller.unwrap_or_default(),
                ordered_on: ordered.unwrap_or_default(),
            })?;
            out.value(&p, preorder_text);
        }
        PreorderCommand::List { .. } => {
            let all = store.preorders()?;
            out.value(&all, |all| {
                all.iter().map(preorder_text).collect::<Vec<_>>().join("\n")
            });
        }
        PreorderCommand::Receive { item, .. } => {
            let p = store.receive_preorder(&item)?;
            out.value(&p, preorder_text);
        }
    }
    Ok(())
}

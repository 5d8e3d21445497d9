//! `trove catalogue import`, `trove collection …` and `trove completion`.

use std::path::PathBuf;

use clap::Subcommand;
use trove_core::cards::{Collection, CollectionMode, Completion};
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
            | CollectionCommand::Show { json, .. } => *json,
        }
    }
}

pub fn catalogue(cmd: CatalogueCommand, store: &Store, out: &Output) -> Result<(), Error> {
    match cmd {
        CatalogueCommand::Import { file, .. } => {
            let report = store.import_catalogue(&file)?;
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

//! A collection written out in Trove's canonical CSV (plus card columns),
//! ManaBox's layout or the TCGplayer app's, so a collection never gets
//! stuck in Trove. The card apps' files re-import to the same cards: what
//! their layouts hold and Trove's item does not (ManaBox and Scryfall ids,
//! the card condition in the app's words, TCGplayer ids and printed
//! numbers) was kept in custom fields on import and is written back.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::manabox::{ADDED, FLAGS, HEADER as MANABOX_HEADER, MANABOX_ID, SCRYFALL_ID};
use super::tcgplayer::{COLLECTION_HEADER, EDITION, NAME, PRINTED_NUMBER, PRODUCT_ID, SKU};
use super::words::{simple_name, CardCondition, CARD_CONDITION};
use super::SOURCE_SET_CODE;
use crate::cards::language::language_name;
use crate::cards::{card_of, Card, CollectionMode};
use crate::columns::{guard, CANONICAL, EXTRA};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::export::{record, write_in_place, ExportReport};
use crate::item::Item;
use crate::items::{custom_fields, item_from_row, ITEM_SELECT};

/// A layout a collection can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum CollectionFormat {
    /// Trove's canonical CSV, with the card details after it.
    Trove,
    /// ManaBox's collection CSV (Magic cards only).
    ManaBox,
    /// The TCGplayer app's collection CSV (cards only).
    Tcgplayer,
}

impl CollectionFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            CollectionFormat::Trove => "trove",
            CollectionFormat::ManaBox => "manabox",
            CollectionFormat::Tcgplayer => "tcgplayer",
        }
    }

    pub fn parse(text: &str) -> Option<CollectionFormat> {
        match text.trim().to_lowercase().as_str() {
            "trove" | "csv" => Some(CollectionFormat::Trove),
            "manabox" => Some(CollectionFormat::ManaBox),
            "tcgplayer" => Some(CollectionFormat::Tcgplayer),
            _ => None,
        }
    }
}

/// Card columns written after Trove's own.
const CARD_HEADER: [&str; 24] = [
    "card_kind",
    "game",
    "set_code",
    "set_name",
    "collector_number",
    "rarity",
    "finish",
    "language",
    "legality",
    "sport",
    "year",
    "series",
    "player",
    "team",
    "rookie",
    "parallel",
    "insert_set",
    "serial",
    "grader",
    "grade",
    "grade_label",
    "cert_number",
    "value",
    "value_currency",
];

/// A collection item with everything an export writes.
struct Entry {
    item: Item,
    card: Option<Card>,
    fields: BTreeMap<String, String>,
}

impl Entry {
    fn field(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    /// The card condition in card words: the one the file said, else the
    /// nearest to Trove's condition.
    fn card_condition(&self) -> Option<CardCondition> {
        self.fields
            .get(CARD_CONDITION)
            .and_then(|c| CardCondition::parse(c))
            .or_else(|| self.item.fields.condition.map(CardCondition::from_trove))
    }
}

impl Store {
    /// Writes the items of a collection (by id or name), in its order, to
    /// a CSV file at `path`. The ManaBox layout takes only Magic cards and
    /// the TCGplayer layout only cards; other items are left out and not
    /// counted. The file is written beside its final name and renamed into
    /// place when complete.
    pub fn export_collection(
        &self,
        collection: &str,
        format: CollectionFormat,
        path: &Path,
    ) -> Result<ExportReport> {
        write_in_place(path, |out| {
            self.read(|conn| write(conn, collection, format, out))
        })
    }
}

fn write(
    conn: &Connection,
    key: &str,
    format: CollectionFormat,
    out: impl std::io::Write,
) -> Result<u64> {
    let (id, name, kind, mode): (String, String, String, String) = conn
        .prepare_cached(
            "SELECT id, name, kind, mode FROM collections WHERE id = ?1 OR name = ?1 COLLATE NOCASE",
        )?
        .query_row([key.trim()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?
        .ok_or_else(|| Error::not_found("collection", key))?;
    // ManaBox names a currency on every row, priced or not.
    let home = crate::settings::home_currency(conn)?;
    let io = |e: csv::Error| Error::io("export", std::io::Error::other(e));
    let mut w = csv::WriterBuilder::new().from_writer(out);
    match format {
        CollectionFormat::Trove => w.write_record(
            CANONICAL
                .iter()
                .chain(EXTRA.iter())
                .chain(CARD_HEADER.iter()),
        ),
        CollectionFormat::ManaBox => w.write_record(MANABOX_HEADER),
        CollectionFormat::Tcgplayer => w.write_record(COLLECTION_HEADER),
    }
    .map_err(io)?;
    // In the order the collection is shown in (its mode's), as a person
    // who sorted a binder by set expects the file to be.
    let order = CollectionMode::parse(&mode)
        .unwrap_or(CollectionMode::Custom)
        .key_sql();
    let mut stmt = conn.prepare_cached(&format!(
        "{ITEM_SELECT} JOIN collection_items ci ON ci.item_id = i.id
          LEFT JOIN cards c ON c.item_id = i.id
          WHERE ci.collection_id = ?1 AND i.deleted_at IS NULL ORDER BY {order}, i.seq"
    ))?;
    let items = stmt.query_map([&id], item_from_row)?;
    let mut rows = 0;
    for item in items {
        let item = item?;
        let entry = Entry {
            card: card_of(conn, &item.id)?,
            fields: custom_fields(conn, item.seq)?,
            item,
        };
        let record = match format {
            CollectionFormat::Trove => Some(trove_row(&entry)),
            CollectionFormat::ManaBox => manabox_row(&entry, &name, &kind, home.code()),
            CollectionFormat::Tcgplayer => tcgplayer_row(&entry),
        };
        if let Some(record) = record {
            w.write_record(&record).map_err(io)?;
            rows += 1;
        }
    }
    w.flush().map_err(|e| Error::io("export", e))?;
    Ok(rows)
}

fn trove_row(entry: &Entry) -> Vec<String> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut cells = record(&entry.item);
    cells.extend(match &entry.card {
        None => vec![String::new(); CARD_HEADER.len()],
        Some(c) => vec![
            c.kind.as_str().to_owned(),
            text(&c.game),
            text(&c.set_code),
            text(&c.set_name),
            text(&c.collector_number),
            text(&c.rarity),
            c.finish.clone(),
            text(&c.language),
            text(&c.legality),
            text(&c.sport),
            c.year.map(|y| y.to_string()).unwrap_or_default(),
            text(&c.series),
            text(&c.player),
            text(&c.team),
            c.rookie.to_string(),
            text(&c.parallel),
            text(&c.insert_set),
            c.serial.map(|s| s.to_string()).unwrap_or_default(),
            text(&c.grader),
            c.grade.map(|g| g.to_string()).unwrap_or_default(),
            text(&c.grade_label),
            text(&c.cert_number),
            c.value.map(|v| v.to_decimal_string()).unwrap_or_default(),
            c.value
                .map(|v| v.currency.code().to_owned())
                .unwrap_or_default(),
        ],
    });
    cells.into_iter().map(|c| guard(&c).into_owned()).collect()
}

fn manabox_row(entry: &Entry, binder: &str, kind: &str, home: &str) -> Option<Vec<String>> {
    let card = entry.card.as_ref()?;
    if card.game.as_deref().is_some_and(|g| g != "magic") {
        return None;
    }
    let f = &entry.item.fields;
    let has_tag = |t: &str| f.tags.iter().any(|tag| tag.eq_ignore_ascii_case(t));
    let binder_type = match kind {
        "other" if has_tag("deck") => "deck",
        "other" => "list",
        _ => "binder",
    };
    let finish = match card.finish.as_str() {
        "normal" | "etched" | "foil" => card.finish.as_str(),
        other if other.contains("etched") => "etched",
        "reverse_holo" => "foil",
        other if other.contains("foil") => "foil",
        _ => "normal",
    };
    let flag = |name: &str| (!entry.field(name).is_empty()).to_string();
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let cells: BTreeMap<&str, String> = [
        ("Binder Name", binder.to_owned()),
        ("Binder Type", binder_type.to_owned()),
        ("Name", f.title.clone()),
        ("Set code", text(&card.set_code).to_uppercase()),
        ("Set name", text(&card.set_name)),
        ("Collector number", text(&card.collector_number)),
        ("Foil", finish.to_owned()),
        ("Rarity", text(&card.rarity)),
        ("Quantity", f.quantity.to_string()),
        (MANABOX_ID, entry.field(MANABOX_ID)),
        (SCRYFALL_ID, entry.field(SCRYFALL_ID)),
        (
            "Purchase price",
            f.cost.map(|m| m.to_decimal_string()).unwrap_or_default(),
        ),
        (
            "Condition",
            entry
                .card_condition()
                .map(CardCondition::as_str)
                .unwrap_or("near_mint")
                .to_owned(),
        ),
        (
            "Language",
            card.language.clone().unwrap_or_else(|| "en".into()),
        ),
        (
            "Purchase price currency",
            f.cost
                .map_or_else(|| home.to_owned(), |m| m.currency.code().to_owned()),
        ),
        (ADDED, entry.field(ADDED)),
    ]
    .into_iter()
    .chain(FLAGS.iter().map(|name| (*name, flag(name))))
    .collect();
    Some(
        MANABOX_HEADER
            .iter()
            .map(|h| cells.get(h).cloned().unwrap_or_default())
            .collect(),
    )
}

fn tcgplayer_row(entry: &Entry) -> Option<Vec<String>> {
    let card = entry.card.as_ref()?;
    let f = &entry.item.fields;
    let pokemon = card.game.as_deref() == Some("pokemon");
    let finish = match card.finish.as_str() {
        "normal" => "Normal",
        "reverse_holo" => "Reverse Holofoil",
        _ if pokemon => "Holofoil",
        _ => "Foil",
    };
    let edition = entry.field(EDITION);
    let printing = match (edition.as_str(), finish) {
        ("", _) => finish.to_owned(),
        (edition, "Normal") => edition.to_owned(),
        (edition, finish) => format!("{edition} {finish}"),
    };
    let mut name = entry.field(NAME);
    if name.is_empty() {
        name = f.title.clone();
        if card.finish == "etched" {
            name.push_str(" (Foil Etched)");
        }
    }
    let mut condition = entry
        .card_condition()
        .map_or("Near Mint", CardCondition::tcgplayer)
        .to_owned();
    if printing == "Foil" {
        condition.push_str(" Foil");
    }
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let number = Some(entry.field(PRINTED_NUMBER))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| text(&card.collector_number));
    let set_code = Some(entry.field(SOURCE_SET_CODE))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| text(&card.set_code).to_uppercase());
    Some(vec![
        f.quantity.to_string(),
        name,
        simple_name(&f.title),
        text(&card.set_name),
        number,
        set_code,
        printing,
        condition,
        language_name(card.language.as_deref().unwrap_or("en")),
        text(&card.rarity),
        entry.field(PRODUCT_ID),
        entry.field(SKU),
    ])
}

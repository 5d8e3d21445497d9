//! Homebox CSV export (docs/formats/cards.md §4): case-sensitive `HB.*`
//! columns in any order. Rows become plain items; custom fields a collector
//! named like card details (`Set Code`, `Grade`, `Player`…) also make the
//! item a card.

use super::layout::{CellError, Columns, Entry, Layout, Row};
use super::words::{boolean, game, pokemon_number, price, CardCondition, CARD_CONDITION};
use crate::cards::language::language_code;
use crate::cards::{Card, CardKind, Grade, Serial};
use crate::item::Condition;

const PREFIX: &str = "HB.field.";

/// Homebox columns kept as custom fields: (column, field name).
const KEPT: [(&str, &str); 9] = [
    ("HB.asset_id", "Asset ID"),
    ("HB.url", "Homebox URL"),
    ("HB.model_number", "Model number"),
    ("HB.serial_number", "Serial number"),
    ("HB.warranty_expires", "Warranty expires"),
    ("HB.warranty_details", "Warranty details"),
    ("HB.sold_to", "Sold to"),
    ("HB.sold_notes", "Sold notes"),
    ("HB.parent_import_ref", "Homebox parent"),
];

/// Homebox flags kept as custom fields when true.
const FLAGS: [(&str, &str); 2] = [
    ("HB.insured", "Insured"),
    ("HB.lifetime_warranty", "Lifetime warranty"),
];

/// Custom field names (lower case) that fill card details.
const CARD_FIELDS: [&str; 16] = [
    "set",
    "set code",
    "card number",
    "finish",
    "grading company",
    "grade",
    "cert number",
    "player",
    "year",
    "series",
    "team",
    "rookie",
    "parallel",
    "serial",
    "game",
    "sport",
];

pub(super) struct Homebox {
    names: Vec<String>,
    sources: Vec<(&'static str, usize)>,
}

impl Homebox {
    pub fn new(columns: &Columns<'_>) -> Result<Homebox, Vec<String>> {
        let missing = columns.missing(&[&["HB.name"]]);
        if !missing.is_empty() {
            return Err(missing);
        }
        let mut sources: Vec<(&'static str, usize)> = [
            ("sku", "HB.import_ref"),
            ("title", "HB.name"),
            ("quantity", "HB.quantity"),
            ("description", "HB.description"),
            ("notes", "HB.notes"),
            ("cost", "HB.purchase_price"),
            ("acquired_from", "HB.purchase_from"),
            ("acquired_on", "HB.purchase_date"),
            ("acquired_on", "HB.purchase_time"),
            ("brand", "HB.manufacturer"),
            ("location", "HB.location"),
            ("tags", "HB.tags"),
            ("tags", "HB.labels"),
        ]
        .iter()
        .filter_map(|(field, name)| Some((*field, columns.find(name)?)))
        .collect();
        for (field, name) in [
            ("year", "year"),
            ("grade", "grade"),
            ("grader", "grading company"),
            ("cert_number", "cert number"),
        ] {
            if let Some(i) = columns.names.iter().position(|n| {
                n.strip_prefix(PREFIX)
                    .is_some_and(|f| f.eq_ignore_ascii_case(name))
            }) {
                sources.push((field, i));
            }
        }
        Ok(Homebox {
            names: columns.names.to_vec(),
            sources,
        })
    }

    fn get(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }
}

/// `Home / Office / Card Shelf` as a Trove location: the innermost place is
/// the section, the places around it name the bin (`Home > Office`).
fn location(path: &str) -> Option<String> {
    let parts: Vec<&str> = path
        .split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [] => None,
        [bin] => Some((*bin).to_owned()),
        [outer @ .., section] => Some(format!("{}/{section}", outer.join(" > "))),
    }
}

impl Layout for Homebox {
    fn read(&self, row: &Row<'_>) -> Result<Entry, Vec<CellError>> {
        let c = |name| self.get(name);
        let mut errors = Vec::new();
        let mut entry = Entry::default();
        entry.changes.sku = row.owned(c("HB.import_ref"));
        entry.changes.title = row.owned(c("HB.name"));
        entry.changes.quantity = row.count(c("HB.quantity"), &mut errors);
        entry.changes.description = row.owned(c("HB.description"));
        entry.changes.notes = row.owned(c("HB.notes"));
        entry.changes.brand = row.owned(c("HB.manufacturer"));
        entry.changes.acquired_from = row.owned(c("HB.purchase_from"));
        entry.changes.acquired_on = row
            .owned(c("HB.purchase_date"))
            .or_else(|| row.owned(c("HB.purchase_time")));
        // Homebox writes 0 for "no price".
        entry.changes.cost = row
            .text(c("HB.purchase_price"))
            .filter(|p| p.parse::<f64>().ok() != Some(0.0))
            .map(price);
        entry.changes.location = row.text(c("HB.location")).and_then(location);
        entry.changes.tags = row
            .text(c("HB.tags"))
            .or_else(|| row.text(c("HB.labels")))
            .map(crate::item::split_tags);
        for (column, field) in KEPT {
            entry.field(field, row.text(c(column)).unwrap_or_default());
        }
        for (column, field) in FLAGS {
            if row.flag(c(column), &mut errors) {
                entry.field(field, "true");
            }
        }
        let sold_price = row
            .text(c("HB.sold_price"))
            .filter(|p| p.parse::<f64>().ok() != Some(0.0));
        entry.field("Sold price", sold_price.unwrap_or_default());
        let sold_on = row
            .text(c("HB.sold_date"))
            .or_else(|| row.text(c("HB.sold_time")));
        entry.field("Sold date", sold_on.unwrap_or_default());
        if sold_on.is_some() || row.text(c("HB.sold_to")).is_some() {
            entry.changes.status = Some("sold".into());
        } else if row.flag(c("HB.archived"), &mut errors) {
            entry.changes.status = Some("archived".into());
        }
        entry.parent = row.owned(c("HB.parent_import_ref"));
        // Without an import ref (the usual case) the item's Homebox link is
        // what a later export of the same item repeats.
        if entry.changes.sku.is_none() {
            entry.key = row.text(c("HB.url")).map(|url| format!("homebox|{url}"));
        }
        let card = self.card(row, &mut entry, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        entry.card = card;
        Ok(entry)
    }

    fn sources(&self) -> &[(&'static str, usize)] {
        &self.sources
    }

    fn reads(&self, name: &str) -> bool {
        name.starts_with("HB.")
    }
}

impl Homebox {
    /// Every `HB.field.*` becomes a custom field; the ones named like card
    /// details also fill the card.
    fn card(&self, row: &Row<'_>, entry: &mut Entry, errors: &mut Vec<CellError>) -> Option<Card> {
        let mut card = Card::tcg();
        let mut is_card = false;
        let mut sports = false;
        for (i, name) in self.names.iter().enumerate() {
            let Some(field) = name.strip_prefix(PREFIX) else {
                continue;
            };
            let Some(value) = row.text(Some(i)) else {
                continue;
            };
            entry.field(field, value);
            let key = field.trim().to_lowercase();
            is_card |= CARD_FIELDS.contains(&key.as_str());
            let col = Some(i);
            let bad = "card_field_invalid";
            match key.as_str() {
                "set" => card.set_name = Some(value.into()),
                "set code" => card.set_code = Some(value.into()),
                "card number" => card.collector_number = Some(value.into()),
                "finish" => card.finish = value.into(),
                "rarity" => card.rarity = Some(value.into()),
                "language" => card.language = Some(language_code(value)),
                "game" => card.game = Some(game(value)),
                "grading company" => card.grader = Some(value.into()),
                "cert number" => card.cert_number = Some(value.into()),
                "grade" => {
                    let what = (bad, "a grade (a half step from 0 to 10)");
                    card.grade = row.read(col, errors, what, Grade::parse);
                }
                "year" => card.year = row.read(col, errors, (bad, "a year"), |t| t.parse().ok()),
                "serial" => {
                    let what = (bad, "a serial number such as 12/99");
                    card.serial = row.read(col, errors, what, Serial::parse);
                }
                "rookie" => {
                    card.rookie = row.read(col, errors, (bad, "yes or no"), boolean) == Some(true);
                }
                "brand" if entry.changes.brand.is_none() => {
                    entry.changes.brand = Some(value.into())
                }
                "player" => card.player = Some(value.into()),
                "team" => card.team = Some(value.into()),
                "series" => card.series = Some(value.into()),
                "parallel" => card.parallel = Some(value.into()),
                "sport" => card.sport = Some(value.into()),
                "condition" => {
                    if let Some(found) = CardCondition::parse(value) {
                        entry.changes.condition = Some(found.trove().as_str().to_owned());
                        entry.field(CARD_CONDITION, found.as_str());
                    } else if let Some(found) = Condition::parse(value) {
                        entry.changes.condition = Some(found.as_str().to_owned());
                    }
                }
                _ => {}
            }
            sports |= matches!(
                key.as_str(),
                "player" | "sport" | "team" | "rookie" | "serial"
            );
        }
        if !is_card {
            return None;
        }
        if sports {
            card.kind = CardKind::Sports;
        }
        if card.game.as_deref() == Some("pokemon") {
            if let Some(printed) = card.collector_number.take() {
                card.collector_number = Some(pokemon_number(&printed));
            }
        }
        Some(card)
    }
}

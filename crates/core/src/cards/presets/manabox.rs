//! ManaBox collection CSV (docs/formats/cards.md §1): every layout it has
//! written, found by column name. A row is one stack of identical cards.

use super::layout::{CellError, Columns, Entry, Found, Layout, Row};
use super::words::{CardCondition, CARD_CONDITION};
use crate::cards::language::language_code;
use crate::cards::Card;

pub(super) const HEADER: [&str; 20] = [
    "Binder Name",
    "Binder Type",
    "Name",
    "Set code",
    "Set name",
    "Collector number",
    "Foil",
    "Rarity",
    "Quantity",
    MANABOX_ID,
    SCRYFALL_ID,
    "Purchase price",
    "Misprint",
    "Altered",
    "Signed",
    "Condition",
    "Language",
    "Proxy",
    "Purchase price currency",
    ADDED,
];

/// The flags ManaBox keeps per row, kept as custom fields when true.
pub(super) const FLAGS: [&str; 4] = ["Misprint", "Altered", "Signed", "Proxy"];

pub(super) const MANABOX_ID: &str = "ManaBox ID";
pub(crate) const SCRYFALL_ID: &str = "Scryfall ID";
pub(super) const ADDED: &str = "Added";

/// ManaBox's columns that Trove keeps as custom fields of the same name.
pub(super) const KEPT: [&str; 3] = [MANABOX_ID, SCRYFALL_ID, ADDED];

pub(super) struct ManaBox(Found);

impl ManaBox {
    pub fn new(columns: &Columns<'_>) -> Result<ManaBox, Vec<String>> {
        Found::new(
            columns,
            &HEADER,
            &[
                &["Name"],
                &["Set code"],
                &["Collector number"],
                &["Quantity"],
            ],
            &[
                ("title", "Name"),
                ("quantity", "Quantity"),
                ("cost", "Purchase price"),
                ("cost_currency", "Purchase price currency"),
                ("condition", "Condition"),
                ("tags", "Binder Type"),
            ],
        )
        .map(ManaBox)
    }
}

impl Layout for ManaBox {
    fn read(&self, row: &Row<'_>) -> Result<Entry, Vec<CellError>> {
        let c = |name| self.0.get(name);
        let mut errors = Vec::new();
        let mut entry = Entry::default();
        entry.changes.title = row.owned(c("Name"));
        entry.changes.quantity = row.count(c("Quantity"), &mut errors).or(Some(1));
        let finish = row
            .read(
                c("Foil"),
                &mut errors,
                (
                    "finish_unknown",
                    "a ManaBox finish (normal, foil or etched)",
                ),
                |t| match t.to_lowercase().as_str() {
                    "normal" => Some("normal"),
                    "foil" => Some("foil"),
                    "etched" => Some("etched"),
                    _ => None,
                },
            )
            .unwrap_or("normal");
        let condition = row.read(
            c("Condition"),
            &mut errors,
            (
                "condition_unknown",
                "a ManaBox condition (near_mint, lightly_played, moderately_played, \
                 heavily_played, damaged, mint, excellent, good, light_played, played, poor)",
            ),
            |t| CardCondition::parse(t).filter(|c| *c != CardCondition::Unopened),
        );
        let mut flags = Vec::new();
        for flag in FLAGS {
            if row.flag(c(flag), &mut errors) {
                flags.push(flag);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Some(condition) = condition {
            entry.changes.condition = Some(condition.trove().as_str().to_owned());
            entry.field(CARD_CONDITION, condition.as_str());
        }
        if let Some(price) = row.text(c("Purchase price")) {
            entry.changes.cost = Some(super::words::price(price));
            entry.changes.cost_currency = row.owned(c("Purchase price currency"));
        }
        let language = row.text(c("Language")).map(language_code);
        let set_code = row.owned(c("Set code"));
        let number = row.owned(c("Collector number"));
        let [manabox, scryfall, _] = KEPT.map(|name| row.owned(c(name)));
        for name in KEPT {
            entry.field(name, row.text(c(name)).unwrap_or_default());
        }
        for flag in &flags {
            entry.field(flag, "true");
        }
        let binder = row.text(c("Binder Name"));
        let binder_type = row.text(c("Binder Type")).map(str::to_lowercase);
        let mut tags = Vec::new();
        if let Some(kind @ ("deck" | "list")) = binder_type.as_deref() {
            tags.push(kind.to_owned());
        }
        if flags.contains(&"Proxy") {
            tags.push("proxy".to_owned());
        }
        if !tags.is_empty() {
            entry.changes.tags = Some(tags);
        }
        entry.collection = binder.map(|name| {
            let kind = match binder_type.as_deref() {
                Some("deck" | "list") => "other",
                _ => "binder",
            };
            (name.to_owned(), kind)
        });
        // ManaBox merges identical cards into one row per binder, so the row
        // is the binder, the exact printing in its language (the Scryfall
        // id), the finish, the condition and the flags.
        let printing = scryfall
            .clone()
            .or_else(|| manabox.clone())
            .unwrap_or_else(|| {
                format!(
                    "{}:{}",
                    set_code.as_deref().unwrap_or_default().to_lowercase(),
                    number.as_deref().unwrap_or_default()
                )
            });
        entry.key = Some(format!(
            "manabox|{}|{printing}|{finish}|{}|{}|{}",
            binder.unwrap_or_default(),
            language.as_deref().unwrap_or_default(),
            condition.map_or("", CardCondition::as_str),
            flags.join("+").to_lowercase(),
        ));
        entry.card = Some(Card {
            game: Some("magic".into()),
            set_code,
            set_name: row.owned(c("Set name")),
            collector_number: number,
            rarity: row.owned(c("Rarity")),
            finish: finish.into(),
            language,
            ..Card::tcg()
        });
        Ok(entry)
    }

    fn sources(&self) -> &[(&'static str, usize)] {
        self.0.sources()
    }

    fn reads(&self, name: &str) -> bool {
        self.0.reads(name)
    }
}

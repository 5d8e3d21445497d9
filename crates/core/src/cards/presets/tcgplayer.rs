//! TCGplayer's two files (docs/formats/cards.md §2): the app's collection
//! export and the seller portal's inventory ("My Pricing") export.

use super::layout::{CellError, Columns, Entry, Found, Layout, Row};
use super::words::{
    game, pokemon_number, price, product_name, rarity, tcgplayer_condition, tcgplayer_printing,
    CardCondition, Printing, CARD_CONDITION,
};
use crate::cards::language::language_code;
use crate::cards::Card;

pub(super) const COLLECTION_HEADER: [&str; 12] = [
    "Quantity",
    "Name",
    "Simple Name",
    "Set",
    "Card Number",
    "Set Code",
    "Printing",
    "Condition",
    "Language",
    "Rarity",
    "Product ID",
    "SKU",
];

const SELLER_HEADER: [&str; 20] = [
    "TCGplayer Id",
    "Product Line",
    "Set Name",
    "Product Name",
    "Title",
    "Number",
    "Rarity",
    "Condition",
    "TCG Market Price",
    "TCG Direct Low",
    "TCG Low Price With Shipping",
    "TCG Low Price",
    "Total Quantity",
    "Add to Quantity",
    "TCG Marketplace Price",
    "Photo URL",
    "My Store Reserve Quantity",
    "My Store Price",
    "Product ID",
    "Printing",
];

/// Seller columns Trove has no place for, kept as custom fields.
const SELLER_KEPT: [&str; 8] = [
    "Title",
    "TCG Direct Low",
    "TCG Low Price With Shipping",
    "TCG Low Price",
    "Photo URL",
    "My Store Reserve Quantity",
    "My Store Price",
    "Product ID",
];

/// Custom fields that keep what a TCGplayer export needs to write back.
pub(super) const PRODUCT_ID: &str = "TCGplayer product ID";
pub(super) const SKU: &str = "TCGplayer SKU";
pub(super) const NAME: &str = "TCGplayer name";
pub(super) const PRINTED_NUMBER: &str = "Printed number";
pub(super) const EDITION: &str = "Edition";

/// Reads a condition cell (empty or bad: nothing, the latter with an error).
fn condition(row: &Row<'_>, col: Option<usize>, errors: &mut Vec<CellError>) -> Printing {
    row.read(
        col,
        errors,
        (
            "condition_unknown",
            "a TCGplayer condition: <condition>[ <edition>][ <finish>][ - <language>], with \
             Near Mint, Lightly Played, Moderately Played, Heavily Played, Damaged or Unopened",
        ),
        tcgplayer_condition,
    )
    .unwrap_or_default()
}

/// Fills in what both files share: condition, finish (etched is only in
/// the product name), edition and the product-name variant.
fn finish_card(entry: &mut Entry, card: &mut Card, printing: &Printing, variant: Option<&str>) {
    if let Some(found) = printing.condition {
        entry.changes.condition = Some(found.trove().as_str().to_owned());
        entry.field(CARD_CONDITION, found.as_str());
    }
    let etched = variant.is_some_and(|v| v.to_lowercase().contains("etched"));
    card.finish = match (printing.finish, etched) {
        (Some("foil") | None, true) => "etched",
        (Some(f), _) => f,
        (None, false) => "normal",
    }
    .to_owned();
    if let Some(edition) = printing.edition {
        entry.field(EDITION, edition);
    }
    if card.game.as_deref() == Some("pokemon") {
        if let Some(printed) = card.collector_number.take() {
            let number = pokemon_number(&printed);
            if number != printed {
                entry.field(PRINTED_NUMBER, printed);
            }
            card.collector_number = Some(number);
        }
    }
}

pub(super) struct Collection(Found);

impl Collection {
    pub fn new(columns: &Columns<'_>) -> Result<Collection, Vec<String>> {
        Found::new(
            columns,
            &COLLECTION_HEADER,
            &[&["Quantity"], &["Name", "Simple Name"], &["Card Number"]],
            &[
                ("quantity", "Quantity"),
                ("title", "Name"),
                ("condition", "Condition"),
            ],
        )
        .map(Collection)
    }
}

impl Layout for Collection {
    fn read(&self, row: &Row<'_>) -> Result<Entry, Vec<CellError>> {
        let c = |name| self.0.get(name);
        let (printing_col, product, sku) = (c("Printing"), c("Product ID"), c("SKU"));
        let mut errors = Vec::new();
        let mut entry = Entry::default();
        entry.changes.quantity = row.count(c("Quantity"), &mut errors).or(Some(1));
        let full_name = row
            .text(c("Name"))
            .or(row.text(c("Simple Name")))
            .unwrap_or_default();
        let (title, variant) = product_name(full_name);
        entry.changes.title = (!title.is_empty()).then(|| title.clone());
        if variant.is_some() {
            entry.field(NAME, full_name);
        }
        let printing = row
            .read(
                printing_col,
                &mut errors,
                (
                    "printing_unknown",
                    "a TCGplayer printing (Normal, Foil, Holofoil, Reverse Holofoil, with 1st \
                     Edition or Unlimited before it)",
                ),
                tcgplayer_printing,
            )
            .unwrap_or_default();
        let mut found = condition(row, c("Condition"), &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let printed_number = row.owned(c("Card Number"));
        // The app export names no game: Pokémon numbers are printed with
        // their set size (004/010) and only Pokémon has holofoil printings.
        let pokemon = printed_number.as_deref().is_some_and(|n| n.contains('/'))
            || printing.edition.is_some()
            || matches!(row.text(printing_col), Some(p) if p.to_lowercase().contains("holofoil"));
        let mut card = Card {
            game: Some(if pokemon { "pokemon" } else { "magic" }.into()),
            set_code: row.owned(c("Set Code")),
            set_name: row.owned(c("Set")),
            collector_number: printed_number,
            rarity: row.owned(c("Rarity")),
            language: row
                .text(c("Language"))
                .or(found.language.as_deref())
                .map(language_code),
            ..Card::tcg()
        };
        found.finish = printing.finish.or(found.finish);
        found.edition = printing.edition.or(found.edition);
        finish_card(&mut entry, &mut card, &found, variant.as_deref());
        entry.field(PRODUCT_ID, row.text(product).unwrap_or_default());
        entry.field(SKU, row.text(sku).unwrap_or_default());
        // The SKU is product × condition × printing × language: the row.
        entry.key = Some(match row.text(sku) {
            Some(sku) => format!("tcgplayer|sku:{sku}"),
            None => format!(
                "tcgplayer|{}|{}:{}|{}|{}|{}|{}",
                row.text(product).unwrap_or_default(),
                card.set_code.as_deref().unwrap_or_default().to_lowercase(),
                card.collector_number.as_deref().unwrap_or_default(),
                card.finish,
                found.edition.unwrap_or_default(),
                card.language.as_deref().unwrap_or_default(),
                found.condition.map_or("", CardCondition::as_str),
            ),
        });
        entry.card = Some(card);
        Ok(entry)
    }

    fn sources(&self) -> &[(&'static str, usize)] {
        self.0.sources()
    }

    fn reads(&self, name: &str) -> bool {
        COLLECTION_HEADER
            .iter()
            .any(|h| h.eq_ignore_ascii_case(name))
    }
}

pub(super) struct Seller(Found);

impl Seller {
    pub fn new(columns: &Columns<'_>) -> Result<Seller, Vec<String>> {
        Found::new(
            columns,
            &SELLER_HEADER,
            &[
                &["TCGplayer Id"],
                &["Product Name"],
                &["Condition"],
                &["Total Quantity"],
            ],
            &[
                ("sku", "TCGplayer Id"),
                ("title", "Product Name"),
                ("condition", "Condition"),
                ("value", "TCG Market Price"),
                ("quantity", "Total Quantity"),
                ("price", "TCG Marketplace Price"),
            ],
        )
        .map(Seller)
    }
}

impl Layout for Seller {
    fn read(&self, row: &Row<'_>) -> Result<Entry, Vec<CellError>> {
        let c = |name| self.0.get(name);
        let mut errors = Vec::new();
        let mut entry = Entry::default();
        entry.changes.sku = row.owned(c("TCGplayer Id"));
        entry.changes.quantity = row.count(c("Total Quantity"), &mut errors).or(Some(0));
        let found = condition(row, c("Condition"), &mut errors);
        let value = row.dollars(c("TCG Market Price"), &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let full_name = row.text(c("Product Name")).unwrap_or_default();
        let (title, variant) = product_name(full_name);
        entry.changes.title = (!title.is_empty()).then(|| title.clone());
        if variant.is_some() {
            entry.field(NAME, full_name);
        }
        if let Some(listed) = row.text(c("TCG Marketplace Price")) {
            entry.changes.price = Some(price(listed));
            entry.changes.price_currency = Some("USD".into());
        }
        for name in SELLER_KEPT {
            if let Some(text) = row.text(c(name)) {
                entry.field(name, text);
            }
        }
        if let Some(delta) = row.text(c("Add to Quantity")).filter(|d| *d != "0") {
            entry.field("Add to Quantity", delta);
        }
        let game = row.text(c("Product Line")).map(game);
        let number = row.owned(c("Number"));
        if found.condition == Some(CardCondition::Unopened) || number.is_none() {
            // Sealed product: an item, not a card.
            entry.changes.condition = Some("new".into());
            entry.changes.tags = Some(vec!["sealed".into()]);
            if let Some(g) = game {
                entry.field("Game", g);
            }
            entry.field("Set", row.text(c("Set Name")).unwrap_or_default());
            return Ok(entry);
        }
        let mut card = Card {
            game,
            set_name: row.owned(c("Set Name")),
            collector_number: number,
            rarity: row.text(c("Rarity")).map(rarity),
            language: Some(
                found
                    .language
                    .as_deref()
                    .map_or_else(|| "en".into(), language_code),
            ),
            value,
            ..Card::tcg()
        };
        finish_card(&mut entry, &mut card, &found, variant.as_deref());
        entry.card = Some(card);
        Ok(entry)
    }

    fn sources(&self) -> &[(&'static str, usize)] {
        self.0.sources()
    }

    fn reads(&self, name: &str) -> bool {
        self.0.reads(name)
    }
}

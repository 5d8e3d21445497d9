//! Cards: the details that make an item a trading or sports card, value
//! tiers, and price history. Collections, the catalogue and set completion
//! build on these.

pub mod catalogue;
pub mod collections;
mod grade;
mod input;
mod language;
pub mod presets;
mod value;
pub mod wants;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::db::Store;
use crate::error::{Error, FieldError, Result};
use crate::items::find_item;
use crate::money::{Currency, Money};

pub use catalogue::{CatalogueReport, CatalogueSet, Completion, CompletionCard};
pub use collections::{Collection, CollectionEntry, CollectionMode, ValuePoint};
pub use grade::{normalise_finish, normalise_grader, Grade, Serial};
pub use input::{CardForm, CardInput};
pub use value::{PricePoint, Tier, TierThresholds};
pub use wants::{DateSlip, Preorder, PreorderInput, Wish, WishInput};

/// One item's card details, for a table page.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ItemCard {
    pub item: String,
    pub card: Card,
}

/// Trading card game or sports card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum CardKind {
    Tcg,
    Sports,
}

impl CardKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Tcg => "tcg",
            CardKind::Sports => "sports",
        }
    }

    pub fn parse(text: &str) -> Option<CardKind> {
        match text.trim().to_lowercase().as_str() {
            "tcg" => Some(CardKind::Tcg),
            "sports" | "sport" => Some(CardKind::Sports),
            _ => None,
        }
    }
}

/// A card's details. The item holds the rest (title, quantity, condition,
/// cost as the purchase price, brand as a sports card's manufacturer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Card {
    pub kind: CardKind,
    pub game: Option<String>,
    pub set_code: Option<String>,
    pub set_name: Option<String>,
    pub collector_number: Option<String>,
    pub rarity: Option<String>,
    /// `normal`, `foil`, `reverse_holo`, `etched`, or as a file named it.
    pub finish: String,
    pub language: Option<String>,
    pub legality: Option<String>,
    pub sport: Option<String>,
    pub year: Option<i32>,
    pub series: Option<String>,
    pub player: Option<String>,
    pub team: Option<String>,
    pub rookie: bool,
    pub parallel: Option<String>,
    pub insert_set: Option<String>,
    pub serial: Option<Serial>,
    pub grader: Option<String>,
    pub grade: Option<Grade>,
    pub grade_label: Option<String>,
    pub cert_number: Option<String>,
    /// What it is worth now.
    pub value: Option<Money>,
    /// Where `value` falls under the user's thresholds (read only).
    pub tier: Option<Tier>,
    pub catalogue_card_id: Option<String>,
}

impl Card {
    /// A TCG card with nothing else known.
    pub fn tcg() -> Card {
        Card::new(CardKind::Tcg)
    }

    /// A sports card with nothing else known.
    pub fn sports() -> Card {
        Card::new(CardKind::Sports)
    }

    fn new(kind: CardKind) -> Card {
        Card {
            kind,
            game: None,
            set_code: None,
            set_name: None,
            collector_number: None,
            rarity: None,
            finish: "normal".into(),
            language: None,
            legality: None,
            sport: None,
            year: None,
            series: None,
            player: None,
            team: None,
            rookie: false,
            parallel: None,
            insert_set: None,
            serial: None,
            grader: None,
            grade: None,
            grade_label: None,
            cert_number: None,
            value: None,
            tier: None,
            catalogue_card_id: None,
        }
    }

    /// Trims text, empties to none, and names the finish and grader in
    /// Trove's vocabulary; refuses what cannot be stored.
    pub(crate) fn cleaned(mut self) -> Result<Card> {
        let tidy = |v: &mut Option<String>| {
            *v = v
                .take()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
        };
        for field in [
            &mut self.game,
            &mut self.set_code,
            &mut self.set_name,
            &mut self.collector_number,
            &mut self.rarity,
            &mut self.language,
            &mut self.legality,
            &mut self.sport,
            &mut self.series,
            &mut self.player,
            &mut self.team,
            &mut self.parallel,
            &mut self.insert_set,
            &mut self.grader,
            &mut self.grade_label,
            &mut self.cert_number,
            &mut self.catalogue_card_id,
        ] {
            tidy(field);
        }
        self.finish = normalise_finish(&self.finish);
        self.game = self.game.map(|g| g.to_lowercase());
        self.language = self.language.map(|l| l.to_lowercase());
        self.grader = self.grader.as_deref().map(normalise_grader);
        let mut errors = Vec::new();
        if let Some(year) = self.year {
            if !(1860..=2200).contains(&year) {
                errors.push(FieldError::new(
                    "year",
                    year.to_string(),
                    "card_year",
                    "a card's year is between 1860 and 2200",
                ));
            }
        }
        if self.grade.is_some() && self.grader.is_none() {
            errors.push(FieldError::new(
                "grader",
                "",
                "card_grader_required",
                "a graded card needs its grading company (PSA, BGS, CGC, SGC…)",
            ));
        }
        if self
            .grade
            .is_some_and(|g| g.tenths() > 100 || !g.tenths().is_multiple_of(5))
        {
            errors.push(FieldError::new(
                "grade",
                self.grade.map(|g| g.to_string()).unwrap_or_default(),
                "card_grade",
                "a grade is a half step from 0 to 10",
            ));
        }
        if self.value.is_some_and(|v| v.amount < 0) {
            errors.push(FieldError::new(
                "value",
                self.value.map(|v| v.to_string()).unwrap_or_default(),
                "card_value_negative",
                "a card's value cannot be below zero",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(Error::Invalid(errors))
        }
    }
}

const CARD_COLUMNS: &str =
    "kind, game, set_code, set_name, collector_number, rarity, finish, language, \
     legality, sport, year, series, player, team, rookie, parallel, insert_set, serial_number, \
     serial_total, grader, grade_tenths, grade_label, cert_number, value_amount, value_currency, \
     value_tier, catalogue_card_id";

fn card_from_row(r: &Row<'_>) -> rusqlite::Result<Card> {
    let kind: String = r.get(0)?;
    let serial = match (r.get::<_, Option<u32>>(17)?, r.get::<_, Option<u32>>(18)?) {
        (Some(number), Some(total)) => Some(Serial { number, total }),
        _ => None,
    };
    let value = match (
        r.get::<_, Option<i64>>(23)?,
        r.get::<_, Option<String>>(24)?,
    ) {
        (Some(amount), Some(code)) => Currency::parse(&code).ok().map(|c| Money::new(amount, c)),
        _ => None,
    };
    Ok(Card {
        kind: CardKind::parse(&kind).unwrap_or(CardKind::Tcg),
        game: r.get(1)?,
        set_code: r.get(2)?,
        set_name: r.get(3)?,
        collector_number: r.get(4)?,
        rarity: r.get(5)?,
        finish: r.get(6)?,
        language: r.get(7)?,
        legality: r.get(8)?,
        sport: r.get(9)?,
        year: r.get(10)?,
        series: r.get(11)?,
        player: r.get(12)?,
        team: r.get(13)?,
        rookie: r.get(14)?,
        parallel: r.get(15)?,
        insert_set: r.get(16)?,
        serial,
        grader: r.get(19)?,
        grade: r.get::<_, Option<u8>>(20)?.map(Grade),
        grade_label: r.get(21)?,
        cert_number: r.get(22)?,
        value,
        tier: r
            .get::<_, Option<String>>(25)?
            .as_deref()
            .and_then(Tier::parse),
        catalogue_card_id: r.get(26)?,
    })
}

pub(crate) fn card_of(conn: &Connection, item_id: &str) -> Result<Option<Card>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {CARD_COLUMNS} FROM cards WHERE item_id = ?1"
        ))?
        .query_row([item_id], card_from_row)
        .optional()?)
}

/// Writes `card` as the item's details (replacing any), with its tier, and
/// a price point when its value moved.
pub(crate) fn write_card(
    conn: &Connection,
    item_id: &str,
    card: Card,
    source: &str,
) -> Result<Card> {
    let mut card = card.cleaned()?;
    let thresholds = value::thresholds(conn)?;
    card.tier = card.value.and_then(|v| thresholds.tier(v));
    if let Some(cert) = &card.cert_number {
        let taken: Option<String> = conn
            .prepare_cached(
                "SELECT item_id FROM cards WHERE cert_number = ?1 AND grader IS ?2 AND item_id <> ?3",
            )?
            .query_row(params![cert, card.grader, item_id], |r| r.get(0))
            .optional()?;
        if taken.is_some() {
            return Err(Error::invalid(
                "cert_number",
                cert.clone(),
                "card_cert_taken",
                format!(
                    "{} certificate {cert} is already on another card",
                    card.grader.as_deref().unwrap_or("this grader's")
                ),
            ));
        }
    }
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO cards (item_id, {CARD_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)"
    ))?
    .execute(params![
        item_id,
        card.kind.as_str(),
        card.game,
        card.set_code,
        card.set_name,
        card.collector_number,
        card.rarity,
        card.finish,
        card.language,
        card.legality,
        card.sport,
        card.year,
        card.series,
        card.player,
        card.team,
        card.rookie,
        card.parallel,
        card.insert_set,
        card.serial.map(|s| s.number),
        card.serial.map(|s| s.total),
        card.grader,
        card.grade.map(|g| g.tenths()),
        card.grade_label,
        card.cert_number,
        card.value.map(|v| v.amount),
        card.value.map(|v| v.currency.code().to_owned()),
        card.tier.map(|t| t.as_str()),
        card.catalogue_card_id,
    ])?;
    if let Some(v) = card.value {
        value::record_item_value(conn, item_id, &card.finish, v, source)?;
    }
    Ok(card)
}

/// Writes the card `input` describes for `item`, keeping what only the
/// core sets from the card it replaces.
fn write_card_input(conn: &Connection, item: &str, input: &CardInput) -> Result<Card> {
    let found = find_item(conn, item)?.ok_or_else(|| Error::not_found("item", item))?;
    let current = card_of(conn, &found.id)?;
    let card = input.read(current.as_ref())?;
    write_card(conn, &found.id, card, "manual")
}

impl Store {
    /// An item's card details, if it is a card.
    pub fn card(&self, item: &str) -> Result<Option<Card>> {
        self.read(|conn| {
            let found = find_item(conn, item)?.ok_or_else(|| Error::not_found("item", item))?;
            card_of(conn, &found.id)
        })
    }

    /// An item's card with the editor's fields filled from it; a blank
    /// card in the home currency when the item is not a card.
    pub fn card_form(&self, item: &str) -> Result<CardForm> {
        self.read(|conn| {
            let found = find_item(conn, item)?.ok_or_else(|| Error::not_found("item", item))?;
            let card = card_of(conn, &found.id)?;
            Ok(CardForm::new(card, &crate::settings::home_currency(conn)?))
        })
    }

    /// The card details of those of `items` (ids) that are cards, keyed by
    /// item id: one call per table page, each a primary-key lookup.
    pub fn cards_of(&self, items: &[String]) -> Result<Vec<ItemCard>> {
        self.read(|conn| {
            let mut found = Vec::new();
            for id in items {
                if let Some(card) = card_of(conn, id)? {
                    found.push(ItemCard {
                        item: id.clone(),
                        card,
                    });
                }
            }
            Ok(found)
        })
    }

    /// Makes an item a card with these details (or replaces them). Its
    /// value, when it moved, becomes a new price point.
    pub fn set_card(&self, item: &str, card: Card) -> Result<Card> {
        self.write(|tx| {
            let found = find_item(tx, item)?.ok_or_else(|| Error::not_found("item", item))?;
            write_card(tx, &found.id, card, "manual")
        })
    }

    /// Makes an item a card with the details as typed: every field that
    /// cannot be read is named in one [`Error::Invalid`]; nothing is
    /// written unless all are right. The catalogue link is kept.
    pub fn set_card_input(&self, item: &str, input: &CardInput) -> Result<Card> {
        self.write(|tx| write_card_input(tx, item, input))
    }

    /// [`Store::set_card_input`], answered with the saved card's form so
    /// the editor refills from what was kept (`9,5` comes back as `9.5`).
    pub fn set_card_form(&self, item: &str, input: &CardInput) -> Result<CardForm> {
        self.write(|tx| {
            let card = write_card_input(tx, item, input)?;
            Ok(CardForm::new(
                Some(card),
                &crate::settings::home_currency(tx)?,
            ))
        })
    }

    /// Takes the card details off an item (it stays an item).
    pub fn clear_card(&self, item: &str) -> Result<()> {
        self.write(|tx| {
            let found = find_item(tx, item)?.ok_or_else(|| Error::not_found("item", item))?;
            tx.prepare_cached("DELETE FROM cards WHERE item_id = ?1")?
                .execute([&found.id])?;
            Ok(())
        })
    }
}

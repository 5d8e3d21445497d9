//! A card as a person types it: every field text, read here so the form
//! gets one error per wrong field (`grade`, `serial`, `value`…) and the UI
//! never decides what a grade or an amount is.

use serde::{Deserialize, Serialize};

use super::{Card, CardKind, Grade, Serial};
use crate::error::{Error, FieldError, Result};
use crate::money::{Currency, Money};

/// Every card field as typed; blank text is "none".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct CardInput {
    /// `tcg` or `sports`.
    pub kind: String,
    pub game: String,
    pub set_code: String,
    pub set_name: String,
    pub collector_number: String,
    pub rarity: String,
    pub finish: String,
    pub language: String,
    pub legality: String,
    pub sport: String,
    pub year: String,
    pub series: String,
    pub player: String,
    pub team: String,
    pub rookie: bool,
    pub parallel: String,
    pub insert_set: String,
    /// `12/99`, `#12/99` or `12 of 99`.
    pub serial: String,
    pub grader: String,
    /// A half step from 0 to 10 (`9.5`).
    pub grade: String,
    pub grade_label: String,
    pub cert_number: String,
    /// Decimal text in `value_currency`.
    pub value: String,
    pub value_currency: String,
}

/// An item's card and its editor's fields, so the form is filled by the
/// same rules that read it back.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CardForm {
    pub card: Option<Card>,
    pub input: CardInput,
}

impl CardForm {
    pub fn new(card: Option<Card>, home_currency: &Currency) -> CardForm {
        let input = CardInput::from_card(card.as_ref(), home_currency);
        CardForm { card, input }
    }
}

fn text(t: &str) -> Option<String> {
    Some(t.trim()).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// A number, serial or grade as it is typed back; blank for none.
fn shown<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl CardInput {
    /// The fields for `card` as a person would type them, or a blank TCG
    /// card valued in `home_currency`. Fields the form does not show
    /// (legality, the grade's label) are filled too, so a save keeps them.
    pub fn from_card(card: Option<&Card>, home_currency: &Currency) -> CardInput {
        let Some(card) = card else {
            return CardInput {
                kind: CardKind::Tcg.as_str().into(),
                finish: "normal".into(),
                value_currency: home_currency.code().into(),
                ..CardInput::default()
            };
        };
        let t = |v: &Option<String>| v.clone().unwrap_or_default();
        CardInput {
            kind: card.kind.as_str().into(),
            game: t(&card.game),
            set_code: t(&card.set_code),
            set_name: t(&card.set_name),
            collector_number: t(&card.collector_number),
            rarity: t(&card.rarity),
            finish: card.finish.clone(),
            language: t(&card.language),
            legality: t(&card.legality),
            sport: t(&card.sport),
            year: shown(card.year),
            series: t(&card.series),
            player: t(&card.player),
            team: t(&card.team),
            rookie: card.rookie,
            parallel: t(&card.parallel),
            insert_set: t(&card.insert_set),
            serial: shown(card.serial),
            grader: t(&card.grader),
            grade: shown(card.grade),
            grade_label: t(&card.grade_label),
            cert_number: t(&card.cert_number),
            value: card
                .value
                .map(|v| v.to_decimal_string())
                .unwrap_or_default(),
            value_currency: card
                .value
                .map_or(*home_currency, |v| v.currency)
                .code()
                .into(),
        }
    }

    /// The card these fields describe, keeping what only the core sets
    /// (the catalogue link) from `current`; every wrong field is named.
    pub(crate) fn read(&self, current: Option<&Card>) -> Result<Card> {
        let mut errors = Vec::new();
        let kind = if self.kind.trim().is_empty() {
            current.map_or(CardKind::Tcg, |c| c.kind)
        } else {
            CardKind::parse(&self.kind).unwrap_or_else(|| {
                errors.push(FieldError::new(
                    "kind",
                    &self.kind,
                    "card_kind",
                    "a card is tcg or sports",
                ));
                CardKind::Tcg
            })
        };
        let year = text(&self.year).and_then(|y| match y.parse::<i32>() {
            Ok(n) if (1800..=2200).contains(&n) => Some(n),
            _ => {
                errors.push(FieldError::new(
                    "year",
                    &y,
                    "card_year",
                    "the year is four digits, like 1986",
                ));
                None
            }
        });
        let serial = text(&self.serial).and_then(|s| {
            Serial::parse(&s).or_else(|| {
                errors.push(FieldError::new(
                    "serial",
                    &s,
                    "card_serial",
                    "serial numbering is number/total, like 12/99, the number not above the total",
                ));
                None
            })
        });
        let grade = text(&self.grade).and_then(|g| {
            Grade::parse(&g).or_else(|| {
                errors.push(FieldError::new(
                    "grade",
                    &g,
                    "card_grade",
                    "a grade is a whole or half step from 0 to 10, like 9 or 9.5",
                ));
                None
            })
        });
        let value = text(&self.value).and_then(|v| {
            let code = text(&self.value_currency).unwrap_or_default();
            let currency = match Currency::parse(&code) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(FieldError::new(
                        "value_currency",
                        &code,
                        e.code(),
                        e.to_string(),
                    ));
                    return None;
                }
            };
            Money::parse(&v, currency)
                .map_err(|e| errors.push(FieldError::new("value", &v, e.code(), e.to_string())))
                .ok()
        });
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        Ok(Card {
            kind,
            game: text(&self.game),
            set_code: text(&self.set_code),
            set_name: text(&self.set_name),
            collector_number: text(&self.collector_number),
            rarity: text(&self.rarity),
            finish: text(&self.finish).unwrap_or_else(|| "normal".into()),
            language: text(&self.language),
            legality: text(&self.legality),
            sport: text(&self.sport),
            year,
            series: text(&self.series),
            player: text(&self.player),
            team: text(&self.team),
            rookie: self.rookie,
            parallel: text(&self.parallel),
            insert_set: text(&self.insert_set),
            serial,
            grader: text(&self.grader),
            grade,
            grade_label: text(&self.grade_label),
            cert_number: text(&self.cert_number),
            value,
            tier: None,
            catalogue_card_id: current.and_then(|c| c.catalogue_card_id.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(e: Error) -> Vec<&'static str> {
        match e {
            Error::Invalid(errors) => errors.iter().map(|e| e.field).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    #[test]
    fn a_card_filled_into_the_form_reads_back_as_the_same_card() {
        let graded = Card {
            game: Some("Magic".into()),
            set_code: Some("MH3".into()),
            set_name: Some("Modern Horizons 3".into()),
            collector_number: Some("241".into()),
            rarity: Some("mythic".into()),
            finish: "foil".into(),
            language: Some("ja".into()),
            legality: Some("legal".into()),
            grader: Some("PSA".into()),
            grade: Some(Grade(95)),
            grade_label: Some("GEM MT".into()),
            cert_number: Some("81234567".into()),
            value: Some(Money::new(125_000, cur("JPY"))),
            catalogue_card_id: Some("cat-1".into()),
            ..Card::tcg()
        };
        let sports = Card {
            sport: Some("Basketball".into()),
            year: Some(1986),
            series: Some("Fleer".into()),
            player: Some("Michael Jordan".into()),
            team: Some("Bulls".into()),
            rookie: true,
            parallel: Some("Refractor".into()),
            insert_set: Some("Stickers".into()),
            serial: Some(Serial {
                number: 12,
                total: 99,
            }),
            grade: Some(Grade(100)),
            value: Some(Money::new(1_250, cur("BHD"))),
            ..Card::sports()
        };
        let forint = Card {
            value: Some(Money::new(5_000, cur("HUF"))),
            ..Card::tcg()
        };
        for card in [graded, sports, forint, Card::tcg(), Card::sports()] {
            let input = CardInput::from_card(Some(&card), &cur("EUR"));
            assert_eq!(input.read(Some(&card)).unwrap(), card, "{input:?}");
        }
    }

    #[test]
    fn a_card_shows_as_the_text_a_person_would_type() {
        let card = Card {
            year: Some(1986),
            serial: Some(Serial {
                number: 12,
                total: 99,
            }),
            grade: Some(Grade(95)),
            value: Some(Money::new(1_250, cur("BHD"))),
            ..Card::sports()
        };
        let input = CardInput::from_card(Some(&card), &cur("USD"));
        assert_eq!(
            [
                &input.kind,
                &input.year,
                &input.serial,
                &input.grade,
                &input.value,
                &input.value_currency,
                &input.team,
            ],
            ["sports", "1986", "12/99", "9.5", "1.250", "BHD", ""]
        );
    }

    #[test]
    fn a_new_card_is_a_normal_tcg_card_valued_in_the_home_currency() {
        let blank = CardInput::from_card(None, &cur("JPY"));
        assert_eq!(
            blank,
            CardInput {
                kind: "tcg".into(),
                finish: "normal".into(),
                value_currency: "JPY".into(),
                ..CardInput::default()
            }
        );
        let card = blank.read(None).unwrap();
        assert_eq!((card.kind, card.value), (CardKind::Tcg, None));
    }

    #[test]
    fn every_wrong_field_is_named_at_once() {
        let input = CardInput {
            kind: "tcg".into(),
            year: "86".into(),
            serial: "100/99".into(),
            grade: "9.3".into(),
            value: "12.345".into(),
            value_currency: "USD".into(),
            ..CardInput::default()
        };
        assert_eq!(
            fields(input.read(None).unwrap_err()),
            ["year", "serial", "grade", "value"]
        );
        let input = CardInput {
            kind: "stamp".into(),
            value: "1".into(),
            value_currency: "XYZ".into(),
            ..CardInput::default()
        };
        assert_eq!(
            fields(input.read(None).unwrap_err()),
            ["kind", "value_currency"]
        );
    }

    #[test]
    fn typed_fields_read_as_the_card_and_keep_the_catalogue_link() {
        let current = Card {
            catalogue_card_id: Some("cat-1".into()),
            ..Card::sports()
        };
        let input = CardInput {
            player: " Michael Jordan ".into(),
            year: "1986".into(),
            serial: "#12/99".into(),
            grade: "9,5".into(),
            grader: "psa".into(),
            value: "1250.00".into(),
            value_currency: "usd".into(),
            set_code: "  ".into(),
            ..CardInput::default()
        };
        let card = input.read(Some(&current)).unwrap();
        assert_eq!(card.kind, CardKind::Sports, "a blank kind keeps the card's");
        assert_eq!(card.player.as_deref(), Some("Michael Jordan"));
        assert_eq!(card.year, Some(1986));
        assert_eq!(
            card.serial,
            Some(Serial {
                number: 12,
                total: 99
            })
        );
        assert_eq!(card.grade, Some(Grade(95)));
        assert_eq!(card.value.map(|v| v.amount), Some(125_000));
        assert_eq!(card.set_code, None, "blank is none");
        assert_eq!(card.finish, "normal");
        assert_eq!(card.catalogue_card_id.as_deref(), Some("cat-1"));
    }
}

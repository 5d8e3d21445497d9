//! Dragon Shield Card Manager CSV (docs/formats/cards.md §3): one row per
//! purchase, in folders, with the app's market prices at the end.

use super::layout::{CellError, Columns, Entry, Found, Layout, Row};
use super::words::{date, price, CardCondition, CARD_CONDITION};
use crate::cards::language::language_code;
use crate::cards::Card;

const HEADER: [&str; 17] = [
    "Folder Name",
    "Quantity",
    "Trade Quantity",
    "Card Name",
    "Set Code",
    "Set Name",
    "Card Number",
    "Condition",
    "Printing",
    "Language",
    "Price Bought",
    "Date Bought",
    "LOW",
    "MID",
    "MARKET",
    "AVG",
    "TREND",
];

/// The app's price columns other than MARKET, kept as custom fields.
const PRICES: [(&str, &str); 4] = [
    ("LOW", "Price low"),
    ("MID", "Price mid"),
    ("AVG", "Price average"),
    ("TREND", "Price trend"),
];

const CONDITIONS: [CardCondition; 7] = [
    CardCondition::Mint,
    CardCondition::NearMint,
    CardCondition::Excellent,
    CardCondition::Good,
    CardCondition::LightPlayed,
    CardCondition::Played,
    CardCondition::Poor,
];

/// The custom field keeping a named foil (`Surge Foil`).
pub(super) const PRINTING: &str = "Printing";

pub(super) struct DragonShield(Found);

impl DragonShield {
    pub fn new(columns: &Columns<'_>) -> Result<DragonShield, Vec<String>> {
        Found::new(
            columns,
            &HEADER,
            &[
                &["Card Name"],
                &["Quantity"],
                &["Set Code"],
                &["Card Number"],
            ],
            &[
                ("quantity", "Quantity"),
                ("title", "Card Name"),
                ("condition", "Condition"),
                ("cost", "Price Bought"),
                ("acquired_on", "Date Bought"),
                ("value", "MARKET"),
            ],
        )
        .map(DragonShield)
    }
}

impl Layout for DragonShield {
    fn read(&self, row: &Row<'_>) -> Result<Entry, Vec<CellError>> {
        let c = |name| self.0.get(name);
        let mut errors = Vec::new();
        let mut entry = Entry::default();
        entry.changes.title = row.owned(c("Card Name"));
        entry.changes.quantity = row.count(c("Quantity"), &mut errors).or(Some(1));
        let trade = row.count(c("Trade Quantity"), &mut errors).unwrap_or(0);
        let condition = row.read(
            c("Condition"),
            &mut errors,
            (
                "condition_unknown",
                "a Dragon Shield condition (Mint, NearMint, Excellent, Good, LightPlayed, \
                 Played, Poor)",
            ),
            |t| CardCondition::parse(t).filter(|f| CONDITIONS.contains(f)),
        );
        let bought = row.read(
            c("Date Bought"),
            &mut errors,
            ("date_invalid", "a date (yyyy-MM-dd or M/d/yyyy)"),
            date,
        );
        let value = row.dollars(c("MARKET"), &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Some(found) = condition {
            entry.changes.condition = Some(found.trove().as_str().to_owned());
            entry.field(CARD_CONDITION, found.as_str());
        }
        // Paid in the user's home currency: the file names none.
        entry.changes.cost = row.text(c("Price Bought")).map(price);
        entry.changes.acquired_on = bought.clone();
        if trade > 0 {
            entry.field("Trade quantity", trade.to_string());
            entry.changes.tags = Some(vec!["trade".into()]);
        }
        for (column, field) in PRICES {
            entry.field(field, row.text(c(column)).unwrap_or_default());
        }
        let printing = row.text(c("Printing")).unwrap_or_default();
        let lower = printing.to_lowercase();
        let finish = if lower.is_empty() || lower == "normal" {
            "normal".to_owned()
        } else if lower.contains("etched") {
            "etched".to_owned()
        } else if lower.contains("foil") {
            "foil".to_owned()
        } else {
            crate::cards::normalise_finish(printing)
        };
        if !matches!(lower.as_str(), "" | "normal" | "foil" | "etched") {
            entry.field(PRINTING, printing);
        }
        let language = row.text(c("Language")).map(language_code);
        let set_code = row.owned(c("Set Code"));
        let number = row.owned(c("Card Number"));
        let folder = row.text(c("Folder Name"));
        entry.collection = folder.map(|f| (f.to_owned(), "binder"));
        // One row per purchase: the folder, the printing and what was paid
        // when tell two rows apart.
        entry.key = Some(format!(
            "dragonshield|{}|{}:{}|{lower}|{}|{}|{}|{}",
            folder.unwrap_or_default(),
            set_code.as_deref().unwrap_or_default().to_lowercase(),
            number.as_deref().unwrap_or_default(),
            language.as_deref().unwrap_or_default(),
            condition.map_or("", CardCondition::as_str),
            row.text(c("Price Bought")).unwrap_or_default(),
            bought.unwrap_or_default(),
        ));
        entry.card = Some(Card {
            game: Some("magic".into()),
            set_code,
            set_name: row.owned(c("Set Name")),
            collector_number: number,
            finish,
            language,
            value,
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

//! What cards are worth: value tiers from the user's thresholds, and
//! append-only price history written only when the value moves.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::db::Store;
use crate::error::{Error, Result};
use crate::items::find_item;
use crate::money::{Currency, Money};
use crate::settings::home_currency;

/// Value tiers, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Low,
    Mid,
    High,
    Grail,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Low => "low",
            Tier::Mid => "mid",
            Tier::High => "high",
            Tier::Grail => "grail",
        }
    }

    pub fn parse(text: &str) -> Option<Tier> {
        Some(match text {
            "low" => Tier::Low,
            "mid" => Tier::Mid,
            "high" => Tier::High,
            "grail" => Tier::Grail,
            _ => return None,
        })
    }
}

/// The lowest value of each tier above `low`, in the home currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct TierThresholds {
    pub mid: Money,
    pub high: Money,
    pub grail: Money,
}

const KEYS: [&str; 3] = ["tier_mid", "tier_high", "tier_grail"];
/// Until the user sets their own: 10, 100 and 1,000 in the home currency's
/// major unit.
const DEFAULT_MAJOR: [i64; 3] = [10, 100, 1000];

impl TierThresholds {
    /// The tier of `value`; `None` when it is in another currency than the
    /// thresholds (Trove converts nothing offline, so it does not guess).
    pub fn tier(&self, value: Money) -> Option<Tier> {
        if value.currency != self.mid.currency {
            return None;
        }
        Some(if value.amount >= self.grail.amount {
            Tier::Grail
        } else if value.amount >= self.high.amount {
            Tier::High
        } else if value.amount >= self.mid.amount {
            Tier::Mid
        } else {
            Tier::Low
        })
    }
}

pub(crate) fn thresholds(conn: &Connection) -> Result<TierThresholds> {
    let currency = home_currency(conn)?;
    let unit = 10i64.pow(currency.minor_digits());
    let mut amounts = [0i64; 3];
    for (i, key) in KEYS.iter().enumerate() {
        amounts[i] = trove_store::settings::get(conn, key)?
            .and_then(|s| s.parse().ok())
            .unwrap_or(DEFAULT_MAJOR[i] * unit);
    }
    Ok(TierThresholds {
        mid: Money::new(amounts[0], currency),
        high: Money::new(amounts[1], currency),
        grail: Money::new(amounts[2], currency),
    })
}

/// One value point.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PricePoint {
    pub at: String,
    pub value: Money,
    pub finish: String,
    /// `manual`, `import` or `catalogue`.
    pub source: String,
}

/// Appends `value` to the item's history unless it equals the last point.
pub(crate) fn record_item_value(
    conn: &Connection,
    item_id: &str,
    finish: &str,
    value: Money,
    source: &str,
) -> Result<bool> {
    let last: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT amount, currency FROM price_points WHERE item_id = ?1 ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([item_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if last.is_some_and(|(a, c)| a == value.amount && c == value.currency.code()) {
        return Ok(false);
    }
    conn.prepare_cached(
        "INSERT INTO price_points (item_id, finish, at, amount, currency, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        item_id,
        finish,
        crate::now(),
        value.amount,
        value.currency.code(),
        source
    ])?;
    Ok(true)
}

/// Appends a catalogue card's market price for `finish` unless it equals
/// the last point for that card and finish.
pub(crate) fn record_catalogue_value(
    conn: &Connection,
    card_id: &str,
    finish: &str,
    value: Money,
) -> Result<bool> {
    let last: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT amount, currency FROM price_points
              WHERE catalogue_card_id = ?1 AND finish = ?2 ORDER BY seq DESC LIMIT 1",
        )?
        .query_row(params![card_id, finish], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if last.is_some_and(|(a, c)| a == value.amount && c == value.currency.code()) {
        return Ok(false);
    }
    conn.prepare_cached(
        "INSERT INTO price_points (catalogue_card_id, finish, at, amount, currency, source)
         VALUES (?1, ?2, ?3, ?4, ?5, 'catalogue')",
    )?
    .execute(params![
        card_id,
        finish,
        crate::now(),
        value.amount,
        value.currency.code()
    ])?;
    Ok(true)
}

impl Store {
    /// The value tier thresholds (defaults until set).
    pub fn tier_thresholds(&self) -> Result<TierThresholds> {
        self.read(thresholds)
    }

    /// Sets the thresholds, in the home currency, and re-tiers every card
    /// valued in it. They must rise: mid < high < grail.
    pub fn set_tier_thresholds(
        &self,
        mid: &str,
        high: &str,
        grail: &str,
    ) -> Result<TierThresholds> {
        self.write(|tx| {
            let currency = home_currency(tx)?;
            let parse = |field: &'static str, text: &str| {
                Money::parse(text, currency)
                    .map_err(|e| Error::invalid(field, text, e.code(), e.to_string()))
            };
            let (m, h, g) = (
                parse("tier_mid", mid)?,
                parse("tier_high", high)?,
                parse("tier_grail", grail)?,
            );
            if !(0 <= m.amount && m.amount < h.amount && h.amount < g.amount) {
                return Err(Error::invalid(
                    "tier_high",
                    high,
                    "tier_order",
                    "the tiers must rise: mid below high, high below grail",
                ));
            }
            for (key, money) in KEYS.iter().zip([m, h, g]) {
                trove_store::settings::set(tx, key, &money.amount.to_string())?;
            }
            retier(tx, currency, m.amount, h.amount, g.amount)?;
            thresholds(tx)
        })
    }

    /// An item's value history, oldest first.
    pub fn price_history(&self, item: &str) -> Result<Vec<PricePoint>> {
        self.read(|conn| {
            let found = find_item(conn, item)?.ok_or_else(|| Error::not_found("item", item))?;
            let mut stmt = conn.prepare_cached(
                "SELECT at, amount, currency, finish, source FROM price_points
                  WHERE item_id = ?1 ORDER BY seq",
            )?;
            let rows = stmt.query_map([&found.id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?;
            let mut points = Vec::new();
            for row in rows {
                let (at, amount, code, finish, source) = row?;
                if let Ok(currency) = Currency::parse(&code) {
                    points.push(PricePoint {
                        at,
                        value: Money::new(amount, currency),
                        finish,
                        source,
                    });
                }
            }
            Ok(points)
        })
    }
}

/// Recomputes every card's tier (one statement; cards in other currencies
/// get none).
fn retier(conn: &Connection, currency: Currency, mid: i64, high: i64, grail: i64) -> Result<()> {
    conn.execute(
        "UPDATE cards SET value_tier = CASE
             WHEN value_amount IS NULL OR value_currency IS NOT ?1 THEN NULL
             WHEN value_amount >= ?4 THEN 'grail'
             WHEN value_amount >= ?3 THEN 'high'
             WHEN value_amount >= ?2 THEN 'mid'
             ELSE 'low' END",
        params![currency.code(), mid, high, grail],
    )?;
    Ok(())
}

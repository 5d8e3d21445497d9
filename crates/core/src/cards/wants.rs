//! The wishlist (wanted cards and things, with the most the collector will
//! pay) and pre-orders (deposit, promised release date, and every slip of
//! that date, each one also a notification).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::db::Store;
use crate::error::{Error, FieldError, Result};
use crate::items::find_item;
use crate::money::{Currency, Money};

/// Something wanted.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Wish {
    pub id: String,
    pub title: String,
    pub catalogue_card_id: Option<String>,
    pub finish: Option<String>,
    /// The most the collector will pay.
    pub max_price: Option<Money>,
    pub notes: Option<String>,
    pub created_at: String,
}

/// An item on pre-order.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Preorder {
    pub item_id: String,
    pub title: String,
    pub ordered_on: Option<String>,
    pub seller: Option<String>,
    pub deposit: Option<Money>,
    /// The release date promised now.
    pub release_on: String,
    pub received_at: Option<String>,
    /// Every change of the release date, oldest first.
    pub slips: Vec<DateSlip>,
}

/// One move of a pre-order's release date.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct DateSlip {
    pub from_on: String,
    pub to_on: String,
    pub noted_at: String,
}

/// A wish as typed: every field text, blank for none. The price is an
/// amount in the home currency, or followed by a code (`12.50 EUR`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct WishInput {
    pub title: String,
    pub max_price: String,
    pub notes: String,
}

/// A pre-order as typed: the item (id, SKU or barcode), dates as
/// `YYYY-MM-DD`, the deposit like a wish's price; blank is none (a blank
/// seller, deposit or order date keeps what an earlier one said).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct PreorderInput {
    pub item: String,
    pub release_on: String,
    pub deposit: String,
    pub seller: String,
    pub ordered_on: String,
}

/// Trimmed text, or none when blank.
fn blank_is_none(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// Collects one field's problem, so a form hears about all of them at once.
fn field<T>(errors: &mut Vec<FieldError>, result: Result<T>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(Error::Invalid(mut fields)) => {
            errors.append(&mut fields);
            None
        }
        Err(other) => {
            errors.push(FieldError::new(
                "",
                "",
                other.code().as_str(),
                other.to_string(),
            ));
            None
        }
    }
}

fn money(amount: Option<i64>, currency: Option<String>) -> Option<Money> {
    match (amount, currency) {
        (Some(a), Some(c)) => Currency::parse(&c).ok().map(|c| Money::new(a, c)),
        _ => None,
    }
}

fn parse_date(field: &'static str, text: &str) -> Result<String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(|d| d.to_string())
        .map_err(|_| {
            Error::invalid(
                field,
                text,
                "date",
                format!(
                    "'{}' is not a date; write it as YYYY-MM-DD, like 2027-01-15",
                    text.trim()
                ),
            )
        })
}

fn preorder_of(conn: &Connection, item_id: &str) -> Result<Option<Preorder>> {
    let row = conn
        .prepare_cached(
            "SELECT p.item_id, i.title, p.ordered_on, p.seller, p.deposit_amount, p.deposit_currency,
                    p.release_on, p.received_at
               FROM preorders p JOIN items i ON i.id = p.item_id WHERE p.item_id = ?1",
        )?
        .query_row([item_id], |r| {
            Ok(Preorder {
                item_id: r.get(0)?,
                title: r.get(1)?,
                ordered_on: r.get(2)?,
                seller: r.get(3)?,
                deposit: money(r.get(4)?, r.get(5)?),
                release_on: r.get(6)?,
                received_at: r.get(7)?,
                slips: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut p) = row else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT from_on, to_on, noted_at FROM preorder_slips WHERE item_id = ?1 ORDER BY seq",
    )?;
    p.slips = stmt
        .query_map([item_id], |r| {
            Ok(DateSlip {
                from_on: r.get(0)?,
                to_on: r.get(1)?,
                noted_at: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(p))
}

impl Store {
    /// Adds a wish typed in a form; every wrong field is named at once.
    pub fn add_wish_input(&self, input: &WishInput) -> Result<Wish> {
        let mut errors = Vec::new();
        let title = input.title.trim();
        if title.is_empty() {
            errors.push(FieldError::new(
                "title",
                &input.title,
                "required",
                "a wish needs a title",
            ));
        }
        let max_price =
            field(&mut errors, self.typed_money("max_price", &input.max_price)).flatten();
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        self.add_wish(title, max_price, blank_is_none(&input.notes))
    }

    /// Puts an item on pre-order (or changes its pre-order) from a form;
    /// every wrong field is named at once, an unknown item as the `item`
    /// field's problem.
    pub fn set_preorder_input(&self, input: &PreorderInput) -> Result<Preorder> {
        let mut errors = Vec::new();
        let item = input.item.trim();
        let found = if item.is_empty() {
            errors.push(FieldError::new(
                "item",
                &input.item,
                "required",
                "choose the item that is on pre-order",
            ));
            None
        } else {
            let found = self.read(|conn| find_item(conn, item))?;
            if found.is_none() {
                errors.push(FieldError::new(
                    "item",
                    &input.item,
                    "item_unknown",
                    format!("no item has the id, SKU or barcode '{item}'"),
                ));
            }
            found
        };
        let release_on = field(&mut errors, parse_date("release_on", &input.release_on));
        let ordered_on = blank_is_none(&input.ordered_on)
            .and_then(|d| field(&mut errors, parse_date("ordered_on", d)));
        let deposit = field(&mut errors, self.typed_money("deposit", &input.deposit)).flatten();
        let (Some(found), Some(release_on), true) = (found, release_on, errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        self.set_preorder(
            &found.id,
            &release_on,
            deposit,
            blank_is_none(&input.seller),
            ordered_on.as_deref(),
        )
    }

    /// Adds something to the wishlist.
    pub fn add_wish(
        &self,
        title: &str,
        max_price: Option<Money>,
        notes: Option<&str>,
    ) -> Result<Wish> {
        let title = title.trim();
        if title.is_empty() {
            return Err(Error::invalid(
                "title",
                title,
                "required",
                "a wish needs a title",
            ));
        }
        if max_price.is_some_and(|m| m.amount < 0) {
            return Err(Error::invalid(
                "max_price",
                max_price.map(|m| m.to_string()).unwrap_or_default(),
                "money_negative",
                "the most you will pay cannot be below zero",
            ));
        }
        self.write(|tx| {
            let wish = Wish {
                id: crate::new_id(),
                title: title.to_owned(),
                catalogue_card_id: None,
                finish: None,
                max_price,
                notes: notes.map(str::to_owned).filter(|n| !n.trim().is_empty()),
                created_at: crate::now(),
            };
            tx.prepare_cached(
                "INSERT INTO wishlist (id, title, max_amount, max_currency, notes, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                wish.id,
                wish.title,
                wish.max_price.map(|m| m.amount),
                wish.max_price.map(|m| m.currency.code().to_owned()),
                wish.notes,
                wish.created_at
            ])?;
            Ok(wish)
        })
    }

    /// The wishlist, oldest wish first.
    pub fn wishlist(&self) -> Result<Vec<Wish>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, title, catalogue_card_id, finish, max_amount, max_currency, notes, created_at
                   FROM wishlist ORDER BY created_at, id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(Wish {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    catalogue_card_id: r.get(2)?,
                    finish: r.get(3)?,
                    max_price: money(r.get(4)?, r.get(5)?),
                    notes: r.get(6)?,
                    created_at: r.get(7)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Removes a wish (bought, or no longer wanted).
    pub fn remove_wish(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx
                .prepare_cached("DELETE FROM wishlist WHERE id = ?1")?
                .execute([id])?;
            if n == 0 {
                return Err(Error::not_found("wish", id));
            }
            Ok(())
        })
    }

    /// Puts an item on pre-order, or changes its pre-order. A new release
    /// date is kept as a slip from the old one and raises a notification.
    pub fn set_preorder(
        &self,
        item: &str,
        release_on: &str,
        deposit: Option<Money>,
        seller: Option<&str>,
        ordered_on: Option<&str>,
    ) -> Result<Preorder> {
        let release_on = parse_date("release_on", release_on)?;
        let ordered_on = ordered_on
            .map(|d| parse_date("ordered_on", d))
            .transpose()?;
        self.write(|tx| {
            let found = find_item(tx, item)?.ok_or_else(|| Error::not_found("item", item))?;
            let before = preorder_of(tx, &found.id)?;
            tx.prepare_cached(
                "INSERT INTO preorders (item_id, ordered_on, seller, deposit_amount, deposit_currency, release_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (item_id) DO UPDATE SET
                     ordered_on = coalesce(excluded.ordered_on, ordered_on),
                     seller = coalesce(excluded.seller, seller),
                     deposit_amount = coalesce(excluded.deposit_amount, deposit_amount),
                     deposit_currency = coalesce(excluded.deposit_currency, deposit_currency),
                     release_on = excluded.release_on",
            )?
            .execute(params![
                found.id,
                ordered_on,
                seller,
                deposit.map(|m| m.amount),
                deposit.map(|m| m.currency.code().to_owned()),
                release_on
            ])?;
            if let Some(old) = before.filter(|b| b.release_on != release_on) {
                let now = crate::now();
                tx.prepare_cached(
                    "INSERT INTO preorder_slips (item_id, from_on, to_on, noted_at) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![found.id, old.release_on, release_on, now])?;
                tx.prepare_cached(
                    "INSERT INTO notifications (id, kind, record_type, record_id, message, created_at)
                     VALUES (?1, 'preorder_slip', 'item', ?2, ?3, ?4)",
                )?
                .execute(params![
                    crate::new_id(),
                    found.id,
                    format!(
                        "{}: release moved from {} to {release_on}",
                        found.fields.title, old.release_on
                    ),
                    now
                ])?;
            }
            preorder_of(tx, &found.id)?.ok_or_else(|| Error::not_found("pre-order", item))
        })
    }

    /// Pre-orders not yet received, soonest release first.
    pub fn preorders(&self) -> Result<Vec<Preorder>> {
        self.read(|conn| {
            let ids: Vec<String> = conn
                .prepare_cached(
                    "SELECT item_id FROM preorders WHERE received_at IS NULL ORDER BY release_on, item_id",
                )?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                out.extend(preorder_of(conn, &id)?);
            }
            Ok(out)
        })
    }

    /// Marks a pre-order received (it leaves the list; its slips stay).
    pub fn receive_preorder(&self, item: &str) -> Result<Preorder> {
        self.write(|tx| {
            let found = find_item(tx, item)?.ok_or_else(|| Error::not_found("item", item))?;
            let n = tx
                .prepare_cached("UPDATE preorders SET received_at = ?2 WHERE item_id = ?1 AND received_at IS NULL")?
                .execute(params![found.id, crate::now()])?;
            if n == 0 {
                return Err(Error::not_found("pre-order", item));
            }
            preorder_of(tx, &found.id)?.ok_or_else(|| Error::not_found("pre-order", item))
        })
    }
}

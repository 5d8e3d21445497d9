//! Offers: a buyer's price for a listing, answered by accepting (which
//! records the sale), declining or countering; an unanswered offer expires.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;
use trove_core::money::Money;
use trove_core::{activity, Error, Result};
use trove_store::{new_id, now};

use crate::fields::{blank_none, stored_money};
use crate::listing::ListingStatus;
use crate::notify;
use crate::outbox::{self, OutboxKind};
use crate::platform::Platform;
use crate::sale::{LineInput, SaleInput};
use crate::selling::Recorded;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    Pending,
    Accepted,
    Declined,
    /// The seller answered with another price; the buyer may take it.
    Countered,
    Expired,
    /// Withdrawn by the buyer.
    Cancelled,
}

impl OfferStatus {
    pub const ALL: [OfferStatus; 6] = [
        OfferStatus::Pending,
        OfferStatus::Accepted,
        OfferStatus::Declined,
        OfferStatus::Countered,
        OfferStatus::Expired,
        OfferStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OfferStatus::Pending => "pending",
            OfferStatus::Accepted => "accepted",
            OfferStatus::Declined => "declined",
            OfferStatus::Countered => "countered",
            OfferStatus::Expired => "expired",
            OfferStatus::Cancelled => "cancelled",
        }
    }

    fn stored(text: &str) -> OfferStatus {
        OfferStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .unwrap_or(OfferStatus::Expired)
    }

    /// Still waiting for an answer from one side.
    pub fn is_open(self) -> bool {
        matches!(self, OfferStatus::Pending | OfferStatus::Countered)
    }
}

/// An offer as read back.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Offer {
    pub id: String,
    pub listing_id: String,
    pub platform: Platform,
    pub item_id: String,
    pub title: String,
    pub buyer: Option<String>,
    pub amount: Money,
    pub counter: Option<Money>,
    pub status: OfferStatus,
    pub expires_at: Option<String>,
    pub created_at: String,
}

/// An offer as typed or received.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct OfferInput {
    /// `30`, or `30 EUR`.
    pub amount: String,
    pub buyer: Option<String>,
    /// The platform's own id for it, when it came from one.
    pub platform_offer_id: Option<String>,
    /// Hours until it lapses (none: it waits for an answer).
    pub expires_in_hours: Option<u32>,
}

/// An open offer past its expiry reads as expired before any write has
/// marked it so: reading offers never takes the writer.
const OFFER_SELECT: &str = "SELECT o.id, o.listing_id, l.platform, l.item_id, i.title, o.buyer,
    o.currency, o.amount, o.counter_amount,
    CASE WHEN o.status IN ('pending', 'countered')
              AND o.expires_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now') THEN 'expired'
         ELSE o.status END,
    o.expires_at, o.created_at
    FROM offers o JOIN listings l ON l.id = o.listing_id JOIN items i ON i.id = l.item_id";

fn offer_from_row(r: &Row<'_>) -> rusqlite::Result<Offer> {
    let code: String = r.get(6)?;
    let amount = stored_money(r.get(7)?, &code, 6)?;
    Ok(Offer {
        id: r.get(0)?,
        listing_id: r.get(1)?,
        platform: Platform::stored(&r.get::<_, String>(2)?),
        item_id: r.get(3)?,
        title: r.get(4)?,
        buyer: r.get(5)?,
        counter: r
            .get::<_, Option<i64>>(8)?
            .map(|a| Money::new(a, amount.currency)),
        amount,
        status: OfferStatus::stored(&r.get::<_, String>(9)?),
        expires_at: r.get(10)?,
        created_at: r.get(11)?,
    })
}

fn offer_by_id(conn: &Connection, id: &str) -> Result<Offer> {
    conn.prepare_cached(&format!("{OFFER_SELECT} WHERE o.id = ?1"))?
        .query_row([id.trim()], offer_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("offer", id))
}

/// Marks every open offer past its expiry expired.
fn expire_due(conn: &Connection) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE offers SET status = 'expired', updated_at = ?1
         WHERE status IN ('pending', 'countered') AND expires_at IS NOT NULL AND expires_at < ?1",
        [now()],
    )?)
}

fn refuse(offer: &Offer, to: &str) -> Error {
    Error::invalid(
        "status",
        to,
        "status_transition",
        format!(
            "the offer of {} {} on '{}' is {}; it can no longer be {to}",
            offer.amount.to_decimal_string(),
            offer.amount.currency.code(),
            offer.title,
            offer.status.as_str()
        ),
    )
}

fn answer(conn: &Connection, offer: &Offer, to: OfferStatus, counter: Option<Money>) -> Result<()> {
    conn.execute(
        "UPDATE offers SET status = ?2, counter_amount = coalesce(?3, counter_amount), updated_at = ?4
         WHERE id = ?1",
        params![offer.id, to.as_str(), counter.map(|m| m.amount), now()],
    )?;
    activity::log(
        conn,
        "status",
        "offer",
        &offer.id,
        None,
        Some(json!({ "status": offer.status })),
        Some(json!({ "status": to, "counter": counter })),
    )?;
    outbox::enqueue(
        conn,
        offer.platform,
        OutboxKind::AnswerOffer,
        &offer.listing_id,
        json!({ "offer_id": offer.id, "answer": to, "counter": counter }),
    )?;
    Ok(())
}

impl crate::Shop<'_> {
    /// Records a buyer's offer on a live listing. An amount typed with no
    /// currency is in the currency the listing asks in (else the home one).
    pub fn add_offer(&self, listing_id: &str, input: &OfferInput) -> Result<Offer> {
        let asked = self
            .store()
            .read(|conn| crate::rules::asking(conn, listing_id))?;
        let amount = match asked {
            Some(price) => self
                .store()
                .typed_money_in("amount", &input.amount, price.currency)?,
            None => self.store().typed_money("amount", &input.amount)?,
        }
        .ok_or_else(|| {
            Error::invalid("amount", "", "amount_required", "an offer needs an amount")
        })?;
        self.store().write(|tx| {
            let listing = crate::shop::listing_by_id(tx, listing_id)?;
            if listing.status != ListingStatus::Active {
                return Err(Error::invalid(
                    "listing",
                    listing_id,
                    "listing_not_active",
                    format!("the {} listing is {}; offers come to active listings", listing.platform, listing.status.as_str()),
                ));
            }
            let id = new_id();
            let t = now();
            let expires = input.expires_in_hours.map(|h| {
                (chrono::Utc::now() + chrono::Duration::hours(h.into()))
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
            });
            tx.execute(
                "INSERT INTO offers (id, listing_id, platform_offer_id, buyer, currency, amount, status,
                    expires_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?8, ?8)",
                params![
                    id,
                    listing.id,
                    input.platform_offer_id,
                    blank_none(input.buyer.as_deref()),
                    amount.currency.code(),
                    amount.amount,
                    expires,
                    t
                ],
            )?;
            let offer = offer_by_id(tx, &id)?;
            notify::add(
                tx,
                "offer",
                Some(("offer", &id)),
                &format!(
                    "new offer of {} {} on '{}' ({})",
                    amount.to_decimal_string(),
                    amount.currency.code(),
                    offer.title,
                    listing.platform
                ),
            )?;
            Ok(offer)
        })
    }

    /// Offers, newest first (of one listing, when given).
    pub fn offers(&self, listing_id: Option<&str>, limit: usize) -> Result<Vec<Offer>> {
        self.store().read(|tx| {
            let mut stmt = tx.prepare_cached(&format!(
                "{OFFER_SELECT} WHERE (?1 IS NULL OR o.listing_id = ?1) ORDER BY o.seq DESC LIMIT ?2"
            ))?;
            let rows = stmt.query_map(params![listing_id, limit as i64], offer_from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Offers waiting for the seller's answer, oldest first.
    pub(crate) fn pending_offers(&self, limit: usize) -> Result<Vec<Offer>> {
        self.store().read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "{OFFER_SELECT} WHERE o.status IN ('pending', 'countered') ORDER BY o.seq LIMIT ?1"
            ))?;
            let rows = stmt.query_map([limit as i64], offer_from_row)?;
            let offers: Vec<Offer> = rows.collect::<rusqlite::Result<_>>()?;
            Ok(offers
                .into_iter()
                .filter(|o| o.status == OfferStatus::Pending)
                .collect())
        })
    }

    /// Declines an open offer.
    pub fn decline_offer(&self, id: &str) -> Result<Offer> {
        self.store().write(|tx| {
            expire_due(tx)?;
            let offer = offer_by_id(tx, id)?;
            if !offer.status.is_open() {
                return Err(refuse(&offer, "declined"));
            }
            answer(tx, &offer, OfferStatus::Declined, None)?;
            offer_by_id(tx, id)
        })
    }

    /// Answers a pending offer with another price, in the offer's currency
    /// when the text names none.
    pub fn counter_offer(&self, id: &str, amount: &str) -> Result<Offer> {
        let currency = self
            .store()
            .read(|conn| offer_by_id(conn, id))?
            .amount
            .currency;
        let counter = self
            .store()
            .typed_money_in("amount", amount, currency)?
            .ok_or_else(|| {
                Error::invalid("amount", "", "amount_required", "a counter needs an amount")
            })?;
        self.store().write(|tx| {
            expire_due(tx)?;
            let offer = offer_by_id(tx, id)?;
            if offer.status != OfferStatus::Pending {
                return Err(refuse(&offer, "countered"));
            }
            if counter.currency != offer.amount.currency {
                return Err(Error::invalid(
                    "amount",
                    amount,
                    "currency_mismatch",
                    format!(
                        "counter in the offer's currency, {}",
                        offer.amount.currency.code()
                    ),
                ));
            }
            answer(tx, &offer, OfferStatus::Countered, Some(counter))?;
            offer_by_id(tx, id)
        })
    }

    /// Accepts an open offer (a countered one at the counter's price) and
    /// records the sale of one unit of the item. The sale and the answer
    /// are two writes; the sale's order number is made from the offer, so
    /// accepting again after a crash between them records nothing twice.
    pub fn accept_offer(&self, id: &str) -> Result<Recorded> {
        let offer = self.store().write(|tx| {
            expire_due(tx)?;
            let offer = offer_by_id(tx, id)?;
            if !offer.status.is_open() {
                return Err(refuse(&offer, "accepted"));
            }
            Ok(offer)
        })?;
        let price = offer
            .counter
            .filter(|_| offer.status == OfferStatus::Countered)
            .unwrap_or(offer.amount);
        let recorded = self.record_sale(&SaleInput {
            platform: offer.platform.as_str().into(),
            order_id: Some(format!("offer-{}", offer.id)),
            buyer: offer.buyer.clone(),
            lines: vec![LineInput {
                item: offer.item_id.clone(),
                quantity: 1,
            }],
            price: format!("{} {}", price.to_decimal_string(), price.currency.code()),
            ..Default::default()
        })?;
        self.store().write(|tx| {
            let now_offer = offer_by_id(tx, id)?;
            if now_offer.status.is_open() {
                answer(tx, &now_offer, OfferStatus::Accepted, None)?;
            }
            Ok(())
        })?;
        Ok(recorded)
    }
}

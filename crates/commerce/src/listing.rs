//! A listing: an item offered on one platform (at most one per item and
//! platform), and the life it goes through.

use rusqlite::Row;
use serde::{Deserialize, Serialize};
use trove_core::money::{Currency, Money};
use trove_core::{Error, Result};

use crate::platform::Platform;

/// Where a listing is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ListingStatus {
    /// Being written; no marketplace knows of it.
    Draft,
    /// Sent, or to be sent, to the marketplace; not yet live.
    Pending,
    /// Live: buyers can see it.
    Active,
    Sold,
    /// Taken down (by hand, or because the item sold elsewhere).
    Ended,
    /// The marketplace refused it; `last_error` says why.
    Error,
}

impl ListingStatus {
    pub const ALL: [ListingStatus; 6] = [
        ListingStatus::Draft,
        ListingStatus::Pending,
        ListingStatus::Active,
        ListingStatus::Sold,
        ListingStatus::Ended,
        ListingStatus::Error,
    ];

    /// The status as stored (`active`).
    pub fn as_str(self) -> &'static str {
        match self {
            ListingStatus::Draft => "draft",
            ListingStatus::Pending => "pending",
            ListingStatus::Active => "active",
            ListingStatus::Sold => "sold",
            ListingStatus::Ended => "ended",
            ListingStatus::Error => "error",
        }
    }

    /// Reads a status as typed.
    pub fn parse(text: &str) -> Result<ListingStatus> {
        let key = text.trim().to_ascii_lowercase();
        ListingStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == key)
            .ok_or_else(|| {
                Error::invalid(
                    "status",
                    text,
                    "status_unknown",
                    format!(
                        "'{}' is not a listing status; use one of {}",
                        text.trim(),
                        ListingStatus::ALL.map(ListingStatus::as_str).join(", ")
                    ),
                )
            })
    }

    /// The statuses a listing may move to from this one. A sold or ended
    /// listing is listed again through `pending` (a relist); nothing goes
    /// back to `draft` once a marketplace may have seen it, and only a
    /// live listing can sell.
    pub fn next(self) -> &'static [ListingStatus] {
        use ListingStatus::*;
        match self {
            Draft => &[Pending, Active, Ended],
            Pending => &[Active, Error, Ended],
            Active => &[Sold, Ended, Error],
            Error => &[Pending, Active, Ended],
            Sold => &[Pending],
            Ended => &[Pending],
        }
    }

    /// True while buyers can, or soon will, see the listing: what ending
    /// it must tell the marketplace.
    pub fn is_live(self) -> bool {
        matches!(self, ListingStatus::Pending | ListingStatus::Active)
    }

    /// Checks that a listing may move from this status to `to`, or says
    /// why not and where it may go instead.
    pub fn check_move(self, to: ListingStatus, title: &str, platform: Platform) -> Result<()> {
        if self.next().contains(&to) {
            return Ok(());
        }
        Err(Error::invalid(
            "status",
            to.as_str(),
            "status_transition",
            format!(
                "the {platform} listing of '{title}' is {}; it can't become {} (it can become {})",
                self.as_str(),
                to.as_str(),
                self.next()
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        ))
    }

    pub(crate) fn stored(text: &str) -> ListingStatus {
        ListingStatus::parse(text).unwrap_or(ListingStatus::Error)
    }
}

/// A listing as read back.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Listing {
    pub id: String,
    pub item_id: String,
    pub platform: Platform,
    pub status: ListingStatus,
    /// The listing's own title, when it differs from the item's.
    pub title: Option<String>,
    pub description: Option<String>,
    /// The listing's price, when it differs from the item's.
    pub price: Option<Money>,
    /// What the buyer pays for shipping, if set.
    pub shipping: Option<Money>,
    pub platform_listing_id: Option<String>,
    pub url: Option<String>,
    pub listed_at: Option<String>,
    pub sold_at: Option<String>,
    pub ended_at: Option<String>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// What the platform needs beyond the common fields: its category,
    /// the shipping profile (from a template).
    #[ts(type = "unknown")]
    pub platform_data: Option<serde_json::Value>,
}

/// What a person typed into a listing's form: text, read by the core's
/// rules. `None` leaves a field as it is; blank clears it, so the item's
/// own title, description or price shows through again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct ListingInput {
    pub title: Option<String>,
    pub description: Option<String>,
    /// `12.50`, or `12.50 EUR` in another currency than the home one.
    pub price: Option<String>,
    pub shipping: Option<String>,
}

pub(crate) const LISTING_SELECT: &str = "SELECT id, item_id, platform, status, title, description,
    price_amount, price_currency, shipping_amount, shipping_currency, platform_listing_id, url,
    listed_at, sold_at, ended_at, last_error, created_at, updated_at, platform_data FROM listings";

fn money(amount: Option<i64>, currency: Option<String>) -> Option<Money> {
    Some(Money::new(amount?, Currency::stored(&currency?)?))
}

pub(crate) fn listing_from_row(r: &Row<'_>) -> rusqlite::Result<Listing> {
    Ok(Listing {
        id: r.get(0)?,
        item_id: r.get(1)?,
        platform: Platform::stored(&r.get::<_, String>(2)?),
        status: ListingStatus::stored(&r.get::<_, String>(3)?),
        title: r.get(4)?,
        description: r.get(5)?,
        price: money(r.get(6)?, r.get(7)?),
        shipping: money(r.get(8)?, r.get(9)?),
        platform_listing_id: r.get(10)?,
        url: r.get(11)?,
        listed_at: r.get(12)?,
        sold_at: r.get(13)?,
        ended_at: r.get(14)?,
        last_error: r.get(15)?,
        created_at: r.get(16)?,
        updated_at: r.get(17)?,
        platform_data: r
            .get::<_, Option<String>>(18)?
            .and_then(|d| serde_json::from_str(&d).ok()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_moves_only_along_its_life() {
        use ListingStatus::*;
        for from in ListingStatus::ALL {
            for to in ListingStatus::ALL {
                let allowed = from.check_move(to, "Lamp", Platform::Ebay).is_ok();
                assert_eq!(allowed, from.next().contains(&to), "{from:?} -> {to:?}");
            }
            assert!(!from.next().contains(&Draft) || from == Draft);
        }
        let e = Sold.check_move(Active, "Lamp", Platform::Etsy).unwrap_err();
        assert_eq!(e.detail_code(), "status_transition");
        assert_eq!(
            e.to_string(),
            "the Etsy listing of 'Lamp' is sold; it can't become active (it can become pending)"
        );
        assert!(Pending.is_live() && Active.is_live() && !Ended.is_live());
    }
}

//! A sale: one order of one or more items (a bundle is one sale of
//! several), and the life it goes through.

use rusqlite::Row;
use serde::{Deserialize, Serialize};
use trove_core::money::Money;
use trove_core::{Error, Result};

use crate::fields::stored_money;
use crate::platform::Platform;

/// Where a sale is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SaleStatus {
    /// Ordered; its units are committed.
    Pending,
    /// Paid, or accepted by the seller; still to ship.
    Confirmed,
    /// Out of the door: its units have left the stock.
    Shipped,
    Delivered,
    /// Called off before it shipped: its units are free again.
    Cancelled,
    /// Every unit came back.
    Returned,
}

impl SaleStatus {
    pub const ALL: [SaleStatus; 6] = [
        SaleStatus::Pending,
        SaleStatus::Confirmed,
        SaleStatus::Shipped,
        SaleStatus::Delivered,
        SaleStatus::Cancelled,
        SaleStatus::Returned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SaleStatus::Pending => "pending",
            SaleStatus::Confirmed => "confirmed",
            SaleStatus::Shipped => "shipped",
            SaleStatus::Delivered => "delivered",
            SaleStatus::Cancelled => "cancelled",
            SaleStatus::Returned => "returned",
        }
    }

    pub(crate) fn stored(text: &str) -> SaleStatus {
        SaleStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .unwrap_or(SaleStatus::Pending)
    }

    /// True while the sale holds committed units: sold, not yet shipped.
    pub fn to_ship(self) -> bool {
        matches!(self, SaleStatus::Pending | SaleStatus::Confirmed)
    }

    /// The statuses a sale may move to from this one.
    pub fn next(self) -> &'static [SaleStatus] {
        use SaleStatus::*;
        match self {
            Pending => &[Confirmed, Shipped, Cancelled],
            Confirmed => &[Shipped, Cancelled],
            Shipped => &[Delivered, Returned],
            Delivered => &[Returned],
            Cancelled | Returned => &[],
        }
    }

    /// Checks a move, or says why it is refused.
    pub fn check_move(self, to: SaleStatus, order: &str) -> Result<()> {
        if self.next().contains(&to) {
            return Ok(());
        }
        let then = match self.next() {
            [] => "nothing more can happen to it".to_string(),
            next => format!(
                "it can become {}",
                next.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        };
        Err(Error::invalid(
            "status",
            to.as_str(),
            "status_transition",
            format!(
                "sale {order} is {}; it can't become {} ({then})",
                self.as_str(),
                to.as_str()
            ),
        ))
    }
}

/// One item of a sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SaleLine {
    pub item_id: String,
    pub title: String,
    pub quantity: i64,
    /// Units of this line that came back.
    pub returned: i64,
}

/// A sale as read back.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Sale {
    pub id: String,
    pub platform: Platform,
    pub platform_order_id: Option<String>,
    pub listing_id: Option<String>,
    pub buyer: Option<String>,
    /// What the buyer paid for the items.
    pub price: Money,
    /// What the buyer paid for shipping.
    pub shipping: Money,
    /// Sales tax collected (shown, not income).
    pub tax: Money,
    /// Given back to the buyer (a return, or a partial refund).
    pub refunded: Money,
    pub status: SaleStatus,
    pub carrier: Option<String>,
    pub tracking: Option<String>,
    pub sold_at: String,
    pub shipped_at: Option<String>,
    pub lines: Vec<SaleLine>,
}

impl Sale {
    /// How people refer to it: the platform's order number, else its id.
    pub fn order(&self) -> String {
        match &self.platform_order_id {
            Some(o) => format!("{} on {}", o, self.platform),
            None => format!("{} on {}", self.id, self.platform),
        }
    }
}

/// One line of a sale as typed: an item (id, SKU or barcode) and how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LineInput {
    pub item: String,
    pub quantity: i64,
}

/// A sale as a person (or an order file) states it: text, read by the
/// core's rules. Shipping and tax are in the price's currency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct SaleInput {
    pub platform: String,
    /// The platform's order number: recording the same one twice changes
    /// nothing.
    pub order_id: Option<String>,
    pub buyer: Option<String>,
    pub lines: Vec<LineInput>,
    /// `12.50`, or `12.50 EUR`.
    pub price: String,
    pub shipping: Option<String>,
    pub tax: Option<String>,
}

pub(crate) const SALE_SELECT: &str = "SELECT id, platform, platform_order_id, listing_id, buyer,
    currency, sale_amount, shipping_amount, tax_amount, refund_amount, status, carrier, tracking,
    sold_at, shipped_at FROM sales";

/// A sale's row, without its lines (read separately).
pub(crate) fn sale_from_row(r: &Row<'_>) -> rusqlite::Result<Sale> {
    let code: String = r.get(5)?;
    let m = |i: usize| -> rusqlite::Result<Money> { stored_money(r.get(i)?, &code, 5) };
    Ok(Sale {
        id: r.get(0)?,
        platform: Platform::stored(&r.get::<_, String>(1)?),
        platform_order_id: r.get(2)?,
        listing_id: r.get(3)?,
        buyer: r.get(4)?,
        price: m(6)?,
        shipping: m(7)?,
        tax: m(8)?,
        refunded: m(9)?,
        status: SaleStatus::stored(&r.get::<_, String>(10)?),
        carrier: r.get(11)?,
        tracking: r.get(12)?,
        sold_at: r.get(13)?,
        shipped_at: r.get(14)?,
        lines: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sale_moves_only_along_its_life() {
        use SaleStatus::*;
        assert!(Pending.check_move(Shipped, "A-1").is_ok());
        let e = Shipped.check_move(Cancelled, "A-1 on eBay").unwrap_err();
        assert_eq!(
            e.to_string(),
            "sale A-1 on eBay is shipped; it can't become cancelled (it can become delivered or returned)"
        );
        let e = Returned.check_move(Shipped, "A-1").unwrap_err();
        assert!(
            e.to_string().contains("nothing more can happen to it"),
            "{e}"
        );
        assert!(Pending.to_ship() && Confirmed.to_ship() && !Shipped.to_ship());
    }
}

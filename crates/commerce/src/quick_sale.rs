//! "Mark sold": what the quick sale form starts with for an item, from its
//! listing (the platform it is live on, the price asked there), so a sale
//! made in person or off a listing is two keystrokes.

use serde::Serialize;
use trove_core::money::Money;
use trove_core::stock::stock_of;
use trove_core::Result;

use crate::listing::{listing_from_row, LISTING_SELECT};
use crate::platform::Platform;
use crate::shop::live_item;

/// The quick sale form's starting values for one item.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct SaleDefaults {
    pub item_id: String,
    pub title: String,
    pub sku: Option<String>,
    /// Units free to sell (on hand less those committed to unshipped sales).
    pub available: i64,
    /// True for a stack (or a card with copies): the form asks how many.
    pub asks_quantity: bool,
    /// The platform of its live listing (the newest, active before
    /// pending), if any.
    pub platform: Option<Platform>,
    /// That listing's price, else the item's.
    pub price: Option<Money>,
}

impl crate::Shop<'_> {
    /// What "Mark sold" offers for an item (id, SKU or barcode).
    pub fn sale_defaults(&self, key: &str) -> Result<SaleDefaults> {
        self.store().read(|conn| {
            let item = live_item(conn, key)?;
            let available = stock_of(conn, &item.id)?.map_or(0, |s| s.available);
            let listing = conn
                .prepare_cached(&format!(
                    "{LISTING_SELECT} WHERE item_id = ?1 AND status IN ('active', 'pending')
                     ORDER BY status = 'active' DESC, listed_at DESC, created_at DESC LIMIT 1"
                ))?
                .query_map([&item.id], listing_from_row)?
                .next()
                .transpose()?;
            Ok(SaleDefaults {
                asks_quantity: item.fields.quantity > 1,
                platform: listing.as_ref().map(|l| l.platform),
                price: listing.as_ref().and_then(|l| l.price).or(item.fields.price),
                available,
                sku: item.fields.sku.clone(),
                title: item.fields.title.clone(),
                item_id: item.id,
            })
        })
    }
}

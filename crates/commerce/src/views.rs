//! The listings views across items, a page at a time (keyset paging, so a
//! page costs the same at the millionth listing as at the first): every
//! listing filtered by platform and status, stale listings, listings of
//! items with no unit left, and items in stock but listed nowhere.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use trove_core::money::Money;
use trove_core::Result;

use crate::fields::stored_money;
use crate::listing::{listing_from_row, Listing, ListingStatus};
use crate::platform::Platform;

/// Which listings a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "view", rename_all = "snake_case")]
pub enum ListingView {
    /// Every listing, newest first.
    All,
    /// Active listings listed more than `days` ago, the oldest first.
    Stale { days: u32 },
    /// Live listings of items with no unit available: to end, or to find.
    WithoutStock,
}

/// A page request. `after` is the `next` of the page before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ListingQuery {
    pub view: ListingView,
    pub platform: Option<Platform>,
    pub status: Option<ListingStatus>,
    pub after: Option<String>,
    pub limit: usize,
}

impl Default for ListingQuery {
    fn default() -> Self {
        ListingQuery {
            view: ListingView::All,
            platform: None,
            status: None,
            after: None,
            limit: 50,
        }
    }
}

/// A listing with what the view shows of its item.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ListingRow {
    pub listing: Listing,
    pub title: String,
    pub sku: Option<String>,
    pub location: Option<String>,
    pub available: i64,
    /// The item's own price: what the listing asks when it sets none.
    pub item_price: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ListingPage {
    pub rows: Vec<ListingRow>,
    /// Where the next page starts; none on the last.
    pub next: Option<String>,
}

/// An item in stock that no platform shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct UnlistedItem {
    pub item_id: String,
    pub title: String,
    pub sku: Option<String>,
    pub location: Option<String>,
    pub available: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct UnlistedPage {
    pub items: Vec<UnlistedItem>,
    pub next: Option<String>,
}

const ROW_COLUMNS: &str = "SELECT l.id, l.item_id, l.platform, l.status, l.title, l.description,
    l.price_amount, l.price_currency, l.shipping_amount, l.shipping_currency, l.platform_listing_id, l.url,
    l.listed_at, l.sold_at, l.ended_at, l.last_error, l.created_at, l.updated_at, l.platform_data,
    i.title, i.sku, i.location, i.quantity - i.committed, l.seq, i.seq, i.price_amount, i.price_currency";

pub(crate) fn listings(conn: &Connection, q: &ListingQuery) -> Result<ListingPage> {
    let limit = q.limit.clamp(1, 500);
    let mut conds: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let arg = |v: Value, args: &mut Vec<Value>| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(p) = q.platform {
        let a = arg(Value::Text(p.as_str().into()), &mut args);
        conds.push(format!("l.platform = {a}"));
    }
    if let Some(s) = q.status {
        let a = arg(Value::Text(s.as_str().into()), &mut args);
        conds.push(format!("l.status = {a}"));
    }
    // (cursor key, ORDER BY) per view; the cursor is the last row's keys.
    let order = match q.view {
        ListingView::All => {
            if let Some(after) = q.after.as_deref().and_then(|a| a.parse::<i64>().ok()) {
                let a = arg(Value::Integer(after), &mut args);
                conds.push(format!("l.seq < {a}"));
            }
            "l.seq DESC"
        }
        ListingView::Stale { days } => {
            conds.push("l.status = 'active'".into());
            let c = arg(Value::Text(crate::fields::days_ago(days)), &mut args);
            conds.push(format!("l.listed_at < {c}"));
            if let Some((at, seq)) = q.after.as_deref().and_then(|a| a.split_once('|')) {
                let at = arg(Value::Text(at.into()), &mut args);
                let seq = arg(Value::Integer(seq.parse().unwrap_or(0)), &mut args);
                conds.push(format!("(l.listed_at, l.seq) > ({at}, {seq})"));
            }
            "l.listed_at, l.seq"
        }
        ListingView::WithoutStock => {
            conds.push("i.live_listings > 0 AND i.quantity <= i.committed".into());
            conds.push("l.status IN ('pending', 'active')".into());
            if let Some((item, seq)) = q.after.as_deref().and_then(|a| a.split_once('|')) {
                let item = arg(Value::Integer(item.parse().unwrap_or(0)), &mut args);
                let seq = arg(Value::Integer(seq.parse().unwrap_or(0)), &mut args);
                conds.push(format!("(i.seq, l.seq) > ({item}, {seq})"));
            }
            "i.seq, l.seq"
        }
    };
    let lim = arg(Value::Integer(limit as i64 + 1), &mut args);
    // Each stock view is driven from its own small index; the planner,
    // not knowing the cutoff, would rather walk every active listing.
    let from = match q.view {
        ListingView::WithoutStock => {
            "FROM items i INDEXED BY items_listed_without_stock JOIN listings l ON l.item_id = i.id"
        }
        ListingView::Stale { .. } => {
            "FROM listings l INDEXED BY listings_stale JOIN items i ON i.id = l.item_id"
        }
        ListingView::All => "FROM listings l JOIN items i ON i.id = l.item_id",
    };
    let filter = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    let sql = format!("{ROW_COLUMNS} {from} {filter} ORDER BY {order} LIMIT {lim}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows: Vec<(ListingRow, String)> = stmt
        .query_map(params_from_iter(args.iter()), |r| {
            let listing = listing_from_row(r)?;
            let (lseq, iseq): (i64, i64) = (r.get(23)?, r.get(24)?);
            let key = match q.view {
                ListingView::All => lseq.to_string(),
                ListingView::Stale { .. } => {
                    format!("{}|{lseq}", listing.listed_at.clone().unwrap_or_default())
                }
                ListingView::WithoutStock => format!("{iseq}|{lseq}"),
            };
            Ok((
                ListingRow {
                    listing,
                    title: r.get(19)?,
                    sku: r.get(20)?,
                    location: r.get(21)?,
                    available: r.get(22)?,
                    item_price: match (
                        r.get::<_, Option<i64>>(25)?,
                        r.get::<_, Option<String>>(26)?,
                    ) {
                        (Some(amount), Some(code)) => Some(stored_money(amount, &code, 25)?),
                        _ => None,
                    },
                },
                key,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let next = (rows.len() > limit).then(|| {
        rows.truncate(limit);
        rows.last().map(|(_, k)| k.clone()).unwrap_or_default()
    });
    Ok(ListingPage {
        rows: rows.into_iter().map(|(r, _)| r).collect(),
        next,
    })
}

pub(crate) fn unlisted(
    conn: &Connection,
    after: Option<&str>,
    limit: usize,
) -> Result<UnlistedPage> {
    let limit = limit.clamp(1, 500);
    let after: i64 = after.and_then(|a| a.parse().ok()).unwrap_or(0);
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, sku, location, quantity - committed, seq FROM items INDEXED BY items_unlisted
         WHERE live_listings = 0 AND quantity > committed AND deleted_at IS NULL AND seq > ?1
         ORDER BY seq LIMIT ?2",
    )?;
    let mut rows: Vec<(UnlistedItem, i64)> = stmt
        .query_map(rusqlite::params![after, limit as i64 + 1], |r| {
            Ok((
                UnlistedItem {
                    item_id: r.get(0)?,
                    title: r.get(1)?,
                    sku: r.get(2)?,
                    location: r.get(3)?,
                    available: r.get(4)?,
                },
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let next = (rows.len() > limit).then(|| {
        rows.truncate(limit);
        rows.last().map(|(_, s)| s.to_string()).unwrap_or_default()
    });
    Ok(UnlistedPage {
        items: rows.into_iter().map(|(i, _)| i).collect(),
        next,
    })
}

impl crate::Shop<'_> {
    /// A page of a listings view.
    pub fn listings(&self, query: &ListingQuery) -> Result<ListingPage> {
        self.store().read(|conn| listings(conn, query))
    }

    /// A page of the items in stock that no platform shows, oldest first.
    pub fn unlisted(&self, after: Option<&str>, limit: usize) -> Result<UnlistedPage> {
        self.store().read(|conn| unlisted(conn, after, limit))
    }
}

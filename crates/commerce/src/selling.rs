//! Recording sales and what follows from them: committed units, the other
//! listings ended or told the new quantity, shipping, cancelling, returns.
//! Every stock change goes through the core's ledger (`stock::apply`), which
//! refuses to commit a unit that is not available: of two sales of the last
//! unit, whichever commits second is refused and becomes a notification.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;
use trove_core::items::{find_item, move_within};
use trove_core::money::Money;
use trove_core::stock::{self, Cause, Reason};
use trove_core::{activity, Error, Result, Store};
use trove_store::{new_id, now};

use crate::fields::{blank_none, gather};
use crate::listing::{listing_from_row, ListingStatus, LISTING_SELECT};
use crate::notify;
use crate::outbox::{self, OutboxKind};
use crate::platform::Platform;
use crate::sale::{sale_from_row, Sale, SaleInput, SaleLine, SaleStatus, SALE_SELECT};
use crate::shop;

/// A sale's input after its text was read.
struct ReadSale {
    platform: Platform,
    order_id: Option<String>,
    buyer: Option<String>,
    price: Money,
    shipping: Money,
    tax: Money,
}

fn read_input(store: &Store, input: &SaleInput) -> Result<ReadSale> {
    let mut errors = Vec::new();
    let platform = gather(Platform::parse(&input.platform), &mut errors)?;
    let mut amount = |field: &'static str, text: Option<&str>| -> Result<Option<Money>> {
        Ok(gather(store.typed_money(field, text.unwrap_or("")), &mut errors)?.flatten())
    };
    let price = amount("price", Some(&input.price))?;
    let shipping = amount("shipping", input.shipping.as_deref())?;
    let tax = amount("tax", input.tax.as_deref())?;
    if price.is_none() && input.price.trim().is_empty() {
        errors.push(trove_core::FieldError::new(
            "price",
            "",
            "price_required",
            "a sale needs the price the buyer paid",
        ));
    }
    if let Some(p) = price {
        for (field, m) in [("shipping", shipping), ("tax", tax)] {
            if let Some(m) = m.filter(|m| m.currency != p.currency) {
                errors.push(trove_core::FieldError::new(
                    field,
                    m.to_decimal_string(),
                    "currency_mismatch",
                    format!(
                        "{field} must be in the sale's currency, {}, not {}",
                        p.currency.code(),
                        m.currency.code()
                    ),
                ));
            }
        }
    }
    if input.lines.is_empty() {
        errors.push(trove_core::FieldError::new(
            "lines",
            "",
            "lines_required",
            "a sale needs at least one item",
        ));
    }
    for line in &input.lines {
        if line.quantity <= 0 {
            errors.push(trove_core::FieldError::new(
                "quantity",
                line.quantity.to_string(),
                "quantity_invalid",
                format!("sell at least 1 of '{}', not {}", line.item, line.quantity),
            ));
        }
    }
    match (platform, price) {
        (Some(platform), Some(price)) if errors.is_empty() => Ok(ReadSale {
            platform,
            order_id: blank_none(input.order_id.as_deref()),
            buyer: blank_none(input.buyer.as_deref()),
            price,
            shipping: shipping.unwrap_or(Money::new(0, price.currency)),
            tax: tax.unwrap_or(Money::new(0, price.currency)),
        }),
        _ => Err(Error::Invalid(errors)),
    }
}

pub(crate) fn sale_by_id(conn: &Connection, id: &str) -> Result<Sale> {
    let mut sale = conn
        .prepare_cached(&format!("{SALE_SELECT} WHERE id = ?1"))?
        .query_row([id.trim()], sale_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("sale", id))?;
    sale.lines = lines_of(conn, &sale.id)?;
    Ok(sale)
}

fn lines_of(conn: &Connection, sale_id: &str) -> Result<Vec<SaleLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT si.item_id, i.title, si.quantity, si.returned FROM sale_items si
         JOIN items i ON i.id = si.item_id WHERE si.sale_id = ?1 ORDER BY i.title",
    )?;
    let rows = stmt.query_map([sale_id], |r| {
        Ok(SaleLine {
            item_id: r.get(0)?,
            title: r.get(1)?,
            quantity: r.get(2)?,
            returned: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn by_order(conn: &Connection, platform: Platform, order: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM sales WHERE platform = ?1 AND platform_order_id = ?2")?
        .query_row(params![platform.as_str(), order], |r| r.get(0))
        .optional()?)
}

/// The newest unshipped sale holding units of the item: the one that won
/// when a later sale finds none left.
fn holder(conn: &Connection, item_id: &str, except: &str) -> Result<Option<Sale>> {
    let id: Option<String> = conn
        .prepare_cached(
            "SELECT s.id FROM sales s JOIN sale_items si ON si.sale_id = s.id
             WHERE si.item_id = ?1 AND s.id <> ?2 AND s.status IN ('pending', 'confirmed')
             ORDER BY s.seq DESC LIMIT 1",
        )?
        .query_row([item_id, except], |r| r.get(0))
        .optional()?;
    id.map(|id| sale_by_id(conn, &id)).transpose()
}

/// After an item's available units changed: with none left, every live
/// listing but `sold_on` ends (and the marketplace is told); with some
/// left, each is told the new quantity.
/// `available` is the item's stock after the change, as `stock::apply`
/// returned it. Returns the platforms whose listings it ended.
fn follow_stock(
    conn: &Connection,
    item_id: &str,
    available: i64,
    sold_on: Option<Platform>,
) -> Result<Vec<Platform>> {
    let mut ended = Vec::new();
    let listings: Vec<_> = conn
        .prepare_cached(&format!(
            "{LISTING_SELECT} WHERE item_id = ?1 AND status IN ('pending', 'active', 'error')"
        ))?
        .query_map([item_id], listing_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    for listing in listings {
        let sold_here = Some(listing.platform) == sold_on
            && listing.status.next().contains(&ListingStatus::Sold);
        if sold_here && available == 0 {
            shop::set_status(conn, &listing.id, ListingStatus::Sold)?;
        } else if available == 0 {
            shop::set_status(conn, &listing.id, ListingStatus::Ended)?;
            ended.push(listing.platform);
        } else if listing.status.is_live() {
            outbox::enqueue(
                conn,
                listing.platform,
                OutboxKind::UpdateQuantity,
                &listing.id,
                json!({ "platform_listing_id": listing.platform_listing_id, "quantity": available }),
            )?;
        }
    }
    Ok(ended)
}

/// The notification of a new sale: what to ship, and which other listings
/// now wait to be ended (by the sync worker, or by hand from the
/// checklist), so nothing sells twice while they do.
fn announce_sale(conn: &Connection, sale: &Sale, ended: &[Platform]) -> Result<()> {
    let what = match sale.lines.as_slice() {
        [line] if line.quantity == 1 => format!("'{}'", line.title),
        [line] => format!("{} × '{}'", line.quantity, line.title),
        lines => format!("a bundle of {} items", lines.len()),
    };
    let mut message = format!(
        "sold {what}, order {}: ready to pick and ship",
        sale.order()
    );
    if !ended.is_empty() {
        let names: Vec<&str> = ended.iter().map(|p| p.name()).collect();
        let s = if ended.len() == 1 { "" } else { "s" };
        message.push_str(&format!(
            "; its listing{s} on {} wait{} to be ended",
            names.join(", "),
            if ended.len() == 1 { "s" } else { "" }
        ));
    }
    notify::add(conn, "sale", Some(("sale", &sale.id)), &message)
}

/// A notification when a sale took the item to its low-stock threshold
/// or below (the threshold is the item's own; none, no warning).
fn warn_low_stock(conn: &Connection, item: &trove_core::Item, available: i64) -> Result<()> {
    let Some(threshold) = item.fields.low_stock_threshold else {
        return Ok(());
    };
    if available <= threshold {
        notify::add(
            conn,
            "low_stock",
            Some(("item", &item.id)),
            &format!(
                "'{}' is down to {available} available (its low-stock threshold is {threshold})",
                item.fields.title
            ),
        )?;
    }
    Ok(())
}

fn log_status(conn: &Connection, sale: &Sale, to: SaleStatus) -> Result<()> {
    activity::log(
        conn,
        "status",
        "sale",
        &sale.id,
        None,
        Some(json!({ "status": sale.status })),
        Some(json!({ "status": to })),
    )?;
    Ok(())
}

fn set_sale_status(conn: &Connection, id: &str, to: SaleStatus, extra: &str) -> Result<()> {
    conn.execute(
        &format!("UPDATE sales SET status = ?2, {extra} updated_at = ?3 WHERE id = ?1"),
        params![id, to.as_str(), now()],
    )?;
    Ok(())
}

/// What [`Shop::record_sale`] did.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct Recorded {
    pub sale: Sale,
    /// False when this order was recorded before: nothing changed.
    pub new: bool,
}

impl crate::Shop<'_> {
    /// Records a sale: commits its units, marks the listing it came from
    /// sold once nothing is left, and ends (or updates) every other
    /// listing of its items. The same platform order recorded again changes
    /// nothing. A sale of a unit another sale already holds is refused
    /// with the item and the sale that won named, and left as a
    /// notification to settle by hand.
    pub fn record_sale(&self, input: &SaleInput) -> Result<Recorded> {
        let read = read_input(self.store(), input)?;
        let result = self.store().write(|tx| record(tx, &read, input));
        if let Err(Error::Invalid(fields)) = &result {
            if let Some(short) = fields.iter().find(|f| f.code == "stock_short") {
                let message = short.message.clone();
                let order = read
                    .order_id
                    .clone()
                    .unwrap_or_else(|| "(no order number)".into());
                let platform = read.platform;
                self.store().write(|tx| {
                    notify::add(
                        tx,
                        "double_sale",
                        None,
                        &format!(
                            "order {order} on {platform} could not be recorded: {message}; refund the buyer or offer a substitute"
                        ),
                    )
                })?;
            }
        }
        result
    }

    /// The sale with this id.
    pub fn sale(&self, id: &str) -> Result<Sale> {
        self.store().read(|conn| sale_by_id(conn, id))
    }

    /// Sales, newest first, at most `limit`.
    pub fn sales(&self, limit: usize) -> Result<Vec<Sale>> {
        self.store().read(|conn| {
            let ids: Vec<String> = conn
                .prepare_cached("SELECT id FROM sales ORDER BY sold_at DESC, seq DESC LIMIT ?1")?
                .query_map([limit as i64], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.iter().map(|id| sale_by_id(conn, id)).collect()
        })
    }

    /// Sold, not yet shipped, oldest first: the To ship queue.
    pub fn to_ship(&self, limit: usize) -> Result<Vec<Sale>> {
        self.store().read(|conn| {
            let ids: Vec<String> = conn
                .prepare_cached(
                    "SELECT id FROM sales WHERE status IN ('pending', 'confirmed')
                     ORDER BY sold_at, seq LIMIT ?1",
                )?
                .query_map([limit as i64], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.iter().map(|id| sale_by_id(conn, id)).collect()
        })
    }

    /// Ships a sale: its units leave the stock and are no longer committed.
    pub fn ship(&self, id: &str, carrier: Option<&str>, tracking: Option<&str>) -> Result<Sale> {
        self.store().write(|tx| {
            let sale = sale_by_id(tx, id)?;
            sale.status.check_move(SaleStatus::Shipped, &sale.order())?;
            for line in &sale.lines {
                stock::apply(
                    tx,
                    &line.item_id,
                    -line.quantity,
                    -line.quantity,
                    Reason::Shipped,
                    Some(cause(&sale.id)),
                )?;
            }
            let (carrier, tracking) = (blank_none(carrier), blank_none(tracking));
            tx.execute(
                "UPDATE sales SET carrier = coalesce(?2, carrier), tracking = coalesce(?3, tracking),
                    shipped_at = ?4 WHERE id = ?1",
                params![sale.id, carrier, tracking, now()],
            )?;
            set_sale_status(tx, &sale.id, SaleStatus::Shipped, "")?;
            log_status(tx, &sale, SaleStatus::Shipped)?;
            sale_by_id(tx, &sale.id)
        })
    }

    /// Cancels a sale that has not shipped: its units are free again, and
    /// the item's live listings are told how many there are.
    pub fn cancel(&self, id: &str) -> Result<Sale> {
        self.store().write(|tx| {
            let sale = sale_by_id(tx, id)?;
            sale.status
                .check_move(SaleStatus::Cancelled, &sale.order())?;
            let mut after = Vec::with_capacity(sale.lines.len());
            for line in &sale.lines {
                let stock = stock::apply(
                    tx,
                    &line.item_id,
                    0,
                    -line.quantity,
                    Reason::Cancelled,
                    Some(cause(&sale.id)),
                )?;
                after.push((&line.item_id, stock.available));
            }
            set_sale_status(tx, &sale.id, SaleStatus::Cancelled, "")?;
            log_status(tx, &sale, SaleStatus::Cancelled)?;
            for (item_id, available) in after {
                follow_stock(tx, item_id, available, None)?;
            }
            sale_by_id(tx, &sale.id)
        })
    }

    /// Takes back units of a shipped sale (every unit when `lines` is
    /// empty) onto the stock, with a refund (none when not given), onto the
    /// shelf `to` (a location code or path) or else the item's own. When
    /// every unit is back the sale is returned.
    pub fn return_units(
        &self,
        id: &str,
        lines: &[crate::sale::LineInput],
        refund: Option<&str>,
        to: Option<&str>,
    ) -> Result<Sale> {
        let to = blank_none(to);
        let refund = match refund {
            Some(text) => self.store().typed_money("refund", text)?,
            None => None,
        };
        self.store().write(|tx| {
            let sale = sale_by_id(tx, id)?;
            if !matches!(sale.status, SaleStatus::Shipped | SaleStatus::Delivered) {
                sale.status.check_move(SaleStatus::Returned, &sale.order())?;
            }
            let mut back: Vec<(String, i64)> = Vec::new();
            if lines.is_empty() {
                for l in &sale.lines {
                    back.push((l.item_id.clone(), l.quantity - l.returned));
                }
            } else {
                for wanted in lines {
                    let item = find_item(tx, &wanted.item)?
                        .ok_or_else(|| Error::not_found("item", &wanted.item))?;
                    let line = sale.lines.iter().find(|l| l.item_id == item.id).ok_or_else(|| {
                        Error::invalid(
                            "item",
                            &wanted.item,
                            "not_in_sale",
                            format!("'{}' is not part of sale {}", item.fields.title, sale.order()),
                        )
                    })?;
                    if wanted.quantity <= 0 || wanted.quantity > line.quantity - line.returned {
                        return Err(Error::invalid(
                            "quantity",
                            wanted.quantity.to_string(),
                            "quantity_invalid",
                            format!(
                                "{} of '{}' can still come back from sale {}, not {}",
                                line.quantity - line.returned,
                                line.title,
                                sale.order(),
                                wanted.quantity
                            ),
                        ));
                    }
                    back.push((item.id, wanted.quantity));
                }
            }
            let mut restocked = Vec::with_capacity(back.len());
            for (item_id, n) in back.iter().filter(|(_, n)| *n > 0) {
                let stock = stock::apply(tx, item_id, *n, 0, Reason::Returned, Some(cause(&sale.id)))?;
                tx.execute(
                    "UPDATE sale_items SET returned = returned + ?3 WHERE sale_id = ?1 AND item_id = ?2",
                    params![sale.id, item_id, n],
                )?;
                // Onto another shelf: the units that came back move there
                // (a part of a stack splits off, as any move of it does).
                let Some(to) = to.as_deref() else {
                    restocked.push((item_id.clone(), stock.available));
                    continue;
                };
                let moved = move_within(tx, item_id, to, Some(*n))?;
                if moved.id == *item_id {
                    restocked.push((item_id.clone(), stock.available));
                } else {
                    let rest = stock::stock_of(tx, item_id)?.map_or(0, |s| s.available);
                    restocked.push((item_id.clone(), rest));
                    restocked.push((moved.id, moved.fields.quantity));
                }
            }
            if let Some(r) = refund {
                if r.currency != sale.price.currency {
                    return Err(Error::invalid(
                        "refund",
                        r.to_decimal_string(),
                        "currency_mismatch",
                        format!("the refund must be in {}", sale.price.currency.code()),
                    ));
                }
                tx.execute(
                    "UPDATE sales SET refund_amount = refund_amount + ?2 WHERE id = ?1",
                    params![sale.id, r.amount],
                )?;
            }
            let after = sale_by_id(tx, &sale.id)?;
            if after.lines.iter().all(|l| l.returned == l.quantity) {
                set_sale_status(tx, &sale.id, SaleStatus::Returned, "")?;
                log_status(tx, &sale, SaleStatus::Returned)?;
            } else {
                activity::log(tx, "return", "sale", &sale.id, None, None, Some(json!({ "returned": back })))?;
            }
            for (item_id, available) in &restocked {
                follow_stock(tx, item_id, *available, None)?;
            }
            sale_by_id(tx, &sale.id)
        })
    }
}

fn cause(sale_id: &str) -> Cause<'_> {
    Cause {
        record_type: "sale",
        record_id: sale_id,
    }
}

fn record(tx: &Connection, read: &ReadSale, input: &SaleInput) -> Result<Recorded> {
    if let Some(order) = &read.order_id {
        if let Some(id) = by_order(tx, read.platform, order)? {
            return Ok(Recorded {
                sale: sale_by_id(tx, &id)?,
                new: false,
            });
        }
    }
    // Every line's item, merged when the same item is named twice.
    let mut lines: Vec<(trove_core::Item, i64)> = Vec::new();
    for line in &input.lines {
        let item =
            find_item(tx, &line.item)?.ok_or_else(|| Error::not_found("item", &line.item))?;
        if item.deleted_at.is_some() {
            return Err(Error::InTrash {
                title: item.fields.title,
            });
        }
        match lines.iter_mut().find(|(i, _)| i.id == item.id) {
            Some((_, q)) => *q += line.quantity,
            None => lines.push((item, line.quantity)),
        }
    }
    let listing_id: Option<String> = match lines.as_slice() {
        [(item, _)] => tx
            .prepare_cached("SELECT id FROM listings WHERE item_id = ?1 AND platform = ?2")?
            .query_row(params![item.id, read.platform.as_str()], |r| r.get(0))
            .optional()?,
        _ => None,
    };
    let id = new_id();
    let t = now();
    tx.prepare_cached(
        "INSERT INTO sales (id, platform, platform_order_id, listing_id, buyer, currency, sale_amount,
            shipping_amount, tax_amount, status, sold_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending', ?10, ?10, ?10)",
    )?
    .execute(params![
        id,
        read.platform.as_str(),
        read.order_id,
        listing_id,
        read.buyer,
        read.price.currency.code(),
        read.price.amount,
        read.shipping.amount,
        read.tax.amount,
        t
    ])?;
    let mut after = Vec::with_capacity(lines.len());
    for (item, quantity) in &lines {
        tx.prepare_cached(
            "INSERT INTO sale_items (sale_id, item_id, quantity) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, item.id, quantity])?;
        match stock::apply(tx, &item.id, 0, *quantity, Reason::Sold, Some(cause(&id))) {
            Ok(stock) => after.push((item, stock.available)),
            Err(e) => return Err(name_the_winner(tx, e, &item.id, &id)?),
        }
    }
    let mut ended = Vec::new();
    for (item, available) in after {
        for platform in follow_stock(tx, &item.id, available, Some(read.platform))? {
            if !ended.contains(&platform) {
                ended.push(platform);
            }
        }
        warn_low_stock(tx, item, available)?;
    }
    let sale = sale_by_id(tx, &id)?;
    announce_sale(tx, &sale, &ended)?;
    activity::log(
        tx,
        "create",
        "sale",
        &id,
        None,
        None,
        serde_json::to_value(&sale).ok(),
    )?;
    Ok(Recorded { sale, new: true })
}

/// A refused commit, with the sale that holds the units named.
fn name_the_winner(tx: &Connection, e: Error, item_id: &str, sale_id: &str) -> Result<Error> {
    let Error::Invalid(mut fields) = e else {
        return Ok(e);
    };
    if let (Some(f), Some(won)) = (fields.first_mut(), holder(tx, item_id, sale_id)?) {
        f.message = format!("{}; sale {} holds it", f.message, won.order());
    }
    Ok(Error::Invalid(fields))
}

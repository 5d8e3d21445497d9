//! `Shop`: selling's operations on one store.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;
use trove_core::items::find_item;
use trove_core::money::Money;
use trove_core::stock::stock_of;
use trove_core::{activity, Error, Item, Result, Store};
use trove_store::{new_id, now};

use crate::fields::{blank_none, gather};
use crate::listing::{listing_from_row, Listing, ListingInput, ListingStatus, LISTING_SELECT};
use crate::outbox::{self, OutboxJob, OutboxKind};
use crate::platform::Platform;

/// Selling on one store: `Shop::new(&store).list("SKU-1", Platform::Ebay, &input)`.
#[derive(Debug, Clone, Copy)]
pub struct Shop<'a> {
    store: &'a Store,
}

/// A listing's fields after a form's text was read.
pub(crate) struct Overrides {
    pub title: Option<String>,
    pub description: Option<String>,
    pub price: Option<Money>,
    pub shipping: Option<Money>,
}

impl<'a> Shop<'a> {
    pub fn new(store: &'a Store) -> Shop<'a> {
        Shop { store }
    }

    pub(crate) fn store(&self) -> &'a Store {
        self.store
    }

    /// Reads a form over `base`, naming every wrong field at once.
    pub(crate) fn read_input(
        &self,
        base: Option<&Listing>,
        input: &ListingInput,
    ) -> Result<Overrides> {
        let mut out = Overrides {
            title: base.and_then(|b| b.title.clone()),
            description: base.and_then(|b| b.description.clone()),
            price: base.and_then(|b| b.price),
            shipping: base.and_then(|b| b.shipping),
        };
        if let Some(t) = &input.title {
            out.title = blank_none(Some(t));
        }
        if let Some(d) = &input.description {
            out.description = blank_none(Some(d));
        }
        let mut errors = Vec::new();
        for (field, typed, slot) in [
            ("price", &input.price, &mut out.price),
            ("shipping", &input.shipping, &mut out.shipping),
        ] {
            if let Some(typed) = typed {
                if let Some(m) = gather(self.store.typed_money(field, typed), &mut errors)? {
                    *slot = m;
                }
            }
        }
        if out.title.as_ref().is_some_and(|t| t.chars().count() > 200) {
            errors.push(trove_core::FieldError::new(
                "title",
                out.title.clone().unwrap_or_default(),
                "title_too_long",
                "a listing title is at most 200 characters",
            ));
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(Error::Invalid(errors))
        }
    }

    /// Starts a draft listing of the item (id, SKU or barcode) on
    /// `platform`; the form's fields override the item's where set. An item
    /// has at most one listing per platform.
    pub fn list(&self, item: &str, platform: Platform, input: &ListingInput) -> Result<Listing> {
        let fields = self.read_input(None, input)?;
        self.store.write(|tx| {
            let item = live_item(tx, item)?;
            insert_listing(tx, &item, platform, &fields, None)
        })
    }

    /// Changes what a listing says. A live listing on a platform with an
    /// API gets an update job with what it now says.
    pub fn edit(&self, id: &str, input: &ListingInput) -> Result<Listing> {
        let before = self.listing(id)?;
        let fields = self.read_input(Some(&before), input)?;
        self.store.write(|tx| {
            let before = listing_by_id(tx, id)?;
            // Compared field by field: a save that changes nothing writes
            // nothing, not even a new `updated_at` (which would tell the
            // marketplace of a change that is not one).
            if (&before.title, &before.description, before.price, before.shipping)
                == (&fields.title, &fields.description, fields.price, fields.shipping)
            {
                return Ok(before);
            }
            tx.prepare_cached(
                "UPDATE listings SET title = ?2, description = ?3, price_amount = ?4, price_currency = ?5,
                    shipping_amount = ?6, shipping_currency = ?7, updated_at = ?8 WHERE id = ?1",
            )?
            .execute(params![
                id,
                fields.title,
                fields.description,
                fields.price.map(|m| m.amount),
                fields.price.map(|m| m.currency.code().to_string()),
                fields.shipping.map(|m| m.amount),
                fields.shipping.map(|m| m.currency.code().to_string()),
                now()
            ])?;
            let after = listing_by_id(tx, id)?;
            let Some((old, new)) = activity::diff(&before, &after) else {
                return Ok(before);
            };
            activity::log(tx, "update", "listing", id, None, Some(old), Some(new))?;
            if after.status.is_live() {
                let payload = offer_payload(tx, &after)?;
                outbox::enqueue(tx, after.platform, OutboxKind::Update, id, payload)?;
            }
            Ok(after)
        })
    }

    /// Moves a listing to `to`, or refuses a move its life does not allow.
    /// Publishing (to pending) writes the create job; ending a listing a
    /// marketplace may show writes the end job. Every move is logged.
    pub fn set_status(&self, id: &str, to: ListingStatus) -> Result<Listing> {
        self.store.write(|tx| set_status(tx, id, to))
    }

    /// Ends a listing (by hand, or because the item sold elsewhere).
    pub fn end(&self, id: &str) -> Result<Listing> {
        self.set_status(id, ListingStatus::Ended)
    }

    /// Moves an item to the trash and, in the same write, ends every live
    /// listing of it (an end job, or a checklist task where the platform
    /// has no API): nothing in the trash stays for sale. Restoring it
    /// lists nothing again; that is the person's choice.
    pub fn trash_item(&self, key: &str) -> Result<Item> {
        self.store.write(|tx| {
            let item = trove_core::items::trash_in(tx, key)?;
            let live: Vec<String> = tx
                .prepare_cached(
                    "SELECT id FROM listings WHERE item_id = ?1 AND status IN ('pending', 'active', 'error')",
                )?
                .query_map([&item.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in live {
                set_status(tx, &id, ListingStatus::Ended)?;
            }
            Ok(item)
        })
    }

    /// The listing with this id.
    pub fn listing(&self, id: &str) -> Result<Listing> {
        self.store.read(|conn| listing_by_id(conn, id))
    }

    /// An item's listings, one per platform, in platform order.
    pub fn listings_of(&self, item: &str) -> Result<Vec<Listing>> {
        self.store.read(|conn| {
            let item = find_item(conn, item)?.ok_or_else(|| Error::not_found("item", item))?;
            let mut stmt = conn.prepare_cached(&format!("{LISTING_SELECT} WHERE item_id = ?1"))?;
            let mut out: Vec<Listing> = stmt
                .query_map([&item.id], listing_from_row)?
                .collect::<rusqlite::Result<_>>()?;
            out.sort_by_key(|l| Platform::ALL.iter().position(|p| *p == l.platform));
            Ok(out)
        })
    }

    /// The outbox jobs written for one listing, oldest first.
    pub fn jobs_of(&self, listing_id: &str) -> Result<Vec<OutboxJob>> {
        self.store
            .read(|conn| outbox::jobs_of_listing(conn, listing_id))
    }

    /// Jobs waiting for the sync worker, oldest first.
    pub fn outbox(&self, limit: usize) -> Result<Vec<OutboxJob>> {
        self.store.read(|conn| outbox::waiting(conn, limit))
    }
}

/// Writes a draft listing of `item` on `platform`, refusing a second one.
pub(crate) fn insert_listing(
    tx: &Connection,
    item: &Item,
    platform: Platform,
    fields: &Overrides,
    platform_data: Option<serde_json::Value>,
) -> Result<Listing> {
    if let Some(existing) = listing_of(tx, &item.id, platform)? {
        return Err(Error::invalid(
            "platform",
            platform.as_str(),
            "listing_exists",
            format!(
                "'{}' already has a listing on {platform} ({}); change that one",
                item.fields.title,
                existing.status.as_str()
            ),
        ));
    }
    let id = new_id();
    let t = now();
    tx.prepare_cached(
        "INSERT INTO listings (id, item_id, platform, title, description, price_amount, price_currency,
            shipping_amount, shipping_currency, status, platform_data, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'draft', ?10, ?11, ?11)",
    )?
    .execute(params![
        id,
        item.id,
        platform.as_str(),
        fields.title,
        fields.description,
        fields.price.map(|m| m.amount),
        fields.price.map(|m| m.currency.code().to_string()),
        fields.shipping.map(|m| m.amount),
        fields.shipping.map(|m| m.currency.code().to_string()),
        platform_data.map(|d| d.to_string()),
        t
    ])?;
    let listing = listing_by_id(tx, &id)?;
    activity::log(
        tx,
        "create",
        "listing",
        &id,
        None,
        None,
        serde_json::to_value(&listing).ok(),
    )?;
    Ok(listing)
}

pub(crate) fn live_item(conn: &Connection, key: &str) -> Result<Item> {
    let item = find_item(conn, key)?.ok_or_else(|| Error::not_found("item", key))?;
    if item.deleted_at.is_some() {
        return Err(Error::InTrash {
            title: item.fields.title,
        });
    }
    Ok(item)
}

fn listing_of(conn: &Connection, item_id: &str, platform: Platform) -> Result<Option<Listing>> {
    Ok(conn
        .prepare_cached(&format!(
            "{LISTING_SELECT} WHERE item_id = ?1 AND platform = ?2"
        ))?
        .query_row(params![item_id, platform.as_str()], listing_from_row)
        .optional()?)
}

pub(crate) fn listing_by_id(conn: &Connection, id: &str) -> Result<Listing> {
    conn.prepare_cached(&format!("{LISTING_SELECT} WHERE id = ?1"))?
        .query_row([id.trim()], listing_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("listing", id))
}

/// What a marketplace is to show: the listing's own fields, else the
/// item's, and the units it may offer (available, not on hand).
fn offer_payload(conn: &Connection, listing: &Listing) -> Result<serde_json::Value> {
    let item = find_item(conn, &listing.item_id)?
        .ok_or_else(|| Error::not_found("item", &listing.item_id))?;
    let available = stock_of(conn, &item.id)?.map_or(0, |s| s.available);
    let price = listing.price.or(item.fields.price);
    Ok(json!({
        "sku": item.fields.sku,
        "title": listing.title.as_deref().unwrap_or(&item.fields.title),
        "description": listing.description.as_deref().or(item.fields.description.as_deref()),
        "price": price,
        "shipping": listing.shipping,
        "quantity": available,
    }))
}

pub(crate) fn set_status(conn: &Connection, id: &str, to: ListingStatus) -> Result<Listing> {
    let before = listing_by_id(conn, id)?;
    let item = find_item(conn, &before.item_id)?
        .ok_or_else(|| Error::not_found("item", &before.item_id))?;
    before
        .status
        .check_move(to, &item.fields.title, before.platform)?;
    // When it was listed counts from the last publish, so a relisted
    // listing is not stale; going live keeps the publish time.
    let stamp = match to {
        ListingStatus::Pending => "listed_at = ?3,",
        ListingStatus::Active => "listed_at = coalesce(listed_at, ?3),",
        ListingStatus::Sold => "sold_at = ?3,",
        ListingStatus::Ended => "ended_at = ?3,",
        ListingStatus::Draft | ListingStatus::Error => "",
    };
    conn.prepare_cached(&format!(
        "UPDATE listings SET status = ?2, {stamp} updated_at = ?3 WHERE id = ?1"
    ))?
    .execute(params![id, to.as_str(), now()])?;
    let after = listing_by_id(conn, id)?;
    activity::log(
        conn,
        "status",
        "listing",
        id,
        None,
        Some(json!({ "status": before.status })),
        Some(json!({ "status": to })),
    )?;
    match to {
        ListingStatus::Pending => {
            let payload = offer_payload(conn, &after)?;
            outbox::enqueue(conn, after.platform, OutboxKind::Create, id, payload)?;
        }
        ListingStatus::Ended
            if before.status.is_live() || before.status == ListingStatus::Error =>
        {
            let payload = json!({
                "platform_listing_id": after.platform_listing_id,
                "title": after.title.as_deref().unwrap_or(&item.fields.title),
            });
            outbox::enqueue(conn, after.platform, OutboxKind::End, id, payload)?;
        }
        _ => {}
    }
    Ok(after)
}

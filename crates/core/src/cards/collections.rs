//! Collections: named groups of items (a binder, a box, a set, a personal
//! collection), shown in the order their mode says. An item may sit in
//! several.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{card_of, Card};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::item::Item;
use crate::items::{find_item, item_from_row, ITEM_SELECT};

/// How a collection's page is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum CollectionMode {
    /// By set code, then collector number (2 before 10).
    Set,
    /// Most valuable first.
    Value,
    /// By player, then year.
    Player,
    /// The order the collector chose.
    Custom,
}

impl CollectionMode {
    pub fn as_str(self) -> &'static str {
        match self {
            CollectionMode::Set => "set",
            CollectionMode::Value => "value",
            CollectionMode::Player => "player",
            CollectionMode::Custom => "custom",
        }
    }

    pub fn parse(text: &str) -> Option<CollectionMode> {
        Some(match text.trim().to_lowercase().as_str() {
            "set" => CollectionMode::Set,
            "value" => CollectionMode::Value,
            "player" => CollectionMode::Player,
            "custom" => CollectionMode::Custom,
            _ => return None,
        })
    }

    /// One text key per entry that sorts in this mode's order, so every
    /// mode pages the same way: by (key, item seq).
    /// The sort key of an entry in this mode, over `ci` (collection_items)
    /// and `c` (cards, left-joined).
    pub(crate) fn key_sql(self) -> &'static str {
        match self {
            CollectionMode::Set => {
                "printf('%s|%010d|%s', lower(coalesce(c.set_code, '~')),
                        CAST(coalesce(c.collector_number, '') AS INTEGER), coalesce(c.collector_number, ''))"
            }
            CollectionMode::Value => "printf('%020d', 9223372036854775807 - coalesce(c.value_amount, -1))",
            CollectionMode::Player => {
                "printf('%s|%04d', lower(coalesce(c.player, '~')), coalesce(c.year, 9999))"
            }
            CollectionMode::Custom => "printf('%012d', ci.position)",
        }
    }
}

/// A collection, with how many items it holds.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Collection {
    pub id: String,
    pub name: String,
    /// binder, box, set, personal or other.
    pub kind: String,
    pub mode: CollectionMode,
    pub notes: Option<String>,
    #[ts(type = "number")]
    pub items: u64,
    pub created_at: String,
}

/// One entry of a collection page.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CollectionEntry {
    pub item: Item,
    pub card: Option<Card>,
    /// Pass as `after` for the next page.
    pub cursor: String,
}

const KINDS: &[&str] = &["binder", "box", "set", "personal", "other"];

fn collection_by_key(conn: &Connection, key: &str) -> Result<Collection> {
    let row = conn
        .prepare_cached(
            "SELECT id, name, kind, mode, notes, created_at,
                    (SELECT count(*) FROM collection_items WHERE collection_id = c.id)
               FROM collections c WHERE id = ?1 OR name = ?1 COLLATE NOCASE",
        )?
        .query_row([key.trim()], |r| {
            Ok(Collection {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                mode: CollectionMode::parse(&r.get::<_, String>(3)?)
                    .unwrap_or(CollectionMode::Custom),
                notes: r.get(4)?,
                created_at: r.get(5)?,
                items: r.get::<_, i64>(6)? as u64,
            })
        })
        .optional()?;
    row.ok_or_else(|| Error::not_found("collection", key))
}

impl Store {
    /// Creates a collection.
    pub fn create_collection(
        &self,
        name: &str,
        kind: &str,
        mode: CollectionMode,
    ) -> Result<Collection> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid(
                "name",
                name,
                "required",
                "a collection needs a name",
            ));
        }
        let kind = kind.trim().to_lowercase();
        if !KINDS.contains(&kind.as_str()) {
            return Err(Error::invalid(
                "kind",
                kind,
                "collection_kind",
                "a collection is a binder, box, set, personal or other",
            ));
        }
        self.write(|tx| {
            let taken = tx
                .prepare_cached("SELECT 1 FROM collections WHERE name = ?1 COLLATE NOCASE")?
                .exists([name])?;
            if taken {
                return Err(Error::invalid(
                    "name",
                    name,
                    "collection_name_taken",
                    format!("there is already a collection called {name}"),
                ));
            }
            let now = crate::now();
            tx.prepare_cached(
                "INSERT INTO collections (id, name, kind, mode, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            )?
            .execute(params![crate::new_id(), name, kind, mode.as_str(), now])?;
            collection_by_key(tx, name)
        })
    }

    /// Every collection, by name.
    pub fn collections(&self) -> Result<Vec<Collection>> {
        self.read(|conn| {
            let ids: Vec<String> = conn
                .prepare_cached("SELECT id FROM collections ORDER BY name COLLATE NOCASE")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.iter().map(|id| collection_by_key(conn, id)).collect()
        })
    }

    /// A collection by id or name.
    pub fn collection(&self, key: &str) -> Result<Collection> {
        self.read(|conn| collection_by_key(conn, key))
    }

    /// Changes how a collection is ordered.
    pub fn set_collection_mode(&self, key: &str, mode: CollectionMode) -> Result<Collection> {
        self.write(|tx| {
            let c = collection_by_key(tx, key)?;
            tx.prepare_cached("UPDATE collections SET mode = ?2, updated_at = ?3 WHERE id = ?1")?
                .execute(params![c.id, mode.as_str(), crate::now()])?;
            collection_by_key(tx, &c.id)
        })
    }

    /// Adds items (ids, SKUs or barcodes) at the end of a collection; items
    /// already in it stay where they are.
    pub fn add_to_collection(&self, key: &str, items: &[String]) -> Result<Collection> {
        self.write(|tx| {
            let c = collection_by_key(tx, key)?;
            let mut next: i64 = tx
                .prepare_cached(
                    "SELECT coalesce(max(position) + 1, 0) FROM collection_items WHERE collection_id = ?1",
                )?
                .query_row([&c.id], |r| r.get(0))?;
            let now = crate::now();
            for key in items {
                let item = find_item(tx, key)?.ok_or_else(|| Error::not_found("item", key.as_str()))?;
                let added = tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO collection_items (collection_id, item_id, position, added_at)
                         VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![c.id, item.id, next, now])?;
                next += added as i64;
            }
            collection_by_key(tx, &c.id)
        })
    }

    /// Takes items out of a collection (they stay in the inventory).
    pub fn remove_from_collection(&self, key: &str, items: &[String]) -> Result<Collection> {
        self.write(|tx| {
            let c = collection_by_key(tx, key)?;
            for key in items {
                if let Some(item) = find_item(tx, key)? {
                    tx.prepare_cached(
                        "DELETE FROM collection_items WHERE collection_id = ?1 AND item_id = ?2",
                    )?
                    .execute(params![c.id, item.id])?;
                }
            }
            collection_by_key(tx, &c.id)
        })
    }

    /// Puts a collection's items in this custom order; `items` must name
    /// each of them once.
    pub fn reorder_collection(&self, key: &str, items: &[String]) -> Result<Collection> {
        self.write(|tx| {
            let c = collection_by_key(tx, key)?;
            if items.len() as u64 != c.items {
                return Err(Error::invalid(
                    "items",
                    items.join(","),
                    "collection_order",
                    "the new order must list each of the collection's items once",
                ));
            }
            let mut set = tx.prepare_cached(
                "UPDATE collection_items SET position = ?3 WHERE collection_id = ?1 AND item_id = ?2",
            )?;
            for (position, item) in items.iter().enumerate() {
                if set.execute(params![c.id, item, position as i64])? != 1 {
                    return Err(Error::invalid(
                        "items",
                        item.as_str(),
                        "collection_order",
                        format!("{item} is not in {}", c.name),
                    ));
                }
            }
            collection_by_key(tx, &c.id)
        })
    }

    /// A page of a collection in its mode's order: `limit` entries after
    /// the cursor `after`.
    pub fn collection_page(
        &self,
        key: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<CollectionEntry>> {
        self.read(|conn| {
            let c = collection_by_key(conn, key)?;
            let (after_key, after_seq) = match after.and_then(|a| a.rsplit_once('#')) {
                Some((k, s)) => (k.to_owned(), s.parse::<i64>().unwrap_or(-1)),
                None => (String::new(), -1),
            };
            let sql = format!(
                "SELECT k.key, k.seq FROM (
                     SELECT {} AS key, i.seq AS seq
                       FROM collection_items ci
                       JOIN items i ON i.id = ci.item_id
                       LEFT JOIN cards c ON c.item_id = ci.item_id
                      WHERE ci.collection_id = ?1) k
                  WHERE (k.key, k.seq) > (?2, ?3)
                  ORDER BY k.key, k.seq LIMIT ?4",
                c.mode.key_sql()
            );
            let keys: Vec<(String, i64)> = conn
                .prepare_cached(&sql)?
                .query_map(params![c.id, after_key, after_seq, limit as i64], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut item_stmt = conn.prepare_cached(&format!("{ITEM_SELECT} WHERE i.seq = ?1"))?;
            let mut entries = Vec::with_capacity(keys.len());
            for (key, seq) in keys {
                let item = item_stmt.query_row([seq], item_from_row)?;
                let card = card_of(conn, &item.id)?;
                entries.push(CollectionEntry {
                    item,
                    card,
                    cursor: format!("{key}#{seq}"),
                });
            }
            Ok(entries)
        })
    }
}

/// A collection's total value on one day.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ValuePoint {
    /// YYYY-MM-DD (UTC).
    pub on: String,
    pub value: crate::money::Money,
}

impl Store {
    /// The collection's value over time, in the home currency: on each day
    /// a value point of one of its items was written, the sum over its
    /// items of their latest value times their quantity. Items valued in
    /// another currency are left out.
    pub fn collection_value_history(&self, key: &str) -> Result<Vec<ValuePoint>> {
        self.read(|conn| {
            let c = collection_by_key(conn, key)?;
            let home = crate::settings::home_currency(conn)?;
            let mut stmt = conn.prepare_cached(
                "SELECT p.item_id, substr(p.at, 1, 10), p.amount, i.quantity
                   FROM collection_items ci
                   JOIN price_points p ON p.item_id = ci.item_id
                   JOIN items i ON i.id = ci.item_id
                  WHERE ci.collection_id = ?1 AND p.currency = ?2 AND i.deleted_at IS NULL
                  ORDER BY p.at, p.seq",
            )?;
            let rows = stmt.query_map(params![c.id, home.code()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?;
            let mut latest: std::collections::HashMap<String, i64> =
                std::collections::HashMap::new();
            let mut total = 0i64;
            let mut points: Vec<ValuePoint> = Vec::new();
            for row in rows {
                let (item, on, amount, quantity) = row?;
                let now = amount * quantity.max(0);
                total += now - latest.insert(item, now).unwrap_or(0);
                let value = crate::money::Money::new(total, home);
                match points.last_mut() {
                    Some(last) if last.on == on => last.value = value,
                    _ => points.push(ValuePoint { on, value }),
                }
            }
            Ok(points)
        })
    }
}

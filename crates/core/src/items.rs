//! Storing items: create, edit, trash, restore, and the lookups by id, SKU
//! or barcode. All rules run through [`crate::item::apply_changes`] so the
//! app, the CLI and the importer enforce exactly the same ones.

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::activity;
use crate::db::Store;
use crate::error::{Error, FieldError, Result};
use crate::gtin::Gtin;
use crate::item::{
    apply_changes, check_location, Condition, Item, ItemChanges, ItemFields, LocationRef, Status,
};
use crate::locations::{resolve_location, CreateLocations};
use crate::money::{Currency, Money};
use crate::settings;
use crate::stock::{self, Cause, Reason};
use crate::{new_id, now};

/// Columns read for an item, in the order [`item_from_row`] expects.
pub(crate) const ITEM_SELECT: &str = "SELECT i.id, i.title, i.sku, i.barcode, i.description, i.brand, i.category,
    i.size, i.colour, i.material, i.condition, i.quantity, i.low_stock_threshold, i.cost_amount, i.cost_currency,
    i.price_amount, i.price_currency, i.weight_grams, i.length_mm, i.width_mm, i.height_mm, i.notes, i.status,
    i.bin_id, i.section_id, i.location, b.name, s.name, i.tags, i.acquired_on, i.acquired_from, i.origin_id,
    i.created_at, i.updated_at, i.deleted_at, i.seq, i.committed
    FROM items i LEFT JOIN bins b ON b.id = i.bin_id LEFT JOIN sections s ON s.id = i.section_id";

fn money(amount: Option<i64>, currency: Option<String>) -> Option<Money> {
    Some(Money::new(amount?, Currency::stored(&currency?)?))
}

/// Maps a row of [`ITEM_SELECT`] (custom fields are loaded separately).
pub(crate) fn item_from_row(r: &Row<'_>) -> rusqlite::Result<Item> {
    let condition: Option<String> = r.get(10)?;
    let status: String = r.get(22)?;
    let bin_id: Option<String> = r.get(23)?;
    let location = match bin_id {
        Some(bin_id) => {
            let bin_name: String = r.get::<_, Option<String>>(26)?.unwrap_or_default();
            let section_name: Option<String> = r.get(27)?;
            Some(LocationRef {
                bin_id,
                section_id: r.get(24)?,
                code: r.get::<_, Option<String>>(25)?.unwrap_or_default(),
                path: match section_name {
                    Some(s) => format!("{bin_name}/{s}"),
                    None => bin_name,
                },
            })
        }
        None => None,
    };
    let tags: Option<String> = r.get(28)?;
    Ok(Item {
        id: r.get(0)?,
        seq: r.get(35)?,
        committed: r.get(36)?,
        fields: ItemFields {
            title: r.get(1)?,
            sku: r.get(2)?,
            barcode: r
                .get::<_, Option<String>>(3)?
                .and_then(|b| Gtin::parse(&b).ok()),
            description: r.get(4)?,
            brand: r.get(5)?,
            category: r.get(6)?,
            size: r.get(7)?,
            colour: r.get(8)?,
            material: r.get(9)?,
            condition: condition.as_deref().and_then(Condition::parse),
            quantity: r.get(11)?,
            low_stock_threshold: r.get(12)?,
            cost: money(r.get(13)?, r.get(14)?),
            price: money(r.get(15)?, r.get(16)?),
            weight_grams: r.get(17)?,
            length_mm: r.get(18)?,
            width_mm: r.get(19)?,
            height_mm: r.get(20)?,
            notes: r.get(21)?,
            status: Status::parse(&status).unwrap_or_default(),
            location,
            tags: tags
                .as_deref()
                .map(crate::item::split_tags)
                .unwrap_or_default(),
            fields: BTreeMap::new(),
            acquired_on: r.get(29)?,
            acquired_from: r.get(30)?,
        },
        origin_id: r.get(31)?,
        created_at: r.get(32)?,
        updated_at: r.get(33)?,
        deleted_at: r.get(34)?,
    })
}

/// The first item matching `condition` (on `i`, with `?1` for `value`).
fn item_where(conn: &Connection, condition: &str, value: &str) -> Result<Option<Item>> {
    Ok(conn
        .prepare_cached(&format!("{ITEM_SELECT} WHERE {condition}"))?
        .query_row([value], item_from_row)
        .optional()?)
}

fn with_custom_fields(conn: &Connection, item: Option<Item>) -> Result<Option<Item>> {
    match item {
        Some(mut item) => {
            item.fields.fields = custom_fields(conn, item.seq)?;
            Ok(Some(item))
        }
        None => Ok(None),
    }
}

/// The item with this SKU (case-insensitive), trashed or not.
pub(crate) fn item_by_sku(conn: &Connection, sku: &str) -> Result<Option<Item>> {
    with_custom_fields(conn, item_where(conn, "i.sku = ?1", sku.trim())?)
}

/// Finds an item by id, then SKU, then barcode (any GTIN form; the newest
/// live item when several share it).
pub fn find_item(conn: &Connection, key: &str) -> Result<Option<Item>> {
    let key = key.trim();
    let mut found = item_where(conn, "i.id = ?1", key)?;
    if found.is_none() {
        found = item_where(conn, "i.sku = ?1", key)?;
    }
    if found.is_none() {
        if let Ok(g) = Gtin::parse(key) {
            found = item_where(
                conn,
                "i.barcode = ?1 ORDER BY i.deleted_at IS NOT NULL, i.seq DESC LIMIT 1",
                g.as_str(),
            )?;
        }
    }
    with_custom_fields(conn, found)
}

/// An item's custom fields, by name.
pub(crate) fn custom_fields(conn: &Connection, item_seq: i64) -> Result<BTreeMap<String, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.name, v.value FROM item_fields v JOIN custom_fields f ON f.seq = v.field_seq WHERE v.item_seq = ?1",
    )?;
    let rows = stmt.query_map([item_seq], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a save did, for import reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Saved {
    Created,
    Updated,
    Unchanged,
}

/// Writes items through one connection, caching the look-ups (tags,
/// categories, locations, custom fields) that a bulk import repeats on
/// every row.
pub(crate) struct ItemWriter<'c> {
    conn: &'c Connection,
    home: Currency,
    batch_id: Option<String>,
    pub(crate) create_locations: CreateLocations,
    tag_seqs: HashMap<String, i64>,
    /// Parameters of queued rows, [`INSERT_ARITY`] per row.
    queued: Vec<Value>,
    queued_skus: std::collections::HashSet<String>,
    /// Every SKU in the database, when the importer loaded them, as
    /// [`sku_hash`]es: 8 bytes a SKU instead of a string. Two SKUs sharing
    /// a hash only cost a look-up that finds nothing.
    known_skus: Option<std::collections::HashSet<u64>>,
    queued_fields: Vec<(String, BTreeMap<String, String>)>,
    /// The time stamp of every row a bulk import queues.
    started: String,
    /// The caller has already looked every SKU up (the importer does).
    pub(crate) skus_checked: bool,
    /// Rows per multi-row INSERT; 1 when each row must be written within
    /// its own savepoint.
    pub(crate) batch_rows: usize,
    field_seqs: HashMap<String, i64>,
    categories: HashMap<String, (String, String)>,
    locations: HashMap<String, LocationRef>,
    /// Set while splitting a stack: the item the units come from, so the
    /// ledger says "split" rather than "received" or "adjusted".
    pub(crate) split_from: Option<String>,
}

impl<'c> ItemWriter<'c> {
    pub(crate) fn new(conn: &'c Connection, batch_id: Option<String>) -> Result<Self> {
        Ok(ItemWriter {
            conn,
            home: settings::home_currency(conn)?,
            batch_id,
            create_locations: CreateLocations::Named,
            tag_seqs: HashMap::new(),
            queued: Vec::new(),
            queued_skus: std::collections::HashSet::new(),
            known_skus: None,
            queued_fields: Vec::new(),
            started: now(),
            skus_checked: false,
            batch_rows: INSERT_BATCH,
            field_seqs: HashMap::new(),
            categories: HashMap::new(),
            locations: HashMap::new(),
            split_from: None,
        })
    }

    /// Validates `changes` against `base` (a new item when `None`) and
    /// resolves the location, without writing anything but new bins,
    /// sections or categories a path names.
    pub(crate) fn prepare(
        &mut self,
        base: Option<&Item>,
        changes: &ItemChanges,
    ) -> Result<ItemFields> {
        let empty = ItemFields {
            quantity: 1,
            ..ItemFields::default()
        };
        let base_fields = base.map_or(&empty, |b| &b.fields);
        let mut errors = Vec::new();
        let mut fields = match apply_changes(base_fields, changes, self.home) {
            Ok(f) => f,
            Err(e) => {
                errors = e;
                base_fields.clone()
            }
        };
        if let Some(text) = &changes.location {
            let t = text.trim();
            let current = base.and_then(|b| b.fields.location.as_ref());
            fields.location = if t.is_empty() {
                None
            } else if let Some(p) = current.filter(|p| {
                p.code.eq_ignore_ascii_case(t) || p.path.to_lowercase() == t.to_lowercase()
            }) {
                // Already there: no look-up, and no ambiguity when two bins
                // of different kinds share the name.
                Some(p.clone())
            } else {
                match self.location_ref(text) {
                    Ok(p) => Some(p),
                    Err(e) => {
                        errors.push(e);
                        None
                    }
                }
            };
        }
        if errors.is_empty() {
            if let Err(e) = check_location(&fields) {
                errors.push(e);
            }
        }
        if let Some(b) = base.filter(|b| fields.quantity < b.committed) {
            errors.push(FieldError::new(
                "quantity",
                fields.quantity.to_string(),
                "quantity_below_committed",
                format!(
                    "{} unit(s) of '{}' are committed to sales not yet shipped; the quantity can't go below that",
                    b.committed, b.fields.title
                ),
            ));
        }
        if errors.is_empty() && changes.category.is_some() {
            // The stored spelling wins over the typed one.
            fields.category = self
                .category(fields.category.as_deref())?
                .map(|(_, path)| path);
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        if let Some(sku) = fields.sku.as_ref().filter(|_| !self.skus_checked) {
            self.check_sku_free(sku, base.map(|b| b.id.as_str()))?;
        }
        Ok(fields)
    }

    fn location_ref(&mut self, text: &str) -> Result<LocationRef, FieldError> {
        let key = text.trim().to_lowercase();
        if let Some(p) = self.locations.get(&key) {
            return Ok(p.clone());
        }
        let p = resolve_location(self.conn, text, self.create_locations)?;
        self.locations.insert(key, p.clone());
        Ok(p)
    }

    fn check_sku_free(&self, sku: &str, own_id: Option<&str>) -> Result<()> {
        let other: Option<(String, String, Option<String>)> = self
            .conn
            .prepare_cached("SELECT id, title, deleted_at FROM items WHERE sku = ?1")?
            .query_row([sku], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        match other {
            Some((id, title, deleted)) if Some(id.as_str()) != own_id => Err(Error::SkuTaken {
                sku: sku.to_string(),
                title,
                in_trash: deleted.is_some(),
            }),
            _ => Ok(()),
        }
    }

    /// Creates an item from already prepared fields.
    pub(crate) fn insert(&mut self, fields: ItemFields, origin_id: Option<&str>) -> Result<Item> {
        let id = new_id();
        let t = now();
        let category_id = self.category(fields.category.as_deref())?.map(|(id, _)| id);
        let values = insert_values(&id, &fields, category_id, origin_id, &t);
        self.conn
            .prepare_cached(&insert_sql(1))?
            .query_row(rusqlite::params_from_iter(values.iter()), |_| Ok(()))?;
        let seq = self.conn.last_insert_rowid();
        self.learn_tags(&fields.tags)?;
        self.write_fields(seq, &fields.fields, false)?;
        let (reason, cause) = self.stock_reason(Reason::Received);
        stock::log(
            self.conn,
            Some(&stock::creation_id(&id)),
            &id,
            fields.quantity,
            0,
            reason,
            cause,
        )?;
        // Items created by an import are logged once, as the import batch
        // (the file is the record of what they said); a million identical
        // log rows would double the import's cost and say nothing more.
        if self.batch_id.is_none() {
            activity::log(
                self.conn,
                "create",
                "item",
                &id,
                None,
                None,
                serde_json::to_value(&fields).ok(),
            )?;
        }
        Ok(Item {
            id,
            seq,
            fields,
            committed: 0,
            origin_id: origin_id.map(str::to_string),
            created_at: t.clone(),
            updated_at: t,
            deleted_at: None,
        })
    }

    /// Why this writer is changing stock, and what caused it: the import
    /// batch, the stack being split, or else `own` (a person's change).
    fn stock_reason(&self, own: Reason) -> (Reason, Option<Cause<'_>>) {
        if let Some(from) = &self.split_from {
            let cause = Cause {
                record_type: "item",
                record_id: from,
            };
            (Reason::Split, Some(cause))
        } else if let Some(batch) = &self.batch_id {
            let cause = Cause {
                record_type: "import",
                record_id: batch,
            };
            (Reason::Imported, Some(cause))
        } else {
            (own, None)
        }
    }

    /// Queues a new imported item for the next multi-row INSERT (see
    /// [`ItemWriter::flush`]). One statement per [`INSERT_BATCH`] rows
    /// instead of one per row saves most of the per-statement work.
    pub(crate) fn queue(&mut self, fields: ItemFields) -> Result<()> {
        let id = new_id();
        let category_id = self.category(fields.category.as_deref())?.map(|(id, _)| id);
        self.queued.extend(insert_values(
            &id,
            &fields,
            category_id,
            None,
            &self.started,
        ));
        self.learn_tags(&fields.tags)?;
        if let Some(sku) = &fields.sku {
            self.queued_skus.insert(sku.to_lowercase());
            if let Some(known) = &mut self.known_skus {
                known.insert(sku_hash(sku));
            }
        }
        self.queued_fields.push((id, fields.fields));
        if self.queued_fields.len() >= self.batch_rows {
            self.flush()?;
        }
        Ok(())
    }

    /// Holds every SKU in the database in memory when there are at most
    /// `limit`, so a fresh import of a million rows need not probe the SKU
    /// index a million times to learn that each is new.
    pub(crate) fn remember_skus(&mut self, limit: i64) -> Result<()> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(sku) FROM items", [], |r| r.get(0))?;
        if n <= limit {
            let mut stmt = self
                .conn
                .prepare("SELECT sku FROM items WHERE sku IS NOT NULL")?;
            let skus = stmt.query_map([], |r| r.get::<_, String>(0))?;
            let mut known = std::collections::HashSet::with_capacity(n as usize);
            for sku in skus {
                known.insert(sku_hash(&sku?));
            }
            self.known_skus = Some(known);
        }
        Ok(())
    }

    /// False only when no item can have this SKU (see
    /// [`ItemWriter::remember_skus`]); true means "look it up".
    pub(crate) fn may_have_sku(&self, sku: &str) -> bool {
        self.known_skus
            .as_ref()
            .is_none_or(|k| k.contains(&sku_hash(sku.trim())))
    }

    /// True when a queued row has this SKU (so a look-up must flush first).
    pub(crate) fn is_queued(&self, sku: &str) -> bool {
        self.queued_skus.contains(&sku.trim().to_lowercase())
    }

    /// Inserts every queued row.
    pub(crate) fn flush(&mut self) -> Result<()> {
        let n = self.queued_fields.len();
        if n == 0 {
            return Ok(());
        }
        let mut stmt = self.conn.prepare_cached(&insert_sql(n))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(self.queued.iter()))?;
        let mut seqs: HashMap<String, i64> = HashMap::with_capacity(n);
        while let Some(row) = rows.next()? {
            seqs.insert(row.get(0)?, row.get(1)?);
        }
        drop(rows);
        drop(stmt);
        // The rows just written, as one range: the writer holds the only
        // write lock, so nothing else took a row number in between.
        let (first, last) = seqs
            .values()
            .fold((i64::MAX, i64::MIN), |(lo, hi), &s| (lo.min(s), hi.max(s)));
        let (reason, cause) = self.stock_reason(Reason::Received);
        self.conn
            .prepare_cached(
                "INSERT INTO stock_movements (id, item_id, on_hand, committed, reason, record_type, record_id, at)
                 SELECT ?6 || id, id, quantity, 0, ?3, ?4, ?5, created_at
                 FROM items WHERE seq BETWEEN ?1 AND ?2 AND quantity <> 0",
            )?
            .execute(params![
                first,
                last,
                reason.as_str(),
                cause.map(|c| c.record_type),
                cause.map(|c| c.record_id),
                stock::CREATION_PREFIX
            ])?;
        for (id, fields) in std::mem::take(&mut self.queued_fields) {
            if let (false, Some(seq)) = (fields.is_empty(), seqs.get(&id)) {
                self.write_fields(*seq, &fields, false)?;
            }
        }
        self.queued.clear();
        self.queued_skus.clear();
        Ok(())
    }

    /// Writes prepared fields over an existing item; logs only what changed.
    pub(crate) fn update(&mut self, old: &Item, fields: ItemFields) -> Result<(Item, Saved)> {
        let Some((before, after)) = activity::diff(&old.fields, &fields) else {
            return Ok((old.clone(), Saved::Unchanged));
        };
        let t = now();
        let category_id = self.category(fields.category.as_deref())?.map(|(id, _)| id);
        // The same values an insert writes, less the columns an update keeps
        // (id, origin_id, created_at): `?1` is the id, the rest in order.
        let values = insert_values(&old.id, &fields, category_id, None, &t);
        let kept = [0, INSERT_ARITY - 3, INSERT_ARITY - 2];
        // Built once: this runs for every row an import updates.
        static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let sql = SQL.get_or_init(|| {
            let changed: Vec<&str> = INSERT_COLUMNS
                .split(',')
                .map(str::trim)
                .enumerate()
                .filter(|(i, _)| !kept.contains(i))
                .map(|(_, c)| c)
                .collect();
            let slots: Vec<String> = (2..=changed.len() + 1).map(|n| format!("?{n}")).collect();
            format!(
                "UPDATE items SET ({}) = ({}) WHERE id = ?1",
                changed.join(", "),
                slots.join(", ")
            )
        });
        let params = std::iter::once(&values[0]).chain(
            values
                .iter()
                .enumerate()
                .filter(|(i, _)| !kept.contains(i))
                .map(|(_, v)| v),
        );
        self.conn
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params))?;
        if fields.tags != old.fields.tags {
            self.learn_tags(&fields.tags)?;
        }
        if fields.fields != old.fields.fields {
            self.write_fields(old.seq, &fields.fields, true)?;
        }
        if fields.quantity != old.fields.quantity {
            let (reason, cause) = self.stock_reason(Reason::Adjusted);
            stock::log(
                self.conn,
                None,
                &old.id,
                fields.quantity - old.fields.quantity,
                0,
                reason,
                cause,
            )?;
        }
        if fields.location != old.fields.location {
            record_move(
                self.conn,
                &old.id,
                fields.quantity,
                old.fields.location.as_ref(),
                fields.location.as_ref(),
            )?;
        }
        let action = if self.batch_id.is_some() {
            "import"
        } else {
            "update"
        };
        activity::log(
            self.conn,
            action,
            "item",
            &old.id,
            self.batch_id.as_deref(),
            Some(before),
            Some(after),
        )?;
        let item = Item {
            fields,
            updated_at: t,
            ..old.clone()
        };
        Ok((item, Saved::Updated))
    }

    /// The id and stored path of the category `path` names (matched
    /// without case), creating each missing level.
    fn category(&mut self, path: Option<&str>) -> Result<Option<(String, String)>> {
        let Some(path) = path else { return Ok(None) };
        let key = path.to_lowercase();
        if let Some(found) = self.categories.get(&key) {
            return Ok(Some(found.clone()));
        }
        let mut parent: Option<(String, String)> = None;
        for name in path.split(" > ") {
            let wanted = match &parent {
                Some((_, p)) => format!("{p} > {name}"),
                None => name.to_string(),
            };
            let existing: Option<(String, String)> = self
                .conn
                .prepare_cached("SELECT id, path FROM categories WHERE path = ?1 COLLATE NOCASE")?
                .query_row([&wanted], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            parent = Some(match existing {
                Some(found) => found,
                None => {
                    let id = new_id();
                    self.conn
                        .prepare_cached(
                            "INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                        )?
                        .execute(params![id, parent.as_ref().map(|p| &p.0), name, wanted, now()])?;
                    (id, wanted)
                }
            });
        }
        if let Some(found) = &parent {
            self.categories.insert(key, found.clone());
        }
        Ok(parent)
    }

    /// Adds any new tag names to the vocabulary (which items carry a tag
    /// is their own `tags` column).
    fn learn_tags(&mut self, tags: &[String]) -> Result<()> {
        for tag in tags {
            named_row(self.conn, &mut self.tag_seqs, "tags", tag)?;
        }
        Ok(())
    }

    fn write_fields(
        &mut self,
        item_seq: i64,
        fields: &BTreeMap<String, String>,
        replace: bool,
    ) -> Result<()> {
        if replace {
            self.conn
                .prepare_cached("DELETE FROM item_fields WHERE item_seq = ?1")?
                .execute([item_seq])?;
        }
        for (name, value) in fields {
            let field_seq = named_row(self.conn, &mut self.field_seqs, "custom_fields", name)?;
            self.conn
                .prepare_cached(
                    "INSERT INTO item_fields (item_seq, field_seq, value) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![item_seq, field_seq, value])?;
        }
        Ok(())
    }
}

/// The row number of the tag or custom field called `name` (matched
/// without case), created if new; remembered in `cache`.
fn named_row(
    conn: &Connection,
    cache: &mut HashMap<String, i64>,
    table: &str,
    name: &str,
) -> Result<i64> {
    let key = name.to_lowercase();
    if let Some(seq) = cache.get(&key) {
        return Ok(*seq);
    }
    let found: Option<i64> = conn
        .prepare_cached(&format!("SELECT seq FROM {table} WHERE name = ?1"))?
        .query_row([name], |r| r.get(0))
        .optional()?;
    let seq = match found {
        Some(seq) => seq,
        None => {
            let sql = if table == "custom_fields" {
                "INSERT INTO custom_fields (id, name, created_at) VALUES (?1, ?2, ?3)"
            } else {
                "INSERT INTO tags (id, name) VALUES (?1, ?2)"
            };
            let mut stmt = conn.prepare_cached(sql)?;
            if table == "custom_fields" {
                stmt.execute(params![new_id(), name, now()])?;
            } else {
                stmt.execute(params![new_id(), name])?;
            }
            conn.last_insert_rowid()
        }
    };
    cache.insert(key, seq);
    Ok(seq)
}

/// A SKU's 64-bit hash, case-folded as the database compares SKUs
/// (ASCII `NOCASE`).
pub(crate) fn sku_hash(sku: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = std::hash::DefaultHasher::new();
    for b in sku.bytes() {
        h.write_u8(b.to_ascii_lowercase());
    }
    h.finish()
}

/// Rows per multi-row INSERT (33 parameters each, well under SQLite's
/// 32,766 limit).
pub(crate) const INSERT_BATCH: usize = 256;

const INSERT_COLUMNS: &str = "id, title, sku, barcode, description, brand, category_id, category, size, colour,
    material, condition, quantity, low_stock_threshold, cost_amount, cost_currency, price_amount, price_currency,
    weight_grams, length_mm, width_mm, height_mm, notes, status, bin_id, section_id, location, tags, acquired_on,
    acquired_from, origin_id, created_at, updated_at";
const INSERT_ARITY: usize = 33;

/// `INSERT … VALUES (…), … RETURNING id, seq` for `rows` rows. `OR FAIL`:
/// every constraint was checked before, and ABORT would make SQLite keep a
/// statement journal of every page the insert touches.
fn insert_sql(rows: usize) -> String {
    let one = format!("({})", vec!["?"; INSERT_ARITY].join(", "));
    format!(
        "INSERT OR FAIL INTO items ({INSERT_COLUMNS}) VALUES {} RETURNING id, seq",
        vec![one; rows].join(", ")
    )
}

/// The values of one new row, in [`INSERT_COLUMNS`] order.
fn insert_values(
    id: &str,
    fields: &ItemFields,
    category_id: Option<String>,
    origin_id: Option<&str>,
    time: &str,
) -> [Value; INSERT_ARITY] {
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::Text);
    let int = |v: Option<i64>| v.map_or(Value::Null, Value::Integer);
    let (bin_id, section_id, code) = location_columns(&fields.location);
    let owned = |v: Option<&str>| v.map_or(Value::Null, |s| Value::Text(s.to_string()));
    [
        Value::Text(id.to_string()),
        Value::Text(fields.title.clone()),
        text(&fields.sku),
        owned(fields.barcode.as_ref().map(Gtin::as_str)),
        text(&fields.description),
        text(&fields.brand),
        text(&category_id),
        text(&fields.category),
        text(&fields.size),
        text(&fields.colour),
        text(&fields.material),
        owned(fields.condition.map(Condition::as_str)),
        Value::Integer(fields.quantity),
        int(fields.low_stock_threshold),
        int(fields.cost.map(|m| m.amount)),
        owned(fields.cost.as_ref().map(|m| m.currency.code())),
        int(fields.price.map(|m| m.amount)),
        owned(fields.price.as_ref().map(|m| m.currency.code())),
        int(fields.weight_grams),
        int(fields.length_mm),
        int(fields.width_mm),
        int(fields.height_mm),
        text(&fields.notes),
        Value::Text(fields.status.as_str().to_string()),
        owned(bin_id),
        owned(section_id),
        owned(code),
        text(&tags_column(&fields.tags)),
        text(&fields.acquired_on),
        text(&fields.acquired_from),
        owned(origin_id),
        Value::Text(time.to_string()),
        Value::Text(time.to_string()),
    ]
}

fn location_columns(p: &Option<LocationRef>) -> (Option<&str>, Option<&str>, Option<&str>) {
    match p {
        Some(p) => (
            Some(p.bin_id.as_str()),
            p.section_id.as_deref(),
            Some(p.code.as_str()),
        ),
        None => (None, None, None),
    }
}

fn tags_column(tags: &[String]) -> Option<String> {
    (!tags.is_empty()).then(|| tags.join(";"))
}

pub(crate) fn record_move(
    conn: &Connection,
    item_id: &str,
    quantity: i64,
    from: Option<&LocationRef>,
    to: Option<&LocationRef>,
) -> Result<()> {
    let part = |p: Option<&LocationRef>| {
        (
            p.map(|p| p.bin_id.clone()),
            p.and_then(|p| p.section_id.clone()),
            p.map(|p| p.code.clone()),
        )
    };
    let (fb, fs, fc) = part(from);
    let (tb, ts, tc) = part(to);
    conn.prepare_cached(
        "INSERT INTO moves (id, item_id, quantity, from_bin_id, from_section_id, from_location, to_bin_id,
            to_section_id, to_location, moved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![new_id(), item_id, quantity, fb, fs, fc, tb, ts, tc, now()])?;
    Ok(())
}

/// An item after an edit, and the change that undoes the edit.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Edit {
    pub item: Item,
    pub undo: ItemChanges,
}

/// One entry of an item's location history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Move {
    pub quantity: i64,
    pub from: Option<String>,
    pub to: Option<String>,
    pub moved_at: String,
}

impl Store {
    /// Creates an item.
    pub fn create_item(&self, changes: &ItemChanges) -> Result<Item> {
        if changes.title.is_none() {
            return Err(Error::invalid(
                "title",
                "",
                "title_required",
                "an item needs a title",
            ));
        }
        self.write(|tx| {
            let mut w = ItemWriter::new(tx, None)?;
            let fields = w.prepare(None, changes)?;
            w.insert(fields, None)
        })
    }

    /// Changes an item found by id, SKU or barcode.
    pub fn update_item(&self, key: &str, changes: &ItemChanges) -> Result<Item> {
        self.write(|tx| {
            let found = find_item(tx, key)?.ok_or_else(|| Error::not_found("item", key))?;
            if found.deleted_at.is_some() {
                return Err(Error::InTrash {
                    title: found.fields.title,
                });
            }
            let mut w = ItemWriter::new(tx, None)?;
            let fields = w.prepare(Some(&found), changes)?;
            Ok(w.update(&found, fields)?.0)
        })
    }

    /// Changes an item like [`Store::update_item`] and also returns the
    /// change that puts it back exactly as it was, for undo.
    pub fn edit_item(&self, key: &str, changes: &ItemChanges) -> Result<Edit> {
        self.write(|tx| {
            let found = find_item(tx, key)?.ok_or_else(|| Error::not_found("item", key))?;
            if found.deleted_at.is_some() {
                return Err(Error::InTrash {
                    title: found.fields.title,
                });
            }
            let mut undo = ItemChanges::form(&found.fields);
            let mut w = ItemWriter::new(tx, None)?;
            let fields = w.prepare(Some(&found), changes)?;
            let item = w.update(&found, fields)?.0;
            // Custom fields the edit added are removed again by undo.
            if let Some(undo_fields) = undo.fields.as_mut() {
                for name in item.fields.fields.keys() {
                    undo_fields.entry(name.clone()).or_default();
                }
            }
            Ok(Edit { item, undo })
        })
    }

    /// The item with this id, SKU or barcode (also when in the trash).
    pub fn item(&self, key: &str) -> Result<Item> {
        self.read(|conn| find_item(conn, key)?.ok_or_else(|| Error::not_found("item", key)))
    }

    /// Moves an item to the trash, from which it can be restored. (Selling
    /// trashes through `Shop::trash_item`, which also ends its listings.)
    pub fn trash_item(&self, key: &str) -> Result<Item> {
        self.write(|tx| trash_in(tx, key))
    }

    /// Takes an item back out of the trash.
    pub fn restore_item(&self, key: &str) -> Result<Item> {
        self.write(|tx| {
            let found = find_item(tx, key)?.ok_or_else(|| Error::not_found("item", key))?;
            if found.deleted_at.is_none() {
                return Ok(found);
            }
            let t = now();
            tx.prepare_cached("UPDATE items SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1")?
                .execute(params![found.id, t])?;
            activity::log(tx, "restore", "item", &found.id, None, None, None)?;
            Ok(Item {
                deleted_at: None,
                updated_at: t,
                ..found
            })
        })
    }

    /// Items in the trash, most recently trashed first.
    pub fn trash(&self, limit: usize) -> Result<Vec<Item>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "{ITEM_SELECT} WHERE i.deleted_at IS NOT NULL ORDER BY i.deleted_at DESC, i.seq DESC LIMIT ?1"
            ))?;
            let rows = stmt.query_map([limit as i64], item_from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Moves an item (or `quantity` units of its stack) to a location code
    /// or name path. Moving part of a stack splits it: the moved units
    /// become a new row that remembers its origin.
    pub fn move_item(&self, key: &str, location: &str, quantity: Option<i64>) -> Result<Item> {
        self.write(|tx| move_within(tx, key, location, quantity))
    }

    /// Where an item has been, newest first.
    pub fn moves(&self, key: &str) -> Result<Vec<Move>> {
        self.read(|conn| {
            let found = find_item(conn, key)?.ok_or_else(|| Error::not_found("item", key))?;
            let mut stmt = conn.prepare_cached(
                "SELECT quantity, from_location, to_location, moved_at FROM moves WHERE item_id = ?1 ORDER BY seq DESC",
            )?;
            let rows = stmt.query_map([&found.id], |r| {
                Ok(Move { quantity: r.get(0)?, from: r.get(1)?, to: r.get(2)?, moved_at: r.get(3)? })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }
}

/// Moves an item to the trash inside the caller's transaction: refused
/// while units of it are committed to unshipped sales. Already in the
/// trash, it is left as it is.
pub fn trash_in(tx: &Connection, key: &str) -> Result<Item> {
    let found = find_item(tx, key)?.ok_or_else(|| Error::not_found("item", key))?;
    if found.deleted_at.is_some() {
        return Ok(found);
    }
    // A sold unit still on the shelf must not vanish before it ships.
    if found.committed > 0 {
        return Err(Error::invalid(
            "item",
            key,
            "item_committed",
            format!(
                "{} unit(s) of '{}' are committed to sales not yet shipped; ship or cancel them first",
                found.committed, found.fields.title
            ),
        ));
    }
    let t = now();
    tx.prepare_cached("UPDATE items SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1")?
        .execute(params![found.id, t])?;
    activity::log(tx, "trash", "item", &found.id, None, None, None)?;
    Ok(Item {
        deleted_at: Some(t.clone()),
        updated_at: t,
        ..found
    })
}

/// [`Store::move_item`] inside a write already open, for a change that
/// moves units as one of its parts (a return onto a chosen shelf).
pub fn move_within(
    tx: &Connection,
    key: &str,
    location: &str,
    quantity: Option<i64>,
) -> Result<Item> {
    let found = find_item(tx, key)?.ok_or_else(|| Error::not_found("item", key))?;
    let item = found;
    if item.deleted_at.is_some() {
        return Err(Error::InTrash {
            title: item.fields.title,
        });
    }
    let mut w = ItemWriter::new(tx, None)?;
    w.create_locations = CreateLocations::None;
    w.split_from = Some(item.id.clone());
    let to = w
        .location_ref(location)
        .map_err(|e| Error::Invalid(vec![e]))?;
    let whole = item.fields.quantity;
    match quantity {
        Some(q) if q <= 0 || q > whole => Err(Error::invalid(
            "quantity",
            q.to_string(),
            "quantity_invalid",
            format!("can move 1 to {whole} of '{}', not {q}", item.fields.title),
        )),
        Some(q) if q < whole => {
            let origin = item.origin_id.clone().unwrap_or_else(|| item.id.clone());
            let rest = ItemFields {
                quantity: whole - q,
                ..item.fields.clone()
            };
            w.update(&item, rest)?;
            // The moved part is a new row; the SKU stays with the
            // original row because SKUs are unique.
            let part = ItemFields {
                quantity: q,
                sku: None,
                location: Some(to.clone()),
                ..item.fields.clone()
            };
            let moved = w.insert(part, Some(&origin))?;
            record_move(tx, &moved.id, q, item.fields.location.as_ref(), Some(&to))?;
            Ok(moved)
        }
        _ => Ok(w
            .update(
                &item,
                ItemFields {
                    location: Some(to),
                    ..item.fields.clone()
                },
            )?
            .0),
    }
}

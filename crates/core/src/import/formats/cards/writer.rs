//! What one imported row writes: its item (new, or the one an earlier
//! import of the same row made), its card details, its set code as the
//! catalogue spells it with a link to the catalogue card, and its place in
//! the binder's collection.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::cards::presets::layout::{cell_error, Entry, Layout, Row};
use crate::cards::presets::{IMPORT_KEY, SCRYFALL_ID, SOURCE_SET_CODE};
use crate::cards::{card_of, write_card, Card};
use crate::error::{Error, Result};
use crate::import::driver::Format;
use crate::import::{row_error, ImportReport, RowError};
use crate::item::Item;
use crate::items::{find_item, item_by_sku, ItemWriter, Saved};

/// The card format, open in an import's transaction: a preset's layout
/// reads each row, and the [`CardWriter`] writes it.
pub(super) struct CardFormat<'c> {
    pub layout: Box<dyn Layout>,
    /// The file's header, naming each row's cells.
    pub header: Vec<String>,
    pub writer: CardWriter<'c>,
}

/// Writes what a card file's rows become, keeping what they share: import
/// keys, the catalogue's sets, collections.
pub(super) struct CardWriter<'c> {
    conn: &'c Connection,
    items: ItemWriter<'c>,
    /// Import key → item id, for live items; loaded at the first keyed row.
    keys: Option<HashMap<String, String>>,
    /// How often each natural key has come up in this file.
    seen: HashMap<String, u32>,
    catalogue: Catalogue,
    /// Lower-case name → (collection id, next position).
    collections: HashMap<String, (String, i64)>,
    /// (item id, the Homebox import ref of the item holding it).
    parents: Vec<(String, String)>,
}

impl<'c> CardWriter<'c> {
    pub fn new(conn: &'c Connection, batch_id: Option<String>) -> Result<Self> {
        let mut items = ItemWriter::new(conn, batch_id)?;
        // Every row's SKU is looked up here before it is prepared.
        items.skus_checked = true;
        Ok(CardWriter {
            conn,
            items,
            keys: None,
            seen: HashMap::new(),
            catalogue: Catalogue::load(conn)?,
            collections: HashMap::new(),
            parents: Vec::new(),
        })
    }

    /// Writes one row; on failure returns every error it has.
    fn write(
        &mut self,
        layout: &dyn Layout,
        row: &Row<'_>,
        line: u64,
        report: &ImportReport,
    ) -> Result<Saved, Vec<RowError>> {
        let mut entry = layout.read(row).map_err(|errors| {
            errors
                .into_iter()
                .map(|e| cell_error(report, line, e))
                .collect::<Vec<_>>()
        })?;
        let column = |field: &str| -> (String, String) {
            match layout.sources().iter().find(|(f, _)| *f == field) {
                Some((_, col)) => (
                    row.names.get(*col).cloned().unwrap_or_default(),
                    row.raw(*col).to_owned(),
                ),
                None => (field.to_owned(), String::new()),
            }
        };
        let to_row_errors = |e: Error| -> Vec<RowError> {
            match e {
                Error::Invalid(fields) => fields
                    .into_iter()
                    .map(|f| {
                        let (name, _) = column(f.field);
                        row_error(report, line, &name, &f.value, f.code, f.message)
                    })
                    .collect(),
                other => {
                    let (name, value) = match other {
                        Error::SkuTaken { .. } => column("sku"),
                        _ => Default::default(),
                    };
                    vec![row_error(
                        report,
                        line,
                        &name,
                        &value,
                        other.code().as_str(),
                        other.to_string(),
                    )]
                }
            }
        };
        let existing = self.existing(&mut entry).map_err(&to_row_errors)?;
        if let Some(card) = entry.card.as_mut() {
            self.catalogue
                .resolve(self.conn, card, &mut entry.changes)
                .map_err(&to_row_errors)?;
        }
        let fields = self
            .items
            .prepare(existing.as_ref(), &entry.changes)
            .map_err(&to_row_errors)?;
        let (item, mut saved) = match &existing {
            Some(old) => self.items.update(old, fields).map_err(&to_row_errors)?,
            None => (
                self.items.insert(fields, None).map_err(&to_row_errors)?,
                Saved::Created,
            ),
        };
        if let Some(mut card) = entry.card.take() {
            let old = match &existing {
                Some(_) => card_of(self.conn, &item.id).map_err(&to_row_errors)?,
                None => None,
            };
            if let Some(old) = &old {
                keep_what_the_file_lacks(&mut card, old);
                card = card.cleaned().map_err(&to_row_errors)?;
                // Its tier follows its value, which did not move either.
                card.tier = old.tier;
            }
            if old.as_ref() != Some(&card) {
                write_card(self.conn, &item.id, card, "import").map_err(&to_row_errors)?;
                if saved == Saved::Unchanged {
                    saved = Saved::Updated;
                }
            }
        }
        if let Some((name, kind)) = &entry.collection {
            self.add_to_collection(name, kind, &item.id)
                .map_err(&to_row_errors)?;
        }
        if let Some(parent) = entry.parent.take() {
            self.parents.push((item.id.clone(), parent));
        }
        // Last, once nothing of the row can fail (and be rolled back).
        if let Some(key) = entry
            .changes
            .fields
            .as_ref()
            .and_then(|f| f.get(IMPORT_KEY))
            .filter(|_| existing.is_none())
        {
            if let Some(keys) = self.keys.as_mut() {
                keys.insert(key.clone(), item.id.clone());
            }
        }
        Ok(saved)
    }

    /// The item an earlier import made from this row: by SKU, or by the
    /// row's natural key and its occurrence in this file.
    fn existing(&mut self, entry: &mut Entry) -> Result<Option<Item>> {
        if let Some(sku) = entry.changes.sku.clone() {
            let found = item_by_sku(self.conn, &sku)?;
            if let Some(item) = &found {
                if item.deleted_at.is_some() {
                    return Err(Error::invalid(
                        "sku",
                        sku,
                        "in_trash",
                        format!(
                            "SKU belongs to '{}', which is in the trash; restore it first",
                            item.fields.title
                        ),
                    ));
                }
            }
            return Ok(found);
        }
        let Some(key) = entry.key.take() else {
            return Ok(None);
        };
        let n = self.seen.entry(key.clone()).or_insert(0);
        *n += 1;
        let key = format!("{key}#{n}");
        entry.field(IMPORT_KEY, key.clone());
        if self.keys.is_none() {
            self.keys = Some(load_keys(self.conn)?);
        }
        match self.keys.as_ref().and_then(|k| k.get(&key)) {
            Some(id) => find_item(self.conn, id),
            None => Ok(None),
        }
    }

    fn add_to_collection(&mut self, name: &str, kind: &str, item_id: &str) -> Result<()> {
        let lower = name.trim().to_lowercase();
        if !self.collections.contains_key(&lower) {
            let found: Option<String> = self
                .conn
                .prepare_cached("SELECT id FROM collections WHERE name = ?1 COLLATE NOCASE")?
                .query_row([name.trim()], |r| r.get(0))
                .optional()?;
            let id = match found {
                Some(id) => id,
                None => {
                    let id = crate::new_id();
                    let now = crate::now();
                    self.conn
                        .prepare_cached(
                            "INSERT INTO collections (id, name, kind, mode, created_at, updated_at)
                             VALUES (?1, ?2, ?3, 'custom', ?4, ?4)",
                        )?
                        .execute(params![id, name.trim(), kind, now])?;
                    id
                }
            };
            let next: i64 = self
                .conn
                .prepare_cached(
                    "SELECT coalesce(max(position) + 1, 0) FROM collection_items WHERE collection_id = ?1",
                )?
                .query_row([&id], |r| r.get(0))?;
            self.collections.insert(lower.clone(), (id, next));
        }
        let (id, next) = self
            .collections
            .get_mut(&lower)
            .expect("the collection was just found or made");
        let added = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO collection_items (collection_id, item_id, position, added_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![&*id, item_id, *next, crate::now()])?;
        *next += added as i64;
        Ok(())
    }

    /// Puts each Homebox item that sat inside another into a collection
    /// named after its container (a binder, a box).
    fn file_under_parents(&mut self) -> Result<()> {
        for (item_id, parent_ref) in std::mem::take(&mut self.parents) {
            let Some(parent) = item_by_sku(self.conn, &parent_ref)? else {
                // The ref stays in the item's custom fields.
                continue;
            };
            let binder = parent
                .fields
                .tags
                .iter()
                .chain(std::iter::once(&parent.fields.title))
                .any(|t| t.to_lowercase().contains("binder"));
            let kind = if binder { "binder" } else { "box" };
            self.add_to_collection(&parent.fields.title, kind, &item_id)?;
        }
        Ok(())
    }
}

impl Format for CardFormat<'_> {
    fn reads(&self, name: &str) -> bool {
        self.layout.reads(name)
    }

    fn write(
        &mut self,
        _tx: &Connection,
        cells: &[&str],
        line: u64,
        report: &mut ImportReport,
    ) -> Result<Saved, Vec<RowError>> {
        let row = Row {
            cells,
            names: &self.header,
        };
        self.writer.write(self.layout.as_ref(), &row, line, report)
    }

    fn finish(&mut self, _tx: &Connection, _report: &mut ImportReport) -> Result<()> {
        self.writer.file_under_parents()
    }
}

/// Every live item's import key.
fn load_keys(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare(
        "SELECT v.value, i.id FROM custom_fields f
           JOIN item_fields v ON v.field_seq = f.seq
           JOIN items i ON i.seq = v.item_seq
          WHERE f.name = ?1 AND i.deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([IMPORT_KEY], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A file says nothing of grading, value or sports details it has no
/// column for: what the collector entered in Trove stays.
fn keep_what_the_file_lacks(card: &mut Card, old: &Card) {
    macro_rules! keep {
        ($($field:ident),*) => {
            $(if card.$field.is_none() {
                card.$field = old.$field.clone();
            })*
        };
    }
    keep!(
        game,
        set_code,
        set_name,
        collector_number,
        rarity,
        language,
        legality,
        sport,
        year,
        series,
        player,
        team,
        parallel,
        insert_set,
        serial,
        grader,
        grade,
        grade_label,
        cert_number,
        value,
        catalogue_card_id
    );
    card.rookie |= old.rookie;
}

/// The catalogue's sets, to spell a row's set as the catalogue does and to
/// link the row to its catalogue card.
struct Catalogue {
    /// Lower-case set code → set ids (one per game that uses the code).
    codes: HashMap<String, Vec<String>>,
    /// Lower-case set name → (game, set code).
    names: HashMap<String, Vec<(String, String)>>,
}

impl Catalogue {
    fn load(conn: &Connection) -> Result<Catalogue> {
        let mut codes: HashMap<String, Vec<String>> = HashMap::new();
        let mut names: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let mut stmt = conn.prepare("SELECT id, game, code, name FROM catalogue_sets")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (id, game, code, name) = row?;
            codes.entry(code.to_lowercase()).or_default().push(id);
            names
                .entry(name.to_lowercase())
                .or_default()
                .push((game, code));
        }
        Ok(Catalogue { codes, names })
    }

    /// Spells the card's set as the catalogue does, found by code or by
    /// name (without a series prefix such as `SV: `), and links the card
    /// to its catalogue card: by Scryfall id, else by set and number.
    fn resolve(
        &self,
        conn: &Connection,
        card: &mut Card,
        changes: &mut crate::ItemChanges,
    ) -> Result<()> {
        if self.codes.is_empty() {
            return Ok(());
        }
        let known = card
            .set_code
            .as_deref()
            .is_some_and(|c| self.codes.contains_key(&c.to_lowercase()));
        if !known {
            if let Some(code) = card
                .set_name
                .as_deref()
                .and_then(|n| self.code_for(card.game.as_deref(), n))
            {
                if let Some(own) = card.set_code.replace(code.clone()) {
                    if !own.eq_ignore_ascii_case(&code) {
                        changes
                            .fields
                            .get_or_insert_with(Default::default)
                            .insert(SOURCE_SET_CODE.to_owned(), own);
                    }
                }
            }
        }
        let scryfall = changes.fields.as_ref().and_then(|f| f.get(SCRYFALL_ID));
        if let Some(id) = scryfall {
            let found: Option<String> = conn
                .prepare_cached("SELECT id FROM catalogue_cards WHERE external_id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?;
            if found.is_some() {
                card.catalogue_card_id = found;
                return Ok(());
            }
        }
        let (Some(code), Some(number)) =
            (card.set_code.as_deref(), card.collector_number.as_deref())
        else {
            return Ok(());
        };
        let language = card.language.as_deref().unwrap_or("en");
        for set_id in self.codes.get(&code.to_lowercase()).into_iter().flatten() {
            let found: Option<String> = conn
                .prepare_cached(
                    "SELECT id FROM catalogue_cards WHERE set_id = ?1 AND number = ?2
                      ORDER BY language = ?3 DESC, language = 'en' DESC LIMIT 1",
                )?
                .query_row(params![set_id, number, language], |r| r.get(0))
                .optional()?;
            if found.is_some() {
                card.catalogue_card_id = found;
                break;
            }
        }
        Ok(())
    }

    fn code_for(&self, game: Option<&str>, set_name: &str) -> Option<String> {
        let name = set_name.trim().to_lowercase();
        // TCGplayer prefixes a series: "SV: Scarlet & Violet 151".
        let bare = name.split_once(": ").map(|(_, rest)| rest.to_owned());
        [Some(name), bare].into_iter().flatten().find_map(|wanted| {
            self.names
                .get(&wanted)?
                .iter()
                .find(|(g, _)| game.is_none_or(|want| want == g))
                .map(|(_, code)| code.clone())
        })
    }
}

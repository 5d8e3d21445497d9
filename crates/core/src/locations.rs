//! Locations: bins holding sections, each with a short printable location
//! code (`B12`, `B12-3`). Counts are derived from the items, never stored.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::activity;
use crate::db::Store;
use crate::error::{Error, FieldError, Result};
use crate::item::LocationRef;
use crate::{new_id, now};

/// A bin: a tote, shelf, box or binder with a printed code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Bin {
    pub id: String,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub notes: Option<String>,
    /// Live items directly in the bin or in any of its sections.
    pub items: i64,
    /// The sum of their quantities.
    pub units: i64,
    pub sections: Vec<Section>,
}

/// A section of a bin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Section {
    pub id: String,
    pub bin_id: String,
    pub code: String,
    pub name: String,
    pub capacity: Option<i64>,
    pub items: i64,
    pub units: i64,
}

/// What a location code names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Location {
    Bin(Bin),
    Section { bin: Bin, section: Section },
}

fn check_name(what: &'static str, name: &str) -> Result<String> {
    let n = name.trim();
    if n.is_empty() || n.chars().count() > 100 || n.contains('/') || n.chars().any(char::is_control)
    {
        return Err(Error::invalid(
            "name",
            name,
            "name_invalid",
            format!("a {what} name must be 1 to 100 characters without '/'"),
        ));
    }
    // A name shaped like a code would be read as one when typed or imported.
    if looks_like_location_code(n) {
        return Err(Error::invalid(
            "name",
            name,
            "name_invalid",
            format!(
                "'{n}' looks like a location code; give the {what} a name such as 'Tote {}'",
                &n[1..]
            ),
        ));
    }
    Ok(n.to_string())
}

/// True for text shaped like a location code Trove gives out (`B12`, `B12-3`).
pub fn looks_like_location_code(text: &str) -> bool {
    let t = text.trim();
    let Some(rest) = t.strip_prefix(['B', 'b']) else {
        return false;
    };
    let mut parts = rest.splitn(2, '-');
    let digits = |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_some_and(digits) && parts.next().is_none_or(digits)
}

impl Store {
    /// Creates a bin of `kind` (default `general`) and gives it the next code.
    pub fn add_bin(&self, name: &str, kind: Option<&str>) -> Result<Bin> {
        let name = check_name("bin", name)?;
        let kind = kind
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .unwrap_or("general")
            .to_lowercase();
        self.write(|tx| {
            let id = insert_bin(tx, &name, &kind)?;
            activity::log(
                tx,
                "create",
                "bin",
                &id,
                None,
                None,
                Some(serde_json::json!({"name": name, "kind": kind})),
            )?;
            bin_by_id(tx, &id)
        })
    }

    /// Adds a section to the bin with code `bin_code`.
    pub fn add_section(
        &self,
        bin_code: &str,
        name: &str,
        capacity: Option<i64>,
    ) -> Result<Section> {
        let name = check_name("section", name)?;
        if let Some(c) = capacity.filter(|c| *c <= 0) {
            return Err(Error::invalid(
                "capacity",
                c.to_string(),
                "capacity_invalid",
                "a section's capacity must be at least 1",
            ));
        }
        self.write(|tx| {
            let bin =
                bin_id_by_code(tx, bin_code)?.ok_or_else(|| Error::not_found("bin", bin_code))?;
            let id = insert_section(tx, &bin, &name, capacity)?;
            activity::log(
                tx,
                "create",
                "section",
                &id,
                None,
                None,
                Some(serde_json::json!({"name": name})),
            )?;
            section_by_id(tx, &id)
        })
    }

    /// Every bin with its sections and derived counts, in code order.
    pub fn bins(&self) -> Result<Vec<Bin>> {
        self.read(|conn| {
            let ids: Vec<String> = conn
                .prepare_cached("SELECT id FROM bins ORDER BY length(code), code")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.iter().map(|id| bin_by_id(conn, id)).collect()
        })
    }

    /// The bin or section with this code.
    pub fn location(&self, code: &str) -> Result<Location> {
        self.read(|conn| {
            location_by_code(conn, code)?.ok_or_else(|| Error::not_found("location", code.trim()))
        })
    }

    /// Renames the bin or section with this code (the code stays).
    pub fn rename_location(&self, code: &str, name: &str) -> Result<Location> {
        self.write(|tx| {
            let loc = location_by_code(tx, code)?
                .ok_or_else(|| Error::not_found("location", code.trim()))?;
            let (table, id, old, what) = match &loc {
                Location::Bin(b) => ("bins", b.id.clone(), b.name.clone(), "bin"),
                Location::Section { section, .. } => (
                    "sections",
                    section.id.clone(),
                    section.name.clone(),
                    "section",
                ),
            };
            let name = check_name(what, name)?;
            let sql = format!("UPDATE {table} SET name = ?1, updated_at = ?2 WHERE id = ?3");
            tx.execute(&sql, params![name, now(), id])
                .map_err(|e| unique_name(e, what, &name))?;
            activity::log(
                tx,
                "rename",
                what,
                &id,
                None,
                Some(serde_json::json!({ "name": old })),
                Some(serde_json::json!({ "name": name })),
            )?;
            location_by_code(tx, code)?.ok_or_else(|| Error::not_found("location", code.trim()))
        })
    }

    /// Deletes an empty bin (with its empty sections) or an empty section.
    pub fn delete_location(&self, code: &str) -> Result<()> {
        self.write(|tx| {
            let loc = location_by_code(tx, code)?
                .ok_or_else(|| Error::not_found("location", code.trim()))?;
            let (what, id, code, table, count_sql) = match &loc {
                Location::Bin(b) => (
                    "bin",
                    &b.id,
                    &b.code,
                    "bins",
                    "SELECT count(*) FROM items WHERE bin_id = ?1",
                ),
                Location::Section { section, .. } => (
                    "section",
                    &section.id,
                    &section.code,
                    "sections",
                    "SELECT count(*) FROM items WHERE section_id = ?1",
                ),
            };
            // Trashed items count too: restoring one must find its bin.
            let count: i64 = tx.query_row(count_sql, [id], |r| r.get(0))?;
            if count > 0 {
                return Err(Error::NotEmpty {
                    what,
                    code: code.clone(),
                    count,
                });
            }
            if what == "bin" {
                tx.execute("DELETE FROM sections WHERE bin_id = ?1", [id])?;
            }
            tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
            activity::log(
                tx,
                "delete",
                what,
                id,
                None,
                Some(serde_json::to_value(&loc).unwrap_or_default()),
                None,
            )?;
            Ok(())
        })
    }
}

fn unique_name(e: rusqlite::Error, what: &'static str, name: &str) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => Error::NameTaken {
            what,
            name: name.to_string(),
        },
        _ => e.into(),
    }
}

fn insert_bin(conn: &Connection, name: &str, kind: &str) -> Result<String> {
    let next: i64 = conn.query_row(
        "SELECT coalesce(max(CAST(substr(code, 2) AS INTEGER)), 0) + 1 FROM bins WHERE code GLOB 'B[0-9]*'",
        [],
        |r| r.get(0),
    )?;
    let id = new_id();
    let t = now();
    conn.prepare_cached(
        "INSERT INTO bins (id, code, name, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![id, format!("B{next}"), name, kind, t])
    .map_err(|e| unique_name(e, "bin", name))?;
    Ok(id)
}

fn insert_section(
    conn: &Connection,
    bin_id: &str,
    name: &str,
    capacity: Option<i64>,
) -> Result<String> {
    let (bin_code, next): (String, i64) = conn.query_row(
        "SELECT b.code, coalesce(max(CAST(substr(s.code, length(b.code) + 2) AS INTEGER)), 0) + 1
         FROM bins b LEFT JOIN sections s ON s.bin_id = b.id WHERE b.id = ?1",
        [bin_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let id = new_id();
    let t = now();
    conn.prepare_cached(
        "INSERT INTO sections (id, bin_id, code, name, capacity, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![
        id,
        bin_id,
        format!("{bin_code}-{next}"),
        name,
        capacity,
        t
    ])
    .map_err(|e| unique_name(e, "section", name))?;
    Ok(id)
}

/// A general bin with the given code (one a file already uses).
fn insert_coded_bin(conn: &Connection, code: &str, name: &str) -> Result<String> {
    let id = new_id();
    let t = now();
    conn.prepare_cached(
        "INSERT INTO bins (id, code, name, kind, created_at, updated_at) VALUES (?1, ?2, ?3, 'general', ?4, ?4)",
    )?
    .execute(params![id, code, name, t])
    .map_err(|e| unique_name(e, "bin", name))?;
    Ok(id)
}

/// A section of `bin_id` with the given code (one a file already uses).
fn insert_coded_section(conn: &Connection, bin_id: &str, code: &str, name: &str) -> Result<String> {
    let id = new_id();
    let t = now();
    conn.prepare_cached(
        "INSERT INTO sections (id, bin_id, code, name, capacity, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?5)",
    )?
    .execute(params![id, bin_id, code, name, t])
    .map_err(|e| unique_name(e, "section", name))?;
    Ok(id)
}

fn bin_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Bin> {
    Ok(Bin {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        notes: r.get(4)?,
        items: r.get(5)?,
        units: r.get(6)?,
        sections: Vec::new(),
    })
}

fn section_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Section> {
    Ok(Section {
        id: r.get(0)?,
        bin_id: r.get(1)?,
        code: r.get(2)?,
        name: r.get(3)?,
        capacity: r.get(4)?,
        items: r.get(5)?,
        units: r.get(6)?,
    })
}

/// A section with its derived counts (covering index `items_by_section`).
const SECTION_SELECT: &str =
    "SELECT s.id, s.bin_id, s.code, s.name, s.capacity, count(i.seq), coalesce(sum(i.quantity), 0)
     FROM sections s LEFT JOIN items i ON i.section_id = s.id AND i.deleted_at IS NULL";

/// A bin with its sections and their derived counts, all counted in one
/// pass over the covering index `items_by_bin`.
fn bin_by_id(conn: &Connection, id: &str) -> Result<Bin> {
    let mut bin = conn
        .prepare_cached(
            "SELECT b.id, b.code, b.name, b.kind, b.notes, 0, 0 FROM bins b WHERE b.id = ?1",
        )?
        .query_row([id], bin_from_row)?;
    bin.sections = conn
        .prepare_cached(
            "SELECT s.id, s.bin_id, s.code, s.name, s.capacity, 0, 0 FROM sections s
             WHERE s.bin_id = ?1 ORDER BY s.seq",
        )?
        .query_map([id], section_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT section_id, count(*), sum(quantity) FROM items
         WHERE bin_id = ?1 AND deleted_at IS NULL GROUP BY section_id",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(row) = rows.next()? {
        let (section, items, units): (Option<String>, i64, i64) =
            (row.get(0)?, row.get(1)?, row.get(2)?);
        bin.items += items;
        bin.units += units;
        if let Some(s) = bin
            .sections
            .iter_mut()
            .find(|s| Some(&s.id) == section.as_ref())
        {
            s.items = items;
            s.units = units;
        }
    }
    Ok(bin)
}

fn section_by_id(conn: &Connection, id: &str) -> Result<Section> {
    Ok(conn
        .prepare_cached(&format!("{SECTION_SELECT} WHERE s.id = ?1 GROUP BY s.seq"))?
        .query_row([id], section_from_row)?)
}

fn bin_id_by_code(conn: &Connection, code: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM bins WHERE code = ?1")?
        .query_row([code.trim()], |r| r.get(0))
        .optional()?)
}

/// The bin or section with this exact code (case-insensitive).
pub fn location_by_code(conn: &Connection, code: &str) -> Result<Option<Location>> {
    let code = code.trim();
    if let Some(id) = bin_id_by_code(conn, code)? {
        return Ok(Some(Location::Bin(bin_by_id(conn, &id)?)));
    }
    let section: Option<String> = conn
        .prepare_cached("SELECT id FROM sections WHERE code = ?1")?
        .query_row([code], |r| r.get(0))
        .optional()?;
    match section {
        Some(id) => {
            let section = section_by_id(conn, &id)?;
            let bin = bin_by_id(conn, &section.bin_id)?;
            Ok(Some(Location::Section { bin, section }))
        }
        None => Ok(None),
    }
}

/// Which missing locations resolving a typed location may create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateLocations {
    /// Only existing bins and sections: anything else is an error.
    None,
    /// Bins and sections a path of names gives (`Garage tote/Top shelf`);
    /// an unknown code is an error, since a typed typo must not make a bin.
    Named,
    /// Named ones, and coded ones too (`B303-10` makes bin B303 and its
    /// section B303-10): a file imported before its bins were typed in
    /// names its places by the codes written on them.
    NamedAndCoded,
}

/// Finds where `text` points: a location code (`B12`, `B12-3`), or a path
/// of names (`Garage tote/Top shelf`), creating what `create` allows.
pub fn resolve_location(
    conn: &Connection,
    text: &str,
    create: CreateLocations,
) -> Result<LocationRef, FieldError> {
    resolve(conn, text, create).map_err(|e| match e {
        Error::Invalid(mut errors) if !errors.is_empty() => errors.swap_remove(0),
        other => FieldError::new("location", text, other.code().as_str(), other.to_string()),
    })
}

fn resolve(conn: &Connection, text: &str, create: CreateLocations) -> Result<LocationRef> {
    let t = text.trim();
    let by_code = conn
        .prepare_cached(
            "SELECT b.id, NULL, b.code, b.name, NULL FROM bins b WHERE b.code = ?1
             UNION ALL
             SELECT s.bin_id, s.id, s.code, b.name, s.name FROM sections s JOIN bins b ON b.id = s.bin_id
             WHERE s.code = ?1",
        )?
        .query_row([t], location_ref_from_row)
        .optional()?;
    if let Some(p) = by_code {
        return Ok(p);
    }
    if looks_like_location_code(t) {
        if create == CreateLocations::NamedAndCoded {
            return create_coded(conn, t);
        }
        return Err(Error::invalid(
            "location",
            text,
            "location_unknown",
            format!("there is no location with code {t}"),
        ));
    }
    let create = create != CreateLocations::None;
    let parts: Vec<&str> = t.split('/').map(str::trim).collect();
    let (bin_name, section_name) = match parts.as_slice() {
        [bin] => (*bin, None),
        [bin, section] => (*bin, Some(*section)),
        _ => {
            return Err(Error::invalid(
                "location",
                text,
                "location_invalid",
                format!(
                    "'{t}' is not a location: give a code like B12-3 or 'Bin name/Section name'"
                ),
            ))
        }
    };
    let bin_name = check_name("bin", bin_name).map_err(|_| {
        Error::invalid(
            "location",
            text,
            "location_invalid",
            format!("'{t}' does not name a bin"),
        )
    })?;
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM bins WHERE name = ?1 COLLATE NOCASE ORDER BY seq LIMIT 2",
    )?;
    let bins: Vec<String> = stmt
        .query_map([&bin_name], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let bin_id = match bins.as_slice() {
        [one] => one.clone(),
        [] if create => insert_bin(conn, &bin_name, "general")?,
        [] => {
            return Err(Error::invalid(
                "location",
                text,
                "location_unknown",
                format!("there is no bin named '{bin_name}'"),
            ))
        }
        _ => {
            return Err(Error::invalid(
                "location",
                text,
                "location_ambiguous",
                format!("several bins are named '{bin_name}'; use the location code instead"),
            ))
        }
    };
    let section_id = match section_name {
        None => None,
        Some(name) => {
            let name = check_name("section", name).map_err(|_| {
                Error::invalid(
                    "location",
                    text,
                    "location_invalid",
                    format!("'{t}' does not name a section"),
                )
            })?;
            let found: Option<String> = conn
                .prepare_cached(
                    "SELECT id FROM sections WHERE bin_id = ?1 AND name = ?2 COLLATE NOCASE",
                )?
                .query_row(params![bin_id, name], |r| r.get(0))
                .optional()?;
            match found {
                Some(id) => Some(id),
                None if create => Some(insert_section(conn, &bin_id, &name, None)?),
                None => {
                    return Err(Error::invalid(
                        "location",
                        text,
                        "location_unknown",
                        format!("bin '{bin_name}' has no section named '{name}'"),
                    ))
                }
            }
        }
    };
    location_ref(conn, &bin_id, section_id.as_deref())
}

/// Creates the location a code no bin or section has yet names: its bin
/// (`B303`, named "Bin 303") when missing, and for `B303-10` the section
/// with that code (named "Section 10"). Codes keep the digits as written,
/// so the label on the shelf and the one Trove prints agree.
fn create_coded(conn: &Connection, code: &str) -> Result<LocationRef> {
    let code = code.to_uppercase();
    let (bin_code, section_number) = match code.split_once('-') {
        Some((bin, section)) => (bin.to_string(), Some(section.to_string())),
        None => (code.clone(), None),
    };
    let existing: Option<String> = conn
        .prepare_cached("SELECT id FROM bins WHERE code = ?1")?
        .query_row([&bin_code], |r| r.get(0))
        .optional()?;
    let bin_id = match existing {
        Some(id) => id,
        None => {
            let name = free_name(
                conn,
                "SELECT 1 FROM bins WHERE kind = 'general' AND name = ?1 COLLATE NOCASE",
                &[],
                format!("Bin {}", &bin_code[1..]),
                &bin_code,
            )?;
            insert_coded_bin(conn, &bin_code, &name)?
        }
    };
    let section_id = match section_number {
        None => None,
        Some(number) => {
            let name = free_name(
                conn,
                "SELECT 1 FROM sections WHERE bin_id = ?2 AND name = ?1 COLLATE NOCASE",
                &[&bin_id],
                format!("Section {number}"),
                &code,
            )?;
            Some(insert_coded_section(conn, &bin_id, &code, &name)?)
        }
    };
    location_ref(conn, &bin_id, section_id.as_deref())
}

/// `wanted`, or `wanted (code)` when `taken` (a query with the name as ?1
/// and `more` after it) finds the plain name in use.
fn free_name(
    conn: &Connection,
    taken: &str,
    more: &[&str],
    wanted: String,
    code: &str,
) -> Result<String> {
    let mut args: Vec<&str> = vec![&wanted];
    args.extend_from_slice(more);
    let in_use = conn
        .prepare_cached(taken)?
        .exists(rusqlite::params_from_iter(args))?;
    Ok(if in_use {
        format!("{wanted} ({code})")
    } else {
        wanted
    })
}

fn location_ref_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LocationRef> {
    let bin_name: String = r.get(3)?;
    let section_name: Option<String> = r.get(4)?;
    Ok(LocationRef {
        bin_id: r.get(0)?,
        section_id: r.get(1)?,
        code: r.get(2)?,
        path: match section_name {
            Some(s) => format!("{bin_name}/{s}"),
            None => bin_name,
        },
    })
}

/// The location reference for a bin and optional section.
pub(crate) fn location_ref(
    conn: &Connection,
    bin_id: &str,
    section_id: Option<&str>,
) -> Result<LocationRef> {
    let p = match section_id {
        Some(s) => conn
            .prepare_cached(
                "SELECT s.bin_id, s.id, s.code, b.name, s.name FROM sections s JOIN bins b ON b.id = s.bin_id
                 WHERE s.id = ?1",
            )?
            .query_row([s], location_ref_from_row)?,
        None => conn
            .prepare_cached("SELECT b.id, NULL, b.code, b.name, NULL FROM bins b WHERE b.id = ?1")?
            .query_row([bin_id], location_ref_from_row)?,
    };
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_codes_are_recognised() {
        for yes in ["B1", "b12", "B12-3", " B7-10 "] {
            assert!(looks_like_location_code(yes), "{yes}");
        }
        for no in ["", "B", "B-1", "B12-", "Tote 4", "A12", "B1-2-3", "B12x"] {
            assert!(!looks_like_location_code(no), "{no}");
        }
    }
}

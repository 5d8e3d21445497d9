//! One search box over everything an item carries.
//!
//! Plain FTS5 `ORDER BY bm25()` scores every matching row before it can
//! return the first; a one- or two-letter prefix matches most of a million
//! items and costs hundreds of milliseconds. Trove bounds that work instead:
//!
//! 1. Exact hits (SKU, any GTIN form of a barcode, whole title) come first,
//!    each an index look-up.
//! 2. Matches are read newest-first from the index, which FTS5 streams
//!    without scoring, and at most [`CANDIDATES`] of them are ranked by
//!    bm25. A query that matches fewer than that (nearly every query of
//!    three letters or more) is ranked exactly; a broader one ranks the
//!    newest [`CANDIDATES`] matches and says there are more.
//! 3. With filters that are themselves narrow (one bin, a price band), the
//!    filtered rows drive instead and each is checked against the index.

pub mod query;

use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::db::Store;
use crate::error::Result;
use crate::gtin::Gtin;
use crate::item::Item;
use crate::items::{item_from_row, ITEM_SELECT};
use crate::list::{filter_sql, Filters, ListQuery, Where};

/// How many matches are ranked at most.
pub const CANDIDATES: usize = 2_000;

/// A search as the box and the filter bar state it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SearchQuery {
    pub text: String,
    pub filters: Filters,
    /// Results wanted (1 to 500; default 50).
    pub limit: Option<usize>,
    /// Results to skip, for the next screenful.
    pub offset: usize,
}

/// What a search found.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub items: Vec<Item>,
    /// How many of `items`, from the top, matched exactly (SKU, barcode, title).
    pub exact: usize,
    /// Matches found; a floor when `more` is set.
    pub total: usize,
    /// More items match than were ranked; the newest matches were ranked.
    pub more: bool,
}

impl Store {
    /// Searches live items. Any text is a search, never an error.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        self.read(|conn| search(conn, query))
    }
}

fn search(conn: &Connection, q: &SearchQuery) -> Result<SearchResults> {
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let filter = filter_sql(conn, &q.filters)?;
    let Some(fts) = query::fts_query(&q.text) else {
        // Nothing searchable typed: the filtered list, newest first.
        let page = crate::list::list_in(
            conn,
            &ListQuery {
                filters: q.filters.clone(),
                limit: Some(limit),
                ..ListQuery::default()
            },
        )?;
        let total = page.items.len();
        return Ok(SearchResults {
            more: page.next.is_some(),
            items: page.items,
            exact: 0,
            total,
        });
    };

    let exact = exact_hits(conn, q.text.trim(), &filter)?;
    let mut ranked = if q.filters.is_empty() {
        ranked_matches(conn, &fts)?
    } else if narrow_filter(conn, &filter)? {
        ranked_within_filter(conn, &fts, &filter)?
    } else {
        ranked_matches_filtered(conn, &fts, &filter)?
    };
    let more = ranked.len() >= CANDIDATES;
    // Best score first; among equals the newest, so the order is stable.
    ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));

    let mut order: Vec<i64> = exact.clone();
    order.extend(ranked.iter().map(|r| r.0).filter(|s| !exact.contains(s)));
    let total = order.len();
    let mut stmt = conn.prepare_cached(&format!("{ITEM_SELECT} WHERE i.seq = ?1"))?;
    let mut items = Vec::with_capacity(limit);
    for seq in order.iter().skip(q.offset).take(limit) {
        items.push(stmt.query_row([seq], item_from_row)?);
    }
    let exact = exact.len().saturating_sub(q.offset).min(items.len());
    Ok(SearchResults {
        items,
        exact,
        total,
        more,
    })
}

/// Row numbers of items whose SKU, barcode or whole title equals the text.
fn exact_hits(conn: &Connection, text: &str, filter: &Where) -> Result<Vec<i64>> {
    let mut hits = Vec::new();
    if text.is_empty() || text.len() > 400 {
        return Ok(hits);
    }
    let n = filter.params.len() + 1;
    let mut probe = |column: &str, value: &str| -> Result<()> {
        let sql = format!(
            "SELECT i.seq FROM items i WHERE {column} = ?{n} AND {} ORDER BY i.seq DESC LIMIT 20",
            filter.sql
        );
        let mut params = filter.params.clone();
        params.push(Value::Text(value.to_string()));
        let mut stmt = conn.prepare_cached(&sql)?;
        for seq in stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
            r.get::<_, i64>(0)
        })? {
            let seq = seq?;
            if !hits.contains(&seq) {
                hits.push(seq);
            }
        }
        Ok(())
    };
    probe("i.sku", text)?;
    if let Ok(gtin) = Gtin::parse(text) {
        probe("i.barcode", gtin.as_str())?;
    }
    probe("i.title COLLATE NOCASE", text)?;
    Ok(hits)
}

fn collect(stmt: &mut rusqlite::CachedStatement<'_>, params: &[Value]) -> Result<Vec<(i64, f64)>> {
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Up to [`CANDIDATES`] matches, newest first, with their bm25 rank.
fn ranked_matches(conn: &Connection, fts: &str) -> Result<Vec<(i64, f64)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT rowid, rank FROM items_fts WHERE items_fts MATCH ?1 ORDER BY rowid DESC LIMIT {CANDIDATES}"
    ))?;
    collect(&mut stmt, &[Value::Text(fts.to_string())])
}

/// Like [`ranked_matches`], checking each match against broad filters.
fn ranked_matches_filtered(
    conn: &Connection,
    fts: &str,
    filter: &Where,
) -> Result<Vec<(i64, f64)>> {
    let n = filter.params.len() + 1;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT f.rowid, f.rank FROM items_fts f JOIN items i ON i.seq = f.rowid
         WHERE items_fts MATCH ?{n} AND {} ORDER BY f.rowid DESC LIMIT {CANDIDATES}",
        filter.sql
    ))?;
    let mut params = filter.params.clone();
    params.push(Value::Text(fts.to_string()));
    collect(&mut stmt, &params)
}

/// True when the filters alone leave few enough rows to drive the search.
fn narrow_filter(conn: &Connection, filter: &Where) -> Result<bool> {
    let sql = format!(
        "SELECT count(*) FROM (SELECT 1 FROM items i WHERE {} LIMIT {})",
        filter.sql,
        CANDIDATES + 1
    );
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(filter.params.iter()), |r| {
            r.get(0)
        })?;
    Ok(n as usize <= CANDIDATES)
}

/// The filtered rows, each looked up in the index by row number.
fn ranked_within_filter(conn: &Connection, fts: &str, filter: &Where) -> Result<Vec<(i64, f64)>> {
    let n = filter.params.len() + 1;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT f.rowid, f.rank FROM items_fts f
         WHERE items_fts MATCH ?{n} AND f.rowid IN (SELECT i.seq FROM items i WHERE {})",
        filter.sql
    ))?;
    let mut params = filter.params.clone();
    params.push(Value::Text(fts.to_string()));
    collect(&mut stmt, &params)
}

/// From now until [`index_deferred`] in the same transaction, new and
/// changed items are queued instead of indexed one by one (see the
/// migration for why). Rolling the transaction back drops the queue too.
pub(crate) fn defer_indexing(conn: &Connection) -> Result<()> {
    conn.execute("INSERT OR IGNORE INTO search_deferred (seq) VALUES (0)", [])?;
    Ok(())
}

/// Indexes every queued item in one statement and ends the deferral.
pub(crate) fn index_deferred(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM search_deferred WHERE seq = 0;
         INSERT INTO items_fts (rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes)
             SELECT i.seq, i.title, i.sku, i.barcode_forms, i.brand, i.category, i.tags, i.location, i.description,
                    i.notes
             FROM search_deferred d JOIN items i ON i.seq = d.seq WHERE i.deleted_at IS NULL;
         DELETE FROM search_deferred;",
    )?;
    Ok(())
}

/// The baselines the benchmark compares against; not used by the app.
pub mod baseline {
    use super::*;

    /// Naive FTS5: every match scored by bm25, best first.
    pub fn fts_bm25(conn: &Connection, text: &str, limit: usize) -> Result<Vec<i64>> {
        let Some(fts) = query::fts_query(text) else {
            return Ok(Vec::new());
        };
        let mut stmt = conn.prepare_cached(
            "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 ORDER BY bm25(items_fts) LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![fts, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A substring scan over the main text columns.
    pub fn like_scan(conn: &Connection, text: &str, limit: usize) -> Result<Vec<i64>> {
        let pattern = format!(
            "%{}%",
            text.trim()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let mut stmt = conn.prepare_cached(
            "SELECT seq FROM items WHERE deleted_at IS NULL AND (title LIKE ?1 ESCAPE '\\' OR brand LIKE ?1 ESCAPE '\\'
               OR sku LIKE ?1 ESCAPE '\\' OR tags LIKE ?1 ESCAPE '\\' OR description LIKE ?1 ESCAPE '\\')
             LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![pattern, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

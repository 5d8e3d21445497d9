//! One search box over everything an item carries.
//!
//! Plain FTS5 `ORDER BY bm25()` scores every matching row before it can
//! return the first, and scoring costs about 9 µs a row (each needs its
//! document-size record and position lists): a one- or two-letter prefix
//! matches most of a million items and takes hundreds of milliseconds.
//! Trove bounds that work instead:
//!
//! 1. Exact hits (SKU, any GTIN form of a barcode, whole title) come first,
//!    each an index look-up.
//! 2. Matches are read newest-first without scoring, which FTS5 streams, up
//!    to [`CANDIDATES`]. A query that matches fewer (nearly every query of
//!    three letters or more) is then ranked exactly by bm25 (title weighted
//!    highest), ties broken newest-first.
//! 3. A broader query is not scored: items whose *title* matches come
//!    first, then the rest, each newest-first, and the results say there
//!    are more. At one or two letters that is what a person typing expects.
//! 4. With filters that are themselves narrow (one bin, a price band), the
//!    filtered rows drive instead and each is checked against the index.

pub mod query;
mod title;

use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::db::Store;
use crate::error::Result;
use crate::gtin::Gtin;
use crate::item::Item;
use crate::items::{item_from_row, ITEM_SELECT};
use crate::list::{filter_sql, Filters, ListQuery, Where};

/// Queries matching fewer items than this are ranked by bm25.
pub const CANDIDATES: usize = 1_000;

/// A search as the box and the filter bar state it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ts_rs::TS)]
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
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SearchResults {
    pub items: Vec<Item>,
    /// How many of `items`, from the top, matched exactly (SKU, barcode, title).
    pub exact: usize,
    /// Matches found; a floor when `more` is set.
    pub total: usize,
    /// More items match than were ranked ([`CANDIDATES`] or more).
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
    let source = if q.filters.is_empty() {
        Source::All
    } else if narrow_filter(conn, &filter)? {
        Source::WithinFilter(&filter)
    } else {
        Source::CheckingFilter(&filter)
    };
    let newest = matches(conn, &fts, &source, false, CANDIDATES, 0)?;
    let more = newest.len() >= CANDIDATES;
    let mut order: Vec<i64> = exact.clone();
    let push = |seq: i64, order: &mut Vec<i64>| {
        if !exact.contains(&seq) {
            order.push(seq);
        }
    };
    if more {
        // Too broad to score: title matches first, then the rest, each
        // newest first, all among the candidates.
        let wanted = q.offset + limit;
        let typed = title::tokens(&query::words(&q.text).join(" "));
        let in_title = titled(conn, &newest, &typed, wanted)?;
        for m in &in_title {
            push(m.0, &mut order);
        }
        for m in newest.iter().filter(|m| !in_title.contains(m)) {
            push(m.0, &mut order);
        }
    } else {
        let mut ranked = matches(conn, &fts, &source, true, CANDIDATES, 0)?;
        // Best score first; among equals the newest, so the order is stable.
        ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        for m in &ranked {
            push(m.0, &mut order);
        }
    }
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

/// Candidates spread over more row numbers than this many times their
/// count have their titles read one by one rather than by one range scan.
const DENSE: i64 = 8;

/// The first `wanted` of `candidates` (newest first) whose title carries
/// the typed words. A broad query's candidates are nearly all of the newest
/// rows, so their titles are read in one scan of that row range (a few
/// milliseconds) instead of a look-up per row; a ranged FTS5 column filter
/// would instead load the whole doclist of a common prefix.
fn titled(
    conn: &Connection,
    candidates: &[(i64, f64)],
    typed: &[String],
    wanted: usize,
) -> Result<Vec<(i64, f64)>> {
    let (Some(newest), Some(oldest)) = (candidates.first(), candidates.last()) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    if newest.0 - oldest.0 <= DENSE * candidates.len() as i64 {
        let wanted_rows: std::collections::HashSet<i64> = candidates.iter().map(|m| m.0).collect();
        let mut stmt = conn.prepare_cached(
            "SELECT seq, title FROM items WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq DESC",
        )?;
        let mut rows = stmt.query([oldest.0, newest.0])?;
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get(0)?;
            if wanted_rows.contains(&seq) && title::carries(&row.get::<_, String>(1)?, typed) {
                out.push((seq, 0.0));
                if out.len() >= wanted {
                    break;
                }
            }
        }
    } else {
        let mut stmt = conn.prepare_cached("SELECT title FROM items WHERE seq = ?1")?;
        for m in candidates {
            let t: String = stmt.query_row([m.0], |r| r.get(0))?;
            if title::carries(&t, typed) {
                out.push(*m);
                if out.len() >= wanted {
                    break;
                }
            }
        }
    }
    Ok(out)
}

/// Which rows a search reads its matches from.
enum Source<'a> {
    /// Every live item: the index alone.
    All,
    /// Filters that match many rows: each match is checked against them.
    CheckingFilter(&'a Where),
    /// Filters that match few rows: those rows are looked up in the index.
    WithinFilter(&'a Where),
}

/// Up to `limit` matches of `fts` with row number at least `from`, newest
/// first, with their bm25 rank when `ranked` (0 otherwise: scoring is the
/// expensive part).
fn matches(
    conn: &Connection,
    fts: &str,
    source: &Source<'_>,
    ranked: bool,
    limit: usize,
    from: i64,
) -> Result<Vec<(i64, f64)>> {
    let rank = if ranked { "f.rank" } else { "0.0" };
    // A literal: FTS5 applies a rowid bound while reading its doclists.
    let bound = format!("f.rowid >= {from}");
    let (sql, mut params) = match source {
        Source::All => (
            format!(
                "SELECT f.rowid, {rank} FROM items_fts f WHERE items_fts MATCH ?1 AND {bound}
                 ORDER BY f.rowid DESC LIMIT {limit}"
            ),
            Vec::new(),
        ),
        Source::CheckingFilter(w) => (
            format!(
                "SELECT f.rowid, {rank} FROM items_fts f JOIN items i ON i.seq = f.rowid
                 WHERE items_fts MATCH ?{} AND {bound} AND {} ORDER BY f.rowid DESC LIMIT {limit}",
                w.params.len() + 1,
                w.sql
            ),
            w.params.clone(),
        ),
        Source::WithinFilter(w) => (
            format!(
                "SELECT f.rowid, {rank} FROM items_fts f
                 WHERE items_fts MATCH ?{} AND {bound} AND f.rowid IN (SELECT i.seq FROM items i WHERE {})
                 ORDER BY f.rowid DESC LIMIT {limit}",
                w.params.len() + 1,
                w.sql
            ),
            w.params.clone(),
        ),
    };
    params.push(Value::Text(fts.to_string()));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// True when the filters alone leave few enough rows to drive the search.
fn narrow_filter(conn: &Connection, filter: &Where) -> Result<bool> {
    crate::list::matches_at_most(conn, filter, CANDIDATES)
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
         INSERT INTO items_fts (rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes, card_text)
             SELECT i.seq, i.title, i.sku, i.barcode_forms, i.brand, i.category, i.tags, i.location, i.description,
                    i.notes, i.card_text
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

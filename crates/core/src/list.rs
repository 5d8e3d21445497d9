//! The inventory list: filters and sorts over live items, paged by key (the
//! last row's sort value and row number) so page 10,000 costs what page 1
//! costs.

use std::time::{Duration, Instant};

use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::db::Store;
use crate::error::{Error, Result};
use crate::item::{Condition, Item, Status};
use crate::items::{item_from_row, ITEM_SELECT};
use crate::locations::{location_by_code, Location};
use crate::money::{Currency, Money};

/// Conditions a list or search can be narrowed by. All given ones apply.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct Filters {
    pub status: Option<Status>,
    /// A bin or section code; a bin includes its sections.
    pub location: Option<String>,
    /// A category path; includes its sub-categories.
    pub category: Option<String>,
    pub condition: Option<Condition>,
    /// Lowest price, decimal text in `currency` (or the home currency).
    pub price_min: Option<String>,
    /// Highest price, likewise.
    pub price_max: Option<String>,
    pub currency: Option<String>,
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// The orders a list can be shown in.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Most recently added first (the default).
    #[default]
    Newest,
    Title,
    Price,
    Quantity,
    Updated,
}

impl Sort {
    /// Every sort.
    pub const ALL: [Sort; 5] = [
        Sort::Newest,
        Sort::Title,
        Sort::Price,
        Sort::Quantity,
        Sort::Updated,
    ];

    fn column(self) -> &'static str {
        match self {
            Sort::Newest => "i.seq",
            Sort::Title => "i.title COLLATE NOCASE",
            Sort::Price => "ifnull(i.price_amount, -1)",
            Sort::Quantity => "i.quantity",
            Sort::Updated => "i.updated_at",
        }
    }

    /// The name used on the command line and in the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Title => "title",
            Sort::Price => "price",
            Sort::Quantity => "quantity",
            Sort::Updated => "updated",
        }
    }

    /// Reads a sort name.
    pub fn parse(text: &str) -> Option<Sort> {
        Sort::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// One page request.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ts_rs::TS)]
#[serde(default)]
pub struct ListQuery {
    pub filters: Filters,
    pub sort: Sort,
    /// Reverse the sort's natural direction (newest is already descending).
    pub reverse: bool,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
    /// Rows per page (1 to 500; default 50).
    pub limit: Option<usize>,
}

/// One page of items.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Page {
    pub items: Vec<Item>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next: Option<String>,
}

/// SQL conditions and their parameters, built from [`Filters`].
pub(crate) struct Where {
    /// The conditions, free to use any index.
    pub sql: String,
    /// The same conditions with `{+}` before each indexed term (`{+p}` for
    /// price terms), for [`Where::without_indexes`].
    marked: String,
    pub params: Vec<Value>,
}

impl Where {
    /// The conditions written so that SQLite cannot drive the query from
    /// their indexes (a unary `+` hides a term from the planner), so it
    /// walks the sort's index instead and stops at the first page. Price
    /// terms keep their index when the list is sorted by price.
    pub(crate) fn without_indexes(&self, sort: Sort) -> String {
        let price = if sort == Sort::Price { "" } else { "+" };
        self.marked.replace("{+p}", price).replace("{+}", "+")
    }
}

/// How many filtered rows make a filter broad: past this, walking the sort
/// order and skipping non-matching rows finds a page sooner than sorting
/// every match.
const NARROW_FILTER: usize = 5_000;

/// True when the filters alone match at most `limit` rows.
pub(crate) fn matches_at_most(conn: &Connection, filter: &Where, limit: usize) -> Result<bool> {
    let sql = format!(
        "SELECT count(*) FROM (SELECT 1 FROM items i WHERE {} LIMIT {})",
        filter.sql,
        limit + 1
    );
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(filter.params.iter()), |r| {
            r.get(0)
        })?;
    Ok(n as usize <= limit)
}

/// Translates filters into SQL over `items i`, always limited to live items.
pub(crate) fn filter_sql(conn: &Connection, filters: &Filters) -> Result<Where> {
    let mut sql = String::from("i.deleted_at IS NULL");
    let mut params: Vec<Value> = Vec::new();
    let mut push = |clause: &str, value: Value, params: &mut Vec<Value>| {
        params.push(value);
        sql.push_str(&clause.replace('?', &format!("?{}", params.len())));
    };
    // Built with index markers; `sql` is the same text with them removed.
    if let Some(status) = filters.status {
        push(
            " AND {+}i.status = ?",
            status.as_str().to_string().into(),
            &mut params,
        );
    }
    if let Some(condition) = filters.condition {
        push(
            " AND {+}i.condition = ?",
            condition.as_str().to_string().into(),
            &mut params,
        );
    }
    if let Some(code) = filters.location.as_deref().filter(|c| !c.trim().is_empty()) {
        match location_by_code(conn, code)? {
            Some(Location::Bin(bin)) => push(" AND {+}i.bin_id = ?", bin.id.into(), &mut params),
            Some(Location::Section { section, .. }) => {
                push(" AND {+}i.section_id = ?", section.id.into(), &mut params)
            }
            None => return Err(Error::not_found("location", code.trim())),
        }
    }
    if let Some(path) = filters.category.as_deref().filter(|c| !c.trim().is_empty()) {
        push(
            " AND {+}i.category_id IN (WITH RECURSIVE sub(id) AS (
                 SELECT id FROM categories WHERE path = ? COLLATE NOCASE
                 UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)
               SELECT id FROM sub)",
            crate::item::normalise_category(path).into(),
            &mut params,
        );
    }
    if filters.price_min.is_some() || filters.price_max.is_some() {
        let currency = match filters.currency.as_deref().filter(|c| !c.trim().is_empty()) {
            Some(code) => Currency::parse(code)
                .map_err(|e| Error::invalid("currency", code, e.code(), e.to_string()))?,
            None => crate::settings::home_currency(conn)?,
        };
        let bound = |field: &'static str, text: &Option<String>| -> Result<Option<i64>> {
            match text.as_deref().filter(|t| !t.trim().is_empty()) {
                Some(t) => Money::parse(t, currency)
                    .map(|m| Some(m.amount))
                    .map_err(|e| Error::invalid(field, t, e.code(), format!("{field}: {e}"))),
                None => Ok(None),
            }
        };
        let min = bound("price_min", &filters.price_min)?;
        let max = bound("price_max", &filters.price_max)?;
        push(
            " AND i.price_currency = ?",
            currency.code().to_string().into(),
            &mut params,
        );
        if let Some(min) = min {
            push(
                " AND {+p}ifnull(i.price_amount, -1) >= ?",
                min.into(),
                &mut params,
            );
        }
        if let Some(max) = max {
            push(
                " AND {+p}ifnull(i.price_amount, -1) <= ?",
                max.into(),
                &mut params,
            );
        }
    }
    let marked = sql;
    let sql = marked.replace("{+p}", "").replace("{+}", "");
    Ok(Where {
        sql,
        marked,
        params,
    })
}

/// The sort key of the last row and its row number, as an opaque string.
fn encode_cursor(value: &Value, seq: i64) -> String {
    let v = match value {
        Value::Integer(i) => serde_json::json!(i),
        Value::Text(t) => serde_json::json!(t),
        _ => serde_json::Value::Null,
    };
    serde_json::json!([v, seq]).to_string()
}

fn decode_cursor(text: &str) -> Result<(Value, i64)> {
    let bad = || {
        Error::invalid(
            "after",
            text,
            "cursor_invalid",
            "that page cursor is not one Trove gave out",
        )
    };
    let parsed: (serde_json::Value, i64) = serde_json::from_str(text).map_err(|_| bad())?;
    let value = match parsed.0 {
        serde_json::Value::Number(n) => Value::Integer(n.as_i64().ok_or_else(bad)?),
        serde_json::Value::String(s) => Value::Text(s),
        _ => return Err(bad()),
    };
    Ok((value, parsed.1))
}

impl Store {
    /// One page of the inventory.
    pub fn list(&self, query: &ListQuery) -> Result<Page> {
        self.read(|conn| list_in(conn, query))
    }
}

/// [`Store::list`] on a given connection.
pub(crate) fn list_in(conn: &Connection, query: &ListQuery) -> Result<Page> {
    let limit = query.limit.unwrap_or(50).clamp(1, 500);
    let mut w = filter_sql(conn, &query.filters)?;
    let col = query.sort.column();
    // Newest is the one order people expect descending.
    let desc = (query.sort == Sort::Newest) != query.reverse;
    let (cmp, dir) = if desc { ("<", "DESC") } else { (">", "ASC") };
    let mut keyset = String::new();
    if let Some(after) = &query.after {
        let (value, seq) = decode_cursor(after)?;
        if query.sort == Sort::Newest {
            w.params.push(Value::Integer(seq));
            keyset = format!(" AND i.seq {cmp} ?{}", w.params.len());
        } else {
            w.params.push(value);
            w.params.push(Value::Integer(seq));
            let n = w.params.len();
            keyset = format!(" AND ({col}, i.seq) {cmp} (?{}, ?{n})", n - 1);
        }
    }
    // With `by_index` false every sort key gets a unary `+`, which keeps
    // SQLite from reading rows in index order: it must take the rows the
    // filter's index gives and sort them. Which plan is right is decided
    // here, from the filter's actual match count, not by the planner's
    // estimate (which skewed data fools: "status = active" looks like a
    // quarter of the table to it when it is none).
    let order = |by_index: bool| {
        let p = if by_index { "" } else { "+" };
        if query.sort == Sort::Newest {
            format!("{p}i.seq {dir}")
        } else {
            format!("{p}{col} {dir}, {p}i.seq {dir}")
        }
    };
    let page = |conditions: &str, by_index: bool| -> Result<Page> {
        // The page's row numbers first, then their rows: the sort handles
        // keys only, not whole rows.
        let sql = format!(
            "{ITEM_SELECT} WHERE i.seq IN (
                 SELECT i.seq FROM items i WHERE {conditions}{keyset} ORDER BY {} LIMIT {})
             ORDER BY {}",
            order(by_index),
            limit + 1,
            order(true)
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(w.params.iter()))?;
        let mut items = Vec::with_capacity(limit);
        let mut last_seq = 0;
        while let Some(row) = rows.next()? {
            if items.len() == limit {
                let value: Value = conn
                    .prepare_cached(&format!("SELECT {col} FROM items i WHERE i.seq = ?1"))?
                    .query_row([last_seq], |r| r.get(0))?;
                return Ok(Page {
                    items,
                    next: Some(encode_cursor(&value, last_seq)),
                });
            }
            last_seq = row.get(35)?;
            items.push(item_from_row(row)?);
        }
        Ok(Page { items, next: None })
    };
    // A narrow filter (one bin) fetches its rows and sorts them.
    if query.filters.is_empty() {
        return page(&w.sql, true);
    }
    if matches_at_most(conn, &w, NARROW_FILTER)? {
        return page(&w.sql, false);
    }
    // A broad one (most of the inventory is "good") walks the sort order
    // and skips rows that don't match, which finds a page at once unless
    // the matches all sit far along that order (a category whose titles
    // start late in the alphabet). So the walk gets a budget; past it the
    // filtered rows are fetched and sorted after all.
    let started = Instant::now();
    conn.progress_handler(
        WALK_CHECK_EVERY,
        Some(move || started.elapsed() > WALK_BUDGET),
    )?;
    let walked = page(&w.without_indexes(query.sort), true);
    conn.progress_handler(0, None::<fn() -> bool>)?;
    match walked {
        Err(Error::Db(e))
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) =>
        {
            page(&w.sql, false)
        }
        other => other,
    }
}

/// How long a list may walk its sort order looking for filtered rows.
const WALK_BUDGET: Duration = Duration::from_millis(10);
/// SQLite VM steps between budget checks.
const WALK_CHECK_EVERY: std::ffi::c_int = 20_000;

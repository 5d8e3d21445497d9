//! `trove bench floor`: the bulk-load floor the import is measured against.
//! The plainest fast in-process load of a generated CSV into a database
//! made by `trove init`: one prepared INSERT per row in one transaction,
//! bins, sections and categories made on first sight, the items' non-unique
//! indexes dropped before and built again after (the textbook bulk load;
//! without it the floor would fill a dozen b-trees in random key order and
//! be several times slower), search triggers dropped and one FTS5
//! `rebuild` at the end. It validates nothing (no
//! check digits, no money rules, no SKU look-ups, no report), so it is what
//! a load costs before Trove's rules, and Trove's validated import is held
//! to a multiple of it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;
use rusqlite::{params, Connection};
use serde::Serialize;
use trove_core::Error;

use crate::print::Output;

#[derive(Args)]
pub struct FloorArgs {
    /// A CSV with the generator's header (`trove bench gen`).
    #[arg(long)]
    csv: PathBuf,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
pub struct FloorReport {
    pub rows: u64,
    pub seconds: f64,
    /// Of the seconds, the FTS5 rebuild's.
    pub fts_seconds: f64,
    /// This process's peak resident memory, when the OS says (Linux).
    pub peak_rss_mb: Option<f64>,
}

pub fn run(db: &Path, args: &FloorArgs, out: &Output) -> Result<(), Error> {
    let started = Instant::now();
    let mut conn = Connection::open(db)?;
    // The writer's own settings during an import (see core `db.rs` and
    // `import/`): WAL, NORMAL sync, foreign keys left to the loader.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;
         PRAGMA cache_size = -65536; PRAGMA temp_store = FILE;",
    )?;
    let triggers: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'items_fts_%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let indexes: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'
               AND tbl_name IN ('items', 'stock_movements') AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let tx = conn.transaction()?;
    for t in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER \"{t}\""))?;
    }
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    let rows = load(&tx, &args.csv)?;
    // The same rows Trove keeps: each item's first stock movement, in one
    // statement over the loaded table.
    tx.execute(
        "INSERT INTO stock_movements (id, item_id, on_hand, committed, reason, at)
         SELECT ?1 || id, id, quantity, 0, 'imported', created_at FROM items WHERE quantity <> 0",
        [trove_core::stock::CREATION_PREFIX],
    )?;
    for (_, sql) in &indexes {
        tx.execute_batch(sql)?;
    }
    let fts = Instant::now();
    tx.execute_batch("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")?;
    let fts_seconds = fts.elapsed().as_secs_f64();
    // The database is the benchmark's to throw away: its search triggers
    // stay dropped.
    tx.commit()?;
    let report = FloorReport {
        rows,
        seconds: started.elapsed().as_secs_f64(),
        fts_seconds,
        peak_rss_mb: crate::peak_rss_mb(),
    };
    out.value(&report, |r| {
        format!(
            "{} rows in {:.1} s (FTS rebuild {:.1} s), peak RSS {}",
            r.rows,
            r.seconds,
            r.fts_seconds,
            r.peak_rss_mb
                .map_or_else(|| "unknown".to_string(), |m| format!("{m:.0} MB"))
        )
    });
    Ok(())
}

/// Every row of `csv` into `items`, plainly.
fn load(tx: &Connection, csv: &Path) -> Result<u64, Error> {
    let io = |e: csv::Error| Error::Io {
        path: csv.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    };
    let mut reader = csv::Reader::from_path(csv).map_err(io)?;
    let header: Vec<String> = reader
        .headers()
        .map_err(io)?
        .iter()
        .map(str::to_string)
        .collect();
    // The generator writes the canonical header; cells are read by position.
    if header != trove_core::columns::CANONICAL {
        return Err(Error::Io {
            path: csv.to_path_buf(),
            source: std::io::Error::other("not the generator's header"),
        });
    }
    let now = chrono::Utc::now()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        .to_string();
    let mut places: HashMap<String, (String, Option<String>, String)> = HashMap::new();
    let mut bins: HashMap<String, (String, String)> = HashMap::new();
    let mut categories: HashMap<String, String> = HashMap::new();
    let mut insert = tx.prepare(
        "INSERT INTO items (id, sku, barcode, title, description, brand, category_id, category,
             condition, quantity, price_amount, price_currency, cost_amount, cost_currency,
             bin_id, section_id, location, tags, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?20)",
    )?;
    let mut record = csv::StringRecord::new();
    let mut rows = 0u64;
    while reader.read_record(&mut record).map_err(io)? {
        let f = |i: usize| record.get(i).filter(|s| !s.is_empty());
        let currency = f(10).unwrap_or("USD");
        let digits = if currency == "JPY" { 0 } else { 2 };
        let place = match f(11) {
            None => None,
            Some(path) => Some(match places.get(path) {
                Some(p) => p.clone(),
                None => {
                    let p = place(tx, path, &mut bins, &now)?;
                    places.insert(path.to_string(), p.clone());
                    p
                }
            }),
        };
        let category_id = match f(5) {
            None => None,
            Some(path) => Some(match categories.get(path) {
                Some(id) => id.clone(),
                None => {
                    let id = uuid::Uuid::now_v7().to_string();
                    tx.execute(
                        "INSERT INTO categories (id, name, path, created_at) VALUES (?1, ?2, ?2, ?3)",
                        params![id, path, now],
                    )?;
                    categories.insert(path.to_string(), id.clone());
                    id
                }
            }),
        };
        insert.execute(params![
            uuid::Uuid::now_v7().to_string(),
            f(0),
            f(1).map(|b| format!("{b:0>14}")),
            f(2).unwrap_or(""),
            f(3),
            f(4),
            category_id,
            f(5),
            f(6),
            f(7).and_then(|q| q.parse::<i64>().ok()).unwrap_or(1),
            f(8).map(|p| minor_units(p, digits)),
            f(8).map(|_| currency),
            f(9).map(|p| minor_units(p, digits)),
            f(9).map(|_| currency),
            place.as_ref().map(|p| p.0.as_str()),
            place.as_ref().and_then(|p| p.1.as_deref()),
            place.as_ref().map(|p| p.2.as_str()),
            f(12),
            f(13),
            now,
        ])?;
        rows += 1;
    }
    Ok(rows)
}

/// "Bin name/Section name" → (bin id, section id, code), made on first
/// sight with codes numbered as they come.
fn place(
    tx: &Connection,
    path: &str,
    bins: &mut HashMap<String, (String, String)>,
    now: &str,
) -> Result<(String, Option<String>, String), Error> {
    let (bin_name, section_name) = match path.split_once('/') {
        Some((b, s)) => (b, Some(s)),
        None => (path, None),
    };
    let (bin_id, bin_code) = match bins.get(bin_name) {
        Some(b) => b.clone(),
        None => {
            let b = (
                uuid::Uuid::now_v7().to_string(),
                format!("B{}", bins.len() + 1),
            );
            tx.execute(
                "INSERT INTO bins (id, code, name, kind, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'general', ?4, ?4)",
                params![b.0, b.1, bin_name, now],
            )?;
            bins.insert(bin_name.to_string(), b.clone());
            b
        }
    };
    let Some(section_name) = section_name else {
        return Ok((bin_id, None, bin_code));
    };
    let id = uuid::Uuid::now_v7().to_string();
    let n: i64 = tx.query_row(
        "SELECT count(*) + 1 FROM sections WHERE bin_id = ?1",
        [&bin_id],
        |r| r.get(0),
    )?;
    let code = format!("{bin_code}-{n}");
    tx.execute(
        "INSERT INTO sections (id, bin_id, code, name, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, bin_id, code, section_name, now],
    )?;
    Ok((bin_id, Some(id), code))
}

/// "12.5" → 1250 at two digits; no checks (the floor validates nothing).
fn minor_units(text: &str, digits: u32) -> i64 {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let mut frac: String = frac.chars().take(digits as usize).collect();
    while frac.len() < digits as usize {
        frac.push('0');
    }
    format!("{whole}{frac}").parse().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::minor_units;

    #[test]
    fn decimal_text_becomes_minor_units() {
        assert_eq!(minor_units("12.5", 2), 1250);
        assert_eq!(minor_units("3", 2), 300);
        assert_eq!(minor_units("980", 0), 980);
        assert_eq!(minor_units("0.07", 2), 7);
    }
}

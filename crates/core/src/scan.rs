//! What a scanned or typed code points at: an item by SKU or barcode (any
//! GTIN form) or a card by its grading certificate number, or a bin or
//! section by its location code.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::db::Store;
use crate::error::Result;
use crate::gtin::Gtin;
use crate::item::Item;
use crate::items::find_item;
use crate::locations::{location_by_code, Location};

/// The answer to a scan.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scanned {
    /// An item with this SKU or barcode. Several items may share a barcode;
    /// the newest live one is given and `matches` counts them all.
    Item { item: Box<Item>, matches: usize },
    /// A bin or section with this code.
    Location { location: Box<Location> },
    /// Nothing has this code. `code` is its normalised form (a GTIN-14 for
    /// a valid barcode); `barcode`, for a valid one, is its printed form
    /// (UPC-A or EAN-13), which the UI offers as a new item's barcode;
    /// `problem` says why a code shaped like a barcode is not a valid one.
    None {
        code: String,
        barcode: Option<String>,
        problem: Option<String>,
    },
}

impl Store {
    /// Looks a code up exactly.
    pub fn scan(&self, code: &str) -> Result<Scanned> {
        self.read(|conn| scan(conn, code))
    }
}

fn scan(conn: &Connection, code: &str) -> Result<Scanned> {
    let code = code.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    if code.is_empty() {
        return Ok(Scanned::None {
            code: String::new(),
            barcode: None,
            problem: Some("empty code".into()),
        });
    }
    let gtin = Gtin::parse(code);
    if let Some(found) = find_item(conn, code)? {
        let matches = match &found.fields.barcode {
            Some(b) if gtin.as_ref().is_ok_and(|g| g == b) => conn
                .prepare_cached(
                    "SELECT count(*) FROM items WHERE barcode = ?1 AND deleted_at IS NULL",
                )?
                .query_row([b.as_str()], |r| r.get::<_, i64>(0))?
                .max(1) as usize,
            _ => 1,
        };
        return Ok(Scanned::Item {
            item: Box::new(found),
            matches,
        });
    }
    // A grading certificate number (printed on the slab's label, often as
    // a barcode) finds its card.
    let graded: Option<String> = conn
        .prepare_cached("SELECT item_id FROM cards WHERE cert_number = ?1 LIMIT 1")?
        .query_row([code], |r| r.get(0))
        .optional()?;
    if let Some(found) = graded.map(|id| find_item(conn, &id)).transpose()?.flatten() {
        return Ok(Scanned::Item {
            item: Box::new(found),
            matches: 1,
        });
    }
    if let Some(location) = location_by_code(conn, code)? {
        return Ok(Scanned::Location {
            location: Box::new(location),
        });
    }
    Ok(match gtin {
        Ok(g) => Scanned::None {
            code: g.as_str().to_string(),
            barcode: Some(g.display_form().to_string()),
            problem: None,
        },
        Err(e) if Gtin::looks_like_barcode(code) => Scanned::None {
            code: code.to_string(),
            barcode: None,
            problem: Some(e.to_string()),
        },
        Err(_) => Scanned::None {
            code: code.to_string(),
            barcode: None,
            problem: None,
        },
    })
}

//! `trove doctor`: checks the database for anything inconsistent and
//! repairs what can be repaired without guessing.

use serde::Serialize;
pub use trove_store::integrity::Check;

use crate::db::Store;
use crate::error::Result;
use crate::stock;

/// Everything the doctor looked at.
#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    pub checks: Vec<Check>,
}

impl DoctorReport {
    /// True when every check is clean or was repaired.
    pub fn healthy(&self) -> bool {
        self.checks.iter().all(Check::ok)
    }
}

/// Denormalised item columns: name, the condition that finds stale rows,
/// and the column assignment that recomputes them from their source.
const DERIVED: &[(&str, &str, &str)] = &[
    (
        "location codes",
        "i.location IS NOT (SELECT coalesce((SELECT code FROM sections WHERE id = i.section_id),
                                           (SELECT code FROM bins WHERE id = i.bin_id)))",
        "location = (SELECT coalesce((SELECT code FROM sections WHERE id = i.section_id),
                                     (SELECT code FROM bins WHERE id = i.bin_id)))",
    ),
    (
        "category paths",
        "i.category_id IS NOT NULL AND i.category IS NOT (SELECT path FROM categories WHERE id = i.category_id)",
        "category = (SELECT path FROM categories WHERE id = i.category_id)",
    ),
];

/// Quantities against the stock ledger. A difference means something
/// wrote an item's quantity without its movement (another program on the
/// file, say). The quantity is what the person has seen and counted by, so
/// the repair is an `adjusted` movement that brings the ledger to it.
fn stock_check(tx: &rusqlite::Connection) -> Result<Check> {
    let mut check = Check::new("stock ledger");
    for d in stock::disagreements(tx)? {
        check.problems.push(format!(
            "'{}' shows {} on hand and {} committed, its movements add up to {} and {}",
            d.title, d.quantity, d.committed, d.ledger_quantity, d.ledger_committed
        ));
        stock::log(
            tx,
            None,
            &d.item_id,
            d.quantity - d.ledger_quantity,
            d.committed - d.ledger_committed,
            stock::Reason::Adjusted,
            Some(stock::Cause {
                record_type: "doctor",
                record_id: "stock ledger",
            }),
        )?;
        check.repaired += 1;
    }
    Ok(check)
}

impl Store {
    /// Runs every check, repairing what is safe to repair.
    pub fn doctor(&self) -> Result<DoctorReport> {
        let mut checks = Vec::new();
        self.write(|tx| {
            checks.extend(trove_store::integrity::file_checks(tx)?);

            for (name, stale, fix) in DERIVED {
                let n: i64 = tx.query_row(
                    &format!("SELECT count(*) FROM items i WHERE {stale}"),
                    [],
                    |r| r.get(0),
                )?;
                let mut check = Check {
                    name,
                    problems: Vec::new(),
                    repaired: 0,
                };
                if n > 0 {
                    check
                        .problems
                        .push(format!("{n} item(s) had a stale {name} column"));
                    tx.execute(&format!("UPDATE items AS i SET {fix} WHERE {stale}"), [])?;
                    check.repaired = 1;
                }
                checks.push(check);
            }

            checks.push(stock_check(tx)?);

            // Checked against the items themselves, so it also catches an
            // index that drifted from its content.
            let mut check = Check {
                name: "search index",
                problems: Vec::new(),
                repaired: 0,
            };
            if let Err(e) = tx.execute(
                "INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)",
                [],
            ) {
                check
                    .problems
                    .push(format!("the search index did not match the items ({e})"));
                tx.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')", [])?;
                check.repaired = 1;
            }
            checks.push(check);
            Ok(())
        })?;
        checks.extend(self.photo_checks()?);
        Ok(DoctorReport { checks })
    }
}

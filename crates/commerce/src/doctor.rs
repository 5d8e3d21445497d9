//! Selling's part of `trove doctor`: an item's committed units are exactly
//! the units of its sales not yet shipped. Reported, not repaired: which
//! side is wrong (a sale, or the count) is for a person to say.

use trove_core::doctor::{Check, DoctorReport};
use trove_core::Result;

impl crate::Shop<'_> {
    /// The core's checks, then selling's.
    pub fn doctor(&self) -> Result<DoctorReport> {
        let mut report = self.store().doctor()?;
        report.checks.push(self.store().read(|conn| {
            let mut check = Check::new("committed units");
            let mut stmt = conn.prepare(
                "SELECT i.title, i.committed, coalesce(s.units, 0) FROM items i
                 LEFT JOIN (SELECT si.item_id, sum(si.quantity) AS units FROM sale_items si
                            JOIN sales ON sales.id = si.sale_id
                            WHERE sales.status IN ('pending', 'confirmed') GROUP BY si.item_id) s
                   ON s.item_id = i.id
                 WHERE i.committed <> coalesce(s.units, 0) ORDER BY i.seq",
            )?;
            check.problems = stmt
                .query_map([], |r| {
                    Ok(format!(
                        "'{}' has {} unit(s) committed, its unshipped sales hold {}",
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(check)
        })?);
        Ok(report)
    }
}

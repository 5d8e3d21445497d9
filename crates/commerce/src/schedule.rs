//! What runs on its own while the app is open (or from `trove rule
//! run-due`, for a cron job when it is not): reminders of offers about to
//! lapse, and every enabled rule. Each pass is cheap when nothing is due,
//! so it can run every few minutes.

use rusqlite::params;
use serde::Serialize;
use trove_core::money::Money;
use trove_core::Result;

use crate::fields::stored_money;
use crate::notify;
use crate::rules::RuleRun;

/// How long before an offer lapses its reminder is raised.
pub const OFFER_REMINDER_HOURS: i64 = 24;

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Scheduled {
    /// Offers newly reminded of (each is reminded once).
    pub reminders: usize,
    /// The rule runs that decided something.
    pub runs: Vec<RuleRun>,
}

impl Scheduled {
    /// Whether the pass changed anything a screen shows.
    pub fn changed(&self) -> bool {
        self.reminders > 0 || !self.runs.is_empty()
    }
}

impl crate::Shop<'_> {
    /// One pass of the schedule: reminders first (so a rule that then
    /// answers the offer leaves the reminder as history), then each
    /// enabled rule. A rule that fails is reported in its run and the
    /// others still run.
    pub fn run_scheduled(&self) -> Result<Scheduled> {
        let reminders = self.remind_lapsing_offers(OFFER_REMINDER_HOURS)?;
        let mut runs = Vec::new();
        for rule in self.rules()?.into_iter().filter(|r| r.enabled) {
            if let Some(run) = self.run_scheduled_rule(&rule)? {
                runs.push(run);
            }
        }
        Ok(Scheduled { reminders, runs })
    }

    /// Raises one `offer_expiring` notification for each offer still
    /// waiting for the seller's answer that lapses within `hours`.
    pub fn remind_lapsing_offers(&self, hours: i64) -> Result<usize> {
        let now = chrono::Utc::now();
        let stamp = |t: chrono::DateTime<chrono::Utc>| {
            t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        };
        let (from, until) = (stamp(now), stamp(now + chrono::Duration::hours(hours)));
        self.store().write(|tx| {
            // `status IN (…)` repeats the open-offers index's condition,
            // which SQLite needs verbatim to use it.
            let due: Vec<(String, String, Money, String, String)> = tx
                .prepare_cached(
                    "SELECT o.id, i.title, o.amount, o.currency, o.expires_at, l.platform
                     FROM offers o JOIN listings l ON l.id = o.listing_id JOIN items i ON i.id = l.item_id
                     WHERE o.status IN ('pending', 'countered') AND o.status = 'pending'
                       AND o.expires_at >= ?1 AND o.expires_at < ?2
                       AND NOT EXISTS (SELECT 1 FROM notifications n
                                       WHERE n.record_id = o.id AND n.kind = 'offer_expiring')
                     ORDER BY o.expires_at",
                )?
                .query_map(params![from, until], |r| {
                    let amount = stored_money(r.get(2)?, &r.get::<_, String>(3)?, 3)?;
                    Ok((r.get(0)?, r.get(1)?, amount, r.get(4)?, r.get(5)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (id, title, amount, expires_at, platform) in &due {
                let platform = crate::Platform::stored(platform);
                notify::add(
                    tx,
                    "offer_expiring",
                    Some(("offer", id)),
                    &format!(
                        "the offer of {} {} on '{title}' ({platform}) lapses at {} unless you answer it",
                        amount.to_decimal_string(),
                        amount.currency.code(),
                        minute_utc(expires_at)
                    ),
                )?;
            }
            Ok(due.len())
        })
    }
}

/// `2026-12-05T14:03:00.000Z` as `2026-12-05 14:03 UTC`.
fn minute_utc(stamp: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stamp) {
        Ok(t) => t.format("%Y-%m-%d %H:%M UTC").to_string(),
        Err(_) => stamp.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_lapse_time_reads_to_the_minute() {
        assert_eq!(
            super::minute_utc("2026-12-05T14:03:59.120Z"),
            "2026-12-05 14:03 UTC"
        );
        assert_eq!(super::minute_utc("soon"), "soon");
    }
}

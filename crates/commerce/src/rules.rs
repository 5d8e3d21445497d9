//! Local automation rules: answering offers by their share of the price,
//! scheduled price drops that never go below a floor, relisting stale
//! listings. Every run can be a dry run first (what it would do, changing
//! nothing), and every run is logged with each decision. A decision is
//! carried out through the same operations a person uses, so it writes
//! the same outbox jobs or checklist tasks.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use trove_core::money::Money;
use trove_core::{Error, FieldError, Result};
use trove_store::{new_id, now};

use crate::listing::{ListingInput, ListingStatus};

/// What a rule does, with its settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleSettings {
    /// Offers at or above `accept_at` % of the price are accepted, below
    /// `decline_below` % declined, and those between countered at
    /// `counter_at` % of the price.
    AnswerOffers {
        accept_at: u32,
        decline_below: u32,
        counter_at: u32,
    },
    /// Active listings are cut by `percent` % every `after_days` days
    /// (counted from listing, then from the last cut), never below `floor`
    /// nor below the item's cost.
    PriceDrop {
        after_days: u32,
        percent: u32,
        floor: Option<Money>,
    },
    /// Active listings listed more than `after_days` ago are ended and
    /// listed again, so they show as new.
    Relist { after_days: u32 },
}

impl RuleSettings {
    fn kind(&self) -> &'static str {
        match self {
            RuleSettings::AnswerOffers { .. } => "answer_offers",
            RuleSettings::PriceDrop { .. } => "price_drop",
            RuleSettings::Relist { .. } => "relist",
        }
    }

    fn check(&self) -> Result<()> {
        let bad = |field: &'static str, v: u32, msg: &str| {
            Err(Error::Invalid(vec![FieldError::new(
                field,
                v.to_string(),
                "rule_invalid",
                msg,
            )]))
        };
        match *self {
            RuleSettings::AnswerOffers {
                accept_at,
                decline_below,
                counter_at,
            } => {
                if !(1..=100).contains(&accept_at) || decline_below > accept_at {
                    return bad(
                        "decline_below",
                        decline_below,
                        "accept at 1 to 100 % of the price, and decline below no more than that",
                    );
                }
                if counter_at < decline_below || counter_at > 100 {
                    return bad(
                        "counter_at",
                        counter_at,
                        "counter at a share between the decline line and 100 %",
                    );
                }
            }
            RuleSettings::PriceDrop {
                after_days,
                percent,
                ..
            } => {
                if !(1..=90).contains(&percent) {
                    return bad("percent", percent, "cut prices by 1 to 90 %");
                }
                if after_days == 0 {
                    return bad("after_days", after_days, "wait at least a day between cuts");
                }
            }
            RuleSettings::Relist { .. } => {}
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub settings: RuleSettings,
    pub enabled: bool,
}

/// One thing a run did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Decision {
    pub record_type: String,
    pub record_id: String,
    /// `accept`, `decline`, `counter`, `price`, `relist`, `skip`.
    pub action: String,
    /// The sentence shown.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RuleRun {
    pub rule: String,
    pub dry_run: bool,
    pub at: String,
    pub decisions: Vec<Decision>,
}

/// `pct` % of `amount`, rounded half up to a whole minor unit.
fn share(amount: i64, pct: u32) -> i64 {
    (amount * i64::from(pct) + 50) / 100
}

fn money_text(m: Money) -> String {
    format!("{} {}", m.to_decimal_string(), m.currency.code())
}

/// The price a listing asks: its own, else its item's.
pub(crate) fn asking(conn: &Connection, listing_id: &str) -> Result<Option<Money>> {
    let l = crate::shop::listing_by_id(conn, listing_id)?;
    if l.price.is_some() {
        return Ok(l.price);
    }
    let item = trove_core::items::find_item(conn, &l.item_id)?;
    Ok(item.and_then(|i| i.fields.price))
}

fn rule_named(conn: &Connection, name: &str) -> Result<Rule> {
    let row: Option<(String, String, String, bool)> = conn
        .prepare_cached(
            "SELECT id, name, settings, enabled FROM rules WHERE name = ?1 COLLATE NOCASE",
        )?
        .query_row([name.trim()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let (id, name, settings, enabled) = row.ok_or_else(|| Error::not_found("rule", name.trim()))?;
    let settings = serde_json::from_str(&settings)
        .map_err(|e| Error::unavailable(format!("read rule {name}"), e))?;
    Ok(Rule {
        id,
        name,
        settings,
        enabled,
    })
}

/// A rule's decisions, each with the act that carries it out.
type Planned<'a> = Vec<(Decision, Box<dyn Fn(&crate::Shop<'a>) -> Result<()>>)>;

impl<'a> crate::Shop<'a> {
    /// Saves a rule (replacing one of the same name).
    pub fn save_rule(&self, name: &str, settings: &RuleSettings) -> Result<Rule> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(Error::invalid(
                "name",
                name,
                "name_invalid",
                "a rule needs a name of 1 to 100 characters",
            ));
        }
        settings.check()?;
        let text = serde_json::to_string(settings).expect("rule settings serialise");
        self.store().write(|tx| {
            let t = now();
            tx.execute(
                "INSERT INTO rules (id, name, kind, settings, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                 ON CONFLICT (name COLLATE NOCASE) DO UPDATE SET kind = excluded.kind,
                    settings = excluded.settings, updated_at = excluded.updated_at",
                params![new_id(), name, settings.kind(), text, t],
            )?;
            rule_named(tx, name)
        })
    }

    /// Every rule, by name.
    pub fn rules(&self) -> Result<Vec<Rule>> {
        self.store().read(|conn| {
            let names: Vec<String> = conn
                .prepare_cached("SELECT name FROM rules ORDER BY name COLLATE NOCASE")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            names.iter().map(|n| rule_named(conn, n)).collect()
        })
    }

    /// The latest runs of a rule, newest first.
    pub fn rule_runs(&self, name: &str, limit: usize) -> Result<Vec<RuleRun>> {
        self.store().read(|conn| {
            let rule = rule_named(conn, name)?;
            let mut stmt = conn.prepare_cached(
                "SELECT at, dry_run, decisions FROM rule_runs WHERE rule_id = ?1 ORDER BY seq DESC LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![rule.id, limit as i64], |r| {
                let decisions: String = r.get(2)?;
                Ok(RuleRun {
                    rule: rule.name.clone(),
                    at: r.get(0)?,
                    dry_run: r.get(1)?,
                    decisions: serde_json::from_str(&decisions).unwrap_or_default(),
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Runs a rule: decides, then (unless a dry run) carries each decision
    /// out, and logs the run.
    pub fn run_rule(&self, name: &str, dry_run: bool) -> Result<RuleRun> {
        let rule = self.store().read(|conn| rule_named(conn, name))?;
        let planned = self.decide(&rule.settings)?;
        self.carry_out(&rule, planned, dry_run)
    }

    /// Turns a rule on or off: only enabled rules run on their own.
    pub fn set_rule_enabled(&self, name: &str, enabled: bool) -> Result<Rule> {
        self.store().write(|tx| {
            let rule = rule_named(tx, name)?;
            tx.execute(
                "UPDATE rules SET enabled = ?2, updated_at = ?3 WHERE id = ?1",
                params![rule.id, enabled, now()],
            )?;
            rule_named(tx, &rule.name)
        })
    }

    /// Runs an enabled rule on its own (see `schedule`). A run whose
    /// decisions are all skips (nothing due, or every listing at its
    /// floor) is neither logged nor returned: a run every few minutes
    /// would otherwise bury the runs that did something.
    pub(crate) fn run_scheduled_rule(&self, rule: &Rule) -> Result<Option<RuleRun>> {
        let planned = self.decide(&rule.settings)?;
        if planned.iter().all(|(d, _)| d.action == "skip") {
            return Ok(None);
        }
        self.carry_out(rule, planned, false).map(Some)
    }

    /// Carries each planned decision out (unless a dry run) and logs the run.
    fn carry_out(&self, rule: &Rule, planned: Planned<'a>, dry_run: bool) -> Result<RuleRun> {
        let mut decisions = Vec::with_capacity(planned.len());
        for (decision, act) in planned {
            if dry_run {
                decisions.push(decision);
                continue;
            }
            match act(self) {
                Ok(()) => decisions.push(decision),
                // One refused decision (the offer expired meanwhile, the
                // unit sold) is logged, and the run goes on.
                Err(e) => decisions.push(Decision {
                    action: "skip".into(),
                    detail: format!("{} — not done: {e}", decision.detail),
                    ..decision
                }),
            }
        }
        let at = now();
        self.store().write(|tx| {
            tx.execute(
                "INSERT INTO rule_runs (id, rule_id, at, dry_run, decisions) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![new_id(), rule.id, at, dry_run, serde_json::to_string(&decisions).expect("decisions serialise")],
            )?;
            Ok(())
        })?;
        Ok(RuleRun {
            rule: rule.name.clone(),
            dry_run,
            at,
            decisions,
        })
    }

    /// What a rule would do now, each with the act that does it.
    fn decide(&self, settings: &RuleSettings) -> Result<Planned<'a>> {
        let mut out: Planned<'a> = Vec::new();
        match *settings {
            RuleSettings::AnswerOffers {
                accept_at,
                decline_below,
                counter_at,
            } => {
                for offer in self.pending_offers(10_000)? {
                    let price = self.store().read(|c| asking(c, &offer.listing_id))?;
                    let Some(price) =
                        price.filter(|p| p.currency == offer.amount.currency && p.amount > 0)
                    else {
                        // Said, so a dry run explains why nothing happens.
                        out.push((
                            Decision {
                                record_type: "offer".into(),
                                record_id: offer.id.clone(),
                                action: "skip".into(),
                                detail: format!(
                                    "the offer of {} on '{}' is left to you: {}",
                                    money_text(offer.amount),
                                    offer.title,
                                    match price {
                                        Some(p) => format!("the price is in {}", p.currency.code()),
                                        None =>
                                            "neither the listing nor the item has a price".into(),
                                    }
                                ),
                            },
                            Box::new(|_: &Self| Ok(())),
                        ));
                        continue;
                    };
                    let pct = offer.amount.amount * 100 / price.amount;
                    let what = format!(
                        "offer of {} on '{}' ({pct} % of {})",
                        money_text(offer.amount),
                        offer.title,
                        money_text(price)
                    );
                    let id = offer.id.clone();
                    let decision = |action: &str, detail: String| Decision {
                        record_type: "offer".into(),
                        record_id: offer.id.clone(),
                        action: action.into(),
                        detail,
                    };
                    if offer.amount.amount * 100 >= price.amount * i64::from(accept_at) {
                        out.push((
                            decision("accept", format!("accept the {what}")),
                            Box::new(move |s: &Self| s.accept_offer(&id).map(drop)),
                        ));
                    } else if offer.amount.amount * 100 < price.amount * i64::from(decline_below) {
                        out.push((
                            decision("decline", format!("decline the {what}")),
                            Box::new(move |s: &Self| s.decline_offer(&id).map(drop)),
                        ));
                    } else {
                        let counter = Money::new(share(price.amount, counter_at), price.currency);
                        let text = money_text(counter);
                        out.push((
                            decision("counter", format!("counter the {what} at {text}")),
                            Box::new(move |s: &Self| s.counter_offer(&id, &text).map(drop)),
                        ));
                    }
                }
            }
            RuleSettings::PriceDrop {
                after_days,
                percent,
                floor,
            } => {
                let due: Vec<(String, String, Option<Money>)> = self.store().read(|conn| {
                    let mut stmt = conn.prepare(
                        "SELECT l.id, i.title, i.cost_amount, i.cost_currency FROM listings l JOIN items i ON i.id = l.item_id
                         WHERE l.status = 'active'
                           AND coalesce(json_extract(l.platform_data, '$.last_price_drop'), l.listed_at) < ?1
                         ORDER BY l.seq",
                    )?;
                    let rows = stmt.query_map([crate::fields::days_ago(after_days)], |r| {
                        let cost = match (r.get::<_, Option<i64>>(2)?, r.get::<_, Option<String>>(3)?) {
                            (Some(a), Some(c)) => trove_core::money::Currency::stored(&c).map(|c| Money::new(a, c)),
                            _ => None,
                        };
                        Ok((r.get(0)?, r.get(1)?, cost))
                    })?;
                    Ok(rows.collect::<rusqlite::Result<_>>()?)
                })?;
                for (listing_id, title, cost) in due {
                    let Some(price) = self.store().read(|c| asking(c, &listing_id))? else {
                        continue;
                    };
                    let lowest = [floor, cost]
                        .into_iter()
                        .flatten()
                        .filter(|m| m.currency == price.currency)
                        .map(|m| m.amount)
                        .max()
                        .unwrap_or(0);
                    let cut = share(price.amount, 100 - percent).max(lowest);
                    let decision = |action: &str, detail: String| Decision {
                        record_type: "listing".into(),
                        record_id: listing_id.clone(),
                        action: action.into(),
                        detail,
                    };
                    if cut >= price.amount {
                        out.push((
                            decision(
                                "skip",
                                format!(
                                    "'{title}' stays at {}: it is at its floor",
                                    money_text(price)
                                ),
                            ),
                            Box::new(|_: &Self| Ok(())),
                        ));
                        continue;
                    }
                    let new = Money::new(cut, price.currency);
                    let text = money_text(new);
                    let id = listing_id.clone();
                    out.push((
                        decision("price", format!("cut '{title}' from {} to {text}", money_text(price))),
                        Box::new(move |s: &Self| {
                            s.edit(&id, &ListingInput { price: Some(text.clone()), ..Default::default() })?;
                            s.store().write(|tx| {
                                tx.execute(
                                    "UPDATE listings SET platform_data =
                                        json_set(coalesce(platform_data, '{}'), '$.last_price_drop', ?2) WHERE id = ?1",
                                    params![id, now()],
                                )?;
                                Ok(())
                            })
                        }),
                    ));
                }
            }
            RuleSettings::Relist { after_days } => {
                let stale = self.listings(&crate::views::ListingQuery {
                    view: crate::views::ListingView::Stale { days: after_days },
                    limit: 500,
                    ..Default::default()
                })?;
                for row in stale.rows {
                    let id = row.listing.id.clone();
                    out.push((
                        Decision {
                            record_type: "listing".into(),
                            record_id: id.clone(),
                            action: "relist".into(),
                            detail: format!(
                                "relist '{}' on {}, listed since {}",
                                row.title,
                                row.listing.platform,
                                row.listing.listed_at.clone().unwrap_or_default()
                            ),
                        },
                        Box::new(move |s: &Self| {
                            s.set_status(&id, ListingStatus::Ended)?;
                            s.set_status(&id, ListingStatus::Pending).map(drop)
                        }),
                    ));
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_rounds_half_up_to_a_minor_unit() {
        assert_eq!(share(1999, 90), 1799); // 1799.1
        assert_eq!(share(1000, 85), 850);
        assert_eq!(share(15, 50), 8); // 7.5
    }

    #[test]
    fn settings_that_make_no_sense_are_refused() {
        let e = RuleSettings::AnswerOffers {
            accept_at: 60,
            decline_below: 80,
            counter_at: 70,
        }
        .check()
        .unwrap_err();
        assert_eq!(e.detail_code(), "rule_invalid");
        assert!(RuleSettings::PriceDrop {
            after_days: 30,
            percent: 95,
            floor: None
        }
        .check()
        .is_err());
        assert!(RuleSettings::AnswerOffers {
            accept_at: 90,
            decline_below: 60,
            counter_at: 85
        }
        .check()
        .is_ok());
    }
}

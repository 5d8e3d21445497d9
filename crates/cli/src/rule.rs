//! `trove rule add|list|run|run-due|enable|disable`.

use clap::{Subcommand, ValueEnum};
use trove_commerce::{RuleRun, RuleSettings, Shop};
use trove_core::{Error, Store};

use crate::print::Output;

#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    AnswerOffers,
    PriceDrop,
    Relist,
}

#[derive(Subcommand)]
pub enum RuleCommand {
    /// Save a rule (replacing one of the same name).
    Add {
        name: String,
        #[arg(long, value_enum)]
        kind: Kind,
        /// answer-offers: accept at or above this % of the price.
        #[arg(long, default_value_t = 90)]
        accept_at: u32,
        /// answer-offers: decline below this %.
        #[arg(long, default_value_t = 60)]
        decline_below: u32,
        /// answer-offers: counter the others at this %.
        #[arg(long, default_value_t = 90)]
        counter_at: u32,
        /// price-drop and relist: listings older than this (days).
        #[arg(long, default_value_t = 30)]
        after_days: u32,
        /// price-drop: the cut, in %.
        #[arg(long, default_value_t = 10)]
        percent: u32,
        /// price-drop: never below this (nor below the item's cost).
        #[arg(long)]
        floor: Option<String>,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// Run a rule now; --dry-run shows what it would do and changes nothing.
    Run {
        name: String,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// What the app does on its own every few minutes: remind of offers
    /// about to lapse and run every enabled rule (for a cron job while the
    /// app is closed). Runs that decide nothing are not logged.
    RunDue {
        #[arg(long)]
        json: bool,
    },
    /// Let a rule run on its own again.
    Enable {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Stop a rule running on its own (it still runs with `trove rule run`).
    Disable {
        name: String,
        #[arg(long)]
        json: bool,
    },
}

impl RuleCommand {
    pub fn json(&self) -> bool {
        match self {
            RuleCommand::Add { json, .. }
            | RuleCommand::List { json }
            | RuleCommand::Run { json, .. }
            | RuleCommand::RunDue { json }
            | RuleCommand::Enable { json, .. }
            | RuleCommand::Disable { json, .. } => *json,
        }
    }
}

fn run_text(r: &RuleRun) -> String {
    let mut lines = vec![format!(
        "{} {}: {} decision(s)",
        r.rule,
        if r.dry_run { "(dry run)" } else { "ran" },
        r.decisions.len()
    )];
    lines.extend(r.decisions.iter().map(|d| format!("  {}", d.detail)));
    lines.join("\n")
}

pub fn rule(cmd: RuleCommand, store: &Store, out: &Output) -> Result<(), Error> {
    let shop = Shop::new(store);
    match cmd {
        RuleCommand::Add {
            name,
            kind,
            accept_at,
            decline_below,
            counter_at,
            after_days,
            percent,
            floor,
            ..
        } => {
            let settings = match kind {
                Kind::AnswerOffers => RuleSettings::AnswerOffers {
                    accept_at,
                    decline_below,
                    counter_at,
                },
                Kind::PriceDrop => RuleSettings::PriceDrop {
                    after_days,
                    percent,
                    floor: match floor {
                        Some(f) => store.typed_money("floor", &f)?,
                        None => None,
                    },
                },
                Kind::Relist => RuleSettings::Relist { after_days },
            };
            let rule = shop.save_rule(&name, &settings)?;
            out.value(&rule, |r| format!("saved rule {}", r.name));
        }
        RuleCommand::List { .. } => {
            let rules = shop.rules()?;
            out.value(&rules, |rules| {
                if rules.is_empty() {
                    "no rules".to_string()
                } else {
                    rules
                        .iter()
                        .map(|r| {
                            format!(
                                "{}{}  {}",
                                r.name,
                                if r.enabled { "" } else { " (disabled)" },
                                serde_json::to_string(&r.settings).unwrap_or_default()
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                }
            });
        }
        RuleCommand::Run { name, dry_run, .. } => {
            out.value(&shop.run_rule(&name, dry_run)?, run_text)
        }
        RuleCommand::RunDue { .. } => out.value(&shop.run_scheduled()?, |s| {
            let mut lines = vec![format!("{} offer reminder(s)", s.reminders)];
            if s.runs.is_empty() {
                lines.push("no rule had anything to do".into());
            }
            lines.extend(s.runs.iter().map(run_text));
            lines.join("\n")
        }),
        RuleCommand::Enable { name, .. } => {
            out.value(&shop.set_rule_enabled(&name, true)?, |r| {
                format!("{} enabled", r.name)
            });
        }
        RuleCommand::Disable { name, .. } => {
            out.value(&shop.set_rule_enabled(&name, false)?, |r| {
                format!("{} disabled", r.name)
            });
        }
    }
    Ok(())
}

//! Printing: JSON for scripts (`--json`), short aligned text for people.

use std::process::ExitCode;

use serde::Serialize;
use trove_core::activity::Activity;
use trove_core::doctor::DoctorReport;
use trove_core::import::ImportReport;
use trove_core::items::Move;
use trove_core::list::Page;
use trove_core::locations::{Bin, Location};
use trove_core::scan::Scanned;
use trove_core::stats::Stats;
use trove_core::{Error, ErrorBody, Item};

/// Where and how results go.
pub struct Output {
    pub json: bool,
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn money(m: Option<trove_core::money::Money>) -> String {
    m.map(|m| m.to_string()).unwrap_or_default()
}

fn one_line(item: &Item) -> String {
    let f = &item.fields;
    format!(
        "{:<14} {:<48} {:>4}  {:<14} {:<10} {}",
        f.sku.as_deref().unwrap_or("-"),
        truncate(&f.title, 48),
        f.quantity,
        money(f.price),
        f.location.as_ref().map_or("-", |p| p.code.as_str()),
        if item.deleted_at.is_some() {
            "(in trash)"
        } else {
            f.status.as_str()
        },
    )
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// Every field of an item, one per line.
fn item_lines(item: &Item) -> String {
    let f = &item.fields;
    let mut lines = vec![format!("{}  ({})", f.title, item.id)];
    let mut add = |label: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            lines.push(format!("  {label:<14} {v}"));
        }
    };
    add("sku", f.sku.clone());
    add(
        "barcode",
        f.barcode
            .as_ref()
            .map(|b| format!("{} (GTIN-14 {})", b.display_form(), b.as_str())),
    );
    add("status", Some(f.status.as_str().to_string()));
    add("quantity", Some(f.quantity.to_string()));
    add("price", f.price.map(|m| m.to_string()));
    add("cost", f.cost.map(|m| m.to_string()));
    add(
        "location",
        f.location
            .as_ref()
            .map(|p| format!("{} ({})", p.code, p.path)),
    );
    add("condition", f.condition.map(|c| c.as_str().to_string()));
    add("brand", f.brand.clone());
    add("category", f.category.clone());
    add("size", f.size.clone());
    add("colour", f.colour.clone());
    add("material", f.material.clone());
    add("tags", (!f.tags.is_empty()).then(|| f.tags.join(", ")));
    add("weight", f.weight_grams.map(|g| format!("{g} g")));
    add("acquired", f.acquired_on.clone());
    add("from", f.acquired_from.clone());
    add("description", f.description.clone());
    add("notes", f.notes.clone());
    for (k, v) in &f.fields {
        add(k, Some(v.clone()));
    }
    add("in trash since", item.deleted_at.clone());
    lines.join("\n")
}

/// An item with its history, for `item show --history`.
pub fn item_detail(item: &Item, log: &[Activity], moves: &[Move]) -> String {
    let mut out = item_lines(item);
    if !moves.is_empty() {
        out.push_str("\nmoves:");
        for m in moves {
            out.push_str(&format!(
                "\n  {}  {} unit(s) {} -> {}",
                m.moved_at,
                m.quantity,
                m.from.as_deref().unwrap_or("-"),
                m.to.as_deref().unwrap_or("-")
            ));
        }
    }
    out.push_str("\nhistory:");
    for a in log {
        let after = a.after.as_ref().map(|v| v.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "\n  {}  {:<8} {}",
            a.at,
            a.action,
            truncate(&after, 100)
        ));
    }
    out
}

impl Output {
    /// Prints any value: JSON, or the text `human` makes of it.
    pub fn value<T: Serialize>(&self, value: &T, human: impl FnOnce(&T) -> String) {
        if self.json {
            println!("{}", to_json(value));
        } else {
            println!("{}", human(value));
        }
    }

    pub fn item(&self, item: &Item) {
        self.value(item, item_lines);
    }

    pub fn items(&self, items: &[Item]) {
        if self.json {
            println!("{}", to_json(items));
        } else if items.is_empty() {
            println!("no items");
        } else {
            for item in items {
                println!("{}", one_line(item));
            }
        }
    }

    pub fn page(&self, page: &Page) {
        if self.json {
            println!("{}", to_json(page));
        } else {
            self.items(&page.items);
            if let Some(next) = &page.next {
                println!("next page: --after '{next}'");
            }
        }
    }

    pub fn scanned(&self, scanned: &Scanned) {
        self.value(scanned, |s| match s {
            Scanned::Item { item, matches } if *matches > 1 => {
                format!("{}\n({matches} items share this barcode)", item_lines(item))
            }
            Scanned::Item { item, .. } => item_lines(item),
            Scanned::Location { location } => match location.as_ref() {
                Location::Bin(b) => format!(
                    "bin {}  {} ({} items, {} units)",
                    b.code, b.name, b.items, b.units
                ),
                Location::Section { bin, section } => format!(
                    "section {}  {} / {} ({} items, {} units)",
                    section.code, bin.name, section.name, section.items, section.units
                ),
            },
            Scanned::None {
                code,
                problem: Some(p),
                ..
            } => format!("nothing has code {code}: {p}"),
            Scanned::None { code, .. } => format!("nothing has code {code}"),
        });
    }

    pub fn bins(&self, bins: &[Bin]) {
        self.value(&bins, |bins| {
            let mut lines = Vec::new();
            for b in bins.iter() {
                lines.push(format!(
                    "{:<8} {:<32} {:<10} {:>7} items {:>8} units",
                    b.code, b.name, b.kind, b.items, b.units
                ));
                for s in &b.sections {
                    lines.push(format!(
                        "  {:<6} {:<32} {:<10} {:>7} items {:>8} units",
                        s.code, s.name, "", s.items, s.units
                    ));
                }
            }
            if lines.is_empty() {
                "no bins".to_string()
            } else {
                lines.join("\n")
            }
        });
    }

    pub fn stats(&self, stats: &Stats) {
        self.value(stats, |s| {
            let mut lines = vec![
                format!("items     {}", s.items),
                format!("units     {}", s.units),
                format!("in trash  {}", s.trashed),
                format!("bins      {} ({} sections)", s.bins, s.sections),
            ];
            for (status, n) in &s.by_status {
                lines.push(format!("  {status:<8}{n}"));
            }
            for (currency, minor) in &s.list_value {
                if let Ok(c) = trove_core::money::Currency::parse(currency) {
                    lines.push(format!(
                        "list value {}",
                        trove_core::money::Money::new(*minor, c)
                    ));
                }
            }
            lines.join("\n")
        });
    }

    pub fn doctor(&self, report: &DoctorReport) {
        self.value(report, |r| {
            r.checks
                .iter()
                .map(|c| {
                    if c.problems.is_empty() {
                        format!("ok        {}", c.name)
                    } else if c.ok() {
                        format!("repaired  {}: {}", c.name, c.problems.join("; "))
                    } else {
                        format!("PROBLEM   {}: {}", c.name, c.problems.join("; "))
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        });
    }

    /// Prints an import's outcome; exit 1 when any row was refused.
    pub fn import(&self, report: Result<ImportReport, Error>, json: bool) -> ExitCode {
        let report = match report {
            Ok(r) => r,
            Err(Error::Import(r)) => *r,
            Err(e) => return self.error(&e),
        };
        if json {
            println!("{}", to_json(&report));
        } else {
            println!("{}", report.summary());
            for r in &report.repeated_skus {
                println!("{r}");
            }
            if report.repeated_sku_count > report.repeated_skus.len() as u64 {
                println!(
                    "… and {} more repeated SKUs",
                    report.repeated_sku_count - report.repeated_skus.len() as u64
                );
            }
            for e in &report.errors {
                eprintln!("{e}");
            }
            if report.error_count > report.errors.len() as u64 {
                eprintln!(
                    "… and {} more",
                    report.error_count - report.errors.len() as u64
                );
            }
            if !report.ignored_columns.is_empty() {
                eprintln!("ignored columns: {}", report.ignored_columns.join(", "));
            }
        }
        if report.error_count > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// Reports a failure; exit 1.
    pub fn error(&self, e: &Error) -> ExitCode {
        if self.json {
            println!(
                "{}",
                to_json(&serde_json::json!({ "error": ErrorBody::from(e) }))
            );
        } else {
            eprintln!("error: {e}");
        }
        ExitCode::from(1)
    }
}

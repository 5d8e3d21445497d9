//! `trove stock-take CODE [SCANNED…]` and `trove stock-take --unverified DAYS`.

use clap::Args;
use trove_commerce::{CountedItem, Shop};
use trove_core::{Error, Store};

use crate::print::Output;

#[derive(Args)]
pub struct StockTakeArgs {
    /// The bin or section counted (B12, B12-3).
    code: Option<String>,
    /// Every code scanned there (SKUs, barcodes); read from standard input,
    /// one a line, when none are given.
    scanned: Vec<String>,
    /// Instead: the places not counted in this many days.
    #[arg(long, value_name = "DAYS", conflicts_with = "code")]
    unverified: Option<u32>,
    #[arg(long)]
    pub json: bool,
}

fn lines(title: &str, items: &[CountedItem], out: &mut Vec<String>) {
    if items.is_empty() {
        return;
    }
    out.push(format!("{title}:"));
    for i in items {
        let listed = if i.live_listings > 0 {
            format!("  (still listed on {})", i.live_listings)
        } else {
            String::new()
        };
        out.push(format!(
            "  {}  {}  {}{listed}",
            i.sku.as_deref().unwrap_or(&i.item_id),
            i.location.as_deref().unwrap_or("(no location)"),
            i.title
        ));
    }
}

pub fn run(args: StockTakeArgs, store: &Store, out: &Output) -> Result<(), Error> {
    let shop = Shop::new(store);
    if let Some(days) = args.unverified {
        let places = shop.unverified(days, 500)?;
        out.value(&places, |p| {
            if p.is_empty() {
                format!("every place was counted in the last {days} days")
            } else {
                p.iter()
                    .map(|u| {
                        format!(
                            "{:<8} {}  {}",
                            u.code,
                            u.verified_at.as_deref().unwrap_or("never counted"),
                            u.name
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        });
        return Ok(());
    }
    let Some(code) = args.code else {
        return Err(Error::invalid(
            "code",
            "",
            "code_required",
            "name the bin or section counted, or give --unverified DAYS",
        ));
    };
    let mut scanned = args.scanned;
    if scanned.is_empty() {
        use std::io::BufRead;
        for line in std::io::stdin().lock().lines() {
            scanned.push(line.map_err(|e| Error::io("standard input", e))?);
        }
    }
    let take = shop.stock_take(&code, &scanned)?;
    out.value(&take, |t| {
        let mut text = vec![format!(
            "{}: {} found, {} missing, {} recorded elsewhere, {} unknown",
            t.location,
            t.found.len(),
            t.missing.len(),
            t.elsewhere.len(),
            t.unknown.len()
        )];
        lines("missing", &t.missing, &mut text);
        lines(
            "recorded elsewhere (trove move SKU CODE)",
            &t.elsewhere,
            &mut text,
        );
        if !t.unknown.is_empty() {
            text.push(format!("unknown: {}", t.unknown.join(", ")));
        }
        text.join("\n")
    });
    Ok(())
}

//! `trove offer add|list|accept|decline|counter`.

use clap::Subcommand;
use trove_commerce::{Offer, OfferInput, Shop};
use trove_core::{Error, Store};

use crate::print::Output;

#[derive(Subcommand)]
pub enum OfferCommand {
    /// Record a buyer's offer on an active listing.
    Add {
        listing: String,
        /// 30, or 30 EUR.
        #[arg(long)]
        amount: String,
        #[arg(long)]
        buyer: Option<String>,
        /// Hours until it lapses.
        #[arg(long)]
        expires_in_hours: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Offers, newest first (of one listing, when given).
    List {
        listing: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Accept an offer: the sale is recorded at its price.
    Accept {
        id: String,
        #[arg(long)]
        json: bool,
    },
    Decline {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Answer an offer with another price.
    Counter {
        id: String,
        #[arg(long)]
        amount: String,
        #[arg(long)]
        json: bool,
    },
}

impl OfferCommand {
    pub fn json(&self) -> bool {
        match self {
            OfferCommand::Add { json, .. }
            | OfferCommand::List { json, .. }
            | OfferCommand::Accept { json, .. }
            | OfferCommand::Decline { json, .. }
            | OfferCommand::Counter { json, .. } => *json,
        }
    }
}

fn one_line(o: &Offer) -> String {
    let counter = o.counter.map_or(String::new(), |c| {
        format!(" (countered at {})", c.to_decimal_string())
    });
    format!(
        "{}  {:<9} {} {}{counter}  {} on {}",
        o.id,
        o.status.as_str(),
        o.amount.to_decimal_string(),
        o.amount.currency.code(),
        o.title,
        o.platform
    )
}

pub fn offer(cmd: OfferCommand, store: &Store, out: &Output) -> Result<(), Error> {
    let shop = Shop::new(store);
    match cmd {
        OfferCommand::Add {
            listing,
            amount,
            buyer,
            expires_in_hours,
            ..
        } => {
            let input = OfferInput {
                amount,
                buyer,
                expires_in_hours,
                ..Default::default()
            };
            out.value(&shop.add_offer(&listing, &input)?, one_line);
        }
        OfferCommand::List { listing, .. } => {
            let offers = shop.offers(listing.as_deref(), 100)?;
            out.value(&offers, |o| {
                if o.is_empty() {
                    "no offers".to_string()
                } else {
                    o.iter().map(one_line).collect::<Vec<_>>().join("\n")
                }
            });
        }
        OfferCommand::Accept { id, .. } => {
            let recorded = shop.accept_offer(&id)?;
            out.value(&recorded, |r| {
                format!(
                    "accepted: sale {} at {} {}",
                    r.sale.id,
                    r.sale.price.to_decimal_string(),
                    r.sale.price.currency.code()
                )
            });
        }
        OfferCommand::Decline { id, .. } => out.value(&shop.decline_offer(&id)?, one_line),
        OfferCommand::Counter { id, amount, .. } => {
            out.value(&shop.counter_offer(&id, &amount)?, one_line)
        }
    }
    Ok(())
}

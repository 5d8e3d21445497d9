//! `trove sale add|list|show|ship|cancel|return`, `trove ship-queue` and
//! `trove notifications`.

use clap::Subcommand;
use trove_commerce::{LineInput, Sale, SaleInput, Shop};
use trove_core::{Error, Store};

use crate::print::Output;

#[derive(Subcommand)]
pub enum SaleCommand {
    /// Record a sale: its units are committed until it ships, and every
    /// other listing of an item with none left is ended.
    Add {
        /// An item (id, SKU or barcode) and how many, as SKU or SKU:QTY;
        /// several for a bundle.
        #[arg(long = "item", required = true, value_name = "ITEM[:QTY]")]
        items: Vec<String>,
        #[arg(long)]
        platform: String,
        /// The platform's order number (recording it twice changes nothing).
        #[arg(long)]
        order_id: Option<String>,
        #[arg(long)]
        buyer: Option<String>,
        /// What the buyer paid for the items: 12.50, or 12.50 EUR.
        #[arg(long)]
        price: String,
        /// What the buyer paid for shipping.
        #[arg(long)]
        shipping: Option<String>,
        /// Sales tax collected.
        #[arg(long)]
        tax: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The latest sales, newest first.
    List {
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Mark a sale shipped: its units leave the stock.
    Ship {
        id: String,
        #[arg(long)]
        carrier: Option<String>,
        #[arg(long)]
        tracking: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Cancel a sale that has not shipped: its units are free again.
    Cancel {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Take back units of a shipped sale (all of them without --item).
    Return {
        id: String,
        #[arg(long = "item", value_name = "ITEM[:QTY]")]
        items: Vec<String>,
        /// What was given back to the buyer.
        #[arg(long)]
        refund: Option<String>,
        /// The shelf the units go back onto (a location code or path);
        /// the item's own without it.
        #[arg(long, value_name = "LOCATION")]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

impl SaleCommand {
    pub fn json(&self) -> bool {
        match self {
            SaleCommand::Add { json, .. }
            | SaleCommand::List { json, .. }
            | SaleCommand::Show { json, .. }
            | SaleCommand::Ship { json, .. }
            | SaleCommand::Cancel { json, .. }
            | SaleCommand::Return { json, .. } => *json,
        }
    }
}

/// `SKU` or `SKU:QTY`. A key that itself holds a colon is read whole
/// unless what follows the last colon is a number.
fn line(text: &str) -> Result<LineInput, Error> {
    match text.rsplit_once(':') {
        Some((item, qty)) if !qty.is_empty() && qty.bytes().all(|b| b.is_ascii_digit()) => {
            let quantity = qty.parse().map_err(|_| {
                Error::invalid(
                    "quantity",
                    qty,
                    "quantity_invalid",
                    format!("{qty} is too many"),
                )
            })?;
            Ok(LineInput {
                item: item.to_string(),
                quantity,
            })
        }
        _ => Ok(LineInput {
            item: text.to_string(),
            quantity: 1,
        }),
    }
}

fn one_line(s: &Sale) -> String {
    let items = s
        .lines
        .iter()
        .map(|l| format!("{} × {}", l.quantity, l.title))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{}  {:<9} {} {}  {}  {}",
        s.id,
        s.status.as_str(),
        s.price.to_decimal_string(),
        s.price.currency.code(),
        s.order(),
        items
    )
}

fn sales(out: &Output, sales: &[Sale], empty: &str) {
    out.value(&sales, |s| {
        if s.is_empty() {
            empty.to_string()
        } else {
            s.iter().map(one_line).collect::<Vec<_>>().join("\n")
        }
    });
}

pub fn sale(cmd: SaleCommand, store: &Store, out: &Output) -> Result<(), Error> {
    let shop = Shop::new(store);
    match cmd {
        SaleCommand::Add {
            items,
            platform,
            order_id,
            buyer,
            price,
            shipping,
            tax,
            ..
        } => {
            let input = SaleInput {
                platform,
                order_id,
                buyer,
                lines: items.iter().map(|i| line(i)).collect::<Result<_, _>>()?,
                price,
                shipping,
                tax,
            };
            let recorded = shop.record_sale(&input)?;
            out.value(&recorded, |r| {
                let line = one_line(&r.sale);
                if r.new {
                    line
                } else {
                    format!("{line}\n(already recorded; nothing changed)")
                }
            });
        }
        SaleCommand::List { limit, .. } => sales(out, &shop.sales(limit)?, "no sales"),
        SaleCommand::Show { id, .. } => out.value(&shop.sale(&id)?, one_line),
        SaleCommand::Ship {
            id,
            carrier,
            tracking,
            ..
        } => out.value(
            &shop.ship(&id, carrier.as_deref(), tracking.as_deref())?,
            one_line,
        ),
        SaleCommand::Cancel { id, .. } => out.value(&shop.cancel(&id)?, one_line),
        SaleCommand::Return {
            id,
            items,
            refund,
            to,
            ..
        } => {
            let lines: Vec<LineInput> = items.iter().map(|i| line(i)).collect::<Result<_, _>>()?;
            out.value(
                &shop.return_units(&id, &lines, refund.as_deref(), to.as_deref())?,
                one_line,
            );
        }
    }
    Ok(())
}

/// `trove ship-queue`: sold, not yet shipped, oldest first.
pub fn ship_queue(
    store: &Store,
    limit: usize,
    walk: bool,
    pick: Option<&str>,
    out: &Output,
) -> Result<(), Error> {
    let shop = Shop::new(store);
    if let Some(code) = pick {
        let line = shop.pick(code)?;
        out.value(&line, |l| {
            format!(
                "picked {} × '{}' for order {}",
                l.quantity,
                l.title,
                l.platform_order_id.as_deref().unwrap_or(&l.sale_id)
            )
        });
    } else if walk {
        let lines = shop.pick_list(limit, true)?;
        out.value(&lines, |lines| {
            if lines.is_empty() {
                return "nothing to ship".to_string();
            }
            lines
                .iter()
                .map(|l| {
                    format!(
                        "{} {:<8} {} × {}  ({} on {}){}",
                        if l.picked_at.is_some() { "✓" } else { " " },
                        l.location_code.as_deref().unwrap_or("—"),
                        l.quantity,
                        l.title,
                        l.platform_order_id.as_deref().unwrap_or(&l.sale_id),
                        l.platform,
                        l.sku.as_ref().map(|s| format!("  {s}")).unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        });
    } else {
        sales(out, &shop.to_ship(limit)?, "nothing to ship");
    }
    Ok(())
}

/// `trove notifications`.
pub fn notifications(store: &Store, unread: bool, out: &Output) -> Result<(), Error> {
    let list = Shop::new(store).notifications(unread, 100)?;
    out.value(&list, |l| {
        if l.is_empty() {
            "no notifications".to_string()
        } else {
            l.iter()
                .map(|n| {
                    format!(
                        "{} {} {}  {}",
                        if n.read_at.is_none() { "●" } else { " " },
                        n.created_at,
                        n.kind,
                        n.message
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_an_item_with_an_optional_count() {
        assert_eq!(
            line("SKU-1").unwrap(),
            LineInput {
                item: "SKU-1".into(),
                quantity: 1
            }
        );
        assert_eq!(
            line("SKU-1:3").unwrap(),
            LineInput {
                item: "SKU-1".into(),
                quantity: 3
            }
        );
        assert_eq!(line("a:b").unwrap().item, "a:b");
    }
}

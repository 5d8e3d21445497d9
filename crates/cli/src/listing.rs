//! `trove listing add|list|show|set|end` and `trove outbox`.

use clap::{Args, Subcommand};
use trove_commerce::{
    Listing, ListingInput, ListingQuery, ListingStatus, ListingView, OutboxJob, Platform, Shop,
};
use trove_core::money::Money;
use trove_core::{Error, Store};

use crate::print::Output;

/// What a listing's form says, as flags. Blank text clears a field, so the
/// item's own shows through.
#[derive(Args)]
pub struct ListingFields {
    /// The listing's own title (else the item's).
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    description: Option<String>,
    /// The listing's price (else the item's): 12.50, or 12.50 EUR.
    #[arg(long)]
    price: Option<String>,
    /// What the buyer pays for shipping.
    #[arg(long)]
    shipping: Option<String>,
}

impl From<ListingFields> for ListingInput {
    fn from(f: ListingFields) -> Self {
        ListingInput {
            title: f.title,
            description: f.description,
            price: f.price,
            shipping: f.shipping,
        }
    }
}

#[derive(Subcommand)]
pub enum ListingCommand {
    /// Start a draft listing of an item (id, SKU or barcode) on a platform.
    Add {
        item: String,
        /// ebay, etsy, shopify, poshmark, mercari, depop, whatnot, facebook or other.
        #[arg(long)]
        platform: String,
        #[command(flatten)]
        fields: ListingFields,
        /// Publish it at once (pending: the marketplace is told).
        #[arg(long)]
        publish: bool,
        #[arg(long)]
        json: bool,
    },
    /// List an item's listings; without an item, the listings across
    /// items, a page at a time.
    List {
        item: Option<String>,
        /// Only this platform's.
        #[arg(long)]
        platform: Option<String>,
        /// Only listings in this status.
        #[arg(long)]
        status: Option<String>,
        /// Active listings listed more than this many days ago.
        #[arg(long, value_name = "DAYS")]
        stale: Option<u32>,
        /// Live listings of items with no unit available.
        #[arg(long)]
        without_stock: bool,
        /// Items in stock that are listed nowhere (instead of listings).
        #[arg(long)]
        unlisted: bool,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// The cursor printed after the previous page.
        #[arg(long)]
        after: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show a listing and the outbox jobs written for it.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Change what a listing says, or move it along its life with --status.
    Set {
        id: String,
        #[command(flatten)]
        fields: ListingFields,
        /// draft, pending, active, sold, ended or error.
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List an item on several platforms at once from a template; each
    /// new listing is published.
    Everywhere {
        item: String,
        /// Platforms, comma-separated: ebay,etsy,poshmark.
        #[arg(long, value_delimiter = ',', required = true)]
        platforms: Vec<String>,
        #[arg(long)]
        template: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Save a listing template (replacing one of the same name). Title and
    /// description take the item's fields in braces: {brand} {title}, {size}.
    Template {
        name: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        description: Option<String>,
        /// A category path: "Clothing > Women > Coats".
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        shipping_service: Option<String>,
        #[arg(long)]
        package: Option<String>,
        #[arg(long)]
        weight_grams: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Say which of a platform's categories a category is.
    MapCategory {
        /// The category path: "Clothing > Women".
        category: String,
        #[arg(long)]
        platform: String,
        /// The platform's category id or name.
        #[arg(long = "as")]
        platform_category: String,
        #[arg(long)]
        json: bool,
    },
    /// End a listing.
    End {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

impl ListingCommand {
    pub fn json(&self) -> bool {
        match self {
            ListingCommand::Add { json, .. }
            | ListingCommand::List { json, .. }
            | ListingCommand::Show { json, .. }
            | ListingCommand::Set { json, .. }
            | ListingCommand::End { json, .. }
            | ListingCommand::Everywhere { json, .. }
            | ListingCommand::Template { json, .. }
            | ListingCommand::MapCategory { json, .. } => *json,
        }
    }
}

fn money(m: &Option<Money>) -> String {
    m.map_or_else(String::new, |m| {
        format!("{} {}", m.to_decimal_string(), m.currency.code())
    })
}

fn one_line(l: &Listing) -> String {
    let mut line = format!(
        "{}  {:<8} {:<8}",
        l.id,
        l.platform.as_str(),
        l.status.as_str()
    );
    if l.price.is_some() {
        line.push_str(&format!(" {}", money(&l.price)));
    }
    if let Some(t) = &l.title {
        line.push_str(&format!("  {t}"));
    }
    line
}

/// A page's lines, or `empty` for none, with where the next page starts.
fn page_text(mut lines: Vec<String>, empty: &str, next: &Option<String>) -> String {
    if lines.is_empty() {
        lines.push(empty.to_string());
    }
    if let Some(n) = next {
        lines.push(format!("(more: --after {n})"));
    }
    lines.join("\n")
}

fn job_line(j: &OutboxJob) -> String {
    format!(
        "{}  {:<8} {:<16} {:<8} attempts {}{}",
        j.created_at,
        j.platform.as_str(),
        j.kind.map_or("unknown", |k| k.as_str()),
        j.state,
        j.attempts,
        j.last_error
            .as_ref()
            .map_or(String::new(), |e| format!("  {e}"))
    )
}

fn show(shop: &Shop<'_>, out: &Output, listing: &Listing) -> Result<(), Error> {
    let jobs = shop.jobs_of(&listing.id)?;
    let value = serde_json::json!({ "listing": listing, "jobs": jobs });
    out.value(&value, |_| {
        let mut text = one_line(listing);
        if let Some(s) = &listing.shipping {
            text.push_str(&format!("\nshipping {}", money(&Some(*s))));
        }
        for j in &jobs {
            text.push_str(&format!("\noutbox: {}", job_line(j)));
        }
        text
    });
    Ok(())
}

pub fn listing(cmd: ListingCommand, store: &Store, out: &Output) -> Result<(), Error> {
    let shop = Shop::new(store);
    match cmd {
        ListingCommand::Add {
            item,
            platform,
            fields,
            publish,
            ..
        } => {
            let platform = Platform::parse(&platform)?;
            let mut listing = shop.list(&item, platform, &fields.into())?;
            if publish {
                listing = shop.set_status(&listing.id, ListingStatus::Pending)?;
            }
            show(&shop, out, &listing)?;
        }
        ListingCommand::List {
            item: None,
            platform,
            status,
            stale,
            without_stock,
            unlisted,
            limit,
            after,
            ..
        } => {
            if unlisted {
                let page = shop.unlisted(after.as_deref(), limit)?;
                out.value(&page, |p| {
                    let lines: Vec<String> = p
                        .items
                        .iter()
                        .map(|i| {
                            format!(
                                "{}  {} available  {}  {}",
                                i.sku.as_deref().unwrap_or(&i.item_id),
                                i.available,
                                i.location.as_deref().unwrap_or("(no location)"),
                                i.title
                            )
                        })
                        .collect();
                    page_text(lines, "every item in stock is listed somewhere", &p.next)
                });
                return Ok(());
            }
            let view = match (stale, without_stock) {
                (Some(days), _) => ListingView::Stale { days },
                (None, true) => ListingView::WithoutStock,
                (None, false) => ListingView::All,
            };
            let query = ListingQuery {
                view,
                platform: platform.as_deref().map(Platform::parse).transpose()?,
                status: status.as_deref().map(ListingStatus::parse).transpose()?,
                after,
                limit,
            };
            let page = shop.listings(&query)?;
            out.value(&page, |p| {
                let lines: Vec<String> = p
                    .rows
                    .iter()
                    .map(|r| {
                        format!(
                            "{}  {} available  {}",
                            one_line(&r.listing),
                            r.available,
                            r.title
                        )
                    })
                    .collect();
                page_text(lines, "no listings", &p.next)
            });
        }
        ListingCommand::List {
            item: Some(item), ..
        } => {
            let listings = shop.listings_of(&item)?;
            out.value(&listings, |ls| {
                if ls.is_empty() {
                    "not listed anywhere".to_string()
                } else {
                    ls.iter().map(one_line).collect::<Vec<_>>().join("\n")
                }
            });
        }
        ListingCommand::Show { id, .. } => show(&shop, out, &shop.listing(&id)?)?,
        ListingCommand::Set {
            id, fields, status, ..
        } => {
            let input: ListingInput = fields.into();
            let mut listing = if input == ListingInput::default() {
                shop.listing(&id)?
            } else {
                shop.edit(&id, &input)?
            };
            if let Some(status) = status {
                listing = shop.set_status(&listing.id, ListingStatus::parse(&status)?)?;
            }
            show(&shop, out, &listing)?;
        }
        ListingCommand::End { id, .. } => show(&shop, out, &shop.end(&id)?)?,
        ListingCommand::Everywhere {
            item,
            platforms,
            template,
            ..
        } => {
            let platforms = platforms
                .iter()
                .map(|p| Platform::parse(p))
                .collect::<Result<Vec<_>, _>>()?;
            let listed = shop.list_everywhere(&item, &platforms, template.as_deref())?;
            out.value(&listed, |l| {
                let mut lines: Vec<String> = l.created.iter().map(one_line).collect();
                lines.extend(l.skipped.iter().map(|s| format!("skipped {s}")));
                lines.join("\n")
            });
        }
        ListingCommand::Template {
            name,
            title,
            description,
            category,
            shipping_service,
            package,
            weight_grams,
            ..
        } => {
            let t = shop.save_template(&trove_commerce::TemplateInput {
                name,
                title,
                description,
                category,
                shipping_service,
                package,
                weight_grams,
            })?;
            out.value(&t, |t| format!("saved template {}", t.name));
        }
        ListingCommand::MapCategory {
            category,
            platform,
            platform_category,
            ..
        } => {
            let p = Platform::parse(&platform)?;
            shop.map_category(&category, p, &platform_category)?;
            out.value(
                &serde_json::json!({ "category": category, "platform": p, "as": platform_category }),
                |_| format!("{category} is {platform_category} on {p}"),
            );
        }
    }
    Ok(())
}

/// `trove outbox`: the jobs waiting for the sync worker.
pub fn outbox(store: &Store, limit: usize, out: &Output) -> Result<(), Error> {
    let jobs = Shop::new(store).outbox(limit)?;
    out.value(&jobs, |jobs| {
        if jobs.is_empty() {
            "the outbox is empty".to_string()
        } else {
            jobs.iter().map(job_line).collect::<Vec<_>>().join("\n")
        }
    });
    Ok(())
}

/// `trove checklist`: the assisted tasks still open.
pub fn checklist(
    store: &Store,
    platform: Option<&str>,
    done: Option<&str>,
    out: &Output,
) -> Result<(), Error> {
    let shop = Shop::new(store);
    if let Some(id) = done {
        shop.task_done(id)?;
    }
    let platform = platform.map(Platform::parse).transpose()?;
    let tasks = shop.checklist(platform, 500)?;
    out.value(&tasks, |t| {
        if t.is_empty() {
            "nothing to do by hand".to_string()
        } else {
            t.iter()
                .map(|t| {
                    let p = t.payload.as_ref();
                    let field = |k: &str| p.and_then(|p| p[k].as_str()).map(str::to_string);
                    let mut line = format!("{}  {}", t.id, t.reason);
                    if let Some(title) = field("title").filter(|_| t.action == "create") {
                        line.push_str(&format!("\n    title: {title}"));
                    }
                    if let Some(d) = field("description").filter(|_| t.action == "create") {
                        line.push_str(&format!("\n    description: {d}"));
                    }
                    line
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
    });
    Ok(())
}

//! Selling, over the core: listings of items on every platform, and the
//! sync outbox every change a marketplace must learn about is written to,
//! in the same transaction as the change. The sync worker drains the
//! outbox later; until then its jobs wait, visible.
//!
//! The core's `Store` takes `impl` blocks only in the core, so selling is
//! reached through a handle of its own: `Shop::new(&store)`.

pub mod assisted;
mod change;
mod doctor;
mod fields;
pub mod listing;
pub mod notify;
pub mod offer;
pub mod outbox;
pub mod pick;
pub mod platform;
pub mod quick_sale;
pub mod rules;
pub mod sale;
pub mod schedule;
mod selling;
mod shop;
pub mod stocktake;
pub mod template;
pub mod views;

pub use assisted::AssistedTask;
pub use listing::{Listing, ListingInput, ListingStatus};
pub use notify::Notification;
pub use offer::{Offer, OfferInput, OfferStatus};
pub use outbox::{OutboxJob, OutboxKind};
pub use pick::PickLine;
pub use platform::{Platform, PlatformInfo};
pub use quick_sale::SaleDefaults;
pub use rules::{Decision, Rule, RuleRun, RuleSettings};
pub use sale::{LineInput, Sale, SaleInput, SaleStatus};
pub use schedule::Scheduled;
pub use selling::Recorded;
pub use shop::Shop;
pub use stocktake::{CountedItem, StockTake, Unverified};
pub use template::{Listed, Template, TemplateInput};
pub use views::{ListingPage, ListingQuery, ListingRow, ListingView, UnlistedItem, UnlistedPage};

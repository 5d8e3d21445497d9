//! The TypeScript types the UI uses, generated from the Rust definitions
//! into `ui/src/lib/bindings.ts`. `cargo test` fails when the checked-in
//! file differs from what the types generate; `TROVE_WRITE_BINDINGS=1
//! cargo test -p trove-app bindings` rewrites it.

use std::path::Path;

use ts_rs::{Config, TS};

use crate::commands;

/// One declaration per type, dependencies included by listing them.
fn declarations(cfg: &Config) -> Vec<String> {
    use trove_core::*;
    macro_rules! decls {
        ($($t:ty),* $(,)?) => { vec![$(format!("export {}", <$t as TS>::decl(cfg))),*] };
    }
    decls![
        item::Condition,
        item::Status,
        item::LocationRef,
        item::ItemFields,
        item::Item,
        item::ItemChanges,
        items::Edit,
        items::Move,
        money::Currency,
        money::Money,
        gtin::Gtin,
        list::Filters,
        list::Sort,
        list::ListQuery,
        list::Page,
        search::SearchQuery,
        search::SearchResults,
        scan::Scanned,
        locations::Bin,
        locations::Section,
        locations::Location,
        activity::Activity,
        stats::Stats,
        stats::Totals,
        vocabulary::Vocabulary,
        error::FieldError,
        error::ErrorBody,
        import::RowError,
        import::RepeatedSku,
        import::ImportReport,
        export::ExportReport,
        photos::PhotoFormat,
        photos::Thumbnails,
        photos::Photo,
        jobs::JobKind,
        jobs::Progress,
        jobs::outcome::JobReport,
        photos::PhotoSkip,
        photos::PhotoImportReport,
        commands::items::ItemDetail,
        commands::app::AppInfo,
        commands::app::Startup,
        commands::jobs::JobProgress,
        commands::jobs::JobDone,
        commands::labels::LabelSizeInfo,
        labels::LabelSize,
        labels::Symbology,
        labels::LabelKind,
        labels::LabelKey,
        cards::CardKind,
        cards::Grade,
        cards::Serial,
        cards::Tier,
        cards::Card,
        cards::CardInput,
        cards::CardForm,
        cards::WishInput,
        cards::PreorderInput,
        error::ErrorCode,
        cards::ItemCard,
        cards::CatalogueSet,
        cards::Wish,
        cards::Preorder,
        cards::DateSlip,
        db::PendingUpgrade,
        cards::TierThresholds,
        cards::PricePoint,
        cards::CollectionMode,
        cards::Collection,
        cards::CollectionEntry,
        cards::ValuePoint,
        cards::CatalogueReport,
        cards::CompletionCard,
        cards::Completion,
        cards::presets::Preset,
        cards::presets::CollectionFormat,
        stock::Stock,
        trove_commerce::Platform,
        trove_commerce::PlatformInfo,
        trove_commerce::ListingStatus,
        trove_commerce::Listing,
        trove_commerce::ListingInput,
        trove_commerce::OutboxKind,
        trove_commerce::OutboxJob,
        commands::listings::ListingWithJobs,
        commands::listings::ItemListings,
        trove_commerce::Template,
        trove_commerce::TemplateInput,
        trove_commerce::Listed,
        trove_commerce::ListingView,
        trove_commerce::ListingQuery,
        trove_commerce::ListingRow,
        trove_commerce::ListingPage,
        trove_commerce::UnlistedItem,
        trove_commerce::UnlistedPage,
        trove_commerce::AssistedTask,
        trove_commerce::SaleStatus,
        trove_commerce::sale::SaleLine,
        trove_commerce::Sale,
        trove_commerce::LineInput,
        trove_commerce::SaleInput,
        trove_commerce::Recorded,
        trove_commerce::SaleDefaults,
        trove_commerce::PickLine,
        trove_commerce::CountedItem,
        trove_commerce::StockTake,
        trove_commerce::Unverified,
        trove_commerce::OfferStatus,
        trove_commerce::Offer,
        trove_commerce::OfferInput,
        trove_commerce::RuleSettings,
        trove_commerce::Rule,
        trove_commerce::Decision,
        trove_commerce::RuleRun,
        trove_commerce::Notification,
    ]
}

fn generate() -> String {
    // JSON numbers: every i64 the app sends fits in a double (counts, minor
    // units, millimetres), so `number`, not `bigint`.
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs; do not edit.\n\
         // Regenerate: TROVE_WRITE_BINDINGS=1 cargo test -p trove-app bindings\n\n",
    );
    for decl in declarations(&cfg) {
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn bindings_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let fresh = generate();
    if std::env::var_os("TROVE_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("bindings.ts is writable");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/lib/bindings.ts is out of date with the Rust types; \
         run TROVE_WRITE_BINDINGS=1 cargo test -p trove-app bindings"
    );
}

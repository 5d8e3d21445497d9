//! `trove bench sales`: selling at scale. Over the benchmark's million
//! items, seeds a history of delivered sales and a live listing on eBay for
//! many items (plain SQL in one transaction: setup, not what is measured),
//! then records sales one by one as a person or an order import would:
//! each commits its units through the stock ledger, marks its listing sold
//! and ends the item's other listings with their outbox jobs. Then reads
//! the To ship queue's first page.

use std::time::Instant;

use clap::Args;
use serde::Serialize;
use trove_commerce::{
    LineInput, ListingQuery, ListingStatus, ListingView, Platform, SaleInput, Shop,
};
use trove_core::{Error, Store};

use crate::print::Output;
use crate::timing::{latency, ms, Latency};

#[derive(Args)]
pub struct SalesBenchArgs {
    /// Delivered sales to seed before measuring.
    #[arg(long, default_value_t = 200_000)]
    history: u64,
    /// Sales recorded one by one, and timed.
    #[arg(long, default_value_t = 2_000)]
    record: u64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct SalesBench {
    items: i64,
    sales_before: i64,
    seed_seconds: f64,
    /// One sale each: commit, listing sold, two other listings ended.
    record: Latency,
    /// The To ship queue's first page (50 sales with their lines).
    to_ship_first_page: Latency,
    /// The app's To ship screen: the lines of the first 50 sales in shelf
    /// order, with their locations.
    pick_walk_first_page: Latency,
    /// Each listings view's first page of 50, the slowest of 5 reads (ms).
    views: Vec<ViewTiming>,
}

#[derive(Serialize)]
struct ViewTiming {
    name: String,
    ms: f64,
    rows: usize,
}

/// The slowest of five reads of each listings view's first page.
fn views(shop: &Shop<'_>) -> Result<Vec<ViewTiming>, Error> {
    let q = |view, platform, status| ListingQuery {
        view,
        platform,
        status,
        ..Default::default()
    };
    let cases = [
        ("all listings", q(ListingView::All, None, None)),
        (
            "eBay, active",
            q(
                ListingView::All,
                Some(Platform::Ebay),
                Some(ListingStatus::Active),
            ),
        ),
        (
            "Etsy, ended",
            q(
                ListingView::All,
                Some(Platform::Etsy),
                Some(ListingStatus::Ended),
            ),
        ),
        ("sold", q(ListingView::All, None, Some(ListingStatus::Sold))),
        (
            "stale, 30 days",
            q(ListingView::Stale { days: 30 }, None, None),
        ),
        (
            "listed without stock",
            q(ListingView::WithoutStock, None, None),
        ),
    ];
    let mut out = Vec::new();
    for (name, query) in cases {
        let (mut worst, mut rows) = (0f64, 0);
        for _ in 0..5 {
            let t = Instant::now();
            rows = shop.listings(&query)?.rows.len();
            worst = worst.max(ms(t));
        }
        out.push(ViewTiming {
            name: name.into(),
            ms: worst,
            rows,
        });
    }
    let (mut worst, mut rows) = (0f64, 0);
    for _ in 0..5 {
        let t = Instant::now();
        rows = shop.unlisted(None, 50)?.items.len();
        worst = worst.max(ms(t));
    }
    out.push(ViewTiming {
        name: "in stock, listed nowhere".into(),
        ms: worst,
        rows,
    });
    Ok(out)
}

/// Seeds `history` delivered sales of single items, and an active eBay
/// listing for every item that has none, in one transaction.
fn seed(store: &Store, history: u64) -> Result<(), Error> {
    store.write(|tx| {
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS bench_n (i INTEGER PRIMARY KEY);
             DELETE FROM temp.bench_n;",
        )?;
        tx.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
             INSERT INTO temp.bench_n SELECT i FROM n",
            [history as i64],
        )?;
        tx.execute_batch(
            "INSERT OR IGNORE INTO sales (id, platform, platform_order_id, buyer, currency, sale_amount,
                 shipping_amount, status, sold_at, shipped_at, created_at, updated_at)
             SELECT 'bench-' || i, CASE i % 3 WHEN 0 THEN 'ebay' WHEN 1 THEN 'etsy' ELSE 'shopify' END,
                 'BENCH-' || i, 'buyer ' || (i % 7919), 'USD', 500 + i % 20000, 450, 'delivered',
                 strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || (i * 157 % 60000000) || ' seconds'),
                 NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'
             FROM temp.bench_n;
             INSERT OR IGNORE INTO sale_items (sale_id, item_id, quantity)
             SELECT 'bench-' || n.i, i.id, 1 FROM temp.bench_n n JOIN items i ON i.seq = n.i * 4;
             INSERT OR IGNORE INTO listings (id, item_id, platform, status, listed_at, created_at, updated_at)
             SELECT 'bench-ebay-' || seq, id, 'ebay', 'active', created_at, created_at, created_at
             FROM items WHERE deleted_at IS NULL;",
        )?;
        Ok(())
    })
}

pub fn run(store: &Store, args: &SalesBenchArgs, out: &Output) -> Result<(), Error> {
    let started = Instant::now();
    seed(store, args.history)?;
    let seed_seconds = started.elapsed().as_secs_f64();
    store.optimize()?;
    let (items, sales_before): (i64, i64) = store.read(|c| {
        Ok(c.query_row(
            "SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM sales)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    })?;
    // Items with exactly one unit free and no sale yet, spread over the
    // table: selling each ends its other listings.
    let candidates: Vec<String> = store.read(|c| {
        let mut stmt = c.prepare(
            "SELECT id FROM items i WHERE quantity = 1 AND committed = 0 AND deleted_at IS NULL
               AND seq % 4 <> 0 AND seq % 97 = 1 LIMIT ?1",
        )?;
        let rows = stmt.query_map([args.record as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })?;
    let shop = Shop::new(store);
    for id in &candidates {
        for platform in [Platform::Etsy, Platform::Mercari] {
            if let Ok(l) = shop.list(id, platform, &Default::default()) {
                shop.set_status(&l.id, ListingStatus::Active)?;
            }
        }
    }
    let run_id = trove_store::new_id();
    let mut samples = Vec::with_capacity(candidates.len());
    for (n, id) in candidates.iter().enumerate() {
        let input = SaleInput {
            platform: "ebay".into(),
            order_id: Some(format!("{run_id}-{n}")),
            lines: vec![LineInput {
                item: id.clone(),
                quantity: 1,
            }],
            price: "25.00".into(),
            ..Default::default()
        };
        let t = Instant::now();
        shop.record_sale(&input)?;
        samples.push(ms(t));
    }
    let mut pages = Vec::with_capacity(50);
    let mut walks = Vec::with_capacity(50);
    for _ in 0..50 {
        let t = Instant::now();
        let page = shop.to_ship(50)?;
        pages.push(ms(t));
        let t = Instant::now();
        let walk = shop.pick_list(50, true)?;
        walks.push(ms(t));
        if page.is_empty() || walk.is_empty() {
            return Err(Error::unavailable("read the To ship queue", "it is empty"));
        }
    }
    let report = SalesBench {
        items,
        sales_before,
        seed_seconds,
        record: latency(samples),
        to_ship_first_page: latency(pages),
        pick_walk_first_page: latency(walks),
        views: views(&shop)?,
    };
    out.value(&report, |r| {
        let views: String = r
            .views
            .iter()
            .map(|v| format!("\nlistings view {}: {:.2} ms ({} rows)", v.name, v.ms, v.rows))
            .collect();
        format!(
            "{} items, {} sales (seeded in {:.1} s)\nrecord a sale: p50 {:.2} ms, p95 {:.2}, p99 {:.2}, max {:.2} ({} sales)\nTo ship, first page: p50 {:.2} ms, max {:.2}\npick walk, first page: p50 {:.2} ms, max {:.2}",
            r.items,
            r.sales_before,
            r.seed_seconds,
            r.record.p50_ms,
            r.record.p95_ms,
            r.record.p99_ms,
            r.record.max_ms,
            r.record.count,
            r.to_ship_first_page.p50_ms,
            r.to_ship_first_page.max_ms,
            r.pick_walk_first_page.p50_ms,
            r.pick_walk_first_page.max_ms
        ) + &views
    });
    Ok(())
}

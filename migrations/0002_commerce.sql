-- Trove schema 2: where items are offered and sold. Marketplace accounts,
-- listings, sales, offers, the sync outbox and notifications. The sync
-- worker and the screens that fill these arrive later; the tables are laid
-- down now so that committed and available quantities have one home.
-- Tokens for accounts live in the OS keychain, keyed by account id: no
-- column here may ever hold a secret.

CREATE TABLE marketplace_accounts (
    id           TEXT PRIMARY KEY,
    platform     TEXT NOT NULL,   -- ebay, etsy, shopify, poshmark, mercari, depop, whatnot, facebook
    username     TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'disconnected'
                 CHECK (state IN ('disconnected','connected','expired','error')),
    last_sync_at TEXT,
    last_error   TEXT,
    created_at   TEXT NOT NULL,
    UNIQUE (platform, username)
) STRICT;

CREATE TABLE listings (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    item_id        TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    platform       TEXT NOT NULL,
    account_id     TEXT REFERENCES marketplace_accounts(id) ON DELETE SET NULL,
    platform_listing_id TEXT,
    url            TEXT,
    title          TEXT,
    description    TEXT,
    price_amount   INTEGER CHECK (price_amount IS NULL OR price_amount >= 0),
    price_currency TEXT,
    shipping_amount INTEGER CHECK (shipping_amount IS NULL OR shipping_amount >= 0),
    shipping_currency TEXT,
    status         TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft','pending','active','sold','ended','error')),
    platform_data  TEXT,   -- JSON
    listed_at      TEXT,
    sold_at        TEXT,
    ended_at       TEXT,
    last_error     TEXT,
    retry_count    INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (item_id, platform),
    CHECK ((price_amount IS NULL) = (price_currency IS NULL))
) STRICT;
CREATE INDEX listings_by_status ON listings(status, seq);
CREATE UNIQUE INDEX listings_by_platform_id ON listings(platform, platform_listing_id)
    WHERE platform_listing_id IS NOT NULL;

CREATE TABLE sales (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    platform         TEXT NOT NULL,
    platform_order_id TEXT,
    listing_id       TEXT REFERENCES listings(id) ON DELETE SET NULL,
    buyer            TEXT,
    currency         TEXT NOT NULL,
    sale_amount      INTEGER NOT NULL CHECK (sale_amount >= 0),
    fee_amount       INTEGER NOT NULL DEFAULT 0 CHECK (fee_amount >= 0),
    shipping_amount  INTEGER NOT NULL DEFAULT 0 CHECK (shipping_amount >= 0),
    tax_amount       INTEGER NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending','confirmed','shipped','delivered','cancelled','returned')),
    carrier          TEXT,
    tracking         TEXT,
    sold_at          TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
-- Importing the same order twice changes nothing.
CREATE UNIQUE INDEX sales_by_platform_order ON sales(platform, platform_order_id)
    WHERE platform_order_id IS NOT NULL;
CREATE INDEX sales_by_time ON sales(sold_at, seq);

-- The items of a sale (one, or several for a bundle), with the item's cost
-- frozen at the time of sale so profit does not drift.
CREATE TABLE sale_items (
    sale_id          TEXT NOT NULL REFERENCES sales(id) ON DELETE CASCADE,
    item_id          TEXT NOT NULL REFERENCES items(id) ON DELETE RESTRICT,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    cost_home_amount INTEGER,
    PRIMARY KEY (sale_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sale_items_by_item ON sale_items(item_id);

CREATE TABLE offers (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    listing_id     TEXT NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    platform_offer_id TEXT,
    buyer          TEXT,
    currency       TEXT NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount >= 0),
    counter_amount INTEGER CHECK (counter_amount IS NULL OR counter_amount >= 0),
    status         TEXT NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending','accepted','declined','countered','expired','cancelled')),
    expires_at     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX offers_by_listing ON offers(listing_id, seq);

-- Every change that must reach a marketplace is a job here; the worker
-- drains it with backoff. A dead job stays visible.
CREATE TABLE sync_jobs (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    account_id      TEXT NOT NULL REFERENCES marketplace_accounts(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,  -- create, update_price, update_quantity, end, import_orders, backfill
    listing_id      TEXT REFERENCES listings(id) ON DELETE SET NULL,
    payload         TEXT,           -- JSON
    idempotency_key TEXT NOT NULL UNIQUE,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending','running','done','dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX sync_jobs_due ON sync_jobs(state, next_attempt_at) WHERE state IN ('pending','running');

CREATE TABLE notifications (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    record_type TEXT,
    record_id  TEXT,
    message    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at    TEXT
) STRICT;
CREATE INDEX notifications_unread ON notifications(seq) WHERE read_at IS NULL;

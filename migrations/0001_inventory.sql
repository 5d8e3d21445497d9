-- Trove schema 1: items, storage, categories, tags, custom fields, moves,
-- activity log and the search index.
--
-- Conventions (see PRODUCT.md): ids are UUIDv7 text; times are UTC RFC 3339
-- text; money is an integer amount in minor units plus an ISO 4217 code.
-- Every item table carries an INTEGER PRIMARY KEY `seq` so that the FTS
-- index can key on a rowid that VACUUM never renumbers.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE categories (
    id          TEXT PRIMARY KEY,
    parent_id   TEXT REFERENCES categories(id) ON DELETE RESTRICT,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- "Clothing > Women > Coats": kept in step by the core, searched and shown.
    path        TEXT NOT NULL,
    -- JSON object: platform name -> that platform's category id.
    platform_map TEXT,
    created_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX categories_by_path ON categories(path COLLATE NOCASE);
CREATE INDEX categories_by_parent ON categories(parent_id);

CREATE TABLE bins (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    -- Short printable location code (B12); never changes once given, so
    -- labels already printed stay true.
    code       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind       TEXT NOT NULL DEFAULT 'general' CHECK (length(trim(kind)) > 0),
    notes      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX bins_by_kind_name ON bins(kind COLLATE NOCASE, name COLLATE NOCASE);

CREATE TABLE sections (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    bin_id     TEXT NOT NULL REFERENCES bins(id) ON DELETE RESTRICT,
    code       TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- B12-3
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    capacity   INTEGER CHECK (capacity IS NULL OR capacity > 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX sections_by_bin_name ON sections(bin_id, name COLLATE NOCASE);

CREATE TABLE items (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    sku          TEXT UNIQUE COLLATE NOCASE,
    -- Normalised GTIN-14 with a valid check digit.
    barcode      TEXT CHECK (barcode IS NULL OR (length(barcode) = 14 AND barcode NOT GLOB '*[^0-9]*')),
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description  TEXT,
    brand        TEXT,
    category_id  TEXT REFERENCES categories(id) ON DELETE SET NULL,
    category     TEXT,   -- the category's path, kept in step with categories
    size         TEXT,
    colour       TEXT,
    material     TEXT,
    condition    TEXT CHECK (condition IN ('new','like_new','excellent','good','fair','poor')),
    quantity     INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
    low_stock_threshold INTEGER CHECK (low_stock_threshold IS NULL OR low_stock_threshold >= 0),
    cost_amount   INTEGER CHECK (cost_amount IS NULL OR cost_amount >= 0),
    cost_currency TEXT,
    -- The cost in the home currency at the rate frozen when the cost was
    -- recorded, so profit does not drift with exchange rates.
    cost_home_amount INTEGER,
    price_amount   INTEGER CHECK (price_amount IS NULL OR price_amount >= 0),
    price_currency TEXT,
    weight_grams INTEGER CHECK (weight_grams IS NULL OR weight_grams >= 0),
    length_mm    INTEGER CHECK (length_mm IS NULL OR length_mm >= 0),
    width_mm     INTEGER CHECK (width_mm IS NULL OR width_mm >= 0),
    height_mm    INTEGER CHECK (height_mm IS NULL OR height_mm >= 0),
    notes        TEXT,
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','sold','archived')),
    bin_id       TEXT REFERENCES bins(id) ON DELETE RESTRICT,
    section_id   TEXT REFERENCES sections(id) ON DELETE RESTRICT,
    location     TEXT,   -- the location code (B12 or B12-3), kept in step by the core
    tags         TEXT,   -- the item's tag names joined by ';', for search and lists
    acquired_on  TEXT,   -- YYYY-MM-DD
    acquired_from TEXT,
    -- Rows split from one stack remember the row they came from.
    origin_id    TEXT REFERENCES items(id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,   -- set while the item is in the trash
    -- Every form a person may type or scan: GTIN-14, EAN-13, UPC-A, EAN-8.
    barcode_forms TEXT GENERATED ALWAYS AS (
        CASE WHEN barcode IS NULL THEN NULL
             ELSE barcode || ' ' || substr(barcode, 2) || ' ' || substr(barcode, 3) || ' ' || substr(barcode, 7)
        END) VIRTUAL,
    CHECK ((cost_amount IS NULL) = (cost_currency IS NULL)),
    CHECK ((price_amount IS NULL) = (price_currency IS NULL)),
    CHECK (section_id IS NULL OR bin_id IS NOT NULL),
    -- A sold item that can't be found is the worst failure of this app.
    CHECK (status <> 'active' OR bin_id IS NOT NULL)
) STRICT;

-- List orders. Partial indexes over live items; every list query repeats
-- `deleted_at IS NULL` so the planner can use them. `seq` breaks ties so
-- key-set paging is stable.
CREATE INDEX items_by_title    ON items(title COLLATE NOCASE, seq) WHERE deleted_at IS NULL;
-- Unpriced items sort first, like NULLs would, but stay index-ordered.
CREATE INDEX items_by_price    ON items(ifnull(price_amount, -1), seq) WHERE deleted_at IS NULL;
CREATE INDEX items_by_quantity ON items(quantity, seq) WHERE deleted_at IS NULL;
CREATE INDEX items_by_updated  ON items(updated_at, seq) WHERE deleted_at IS NULL;
CREATE INDEX items_by_status   ON items(status, seq) WHERE deleted_at IS NULL;
CREATE INDEX items_by_condition ON items(condition, seq) WHERE deleted_at IS NULL;
CREATE INDEX items_by_category ON items(category_id, deleted_at, title COLLATE NOCASE) WHERE category_id IS NOT NULL;
-- Cover the derived per-bin and per-section counts (and foreign-key checks).
CREATE INDEX items_by_bin      ON items(bin_id, deleted_at, section_id, quantity) WHERE bin_id IS NOT NULL;
CREATE INDEX items_by_section  ON items(section_id, deleted_at, quantity) WHERE section_id IS NOT NULL;
CREATE INDEX items_by_barcode  ON items(barcode) WHERE barcode IS NOT NULL;
CREATE INDEX items_in_trash    ON items(deleted_at, seq) WHERE deleted_at IS NOT NULL;
CREATE INDEX items_by_origin   ON items(origin_id) WHERE origin_id IS NOT NULL;

-- Tags: the vocabulary, for suggestions and renames. Which items carry a
-- tag is the items.tags column itself (searched through the index as
-- `tags:"name"`); a join table would be a second copy to keep in step and
-- two more B-tree rows per tag per item on every import.
CREATE TABLE tags (
    seq  INTEGER PRIMARY KEY,
    id   TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
) STRICT;

-- Custom field values join by row number: small, and quick to import.
CREATE TABLE custom_fields (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    kind       TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text','number','date','bool','url')),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE item_fields (
    item_seq  INTEGER NOT NULL REFERENCES items(seq) ON DELETE CASCADE,
    field_seq INTEGER NOT NULL REFERENCES custom_fields(seq) ON DELETE CASCADE,
    value     TEXT NOT NULL,
    PRIMARY KEY (item_seq, field_seq)
) STRICT, WITHOUT ROWID;

-- Where things went: put-away, moves between bins, splits of a stack.
CREATE TABLE moves (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    item_id         TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    quantity        INTEGER NOT NULL CHECK (quantity >= 0),
    from_bin_id     TEXT REFERENCES bins(id) ON DELETE SET NULL,
    from_section_id TEXT REFERENCES sections(id) ON DELETE SET NULL,
    from_location   TEXT,
    to_bin_id       TEXT REFERENCES bins(id) ON DELETE SET NULL,
    to_section_id   TEXT REFERENCES sections(id) ON DELETE SET NULL,
    to_location     TEXT,
    moved_at        TEXT NOT NULL
) STRICT;
CREATE INDEX moves_by_item ON moves(item_id, seq);

-- One row per file import; activity rows of that import point here.
CREATE TABLE import_batches (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    created     INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Append-only record of every change: what, which record, before and after
-- (JSON; only the fields that changed, or the whole record on delete).
CREATE TABLE activity (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    batch_id    TEXT REFERENCES import_batches(id),
    before      TEXT,
    after       TEXT
) STRICT;
CREATE INDEX activity_by_record ON activity(record_id, seq);

-- Search. External-content FTS5 over the live items (the view hides the
-- trash), kept in step by the triggers below. Prefix indexes of 1-3
-- characters make search-as-you-type read one doclist per typed prefix.
CREATE VIEW items_live AS
    SELECT seq, title, sku, barcode_forms, brand, category, tags, location, description, notes
    FROM items WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE items_fts USING fts5(
    title, sku, barcode_forms, brand, category, tags, location, description, notes,
    content = 'items_live',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO items_fts(items_fts, rank) VALUES ('rank', 'bm25(10.0, 8.0, 6.0, 4.0, 2.0, 3.0, 2.0, 1.0, 1.0)');
-- Bulk indexing keeps up to 32 MB of terms in memory before writing a
-- segment (default 1 MB): fewer, larger segments, far less merging.
INSERT INTO items_fts(items_fts, rank) VALUES ('hashsize', 33554432);

-- Bulk imports defer indexing. FTS5 flushes its pending terms at every
-- statement savepoint, so indexing row by row inside a large transaction
-- writes one tiny segment per row and then merges them all. While the row
-- with seq 0 is present (only ever inside the importing transaction, so no
-- other connection sees it), new and changed rows are queued here and
-- indexed by one statement before the transaction commits.
CREATE TABLE search_deferred (seq INTEGER PRIMARY KEY) STRICT;

-- One trigger per event, so its statements run in order: the old row's
-- terms leave the index before the new row's enter. (Separate triggers for
-- one event fire newest first, which would index the new row and then
-- 'delete' the old one on top of it.)
CREATE TRIGGER items_fts_insert AFTER INSERT ON items WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO items_fts(rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes)
        SELECT new.seq, new.title, new.sku, new.barcode_forms, new.brand, new.category, new.tags, new.location, new.description, new.notes
        WHERE NOT EXISTS (SELECT 1 FROM search_deferred WHERE seq = 0);
    INSERT OR IGNORE INTO search_deferred(seq)
        SELECT new.seq WHERE EXISTS (SELECT 1 FROM search_deferred WHERE seq = 0);
END;

-- A row still queued was never indexed, so there is nothing to take out.
CREATE TRIGGER items_fts_delete AFTER DELETE ON items
WHEN old.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_deferred WHERE seq = old.seq) BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes)
    VALUES ('delete', old.seq, old.title, old.sku, old.barcode_forms, old.brand, old.category, old.tags, old.location, old.description, old.notes);
END;

CREATE TRIGGER items_fts_update
AFTER UPDATE OF title, sku, barcode, brand, category, tags, location, description, notes, deleted_at ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes)
        SELECT 'delete', old.seq, old.title, old.sku, old.barcode_forms, old.brand, old.category, old.tags, old.location, old.description, old.notes
        WHERE old.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_deferred WHERE seq = old.seq);
    INSERT INTO items_fts(rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes)
        SELECT new.seq, new.title, new.sku, new.barcode_forms, new.brand, new.category, new.tags, new.location, new.description, new.notes
        WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_deferred WHERE seq = 0);
    INSERT OR IGNORE INTO search_deferred(seq)
        SELECT new.seq WHERE new.deleted_at IS NULL AND EXISTS (SELECT 1 FROM search_deferred WHERE seq = 0);
END;

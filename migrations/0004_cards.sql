-- Trove schema 4: cards and collections. Card details on an item, named
-- collections of items, a catalogue of sets and their cards imported from
-- public data files, append-only price history, a wishlist and pre-orders.
-- (Work in progress on branch issue-6: not landed, so still editable.)

-- The details that make an item a card. One row per card item; the item
-- keeps what every item has (title, quantity, condition, cost = purchase
-- price, brand = a sports card's manufacturer, location, photos).
CREATE TABLE cards (
    item_id          TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('tcg', 'sports')),
    -- Trading card games.
    game             TEXT,            -- magic, pokemon, yugioh, lorcana, …
    set_code         TEXT COLLATE NOCASE,
    set_name         TEXT,
    collector_number TEXT,            -- text: "12a", "★7", "SV-001"
    rarity           TEXT,
    finish           TEXT NOT NULL DEFAULT 'normal',  -- normal, foil, reverse_holo, etched, …
    language         TEXT,            -- BCP 47 primary tag: en, ja, de, …
    legality         TEXT,            -- formats it is legal in, ';'-separated
    -- Sports cards.
    sport            TEXT,
    year             INTEGER CHECK (year IS NULL OR year BETWEEN 1860 AND 2200),
    series           TEXT,
    player           TEXT,
    team             TEXT,
    rookie           INTEGER NOT NULL DEFAULT 0 CHECK (rookie IN (0, 1)),
    parallel         TEXT,
    insert_set       TEXT,
    serial_number    INTEGER CHECK (serial_number IS NULL OR serial_number > 0),
    serial_total     INTEGER CHECK (serial_total IS NULL OR serial_total > 0),
    -- Grading, either kind. Grades in tenths, half grades only (9.5 = 95).
    grader           TEXT,            -- PSA, BGS, CGC, SGC, …
    grade_tenths     INTEGER CHECK (grade_tenths IS NULL OR (grade_tenths BETWEEN 0 AND 100 AND grade_tenths % 5 = 0)),
    grade_label      TEXT,            -- Gem Mint, Pristine, Authentic, …
    cert_number      TEXT,
    -- What it is worth now, and the tier that value falls in under the
    -- user's thresholds (kept in step when the value or thresholds change).
    value_amount     INTEGER CHECK (value_amount IS NULL OR value_amount >= 0),
    value_currency   TEXT CHECK (value_currency IS NULL OR length(value_currency) = 3),
    value_tier       TEXT CHECK (value_tier IS NULL OR value_tier IN ('low', 'mid', 'high', 'grail')),
    catalogue_card_id TEXT REFERENCES catalogue_cards(id) ON DELETE SET NULL,
    CHECK ((serial_number IS NULL) = (serial_total IS NULL)),
    CHECK (serial_number IS NULL OR serial_number <= serial_total),
    CHECK ((value_amount IS NULL) = (value_currency IS NULL))
) STRICT;
-- Set completion and card views by set; scans of a certificate number.
CREATE INDEX cards_by_set ON cards(set_code, collector_number);
CREATE UNIQUE INDEX cards_by_cert ON cards(cert_number, grader) WHERE cert_number IS NOT NULL;
CREATE INDEX cards_by_player ON cards(player) WHERE player IS NOT NULL;
CREATE INDEX cards_by_catalogue ON cards(catalogue_card_id) WHERE catalogue_card_id IS NOT NULL;
CREATE INDEX cards_by_tier ON cards(value_tier, value_amount) WHERE value_tier IS NOT NULL;

-- Named groups of items: a binder, a box, a set, a personal collection.
CREATE TABLE collections (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL DEFAULT 'binder' CHECK (kind IN ('binder', 'box', 'set', 'personal', 'other')),
    mode        TEXT NOT NULL DEFAULT 'custom' CHECK (mode IN ('set', 'value', 'player', 'custom')),
    notes       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- An item may sit in several collections; `position` is the custom order.
CREATE TABLE collection_items (
    collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    item_id       TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    PRIMARY KEY (collection_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX collection_items_order ON collection_items(collection_id, position);
CREATE INDEX collection_items_by_item ON collection_items(item_id);

-- The catalogue: sets and their card lists from public data files
-- (MTGJSON, Scryfall, the Pokémon TCG data set).
CREATE TABLE catalogue_sets (
    id           TEXT PRIMARY KEY,
    game         TEXT NOT NULL,
    code         TEXT NOT NULL COLLATE NOCASE,
    name         TEXT NOT NULL,
    released_on  TEXT,               -- YYYY-MM-DD
    card_count   INTEGER,            -- as printed (a set's "official" size)
    source       TEXT NOT NULL,      -- mtgjson, scryfall, pokemontcg
    imported_at  TEXT NOT NULL,
    UNIQUE (game, code)
) STRICT;

CREATE TABLE catalogue_cards (
    id           TEXT PRIMARY KEY,
    set_id       TEXT NOT NULL REFERENCES catalogue_sets(id) ON DELETE CASCADE,
    number       TEXT NOT NULL,
    -- Sorts collector numbers naturally: "2" before "10", "12a" after "12".
    number_sort  TEXT NOT NULL,
    name         TEXT NOT NULL,
    rarity       TEXT,
    finishes     TEXT,               -- finishes it was printed in, ';'-separated
    language     TEXT NOT NULL DEFAULT 'en',
    external_id  TEXT,               -- the source's own id (Scryfall id, MTGJSON uuid, …)
    UNIQUE (set_id, number, language)
) STRICT;
CREATE INDEX catalogue_cards_order ON catalogue_cards(set_id, number_sort);
CREATE UNIQUE INDEX catalogue_cards_external ON catalogue_cards(external_id) WHERE external_id IS NOT NULL;

-- Append-only value points, for an item or a catalogue card, written only
-- when the value moves.
CREATE TABLE price_points (
    seq               INTEGER PRIMARY KEY,
    item_id           TEXT REFERENCES items(id) ON DELETE CASCADE,
    catalogue_card_id TEXT REFERENCES catalogue_cards(id) ON DELETE CASCADE,
    finish            TEXT NOT NULL DEFAULT 'normal',
    at                TEXT NOT NULL,
    amount            INTEGER NOT NULL CHECK (amount >= 0),
    currency          TEXT NOT NULL CHECK (length(currency) = 3),
    source            TEXT NOT NULL,      -- manual, import, catalogue
    CHECK ((item_id IS NULL) <> (catalogue_card_id IS NULL))
) STRICT;
CREATE INDEX price_points_by_item ON price_points(item_id, seq) WHERE item_id IS NOT NULL;
CREATE INDEX price_points_by_card ON price_points(catalogue_card_id, finish, seq) WHERE catalogue_card_id IS NOT NULL;

-- Wanted things, with the most the collector will pay.
CREATE TABLE wishlist (
    id                TEXT PRIMARY KEY,
    title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
    catalogue_card_id TEXT REFERENCES catalogue_cards(id) ON DELETE SET NULL,
    finish            TEXT,
    max_amount        INTEGER CHECK (max_amount IS NULL OR max_amount >= 0),
    max_currency      TEXT CHECK (max_currency IS NULL OR length(max_currency) = 3),
    notes             TEXT,
    created_at        TEXT NOT NULL,
    CHECK ((max_amount IS NULL) = (max_currency IS NULL))
) STRICT;

-- Items on pre-order: the deposit paid and the promised release date,
-- with every slip of that date kept.
CREATE TABLE preorders (
    item_id          TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    ordered_on       TEXT,
    seller           TEXT,
    deposit_amount   INTEGER CHECK (deposit_amount IS NULL OR deposit_amount >= 0),
    deposit_currency TEXT CHECK (deposit_currency IS NULL OR length(deposit_currency) = 3),
    release_on       TEXT NOT NULL,   -- YYYY-MM-DD, the date promised now
    received_at      TEXT,
    CHECK ((deposit_amount IS NULL) = (deposit_currency IS NULL))
) STRICT;

CREATE TABLE preorder_slips (
    seq        INTEGER PRIMARY KEY,
    item_id    TEXT NOT NULL REFERENCES preorders(item_id) ON DELETE CASCADE,
    from_on    TEXT NOT NULL,
    to_on      TEXT NOT NULL,
    noted_at   TEXT NOT NULL,
    CHECK (from_on <> to_on)
) STRICT;
CREATE INDEX preorder_slips_by_item ON preorder_slips(item_id, seq);

-- Search: cards are found through the same box by their set, number,
-- player, team, grader, certificate… The card's words are kept on its item
-- (`card_text`, in step with `cards` by the triggers below) and the search
-- index gains a column for them. FTS5 cannot add a column, so the index is
-- made again and rebuilt from the items.
ALTER TABLE items ADD COLUMN card_text TEXT;

CREATE TRIGGER cards_text_insert AFTER INSERT ON cards BEGIN
    UPDATE items SET card_text = concat_ws(' ', new.game, new.set_code, new.set_name,
        new.collector_number, new.rarity, nullif(new.finish, 'normal'), new.language, new.sport,
        new.year, new.series, new.player, new.team, CASE WHEN new.rookie THEN 'rookie RC' END,
        new.parallel, new.insert_set, new.grader, new.grade_label, new.cert_number)
    WHERE id = new.item_id;
END;
CREATE TRIGGER cards_text_update AFTER UPDATE ON cards BEGIN
    UPDATE items SET card_text = concat_ws(' ', new.game, new.set_code, new.set_name,
        new.collector_number, new.rarity, nullif(new.finish, 'normal'), new.language, new.sport,
        new.year, new.series, new.player, new.team, CASE WHEN new.rookie THEN 'rookie RC' END,
        new.parallel, new.insert_set, new.grader, new.grade_label, new.cert_number)
    WHERE id = new.item_id;
END;
CREATE TRIGGER cards_text_delete AFTER DELETE ON cards BEGIN
    UPDATE items SET card_text = NULL WHERE id = old.item_id;
END;

DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
DROP TABLE items_fts;
DROP VIEW items_live;

CREATE VIEW items_live AS
    SELECT seq, title, sku, barcode_forms, brand, category, tags, location, description, notes, card_text
    FROM items WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE items_fts USING fts5(
    title, sku, barcode_forms, brand, category, tags, location, description, notes, card_text,
    content = 'items_live',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO items_fts(items_fts, rank) VALUES ('rank', 'bm25(10.0, 8.0, 6.0, 4.0, 2.0, 3.0, 2.0, 1.0, 1.0, 4.0)');
INSERT INTO items_fts(items_fts, rank) VALUES ('hashsize', 33554432);

CREATE TRIGGER items_fts_insert AFTER INSERT ON items WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO items_fts(rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes, card_text)
        SELECT new.seq, new.title, new.sku, new.barcode_forms, new.brand, new.category, new.tags, new.location, new.description, new.notes, new.card_text
        WHERE NOT EXISTS (SELECT 1 FROM search_deferred WHERE seq = 0);
    INSERT OR IGNORE INTO search_deferred(seq)
        SELECT new.seq WHERE EXISTS (SELECT 1 FROM search_deferred WHERE seq = 0);
END;

CREATE TRIGGER items_fts_delete AFTER DELETE ON items
WHEN old.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_deferred WHERE seq = old.seq) BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes, card_text)
    VALUES ('delete', old.seq, old.title, old.sku, old.barcode_forms, old.brand, old.category, old.tags, old.location, old.description, old.notes, old.card_text);
END;

CREATE TRIGGER items_fts_update
AFTER UPDATE OF title, sku, barcode, brand, category, tags, location, description, notes, card_text, deleted_at ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes, card_text)
        SELECT 'delete', old.seq, old.title, old.sku, old.barcode_forms, old.brand, old.category, old.tags, old.location, old.description, old.notes, old.card_text
        WHERE old.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_deferred WHERE seq = old.seq);
    INSERT INTO items_fts(rowid, title, sku, barcode_forms, brand, category, tags, location, description, notes, card_text)
        SELECT new.seq, new.title, new.sku, new.barcode_forms, new.brand, new.category, new.tags, new.location, new.description, new.notes, new.card_text
        WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_deferred WHERE seq = 0);
    INSERT OR IGNORE INTO search_deferred(seq)
        SELECT new.seq WHERE new.deleted_at IS NULL AND EXISTS (SELECT 1 FROM search_deferred WHERE seq = 0);
END;

INSERT INTO items_fts(items_fts) VALUES ('rebuild');

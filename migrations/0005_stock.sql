-- Trove schema 5: the stock ledger and committed units.
--
-- Every change of an item's quantity is one row of `stock_movements`, and
-- so is every change of its committed units (units promised to sales not
-- yet shipped). `items.quantity` and `items.committed` are the sums of an
-- item's rows, kept beside it so that reading them costs nothing; the doctor
-- checks that they agree. Two devices that sold offline merge by adding
-- their rows, which is why the ledger, not the total, is the record.

ALTER TABLE items ADD COLUMN committed INTEGER NOT NULL DEFAULT 0
    CHECK (committed >= 0 AND committed <= quantity);

CREATE TABLE stock_movements (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    item_id     TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    -- The change of the item's quantity on hand.
    on_hand     INTEGER NOT NULL,
    -- The change of its committed units.
    committed   INTEGER NOT NULL DEFAULT 0,
    reason      TEXT NOT NULL CHECK (reason IN (
                    'opening', 'received', 'adjusted', 'imported', 'split',
                    'sold', 'shipped', 'cancelled', 'returned')),
    -- What caused it (a sale, an import batch, the item it was split from).
    record_type TEXT,
    record_id   TEXT,
    at          TEXT NOT NULL,
    CHECK (on_hand <> 0 OR committed <> 0)
) STRICT;
CREATE INDEX stock_movements_by_item ON stock_movements(item_id, seq);

-- What every item holds today is where its ledger starts. The id is made
-- from the item's, so two devices upgrading the same file agree on it.
INSERT INTO stock_movements (id, item_id, on_hand, committed, reason, at)
SELECT 'opening-' || id, id, quantity, 0, 'opening', updated_at
FROM items
WHERE quantity <> 0;

-- Trove schema 7: what selling needs of a sale beyond schema 2's tables.
-- Returns may take back some units of a line (`returned`), a refund may be
-- partial (`refund_amount`), and the To ship queue reads unshipped sales
-- oldest first through their own index.

ALTER TABLE sale_items ADD COLUMN returned INTEGER NOT NULL DEFAULT 0
    CHECK (returned >= 0 AND returned <= quantity);
ALTER TABLE sales ADD COLUMN refund_amount INTEGER NOT NULL DEFAULT 0
    CHECK (refund_amount >= 0);
ALTER TABLE sales ADD COLUMN shipped_at TEXT;
CREATE INDEX sales_to_ship ON sales(sold_at, seq) WHERE status IN ('pending', 'confirmed');

-- Trove schema 14: picking the To ship queue. A line is picked when its
-- item was scanned off the shelf for its sale; shipping needs no pick (a
-- person may ship without scanning), but the queue shows what is left.

ALTER TABLE sale_items ADD COLUMN picked_at TEXT;

-- Trove schema 8: the listings views at a million items.
--
-- "In stock but listed nowhere" and "listed, but none left" must answer
-- their first page at once whether one item in a hundred is listed or all
-- of them, so each item carries how many live (pending or active)
-- listings it has, kept by triggers whoever writes the listings, and each
-- view is a small partial index over the items it names.

ALTER TABLE items ADD COLUMN live_listings INTEGER NOT NULL DEFAULT 0;

UPDATE items SET live_listings = (
    SELECT count(*) FROM listings l WHERE l.item_id = items.id AND l.status IN ('pending', 'active'))
WHERE id IN (SELECT item_id FROM listings);

CREATE TRIGGER listings_live_insert AFTER INSERT ON listings
WHEN new.status IN ('pending', 'active') BEGIN
    UPDATE items SET live_listings = live_listings + 1 WHERE id = new.item_id;
END;

CREATE TRIGGER listings_live_delete AFTER DELETE ON listings
WHEN old.status IN ('pending', 'active') BEGIN
    UPDATE items SET live_listings = live_listings - 1 WHERE id = old.item_id;
END;

CREATE TRIGGER listings_live_update AFTER UPDATE OF status, item_id ON listings
WHEN (old.status IN ('pending', 'active')) IS NOT (new.status IN ('pending', 'active'))
  OR old.item_id IS NOT new.item_id BEGIN
    UPDATE items SET live_listings = live_listings - 1
    WHERE id = old.item_id AND old.status IN ('pending', 'active');
    UPDATE items SET live_listings = live_listings + 1
    WHERE id = new.item_id AND new.status IN ('pending', 'active');
END;

CREATE INDEX items_unlisted ON items(seq)
    WHERE live_listings = 0 AND quantity > committed AND deleted_at IS NULL;
CREATE INDEX items_listed_without_stock ON items(seq)
    WHERE live_listings > 0 AND quantity <= committed;
CREATE INDEX listings_by_platform ON listings(platform, status, seq);
CREATE INDEX listings_stale ON listings(listed_at, seq) WHERE status = 'active';

-- Trove schema 3: photos. The image files live in a content-addressed store
-- beside the database (`<name>-photos/`), named by the BLAKE3 hash of their
-- bytes; a row here is one use of such a file, on an item or in the inbox.
-- The same file on two items is two rows and one file. A row is written
-- only after its files are on disk, so no row ever points at nothing.

CREATE TABLE photos (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    hash         TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    file_name    TEXT NOT NULL,   -- the name it was imported under
    format       TEXT NOT NULL CHECK (format IN ('jpeg','png','webp','gif','tiff')),
    -- Upright size in pixels: after the EXIF orientation is applied.
    width        INTEGER NOT NULL CHECK (width > 0),
    height       INTEGER NOT NULL CHECK (height > 0),
    byte_size    INTEGER NOT NULL CHECK (byte_size > 0),
    -- EXIF DateTimeOriginal: RFC 3339 with its offset when the camera wrote
    -- one, otherwise the camera's local time without a zone.
    taken_at     TEXT,
    orientation  INTEGER NOT NULL DEFAULT 1 CHECK (orientation BETWEEN 1 AND 8),
    imported_at  TEXT NOT NULL,
    -- The item it belongs to, or NULL while it waits in the inbox.
    item_id      TEXT REFERENCES items(id) ON DELETE CASCADE,
    position     INTEGER,
    cover        INTEGER NOT NULL DEFAULT 0 CHECK (cover IN (0, 1)),
    CHECK ((item_id IS NULL) = (position IS NULL)),
    CHECK (cover = 0 OR item_id IS NOT NULL)
) STRICT;

-- A file sits once on an item and once in the inbox at most.
CREATE UNIQUE INDEX photos_on_item ON photos(item_id, hash) WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX photos_in_inbox ON photos(hash) WHERE item_id IS NULL;
-- An item's photos in order; at most one cover per item.
CREATE INDEX photos_item_order ON photos(item_id, position) WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX photos_cover ON photos(item_id) WHERE cover = 1;
-- Who else uses a file (dedup, delete, doctor).
CREATE INDEX photos_hash ON photos(hash);
-- The inbox, oldest first, paged by id (UUIDv7, so time-ordered).
CREATE INDEX photos_inbox_order ON photos(id) WHERE item_id IS NULL;

-- Trove schema 10: the assisted checklist. Platforms with no public seller
-- API (Poshmark, Mercari, Depop, Whatnot, Facebook) cannot be told by the
-- sync worker; what it would have sent becomes a task for the person, with
-- the text to paste, ticked off when done.

CREATE TABLE assisted_tasks (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    listing_id  TEXT REFERENCES listings(id) ON DELETE CASCADE,
    platform    TEXT NOT NULL,
    action      TEXT NOT NULL,   -- create, update, update_quantity, end, answer_offer
    payload     TEXT,            -- JSON: title, description, price, quantity…
    reason      TEXT NOT NULL,   -- the sentence shown
    created_at  TEXT NOT NULL,
    done_at     TEXT
) STRICT;
CREATE INDEX assisted_tasks_open ON assisted_tasks(platform, seq) WHERE done_at IS NULL;

-- Trove schema 6: the sync outbox takes jobs before any account exists.
--
-- Selling writes an outbox job for every change a marketplace must learn
-- about (a listing to create, a price, a quantity, an end) in the same
-- transaction as the change. The person may not have connected the
-- account yet, so a job names its platform and may wait without an
-- account; the sync worker attaches it when one is connected. SQLite
-- cannot loosen a NOT NULL in place, so the table is made again.

CREATE TABLE sync_jobs_v6 (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    platform        TEXT NOT NULL,
    account_id      TEXT REFERENCES marketplace_accounts(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL,  -- create, update, update_quantity, end, import_orders, backfill
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

INSERT INTO sync_jobs_v6 (seq, id, platform, account_id, kind, listing_id, payload, idempotency_key,
                          state, attempts, next_attempt_at, last_error, created_at, updated_at)
SELECT j.seq, j.id, coalesce(a.platform, 'other'), j.account_id, j.kind, j.listing_id, j.payload,
       j.idempotency_key, j.state, j.attempts, j.next_attempt_at, j.last_error, j.created_at, j.updated_at
FROM sync_jobs j LEFT JOIN marketplace_accounts a ON a.id = j.account_id;

DROP TABLE sync_jobs;
ALTER TABLE sync_jobs_v6 RENAME TO sync_jobs;
CREATE INDEX sync_jobs_due ON sync_jobs(state, next_attempt_at) WHERE state IN ('pending','running');
CREATE INDEX sync_jobs_by_listing ON sync_jobs(listing_id, seq) WHERE listing_id IS NOT NULL;

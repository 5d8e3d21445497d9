-- Trove schema 12: local automation rules and the log of every run.
-- A rule's settings are JSON whose shape its kind defines; a run records
-- each decision it made (or, in a dry run, would make).

CREATE TABLE rules (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('answer_offers', 'price_drop', 'relist')),
    settings    TEXT NOT NULL,
    enabled     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX rules_by_name ON rules(name COLLATE NOCASE);

CREATE TABLE rule_runs (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    rule_id    TEXT NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    dry_run    INTEGER NOT NULL,
    decisions  TEXT NOT NULL      -- JSON array
) STRICT;
CREATE INDEX rule_runs_by_rule ON rule_runs(rule_id, seq);

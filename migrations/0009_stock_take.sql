-- Trove schema 9: when each bin and section was last counted by scan, so
-- the places not checked for a while are a list to work through.

ALTER TABLE bins ADD COLUMN verified_at TEXT;
ALTER TABLE sections ADD COLUMN verified_at TEXT;

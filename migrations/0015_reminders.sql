-- Trove schema 15: notifications found by the record they are about, so a
-- reminder (an offer about to lapse) is raised once, however often the
-- schedule looks.

CREATE INDEX notifications_by_record ON notifications(record_id, kind) WHERE record_id IS NOT NULL;

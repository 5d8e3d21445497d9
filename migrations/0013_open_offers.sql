-- Trove schema 13: the offers still waiting for an answer, for the
-- offer rules to find without reading every offer ever made.

CREATE INDEX offers_open ON offers(seq) WHERE status IN ('pending', 'countered');

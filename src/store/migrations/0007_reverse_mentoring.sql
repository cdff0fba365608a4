-- 0007_reverse_mentoring: reverse mentoring pairs (seed 001): a senior
-- leader (the mentee) and a junior colleague (the mentor) go through the
-- 3 phases and 9 steps; the step a pair is at is recorded.

CREATE TABLE reverse_pair (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	senior_id       INTEGER NOT NULL REFERENCES person(id),
	junior_id       INTEGER NOT NULL REFERENCES person(id),
	question        TEXT NOT NULL DEFAULT '',
	step            INTEGER NOT NULL DEFAULT 1 CHECK (step BETWEEN 1 AND 9),
	started_on      TEXT NOT NULL,
	updated_at      INTEGER NOT NULL,
	CHECK (senior_id <> junior_id)
);
CREATE INDEX reverse_pair_senior ON reverse_pair(senior_id);
CREATE INDEX reverse_pair_junior ON reverse_pair(junior_id);

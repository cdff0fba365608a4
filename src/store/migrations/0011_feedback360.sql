-- 0011_feedback360: 360° feedback as a wave about one person (the
-- subject): the subject rates themself, raters are invited by category
-- (their own manager, peers, staff, others). The category stays with the
-- response, so that the report can show it (the manager by name, every
-- other category only from 3 raters); in an anonymous round nothing else
-- ties a response to its rater.

ALTER TABLE wave ADD COLUMN subject_id INTEGER REFERENCES person(id);
ALTER TABLE invitation ADD COLUMN rater_role TEXT NOT NULL DEFAULT ''
	CHECK (rater_role IN ('', 'self', 'manager', 'peer', 'staff', 'other'));
ALTER TABLE response ADD COLUMN rater_role TEXT NOT NULL DEFAULT '';

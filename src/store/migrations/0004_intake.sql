-- 0004_intake: the individual intake of seed 000 §7.1.2 (before the group
-- starts, facilitator and mentor speak with each participant: expectations,
-- and the participant's own learning question) and the learning question
-- itself, in the participant's own words, never approved or graded; every
-- version is kept, the newest is the current one.

CREATE TABLE intake (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	enrolment_id    INTEGER NOT NULL UNIQUE REFERENCES enrolment(id) ON DELETE CASCADE,
	held_on         TEXT NOT NULL,
	expectations    TEXT NOT NULL DEFAULT '',
	recorded_by     INTEGER REFERENCES person(id),
	updated_at      INTEGER NOT NULL
);

CREATE TABLE learning_question (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	group_id        INTEGER NOT NULL REFERENCES learning_group(id) ON DELETE CASCADE,
	text            TEXT NOT NULL,
	written_at      INTEGER NOT NULL
);
CREATE INDEX learning_question_person ON learning_question(person_id, group_id, id);

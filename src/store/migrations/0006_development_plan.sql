-- 0006_development_plan: the participant's development plan (POP) in a
-- group: goals with how progress shows and by when (checked against SMART,
-- never blocked), the development assignment at work, and the talks with
-- the manager with their date and agreements.

CREATE TABLE development_plan (
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	group_id        INTEGER NOT NULL REFERENCES learning_group(id) ON DELETE CASCADE,
	assignment      TEXT NOT NULL DEFAULT '',
	updated_at      INTEGER NOT NULL,
	PRIMARY KEY (person_id, group_id)
) WITHOUT ROWID;

CREATE TABLE development_goal (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	group_id        INTEGER NOT NULL REFERENCES learning_group(id) ON DELETE CASCADE,
	text            TEXT NOT NULL,
	measure         TEXT NOT NULL DEFAULT '',
	due_on          TEXT NOT NULL DEFAULT '',
	elements        TEXT NOT NULL DEFAULT '',
	updated_at      INTEGER NOT NULL
);
CREATE INDEX development_goal_person ON development_goal(person_id, group_id, id);

CREATE TABLE manager_talk (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	group_id        INTEGER NOT NULL REFERENCES learning_group(id) ON DELETE CASCADE,
	held_on         TEXT NOT NULL,
	agreements      TEXT NOT NULL DEFAULT '',
	updated_at      INTEGER NOT NULL
);
CREATE INDEX manager_talk_person ON manager_talk(person_id, group_id, held_on);

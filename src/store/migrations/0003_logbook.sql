-- 0003_logbook: the participant's logbook (logboekje, seed 002): dated
-- entries with the two prompts (what gave energy, what cost energy or held
-- you back), free text and tags; private to the writer unless shared with
-- the facilitator or the group of one of the writer's groups.

CREATE TABLE logbook_entry (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	entry_date      TEXT NOT NULL,
	energy_gave     TEXT NOT NULL DEFAULT '',
	energy_cost     TEXT NOT NULL DEFAULT '',
	body            TEXT NOT NULL DEFAULT '',
	tags            TEXT NOT NULL DEFAULT '',
	shared_with     TEXT NOT NULL DEFAULT 'private'
	                  CHECK (shared_with IN ('private', 'facilitator', 'group')),
	group_id        INTEGER REFERENCES learning_group(id) ON DELETE SET NULL,
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL,
	CHECK ((shared_with = 'private') = (group_id IS NULL))
);
CREATE INDEX logbook_person ON logbook_entry(person_id, entry_date);
CREATE INDEX logbook_group ON logbook_entry(group_id, shared_with);

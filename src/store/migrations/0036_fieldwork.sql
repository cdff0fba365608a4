-- The fieldwork register of a research project (seed 003 §8: observation
-- hours and interviews per team): each observation, shadowing day or
-- interview with its date, hours, the team (a unit of the organisation, or
-- a team named in words: a partner's), who was observed or interviewed (in
-- words: their name or role, replaced by pseudonyms in exports like every
-- research text), and the source it produced.
CREATE TABLE research_fieldwork (
	id              INTEGER PRIMARY KEY,
	project_id      INTEGER NOT NULL REFERENCES research_project(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	kind            TEXT NOT NULL CHECK (kind IN ('observation', 'shadowing', 'interview')),
	held_on         TEXT NOT NULL,
	minutes         INTEGER NOT NULL CHECK (minutes >= 0 AND minutes <= 24 * 60),
	unit_id         INTEGER REFERENCES unit(id) ON DELETE SET NULL,
	team            TEXT NOT NULL DEFAULT '',      -- a team in words, when not a unit
	who             TEXT NOT NULL DEFAULT '',
	source_id       INTEGER REFERENCES research_source(id) ON DELETE SET NULL,
	note            TEXT NOT NULL DEFAULT '',
	created_by      INTEGER REFERENCES account(id) ON DELETE SET NULL,
	created_at      INTEGER NOT NULL
);
CREATE INDEX research_fieldwork_project ON research_fieldwork(project_id, held_on);

-- Session methods (issue 17): the ways a group discusses a case, as data
-- per organisation, copied from leergang's built-in ones (action learning in
-- the nine steps of seed 004, the learning circle of seed 002, intervision
-- methods in leergang's own words) and editable afterwards. Each step says
-- who does what, the instruction and a default time; `source` names the seed
-- and its lines, or "leergang" where leergang chose.
CREATE TABLE session_method (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	key             TEXT NOT NULL,
	name            TEXT NOT NULL,
	description     TEXT NOT NULL DEFAULT '',
	source          TEXT NOT NULL DEFAULT '',
	UNIQUE (organisation_id, key)
);

CREATE TABLE session_method_step (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	method_id       INTEGER NOT NULL REFERENCES session_method(id) ON DELETE CASCADE,
	n               INTEGER NOT NULL CHECK (n >= 1),
	name            TEXT NOT NULL,
	who             TEXT NOT NULL DEFAULT '',
	instruction     TEXT NOT NULL DEFAULT '',
	minutes         INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
	source          TEXT NOT NULL DEFAULT '',
	UNIQUE (method_id, n)
);

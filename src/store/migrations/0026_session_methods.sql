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

-- A session of a learning group: the group's facilitator leads it with a
-- method through its steps; the group's participants are its members. The
-- case (title, question, context) is brought by one member, the case
-- owner. Everything in these tables is for the session's members only.
CREATE TABLE case_session (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	group_id        INTEGER NOT NULL REFERENCES learning_group(id) ON DELETE CASCADE,
	method_id       INTEGER NOT NULL REFERENCES session_method(id),
	held_on         TEXT NOT NULL,
	step            INTEGER NOT NULL DEFAULT 1 CHECK (step >= 1),
	step_since      INTEGER NOT NULL DEFAULT 0,   -- when the step began (unix time): its timer
	case_person_id  INTEGER REFERENCES person(id),
	case_title      TEXT NOT NULL DEFAULT '',
	case_question   TEXT NOT NULL DEFAULT '',
	case_context    TEXT NOT NULL DEFAULT '',
	summary         TEXT NOT NULL DEFAULT '',
	sharpened       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_session_group ON case_session(group_id);

-- The summariser and the two who read out (the case owner is on the session).
CREATE TABLE case_session_role (
	session_id      INTEGER NOT NULL REFERENCES case_session(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	role            TEXT NOT NULL CHECK (role IN ('summariser', 'reader')),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	PRIMARY KEY (session_id, role, person_id)
);

-- The leader's notes, one per step.
CREATE TABLE case_session_note (
	session_id      INTEGER NOT NULL REFERENCES case_session(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	n               INTEGER NOT NULL,
	text            TEXT NOT NULL,
	PRIMARY KEY (session_id, n)
);

-- The members' one-minute answers; the leader selects ideas among them.
CREATE TABLE case_session_answer (
	id              INTEGER PRIMARY KEY,
	session_id      INTEGER NOT NULL REFERENCES case_session(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	text            TEXT NOT NULL,
	selected        INTEGER NOT NULL DEFAULT 0 CHECK (selected IN (0, 1)),
	written_at      INTEGER NOT NULL
);
CREATE INDEX case_session_answer_session ON case_session_answer(session_id);

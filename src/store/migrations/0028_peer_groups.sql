-- Peer groups (issue 17): intervision groups, teams and learning circles,
-- groups of people that are not a programme's learning group. A circle
-- runs in a round ("LC1") of a period ("vj 2015"); its facilitators lead its
-- sessions. In a group without a facilitator (intervision, team) any member
-- starts a session and leads it. A session belongs to a learning group OR
-- a peer group. Presentations (the pecha kucha before management) close a
-- circle; issue 18 adds who was there.
CREATE TABLE peer_group (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	kind            TEXT NOT NULL CHECK (kind IN ('intervision', 'team', 'circle')),
	name            TEXT NOT NULL,                 -- for a circle its round: "LC1"
	period          TEXT NOT NULL DEFAULT '',      -- for a circle: "vj 2015"
	active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at      INTEGER NOT NULL DEFAULT 0,
	UNIQUE (organisation_id, kind, period, name)
);
CREATE INDEX peer_group_period ON peer_group(organisation_id, period);

CREATE TABLE peer_group_member (
	peer_group_id   INTEGER NOT NULL REFERENCES peer_group(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	role            TEXT NOT NULL CHECK (role IN ('member', 'facilitator')),
	since           TEXT NOT NULL DEFAULT '',      -- YYYY-MM-DD or ''
	until           TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (peer_group_id, person_id)
);
CREATE INDEX peer_group_member_person ON peer_group_member(person_id);

-- A presentation: the pecha kucha (or another form) before an audience,
-- usually closing a circle. Issue 18 adds its audience's people.
CREATE TABLE presentation (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	kind            TEXT NOT NULL CHECK (kind IN ('pecha_kucha', 'other')),
	audience        TEXT NOT NULL CHECK (audience IN ('management', 'executive', 'team')),
	held_on         TEXT NOT NULL,
	title           TEXT NOT NULL,
	peer_group_id   INTEGER REFERENCES peer_group(id) ON DELETE SET NULL
);
CREATE INDEX presentation_group ON presentation(peer_group_id);

CREATE TABLE presentation_presenter (
	presentation_id INTEGER NOT NULL REFERENCES presentation(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	PRIMARY KEY (presentation_id, person_id)
);

-- case_session gets a nullable group_id, a peer_group_id and the person who
-- leads it (the member who started it, in a group without a facilitator).
-- SQLite cannot drop NOT NULL, and with foreign keys on a DROP TABLE of the
-- parent would delete its children: copy all four, drop children then the
-- parent, create anew, copy back. (A later table that references
-- case_session must be copied here as well.)
CREATE TEMP TABLE cs_copy AS SELECT * FROM case_session;
CREATE TEMP TABLE cs_role_copy AS SELECT * FROM case_session_role;
CREATE TEMP TABLE cs_note_copy AS SELECT * FROM case_session_note;
CREATE TEMP TABLE cs_answer_copy AS SELECT * FROM case_session_answer;
DROP TABLE case_session_answer;
DROP TABLE case_session_note;
DROP TABLE case_session_role;
DROP TABLE case_session;

CREATE TABLE case_session (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	group_id        INTEGER REFERENCES learning_group(id) ON DELETE CASCADE,
	peer_group_id   INTEGER REFERENCES peer_group(id) ON DELETE CASCADE,
	leader_id       INTEGER REFERENCES person(id),
	method_id       INTEGER NOT NULL REFERENCES session_method(id),
	held_on         TEXT NOT NULL,
	step            INTEGER NOT NULL DEFAULT 1 CHECK (step >= 1),
	step_since      INTEGER NOT NULL DEFAULT 0,   -- when the step began (unix time): its timer
	case_person_id  INTEGER REFERENCES person(id),
	case_title      TEXT NOT NULL DEFAULT '',
	case_question   TEXT NOT NULL DEFAULT '',
	case_context    TEXT NOT NULL DEFAULT '',
	summary         TEXT NOT NULL DEFAULT '',
	sharpened       TEXT NOT NULL DEFAULT '',
	CHECK ((group_id IS NULL) <> (peer_group_id IS NULL))
);
CREATE INDEX case_session_group ON case_session(group_id);
CREATE INDEX case_session_peer_group ON case_session(peer_group_id);

CREATE TABLE case_session_role (
	session_id      INTEGER NOT NULL REFERENCES case_session(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	role            TEXT NOT NULL CHECK (role IN ('summariser', 'reader')),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	PRIMARY KEY (session_id, role, person_id)
);

CREATE TABLE case_session_note (
	session_id      INTEGER NOT NULL REFERENCES case_session(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	n               INTEGER NOT NULL,
	text            TEXT NOT NULL,
	PRIMARY KEY (session_id, n)
);

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

INSERT INTO case_session(id, organisation_id, group_id, method_id, held_on, step, step_since, case_person_id,
	case_title, case_question, case_context, summary, sharpened)
	SELECT id, organisation_id, group_id, method_id, held_on, step, step_since, case_person_id,
	case_title, case_question, case_context, summary, sharpened FROM cs_copy;
INSERT INTO case_session_role(session_id, organisation_id, role, person_id)
	SELECT session_id, organisation_id, role, person_id FROM cs_role_copy;
INSERT INTO case_session_note(session_id, organisation_id, n, text)
	SELECT session_id, organisation_id, n, text FROM cs_note_copy;
INSERT INTO case_session_answer(id, session_id, organisation_id, person_id, text, selected, written_at)
	SELECT id, session_id, organisation_id, person_id, text, selected, written_at FROM cs_answer_copy;
DROP TABLE cs_copy;
DROP TABLE cs_role_copy;
DROP TABLE cs_note_copy;
DROP TABLE cs_answer_copy;

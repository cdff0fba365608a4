-- 0009_instruments: questionnaires (instruments) and their administration
-- in waves (SPEC C7).
--
-- An instrument is versioned: its items belong to a version, and a wave
-- uses one version, so that changing an instrument makes a new version and
-- never rewrites answers given to an earlier one. Items are Likert (with
-- labelled points, of any length, possibly reversed), bipolar (two poles),
-- single or multiple choice, or open; they sit in sections and may belong to
-- a scale (dimension).
--
-- A wave sends a version to a population with open and close dates; every
-- respondent gets an invitation with a personal link: its token is an HMAC
-- of the invitation under the wave's key, so that the coordinator can list
-- the links again for a mail merge; the invitation keeps only its hash. In an anonymous wave a submitted response keeps no link to
-- its invitation or person and no exact time: the answers saved while the
-- respondent works are tied to the invitation, and on submitting they move
-- to a response row with a random id and only the week of submission, and
-- the draft is deleted; the invitation keeps only that it was answered.

CREATE TABLE instrument (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	key             TEXT NOT NULL DEFAULT '',   -- built-in key, or ''
	name            TEXT NOT NULL,
	description     TEXT NOT NULL DEFAULT '',
	source          TEXT NOT NULL DEFAULT '',   -- the seed, or the imported file
	created_at      INTEGER NOT NULL
);
CREATE INDEX instrument_org ON instrument(organisation_id, name);

CREATE TABLE instrument_version (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	instrument_id   INTEGER NOT NULL REFERENCES instrument(id) ON DELETE CASCADE,
	version         INTEGER NOT NULL CHECK (version > 0),
	note            TEXT NOT NULL DEFAULT '',
	created_at      INTEGER NOT NULL,
	UNIQUE (instrument_id, version)
);

CREATE TABLE instrument_section (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	version_id      INTEGER NOT NULL REFERENCES instrument_version(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,
	title           TEXT NOT NULL,
	intro           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX instrument_section_version ON instrument_section(version_id, position);

CREATE TABLE instrument_item (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	version_id      INTEGER NOT NULL REFERENCES instrument_version(id) ON DELETE CASCADE,
	section_id      INTEGER REFERENCES instrument_section(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,
	code            TEXT NOT NULL,              -- "a", "q12": the variable name in exports
	kind            TEXT NOT NULL CHECK (kind IN ('likert', 'bipolar', 'single', 'multiple', 'open')),
	text            TEXT NOT NULL,
	scale           TEXT NOT NULL DEFAULT '',   -- the dimension it counts towards, or ''
	reversed        INTEGER NOT NULL DEFAULT 0 CHECK (reversed IN (0, 1)),
	required        INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
	left_label      TEXT NOT NULL DEFAULT '',   -- bipolar: the two poles
	right_label     TEXT NOT NULL DEFAULT '',
	UNIQUE (version_id, code)
);
CREATE INDEX instrument_item_version ON instrument_item(version_id, position);

-- The labelled points of a Likert or bipolar item, the options of a choice.
CREATE TABLE item_option (
	item_id         INTEGER NOT NULL REFERENCES instrument_item(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,
	value           INTEGER NOT NULL,
	label           TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (item_id, position)
) WITHOUT ROWID;

CREATE TABLE wave (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	version_id      INTEGER NOT NULL REFERENCES instrument_version(id),
	name            TEXT NOT NULL,
	population      TEXT NOT NULL CHECK (population IN ('group', 'batch', 'programme', 'units', 'people')),
	population_id   INTEGER,                    -- the group, batch or programme
	opens_on        TEXT NOT NULL,
	closes_on       TEXT NOT NULL,
	anonymous       INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),
	link_key        BLOB NOT NULL,              -- the personal links are HMACs under it
	created_by      INTEGER REFERENCES account(id),
	created_at      INTEGER NOT NULL,
	CHECK (closes_on >= opens_on)
);
CREATE INDEX wave_org ON wave(organisation_id, opens_on);

-- One per respondent. status: invited, responded. person_id is NULL for a
-- rater without an account (email only). The enrolment status at the time
-- of sending is kept for the response accounting (registered, stopped).
CREATE TABLE invitation (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	wave_id         INTEGER NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
	person_id       INTEGER REFERENCES person(id),
	email           TEXT NOT NULL DEFAULT '',
	token_hash      BLOB NOT NULL UNIQUE,
	enrolment_status TEXT NOT NULL DEFAULT '',
	responded       INTEGER NOT NULL DEFAULT 0 CHECK (responded IN (0, 1)),
	reminders       INTEGER NOT NULL DEFAULT 0,
	created_at      INTEGER NOT NULL,
	UNIQUE (wave_id, person_id)
);
CREATE INDEX invitation_wave ON invitation(wave_id, responded);

-- A submitted response. In an anonymous wave invitation_id is NULL, the id
-- is random and submitted_week is the Monday of the week, no time.
-- group_id and unit_id are what breakdowns are by (shown only from 5).
CREATE TABLE response (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	wave_id         INTEGER NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
	invitation_id   INTEGER UNIQUE REFERENCES invitation(id) ON DELETE SET NULL,
	group_id        INTEGER,
	unit_id         INTEGER,
	submitted_week  TEXT NOT NULL
);
CREATE INDEX response_wave ON response(wave_id);

CREATE TABLE answer (
	response_id     INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
	item_id         INTEGER NOT NULL REFERENCES instrument_item(id),
	value           INTEGER,                    -- a point or an option's value
	text            TEXT,                       -- open answers; options of a multiple choice as "1,3"
	PRIMARY KEY (response_id, item_id)
) WITHOUT ROWID;

-- Answers saved while the respondent works, before submitting; deleted
-- when the response is submitted.
CREATE TABLE draft_answer (
	invitation_id   INTEGER NOT NULL REFERENCES invitation(id) ON DELETE CASCADE,
	item_id         INTEGER NOT NULL REFERENCES instrument_item(id),
	value           INTEGER,
	text            TEXT,
	PRIMARY KEY (invitation_id, item_id)
) WITHOUT ROWID;

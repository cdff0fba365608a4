-- 0002_programmes: frameworks (C9, first part), programme design (C2),
-- batches, groups, staffing, enrolment, meetings, attendance and calendar
-- feeds (C3). As in 0001, every table carries organisation_id.

-- A reference model (VLOW, the leadership compass, ...) and its elements,
-- a tree: competence > anchor > behaviour, theme > question, ...
CREATE TABLE framework (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	key             TEXT NOT NULL,
	name            TEXT NOT NULL,
	description     TEXT NOT NULL DEFAULT '',
	source          TEXT NOT NULL DEFAULT '',
	UNIQUE (organisation_id, key)
);

CREATE TABLE framework_element (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	framework_id    INTEGER NOT NULL REFERENCES framework(id) ON DELETE CASCADE,
	parent_id       INTEGER REFERENCES framework_element(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,
	code            TEXT NOT NULL,
	kind            TEXT NOT NULL,
	name            TEXT NOT NULL,
	description     TEXT NOT NULL DEFAULT '',
	source          TEXT NOT NULL DEFAULT '',
	UNIQUE (framework_id, code)
);
CREATE INDEX framework_element_parent ON framework_element(parent_id);

-- A designed programme: a meeting series (LiVe!) or modules (Amsterdam).
-- The menu rules, group bounds and cascade meeting are the designer's.
CREATE TABLE programme (
	id                INTEGER PRIMARY KEY,
	organisation_id   INTEGER NOT NULL REFERENCES organisation(id),
	name              TEXT NOT NULL,
	shape             TEXT NOT NULL CHECK (shape IN ('meeting_series', 'modules')),
	template          TEXT NOT NULL DEFAULT '',
	framework_id      INTEGER REFERENCES framework(id) ON DELETE SET NULL,
	target_group      TEXT NOT NULL DEFAULT '',
	ambition          TEXT NOT NULL DEFAULT '',
	group_min         INTEGER NOT NULL DEFAULT 10,
	group_max         INTEGER NOT NULL DEFAULT 14,
	cascade_meeting   INTEGER NOT NULL DEFAULT 0,
	menu_min          INTEGER NOT NULL DEFAULT 0,
	menu_max_free     INTEGER NOT NULL DEFAULT 0,
	menu_preparers    INTEGER NOT NULL DEFAULT 0,
	menu_justify      INTEGER NOT NULL DEFAULT 0 CHECK (menu_justify IN (0, 1)),
	followup_meetings INTEGER NOT NULL DEFAULT 0,
	followup          TEXT NOT NULL DEFAULT '',
	mentor_profile    TEXT NOT NULL DEFAULT '',
	created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (organisation_id, name)
);

-- programma, begeleiding, verslaglegging: why (change rationale) and what
-- for (learning goal).
CREATE TABLE design_element (
	programme_id    INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	kind            TEXT NOT NULL CHECK (kind IN ('programme', 'guidance', 'reporting')),
	rationale       TEXT NOT NULL DEFAULT '',
	goal            TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (programme_id, kind)
);

CREATE TABLE programme_module (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	programme_id    INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	number          INTEGER NOT NULL,
	name            TEXT NOT NULL,
	business_task   TEXT NOT NULL DEFAULT '',
	UNIQUE (programme_id, number)
);

-- The design of one numbered meeting (or one step of a module): what every
-- group of the programme will hold as its meeting `number`.
CREATE TABLE programme_meeting (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	programme_id    INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	number          INTEGER NOT NULL CHECK (number > 0),
	module_id       INTEGER REFERENCES programme_module(id) ON DELETE CASCADE,
	step            TEXT NOT NULL DEFAULT '',
	theme           TEXT NOT NULL,
	description     TEXT NOT NULL DEFAULT '',
	days            INTEGER NOT NULL DEFAULT 1 CHECK (days IN (1, 2)),
	from_menu       INTEGER NOT NULL DEFAULT 0 CHECK (from_menu IN (0, 1)),
	UNIQUE (programme_id, number)
);

-- The script (draaiboek) of a programme meeting: its parts in order.
CREATE TABLE script_part (
	id                   INTEGER PRIMARY KEY,
	organisation_id      INTEGER NOT NULL REFERENCES organisation(id),
	programme_meeting_id INTEGER NOT NULL REFERENCES programme_meeting(id) ON DELETE CASCADE,
	position             INTEGER NOT NULL,
	title                TEXT NOT NULL,
	learning_goal        TEXT NOT NULL DEFAULT '',
	minutes              INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
	material             TEXT NOT NULL DEFAULT '',
	led_by               TEXT NOT NULL DEFAULT ''
);
CREATE INDEX script_part_meeting ON script_part(programme_meeting_id, position);

-- Tags of a script part with elements of the programme's framework.
CREATE TABLE script_part_element (
	part_id         INTEGER NOT NULL REFERENCES script_part(id) ON DELETE CASCADE,
	element_id      INTEGER NOT NULL REFERENCES framework_element(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	PRIMARY KEY (part_id, element_id)
) WITHOUT ROWID;

-- The menu card: topics, each with options.
CREATE TABLE menu_topic (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	programme_id    INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,
	name            TEXT NOT NULL,
	description     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX menu_topic_programme ON menu_topic(programme_id, position);

CREATE TABLE menu_option (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	topic_id        INTEGER NOT NULL REFERENCES menu_topic(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,
	name            TEXT NOT NULL,
	description     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX menu_option_topic ON menu_option(topic_id, position);

-- Batches (lichtingen) of groups that start together.
CREATE TABLE batch (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	programme_id    INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	number          INTEGER NOT NULL CHECK (number > 0),
	name            TEXT NOT NULL,
	UNIQUE (programme_id, number)
);

-- A learning group with its mentor and facilitator (people of the
-- organisation; an external facilitator is registered as a person too).
CREATE TABLE learning_group (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	batch_id        INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
	name            TEXT NOT NULL,
	mentor_id       INTEGER REFERENCES person(id),
	facilitator_id  INTEGER REFERENCES person(id),
	pair_status     TEXT NOT NULL DEFAULT 'none'
	                  CHECK (pair_status IN ('none', 'proposed', 'confirmed', 'changed')),
	UNIQUE (batch_id, name)
);
CREATE INDEX learning_group_mentor ON learning_group(mentor_id);
CREATE INDEX learning_group_facilitator ON learning_group(facilitator_id);

CREATE TABLE enrolment (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	group_id        INTEGER NOT NULL REFERENCES learning_group(id) ON DELETE CASCADE,
	person_id       INTEGER NOT NULL REFERENCES person(id),
	status          TEXT NOT NULL DEFAULT 'registered'
	                  CHECK (status IN ('registered', 'active', 'completed', 'stopped')),
	registered_on   TEXT NOT NULL,
	stopped_on      TEXT NOT NULL DEFAULT '',
	stop_reason     TEXT NOT NULL DEFAULT '',
	completed_on    TEXT NOT NULL DEFAULT '',
	UNIQUE (group_id, person_id)
);
CREATE INDEX enrolment_person ON enrolment(person_id);

-- A meeting of a group: the programme meeting it holds, when and where
-- (local Europe/Amsterdam dates and times), and for a menu meeting the
-- choice. uid and sequence serve the calendar feeds.
CREATE TABLE meeting (
	id                   INTEGER PRIMARY KEY,
	organisation_id      INTEGER NOT NULL REFERENCES organisation(id),
	group_id             INTEGER NOT NULL REFERENCES learning_group(id) ON DELETE CASCADE,
	programme_meeting_id INTEGER NOT NULL REFERENCES programme_meeting(id),
	starts_on            TEXT NOT NULL,
	start_time           TEXT NOT NULL,
	ends_on              TEXT NOT NULL,
	end_time             TEXT NOT NULL,
	venue                TEXT NOT NULL DEFAULT '',
	cancelled            INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
	choice               TEXT NOT NULL DEFAULT '' CHECK (choice IN ('', 'menu', 'free')),
	topic_id             INTEGER REFERENCES menu_topic(id),
	option_id            INTEGER REFERENCES menu_option(id),
	free_topic           TEXT NOT NULL DEFAULT '',
	justification        TEXT NOT NULL DEFAULT '',
	sequence             INTEGER NOT NULL DEFAULT 0,
	updated_at           INTEGER NOT NULL,
	UNIQUE (group_id, programme_meeting_id)
);
CREATE INDEX meeting_date ON meeting(organisation_id, starts_on);

-- The participants who prepare a chosen meeting with the facilitator.
CREATE TABLE meeting_preparer (
	meeting_id      INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	person_id       INTEGER NOT NULL REFERENCES person(id),
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;

-- Voluntary, never a sanction, but recorded.
CREATE TABLE attendance (
	meeting_id      INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	person_id       INTEGER NOT NULL REFERENCES person(id),
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	status          TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
	recorded_at     INTEGER NOT NULL,
	PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;
CREATE INDEX attendance_person ON attendance(person_id);

-- Facilitator (and mentor) selection: criteria of a competency profile
-- with weights, candidates scored on each.
CREATE TABLE selection_criterion (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	programme_id    INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	role            TEXT NOT NULL CHECK (role IN ('facilitator', 'mentor')),
	position        INTEGER NOT NULL,
	name            TEXT NOT NULL,
	weight          INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 10)
);

CREATE TABLE selection_candidate (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	programme_id    INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	role            TEXT NOT NULL CHECK (role IN ('facilitator', 'mentor')),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	note            TEXT NOT NULL DEFAULT '',
	UNIQUE (programme_id, role, person_id)
);

CREATE TABLE selection_score (
	candidate_id    INTEGER NOT NULL REFERENCES selection_candidate(id) ON DELETE CASCADE,
	criterion_id    INTEGER NOT NULL REFERENCES selection_criterion(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	score           INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
	PRIMARY KEY (candidate_id, criterion_id)
) WITHOUT ROWID;

-- A subscribable calendar: the secret is in the URL, only its hash here;
-- revoking sets revoked_at and the URL stops working.
CREATE TABLE calendar_feed (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	account_id      INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	group_id        INTEGER REFERENCES learning_group(id) ON DELETE CASCADE,
	token_hash      BLOB NOT NULL UNIQUE,
	created_at      INTEGER NOT NULL,
	revoked_at      INTEGER
);
CREATE INDEX calendar_feed_account ON calendar_feed(account_id);

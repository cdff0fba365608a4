-- 0001_foundation: organisations, their unit tree, people, accounts with
-- role grants per organisation and scope, sessions, API tokens, audit log.
-- Every table below organisation carries organisation_id so that every query
-- can be scoped to one organisation.

CREATE TABLE organisation (
	id          INTEGER PRIMARY KEY,
	slug        TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL,
	created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE person (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	employee_id     TEXT NOT NULL,
	name            TEXT NOT NULL,
	email           TEXT NOT NULL DEFAULT '',
	unit_id         INTEGER REFERENCES unit(id),
	manager_id      INTEGER REFERENCES person(id) ON DELETE SET NULL,
	job_level       TEXT NOT NULL DEFAULT '',
	active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	UNIQUE (organisation_id, employee_id)
);
-- answers the people list, its count and its search from the index alone
CREATE INDEX person_org_name ON person(organisation_id, name, id, active, unit_id, email, employee_id);
CREATE INDEX person_unit ON person(unit_id);
CREATE INDEX person_manager ON person(organisation_id, manager_id, name, id);

CREATE TABLE unit (
	id                INTEGER PRIMARY KEY,
	organisation_id   INTEGER NOT NULL REFERENCES organisation(id),
	parent_id         INTEGER REFERENCES unit(id),
	name              TEXT NOT NULL,
	manager_person_id INTEGER REFERENCES person(id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX unit_sibling_name ON unit(organisation_id, ifnull(parent_id, 0), name);
CREATE INDEX unit_parent ON unit(parent_id);

CREATE TABLE account (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER REFERENCES person(id) ON DELETE SET NULL,
	email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
	display_name    TEXT NOT NULL,
	password_hash   TEXT NOT NULL DEFAULT '',
	failed_logins   INTEGER NOT NULL DEFAULT 0,
	locked_until    INTEGER NOT NULL DEFAULT 0,
	active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX account_org ON account(organisation_id);

-- A role held in an organisation, for the whole organisation or for one
-- programme or group of it (scope_kind, scope_id).
CREATE TABLE role_grant (
	id              INTEGER PRIMARY KEY,
	account_id      INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	role            TEXT NOT NULL CHECK (role IN ('administrator', 'owner', 'coach',
	                  'facilitator', 'mentor', 'participant', 'manager', 'rater', 'researcher')),
	scope_kind      TEXT NOT NULL DEFAULT 'organisation'
	                  CHECK (scope_kind IN ('organisation', 'programme', 'group')),
	scope_id        INTEGER NOT NULL DEFAULT 0,
	UNIQUE (account_id, organisation_id, role, scope_kind, scope_id)
);

CREATE TABLE session (
	token_hash  BLOB PRIMARY KEY,
	account_id  INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	csrf        TEXT NOT NULL,
	created_at  INTEGER NOT NULL,
	expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX session_account ON session(account_id);

CREATE TABLE api_token (
	id          INTEGER PRIMARY KEY,
	account_id  INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	token_hash  BLOB NOT NULL UNIQUE,
	label       TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE audit_log (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER REFERENCES organisation(id),
	at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	actor_id        INTEGER REFERENCES account(id) ON DELETE SET NULL,
	actor           TEXT NOT NULL,
	action          TEXT NOT NULL,
	object_kind     TEXT NOT NULL DEFAULT '',
	object_id       INTEGER NOT NULL DEFAULT 0,
	detail          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_org ON audit_log(organisation_id, id);

-- An uploaded import file kept between preview and confirmation; only the
-- account that uploaded it can use it, and it is removed after the import
-- or after a day.
CREATE TABLE import_upload (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	account_id      INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	filename        TEXT NOT NULL DEFAULT '',
	data            BLOB NOT NULL,
	created_at      INTEGER NOT NULL
);

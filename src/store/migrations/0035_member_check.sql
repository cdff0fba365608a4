-- Member checks and four-phase feedback of a research project (issue 19,
-- SPEC C8, seed 003 §6-§7).
--
-- A member check puts findings to contact persons, who answer by a
-- personal link without an account: only the link's hash is kept. The
-- answers are attributed (a member check is not anonymous, and its form
-- says so), so they are stored with the contact's name.
--
-- A partner of a project gets the four feedback phases in order; a
-- release records when, by whom and what was shared. The dates that make
-- a phase possible (first data in, collected, analysed) are kept per
-- partner; domain/feedback_phase.c holds the rules.

CREATE TABLE member_check (
	id                 INTEGER PRIMARY KEY,
	project_id         INTEGER NOT NULL REFERENCES research_project(id) ON DELETE CASCADE,
	organisation_id    INTEGER NOT NULL REFERENCES organisation(id),
	title              TEXT NOT NULL,
	findings           TEXT NOT NULL,              -- Markdown, put to the contacts
	held_on            TEXT NOT NULL,              -- YYYY-MM-DD
	implications       TEXT NOT NULL DEFAULT '',   -- discussed together, recorded by the researcher
	more_research      TEXT NOT NULL DEFAULT '' CHECK (more_research IN ('', 'yes', 'no', 'unknown')),
	more_research_note TEXT NOT NULL DEFAULT '',
	closed_at          INTEGER,                    -- answers can no longer change
	created_by         INTEGER REFERENCES account(id) ON DELETE SET NULL,
	created_at         INTEGER NOT NULL
);
CREATE INDEX member_check_project ON member_check(project_id);

-- A contact: a person of the people list (person_id) or someone outside
-- the organisation (name, their organisation, e-mail address).
CREATE TABLE member_check_contact (
	id                 INTEGER PRIMARY KEY,
	check_id           INTEGER NOT NULL REFERENCES member_check(id) ON DELETE CASCADE,
	organisation_id    INTEGER NOT NULL REFERENCES organisation(id),
	person_id          INTEGER REFERENCES person(id) ON DELETE CASCADE,
	name               TEXT NOT NULL,
	affiliation        TEXT NOT NULL DEFAULT '',
	email              TEXT NOT NULL DEFAULT '',
	token_hash         BLOB NOT NULL UNIQUE,
	expires_at         INTEGER NOT NULL,
	recognised         TEXT CHECK (recognised IN ('yes', 'partly', 'no')),   -- NULL: no answer yet
	recognised_note    TEXT NOT NULL DEFAULT '',
	not_fitting        TEXT NOT NULL DEFAULT '',
	answered_at        INTEGER
);
CREATE INDEX member_check_contact_check ON member_check_contact(check_id);

CREATE TABLE research_partner (
	id                 INTEGER PRIMARY KEY,
	project_id         INTEGER NOT NULL REFERENCES research_project(id) ON DELETE CASCADE,
	organisation_id    INTEGER NOT NULL REFERENCES organisation(id),
	name               TEXT NOT NULL,
	contact            TEXT NOT NULL DEFAULT '',
	data_in_on         TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD or '': the first data are in
	collected_on       TEXT NOT NULL DEFAULT '',   -- all the partner's data collected
	analysed_on        TEXT NOT NULL DEFAULT '',   -- and analysed
	UNIQUE (project_id, name)
);

CREATE TABLE feedback_release (
	id                 INTEGER PRIMARY KEY,
	partner_id         INTEGER NOT NULL REFERENCES research_partner(id) ON DELETE CASCADE,
	organisation_id    INTEGER NOT NULL REFERENCES organisation(id),
	phase              INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 4),
	shared             TEXT NOT NULL,
	deliverable        TEXT NOT NULL DEFAULT '',
	released_by        INTEGER REFERENCES account(id) ON DELETE SET NULL,
	released_by_name   TEXT NOT NULL,
	released_at        INTEGER NOT NULL,
	UNIQUE (partner_id, phase)
);

-- How participation spreads (issue 18, seed 002 §6–§8): who encouraged whom
-- (a referral), who attended a presentation, buddy pairs for lone
-- participants, and the installation's key for pseudonyms in research
-- exports.

-- A presentation's audience may now be a department meeting too (the
-- seed's "afdelingsoverleg"). SQLite cannot change a CHECK: copy the table
-- and its presenters, drop the child before the parent (with foreign keys
-- on, dropping the parent would delete the children), create anew, copy back.
CREATE TEMP TABLE pres_copy AS SELECT * FROM presentation;
CREATE TEMP TABLE pres_presenter_copy AS SELECT * FROM presentation_presenter;
DROP TABLE presentation_presenter;
DROP TABLE presentation;

CREATE TABLE presentation (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	kind            TEXT NOT NULL CHECK (kind IN ('pecha_kucha', 'other')),
	audience        TEXT NOT NULL CHECK (audience IN ('management', 'executive', 'team', 'department')),
	held_on         TEXT NOT NULL,
	title           TEXT NOT NULL,
	peer_group_id   INTEGER REFERENCES peer_group(id) ON DELETE SET NULL
);
CREATE INDEX presentation_group ON presentation(peer_group_id);
CREATE INDEX presentation_org ON presentation(organisation_id, held_on);

CREATE TABLE presentation_presenter (
	presentation_id INTEGER NOT NULL REFERENCES presentation(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	PRIMARY KEY (presentation_id, person_id)
);
CREATE INDEX presentation_presenter_person ON presentation_presenter(person_id);

INSERT INTO presentation(id, organisation_id, kind, audience, held_on, title, peer_group_id)
	SELECT id, organisation_id, kind, audience, held_on, title, peer_group_id FROM pres_copy;
INSERT INTO presentation_presenter(presentation_id, organisation_id, person_id)
	SELECT presentation_id, organisation_id, person_id FROM pres_presenter_copy;
DROP TABLE pres_copy;
DROP TABLE pres_presenter_copy;

-- Who was there, when known.
CREATE TABLE presentation_attendee (
	presentation_id INTEGER NOT NULL REFERENCES presentation(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	PRIMARY KEY (presentation_id, person_id)
);
CREATE INDEX presentation_attendee_person ON presentation_attendee(person_id);

-- How a person came to take part. Several may apply ("vaak spelen beide
-- een rol", seed 002 line 1279–1281): one row each.
--   person:        encouraged by someone on the people list (by_person_id)
--                  or outside it (by_name: "wethouder", "extern adviseur"),
--                  in a role (by_role) as the recorder saw it;
--   presentation:  by a presentation they attended (presentation_id);
--   own:           on their own initiative.
CREATE TABLE referral (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	kind            TEXT NOT NULL CHECK (kind IN ('person', 'presentation', 'own')),
	by_person_id    INTEGER REFERENCES person(id),
	by_name         TEXT NOT NULL DEFAULT '',
	by_role         TEXT NOT NULL DEFAULT '' CHECK (by_role IN ('', 'manager', 'head_of_department',
	                    'team_leader', 'colleague', 'top', 'outside')),
	presentation_id INTEGER REFERENCES presentation(id) ON DELETE CASCADE,
	noted_on        TEXT NOT NULL,                 -- YYYY-MM-DD: when it happened, or was recorded
	recorded_by     INTEGER REFERENCES account(id) ON DELETE SET NULL,
	CHECK (kind <> 'person' OR ((by_person_id IS NULL) <> (by_name = ''))),
	CHECK (kind = 'person' OR (by_person_id IS NULL AND by_name = '' AND by_role = '')),
	CHECK ((kind = 'presentation') = (presentation_id IS NOT NULL)),
	CHECK (by_person_id IS NULL OR by_person_id <> person_id)
);
CREATE INDEX referral_person ON referral(organisation_id, person_id);
CREATE INDEX referral_by ON referral(by_person_id);
CREATE INDEX referral_presentation ON referral(presentation_id);

-- A buddy ("maatje", seed 002 §8) for a lone participant: a former
-- participant nearby, with the reason the suggestion gave (same team, same
-- department, or chosen otherwise). Ended, not deleted.
CREATE TABLE buddy_pair (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	buddy_id        INTEGER NOT NULL REFERENCES person(id),
	reason          TEXT NOT NULL CHECK (reason IN ('team', 'department', 'other')),
	started_on      TEXT NOT NULL,
	ended_on        TEXT NOT NULL DEFAULT '',
	recorded_by     INTEGER REFERENCES account(id) ON DELETE SET NULL,
	CHECK (person_id <> buddy_id)
);
CREATE UNIQUE INDEX buddy_pair_open ON buddy_pair(person_id, buddy_id) WHERE ended_on = '';
CREATE INDEX buddy_pair_buddy ON buddy_pair(buddy_id);

-- Keys that never leave the installation. 'pseudonym': the HMAC-SHA256 key
-- of the pseudonyms in research exports (the same person gets the same
-- pseudonym in every export of their organisation).
CREATE TABLE installation_key (
	purpose         TEXT PRIMARY KEY,
	key             BLOB NOT NULL CHECK (length(key) = 32)
);
INSERT INTO installation_key(purpose, key) VALUES ('pseudonym', randomblob(32));

-- Two-wave studies (seed 003 §5): an intervention group and a comparison
-- group of the organisation's people, two waves of the same questionnaire
-- version 9 to 10 months apart (or, recorded, otherwise), and the
-- intervention between them. The waves are not anonymous: answers pair by
-- the person, and every reader of the study sees a pseudonym instead
-- (domain/pseudonym.h), never the name.
CREATE TABLE study (
	id                INTEGER PRIMARY KEY,
	organisation_id   INTEGER NOT NULL REFERENCES organisation(id),
	name              TEXT NOT NULL,
	instrument_id     INTEGER NOT NULL REFERENCES instrument(id),
	wave1_id          INTEGER NOT NULL REFERENCES wave(id),
	wave2_id          INTEGER NOT NULL REFERENCES wave(id),
	assignment        TEXT NOT NULL DEFAULT '',   -- how the researcher assigned people to the groups
	interval_override INTEGER NOT NULL DEFAULT 0 CHECK (interval_override IN (0, 1)),
	override_reason   TEXT NOT NULL DEFAULT '',   -- why the waves are not 9-10 months apart
	intervention      TEXT NOT NULL DEFAULT '',   -- what happens between the waves
	intervention_from TEXT NOT NULL DEFAULT '',
	intervention_to   TEXT NOT NULL DEFAULT '',
	created_by        INTEGER REFERENCES account(id),
	created_at        INTEGER NOT NULL
);
CREATE INDEX study_org ON study(organisation_id, name);
CREATE UNIQUE INDEX study_wave1 ON study(wave1_id);
CREATE UNIQUE INDEX study_wave2 ON study(wave2_id);

CREATE TABLE study_member (
	study_id        INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	person_id       INTEGER NOT NULL REFERENCES person(id),
	arm             TEXT NOT NULL CHECK (arm IN ('intervention', 'comparison')),
	PRIMARY KEY (study_id, person_id)
) WITHOUT ROWID;

-- Whether a respondent sees their own result (their scale scores) once
-- they have handed in a wave of the questionnaire that is not anonymous:
-- the QuickScan is a self-evaluation whose participants "ontvingen de
-- uitkomsten van hun persoonlijke 'Leiderschap QuickScan'" (seed 003 §4),
-- so it offers this from the start; any questionnaire can be set to.
ALTER TABLE instrument ADD COLUMN own_result INTEGER NOT NULL DEFAULT 0 CHECK (own_result IN (0, 1));
UPDATE instrument SET own_result = 1 WHERE key = 'quickscan';
CREATE TRIGGER instrument_quickscan_own_result AFTER INSERT ON instrument WHEN NEW.key = 'quickscan'
BEGIN
	UPDATE instrument SET own_result = 1 WHERE id = NEW.id;
END;

-- 0027_learning_form: the catalogue of learning forms (C9, seed 004 §4),
-- copied from leergang's built-in list into each organisation on first use
-- and editable there by the coach. The seed names the fourteen forms but
-- gives none of their values: name_source is where the seed names the form,
-- source where the values come from ("leergang" for leergang's judgement,
-- "organisatie" once the organisation changed them).
CREATE TABLE learning_form (
	id                 INTEGER PRIMARY KEY,
	organisation_id    INTEGER NOT NULL REFERENCES organisation(id),
	key                TEXT NOT NULL,
	position           INTEGER NOT NULL DEFAULT 0,
	name               TEXT NOT NULL,
	description        TEXT NOT NULL DEFAULT '',
	seventy_twenty_ten INTEGER NOT NULL CHECK (seventy_twenty_ten IN (70, 20, 10)),
	aim                TEXT NOT NULL CHECK (aim IN ('knowledge', 'skills')),
	social             INTEGER NOT NULL CHECK (social IN (0, 1)),
	level              TEXT NOT NULL CHECK (level IN ('individual', 'team', 'organisation')),
	setting            TEXT NOT NULL CHECK (setting IN ('workplace', 'classroom', 'online')),
	preference         TEXT NOT NULL CHECK (preference IN ('watching', 'doing', 'acquiring')),
	name_source        TEXT NOT NULL DEFAULT '',
	source             TEXT NOT NULL DEFAULT '',
	UNIQUE (organisation_id, key)
);

-- A development-plan goal can name the learning form by which it will be
-- learned: the form's key in the organisation's catalogue, '' for none.
ALTER TABLE development_goal ADD COLUMN learning_form TEXT NOT NULL DEFAULT '';

-- The organisation's own practice examples beside the 18 of seed 004
-- (which the binary carries): written by the coach, visible in the
-- organisation only.
CREATE TABLE practice_example (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	applied_at      TEXT NOT NULL,
	learning        TEXT NOT NULL,
	context         TEXT NOT NULL DEFAULT '',
	forms           TEXT NOT NULL DEFAULT '',
	themes          TEXT NOT NULL DEFAULT '',
	created_at      INTEGER NOT NULL
);
CREATE INDEX practice_example_org ON practice_example(organisation_id, id);

-- The impact map of a programme (seed 001, r. 5036-5045, the ABD's map
-- after Brinkerhoff and Kessels & Smit): intended outcomes on five levels,
-- from the learning activity up to the strategic goals, each optionally
-- linked to evidence leergang holds. The link is leergang's own addition:
-- a wave (and one of its scale questions), the attendance of a batch or a
-- group, or the published reports of a group, a batch or the programme.
CREATE TABLE impact_outcome (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	programme_id    INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	level           TEXT NOT NULL CHECK (level IN ('activity', 'behaviour', 'indicator', 'operational', 'strategic')),
	position        INTEGER NOT NULL,
	text            TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
	evidence        TEXT NOT NULL DEFAULT '' CHECK (evidence IN ('', 'wave', 'attendance', 'reports')),
	wave_id         INTEGER REFERENCES wave(id) ON DELETE SET NULL,
	item_id         INTEGER REFERENCES instrument_item(id) ON DELETE SET NULL,
	batch_id        INTEGER REFERENCES batch(id) ON DELETE SET NULL,
	group_id        INTEGER REFERENCES learning_group(id) ON DELETE SET NULL,
	updated_at      INTEGER NOT NULL
);
CREATE INDEX impact_outcome_programme ON impact_outcome(programme_id, level, position);

-- 0023_retention.sql — how long an organisation keeps the personal texts,
-- logbooks and named answers of a programme after its groups finished (AVG,
-- issue 16). No row: leergang's defaults (domain/retention.c).
CREATE TABLE retention (
	organisation_id INTEGER PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
	texts_months    INTEGER NOT NULL CHECK (texts_months BETWEEN 1 AND 240),
	logbook_months  INTEGER NOT NULL CHECK (logbook_months BETWEEN 1 AND 240),
	answers_months  INTEGER NOT NULL CHECK (answers_months BETWEEN 1 AND 240),
	updated_at      INTEGER NOT NULL
);

-- The day a group finished: the last day of its last meeting that was not
-- cancelled. A group without such a meeting has no row (it never finished);
-- one with a meeting still ahead finishes on that meeting's day.
CREATE VIEW group_finish AS
	SELECT organisation_id, group_id, max(ends_on) AS finished_on
	FROM meeting WHERE cancelled = 0 GROUP BY organisation_id, group_id;

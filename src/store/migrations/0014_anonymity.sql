-- 0014_anonymity: anonymous answers that stay anonymous against an insider
-- (SPEC, privacy rules; domain/disclosure.h).
--
-- The cells a response is reported under. When a wave is sent, every
-- invitation gets the group and unit (and in a 360° round the category)
-- that its response will carry: in a wave that is not anonymous the
-- person's own; in an anonymous wave coarsened (a unit replaced by the one
-- above it, a group left out) until every combination is shared by at
-- least 5 invited people, so that no stored combination narrows a response
-- down to fewer. The response copies them from the invitation when it is
-- handed in. wave.report_cells says they have been worked out (waves sent
-- before this migration get them at their next hand-in).
--
-- No time with an anonymous response: the week of handing in is counted
-- per wave in response_week (for the response-over-time chart) and no
-- longer kept on the response itself, where together with the cells it
-- could single someone out.
--
-- Drafts are sealed: a respondent's saved answers are encrypted with a key
-- that only their browser holds (a cookie); the store keeps the ciphertext
-- and a verifier of the browser's key, so that neither whoever holds the
-- link nor whoever reads the database file can read them or hand them in.
-- Drafts saved before this migration were readable with the link alone and
-- are discarded: their respondents start again.
--
-- A wave can be closed by hand before its closing date (closed_at).
--
-- Benchmark editions: the closed waves of the organisations taking part
-- that a benchmark pools, frozen. A benchmark seen today and again next
-- month must not differ by one organisation's waves (the difference would
-- be that organisation's results), so a new edition is made only when the
-- results of more than 5 organisations change at once, or an organisation
-- that stops taking part leaves (then nothing is shown until then). Only
-- wave ids across organisations; the domain pools them per organisation.

ALTER TABLE wave ADD COLUMN closed_at INTEGER;
ALTER TABLE wave ADD COLUMN report_cells INTEGER NOT NULL DEFAULT 0 CHECK (report_cells IN (0, 1));

ALTER TABLE invitation ADD COLUMN report_group_id INTEGER;
ALTER TABLE invitation ADD COLUMN report_unit_id INTEGER;
ALTER TABLE invitation ADD COLUMN report_role TEXT NOT NULL DEFAULT '';
-- the verifier of a draft that was discarded from another browser, so
-- that its respondent is told when they come back
ALTER TABLE invitation ADD COLUMN discarded_draft BLOB;

DROP TABLE draft_answer;
CREATE TABLE draft (
	invitation_id   INTEGER PRIMARY KEY REFERENCES invitation(id) ON DELETE CASCADE,
	verifier        BLOB NOT NULL,              -- keyed hash of the browser's key
	nonce           BLOB NOT NULL,
	box             BLOB NOT NULL               -- the answers, encrypted (XSalsa20-Poly1305)
);

CREATE TABLE response_week (
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	wave_id         INTEGER NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
	week            TEXT NOT NULL,              -- the Monday, YYYY-MM-DD
	n               INTEGER NOT NULL,
	PRIMARY KEY (wave_id, week)
) WITHOUT ROWID;
INSERT INTO response_week(organisation_id, wave_id, week, n)
	SELECT organisation_id, wave_id, submitted_week, count(*) FROM response GROUP BY wave_id, submitted_week;

-- Responses of anonymous waves handed in before: the group and unit were
-- exact, and are dropped (nothing coarser can be worked out without the
-- invitation, which they do not keep); the week is dropped.
UPDATE response SET group_id = NULL, unit_id = NULL, submitted_week = ''
	WHERE wave_id IN (SELECT id FROM wave WHERE anonymous = 1);
-- In a 360° round a category of fewer than 3 invited raters is kept as
-- "others" (the manager's and the person's own excepted, which are never
-- anonymous); the report merges them so anyway.
UPDATE response SET rater_role = 'others'
	WHERE rater_role IN ('peer', 'staff', 'other')
	AND (SELECT count(*) FROM invitation v WHERE v.wave_id = response.wave_id AND v.rater_role = response.rater_role) < 3;

CREATE TABLE benchmark_edition (
	id              INTEGER PRIMARY KEY,
	key             TEXT NOT NULL,              -- the built-in questionnaire
	made_at         INTEGER NOT NULL
);
CREATE INDEX benchmark_edition_key ON benchmark_edition(key, id);
CREATE TABLE benchmark_edition_wave (
	edition_id      INTEGER NOT NULL REFERENCES benchmark_edition(id) ON DELETE CASCADE,
	wave_id         INTEGER NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
	PRIMARY KEY (edition_id, wave_id)
) WITHOUT ROWID;

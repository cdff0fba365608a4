-- Research projects (issue 19, SPEC C8): a researcher's coding project with
-- its members, sources, code book, marked passages and memos.
--
-- A source holds its own copy of the text (body), as a qualitative-analysis
-- tool imports a document: the marked passages count characters in it, so
-- the text must not change under them. A source copied from a text of the
-- organisation (kind report, story, logbook, case; ref_id its row; or the
-- open answers of a wave, kind answers, ref_id the wave) lives
-- only as long as that text and its consent: the triggers below delete it,
-- with its passages, when the text is deleted (by its writer, by the
-- retention job or by an erasure) or its consent is withdrawn.

CREATE TABLE research_project (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	name            TEXT NOT NULL,
	purpose         TEXT NOT NULL DEFAULT '',
	guid            TEXT NOT NULL,
	created_by      INTEGER REFERENCES account(id) ON DELETE SET NULL,
	created_at      INTEGER NOT NULL
);
CREATE INDEX research_project_org ON research_project(organisation_id);

-- Who codes in the project: a researcher's account (a member, who may open
-- the project), or a user named in an imported project (account_id NULL).
CREATE TABLE research_coder (
	id              INTEGER PRIMARY KEY,
	project_id      INTEGER NOT NULL REFERENCES research_project(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	account_id      INTEGER REFERENCES account(id) ON DELETE SET NULL,
	name            TEXT NOT NULL,
	guid            TEXT NOT NULL,
	UNIQUE (project_id, guid)
);
CREATE UNIQUE INDEX research_coder_account ON research_coder(project_id, account_id) WHERE account_id IS NOT NULL;
CREATE INDEX research_coder_of_account ON research_coder(account_id);

CREATE TABLE research_source (
	id              INTEGER PRIMARY KEY,
	project_id      INTEGER NOT NULL REFERENCES research_project(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	kind            TEXT NOT NULL CHECK (kind IN ('report', 'story', 'logbook', 'case', 'answers',
	                  'interview', 'observation', 'document')),
	ref_id          INTEGER,            -- the row of a report, story, logbook entry or case; a wave's (answers)
	guid            TEXT NOT NULL,
	name            TEXT NOT NULL,
	body            TEXT NOT NULL,
	chars           INTEGER NOT NULL CHECK (chars >= 0),   -- code points of body
	held_on         TEXT NOT NULL DEFAULT '',               -- YYYY-MM-DD or ''
	place           TEXT NOT NULL DEFAULT '',
	unit_id         INTEGER REFERENCES unit(id) ON DELETE SET NULL,
	group_id        INTEGER REFERENCES learning_group(id) ON DELETE SET NULL,
	added_by        INTEGER REFERENCES account(id) ON DELETE SET NULL,
	added_at        INTEGER NOT NULL,
	CHECK ((ref_id IS NULL) = (kind IN ('interview', 'observation', 'document'))),
	UNIQUE (project_id, guid)
);
CREATE UNIQUE INDEX research_source_ref ON research_source(project_id, kind, ref_id) WHERE ref_id IS NOT NULL;
CREATE INDEX research_source_of_ref ON research_source(kind, ref_id);

CREATE TABLE research_code (
	id              INTEGER PRIMARY KEY,
	project_id      INTEGER NOT NULL REFERENCES research_project(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	parent_id       INTEGER REFERENCES research_code(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL DEFAULT 0,
	guid            TEXT NOT NULL,
	name            TEXT NOT NULL,
	color           TEXT NOT NULL DEFAULT '' CHECK (color = '' OR (length(color) = 7 AND color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]')),
	description     TEXT NOT NULL DEFAULT '',
	codable         INTEGER NOT NULL DEFAULT 1 CHECK (codable IN (0, 1)),
	UNIQUE (project_id, guid)
);
CREATE INDEX research_code_project ON research_code(project_id, parent_id, position);

-- A marked passage: characters [start_char, end_char) of the source's body,
-- counted in code points (as REFI-QDA counts them), by one coder.
CREATE TABLE research_selection (
	id              INTEGER PRIMARY KEY,
	project_id      INTEGER NOT NULL REFERENCES research_project(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	source_id       INTEGER NOT NULL REFERENCES research_source(id) ON DELETE CASCADE,
	coder_id        INTEGER NOT NULL REFERENCES research_coder(id) ON DELETE CASCADE,
	guid            TEXT NOT NULL,
	start_char      INTEGER NOT NULL CHECK (start_char >= 0),
	end_char        INTEGER NOT NULL,
	memo            TEXT NOT NULL DEFAULT '',
	created_at      INTEGER NOT NULL,
	CHECK (end_char > start_char),
	UNIQUE (project_id, guid)
);
CREATE INDEX research_selection_source ON research_selection(source_id, start_char);

CREATE TABLE research_coding (
	selection_id    INTEGER NOT NULL REFERENCES research_selection(id) ON DELETE CASCADE,
	code_id         INTEGER NOT NULL REFERENCES research_code(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	guid            TEXT NOT NULL,
	PRIMARY KEY (selection_id, code_id)
) WITHOUT ROWID;
CREATE INDEX research_coding_code ON research_coding(code_id);

-- Memos on the project, a code or a source (a passage's memo is on the passage).
CREATE TABLE research_memo (
	id              INTEGER PRIMARY KEY,
	project_id      INTEGER NOT NULL REFERENCES research_project(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	target          TEXT NOT NULL CHECK (target IN ('project', 'code', 'source')),
	target_id       INTEGER NOT NULL,    -- the project, code or source
	guid            TEXT NOT NULL,
	text            TEXT NOT NULL,
	coder_id        INTEGER REFERENCES research_coder(id) ON DELETE SET NULL,
	updated_at      INTEGER NOT NULL,
	UNIQUE (project_id, guid)
);
CREATE INDEX research_memo_target ON research_memo(project_id, target, target_id);
CREATE TRIGGER research_memo_of_code AFTER DELETE ON research_code BEGIN
	DELETE FROM research_memo WHERE target = 'code' AND target_id = OLD.id;
END;
CREATE TRIGGER research_memo_of_source AFTER DELETE ON research_source BEGIN
	DELETE FROM research_memo WHERE target = 'source' AND target_id = OLD.id;
END;

-- Words replaced in the project's exports (places, names of people outside
-- the people list), besides the people of the organisation.
CREATE TABLE research_term (
	id              INTEGER PRIMARY KEY,
	project_id      INTEGER NOT NULL REFERENCES research_project(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	term            TEXT NOT NULL,
	replacement     TEXT NOT NULL,
	UNIQUE (project_id, term)
);

-- A copied text goes with its original and with its consent.
CREATE TRIGGER research_source_logbook_gone AFTER DELETE ON logbook_entry BEGIN
	DELETE FROM research_source WHERE kind = 'logbook' AND ref_id = OLD.id;
END;
CREATE TRIGGER research_source_logbook_consent AFTER UPDATE OF research_consent ON logbook_entry
WHEN NEW.research_consent = 0 BEGIN
	DELETE FROM research_source WHERE kind = 'logbook' AND ref_id = NEW.id;
END;
CREATE TRIGGER research_source_report_gone AFTER DELETE ON meeting_report BEGIN
	DELETE FROM research_source WHERE kind = 'report' AND ref_id = OLD.id;
END;
CREATE TRIGGER research_source_report_consent AFTER UPDATE OF research_consent, status ON meeting_report
WHEN NEW.research_consent = 0 OR NEW.status <> 'published' BEGIN
	DELETE FROM research_source WHERE kind = 'report' AND ref_id = NEW.id;
END;
-- A report taken back to draft loses the group's consent: it may change
-- before it is published again, and the group consents to what it reads.
CREATE TRIGGER research_consent_report_draft AFTER UPDATE OF status ON meeting_report
WHEN NEW.status <> 'published' AND OLD.research_consent = 1 BEGIN
	UPDATE meeting_report SET research_consent = 0, research_consent_at = NULL, research_consent_by = NULL
	WHERE id = NEW.id;
END;
CREATE TRIGGER research_source_story_gone AFTER DELETE ON learning_story BEGIN
	DELETE FROM research_source WHERE kind = 'story' AND ref_id = OLD.id;
END;
CREATE TRIGGER research_source_story_consent AFTER UPDATE OF research_consent, status ON learning_story
WHEN NEW.research_consent = 0 OR NEW.status <> 'bundled' BEGIN
	DELETE FROM research_source WHERE kind = 'story' AND ref_id = NEW.id;
END;
CREATE TRIGGER research_source_answers_gone AFTER DELETE ON wave BEGIN
	DELETE FROM research_source WHERE kind = 'answers' AND ref_id = OLD.id;
END;
CREATE TRIGGER research_source_case_gone AFTER DELETE ON case_session BEGIN
	DELETE FROM research_source WHERE kind = 'case' AND ref_id = OLD.id;
END;
CREATE TRIGGER research_source_case_consent AFTER UPDATE OF research_consent ON case_session
WHEN NEW.research_consent = 0 BEGIN
	DELETE FROM research_source WHERE kind = 'case' AND ref_id = NEW.id;
END;

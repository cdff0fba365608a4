-- 0008_reports: the facilitator's report of each meeting (seed 000 §7.1.3
-- and §7.3: agenda, themes, the learning moments the group named, the
-- facilitator's and the mentor's reflections), drafts until published to
-- the group; each participant's own contribution (inbreng), voluntary,
-- which the facilitator may place in the report; and the group's learning
-- story (leerverhaal): an opening and a closing text around the published
-- reports, bundled on or after the last meeting.

CREATE TABLE meeting_report (
	id                     INTEGER PRIMARY KEY,
	organisation_id        INTEGER NOT NULL REFERENCES organisation(id),
	meeting_id             INTEGER NOT NULL UNIQUE REFERENCES meeting(id) ON DELETE CASCADE,
	group_id               INTEGER NOT NULL REFERENCES learning_group(id) ON DELETE CASCADE,
	agenda                 TEXT NOT NULL DEFAULT '',
	themes                 TEXT NOT NULL DEFAULT '',
	learning_moments       TEXT NOT NULL DEFAULT '',
	facilitator_reflection TEXT NOT NULL DEFAULT '',
	mentor_reflection      TEXT NOT NULL DEFAULT '',
	status                 TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
	written_by             INTEGER REFERENCES person(id),
	published_at           INTEGER,
	updated_at             INTEGER NOT NULL
);
CREATE INDEX meeting_report_group ON meeting_report(group_id, status);

CREATE TABLE contribution (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	meeting_id      INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	group_id        INTEGER NOT NULL REFERENCES learning_group(id) ON DELETE CASCADE,
	person_id       INTEGER NOT NULL REFERENCES person(id),
	text            TEXT NOT NULL,
	placed          INTEGER NOT NULL DEFAULT 0 CHECK (placed IN (0, 1)),
	updated_at      INTEGER NOT NULL,
	UNIQUE (meeting_id, person_id)
);
CREATE INDEX contribution_group ON contribution(group_id);

CREATE TABLE learning_story (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	group_id        INTEGER NOT NULL UNIQUE REFERENCES learning_group(id) ON DELETE CASCADE,
	opening         TEXT NOT NULL DEFAULT '',
	closing         TEXT NOT NULL DEFAULT '',
	status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'bundled')),
	bundled_at      INTEGER,
	updated_at      INTEGER NOT NULL
);

-- Full-text search. search_doc says what each indexed text is and where it
-- belongs (organisation, group, writer), so that a search is narrowed in
-- SQL before domain/privacy.c decides, per result, whether the user may
-- read it. search_text holds the words (md_plain of the Markdown) under
-- the Dutch stemming tokenizer; its rowid is search_doc.id. Triggers keep
-- both in step with the texts, so no writer can forget the index.
CREATE TABLE search_doc (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL,
	kind            TEXT NOT NULL,
	ref_id          INTEGER NOT NULL,
	group_id        INTEGER,
	person_id       INTEGER,
	UNIQUE (kind, ref_id)
);
CREATE INDEX search_doc_group ON search_doc(organisation_id, group_id);
CREATE INDEX search_doc_person ON search_doc(organisation_id, person_id);

CREATE VIRTUAL TABLE search_text USING fts5(title, body, tokenize = 'dutch');

CREATE TRIGGER search_doc_gone AFTER DELETE ON search_doc BEGIN
	DELETE FROM search_text WHERE rowid = old.id;
END;

-- reports: the theme of the meeting as title, every field as body
CREATE TRIGGER report_indexed AFTER INSERT ON meeting_report BEGIN
	INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id)
		VALUES (new.organisation_id, 'report', new.id, new.group_id, new.written_by);
	INSERT INTO search_text(rowid, title, body)
		SELECT d.id, pm.theme, md_plain(new.agenda || char(10) || char(10) || new.themes || char(10) || char(10) ||
			new.learning_moments || char(10) || char(10) || new.facilitator_reflection || char(10) || char(10) ||
			new.mentor_reflection)
		FROM search_doc d, meeting m JOIN programme_meeting pm ON pm.id = m.programme_meeting_id
		WHERE d.kind = 'report' AND d.ref_id = new.id AND m.id = new.meeting_id;
END;
CREATE TRIGGER report_reindexed AFTER UPDATE ON meeting_report BEGIN
	UPDATE search_text SET body = md_plain(new.agenda || char(10) || char(10) || new.themes || char(10) || char(10) ||
			new.learning_moments || char(10) || char(10) || new.facilitator_reflection || char(10) || char(10) ||
			new.mentor_reflection)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'report' AND ref_id = new.id);
END;
CREATE TRIGGER report_unindexed AFTER DELETE ON meeting_report BEGIN
	DELETE FROM search_doc WHERE kind = 'report' AND ref_id = old.id;
END;

CREATE TRIGGER contribution_indexed AFTER INSERT ON contribution BEGIN
	INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id)
		VALUES (new.organisation_id, 'contribution', new.id, new.group_id, new.person_id);
	INSERT INTO search_text(rowid, title, body)
		SELECT id, '', md_plain(new.text) FROM search_doc WHERE kind = 'contribution' AND ref_id = new.id;
END;
CREATE TRIGGER contribution_reindexed AFTER UPDATE OF text ON contribution BEGIN
	UPDATE search_text SET body = md_plain(new.text)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'contribution' AND ref_id = new.id);
END;
CREATE TRIGGER contribution_unindexed AFTER DELETE ON contribution BEGIN
	DELETE FROM search_doc WHERE kind = 'contribution' AND ref_id = old.id;
END;

CREATE TRIGGER story_indexed AFTER INSERT ON learning_story BEGIN
	INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id)
		VALUES (new.organisation_id, 'learning_story', new.id, new.group_id, NULL);
	INSERT INTO search_text(rowid, title, body)
		SELECT id, '', md_plain(new.opening || char(10) || char(10) || new.closing)
		FROM search_doc WHERE kind = 'learning_story' AND ref_id = new.id;
END;
CREATE TRIGGER story_reindexed AFTER UPDATE ON learning_story BEGIN
	UPDATE search_text SET body = md_plain(new.opening || char(10) || char(10) || new.closing)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'learning_story' AND ref_id = new.id);
END;
CREATE TRIGGER story_unindexed AFTER DELETE ON learning_story BEGIN
	DELETE FROM search_doc WHERE kind = 'learning_story' AND ref_id = old.id;
END;

-- logbook entries: the group column follows the sharing
CREATE TRIGGER logbook_indexed AFTER INSERT ON logbook_entry BEGIN
	INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id)
		VALUES (new.organisation_id, 'logbook', new.id, new.group_id, new.person_id);
	INSERT INTO search_text(rowid, title, body)
		SELECT id, new.tags, md_plain(new.energy_gave || char(10) || char(10) || new.energy_cost || char(10) ||
			char(10) || new.body)
		FROM search_doc WHERE kind = 'logbook' AND ref_id = new.id;
END;
CREATE TRIGGER logbook_reindexed AFTER UPDATE ON logbook_entry BEGIN
	UPDATE search_doc SET group_id = new.group_id WHERE kind = 'logbook' AND ref_id = new.id;
	UPDATE search_text SET title = new.tags, body = md_plain(new.energy_gave || char(10) || char(10) ||
			new.energy_cost || char(10) || char(10) || new.body)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'logbook' AND ref_id = new.id);
END;
CREATE TRIGGER logbook_unindexed AFTER DELETE ON logbook_entry BEGIN
	DELETE FROM search_doc WHERE kind = 'logbook' AND ref_id = old.id;
END;

-- the goals of a development plan
CREATE TRIGGER goal_indexed AFTER INSERT ON development_goal BEGIN
	INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id)
		VALUES (new.organisation_id, 'development_plan', new.id, new.group_id, new.person_id);
	INSERT INTO search_text(rowid, title, body)
		SELECT id, '', md_plain(new.text || char(10) || char(10) || new.measure)
		FROM search_doc WHERE kind = 'development_plan' AND ref_id = new.id;
END;
CREATE TRIGGER goal_reindexed AFTER UPDATE ON development_goal BEGIN
	UPDATE search_text SET body = md_plain(new.text || char(10) || char(10) || new.measure)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'development_plan' AND ref_id = new.id);
END;
CREATE TRIGGER goal_unindexed AFTER DELETE ON development_goal BEGIN
	DELETE FROM search_doc WHERE kind = 'development_plan' AND ref_id = old.id;
END;

-- every version of a learning question
CREATE TRIGGER question_indexed AFTER INSERT ON learning_question BEGIN
	INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id)
		VALUES (new.organisation_id, 'learning_question', new.id, new.group_id, new.person_id);
	INSERT INTO search_text(rowid, title, body)
		SELECT id, '', md_plain(new.text) FROM search_doc WHERE kind = 'learning_question' AND ref_id = new.id;
END;
CREATE TRIGGER question_unindexed AFTER DELETE ON learning_question BEGIN
	DELETE FROM search_doc WHERE kind = 'learning_question' AND ref_id = old.id;
END;

-- what was written before this migration
INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id)
	SELECT organisation_id, 'logbook', id, group_id, person_id FROM logbook_entry;
INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id)
	SELECT organisation_id, 'development_plan', id, group_id, person_id FROM development_goal;
INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id)
	SELECT organisation_id, 'learning_question', id, group_id, person_id FROM learning_question;
INSERT INTO search_text(rowid, title, body)
	SELECT d.id, l.tags, md_plain(l.energy_gave || char(10) || char(10) || l.energy_cost || char(10) || char(10) || l.body)
	FROM search_doc d JOIN logbook_entry l ON l.id = d.ref_id WHERE d.kind = 'logbook';
INSERT INTO search_text(rowid, title, body)
	SELECT d.id, '', md_plain(g.text || char(10) || char(10) || g.measure)
	FROM search_doc d JOIN development_goal g ON g.id = d.ref_id WHERE d.kind = 'development_plan';
INSERT INTO search_text(rowid, title, body)
	SELECT d.id, '', md_plain(q.text) FROM search_doc d JOIN learning_question q ON q.id = d.ref_id
	WHERE d.kind = 'learning_question';

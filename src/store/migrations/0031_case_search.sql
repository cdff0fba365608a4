-- 0031_case_search: a session's case and its follow-up actions in the
-- full-text search (issue 17), kept in step by triggers like every other
-- indexed text (0008). A case is indexed as kind 'case_session' (ref_id
-- the session; title the case's title, body its question and context;
-- person_id the case owner); an action as kind 'session_action' (ref_id
-- the action; person_id its owner). Both carry the session's learning
-- group or, new here, its peer group, so that the store narrows a search
-- to the searcher's groups before domain/search.c asks
-- domain/case_session.c whether the searcher is a member or the leader.
-- (A later migration that rebuilds case_session or session_action, as
-- 0028 did, must create these triggers again.)
ALTER TABLE search_doc ADD COLUMN peer_group_id INTEGER;
CREATE INDEX search_doc_peer_group ON search_doc(organisation_id, peer_group_id);

CREATE TRIGGER case_indexed AFTER INSERT ON case_session BEGIN
	INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id, peer_group_id)
		VALUES (new.organisation_id, 'case_session', new.id, new.group_id, new.case_person_id, new.peer_group_id);
	INSERT INTO search_text(rowid, title, body)
		SELECT id, new.case_title, md_plain(new.case_question || char(10) || char(10) || new.case_context)
		FROM search_doc WHERE kind = 'case_session' AND ref_id = new.id;
END;
CREATE TRIGGER case_reindexed AFTER UPDATE OF case_title, case_question, case_context, case_person_id
	ON case_session BEGIN
	UPDATE search_doc SET person_id = new.case_person_id WHERE kind = 'case_session' AND ref_id = new.id;
	UPDATE search_text SET title = new.case_title,
			body = md_plain(new.case_question || char(10) || char(10) || new.case_context)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'case_session' AND ref_id = new.id);
END;
CREATE TRIGGER case_unindexed AFTER DELETE ON case_session BEGIN
	DELETE FROM search_doc WHERE kind = 'case_session' AND ref_id = old.id;
END;

CREATE TRIGGER action_indexed AFTER INSERT ON session_action BEGIN
	INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id, peer_group_id)
		SELECT new.organisation_id, 'session_action', new.id, s.group_id, new.person_id, s.peer_group_id
		FROM case_session s WHERE s.id = new.session_id;
	INSERT INTO search_text(rowid, title, body)
		SELECT id, '', md_plain(new.text) FROM search_doc WHERE kind = 'session_action' AND ref_id = new.id;
END;
CREATE TRIGGER action_reindexed AFTER UPDATE OF text ON session_action BEGIN
	UPDATE search_text SET body = md_plain(new.text)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'session_action' AND ref_id = new.id);
END;
CREATE TRIGGER action_owner_changed AFTER UPDATE OF person_id ON session_action BEGIN
	UPDATE search_doc SET person_id = new.person_id WHERE kind = 'session_action' AND ref_id = new.id;
END;
CREATE TRIGGER action_unindexed AFTER DELETE ON session_action BEGIN
	DELETE FROM search_doc WHERE kind = 'session_action' AND ref_id = old.id;
END;

-- what was written before this migration
INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id, peer_group_id)
	SELECT organisation_id, 'case_session', id, group_id, case_person_id, peer_group_id FROM case_session;
INSERT INTO search_doc(organisation_id, kind, ref_id, group_id, person_id, peer_group_id)
	SELECT a.organisation_id, 'session_action', a.id, s.group_id, a.person_id, s.peer_group_id
	FROM session_action a JOIN case_session s ON s.id = a.session_id;
INSERT INTO search_text(rowid, title, body)
	SELECT d.id, s.case_title, md_plain(s.case_question || char(10) || char(10) || s.case_context)
	FROM search_doc d JOIN case_session s ON s.id = d.ref_id WHERE d.kind = 'case_session';
INSERT INTO search_text(rowid, title, body)
	SELECT d.id, '', md_plain(a.text)
	FROM search_doc d JOIN session_action a ON a.id = d.ref_id WHERE d.kind = 'session_action';

-- Synonyms of framework elements (issue 17, C9): other names of the same
-- element, comma-separated, shown and edited with it. domain/search.c
-- widens a searched word that is an element's name or synonym to all its
-- names. Seed 004 names the fourth kind of awareness twice: the built-in
-- B3 "Contextbewustzijn" (r. 580-582) is also "omgevingsbewustzijn"
-- (r. 1102-1104).
ALTER TABLE framework_element ADD COLUMN synonyms TEXT NOT NULL DEFAULT '';
UPDATE framework_element SET synonyms = 'omgevingsbewustzijn'
	WHERE code = 'B3' AND synonyms = ''
	AND framework_id IN (SELECT id FROM framework WHERE key = 'awareness');

-- A development-plan goal is indexed with the names and synonyms of the
-- elements it refers to (as its title), so that a search for an element
-- under any of its names finds the goals linked to it.
CREATE TRIGGER goal_element_indexed AFTER INSERT ON development_goal_element BEGIN
	UPDATE search_text SET title = (SELECT ifnull(group_concat(e.name || ' ' || e.synonyms, ' '), '')
			FROM development_goal_element ge JOIN framework_element e ON e.id = ge.element_id
			WHERE ge.goal_id = new.goal_id)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'development_plan' AND ref_id = new.goal_id);
END;
CREATE TRIGGER goal_element_unindexed AFTER DELETE ON development_goal_element BEGIN
	UPDATE search_text SET title = (SELECT ifnull(group_concat(e.name || ' ' || e.synonyms, ' '), '')
			FROM development_goal_element ge JOIN framework_element e ON e.id = ge.element_id
			WHERE ge.goal_id = old.goal_id)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'development_plan' AND ref_id = old.goal_id);
END;
CREATE TRIGGER element_names_reindexed AFTER UPDATE OF name, synonyms ON framework_element BEGIN
	UPDATE search_text SET title = (SELECT ifnull(group_concat(e.name || ' ' || e.synonyms, ' '), '')
			FROM development_goal_element ge JOIN framework_element e ON e.id = ge.element_id
			WHERE ge.goal_id = (SELECT ref_id FROM search_doc WHERE id = search_text.rowid))
		WHERE rowid IN (SELECT d.id FROM search_doc d JOIN development_goal_element ge ON ge.goal_id = d.ref_id
			WHERE d.kind = 'development_plan' AND ge.element_id = new.id);
END;
UPDATE search_text SET title = (SELECT ifnull(group_concat(e.name || ' ' || e.synonyms, ' '), '')
		FROM development_goal_element ge JOIN framework_element e ON e.id = ge.element_id
		WHERE ge.goal_id = (SELECT ref_id FROM search_doc WHERE id = search_text.rowid))
	WHERE rowid IN (SELECT id FROM search_doc WHERE kind = 'development_plan');

-- Follow-up actions of a session with a case (issue 17): made in the
-- session by its leader, each with an owner among the session's members,
-- a due date and a status. An open action is reviewed at the start of the
-- group's next session ("what became of it"): done there, or carried on
-- with a new date; reviewed_in_session_id records which session did it.
-- reminded_on is the day a reminder mail last went to the owner, so that
-- the daily job sends at most one per action per day. The text is as
-- confidential as the case: for the session's members only.
CREATE TABLE session_action (
	id                     INTEGER PRIMARY KEY,
	organisation_id        INTEGER NOT NULL REFERENCES organisation(id),
	session_id             INTEGER NOT NULL REFERENCES case_session(id) ON DELETE CASCADE,
	person_id              INTEGER NOT NULL REFERENCES person(id),
	text                   TEXT NOT NULL,
	due_on                 TEXT NOT NULL,
	status                 TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
	created_at             INTEGER NOT NULL,
	done_at                INTEGER,
	carried                INTEGER NOT NULL DEFAULT 0 CHECK (carried >= 0),
	reviewed_in_session_id INTEGER REFERENCES case_session(id) ON DELETE SET NULL,
	reminded_on            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_action_session ON session_action(session_id);
CREATE INDEX session_action_owner ON session_action(organisation_id, person_id, status);

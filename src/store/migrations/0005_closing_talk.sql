-- 0005_closing_talk: the closing talk of seed 000 §7.1.5, offered at the
-- last meeting and optional: the learning yield in the participant's own
-- words and their next steps. That it was offered, and whether it was held
-- or declined, is recorded (the evaluation counts them).

CREATE TABLE closing_talk (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	enrolment_id    INTEGER NOT NULL UNIQUE REFERENCES enrolment(id) ON DELETE CASCADE,
	offered_on      TEXT NOT NULL DEFAULT '',
	outcome         TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'held', 'declined')),
	held_on         TEXT NOT NULL DEFAULT '',
	learning_yield  TEXT NOT NULL DEFAULT '',
	next_steps      TEXT NOT NULL DEFAULT '',
	updated_at      INTEGER NOT NULL
);

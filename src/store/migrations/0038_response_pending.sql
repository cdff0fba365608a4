-- Anonymous hand-ins waiting to be mixed into the responses. Used where the
-- database records which transaction wrote each row (PostgreSQL's xmin):
-- a response written in the hand-in's own transaction could be paired
-- with the invitation marked answered in it. So the hand-in only seals
-- its answers here, with a key kept outside the database, and they enter
-- `response` in shuffled batches of at least five (domain/anonymous_mix.h).
-- SQLite keeps no such trace and writes the response at once; the table
-- stays empty there.
CREATE TABLE response_pending (
	id              INTEGER PRIMARY KEY,          -- random
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	wave_id         INTEGER NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
	box             BLOB NOT NULL                 -- nonce || XChaCha20-Poly1305 of the answers
);
CREATE INDEX response_pending_wave ON response_pending(wave_id);

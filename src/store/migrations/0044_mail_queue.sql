-- Mail that goes in the background (a reset link, an account's invitation,
-- a member check's personal link), kept in the database so that any server
-- of an installation sends it, and a message survives a server's restart.
-- The box is the address and the whole message sealed with a key derived
-- from the installation's key file, which is not in the database: the
-- messages hold secret links, and whoever reads the database file must not
-- be able to use them. A server claims a message until claimed_until; a
-- mail server that could not be reached is tried again at next_try; a
-- message is given up a day after queued_at.
CREATE TABLE mail_queue (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
	box             BLOB NOT NULL,
	queued_at       INTEGER NOT NULL,
	next_try        INTEGER NOT NULL,
	tries           INTEGER NOT NULL DEFAULT 0,
	claimed_until   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mail_queue_due ON mail_queue(next_try);
CREATE INDEX mail_queue_organisation ON mail_queue(organisation_id);

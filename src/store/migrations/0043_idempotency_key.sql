-- The answers of API requests sent with an Idempotency-Key, per account and
-- key, for 24 hours: a repeat of the request (a script that lost the answer
-- and sends again) gets the stored answer instead of making the thing
-- twice. status 0: the first request is still being handled. The hash is
-- SHA-256 of method, path and body, so the same key with another request
-- is told apart. The daily retention run removes what is older.
CREATE TABLE idempotency_key (
	account_id   INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	key          TEXT NOT NULL,
	request_hash BLOB NOT NULL,
	created_at   INTEGER NOT NULL,
	status       INTEGER NOT NULL DEFAULT 0,
	content_type TEXT NOT NULL DEFAULT '',
	body         BLOB,
	PRIMARY KEY (account_id, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key(created_at);

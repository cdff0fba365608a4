-- The answers of API requests sent with an Idempotency-Key, per account and
-- key, for 24 hours (the SQLite migration of the same number says why).
CREATE TABLE idempotency_key (
	account_id   bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	key          text NOT NULL,
	request_hash bytea NOT NULL,
	created_at   bigint NOT NULL,
	status       bigint NOT NULL DEFAULT 0,
	content_type text NOT NULL DEFAULT '',
	body         bytea,
	PRIMARY KEY (account_id, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key(created_at);

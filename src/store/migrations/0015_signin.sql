-- 0015_signin: sign-in without a lock-out, single-use password-reset links,
-- and API tokens that expire.
--
-- login_throttle counts failed sign-ins (and requests for a reset link)
-- per key: the client's address (an IPv6 client by its /64), or the e-mail
-- address typed, normalised, whether or not an account has it. The key is
-- the BLAKE2b-256 of the key's kind and value, so no typed address is kept
-- in clear; a row goes a day after its count last changed. Counts leak
-- away (one per so many seconds, domain/throttle.c), so an office behind
-- one address that mistypes now and then never reaches a delay. Times in
-- milliseconds since 1970.
--
-- The lock-out's columns of account go: nothing a stranger does can lock an
-- account any more.
--
-- password_reset: the links of "forgot your password?" and of `leergang
-- user reset-link`, stored as the BLAKE2b-256 of their secret (as sessions
-- are), spent on use, and useless after expires_at (unix seconds).
--
-- api_token gets an expiry (unix seconds); tokens made before this
-- migration, which never expired, expire 90 days after it.

CREATE TABLE login_throttle (
	key_hash       BLOB PRIMARY KEY,
	failures       INTEGER NOT NULL,
	leaked_at      INTEGER NOT NULL,  -- the count has leaked up to here
	blocked_until  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

ALTER TABLE account DROP COLUMN failed_logins;
ALTER TABLE account DROP COLUMN locked_until;

CREATE TABLE password_reset (
	token_hash  BLOB PRIMARY KEY,
	account_id  INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	created_at  INTEGER NOT NULL,
	expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX password_reset_account ON password_reset(account_id);

ALTER TABLE api_token ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
UPDATE api_token SET expires_at = CAST(strftime('%s', 'now') AS INTEGER) + 90 * 86400;
CREATE INDEX api_token_account ON api_token(account_id);

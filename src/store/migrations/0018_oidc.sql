-- 0018_oidc: sign-in through an organisation's identity provider (OpenID
-- Connect, domain/oidc.h).
--
-- oidc_provider: one provider per organisation, set by the administrator
-- on the command line. The client secret is kept as a libsodium secretbox
-- (nonce || box) under a key in a file beside the database (the database
-- path + ".oidc-key", mode 0600), never in clear: a copy of the database
-- alone does not give it away. claim says which claim of the ID token finds
-- the account: 'email' (account.email) or 'employee_id' (the account's
-- person). passwords_off: the organisation's accounts sign in through the
-- provider only.
--
-- oidc_login: the sign-ins under way, one row per authorisation request:
-- the BLAKE2b-256 of its state and of the browser's cookie it is tied to,
-- its nonce and PKCE verifier, the exact redirect URI sent, and where to
-- go after. Spent on the callback, useless after expires_at (unix
-- seconds); the domain keeps a few per browser and a bounded number in all.

CREATE TABLE oidc_provider (
	organisation_id  INTEGER PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
	issuer           TEXT NOT NULL,
	client_id        TEXT NOT NULL,
	secret_box       BLOB NOT NULL,
	claim            TEXT NOT NULL CHECK (claim IN ('email', 'employee_id')),
	passwords_off    INTEGER NOT NULL DEFAULT 0,
	updated_at       INTEGER NOT NULL
);

CREATE TABLE oidc_login (
	id               INTEGER PRIMARY KEY,  -- the order they were made in
	state_hash       BLOB NOT NULL UNIQUE,
	browser_hash     BLOB NOT NULL,
	organisation_id  INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
	nonce            TEXT NOT NULL,
	verifier         TEXT NOT NULL,
	redirect_uri     TEXT NOT NULL,
	next             TEXT NOT NULL,
	created_at       INTEGER NOT NULL,
	expires_at       INTEGER NOT NULL
);
CREATE INDEX oidc_login_browser ON oidc_login(browser_hash, id);
CREATE INDEX oidc_login_expires ON oidc_login(expires_at);

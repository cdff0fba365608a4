-- 0017_invitation: accounts made by invitation, and accounts switched off.
--
-- An invitation is a link of the password_reset table of kind 'invite':
-- the same single-use secret kept as its hash, spent by setting the
-- account's first password, but working for seven days instead of an
-- hour. The account it belongs to has no password (password_hash '')
-- until then and cannot sign in. account.invited_at (unix seconds, 0 for
-- an account never invited) says when the last invitation went out, for
-- the accounts page ("uitgenodigd op ..., nog niet aangemeld"); it stays
-- when the links are swept.

ALTER TABLE password_reset ADD COLUMN kind TEXT NOT NULL DEFAULT 'reset' CHECK (kind IN ('reset', 'invite'));
ALTER TABLE account ADD COLUMN invited_at INTEGER NOT NULL DEFAULT 0;

-- A programme's version, for saving a change only on the version it was
-- made from (the SQLite migration of the same number says why).
ALTER TABLE programme ADD COLUMN version bigint NOT NULL DEFAULT 1;

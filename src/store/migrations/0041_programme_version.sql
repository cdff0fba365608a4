-- A programme's version: every saved change of its design adds one, and a
-- change is saved only on the version it was made from (the API's ETag and
-- If-Match, the edit form's hidden field), so two editors cannot overwrite
-- each other's work unseen.
ALTER TABLE programme ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

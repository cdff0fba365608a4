-- The number of options a multiple choice asks for and its option chosen
-- alone (the SQLite migration of the same number says why).
ALTER TABLE instrument_item ADD COLUMN min_answers bigint NOT NULL DEFAULT 0 CHECK (min_answers >= 0);
ALTER TABLE instrument_item ADD COLUMN max_answers bigint NOT NULL DEFAULT 0 CHECK (max_answers >= 0);
ALTER TABLE item_option ADD COLUMN exclusive bigint NOT NULL DEFAULT 0 CHECK (exclusive IN (0, 1));

-- What an API token may be used for (the SQLite migration of the same
-- number says why).
ALTER TABLE api_token ADD COLUMN scope text NOT NULL DEFAULT 'all'
	CHECK (scope IN ('all', 'read', 'people-sync', 'research-export'));

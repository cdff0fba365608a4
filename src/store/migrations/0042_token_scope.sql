-- What an API token may be used for: 'all' (everything its account's roles
-- allow, as before), 'read' (reading only), 'people-sync' (the HR sync of
-- people) or 'research-export' (the research and wave exports). A token
-- made before this has the account's whole access, as it had.
ALTER TABLE api_token ADD COLUMN scope TEXT NOT NULL DEFAULT 'all'
	CHECK (scope IN ('all', 'read', 'people-sync', 'research-export'));

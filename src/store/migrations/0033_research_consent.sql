-- TEMPORARY stand-in (replaced by the consent branch)
ALTER TABLE logbook_entry ADD COLUMN research_consent INTEGER NOT NULL DEFAULT 0 CHECK (research_consent IN (0, 1));
ALTER TABLE logbook_entry ADD COLUMN research_consent_at INTEGER;
ALTER TABLE meeting_report ADD COLUMN research_consent INTEGER NOT NULL DEFAULT 0 CHECK (research_consent IN (0, 1));
ALTER TABLE meeting_report ADD COLUMN research_consent_at INTEGER;
ALTER TABLE learning_story ADD COLUMN research_consent INTEGER NOT NULL DEFAULT 0 CHECK (research_consent IN (0, 1));
ALTER TABLE learning_story ADD COLUMN research_consent_at INTEGER;
ALTER TABLE case_session ADD COLUMN research_consent INTEGER NOT NULL DEFAULT 0 CHECK (research_consent IN (0, 1));
ALTER TABLE case_session ADD COLUMN research_consent_at INTEGER;

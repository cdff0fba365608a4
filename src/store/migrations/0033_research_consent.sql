-- Research consent (issue 19): a researcher of the organisation may take a
-- text as a source only with consent. The writer of a logbook entry and the
-- owner of a case give it per entry or case; for a published meeting report
-- and a bundled learning story, the group's facilitator or the coach
-- records that the group consented (research_consent_by: who recorded it).
-- research_consent_at is the unix time it was given, NULL while it is not.
ALTER TABLE logbook_entry ADD COLUMN research_consent INTEGER NOT NULL DEFAULT 0 CHECK (research_consent IN (0, 1));
ALTER TABLE logbook_entry ADD COLUMN research_consent_at INTEGER;

ALTER TABLE case_session ADD COLUMN research_consent INTEGER NOT NULL DEFAULT 0 CHECK (research_consent IN (0, 1));
ALTER TABLE case_session ADD COLUMN research_consent_at INTEGER;

ALTER TABLE meeting_report ADD COLUMN research_consent INTEGER NOT NULL DEFAULT 0 CHECK (research_consent IN (0, 1));
ALTER TABLE meeting_report ADD COLUMN research_consent_at INTEGER;
ALTER TABLE meeting_report ADD COLUMN research_consent_by INTEGER REFERENCES person(id);

ALTER TABLE learning_story ADD COLUMN research_consent INTEGER NOT NULL DEFAULT 0 CHECK (research_consent IN (0, 1));
ALTER TABLE learning_story ADD COLUMN research_consent_at INTEGER;
ALTER TABLE learning_story ADD COLUMN research_consent_by INTEGER REFERENCES person(id);

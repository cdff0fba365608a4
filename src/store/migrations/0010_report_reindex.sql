-- 0010_report_reindex: a report is indexed again only when one of its
-- texts changes, not when it is published or taken back (which rewrote the
-- whole document in the full-text index for nothing).

DROP TRIGGER report_reindexed;
CREATE TRIGGER report_reindexed AFTER UPDATE OF agenda, themes, learning_moments, facilitator_reflection,
		mentor_reflection ON meeting_report BEGIN
	UPDATE search_text SET body = md_plain(new.agenda || char(10) || char(10) || new.themes || char(10) || char(10) ||
			new.learning_moments || char(10) || char(10) || new.facilitator_reflection || char(10) || char(10) ||
			new.mentor_reflection)
		WHERE rowid = (SELECT id FROM search_doc WHERE kind = 'report' AND ref_id = new.id);
END;

-- 0030_shared_practice: a case shared by its owner as a practice example
-- (issue 17): the owner writes it anew in their own words, with a title.
-- origin says who added the example: 'organisation' (the coach, as
-- before) or 'participant' (a case owner sharing after a session). Nothing
-- links the example to the session or to the person who shared it: the
-- case stays confidential to the session's members.
ALTER TABLE practice_example ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE practice_example ADD COLUMN origin TEXT NOT NULL DEFAULT 'organisation'
	CHECK (origin IN ('organisation', 'participant'));

-- 0021_respondent_page: what the respondent's page needs to say who asks
-- and why, and a "weet niet / n.v.t." that is not a point of the scale
-- (web/respond.c, domain/respond.c).
--
-- wave.purpose: why the wave is held, in the coordinator's words, shown
-- at the top of the respondent's page; optional (NULL: none given).
--
-- instrument_item.allows_dont_know: the question offers "weet niet /
-- n.v.t." beside its points (Likert, bipolar and single choice only).
--
-- answer.dont_know: the respondent chose it. Such an answer has neither a
-- value nor a text, so that every mean, distribution and export counts it
-- as missing; it is kept apart from an unanswered question (no row) so
-- that the results can say how many chose it.

ALTER TABLE wave ADD COLUMN purpose TEXT;
ALTER TABLE instrument_item ADD COLUMN allows_dont_know INTEGER NOT NULL DEFAULT 0 CHECK (allows_dont_know IN (0, 1));
ALTER TABLE answer ADD COLUMN dont_know INTEGER NOT NULL DEFAULT 0 CHECK (dont_know IN (0, 1)
	AND (dont_know = 0 OR (value IS NULL AND text IS NULL)));

-- The built-in questionnaires already installed get the flag where the
-- built-in definition now has it (domain/builtin_instruments.c): every
-- statement of the leadership scan, and LiVe!'s questions h-j.
UPDATE instrument_item SET allows_dont_know = 1
	WHERE kind IN ('likert', 'bipolar', 'single') AND version_id IN
		(SELECT v.id FROM instrument_version v JOIN instrument i ON i.id = v.instrument_id WHERE i.key = 'leadership-scan-360');
UPDATE instrument_item SET allows_dont_know = 1
	WHERE kind = 'likert' AND code IN ('h', 'i', 'j') AND version_id IN
		(SELECT v.id FROM instrument_version v JOIN instrument i ON i.id = v.instrument_id WHERE i.key = 'live-final');

-- A multiple choice can ask for a number of options (LimeSurvey's
-- min_answers and max_answers, kept by the .lss import) and have an option
-- that is chosen alone ("none of these"; LimeSurvey's exclude_all_others).
-- 0 is no bound; the minimum holds when the question is answered at all
-- (whether it must be is `required`). domain/answer_rule.h checks them.
ALTER TABLE instrument_item ADD COLUMN min_answers INTEGER NOT NULL DEFAULT 0 CHECK (min_answers >= 0);
ALTER TABLE instrument_item ADD COLUMN max_answers INTEGER NOT NULL DEFAULT 0 CHECK (max_answers >= 0);
ALTER TABLE item_option ADD COLUMN exclusive INTEGER NOT NULL DEFAULT 0 CHECK (exclusive IN (0, 1));

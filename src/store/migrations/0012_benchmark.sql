-- 0012_benchmark: an organisation takes part in the benchmark of
-- questionnaires (SPEC C7, seed 003: the leadership scan compared with
-- other organisations) only when it says so. Only then do its closed waves
-- of a built-in questionnaire count in other organisations' benchmarks,
-- and only then does it see the benchmark itself: who shares, sees.
ALTER TABLE organisation ADD COLUMN benchmark INTEGER NOT NULL DEFAULT 0 CHECK (benchmark IN (0, 1));

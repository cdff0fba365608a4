-- Why a participant stopped, as a kind that reports can count (seed 000
-- §9.1 groups the stops as illness, work circumstances, or decided with
-- the manager), kept beside the free-text note, which reports never show.
-- Rows from before have no kind: reports count them as "other / not
-- recorded".
ALTER TABLE enrolment ADD COLUMN stop_kind TEXT NOT NULL DEFAULT ''
	CHECK (stop_kind IN ('', 'illness', 'work', 'manager', 'other'));

-- The audit log's filters (web/audit.c): by kind of action and by a range
-- of dates, within one organisation, newest first. Each index also gives
-- the order (at, then the rowid), so a page reads its 50 lines and stops;
-- without them every filter read the organisation's whole log and sorted
-- it (EXPLAIN QUERY PLAN on 400,000 lines: a temporary B-tree, 80 ms a
-- page; with them a page is under a millisecond, a count 25 ms).
CREATE INDEX audit_org_action ON audit_log(organisation_id, action, at);
CREATE INDEX audit_org_at ON audit_log(organisation_id, at);

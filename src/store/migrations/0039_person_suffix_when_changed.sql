-- The suffixes of a person's name, e-mail and employee number (0016) are
-- written again only when one of them changed: an UPDATE that names every
-- column (store_person_update) fired the trigger for a new manager or unit
-- too, and a sync of an HR export sets thousands of managers.
DROP TRIGGER person_suffix_update;
CREATE TRIGGER person_suffix_update AFTER UPDATE OF organisation_id, name, email, employee_id ON person
WHEN OLD.organisation_id IS NOT NEW.organisation_id OR OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email
	OR OLD.employee_id IS NOT NEW.employee_id
BEGIN
	DELETE FROM person_suffix WHERE organisation_id = OLD.organisation_id AND person_id = OLD.id
	AND suffix IN (SELECT substr(lower(t.v), n.i, 16)
		FROM (SELECT OLD.name AS v UNION ALL SELECT OLD.email UNION ALL SELECT OLD.employee_id) t
		JOIN person_suffix_at n ON n.i <= length(t.v));
	INSERT OR IGNORE INTO person_suffix(organisation_id, suffix, person_id)
	SELECT NEW.organisation_id, substr(lower(t.v), n.i, 16), NEW.id
	FROM (SELECT NEW.name AS v UNION ALL SELECT NEW.email UNION ALL SELECT NEW.employee_id) t
	JOIN person_suffix_at n ON n.i <= length(t.v);
END;

-- The suffixes are written again only when the name, e-mail or employee
-- number changed (the SQLite migration of the same number says why); and
-- the old ones are deleted one by one by their key: the single DELETE
-- with "suffix IN (...)" ran, as PL/pgSQL's generic plan, over every
-- suffix of the organisation (6 ms a person among 5,000).
CREATE OR REPLACE FUNCTION person_suffix_forget(org bigint, person bigint, name text, email text, employee_id text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	s text;
BEGIN
	FOR s IN SELECT DISTINCT substr(ascii_lower(t.v), n.i::integer, 16)
		FROM (SELECT name AS v UNION ALL SELECT email UNION ALL SELECT employee_id) t
		JOIN person_suffix_at n ON n.i <= length(t.v)
	LOOP
		DELETE FROM person_suffix WHERE organisation_id = org AND suffix = s AND person_id = person;
	END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION person_suffix_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM person_suffix_forget(OLD.organisation_id, OLD.id, OLD.name, OLD.email, OLD.employee_id);
	INSERT INTO person_suffix(organisation_id, suffix, person_id)
	SELECT NEW.organisation_id, substr(ascii_lower(t.v), n.i::integer, 16), NEW.id
	FROM (SELECT NEW.name AS v UNION ALL SELECT NEW.email UNION ALL SELECT NEW.employee_id) t
	JOIN person_suffix_at n ON n.i <= length(t.v)
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION person_suffix_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM person_suffix_forget(OLD.organisation_id, OLD.id, OLD.name, OLD.email, OLD.employee_id);
	RETURN NULL;
END
$$;

DROP TRIGGER person_suffix_update ON person;
CREATE TRIGGER person_suffix_update AFTER UPDATE OF organisation_id, name, email, employee_id ON person FOR EACH ROW
	WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.name IS DISTINCT FROM NEW.name
	      OR OLD.email IS DISTINCT FROM NEW.email OR OLD.employee_id IS DISTINCT FROM NEW.employee_id)
	EXECUTE FUNCTION person_suffix_update();

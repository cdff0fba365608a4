-- 0016_person_search: the people search found through an index instead of
-- a scan of the organisation.
--
-- The search finds a person when what was typed occurs anywhere in the
-- name, e-mail address or employee number, upper and lower case of A-Z
-- alike (as LIKE '%typed%' does, which it did through a scan of every
-- person of the organisation). person_suffix holds, for every person, each
-- suffix of those three texts in lower case (A-Z only, as lower() and LIKE
-- fold), cut to its first 16 characters: "Anouk Jansen" gives "anouk
-- jansen", "nouk jansen", ..., "jansen", "ansen", "en", "n". Whatever
-- occurs in a text is the beginning of one of its suffixes, so the people
-- whose suffix begins with the first 16 characters of what was typed are
-- all those the LIKE finds (and, for a longer search, a few more, which
-- the LIKE then drops): a range of the primary key, by organisation.
--
-- person_suffix_at numbers the characters of a text: a text's suffixes are
-- made by a join with it, since a trigger may not recurse. 1,024
-- positions, beyond the longest name (200), address (254) and employee
-- number (64) leergang accepts.

CREATE TABLE person_suffix_at (i INTEGER PRIMARY KEY);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1024)
INSERT INTO person_suffix_at(i) SELECT i FROM n;

CREATE TABLE person_suffix (
	organisation_id INTEGER NOT NULL,
	suffix          TEXT NOT NULL,
	person_id       INTEGER NOT NULL,
	PRIMARY KEY (organisation_id, suffix, person_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO person_suffix(organisation_id, suffix, person_id)
SELECT p.organisation_id, substr(lower(t.v), n.i, 16), p.id
FROM person p
JOIN (SELECT id, name AS v FROM person UNION ALL SELECT id, email FROM person
      UNION ALL SELECT id, employee_id FROM person) t ON t.id = p.id
JOIN person_suffix_at n ON n.i <= length(t.v);

CREATE TRIGGER person_suffix_insert AFTER INSERT ON person BEGIN
	INSERT OR IGNORE INTO person_suffix(organisation_id, suffix, person_id)
	SELECT NEW.organisation_id, substr(lower(t.v), n.i, 16), NEW.id
	FROM (SELECT NEW.name AS v UNION ALL SELECT NEW.email UNION ALL SELECT NEW.employee_id) t
	JOIN person_suffix_at n ON n.i <= length(t.v);
END;

-- the old suffixes by their keys (a look-up each), then the new ones
CREATE TRIGGER person_suffix_update AFTER UPDATE OF organisation_id, name, email, employee_id ON person BEGIN
	DELETE FROM person_suffix WHERE organisation_id = OLD.organisation_id AND person_id = OLD.id
	AND suffix IN (SELECT substr(lower(t.v), n.i, 16)
		FROM (SELECT OLD.name AS v UNION ALL SELECT OLD.email UNION ALL SELECT OLD.employee_id) t
		JOIN person_suffix_at n ON n.i <= length(t.v));
	INSERT OR IGNORE INTO person_suffix(organisation_id, suffix, person_id)
	SELECT NEW.organisation_id, substr(lower(t.v), n.i, 16), NEW.id
	FROM (SELECT NEW.name AS v UNION ALL SELECT NEW.email UNION ALL SELECT NEW.employee_id) t
	JOIN person_suffix_at n ON n.i <= length(t.v);
END;

CREATE TRIGGER person_suffix_delete AFTER DELETE ON person BEGIN
	DELETE FROM person_suffix WHERE organisation_id = OLD.organisation_id AND person_id = OLD.id
	AND suffix IN (SELECT substr(lower(t.v), n.i, 16)
		FROM (SELECT OLD.name AS v UNION ALL SELECT OLD.email UNION ALL SELECT OLD.employee_id) t
		JOIN person_suffix_at n ON n.i <= length(t.v));
END;

-- 0019_goal_elements: the framework elements a development-plan goal
-- refers to, chosen from a list by their names (from any framework of the
-- organisation) instead of codes typed into development_goal.elements.
--
-- The codes older goals hold (those of the group's programme's framework,
-- as "C2, A1") become rows here when every one of them names an element,
-- and the text is emptied. A goal with a code that no longer names one
-- keeps its text, which the plan page reads (the names it still finds, the
-- rest as typed), until the goal is saved again.

CREATE TABLE development_goal_element (
	goal_id         INTEGER NOT NULL REFERENCES development_goal(id) ON DELETE CASCADE,
	element_id      INTEGER NOT NULL REFERENCES framework_element(id) ON DELETE CASCADE,
	organisation_id INTEGER NOT NULL REFERENCES organisation(id),
	position        INTEGER NOT NULL,
	PRIMARY KEY (goal_id, element_id)
) WITHOUT ROWID;
CREATE INDEX development_goal_element_element ON development_goal_element(element_id);

-- ",C2,A1," holds ",C2," and ",A1,": each code at its place in the text
INSERT OR IGNORE INTO development_goal_element(goal_id, element_id, organisation_id, position)
SELECT d.id, e.id, d.organisation_id,
       instr(lower(',' || replace(replace(d.elements, ' ', ''), ';', ',') || ','), lower(',' || e.code || ','))
FROM development_goal d
JOIN learning_group g ON g.id = d.group_id AND g.organisation_id = d.organisation_id
JOIN batch b ON b.id = g.batch_id
JOIN programme p ON p.id = b.programme_id AND p.organisation_id = d.organisation_id
JOIN framework_element e ON e.framework_id = p.framework_id AND e.organisation_id = d.organisation_id
WHERE d.elements <> '' AND e.code <> ''
  AND instr(lower(',' || replace(replace(d.elements, ' ', ''), ';', ',') || ','), lower(',' || e.code || ',')) > 0;

UPDATE development_goal SET elements = ''
WHERE elements <> ''
  AND (SELECT count(*) FROM development_goal_element x WHERE x.goal_id = development_goal.id)
      = length(',' || replace(replace(elements, ' ', ''), ';', ',')) - length(replace(',' || replace(replace(elements, ' ', ''), ';', ','), ',', ''));

DELETE FROM development_goal_element
WHERE goal_id IN (SELECT id FROM development_goal WHERE elements <> '');

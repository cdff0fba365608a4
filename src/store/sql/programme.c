/* programme.c — programmes and their design in SQLite: design elements,
 * modules, programme meetings with their scripts, the menu card. */
#include "internal.h"
#include "store/design.h"

#include <string.h>

static const char *const design_kinds[DESIGN_KINDS] = { "programme", "guidance", "reporting" };

#define PROGRAMME_COLS \
	"p.id, p.organisation_id, coalesce(p.framework_id, 0), p.name, p.shape, p.template, p.target_group, p.ambition," \
	" p.followup, p.mentor_profile, f.name, p.group_min, p.group_max, p.cascade_meeting, p.menu_min," \
	" p.menu_max_free, p.menu_preparers, p.menu_justify, p.followup_meetings, p.version"
#define PROGRAMME_FROM " FROM programme p LEFT JOIN framework f ON f.id = p.framework_id"

static void read_programme(struct arena *a, struct query *st, struct programme *p)
{
	p->id = q_int64(st, 0);
	p->organisation_id = q_int64(st, 1);
	p->framework_id = q_int64(st, 2);
	p->name = col_text0(a, st, 3);
	p->shape = col_text0(a, st, 4);
	p->template_key = col_text0(a, st, 5);
	p->target_group = col_text0(a, st, 6);
	p->ambition = col_text0(a, st, 7);
	p->followup = col_text0(a, st, 8);
	p->mentor_profile = col_text0(a, st, 9);
	p->framework_name = col_text(a, st, 10);
	p->group_min = q_int(st, 11);
	p->group_max = q_int(st, 12);
	p->cascade_meeting = q_int(st, 13);
	p->menu_min = q_int(st, 14);
	p->menu_max_free = q_int(st, 15);
	p->menu_preparers = q_int(st, 16);
	p->menu_justify = q_int(st, 17);
	p->followup_meetings = q_int(st, 18);
	p->version = q_int64(st, 19);
	for (int k = 0; k < DESIGN_KINDS; k++)
		p->rationale[k] = p->goal[k] = "";
}

static void bind_programme(struct query *st, long long org, const struct programme *p)
{
	q_bind_int64(st, 1, org);
	bind_text(st, 2, p->name);
	bind_text(st, 3, p->shape);
	bind_text(st, 4, p->template_key ? p->template_key : "");
	bind_ref(st, 5, p->framework_id);
	bind_text(st, 6, p->target_group ? p->target_group : "");
	bind_text(st, 7, p->ambition ? p->ambition : "");
	q_bind_int(st, 8, p->group_min);
	q_bind_int(st, 9, p->group_max);
	q_bind_int(st, 10, p->cascade_meeting);
	q_bind_int(st, 11, p->menu_min);
	q_bind_int(st, 12, p->menu_max_free);
	q_bind_int(st, 13, p->menu_preparers);
	q_bind_int(st, 14, p->menu_justify ? 1 : 0);
	q_bind_int(st, 15, p->followup_meetings);
	bind_text(st, 16, p->followup ? p->followup : "");
	bind_text(st, 17, p->mentor_profile ? p->mentor_profile : "");
}

static int put_design(struct store *s, long long org, long long id, const struct programme *p)
{
	for (int k = 0; k < DESIGN_KINDS; k++) {
		struct query *st = stmt(s, "INSERT INTO design_element(programme_id, organisation_id, kind, rationale, goal)"
					" VALUES (?2, ?1, ?3, ?4, ?5) ON CONFLICT (programme_id, kind)"
					" DO UPDATE SET rationale = excluded.rationale, goal = excluded.goal");
		q_bind_int64(st, 1, org);
		q_bind_int64(st, 2, id);
		bind_text(st, 3, design_kinds[k]);
		bind_text(st, 4, p->rationale[k] ? p->rationale[k] : "");
		bind_text(st, 5, p->goal[k] ? p->goal[k] : "");
		int r = exec_stmt(s, st);
		if (r)
			return r;
	}
	return ST_OK;
}

int store_programme_add(struct store *s, long long org, const struct programme *p, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO programme(organisation_id, name, shape, template, framework_id, target_group, ambition,"
		" group_min, group_max, cascade_meeting, menu_min, menu_max_free, menu_preparers, menu_justify,"
		" followup_meetings, followup, mentor_profile)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17"
		" WHERE ?5 IS NULL OR EXISTS (SELECT 1 FROM framework WHERE id = ?5 AND organisation_id = ?1)");
	bind_programme(st, org, p);
	long long pid;
	int r = inserted(s, exec_stmt(s, st), &pid);
	if (r)
		return r;
	if (id)
		*id = pid;
	return put_design(s, org, pid, p);
}

int store_programme_update(struct store *s, long long org, const struct programme *p)
{
	struct query *st = stmt(s,
		"UPDATE programme SET name = ?2, shape = ?3, template = ?4, framework_id = ?5, target_group = ?6,"
		" ambition = ?7, group_min = ?8, group_max = ?9, cascade_meeting = ?10, menu_min = ?11,"
		" menu_max_free = ?12, menu_preparers = ?13, menu_justify = ?14, followup_meetings = ?15,"
		" followup = ?16, mentor_profile = ?17, version = version + 1"
		" WHERE id = ?18 AND organisation_id = ?1 AND (?19 = 0 OR version = ?19)"
		" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM framework WHERE id = ?5 AND organisation_id = ?1))");
	bind_programme(st, org, p);
	q_bind_int64(st, 18, p->id);
	q_bind_int64(st, 19, p->version);
	int r = changed(s, exec_stmt(s, st));
	return r ? r : put_design(s, org, p->id, p);
}

int store_programme_get(struct store *s, struct arena *a, long long org, long long id, struct programme *out)
{
	struct query *st = stmt(s, "SELECT " PROGRAMME_COLS PROGRAMME_FROM " WHERE p.organisation_id = ? AND p.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_programme(a, st, out);
	q_reset(st);
	if (rc != Q_ROW)
		return rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
	st = stmt(s, "SELECT kind, rationale, goal FROM design_element WHERE programme_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, org);
	while ((rc = q_step(st)) == Q_ROW) {
		const char *kind = q_text(st, 0);
		for (int k = 0; k < DESIGN_KINDS; k++)
			if (kind && !strcmp(kind, design_kinds[k])) {
				out->rationale[k] = col_text0(a, st, 1);
				out->goal[k] = col_text0(a, st, 2);
			}
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_programme_list(struct store *s, struct arena *a, long long org, struct programme **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " PROGRAMME_COLS PROGRAMME_FROM " WHERE p.organisation_id = ? ORDER BY p.name, p.id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_programme(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

#define IN_PROGRAMME " EXISTS (SELECT 1 FROM programme WHERE id = ?2 AND organisation_id = ?1)"

int store_module_add(struct store *s, long long org, long long programme_id, const struct programme_module *m,
		     long long *id)
{
	struct query *st = stmt(s, "INSERT INTO programme_module(organisation_id, programme_id, number, name, business_task)"
				" SELECT ?1, ?2, ?3, ?4, ?5 WHERE" IN_PROGRAMME);
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	q_bind_int(st, 3, m->number);
	bind_text(st, 4, m->name);
	bind_text(st, 5, m->business_task ? m->business_task : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_module_list(struct store *s, struct arena *a, long long org, long long programme_id,
		      struct programme_module **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, number, name, business_task FROM programme_module"
				" WHERE organisation_id = ? AND programme_id = ? ORDER BY number");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct programme_module *m = ROW_PUSH(a, *out, *n, cap);
		m->id = q_int64(st, 0);
		m->number = q_int(st, 1);
		m->name = col_text0(a, st, 2);
		m->business_task = col_text0(a, st, 3);
	}
	q_reset(st);
	return map_rc(s, rc);
}

#define PM_COLS \
	"m.id, m.programme_id, coalesce(m.module_id, 0), m.number, m.days, m.from_menu, m.step, m.theme, m.description," \
	" coalesce(pm.number, 0)"
#define PM_FROM " FROM programme_meeting m LEFT JOIN programme_module pm ON pm.id = m.module_id"

static void read_pm(struct arena *a, struct query *st, struct programme_meeting *m)
{
	m->id = q_int64(st, 0);
	m->programme_id = q_int64(st, 1);
	m->module_id = q_int64(st, 2);
	m->number = q_int(st, 3);
	m->days = q_int(st, 4);
	m->from_menu = q_int(st, 5);
	m->step = col_text0(a, st, 6);
	m->theme = col_text0(a, st, 7);
	m->description = col_text0(a, st, 8);
	m->module_number = q_int(st, 9);
}

int store_programme_meeting_add(struct store *s, long long org, const struct programme_meeting *m, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO programme_meeting(organisation_id, programme_id, number, module_id, step, theme, description,"
		" days, from_menu) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE" IN_PROGRAMME
		" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM programme_module WHERE id = ?4 AND programme_id = ?2))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, m->programme_id);
	q_bind_int(st, 3, m->number);
	bind_ref(st, 4, m->module_id);
	bind_text(st, 5, m->step ? m->step : "");
	bind_text(st, 6, m->theme);
	bind_text(st, 7, m->description ? m->description : "");
	q_bind_int(st, 8, m->days);
	q_bind_int(st, 9, m->from_menu ? 1 : 0);
	return inserted(s, exec_stmt(s, st), id);
}

int store_programme_meeting_update(struct store *s, long long org, const struct programme_meeting *m)
{
	struct query *st = stmt(s, "UPDATE programme_meeting SET theme = ?3, description = ?4, days = ?5, from_menu = ?6"
				" WHERE id = ?2 AND organisation_id = ?1");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, m->id);
	bind_text(st, 3, m->theme);
	bind_text(st, 4, m->description ? m->description : "");
	q_bind_int(st, 5, m->days);
	q_bind_int(st, 6, m->from_menu ? 1 : 0);
	return changed(s, exec_stmt(s, st));
}

int store_programme_meeting_list(struct store *s, struct arena *a, long long org, long long programme_id,
				 struct programme_meeting **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " PM_COLS PM_FROM " WHERE m.organisation_id = ? AND m.programme_id = ?"
				" ORDER BY m.number");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_pm(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_programme_meeting_get(struct store *s, struct arena *a, long long org, long long id,
				struct programme_meeting *out)
{
	struct query *st = stmt(s, "SELECT " PM_COLS PM_FROM " WHERE m.organisation_id = ? AND m.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_pm(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_script_part_add(struct store *s, long long org, const struct script_part *p, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO script_part(organisation_id, programme_meeting_id, position, title, learning_goal, minutes,"
		" material, led_by) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8"
		" WHERE EXISTS (SELECT 1 FROM programme_meeting WHERE id = ?2 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, p->programme_meeting_id);
	q_bind_int(st, 3, p->position);
	bind_text(st, 4, p->title);
	bind_text(st, 5, p->learning_goal ? p->learning_goal : "");
	q_bind_int(st, 6, p->minutes);
	bind_text(st, 7, p->material ? p->material : "");
	bind_text(st, 8, p->led_by ? p->led_by : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_script_part_tag(struct store *s, long long org, long long part_id, long long element_id)
{
	/* the element must belong to the framework of the part's programme */
	struct query *st = stmt(s,
		"INSERT INTO script_part_element(part_id, element_id, organisation_id) SELECT ?2, ?3, ?1"
		" WHERE EXISTS (SELECT 1 FROM script_part sp JOIN programme_meeting m ON m.id = sp.programme_meeting_id"
		"  JOIN programme p ON p.id = m.programme_id JOIN framework_element e ON e.framework_id = p.framework_id"
		"  WHERE sp.id = ?2 AND sp.organisation_id = ?1 AND e.id = ?3) ON CONFLICT DO NOTHING");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, part_id);
	q_bind_int64(st, 3, element_id);
	int r = exec_stmt(s, st);
	if (r)
		return r;
	/* 0 changes: refused, or tagged already */
	st = stmt(s, "SELECT 1 FROM script_part_element WHERE part_id = ? AND element_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, part_id);
	q_bind_int64(st, 2, element_id);
	q_bind_int64(st, 3, org);
	int rc = q_step(st);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_INVALID : map_rc(s, rc);
}

int store_script_part_list(struct store *s, struct arena *a, long long org, long long programme_id,
			   struct script_part **out, size_t *n)
{
	struct query *st = stmt(s,
		"SELECT sp.id, sp.programme_meeting_id, sp.position, sp.minutes, sp.title, sp.learning_goal, sp.material,"
		" sp.led_by, (SELECT group_concat(e.code, ',') FROM (SELECT e.code FROM script_part_element x"
		"  JOIN framework_element e ON e.id = x.element_id WHERE x.part_id = sp.id ORDER BY e.code) e)"
		" FROM script_part sp JOIN programme_meeting m ON m.id = sp.programme_meeting_id"
		" WHERE sp.organisation_id = ? AND m.programme_id = ? ORDER BY m.number, sp.position, sp.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct script_part *p = ROW_PUSH(a, *out, *n, cap);
		p->id = q_int64(st, 0);
		p->programme_meeting_id = q_int64(st, 1);
		p->position = q_int(st, 2);
		p->minutes = q_int(st, 3);
		p->title = col_text0(a, st, 4);
		p->learning_goal = col_text0(a, st, 5);
		p->material = col_text0(a, st, 6);
		p->led_by = col_text0(a, st, 7);
		p->elements = col_text0(a, st, 8);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_menu_topic_add(struct store *s, long long org, long long programme_id, const struct menu_topic *t,
			 long long *id)
{
	struct query *st = stmt(s, "INSERT INTO menu_topic(organisation_id, programme_id, position, name, description)"
				" SELECT ?1, ?2, ?3, ?4, ?5 WHERE" IN_PROGRAMME);
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	q_bind_int(st, 3, t->position);
	bind_text(st, 4, t->name);
	bind_text(st, 5, t->description ? t->description : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_menu_option_add(struct store *s, long long org, const struct menu_option *o, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO menu_option(organisation_id, topic_id, position, name, description)"
				" SELECT ?1, ?2, ?3, ?4, ?5"
				" WHERE EXISTS (SELECT 1 FROM menu_topic WHERE id = ?2 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, o->topic_id);
	q_bind_int(st, 3, o->position);
	bind_text(st, 4, o->name);
	bind_text(st, 5, o->description ? o->description : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_menu_topic_list(struct store *s, struct arena *a, long long org, long long programme_id,
			  struct menu_topic **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, position, name, description FROM menu_topic"
				" WHERE organisation_id = ? AND programme_id = ? ORDER BY position, id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct menu_topic *t = ROW_PUSH(a, *out, *n, cap);
		t->id = q_int64(st, 0);
		t->position = q_int(st, 1);
		t->name = col_text0(a, st, 2);
		t->description = col_text0(a, st, 3);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_menu_option_list(struct store *s, struct arena *a, long long org, long long programme_id,
			   struct menu_option **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT o.id, o.topic_id, o.position, o.name, o.description FROM menu_option o"
				" JOIN menu_topic t ON t.id = o.topic_id WHERE o.organisation_id = ? AND t.programme_id = ?"
				" ORDER BY t.position, t.id, o.position, o.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct menu_option *o = ROW_PUSH(a, *out, *n, cap);
		o->id = q_int64(st, 0);
		o->topic_id = q_int64(st, 1);
		o->position = q_int(st, 2);
		o->name = col_text0(a, st, 3);
		o->description = col_text0(a, st, 4);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_programme_meeting_delete(struct store *s, long long org, long long id)
{
	struct query *st = stmt(s, "SELECT count(*) FROM meeting WHERE programme_meeting_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, org);
	int rc = q_step(st);
	long long used = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	if (rc != Q_ROW)
		return map_rc(s, rc);
	if (used)
		return ST_CONFLICT;
	st = stmt(s, "DELETE FROM programme_meeting WHERE id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, org);
	return changed(s, exec_stmt(s, st));
}

int store_script_part_update(struct store *s, long long org, const struct script_part *p)
{
	struct query *st = stmt(s, "UPDATE script_part SET position = ?3, title = ?4, learning_goal = ?5, minutes = ?6,"
				" material = ?7, led_by = ?8 WHERE id = ?2 AND organisation_id = ?1");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, p->id);
	q_bind_int(st, 3, p->position);
	bind_text(st, 4, p->title);
	bind_text(st, 5, p->learning_goal ? p->learning_goal : "");
	q_bind_int(st, 6, p->minutes);
	bind_text(st, 7, p->material ? p->material : "");
	bind_text(st, 8, p->led_by ? p->led_by : "");
	return changed(s, exec_stmt(s, st));
}

int store_script_part_delete(struct store *s, long long org, long long id)
{
	struct query *st = stmt(s, "DELETE FROM script_part WHERE id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, org);
	return changed(s, exec_stmt(s, st));
}

int store_script_part_untag(struct store *s, long long org, long long part_id)
{
	struct query *st = stmt(s, "DELETE FROM script_part_element WHERE part_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, part_id);
	q_bind_int64(st, 2, org);
	return exec_stmt(s, st);
}

int store_menu_topic_update(struct store *s, long long org, const struct menu_topic *t)
{
	struct query *st = stmt(s, "UPDATE menu_topic SET position = ?3, name = ?4, description = ?5"
				" WHERE id = ?2 AND organisation_id = ?1");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, t->id);
	q_bind_int(st, 3, t->position);
	bind_text(st, 4, t->name);
	bind_text(st, 5, t->description ? t->description : "");
	return changed(s, exec_stmt(s, st));
}

int store_menu_option_update(struct store *s, long long org, const struct menu_option *o)
{
	struct query *st = stmt(s, "UPDATE menu_option SET position = ?3, name = ?4, description = ?5"
				" WHERE id = ?2 AND organisation_id = ?1");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, o->id);
	q_bind_int(st, 3, o->position);
	bind_text(st, 4, o->name);
	bind_text(st, 5, o->description ? o->description : "");
	return changed(s, exec_stmt(s, st));
}

/* A topic or option a meeting chose stays: the meeting's choice refers to it. */
static int delete_unless_chosen(struct store *s, long long org, long long id, const char *used_sql, const char *del_sql)
{
	struct query *st = stmt(s, used_sql);
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, org);
	int rc = q_step(st);
	long long used = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	if (rc != Q_ROW)
		return map_rc(s, rc);
	if (used)
		return ST_CONFLICT;
	st = stmt(s, del_sql);
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, org);
	return changed(s, exec_stmt(s, st));
}

int store_menu_topic_delete(struct store *s, long long org, long long id)
{
	return delete_unless_chosen(s, org, id,
		"SELECT count(*) FROM meeting WHERE (topic_id = ?1 OR option_id IN (SELECT id FROM menu_option"
		" WHERE topic_id = ?1)) AND organisation_id = ?2",
		"DELETE FROM menu_topic WHERE id = ?1 AND organisation_id = ?2");
}

int store_menu_option_delete(struct store *s, long long org, long long id)
{
	return delete_unless_chosen(s, org, id, "SELECT count(*) FROM meeting WHERE option_id = ?1 AND organisation_id = ?2",
				    "DELETE FROM menu_option WHERE id = ?1 AND organisation_id = ?2");
}

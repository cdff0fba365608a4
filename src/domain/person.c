/* person.c — rules for people: an employee number unique in the
 * organisation, a name, an optional e-mail address, a manager who is not the
 * person themself. */
#include "person.h"
#include "audit.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/store.h"

#include <assert.h>

bool person_check(struct ctx *c, const struct person *p, struct errors *e)
{
	bool ok = check_line(c, e, "employee_id", _("Employee number"), p->employee_id, 1, EMPLOYEE_ID_MAX);
	ok &= check_line(c, e, "name", _("Name"), p->name, 1, PERSON_NAME_MAX);
	ok &= check_email(c, e, "email", p->email, false);
	ok &= check_line(c, e, "job_level", _("Job level"), p->job_level, 0, JOB_LEVEL_MAX);
	if (p->id && p->manager_id == p->id) {
		errors_add(c, e, "manager_id", _("A person cannot be their own manager; choose someone else or nobody."));
		ok = false;
	}
	return ok;
}

static int from_store(struct ctx *c, struct errors *e, int r, const struct person *p)
{
	switch (r) {
	case ST_OK: return D_OK;
	case ST_NOTFOUND: return D_NOTFOUND;
	case ST_CONFLICT:
		errors_add(c, e, "employee_id", _("Employee number %s is already in use by someone else; check the number."),
			   p->employee_id);
		return D_INVALID;
	case ST_INVALID:
		errors_add(c, e, "unit_id", _("The chosen unit or manager is not in this organisation; choose again from the lists."));
		return D_INVALID;
	default: return D_ERROR;
	}
}

int person_create(struct ctx *c, struct person *p, struct errors *e, long long *id)
{
	if (!person_check(c, p, e))
		return D_INVALID;
	long long nid;
	int r = from_store(c, e, store_person_insert(c->st, c->who->organisation_id, p, &nid), p);
	if (r)
		return r;
	p->id = nid;
	if (id)
		*id = nid;
	audit(c, "person.create", "person", nid, "%s", p->employee_id);
	return D_OK;
}

int person_update(struct ctx *c, struct person *p, struct errors *e)
{
	if (!person_check(c, p, e))
		return D_INVALID;
	int r = from_store(c, e, store_person_update(c->st, c->who->organisation_id, p), p);
	if (!r)
		audit(c, "person.update", "person", p->id, "%s", p->employee_id);
	return r;
}

int person_get(struct ctx *c, long long id, struct person *out)
{
	return d_from_store(store_person_get(c->st, c->a, c->who->organisation_id, id, out));
}

int person_list(struct ctx *c, const struct person_filter *f, struct person **out, size_t *n, long long *total)
{
	return store_person_list(c->st, c->a, c->who->organisation_id, f, out, n, total) ? D_ERROR : D_OK;
}

int person_reports(struct ctx *c, long long id, struct person **out, size_t *n)
{
	return d_from_store(store_person_reports(c->st, c->a, c->who->organisation_id, id, out, n));
}

int person_by_employee(struct ctx *c, const char *employee_id, struct person *out)
{
	assert(out);
	if (!employee_id || !*employee_id)
		return D_NOTFOUND;
	return d_from_store(store_person_by_employee_id(c->st, c->a, c->who->organisation_id, employee_id, out));
}

long long person_by_employee_id(struct ctx *c, const char *employee_id)
{
	struct person p;
	return person_by_employee(c, employee_id, &p) == D_OK ? p.id : 0;
}

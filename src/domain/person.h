/* person.h — people of an organisation (C1): employee number, name, e-mail,
 * unit, manager, job level, active. */
#ifndef LG_DOMAIN_PERSON_H
#define LG_DOMAIN_PERSON_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/people.h"

#define PERSON_NAME_MAX 200
#define EMPLOYEE_ID_MAX 64
#define JOB_LEVEL_MAX 64

/* The person with this employee number in the actor's organisation
 * (D_NOTFOUND when there is none). */
MUST_CHECK int person_by_employee(struct ctx *c, const char *employee_id, struct person *out);
/* Its id, or 0 when there is none (or it could not be read). */
long long person_by_employee_id(struct ctx *c, const char *employee_id);

/* Checks the fields of p (not its references); fields: employee_id, name,
 * email, job_level. */
bool person_check(struct ctx *c, const struct person *p, struct errors *e);
MUST_CHECK int person_create(struct ctx *c, struct person *p, struct errors *e, long long *id);
MUST_CHECK int person_update(struct ctx *c, struct person *p, struct errors *e);
MUST_CHECK int person_get(struct ctx *c, long long id, struct person *out);
MUST_CHECK int person_list(struct ctx *c, const struct person_filter *f, struct person **out, size_t *n, long long *total);
/* The people whose manager is person id. */
MUST_CHECK int person_reports(struct ctx *c, long long id, struct person **out, size_t *n);

#endif

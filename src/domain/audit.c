/* audit.c — writing and reading the audit log. */
#include "audit.h"
#include "core/die.h"
#include "store/store.h"

#include <stdarg.h>

int audit(struct ctx *c, const char *action, const char *object_kind, long long object_id,
	  const char *detail_fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, detail_fmt);
	buf_vaddf(&b, detail_fmt, ap);
	va_end(ap);
	int r = store_audit_add(c->st, c->who->organisation_id, c->who->account_id,
				c->who->email ? c->who->email : "cli", action, object_kind, object_id, b.ptr);
	if (r)
		warn("audit: %s of %s %lld was not recorded", action, object_kind, object_id);
	buf_release(&b);
	return r;
}

int audit_page(struct ctx *c, long long offset, long long limit, struct audit_entry **out, size_t *n,
	       long long *total)
{
	return store_audit_list(c->st, c->a, c->who->organisation_id, offset, limit, out, n, total);
}

/* response.c — the submitted responses of a wave, one row each, for the
 * data exports (store/response.h). Scoped by organisation as everywhere. */
#include "internal.h"
#include "store/response.h"

int store_responses(struct store *s, struct arena *a, long long org, long long wave_id, struct response_row **out,
		    size_t *n)
{
	sqlite3_stmt *st = stmt(s, "SELECT id, ifnull(invitation_id, 0), submitted_week FROM response"
				   " WHERE organisation_id = ? AND wave_id = ? ORDER BY id");
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct response_row *x = ROW_PUSH(a, *out, *n, cap);
		x->id = sqlite3_column_int64(st, 0);
		x->invitation_id = sqlite3_column_int64(st, 1);
		x->week = col_text0(a, st, 2);
	}
	sqlite3_reset(st);
	return map_rc(s, rc);
}

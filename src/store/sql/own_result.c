/* own_result.c — whether a questionnaire shows respondents their own
 * result, in SQLite. */
#include "internal.h"
#include "store/own_result.h"

int store_own_result_get(struct store *s, long long org, long long instrument_id, bool *on)
{
	struct query *st = stmt(s, "SELECT own_result FROM instrument WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, instrument_id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*on = q_int(st, 0) != 0;
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_own_result_set(struct store *s, long long org, long long instrument_id, bool on)
{
	struct query *st = stmt(s, "UPDATE instrument SET own_result = ? WHERE organisation_id = ? AND id = ?");
	q_bind_int(st, 1, on);
	q_bind_int64(st, 2, org);
	q_bind_int64(st, 3, instrument_id);
	return changed(s, exec_stmt(s, st));
}

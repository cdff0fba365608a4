/* own_result.h — the store's part of "respondent ziet eigen uitkomst":
 * the setting per questionnaire (migration 0037). */
#ifndef LG_STORE_OWN_RESULT_H
#define LG_STORE_OWN_RESULT_H

#include "core/compiler.h"
#include "store/store.h"

#include <stdbool.h>

/* ST_NOTFOUND for a questionnaire of another organisation. */
MUST_CHECK int store_own_result_get(struct store *s, long long org, long long instrument_id, bool *on);
MUST_CHECK int store_own_result_set(struct store *s, long long org, long long instrument_id, bool on);

#endif

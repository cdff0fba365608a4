/* learning_form.h — the store's part for the catalogue of learning forms.
 * Every call takes the organisation and touches nothing outside it; lists
 * are allocated in the arena, in catalogue order. */
#ifndef LG_STORE_LEARNING_FORM_H
#define LG_STORE_LEARNING_FORM_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/learning_form.h"

MUST_CHECK int store_learning_form_add(struct store *s, long long org, const struct learning_form *f);
MUST_CHECK int store_learning_form_list(struct store *s, struct arena *a, long long org, struct learning_form **out,
					size_t *n);
/* Changes name, description and the values of the form with f->key. */
MUST_CHECK int store_learning_form_update(struct store *s, long long org, const struct learning_form *f);

#endif

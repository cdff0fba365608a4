/* practice.c — searching the register of practice examples, and its JSON. */
#include "practice.h"

#include <ctype.h>
#include <string.h>

/* Whether needle occurs in hay, ASCII letters compared without case. */
static bool contains_fold(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++) {
		size_t i = 0;
		while (i < n && p[i] && tolower((unsigned char)p[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

/* Whether the comma-separated list holds item exactly. */
static bool in_list(const char *list, const char *item)
{
	size_t n = strlen(item);
	for (const char *p = list; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !strncmp(p, item, n))
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

static bool given(const char *s)
{
	return s && *s;
}

void practice_search(struct arena *a, const struct practice_query *q, const struct practice_example ***out, size_t *n)
{
	const struct practice_example **r = arena_alloc(a, (builtin_npractice_examples + 1) * sizeof(*r));
	size_t k = 0;
	for (size_t i = 0; i < builtin_npractice_examples; i++) {
		const struct practice_example *e = &builtin_practice_examples[i];
		if (given(q->form) && !in_list(e->forms, q->form))
			continue;
		if (given(q->theme) && !contains_fold(e->themes, q->theme))
			continue;
		if (given(q->organisation) && !contains_fold(e->organisation, q->organisation))
			continue;
		r[k++] = e;
	}
	*out = r;
	*n = k;
}

static json_t *list_json(const char *list)
{
	json_t *arr = json_array();
	for (const char *p = list; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		json_array_append_new(arr, json_stringn(p, len));
		if (!end)
			break;
		p = end + 1;
	}
	return arr;
}

json_t *practice_json(const struct practice_example *const *e, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:i, s:s, s:s, s:s, s:o, s:o, s:b, s:s, s:s}", "number", e[i]->number,
						     "organisation", e[i]->organisation, "learning", e[i]->learning,
						     "context", e[i]->context, "forms", list_json(e[i]->forms), "themes",
						     list_json(e[i]->themes), "in_development", e[i]->in_development,
						     "source", e[i]->source, "forms_source", "leergang"));
	return json_pack("{s:o}", "examples", arr);
}

/* catalogue_json.c — the one JSON shape of the catalogue and of the
 * matcher's answer, for the command line and the API alike:
 * {"forms":[{key, name, seventy_twenty_ten, aim, social, source, who, where,
 * how, name_source}]} and {"matches":[{key, name, score, why}]}. */
#include "catalogue.h"

json_t *catalogue_forms_json(const struct learning_form *f, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:i, s:s, s:b, s:s, s:s, s:s, s:s, s:s}", "key", f[i].key,
						     "name", f[i].name, "seventy_twenty_ten", f[i].seventy_twenty_ten,
						     "aim", f[i].aim, "social", f[i].social, "source", f[i].source,
						     "who", f[i].level, "where", f[i].setting, "how", f[i].preference,
						     "name_source", f[i].name_source));
	return json_pack("{s:o}", "forms", arr);
}

json_t *catalogue_matches_json(const struct catalogue_match *m, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:i, s:s}", "key", m[i].form->key, "name",
						     m[i].form->name, "score", m[i].score, "why", m[i].why));
	return json_pack("{s:o}", "matches", arr);
}

/* api_reverse.c — reverse mentoring in the API, under the rules of its
 * page (domain/reverse.c): the pairs the caller sees (the coach all, anyone
 * else their own), the coach making a pair, the coach or one of the two
 * marking the step the pair is at. */
#include "web.h"
#include "domain/reverse.h"

#include <time.h>

/* {"pairs": [...]}, each with its step and that step's phase. */
void api_reverse_pairs(struct web *w)
{
	struct reverse_pair *p;
	size_t n;
	int d = reverse_pairs(&w->ctx, &p, &n);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct reverse_step *s = &reverse_steps[p[i].step >= 1 && p[i].step <= 9 ? p[i].step - 1 : 0];
		json_array_append_new(a, json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s}, s:s, s:s, s:{s:i, s:s, s:i, s:s}}",
						   "id", (json_int_t)p[i].id, "senior", "person_id",
						   (json_int_t)p[i].senior_id, "name", p[i].senior_name, "junior",
						   "person_id", (json_int_t)p[i].junior_id, "name", p[i].junior_name,
						   "question", p[i].question, "started_on", p[i].started_on, "step", "n",
						   p[i].step, "name", s->name, "phase", s->phase, "phase_name",
						   s->phase_name));
	}
	web_json(w, 200, json_pack("{s:o}", "pairs", a));
}

/* {"senior_id", "junior_id", "question", "started_on"}: 201 {"id"}. */
void api_reverse_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long senior = api_in_int(&in, "senior_id", 0), junior = api_in_int(&in, "junior_id", 0);
	const char *question = api_in_str(&in, "question", ""), *started_on = api_in_str(&in, "started_on", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = reverse_pair_add(&w->ctx, senior, junior, question, started_on, (long long)time(NULL), &in.e, &id);
	api_in_answer(&in, d, id);
}

/* {"step": 1..9}: the step the pair is at. */
void api_reverse_step(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long step = api_in_int(&in, "step", 0);
	if (api_in_ok(&in))
		api_in_answer(&in, reverse_pair_step(&w->ctx, w->id[0], step < 1 || step > 9 ? 0 : (int)step, (long long)time(NULL), &in.e),
			      0);
}

/* feedback.c — GET /feedback: the 360° feedback rounds about the signed-in
 * person (seed 003: the manager's self-rating against how others see
 * them). The person asked about reads the same report as the coach, under
 * the same rules (the own manager apart, every other category from 3
 * raters, "others" from 3), once the round has closed; while it is open
 * only how many have answered. Nobody else's rounds are listed. */
#include "web.h"
#include "domain/schedule.h"
#include "domain/survey.h"
#include "html/html.h"

#include <string.h>
#include <time.h>

void page_my_feedback(struct web *w)
{
	struct wave *all;
	size_t n;
	if (wave_list(&w->ctx, &all, &n)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	page_begin(w, _("My 360° feedback"));
	char today[11];
	date_today((long long)time(NULL), today);
	size_t mine = 0;
	for (size_t i = 0; i < n; i++) {
		const struct wave *wv = &all[i];
		if (!wv->subject_id || !w->who.person_id || wv->subject_id != w->who.person_id)
			continue;
		mine++;
		html(w->out, "<section><h2>%s</h2><p>%s – %s · %s</p>", wv->name, date_label(w->a, wv->opens_on),
		     date_label(w->a, wv->closes_on),
		     arena_printf(w->a, ngettext("%lld of %lld raters has answered", "%lld of %lld raters have answered",
						 (unsigned long)wv->responded), wv->responded, wv->invited));
		struct wave one;
		struct instrument_version v;
		if (wave_open(&w->ctx, wv->id, &one, &v)) {
			web_error(w, 500, _("The questionnaires could not be read. Try again later."));
			return;
		}
		wave_report_360(w, wv, &v, true);
		html(w->out, "</section>");
	}
	if (!mine)
		html(w->out, "<p>%s</p>", _("There is no 360° feedback round about you."));
	page_end(w);
}

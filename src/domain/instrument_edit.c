/* instrument_edit.c — a new version of a questionnaire (instrument_edit.h). */
#include "instrument_edit.h"
#include "audit.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/instrument.h"
#include "store/store.h"

#include <string.h>

static bool code_valid(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > ITEM_CODE_MAX || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
	return true;
}

static bool scored(const char *kind)
{
	return !strcmp(kind, "likert") || !strcmp(kind, "bipolar");
}

int instrument_new_version(struct ctx *c, long long instrument_id, const struct item_edit *ed, size_t ned,
			   const struct item_new *add, size_t nadd, const char *note, long long now, struct errors *e,
			   int *version)
{
	long long org = c->who->organisation_id;
	struct instrument in;
	struct instrument_version old;
	int r = store_instrument_get(c->st, c->a, org, instrument_id, &in);
	if (r == ST_NOTFOUND || (!r && !in.latest_version_id))
		return D_NOTFOUND;
	if (r || store_version_get(c->st, c->a, org, in.latest_version_id, &old))
		return D_ERROR;
	struct instrument_version v = old;
	v.note = (char *)(note ? note : "");
	v.created_at = now;
	check_line(c, e, "note", _("What changed"), v.note, 0, VERSION_NOTE_MAX);
	v.items = arena_alloc(c->a, (old.nitems + nadd + 1) * sizeof(*v.items));
	v.nitems = 0;
	const struct instrument_item *points = NULL;
	for (size_t i = 0; i < old.nitems; i++) {
		struct instrument_item it = old.items[i];
		if (!points && !strcmp(it.kind, "likert"))
			points = &old.items[i];
		/* sections as indexes into v.sections, as store_version_add wants */
		long long sec = -1;
		for (size_t s = 0; s < old.nsections; s++)
			if (old.sections[s].id == it.section_id)
				sec = (long long)s;
		it.section_id = sec;
		const struct item_edit *x = NULL;
		for (size_t k = 0; k < ned; k++)
			if (ed[k].item_id == it.id)
				x = &ed[k];
		if (x && x->removed)
			continue;
		if (x) {
			if (x->text) {
				/* a question may run over lines (an imported one does: shown as
				 * paragraphs); the textarea sends them back as \r\n */
				it.text = (char *)text_newlines(c->a, x->text);
				check_lines(c, e, arena_printf(c->a, "text-%lld", it.id),
					    arena_printf(c->a, _("Text of question %s"), it.code), it.text, 1, ITEM_TEXT_MAX);
			}
			if (x->scale && scored(it.kind)) {
				it.scale = (char *)x->scale;
				check_line(c, e, arena_printf(c->a, "scale-%lld", it.id),
					   arena_printf(c->a, _("Dimension of question %s"), it.code), it.scale, 0, SCALE_NAME_MAX);
			}
			it.reversed = scored(it.kind) && x->reversed;
			it.allows_dont_know = scored(it.kind) && x->dont_know;
			it.required = x->required;
		}
		v.items[v.nitems++] = it;
	}
	static const char *const agree[5] = { "helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens" };
	for (size_t k = 0; k < nadd; k++) {
		const struct item_new *a = &add[k];
		bool blank = !(a->code && *a->code) && !(a->text && *a->text);
		if (blank)
			continue;
		const char *kind = a->kind ? a->kind : "";
		if (strcmp(kind, "likert") && strcmp(kind, "open")) {
			errors_add(c, e, arena_printf(c->a, "kind-%zu", k + 1), _("New question %zu: choose a scale question or an open question."), k + 1);
			continue;
		}
		const char *code = a->code ? a->code : "";
		if (!code_valid(code))
			errors_add(c, e, arena_printf(c->a, "code-%zu", k + 1),
				   _("New question %zu: the code is a letter followed by at most %d letters, digits or _, such as k1."),
				   k + 1, ITEM_CODE_MAX - 1);
		const char *text = text_newlines(c->a, a->text ? a->text : "");
		check_lines(c, e, arena_printf(c->a, "new-%zu", k + 1), arena_printf(c->a, _("Text of new question %zu"), k + 1),
			    text, 1, ITEM_TEXT_MAX);
		if (a->scale && *a->scale)
			check_line(c, e, arena_printf(c->a, "scale-new-%zu", k + 1),
				   arena_printf(c->a, _("Dimension of new question %zu"), k + 1), a->scale, 0, SCALE_NAME_MAX);
		struct instrument_item it = { 0 };
		it.section_id = old.nsections ? (long long)old.nsections - 1 : -1;
		it.code = (char *)code;
		it.kind = (char *)kind;
		it.text = (char *)text;
		it.scale = (char *)(!strcmp(kind, "likert") && a->scale ? a->scale : "");
		if (!strcmp(kind, "likert")) {
			if (points) {
				it.options = points->options;
				it.noptions = points->noptions;
			} else {
				it.noptions = 5;
				it.options = arena_alloc(c->a, 5 * sizeof(*it.options));
				for (int p = 0; p < 5; p++)
					it.options[p] = (struct item_option){ p + 1, p + 1, (char *)agree[p], 0 };
			}
		}
		v.items[v.nitems++] = it;
	}
	/* codes are the variable names of the exports: once each */
	for (size_t i = 0; i < v.nitems; i++)
		for (size_t j = 0; j < i; j++)
			if (!strcmp(v.items[i].code, v.items[j].code)) {
				errors_add(c, e, "items", _("The code %s is used twice; every question needs its own."), v.items[i].code);
				break;
			}
	if (!v.nitems)
		errors_add(c, e, "items", "%s", _("A questionnaire keeps at least one question."));
	if (e->n)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	long long vid;
	if (store_version_add(c->st, org, &v, &vid) || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	struct instrument_version made;
	if (store_version_get(c->st, c->a, org, vid, &made))
		return D_ERROR;
	*version = made.version;
	audit(c, "instrument.version", "instrument", instrument_id, "version %d", made.version);
	return D_OK;
}

/* test_builtin.c — integrity of the built-in frameworks and templates, and
 * the facts from the seeds that they must keep. */
#include "test.h"
#include "core/utf8.h"
#include "domain/builtin.h"
#include "domain/survey.h"
#include "core/compiler.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>

/* ---- helpers ---- */

static const struct builtin_element *element(const struct builtin_framework *f,
					     const char *code)
{
	for (size_t i = 0; f && code && i < f->nelements; i++)
		if (strcmp(f->elements[i].code, code) == 0)
			return &f->elements[i];
	return NULL;
}

static size_t count_kind(const struct builtin_framework *f, const char *kind)
{
	size_t n = 0;
	for (size_t i = 0; f && i < f->nelements; i++)
		if (strcmp(f->elements[i].kind, kind) == 0)
			n++;
	return n;
}

/* Children of the element with this code, of the given kind. */
static size_t count_children(const struct builtin_framework *f, const char *code,
			     const char *kind)
{
	size_t n = 0;
	for (size_t i = 0; f && i < f->nelements; i++) {
		const struct builtin_element *e = &f->elements[i];
		if (e->parent && strcmp(e->parent, code) == 0 && strcmp(e->kind, kind) == 0)
			n++;
	}
	return n;
}

/* Reads a positive decimal number; advances *p. */
static bool number(const char **p, long *out)
{
	if (!isdigit((unsigned char)**p) || **p == '0')
		return false;
	char *end;
	*out = strtol(*p, &end, 10);
	*p = end;
	return true;
}

/* BUILTIN_OWN, or "seed NNN, r. A-B, C, D-E" optionally followed by
 * "; aangevuld door leergang". Ranges run forward. */
static bool source_ok(const char *s)
{
	if (!s || !*s)
		return false;
	if (strcmp(s, BUILTIN_OWN) == 0)
		return true;
	if (strncmp(s, "seed ", 5) != 0)
		return false;
	const char *p = s + 5;
	for (int i = 0; i < 3; i++, p++)
		if (!isdigit((unsigned char)*p))
			return false;
	if (strncmp(p, ", r. ", 5) != 0)
		return false;
	p += 5;
	for (;;) {
		long a, b;
		if (!number(&p, &a))
			return false;
		if (*p == '-') {
			p++;
			if (!number(&p, &b) || b <= a)
				return false;
		}
		if (strncmp(p, ", ", 2) == 0) {
			p += 2;
			continue;
		}
		break;
	}
	return *p == '\0' || strcmp(p, "; aangevuld door leergang") == 0;
}

/* Valid UTF-8, no space at either end; NULL only where allowed. */
static bool text_ok(const char *s, bool may_be_null)
{
	if (!s)
		return may_be_null;
	size_t n = strlen(s);
	if (n == 0 || !utf8_valid(s, n))
		return false;
	return !isspace((unsigned char)s[0]) && !isspace((unsigned char)s[n - 1]);
}

/* Every code of a comma-separated list exists in the framework. */
static bool codes_ok(const struct builtin_framework *f, const char *list)
{
	char code[32];
	const char *p = list;
	if (!f || !*list)
		return false;
	for (;;) {
		size_t n = strcspn(p, ",");
		if (n == 0 || n >= sizeof code)
			return false;
		memcpy(code, p, n);
		code[n] = '\0';
		if (!element(f, code))
			return false;
		if (!p[n])
			return true;
		p += n + 1;
	}
}

static int text_failures;
static void check_text(const char *s, bool may_be_null, const char *what)
{
	if (!text_ok(s, may_be_null)) {
		text_failures++;
		fprintf(stderr, "  bad text (%s): \"%s\"\n", what, s ? s : "(null)");
	}
}

static int source_failures;
static void check_source(const char *s, const char *what)
{
	if (!source_ok(s)) {
		source_failures++;
		fprintf(stderr, "  bad source (%s): \"%s\"\n", what, s ? s : "(null)");
	}
}

/* ---- the checkers themselves ---- */

TEST(builtin_source_format)
{
	CHECK(source_ok("leergang"));
	CHECK(source_ok("seed 000, r. 2101-2140"));
	CHECK(source_ok("seed 001, r. 12, 14-20, 30-31"));
	CHECK(source_ok("seed 001, r. 1207-1305; aangevuld door leergang"));
	CHECK(!source_ok(NULL));
	CHECK(!source_ok(""));
	CHECK(!source_ok("seed 0, r. 1-2"));
	CHECK(!source_ok("seed 000 r. 1-2"));
	CHECK(!source_ok("seed 000, r. 20-10"));
	CHECK(!source_ok("seed 000, r. 012"));
	CHECK(!source_ok("seed 000, r. 1-2,"));
	CHECK(!source_ok("seed 000, r. 1-2; iets anders"));
	CHECK(!source_ok("Leergang"));
}

TEST(builtin_text_format)
{
	CHECK(text_ok("Oordeel onderzoeken", false));
	CHECK(text_ok("collega’s", false));
	CHECK(text_ok(NULL, true));
	CHECK(!text_ok(NULL, false));
	CHECK(!text_ok("", true));
	CHECK(!text_ok(" Luisteren", false));
	CHECK(!text_ok("Luisteren\n", false));
	CHECK(!text_ok("caf\xe9", false));
}

/* ---- frameworks ---- */

TEST(builtin_framework_lookup)
{
	static const char *keys[] = { "vlow", "leadership_compass", "strategic_roles",
				      "awareness", "learning_climate", "wwkdm" };
	CHECK_INT(builtin_nframeworks, 6);
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		const struct builtin_framework *f = builtin_framework(keys[i]);
		CHECK(f != NULL);
		if (f)
			CHECK_STR(f->key, keys[i]);
	}
	CHECK(builtin_framework("VLOW") == NULL);
	CHECK(builtin_framework("") == NULL);
	CHECK(builtin_framework("nope") == NULL);
	CHECK(builtin_framework(NULL) == NULL);
	for (size_t i = 0; i < builtin_nframeworks; i++)
		for (size_t j = i + 1; j < builtin_nframeworks; j++)
			CHECK(strcmp(builtin_frameworks[i].key, builtin_frameworks[j].key) != 0);
}

TEST(builtin_framework_elements)
{
	for (size_t i = 0; i < builtin_nframeworks; i++) {
		const struct builtin_framework *f = &builtin_frameworks[i];
		CHECK(f->nelements > 0);
		for (size_t j = 0; j < f->nelements; j++) {
			const struct builtin_element *e = &f->elements[j];
			CHECK(e->code && *e->code && !strchr(e->code, ',') && !strchr(e->code, ' '));
			CHECK(e->kind && *e->kind);
			/* codes unique within the framework */
			for (size_t k = j + 1; k < f->nelements; k++)
				CHECK(strcmp(e->code, f->elements[k].code) != 0);
			/* a parent exists in the same framework and comes first */
			if (e->parent) {
				bool before = false;
				for (size_t k = 0; k < j; k++)
					if (strcmp(f->elements[k].code, e->parent) == 0)
						before = true;
				if (!before)
					fprintf(stderr, "  %s: parent %s of %s missing or later\n",
						f->key, e->parent, e->code);
				CHECK(before);
				CHECK(strcmp(e->parent, e->code) != 0);
			}
		}
	}
}

TEST(builtin_framework_texts_and_sources)
{
	text_failures = source_failures = 0;
	for (size_t i = 0; i < builtin_nframeworks; i++) {
		const struct builtin_framework *f = &builtin_frameworks[i];
		check_text(f->key, false, "framework key");
		check_text(f->name, false, f->key);
		check_text(f->description, false, f->key);
		check_source(f->source, f->key);
		for (size_t j = 0; j < f->nelements; j++) {
			const struct builtin_element *e = &f->elements[j];
			check_text(e->code, false, f->key);
			check_text(e->kind, false, e->code);
			check_text(e->name, false, e->code);
			check_text(e->description, true, e->code);
			check_source(e->source, e->code);
		}
	}
	CHECK_INT(text_failures, 0);
	CHECK_INT(source_failures, 0);
}

TEST(builtin_vlow)
{
	const struct builtin_framework *f = builtin_framework("vlow");
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_INT(count_kind(f, "competence"), 4);
	CHECK_INT(count_kind(f, "anchor"), 3);
	static const char *competences[] = { "Vragen stellen", "Luisteren",
					     "Oordeel onderzoeken", "Waarderen" };
	static const char *anchors[] = { "Verschil toelaten", "Voorbeeld zijn", "Verbinding maken" };
	size_t c = 0, a = 0;
	for (size_t i = 0; i < f->nelements; i++) {
		const struct builtin_element *e = &f->elements[i];
		if (strcmp(e->kind, "competence") == 0 && c < 4) {
			CHECK_STR(e->name, competences[c++]);
			CHECK(e->parent == NULL);
		} else if (strcmp(e->kind, "anchor") == 0 && a < 3) {
			CHECK_STR(e->name, anchors[a++]);
			CHECK(e->parent == NULL);
			/* each anchor has its sub-behaviours from the model */
			CHECK(count_children(f, e->code, "behaviour") >= 3);
		} else if (strcmp(e->kind, "behaviour") == 0) {
			const struct builtin_element *p = element(f, e->parent);
			CHECK(p && strcmp(p->kind, "anchor") == 0);
		} else if (strcmp(e->kind, "question") == 0) {
			/* question cards hang on a competence or an anchor */
			const struct builtin_element *p = element(f, e->parent);
			CHECK(p && (strcmp(p->kind, "competence") == 0 || strcmp(p->kind, "anchor") == 0));
		}
	}
	CHECK_INT(count_kind(f, "behaviour"), 11);
	CHECK(count_kind(f, "question") >= 7);
}

TEST(builtin_small_frameworks)
{
	const struct builtin_framework *f;

	f = builtin_framework("leadership_compass");
	CHECK_INT(count_kind(f, "theme"), 6);
	CHECK(element(f, "T1") && strcmp(element(f, "T1")->name, "Richting geven") == 0);
	CHECK(element(f, "T6") && strcmp(element(f, "T6")->name, "Persoonlijk leiderschap") == 0);

	f = builtin_framework("strategic_roles");
	CHECK_INT(count_kind(f, "role"), 4);
	static const char *roles[] = { "Verkenner", "Verkondiger", "Verzorger", "Verbinder" };
	for (size_t i = 0; f && i < 4 && i < f->nelements; i++)
		CHECK_STR(f->elements[i].name, roles[i]);

	f = builtin_framework("awareness");
	CHECK_INT(count_kind(f, "awareness"), 4);
	/* the fourth is named twice: contextbewustzijn and omgevingsbewustzijn */
	bool context = false;
	for (size_t i = 0; f && i < f->nelements; i++) {
		const struct builtin_element *e = &f->elements[i];
		if (strcmp(e->kind, "awareness") == 0 && strcmp(e->name, "Contextbewustzijn") == 0)
			context = e->description && strstr(e->description, "omgevingsbewustzijn");
	}
	CHECK(context);

	f = builtin_framework("learning_climate");
	CHECK_INT(count_kind(f, "dimension"), 5);
	CHECK_INT(count_kind(f, "pole"), 10);
	for (size_t i = 0; f && i < f->nelements; i++)
		if (strcmp(f->elements[i].kind, "dimension") == 0)
			CHECK_INT(count_children(f, f->elements[i].code, "pole"), 2);

	f = builtin_framework("wwkdm");
	CHECK_INT(f ? f->nelements : 0, 5);
	static const char *factors[] = { "Weten", "Willen", "Kunnen", "Durven", "Mogen" };
	for (size_t i = 0; f && i < 5 && i < f->nelements; i++) {
		CHECK_STR(f->elements[i].name, factors[i]);
		CHECK_STR(f->elements[i].kind, "factor");
	}
}

/* ---- templates ---- */

TEST(builtin_template_lookup)
{
	CHECK_INT(builtin_ntemplates, 2);
	CHECK(builtin_template("live") != NULL);
	CHECK(builtin_template("amsterdam") != NULL);
	CHECK(builtin_template("dil") == NULL);
	CHECK(builtin_template(NULL) == NULL);
	for (size_t i = 0; i < builtin_ntemplates; i++)
		for (size_t j = i + 1; j < builtin_ntemplates; j++)
			CHECK(strcmp(builtin_templates[i].key, builtin_templates[j].key) != 0);
}

TEST(builtin_template_integrity)
{
	for (size_t i = 0; i < builtin_ntemplates; i++) {
		const struct builtin_template *t = &builtin_templates[i];
		const struct builtin_framework *f = builtin_framework(t->framework);
		CHECK(t->framework == NULL || f != NULL);
		CHECK(strcmp(t->shape, "meeting_series") == 0 || strcmp(t->shape, "modules") == 0);
		CHECK(t->group_min > 0 && t->group_min <= t->group_max);
		CHECK(t->cascade_meeting >= 0 && (size_t)t->cascade_meeting <= t->nmeetings);
		CHECK(t->followup_meetings >= 0);
		CHECK((t->followup_meetings == 0) == (t->followup == NULL));
		CHECK((t->meetings == NULL) == (t->nmeetings == 0));
		CHECK((t->topics == NULL) == (t->ntopics == 0));
		CHECK((t->modules == NULL) == (t->nmodules == 0));
		if (strcmp(t->shape, "modules") == 0) {
			CHECK_INT(t->nmeetings, 0);
			CHECK(t->nmodules >= 3 && t->nmodules <= 4);
		} else {
			CHECK(t->nmeetings > 0);
			CHECK_INT(t->nmodules, 0);
		}
		for (size_t m = 0; m < t->nmeetings; m++) {
			const struct builtin_meeting *mt = &t->meetings[m];
			CHECK_INT(mt->number, (int)m + 1);
			CHECK(mt->days == 1 || mt->days == 2);
			CHECK((mt->parts == NULL) == (mt->nparts == 0));
			for (size_t p = 0; p < mt->nparts; p++) {
				const struct builtin_part *pt = &mt->parts[p];
				CHECK(pt->minutes >= 0);
				/* every element tag exists in the template's framework */
				if (pt->elements) {
					bool ok = codes_ok(f, pt->elements);
					if (!ok)
						fprintf(stderr, "  %s meeting %d: unknown element in \"%s\"\n",
							t->key, mt->number, pt->elements);
					CHECK(ok);
				}
			}
		}
		for (size_t k = 0; k < t->ntopics; k++)
			CHECK(t->topics[k].noptions > 0 && t->topics[k].options);
		for (size_t k = 0; k < t->nmodules; k++)
			CHECK_INT(t->modules[k].number, (int)k + 1);
	}
	/* the checker itself rejects what it should */
	const struct builtin_framework *vlow = builtin_framework("vlow");
	CHECK(codes_ok(vlow, "C1,A2.B3"));
	CHECK(!codes_ok(vlow, "C1, A2"));
	CHECK(!codes_ok(vlow, "C1,"));
	CHECK(!codes_ok(vlow, "T1"));
	CHECK(!codes_ok(NULL, "C1"));
}

TEST(builtin_template_texts_and_sources)
{
	text_failures = source_failures = 0;
	for (size_t i = 0; i < builtin_ntemplates; i++) {
		const struct builtin_template *t = &builtin_templates[i];
		check_text(t->key, false, "template key");
		check_text(t->name, false, t->key);
		check_text(t->shape, false, t->key);
		check_text(t->framework, true, t->key);
		check_text(t->target_group, false, t->key);
		check_text(t->ambition, false, t->key);
		for (int d = 0; d < DESIGN_COUNT; d++) {
			check_text(t->rationale[d], false, t->key);
			check_text(t->goal[d], false, t->key);
		}
		check_text(t->followup, true, t->key);
		check_source(t->source, t->key);
		for (size_t m = 0; m < t->nmeetings; m++) {
			const struct builtin_meeting *mt = &t->meetings[m];
			check_text(mt->theme, false, t->key);
			check_text(mt->description, true, mt->theme);
			check_source(mt->source, mt->theme);
			for (size_t p = 0; p < mt->nparts; p++) {
				const struct builtin_part *pt = &mt->parts[p];
				check_text(pt->title, false, mt->theme);
				check_text(pt->learning_goal, true, pt->title);
				check_text(pt->material, true, pt->title);
				check_text(pt->led_by, true, pt->title);
				check_text(pt->elements, true, pt->title);
				check_source(pt->source, pt->title);
			}
		}
		for (size_t k = 0; k < t->ntopics; k++) {
			const struct builtin_topic *tp = &t->topics[k];
			check_text(tp->name, false, t->key);
			check_text(tp->description, true, tp->name);
			check_source(tp->source, tp->name);
			for (size_t o = 0; o < tp->noptions; o++) {
				check_text(tp->options[o].name, false, tp->name);
				check_text(tp->options[o].description, true, tp->options[o].name);
			}
		}
		for (size_t k = 0; k < t->nmodules; k++) {
			check_text(t->modules[k].name, false, t->key);
			check_text(t->modules[k].business_task, true, t->modules[k].name);
			check_source(t->modules[k].source, t->modules[k].name);
		}
	}
	for (size_t i = 0; i < builtin_nmodule_steps; i++) {
		const struct builtin_step *s = &builtin_module_steps[i];
		check_text(s->key, false, "step key");
		check_text(s->name, false, s->key);
		check_text(s->description, false, s->key);
		check_source(s->source, s->key);
	}
	CHECK_INT(text_failures, 0);
	CHECK_INT(source_failures, 0);
}

TEST(builtin_live)
{
	const struct builtin_template *t = builtin_template("live");
	CHECK(t != NULL);
	if (!t)
		return;
	CHECK_STR(t->shape, "meeting_series");
	CHECK_STR(t->framework, "vlow");
	CHECK_INT(t->nmeetings, 10);
	static const char *themes[] = { "Onderzoeken van oordeelsvorming", "Operationeel vakmanschap",
					"Vergroten van vertrouwen", "Succesvol leiderschap",
					"Bouwen aan sociale netwerken" };
	for (size_t i = 0; i < t->nmeetings && i < 10; i++) {
		const struct builtin_meeting *m = &t->meetings[i];
		if (i < 5) {
			CHECK(!m->from_menu);
			CHECK_STR(m->theme, themes[i]);
			CHECK(m->nparts > 0);
			CHECK_INT(m->days, i == 0 ? 2 : 1);
		} else {
			CHECK(m->from_menu);
			CHECK_STR(m->theme, "Keuze uit de menukaart");
			CHECK_INT(m->days, 1);
		}
	}
	/* the menu rules of LiVe! */
	CHECK_INT(t->menu.min_menu, 3);
	CHECK_INT(t->menu.max_free, 2);
	CHECK_INT(t->menu.preparers, 2);
	CHECK(t->menu.justification_required);
	/* the five menu meetings hold at least the minimum plus the free ones */
	CHECK_INT(t->menu.min_menu + t->menu.max_free, 5);
	CHECK_INT(t->ntopics, 10);
	/* groups of twelve; the next batch starts halfway */
	CHECK(t->group_min <= 12 && 12 <= t->group_max);
	CHECK_INT(t->cascade_meeting, 5);
	/* follow-up offer */
	CHECK_INT(t->followup_meetings, 4);
	CHECK(t->followup != NULL);
	/* the film of meeting 1 is about judgement */
	bool film = false;
	for (size_t p = 0; p < t->meetings[0].nparts; p++)
		if (t->meetings[0].parts[p].elements && strstr(t->meetings[0].parts[p].elements, "C3"))
			film = true;
	CHECK(film);
}

TEST(builtin_amsterdam)
{
	const struct builtin_template *t = builtin_template("amsterdam");
	CHECK(t != NULL);
	if (!t)
		return;
	CHECK_STR(t->shape, "modules");
	CHECK_STR(t->framework, "leadership_compass");
	CHECK_INT(t->nmeetings, 0);
	CHECK(t->meetings == NULL);
	CHECK_INT(t->ntopics, 0);
	CHECK_INT(t->nmodules, 4);
	CHECK_STR(t->modules[0].name, "Begrenzend en verbindend leiderschap");
	CHECK(t->modules[0].business_task != NULL);
	CHECK_INT(t->cascade_meeting, 0);
	CHECK_INT(t->menu.min_menu, 0);

	static const char *steps[] = { "feedback_pop", "kickoff", "inspiration", "coaching",
				       "intervision", "reflection", "kickout" };
	CHECK_INT(builtin_nmodule_steps, 7);
	for (size_t i = 0; i < builtin_nmodule_steps && i < 7; i++)
		CHECK_STR(builtin_module_steps[i].key, steps[i]);
}

/* ---- questionnaires ---- */

TEST(builtin_questionnaire_lookup)
{
	static const char *keys[] = { "live-final", "leadership-scan-360", "quickscan",
				      "learning-climate", "abd-evaluation", "member-check" };
	const struct builtin_instrument_info *b;
	size_t n = survey_builtins(&b);
	CHECK_INT(n, 6);
	for (size_t i = 0; i < n && i < 6; i++) {
		CHECK_STR(b[i].key, keys[i]);
		const struct builtin_questionnaire *q = builtin_questionnaire(keys[i]);
		CHECK(q != NULL && strcmp(q->key, keys[i]) == 0);
		check_text(b[i].name, false, b[i].key);
		check_text(b[i].source, false, b[i].key);
	}
	CHECK_INT(text_failures, 0);
	CHECK(builtin_questionnaire("QuickScan") == NULL);
	CHECK(builtin_questionnaire("") == NULL);
	CHECK(builtin_questionnaire(NULL) == NULL);
}

static bool kind_is(const struct builtin_question *q, const char *kind)
{
	return strcmp(q->kind, kind) == 0;
}

/* Every question: a code of its own (a variable name in the exports), a
 * section of its questionnaire, a kind, its text and source; the points of
 * a scale labelled at both ends (a bipolar one by its poles); reversed only
 * within a scale; every scale of two items or more on the same points,
 * so that it has a score and an alpha; every section holds a question. */
TEST(builtin_questionnaire_integrity)
{
	const struct builtin_instrument_info *b;
	size_t n = survey_builtins(&b);
	text_failures = source_failures = 0;
	for (size_t i = 0; i < n; i++) {
		const struct builtin_questionnaire *qn = builtin_questionnaire(b[i].key);
		if (!qn) {
			CHECK(!"a questionnaire without content");
			continue;
		}
		CHECK(qn->nsections > 0 && qn->nquestions > 0);
		for (size_t s = 0; s < qn->nsections; s++) {
			check_text(qn->sections[s].title, false, b[i].key);
			if (*qn->sections[s].intro)
				check_text(qn->sections[s].intro, false, b[i].key);
			bool used = false;
			for (size_t j = 0; j < qn->nquestions; j++)
				used |= qn->questions[j].section == (int)s;
			CHECK(used);
		}
		for (size_t j = 0; j < qn->nquestions; j++) {
			const struct builtin_question *q = &qn->questions[j];
			const char *c = q->code;
			CHECK(c && isalpha((unsigned char)c[0]) && strspn(c, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(c));
			for (size_t k = 0; k < j; k++)
				CHECK(strcmp(qn->questions[k].code, c) != 0);
			CHECK(q->section >= 0 && (size_t)q->section < qn->nsections);
			check_text(q->text, false, c);
			check_source(q->source, c);
			CHECK(kind_is(q, "likert") || kind_is(q, "bipolar") || kind_is(q, "single") || kind_is(q, "multiple") ||
			      kind_is(q, "open"));
			CHECK(kind_is(q, "open") == (q->points == NULL));
			CHECK(kind_is(q, "bipolar") == (q->left != NULL) && kind_is(q, "bipolar") == (q->right != NULL));
			if (q->points) {
				int np = q->points->n;
				CHECK(np >= 2 && np <= BUILTIN_POINTS_MAX);
				for (int k = 0; k < np && k < BUILTIN_POINTS_MAX; k++)
					check_text(q->points->labels[k] && *q->points->labels[k] ? q->points->labels[k] : NULL, true, c);
				if (kind_is(q, "likert") || kind_is(q, "single") || kind_is(q, "multiple"))
					CHECK(q->points->labels[0] && *q->points->labels[0] && np <= BUILTIN_POINTS_MAX &&
					      q->points->labels[np - 1] && *q->points->labels[np - 1]);
			}
			if (q->left) {
				check_text(q->left, false, c);
				check_text(q->right, false, c);
			}
			CHECK(!q->reversed || (kind_is(q, "likert") && *q->scale));
			CHECK(kind_is(q, "likert") || !*q->scale);
			if (*q->scale) {
				size_t same = 0;
				for (size_t k = 0; k < qn->nquestions; k++)
					if (strcmp(qn->questions[k].scale, q->scale) == 0) {
						same++;
						/* one range, so a reversed item turns within it */
						CHECK(qn->questions[k].points == q->points);
					}
				CHECK(same >= 2);
			}
		}
	}
	CHECK_INT(text_failures, 0);
	CHECK_INT(source_failures, 0);
}

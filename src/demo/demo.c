/* demo.c — the demo organisations. All names are fictional and made by
 * combining common Dutch first names and surnames; the structure of the
 * municipality (departments O, C, S, B; teams T1–T14; a municipal secretary
 * on top) follows seed 002, its size (about 200 staff) is leergang's own
 * choice. The police unit (districts with basic teams) is leergang's own. */
#include "demo.h"
#include "domain/organisation.h"
#include "core/die.h"
#include "domain/account.h"
#include "domain/anonymous_mix.h"
#include "domain/schedule.h"
#include "domain/person.h"
#include "domain/role.h"
#include "domain/unit.h"
#include "store/store.h"
#include "core/compiler.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

const struct demo_login demo_logins[] = {
	{ "beheerder@politie.example", "administrator", "politie-demo" },
	{ "opdrachtgever@politie.example", "owner", "politie-demo" },
	{ "coach@politie.example", "coach", "politie-demo" },
	{ "begeleider@politie.example", "facilitator", "politie-demo" },
	{ "mentor@politie.example", "mentor", "politie-demo" },
	{ "deelnemer@politie.example", "participant", "politie-demo" },
	{ "leidinggevende@politie.example", "manager", "politie-demo" },
	{ "beoordelaar@politie.example", "rater", "politie-demo" },
	{ "onderzoeker@politie.example", "researcher", "politie-demo" },
	{ "beheerder@gemeente.example", "administrator", "gemeente-demo" },
	{ "opdrachtgever@gemeente.example", "owner", "gemeente-demo" },
	{ "coach@gemeente.example", "coach", "gemeente-demo" },
	{ "begeleider@gemeente.example", "facilitator", "gemeente-demo" },
	{ "mentor@gemeente.example", "mentor", "gemeente-demo" },
	{ "deelnemer@gemeente.example", "participant", "gemeente-demo" },
	{ "leidinggevende@gemeente.example", "manager", "gemeente-demo" },
	{ "beoordelaar@gemeente.example", "rater", "gemeente-demo" },
	{ "onderzoeker@gemeente.example", "researcher", "gemeente-demo" },
	/* second accounts where it matters who is whose: the facilitator,
	 * mentor and a participant of Groep 2, and a second participant of
	 * Groep 1 (tests/http/authz.test.mjs probes each other's texts) */
	{ "begeleider2@gemeente.example", "facilitator", "gemeente-demo" },
	{ "mentor2@gemeente.example", "mentor", "gemeente-demo" },
	{ "deelnemer2@gemeente.example", "participant", "gemeente-demo" },
	{ "deelnemer3@gemeente.example", "participant", "gemeente-demo" },
	/* the municipality of the learning circles: the HR adviser who
	 * coordinates them, the secretary, a researcher, Anja */
	{ "beheerder@leercirkels.example", "administrator", "leercirkels-demo" },
	{ "opdrachtgever@leercirkels.example", "owner", "leercirkels-demo" },
	{ "coach@leercirkels.example", "coach", "leercirkels-demo" },
	{ "onderzoeker@leercirkels.example", "researcher", "leercirkels-demo" },
	{ "deelnemer@leercirkels.example", "participant", "leercirkels-demo" },
	{ 0, 0, 0 },
};

static const char *const first[] = {
	"Anouk", "Bram", "Charlotte", "Daan", "Esther", "Floor", "Gijs", "Hanna", "Iris", "Joost",
	"Karin", "Lars", "Maaike", "Niels", "Olga", "Pieter", "Renske", "Sander", "Tessa", "Ugo",
	"Vera", "Wouter", "Yara", "Zeynep", "Mohamed", "Fatima", "Kevin", "Sanne", "Ruud", "Ilse",
	"Marco", "Nadia", "Thijs", "Lotte", "Erik", "Priya", "Hamza", "Wilma", "Jeroen", "Eva",
};
static const char *const last[] = {
	"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
	"Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
	"Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs",
	"Yilmaz", "El Amrani", "Kramer", "van Dijk", "Verhoeven", "Koster", "Prins", "Huisman",
};

/* Hostile names, for the tests (`init --demo --hostile-names`): markup,
 * quotes, non-Latin script, URL characters, a spreadsheet formula, a very
 * long name. */
static const char *const hostile[] = {
	"Jan <script>alert(1)</script>",
	"O'Brien & \"Zonen\"",
	"Anaïs Ærø 李",
	"foo+bar/baz?x=1",
	"=HYPERLINK(\"http://example.com\",\"klik\")",
	"Maximiliaan Alexander Frederik Willem Bernhard Johan Christiaan Pieter Hendrik "
	"van Lynden tot Oldenaller-Schimmelpenninck van der Oye en Stoutenburg-Hoogeveen",
};
/* In their places in the demo people use: ordinary names, still with an
 * apostrophe, a diacritic and a long surname as real people have them. */
static const char *const ordinary[] = {
	"Jan de Jong",
	"Sean O'Brien",
	"Anaïs Dubois",
	"Fleur van Rijn",
	"Noor Haddou",
	"Willem van Lynden tot Oldenaller",
};
_Static_assert(sizeof ordinary == sizeof hostile, "a name for every place");

struct demo {
	struct ctx c;
	struct actor w;
	struct arena a;
	unsigned seq;      /* for names and employee numbers */
	const char *const *special;  /* hostile[] or ordinary[] */
	struct buf *err;
	const char *password_hash;  /* of DEMO_PASSWORD, made once for every account */
	long long pool[512];  /* team members of the current organisation, for the groups */
	size_t npool;
};

void demo_check(int r, const struct errors *e, const char *what)
{
	if (r)
		die("demo: %s: %s", what, e && e->n ? e->items[0].message : "failed");
}

/* The pool in a fixed mixed order (so that groups mix teams), with first
 * (a person who must be in the first group) in front. */

static void mix_pool(struct demo *d, long long front)
{
	unsigned x = 12345;
	for (size_t i = d->npool; i > 1; i--) {
		x = x * 1103515245u + 12345u;
		size_t j = (x >> 8) % i;
		long long t = d->pool[i - 1];
		d->pool[i - 1] = d->pool[j];
		d->pool[j] = t;
	}
	for (size_t i = 0; i < d->npool; i++)
		if (d->pool[i] == front) {
			d->pool[i] = d->pool[0];
			d->pool[0] = front;
		}
}

static const char *next_name(struct demo *d)
{
	unsigned i = d->seq++;
	/* step through the surnames with a stride coprime to their count */
	return arena_printf(&d->a, "%s %s", first[(i * 7) % ARRAY_SIZE(first)],
			    last[(i * 11 + i / 40) % ARRAY_SIZE(last)]);
}

static long long add_person(struct demo *d, const char *prefix, const char *name, long long unit,
			    long long manager, const char *level)
{
	struct person p = { 0 };
	struct errors e = { 0 };
	long long id;
	p.employee_id = arena_printf(&d->a, "%s%05u", prefix, 10000 + d->seq * 13);
	p.name = (char *)name;
	/* e-mail from the employee number: names may hold anything */
	p.email = arena_printf(&d->a, "%s@%s.example", p.employee_id,
			       !strcmp(prefix, "P") ? "politie" : !strcmp(prefix, "L") ? "leercirkels" : "gemeente");
	p.unit_id = unit;
	p.manager_id = manager;
	p.job_level = (char *)level;
	p.active = 1;
	d->seq++;
	if (person_create(&d->c, &p, &e, &id))
		die("demo: cannot add %s: %s", name, e.n ? e.items[0].message : store_errmsg(d->c.st));
	return id;
}

static long long add_unit(struct demo *d, long long parent, const char *name)
{
	struct errors e = { 0 };
	long long id;
	if (unit_create(&d->c, parent, name, &e, &id))
		die("demo: cannot add unit %s: %s", name, e.n ? e.items[0].message : store_errmsg(d->c.st));
	return id;
}

static void set_manager(struct demo *d, long long unit, long long person)
{
	struct errors e = { 0 };
	if (unit_set_manager(&d->c, unit, person, &e))
		die("demo: cannot set a manager");
}

/* A team: a team leader reporting to boss, then n members. Returns the
 * team leader. */
static long long add_team(struct demo *d, const char *prefix, long long unit, long long boss, int n,
			  const char *lead_level, const char *level)
{
	long long lead = add_person(d, prefix, next_name(d), unit, boss, lead_level);
	set_manager(d, unit, lead);
	for (int i = 0; i < n; i++) {
		long long id = add_person(d, prefix, next_name(d), unit, lead, level);
		if (d->npool < ARRAY_SIZE(d->pool))
			d->pool[d->npool++] = id;
	}
	return lead;
}

static long long add_org(struct demo *d, const char *slug, const char *name)
{
	long long id;
	int r = organisation_create(d->c.st, &d->a, slug, name, &id);
	if (r == D_CONFLICT)
		return -1;
	if (r)
		die("demo: %s", store_errmsg(d->c.st));
	d->w.organisation_id = id;
	return id;
}

static void add_accounts(struct demo *d, const char *slug, const long long *people)
{
	int k = 0;
	for (const struct demo_login *l = demo_logins; l->email; l++) {
		if (strcmp(l->org, slug))
			continue;
		struct errors e = { 0 };
		struct person p;
		long long person = people[k++];
		/* accounts without a person are named after their role */
		const char *name = arena_printf(&d->a, "%c%s (demo)", l->email[0] - 32,
						arena_strndup(&d->a, l->email + 1, strcspn(l->email + 1, "@")));
		if (person && store_person_get(d->c.st, &d->a, d->w.organisation_id, person, &p) == ST_OK)
			name = p.name;
		if (account_create_hashed(&d->c, l->email, name, person, d->password_hash, role_parse(l->role), &e, NULL))
			die("demo: cannot add account %s: %s", l->email, e.n ? e.items[0].message : "database");
	}
}

/* Who answers the scans of District Noord: the people of its teams (the
 * district's own staff not), but for `away` of the team away_team. */
struct scan_noord {
	long long district, away_team;
	int away, seen;
};

static bool noord_answers(const struct person *p, size_t i, const void *arg)
{
	(void)i;
	struct scan_noord *x = (struct scan_noord *)arg;
	if (p->unit_id == x->district)
		return false;
	return p->unit_id != x->away_team || x->seen++ >= x->away;
}

/* Politie-eenheid (fictional): a unit leadership, three districts with
 * basic teams, and an operational support service; about 150 people. */
static void police(struct demo *d)
{
	long long top = add_unit(d, 0, "Eenheidsleiding");
	long long chief = add_person(d, "P", next_name(d), top, 0, "Eenheidschef");
	set_manager(d, top, chief);
	static const char *const districts[][4] = {
		{ "District Noord", "Basisteam Havens", "Basisteam Polder", "Basisteam Kust" },
		{ "District Midden", "Basisteam Centrum", "Basisteam Oost", NULL },
		{ "District Zuid", "Basisteam Rivierenland", "Basisteam Heuvelrug", "Basisteam Grens" },
	};
	long long hostile_person = 0, participant = 0, team_lead = 0, mentor = 0, mentors[4], leads[8];
	size_t nleads = 0;
	d->npool = 0;
	for (size_t i = 0; i < 3; i++) {
		long long dist = add_unit(d, 0, districts[i][0]);
		long long head = add_person(d, "P", next_name(d), dist, chief, "Districtschef");
		set_manager(d, dist, head);
		mentors[i] = head;
		if (!mentor)
			mentor = head;
		for (int t = 1; t < 4 && districts[i][t]; t++) {
			long long team = add_unit(d, dist, districts[i][t]);
			long long lead = add_team(d, "P", team, head, 15, "Teamchef", "Operationeel expert");
			if (!team_lead)
				team_lead = lead;
			if (nleads < ARRAY_SIZE(leads))
				leads[nleads++] = lead;
		}
	}
	long long dros = add_unit(d, 0, "Dienst Operationele Ondersteuning");
	long long head = add_person(d, "P", next_name(d), dros, chief, "Diensthoofd");
	set_manager(d, dros, head);
	mentors[3] = head;
	long long intel = add_unit(d, dros, d->special == hostile ? "Team Informatie & \"Analyse\"" : "Team Informatie & Analyse");
	long long lead = add_team(d, "P", intel, head, 12, "Teamchef", "Informatieanalist");
	for (size_t i = 0; i < ARRAY_SIZE(hostile); i++) {
		long long id = add_person(d, "P", d->special[i], intel, lead, "Informatieanalist");
		if (!hostile_person)
			hostile_person = id;
		d->pool[d->npool++] = id;
	}
	participant = hostile_person;
	/* external facilitators (leergroepbegeleiders), registered without a unit */
	long long facilitators[4];
	for (int i = 0; i < 4; i++)
		facilitators[i] = add_person(d, "X", next_name(d), 0, 0, "Extern leergroepbegeleider");
	long long people[] = { 0, chief, 0, facilitators[0], mentor, participant, team_lead, 0, 0 };
	add_accounts(d, "politie-demo", people);
	mix_pool(d, participant);
	demo_live(&d->c, d->pool, d->npool, mentors, facilitators);
	/* five team chiefs in intervision: the one of Basisteam Polder led it,
	 * the demo manager (Basisteam Havens) brought the case */
	const long long chiefs[5] = { leads[1], leads[0], leads[2], leads[3], leads[4] };
	demo_intervision(&d->c, "Intervisie teamchefs", chiefs, 5);
	/* a 360° round about the first district chief: the unit chief, four of
	 * the pool (standing in for staff), the other district chiefs as peers */
	demo_360(&d->c, mentors[0], chief, d->pool + 60, 4, mentors + 1, 2, facilitators[1]);
	/* the leadership scan of District Noord twice, nine months apart: the
	 * three teams answer the first; six of Basisteam Polder, moved on by
	 * then, not the second */
	struct scan_noord before = { 0, 0, 0, 0 }, after;
	if (store_unit_find(d->c.st, d->w.organisation_id, 0, "District Noord", &before.district) ||
	    store_unit_find(d->c.st, d->w.organisation_id, before.district, "Basisteam Polder", &before.away_team))
		die("demo: the units of District Noord are missing");
	after = before;
	after.away = 6;
	demo_scan(&d->c, before.district, "Leiderschapsscan District Noord (voormeting)", 300, 2026, 0, noord_answers,
		  &before);
	demo_scan(&d->c, before.district, "Leiderschapsscan District Noord (nameting)", 20, 2027, 0.3, noord_answers,
		  &after);
	if (store_org_set_benchmark(d->c.st, d->w.organisation_id, true))
		die("demo: %s", store_errmsg(d->c.st));
}

/* The partner organisations of the benchmark (seed 003: the leadership
 * scan compared with other organisations): each a department with two
 * teams of eleven and a closed scan; no accounts. Fictional. */
static void partners(struct demo *d)
{
	static const char *const orgs[][2] = {
		{ "partner-1", "Gemeente Duinwijk (benchmarkpartner, demo)" },
		{ "partner-2", "Waterschap Lage Landen (benchmarkpartner, demo)" },
		{ "partner-3", "Provincie Westmark (benchmarkpartner, demo)" },
		{ "partner-4", "Dienst Justitiële Zaken (benchmarkpartner, demo)" },
		{ "partner-5", "Gemeente Heuvelrijk (benchmarkpartner, demo)" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(orgs); i++) {
		if (add_org(d, orgs[i][0], orgs[i][1]) < 0)
			die("demo: partner organisation %s exists", orgs[i][0]);
		long long dept = add_unit(d, 0, "Bedrijfsvoering");
		long long head = add_person(d, "B", next_name(d), dept, 0, "Afdelingshoofd");
		set_manager(d, dept, head);
		add_team(d, "B", add_unit(d, dept, "Team Advies"), head, 10, "Teamleider", "Adviseur");
		add_team(d, "B", add_unit(d, dept, "Team Uitvoering"), head, 10, "Teamleider", "Medewerker");
		static const int every = 4;
		demo_scan(&d->c, dept, "Leiderschapsscan 2026", 40 + 5 * (int)i, 300 + i, 0.1 * (double)i - 0.2,
			  demo_answers_but_every, &every);
		if (store_org_set_benchmark(d->c.st, d->w.organisation_id, true))
			die("demo: %s", store_errmsg(d->c.st));
	}
}

/* Gemeente (fictional, shaped like seed 002): a municipal secretary, four
 * departments O (T1–T3), C (T4–T7), S (T8–T11) and B (T12–T14). */
static void municipality(struct demo *d)
{
	long long top = add_unit(d, 0, "Gemeentesecretaris");
	long long secretary = add_person(d, "G", next_name(d), top, 0, "Gemeentesecretaris");
	set_manager(d, top, secretary);
	static const struct { const char *dept; int first, last, size; } depts[] = {
		{ "Afdeling O", 1, 3, 13 }, { "Afdeling C", 4, 7, 13 },
		{ "Afdeling S", 8, 11, 14 }, { "Afdeling B", 12, 14, 13 },
	};
	long long participant = 0, team_lead = 0, heads[4], participant2 = 0, fellow = 0;
	d->npool = 0;
	for (size_t i = 0; i < 4; i++) {
		long long dept = add_unit(d, 0, depts[i].dept);
		long long head = add_person(d, "G", next_name(d), dept, secretary, "Afdelingshoofd");
		set_manager(d, dept, head);
		heads[i] = head;
		for (int t = depts[i].first; t <= depts[i].last; t++) {
			long long team = add_unit(d, dept, arena_printf(&d->a, "T%d", t));
			size_t at = d->npool;
			long long lead = add_team(d, "G", team, head, depts[i].size - 1, "Teamleider", "Medewerker");
			if (t == 8)
				participant2 = d->pool[at];
			if (t == 11) {
				fellow = d->pool[at];
				/* the same name in the municipality too */
				participant = add_person(d, "G", d->special[0], team, lead, "Medewerker");
				d->pool[d->npool++] = participant;
				team_lead = lead;
			}
		}
	}
	long long facilitator = add_person(d, "X", next_name(d), 0, 0, "Extern leercoach");
	long long facilitator2 = add_person(d, "X", next_name(d), 0, 0, "Extern leercoach");
	long long people[] = { 0, secretary, 0, facilitator, heads[0], participant, team_lead, 0, 0,
			       facilitator2, heads[2], participant2, fellow };
	add_accounts(d, "gemeente-demo", people);
	mix_pool(d, participant);
	/* Groep 1 is the first twelve of the pool: the second participant of
	 * Groep 1 among them, the one of Groep 2 not */
	for (size_t i = 0; i < d->npool; i++) {
		if (d->pool[i] == fellow) {
			d->pool[i] = d->pool[1];
			d->pool[1] = fellow;
		}
		if (d->pool[i] == participant2 && i < 12) {
			d->pool[i] = d->pool[d->npool - 1];
			d->pool[d->npool - 1] = participant2;
		}
	}
	demo_modules(&d->c, d->pool, d->npool, heads[0], facilitator);
	struct municipality_cast cast = { secretary, facilitator, heads[0], participant, fellow, facilitator2, heads[2],
					  participant2, heads[1] };
	demo_municipality(&d->c, &cast, d->pool, d->npool);
}

/* The municipality of seed 002's study: departments O, C, S and B with
 * teams T1–T14 under the municipal secretary, a team leader and nine
 * members per team (the size is leergang's own), the four focal
 * participants under the seed's pseudonyms (their surnames are leergang's
 * own), an HR adviser who coordinates the circles, two outside
 * facilitators and a researcher. The circles: leercirkels.c. */
static void leercirkels(struct demo *d)
{
	static const struct { const char *dept; int first, last; } depts[] = {
		{ "Afdeling O", 1, 3 }, { "Afdeling C", 4, 7 }, { "Afdeling S", 8, 11 }, { "Afdeling B", 12, 14 },
	};
	struct leercirkels_cast m = { 0 };
	long long anja_team = 0;
	long long top = add_unit(d, 0, "Gemeentesecretaris");
	m.secretary = add_person(d, "L", next_name(d), top, 0, "Gemeentesecretaris");
	set_manager(d, top, m.secretary);
	long long adviser = add_person(d, "L", next_name(d), top, m.secretary, "HR-adviseur");
	for (size_t i = 0; i < 4; i++) {
		long long dept = add_unit(d, 0, depts[i].dept);
		m.heads[i] = add_person(d, "L", next_name(d), dept, m.secretary, "Afdelingshoofd");
		set_manager(d, dept, m.heads[i]);
		for (int t = depts[i].first; t <= depts[i].last; t++) {
			long long team = add_unit(d, dept, arena_printf(&d->a, "T%d", t));
			const char *lead = t == 9 ? "Moniek Verhagen" : t == 14 ? "Paul Bosman" : next_name(d);
			long long l = add_person(d, "L", lead, team, m.heads[i], "Teamleider");
			set_manager(d, team, l);
			m.team[t - 1].lead = l;
			if (t == 11)
				anja_team = team;
			for (int k = 0; k < LC_TEAM_STAFF; k++) {
				const char *name = t == 1 && k == 0 ? "Chris Hoekstra" : t == 11 && k == 0 ? "Anja Willems"
											       : next_name(d);
				m.team[t - 1].staff[k] = add_person(d, "L", name, team, l, "Medewerker");
			}
		}
	}
	for (int f = 0; f < 2; f++)
		m.facilitators[f] = add_person(d, "X", next_name(d), 0, 0, "Extern begeleider leercirkels");
	long long researcher = add_person(d, "X", next_name(d), 0, 0, "Onderzoeker");
	long long people[] = { 0, m.secretary, adviser, researcher, m.team[10].staff[0] };
	add_accounts(d, "leercirkels-demo", people);
	demo_leercirkels(&d->c, &m);
	demo_research(&d->c, "onderzoeker@leercirkels.example", anja_team);
}

int demo_load(struct store *st, const char *hash, enum demo_names names, struct buf *err)
{
	struct demo d = { 0 };
	d.special = names == DEMO_NAMES_HOSTILE ? hostile : ordinary;
	d.c.st = st;
	d.c.a = &d.a;
	d.c.who = &d.w;
	d.w.email = "demo";
	d.w.roles = ROLES_ALL;
	d.err = err;
	/* one argon2id hash (64 MiB) for all the accounts: each test server
	 * starts from a fresh demo */
	char *made = NULL;
	if (!hash && password_hash(&d.a, DEMO_PASSWORD, &made) != PW_OK)
		made = NULL;
	d.password_hash = hash ? hash : made;
	if (!d.password_hash) {
		buf_adds(err, "the demo password could not be hashed (out of memory, or the password gate is full)");
		arena_free(&d.a);
		return ST_ERROR;
	}
	if (store_begin(st)) {
		buf_addf(err, "%s", store_errmsg(st));
		arena_free(&d.a);
		return ST_ERROR;
	}
	if (add_org(&d, "politie-demo", "Politie-eenheid Westerschelde (demo)") < 0) {
		store_rollback(st);
		buf_adds(err, "the demo organisations exist already");
		arena_free(&d.a);
		return ST_CONFLICT;
	}
	police(&d);
	if (add_org(&d, "gemeente-demo", "Gemeente Ettenwaard (demo)") < 0) {
		store_rollback(st);
		buf_adds(err, "the demo organisations exist already");
		arena_free(&d.a);
		return ST_CONFLICT;
	}
	municipality(&d);
	partners(&d);
	if (add_org(&d, "leercirkels-demo", "Gemeente Leurdonk (demo leercirkels)") < 0) {
		store_rollback(st);
		buf_adds(err, "the demo organisations exist already");
		arena_free(&d.a);
		return ST_CONFLICT;
	}
	leercirkels(&d);
	/* the closed waves' anonymous hand-ins into their results now, not at
	 * the first look (on PostgreSQL they wait to be mixed in:
	 * domain/anonymous_mix.h) */
	char today[11];
	date_today((long long)time(NULL), today);
	if (anonymous_mix_closed(st, &d.a, today, NULL)) {
		store_rollback(st);
		buf_addf(err, "the demo's anonymous hand-ins could not be mixed in: %s", store_errmsg(st));
		arena_free(&d.a);
		return ST_ERROR;
	}
	int r = store_commit(st);
	if (r)
		buf_addf(err, "%s", store_errmsg(st));
	arena_free(&d.a);
	return r;
}

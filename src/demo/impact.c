/* impact.c (demo) — the impact map of LiVe! Westerschelde 2025. The texts
 * are the demo's own, built on LiVe!'s aims in seed 000 (an open attitude,
 * looking critically at one's own behaviour, allowing other views,
 * examining one's judgements), linked to the items b-e of the programme's
 * final evaluation, to attendance and to the published reports. */
#include "demo.h"
#include "core/die.h"
#include "domain/ctx.h"
#include "domain/impact.h"

#include <stdio.h>
#include <string.h>

/* The ref of the final evaluation's question `code` among the choices. */
static const char *item_ref(const struct impact_choice *ch, size_t n, const char *code)
{
	char mark[16];
	snprintf(mark, sizeof(mark), " %s: ", code);  /* "..., vraag b: In hoeverre ..." */
	for (size_t i = 0; i < n; i++)
		if (strstr(ch[i].ref, ":item:") && strstr(ch[i].label, mark))
			return ch[i].ref;
	die("demo: the final evaluation has no question %s", code);
}

static const char *first_ref(const struct impact_choice *ch, size_t n, const char *prefix)
{
	for (size_t i = 0; i < n; i++)
		if (!strncmp(ch[i].ref, prefix, strlen(prefix)))
			return ch[i].ref;
	die("demo: no evidence %s", prefix);
}

void demo_impact(struct ctx *c, long long programme)
{
	struct impact_choice *ch;
	size_t n;
	if (impact_choices(c, programme, &ch, &n))
		die("demo: the impact map's evidence");
	const struct impact_input in[] = {
		{ "activity", "Tien bijeenkomsten in een vaste leergroep met mentor en leergroepbegeleider", first_ref(ch, n, "attendance:batch:") },
		{ "activity", "Verslagen van elke bijeenkomst, gebundeld tot het leerverhaal van de groep", "reports:programme" },
		{ "behaviour", "Leidinggevenden nemen een open houding aan in gesprekken met collega's en burgers", item_ref(ch, n, "b") },
		{ "behaviour", "Leidinggevenden kijken kritisch naar hun eigen gedrag", item_ref(ch, n, "c") },
		{ "indicator", "Andere denkbeelden krijgen ruimte in het teamoverleg", item_ref(ch, n, "d") },
		{ "indicator", "Leidinggevenden onderzoeken hun oordelen voordat zij besluiten", item_ref(ch, n, "e") },
		{ "operational", "Meer diversiteit in de teams die deze leidinggevenden aansturen", "" },
		{ "strategic", "Een politie die verbonden is met de samenleving die zij dient", "" },
	};
	struct errors e = { 0 };
	if (impact_map_replace(c, programme, in, sizeof(in) / sizeof(in[0]), &e))
		die("demo: impact map: %s", e.n ? e.items[0].message : "database");
}

/* test_network.c — the recruitment network's pure parts: pseudonyms (the
 * expected value from Python's hmac: hmac.new(bytes(range(32)), b"2:157",
 * hashlib.sha256).hexdigest()[:10]), outside names matched without case or
 * extra spaces, the graph built from rows, and igraph's measures on a
 * graph small enough to count by hand. */
#include "test.h"
#include "domain/pseudonym.h"
#include "domain/referral_network.h"

#include <string.h>

TEST(pseudonym_is_hmac_of_org_and_person)
{
	unsigned char key[PSEUDONYM_KEY_LEN];
	for (int i = 0; i < PSEUDONYM_KEY_LEN; i++)
		key[i] = (unsigned char)i;
	char p[PSEUDONYM_LEN + 1], q[PSEUDONYM_LEN + 1];
	pseudonym_make(key, 2, 157, p);
	CHECK_STR(p, "P-16fb4f8362");
	pseudonym_make(key, 2, 157, q);
	CHECK_STR(q, p);
	pseudonym_make(key, 3, 157, q);
	CHECK(strcmp(q, p) != 0);   /* another organisation, another pseudonym */
	key[0] ^= 1;
	pseudonym_make(key, 2, 157, q);
	CHECK(strcmp(q, p) != 0);   /* another installation, another pseudonym */
}

TEST(network_name_key_ignores_case_and_spaces)
{
	struct arena a = ARENA_INIT;
	CHECK_STR(network_name_key(&a, "  Wethouder \t  Jansen "), "wethouder jansen");
	CHECK_STR(network_name_key(&a, "WETHOUDER JANSEN"), "wethouder jansen");
	CHECK_STR(network_name_key(&a, "   "), "");
	arena_free(&a);
}

/* 1 -> 2 -> 3, "Wethouder" -> 4 and "wethouder " -> 5 (one node),
 * presentation 9 (given by 3) -> 4, 6 on their own: no node. */
TEST(network_build_and_measure)
{
	struct arena a = ARENA_INIT;
	struct net_person_row people[] = {
		{ .id = 1, .name = "A", .department = "O", .team = "T1", .circles = "", .periods = "" },
		{ .id = 2, .name = "B", .department = "O", .team = "T1", .circles = "LC1", .periods = "vj 2015" },
		{ .id = 3, .name = "C", .department = "S", .team = "T8", .circles = "", .periods = "", .team_leader = true },
		{ .id = 4, .name = "D", .department = "S", .team = "T8", .circles = "", .periods = "" },
		{ .id = 5, .name = "E", .department = "B", .team = "", .circles = "", .periods = "" },
	};
	struct net_referral_row refs[] = {
		{ 2, "person", 1, "", "colleague", 0, "2015-01-01" },
		{ 3, "person", 2, "", "colleague", 0, "2015-02-01" },
		{ 3, "person", 2, "", "colleague", 0, "2015-01-15" },
		{ 4, "person", 0, "Wethouder", "outside", 0, "2016-01-01" },
		{ 4, "presentation", 0, "", "", 9, "2016-02-01" },
		{ 5, "person", 0, "wethouder ", "outside", 0, "2016-03-01" },
		{ 6, "own", 0, "", "", 0, "2016-04-01" },
	};
	struct net_presentation_row pres[] = { { 9, "pecha_kucha", "Pecha kucha", "2015-12-01" } };
	struct net_presenter_row presenters[] = { { 9, 3 } };
	struct net_rows r = { people, 5, refs, 7, pres, 1, presenters, 1 };
	struct network g = { 0 };
	network_build(&a, &r, &g);
	CHECK_INT(g.n, 7);   /* five people, one outside, one presentation */
	CHECK_STR(g.nodes[5].id, "o1");
	CHECK_STR(g.nodes[5].label, "Wethouder");
	CHECK_STR(g.nodes[6].id, "x9");
	CHECK_INT(g.m, 6);   /* 1->2, 2->3 (once), o1->4, o1->5, x9->4, 3->x9 */
	for (size_t i = 0; i < g.m; i++)
		if (g.edges[i].from == 1 && g.edges[i].to == 2)
			CHECK_STR(g.edges[i].date, "2015-01-15");   /* the earliest of the pair */
	CHECK(network_measure(&g, true));
	CHECK_INT(g.components, 1);
	CHECK_INT(g.nodes[0].reach, 3);          /* B, C and D (through the presentation) */
	CHECK_INT(g.nodes[0].out_degree, 1);
	CHECK_INT(g.nodes[3].in_degree, 2);
	/* betweenness of C: the paths A->D, B->D, A->x9, B->x9 */
	CHECK(g.nodes[2].betweenness > 3.999 && g.nodes[2].betweenness < 4.001);
	CHECK_INT(g.nstarters, 2);
	CHECK_STR(g.nodes[g.starters[0]].id, "p1");
	/* the layout is the same twice */
	double x = g.nodes[3].x, y = g.nodes[3].y;
	CHECK(network_measure(&g, true));
	CHECK(g.nodes[3].x == x && g.nodes[3].y == y);
	network_departments(&a, &r, &g);
	CHECK_INT(g.joined, 5);   /* 2, 3, 4, 5 and 6 (own initiative; no unit known here) */
	CHECK_INT(g.ndepts, 4);   /* "", B, O, S */
	CHECK_STR(g.depts[0].name, "");
	CHECK_INT(g.depts[0].own, 1);
	arena_free(&a);
}

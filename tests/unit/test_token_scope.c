/* test_token_scope.c — what an API token of each scope may call, whatever
 * its account's roles allow (web_token_scope_allows): all everything, read
 * GET and HEAD only, people-sync the people sync alone, research-export
 * the files of research projects, waves and studies but not the wave's
 * personal answer links. And every scope's name reads back. */
#include "test.h"
#include "domain/api_token.h"
#include "web/web.h"

TEST(token_scope_allows_only_its_routes)
{
	struct {
		const char *method, *pattern;
		bool all, read, sync, exp;
	} c[] = {
		{ "GET", "/api/v1/me", 1, 1, 0, 0 },
		{ "HEAD", "/api/v1/units", 1, 1, 0, 0 },
		{ "POST", "/api/v1/programmes", 1, 0, 0, 0 },
		{ "PATCH", "/api/v1/programmes/{id}", 1, 0, 0, 0 },
		{ "GET", "/api/v1/people", 1, 1, 1, 0 },
		{ "PUT", "/api/v1/people", 1, 0, 1, 0 },
		{ "POST", "/api/v1/people/import", 1, 0, 1, 0 },
		{ "GET", "/api/v1/people/{id}", 1, 1, 0, 0 },
		{ "POST", "/api/v1/people", 1, 0, 0, 0 },
		{ "GET", "/api/v1/research/{id}/export.qdpx", 1, 1, 0, 1 },
		{ "GET", "/api/v1/research/{id}/codebook.qdc", 1, 1, 0, 1 },
		{ "POST", "/api/v1/research/{id}/export.qdpx", 1, 0, 0, 0 },
		{ "GET", "/api/v1/waves/{id}/export.csv", 1, 1, 0, 1 },
		{ "GET", "/api/v1/waves/{id}/links.csv", 1, 1, 0, 0 },
		{ "GET", "/api/v1/studies/{id}/data.csv", 1, 1, 0, 1 },
		{ "GET", "/api/v1/research/{id}", 1, 1, 0, 0 },
		{ "GET", "/api/v1/waves", 1, 1, 0, 0 },
		{ "GET", "/api/v1/programmes/{id}/accounting.pdf", 1, 1, 0, 0 },
		{ "GET", "/research/{id}/export.qdpx", 1, 1, 0, 0 },
		{ "DELETE", "/api/v1/waves/{id}/export.csv", 1, 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		bool want[TOKEN_SCOPES] = { c[i].all, c[i].read, c[i].sync, c[i].exp };
		for (int s = 0; s < TOKEN_SCOPES; s++)
			if (web_token_scope_allows(s, c[i].method, c[i].pattern) == want[s])
				test_pass();
			else
				test_fail(__FILE__, __LINE__, "%s %s with scope %s: %s", c[i].method, c[i].pattern,
					  api_token_scope_name(s), want[s] ? "refused" : "allowed");
	}
	CHECK(!web_token_scope_allows(-1, "GET", "/api/v1/me"));
	CHECK(!web_token_scope_allows(TOKEN_SCOPES, "GET", "/api/v1/me"));
	for (int s = 0; s < TOKEN_SCOPES; s++)
		CHECK_INT(api_token_scope_parse(api_token_scope_name(s)), s);
	CHECK_INT(api_token_scope_parse("Read"), -1);
	CHECK_INT(api_token_scope_parse(""), -1);
	CHECK_INT(api_token_scope_parse(NULL), -1);
}

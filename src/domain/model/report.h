/* model/report.h — the domain's records of meeting reports, contributions,
 * the learning story and search hits. The domain hands them to pages and the
 * command line; the store fills them (it implements the domain's storage, so
 * it knows these types; pages never see the store). Strings are allocated in
 * the reader's arena. */
#ifndef LG_DOMAIN_MODEL_REPORT_H
#define LG_DOMAIN_MODEL_REPORT_H

struct meeting_report {
	long long id, meeting_id, group_id, written_by;
	char *agenda, *themes, *learning_moments, *facilitator_reflection, *mentor_reflection;
	char *status;                /* draft, published */
	long long published_at, updated_at;
	/* filled by reads */
	int number;
	char *theme, *starts_on;
};

struct contribution {
	long long id, meeting_id, group_id, person_id;
	char *text;
	int placed;
	long long updated_at;
	char *person_name;           /* filled by reads */
};

struct learning_story {
	long long id, group_id;
	char *opening, *closing, *status;   /* draft, bundled */
	long long bundled_at, updated_at;
};

struct search_hit {
	long long id;                /* search_doc id */
	char *kind;                  /* report, contribution, learning_story, logbook, development_plan, learning_question */
	long long ref_id, group_id, person_id;
	char *snippet;               /* "" from store_search(); see store_search_snippet() */
	double rank;
};

#endif

/* model/selection.h — the domain's records of the selection of facilitators
 * and mentors: criteria, candidates, scores. The domain hands them to pages
 * and the command line; the store fills them (it implements the domain's
 * storage, so it knows these types; pages never see the store). Strings are
 * allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_SELECTION_H
#define LG_DOMAIN_MODEL_SELECTION_H

struct selection_criterion {
	long long id;
	int position, weight;        /* weight 1..10 */
	char *name;
};

struct selection_candidate {
	long long id, person_id;
	char *name, *employee_id, *note;
};

struct selection_score {
	long long candidate_id, criterion_id;
	int score;                   /* 1..5 */
};

#endif

/* model/intake.h — the domain's records of the intake, the learning question
 * and the closing talk. The domain hands them to pages and the command line;
 * the store fills them (it implements the domain's storage, so it knows these
 * types; pages never see the store). Strings are allocated in the reader's
 * arena. */
#ifndef LG_DOMAIN_MODEL_INTAKE_H
#define LG_DOMAIN_MODEL_INTAKE_H

struct intake {
	long long id, enrolment_id, recorded_by;
	char *held_on, *expectations;
	long long updated_at;
};

struct learning_question {
	long long id, person_id, group_id;
	char *text;
	long long written_at;
};

struct closing_talk {
	long long id, enrolment_id;
	char *offered_on, *outcome, *held_on, *learning_yield, *next_steps;
	long long updated_at;
};

#endif

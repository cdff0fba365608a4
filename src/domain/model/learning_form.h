/* model/learning_form.h — a learning form of the organisation's catalogue
 * (C9): where it sits in 70/20/10, whether it aims at knowledge or at skills
 * and behaviour, whether it is social, and the three answers of the matcher
 * it suits best (who, where, how). Strings in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_LEARNING_FORM_H
#define LG_DOMAIN_MODEL_LEARNING_FORM_H

#include <stdbool.h>

struct learning_form {
	long long id, organisation_id;
	int position;
	char *key, *name, *description;
	int seventy_twenty_ten;   /* 70, 20 or 10 */
	char *aim;                /* knowledge, skills */
	bool social;
	char *level;              /* individual, team, organisation */
	char *setting;            /* workplace, classroom, online */
	char *preference;         /* watching, doing, acquiring */
	char *name_source;        /* where the seed names the form */
	char *source;             /* of the values: "leergang", "organisatie" */
};

#endif

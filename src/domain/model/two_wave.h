/* model/two_wave.h — the domain's records of a two-wave study
 * (domain/two_wave.h), filled by the store. Strings in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_TWO_WAVE_H
#define LG_DOMAIN_MODEL_TWO_WAVE_H

#include <stddef.h>

enum study_arm { ARM_INTERVENTION = 0, ARM_COMPARISON = 1 };

struct study {
	long long id, instrument_id, wave1_id, wave2_id, created_at;
	char *name, *assignment;
	int interval_override;
	char *override_reason;
	char *intervention, *intervention_from, *intervention_to;
	/* filled by reads */
	char *instrument_name;
	char *wave1_opens, *wave1_closes, *wave2_opens, *wave2_closes;
	long long nintervention, ncomparison;
};

struct study_member {
	long long person_id;
	enum study_arm arm;
};

#endif

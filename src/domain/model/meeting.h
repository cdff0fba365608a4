/* model/meeting.h — the domain's records of a group's meetings and the
 * attendance at them. The domain hands them to pages and the command line;
 * the store fills them (it implements the domain's storage, so it knows these
 * types; pages never see the store). Strings are allocated in the reader's
 * arena. */
#ifndef LG_DOMAIN_MODEL_MEETING_H
#define LG_DOMAIN_MODEL_MEETING_H

struct meeting {
	long long id, group_id, programme_meeting_id, topic_id, option_id;
	char *starts_on, *start_time, *ends_on, *end_time, *venue;
	int cancelled, sequence;
	long long updated_at;
	char *choice, *free_topic, *justification;
	/* filled by reads */
	int number, days, from_menu;
	char *theme, *topic_name, *option_name, *group_name, *programme_name;
	long long batch_id;
	int batch_number;
	char *preparers;             /* person ids, comma-separated, or "" */
};

struct attendance {
	long long meeting_id, person_id;
	char *status;                /* present, excused, absent */
};

#endif

/* meeting.h — the store's part for meetings and attendance. As everywhere in
 * the store: every call takes the organisation and touches nothing outside
 * it; lists are allocated in the arena; ST_NOTFOUND for an id of another
 * organisation. Dates are "YYYY-MM-DD" and times "HH:MM", local to
 * Europe/Amsterdam. */
#ifndef LG_STORE_MEETING_H
#define LG_STORE_MEETING_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/meeting.h"

MUST_CHECK int store_meeting_add(struct store *s, long long org, const struct meeting *m, long long *id);
/* Writes date, times, venue, cancelled, choice fields, sequence and updated_at. */
MUST_CHECK int store_meeting_update(struct store *s, long long org, const struct meeting *m);
MUST_CHECK int store_meeting_get(struct store *s, struct arena *a, long long org, long long id, struct meeting *out);
/* A group's meetings by number. */
MUST_CHECK int store_meeting_list(struct store *s, struct arena *a, long long org, long long group_id, struct meeting **out,
		       size_t *n);
/* The meetings of every group of a programme, by batch, group and number. */
MUST_CHECK int store_meeting_list_programme(struct store *s, struct arena *a, long long org, long long programme_id,
				 struct meeting **out, size_t *n);
/* The meetings of the groups a person takes part in (any role), by date. */
MUST_CHECK int store_meeting_list_for_person(struct store *s, struct arena *a, long long org, long long person_id,
				  struct meeting **out, size_t *n);
MUST_CHECK int store_meeting_set_preparers(struct store *s, long long org, long long meeting_id, const long long *people,
				size_t n);

MUST_CHECK int store_attendance_set(struct store *s, long long org, long long meeting_id, long long person_id,
			 const char *status, long long now);
MUST_CHECK int store_attendance_clear(struct store *s, long long org, long long meeting_id, long long person_id);
/* For a group: every record of its meetings. */
MUST_CHECK int store_attendance_list(struct store *s, struct arena *a, long long org, long long group_id,
			  struct attendance **out, size_t *n);

#endif

/* model/impact.h — the records of a programme's impact map (domain/impact.h):
 * an outcome on one of the map's levels and the evidence it is linked to. */
#ifndef LG_MODEL_IMPACT_H
#define LG_MODEL_IMPACT_H

/* An intended outcome. evidence: "" (none), "wave" (wave_id, and item_id
 * when one scale question), "attendance" (batch_id or group_id) or
 * "reports" (group_id, batch_id, or neither: the whole programme). */
struct impact_outcome {
	long long id, programme_id;
	char *level;
	int position;
	char *text;
	char *evidence;
	long long wave_id, item_id, batch_id, group_id;
};

/* Attendance records of meetings held (not cancelled) and how many say present. */
struct impact_attendance {
	long long recorded, present;
};

/* Meetings held (planned, not cancelled, on or before today) and published reports. */
struct impact_reports {
	long long held, published;
};

#endif

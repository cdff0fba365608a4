/* export_audit.c — the audit record of every export (export_audit.h). */
#include "export_audit.h"
#include "audit.h"

#include <assert.h>

/* the three older ones keep the codes their lines in the log already have */
static const char *const actions[EXPORT_KINDS] = {
	[EXPORT_PEOPLE] = "people.export",
	[EXPORT_WAVE_DATA] = "wave.export",
	[EXPORT_WAVE_LINKS] = "wave.links",
	[EXPORT_INVITATIONS] = "account.invite.links",
	[EXPORT_CALENDAR] = "calendar.export",
	[EXPORT_STORY] = "learning_story.export",
	[EXPORT_NETWORK] = "network.export",
	[EXPORT_RESEARCH] = "research.export",
	[EXPORT_MEMBER_CHECK] = "member_check.export",
};

const char *export_action(enum export_kind kind)
{
	assert(kind < EXPORT_KINDS);
	return actions[kind];
}

int export_record(struct ctx *c, enum export_kind kind, const char *object_kind, long long object_id,
		  const char *format, size_t count)
{
	return audit(c, export_action(kind), object_kind, object_id, "%s, %zu rows", format, count);
}

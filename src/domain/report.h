/* report.h — the meeting report, participants' contributions and the
 * group's learning story (seed 000 §7.1.3, §7.3; SPEC C5).
 *
 * The group's facilitator writes the report of each meeting: agenda, themes
 * discussed, the learning moments the group named and their own
 * reflection; the mentor adds theirs. It stays a draft until the
 * facilitator publishes it to the group. Each participant who was present
 * may add their own contribution (voluntary), which the facilitator may
 * place in the report. On or after the group's last meeting the
 * facilitator bundles the published reports with an opening and a closing
 * text into the learning story, which the group receives as a page and a
 * PDF. Texts are Markdown. Who reads what: domain/privacy.c; every read by
 * another than the writer is audited. */
#ifndef LG_DOMAIN_REPORT_H
#define LG_DOMAIN_REPORT_H

#include "core/compiler.h"
#include "ctx.h"
#include "privacy.h"
#include "core/buf.h"
#include "domain/model/group.h"
#include "domain/model/report.h"
#include "domain/model/meeting.h"

#define REPORT_TEXT_MAX 20000
#define CONTRIBUTION_MAX 4000
#define STORY_TEXT_MAX 20000

struct report_texts {
	const char *agenda, *themes, *learning_moments, *facilitator_reflection, *mentor_reflection;
};

/* The facilitator writes every text but the mentor's reflection (which
 * their saving leaves as it is); the mentor writes only that one, in a
 * report the facilitator has begun. */
MUST_CHECK int report_save(struct ctx *c, long long meeting_id, const struct report_texts *t, long long now, struct errors *e,
		long long *id);
/* The facilitator publishes the report to the group, or takes it back to draft. */
MUST_CHECK int report_publish(struct ctx *c, long long meeting_id, bool publish, long long now, struct errors *e);

/* A report as the actor may read it, with the contributions they may read.
 * exists is false when the meeting has no report the actor may read. */
struct report_view {
	bool exists;
	enum privacy_read level;
	struct meeting_report r;        /* texts anonymised for the coach */
	struct contribution *contribs;  /* person_name "" for the coach */
	size_t ncontribs;
};
/* D_NOTFOUND for a meeting the actor may not see. */
MUST_CHECK int report_read(struct ctx *c, long long meeting_id, struct report_view *out);

/* The report page of a meeting: the report as the actor may read it and
 * what they may do with it. */
struct report_page_view {
	struct meeting m;
	struct learning_group g;
	struct report_view v;
	bool writes;                     /* the group's facilitator: writes, publishes, places contributions */
	bool reflects;                   /* the group's mentor: adds a reflection to a begun report */
	bool contribution_section;       /* a participant, or present without writing or reflecting */
	bool was_present;                /* present at the meeting: may contribute */
	const struct contribution *mine; /* the actor's own contribution, or NULL */
};
/* D_NOTFOUND for a meeting the actor may not see (as meeting_open). */
MUST_CHECK int report_page_read(struct ctx *c, long long meeting_id, struct report_page_view *out);
/* Whether the meeting's report is published (false when there is none). */
bool report_is_published(struct ctx *c, long long meeting_id);
/* The group's reports the actor may read, by meeting number. */
MUST_CHECK int report_list(struct ctx *c, long long group_id, struct report_view **out, size_t *n);

/* A participant who was present writes (or, with an empty text, removes)
 * their contribution to the meeting. */
MUST_CHECK int contribution_save(struct ctx *c, long long meeting_id, const char *text, long long now, struct errors *e);
/* The meeting of a contribution of the organisation. */
MUST_CHECK int contribution_meeting(struct ctx *c, long long contribution_id, long long *meeting_id);
/* The facilitator places a contribution in the report or takes it out. */
MUST_CHECK int contribution_place(struct ctx *c, long long contribution_id, bool placed, long long now);

/* The facilitator writes the opening and closing texts; with bundle, the
 * story is given to the group (only on or after the last meeting, with at
 * least one published report). */
MUST_CHECK int story_save(struct ctx *c, long long group_id, const char *opening, const char *closing, bool bundle,
	       long long now, struct errors *e);

struct story_view {
	enum privacy_read level;
	bool exists;                    /* a story row exists (draft or bundled) */
	struct learning_group g;
	struct learning_story s;        /* texts anonymised for the coach */
	struct report_view *reports;    /* published reports */
	size_t n;
	const char *first_date, *last_date;  /* of the group's meetings, or NULL */
	bool writes;                    /* the group's facilitator: writes and bundles */
	bool downloadable;              /* as PDF and Markdown: once bundled, or for the facilitator */
	bool waiting;                   /* the actor reads it once bundled; not bundled yet, no texts */
};
/* D_NOTFOUND when the actor may not read the group's story (the owner, a
 * stranger). A participant or coach who will read it once it is bundled
 * gets D_OK with `waiting` set and neither texts nor reports. */
MUST_CHECK int story_open(struct ctx *c, long long group_id, struct story_view *v);
/* The same for the story's files (PDF, Markdown): D_NOTFOUND also when it
 * is not downloadable for the actor. */
MUST_CHECK int story_open_file(struct ctx *c, long long group_id, struct story_view *v);
/* Whether the learning story of group_id (in c's organisation) has been
 * bundled, so that it can be downloaded: says nothing of its texts, reads
 * none of them (no audit record). */
bool story_is_bundled(struct ctx *c, long long group_id);
/* The story as one Markdown document. */
void story_markdown(struct ctx *c, const struct story_view *v, struct buf *out);
/* The story as a PDF with a cover; D_ERROR when typesetting fails. */
MUST_CHECK int story_pdf(struct ctx *c, const struct story_view *v, struct buf *out);

const char *report_status_label(const char *status);

/* The texts of a report with their headings, in the order they are shown. */
struct report_field {
	const char *name, *label, *text;
};
#define REPORT_FIELDS 5
void report_fields(const struct meeting_report *r, struct report_field out[REPORT_FIELDS]);
/* "Meeting 3: Feedback" */
const char *report_title(struct ctx *c, const struct meeting_report *r);

#endif

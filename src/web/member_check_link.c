/* member_check_link.c — a contact person's page of a member check
 * (/member-check?token=…): no account needed, no JavaScript. It shows the
 * findings and the seed's two questions, and says plainly, before the
 * questions, that the answer is not anonymous: it is kept with the
 * contact's name and read by the researchers. The answer can be changed
 * until the researcher closes the check; after that the page shows the
 * contact's answer, no longer the findings. A wrong or expired link gets a
 * page that says so, and nothing else. */
#include "web.h"
#include "domain/member_check.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>
#include <time.h>

static void answer_page(struct web *w, const struct member_check_link *l, const char *token, const struct errors *e,
			int status)
{
	if (l->expired) {   /* says nothing of the check */
		web_error(w, 410, _("This link has expired. Ask the researcher for a new one."));
		return;
	}
	page_begin(w, l->m.title);
	w->r->status = status;
	const char *done = web_arg(w, "done") ? web_arg(w, "done") : "";
	if (!strcmp(done, "saved"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("Thank you: your answer has been saved."));
	html(w->out, "<p>%s</p>", arena_printf(w->a, _("For %s."), l->k.name));
	html(w->out, "<p class=\"note\"><strong>%s</strong> %s</p>", _("This is not anonymous."),
	     _("Your answer is kept with your name and read by the researchers of this study, who may discuss it with "
	       "you."));
	if (l->m.closed_at) {
		/* nothing to answer any more: the findings stay with the researchers,
		 * not with whoever holds the link until it expires */
		html(w->out, "<p class=\"warn\">%s</p>",
		     _("This member check has been closed: answers can no longer change, and the findings are no longer "
		       "shown here."));
		if (l->k.answered_at)
			html(w->out, "<p>%s: %s</p>", _("Your answer"), member_check_recognised_label(l->k.recognised));
		page_end(w);
		return;
	}
	html(w->out, "<h2>%s</h2><div class=\"markdown\">", _("The findings"));
	html_markdown(w->out, l->m.findings);
	html(w->out, "</div>");
	if (l->k.answered_at)
		html(w->out, "<p class=\"muted\">%s</p>",
		     _("You have answered. You can change your answer until the researchers close the member check."));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/member-check\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"token\" value=\"%s\">", token);
	const char *rec = e ? web_field(w, "recognised") : l->k.recognised;
	const char *rec_err = e ? errors_get(e, "recognised") : NULL;
	html(w->out, "<fieldset id=\"f-recognised\" class=\"question%s\"><legend>1. %s</legend>", rec_err ? " invalid" : "",
	     _("Do you recognise the findings?"));
	if (rec_err)
		html(w->out, "<p class=\"field-error\">%s</p>", rec_err);
	for (size_t i = 0; MEMBER_CHECK_RECOGNISED[i]; i++)
		html(w->out, "<span class=\"point\"><input type=\"radio\" id=\"rec-%s\" name=\"recognised\" value=\"%s\"%s> "
			     "<label for=\"rec-%s\" class=\"inline\">%s</label></span> ",
		     MEMBER_CHECK_RECOGNISED[i], MEMBER_CHECK_RECOGNISED[i],
		     !strcmp(rec, MEMBER_CHECK_RECOGNISED[i]) ? " checked" : "", MEMBER_CHECK_RECOGNISED[i],
		     member_check_recognised_label(MEMBER_CHECK_RECOGNISED[i]));
	html(w->out, "</fieldset>");
	form_textarea(w, "recognised_note", _("Explanation"), e ? web_field(w, "recognised_note") : l->k.recognised_note, e,
		      NULL);
	form_textarea(w, "not_fitting", _("2. Are there findings you cannot place in your practice? Which?"),
		      e ? web_field(w, "not_fitting") : l->k.not_fitting, e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Save my answer"));
	page_end(w);
}

static bool open_link(struct web *w, const char *token, struct member_check_link *l)
{
	int d = member_check_by_link(w->st, w->a, token, (long long)time(NULL), l);
	if (d == D_NOTFOUND)
		web_error(w, 404, _("This link is not (or no longer) valid. Check that you copied the whole link."));
	else if (d)
		web_error(w, 500, _("The member check could not be read. Try again later."));
	return d == D_OK;
}

void page_member_check_link(struct web *w)
{
	const char *token = web_arg(w, "token");
	struct member_check_link l;
	if (open_link(w, token, &l))
		answer_page(w, &l, token, NULL, l.expired ? 410 : 200);
}

void page_member_check_link_post(struct web *w)
{
	const char *token = *web_field(w, "token") ? web_field(w, "token") : web_arg(w, "token");
	struct member_check_link l;
	if (!open_link(w, token, &l))
		return;
	struct errors e = { 0 };
	int d = member_check_answer(w->st, w->a, &l, web_field(w, "recognised"), web_field(w, "recognised_note"),
				    web_field(w, "not_fitting"), (long long)time(NULL), &e);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/member-check?token=%s&done=saved", url_encode(w->a, token)));
	else if (d == D_INVALID)
		answer_page(w, &l, token, &e, l.expired || l.m.closed_at ? 409 : 422);
	else
		web_error(w, 500, _("The answer could not be saved. Try again later."));
}

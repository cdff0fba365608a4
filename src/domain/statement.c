/* statement.c — the facts of the privacy statement (statement.h), each
 * from the constant that the rule it describes uses. */
#include "statement.h"
#include "account.h"
#include "api_token.h"
#include "disclosure.h"
#include "invitation.h"
#include "oidc.h"
#include "organisation.h"
#include "password_reset.h"
#include "upload.h"
#include "survey_compare.h"
#include "stats/three60.h"

int privacy_facts(struct ctx *c, bool signed_in, struct privacy_facts *out)
{
	*out = (struct privacy_facts){
		.min_respondents = DISCLOSURE_MIN,
		.min_raters = S360_MIN_RATERS,
		.min_organisations = SURVEY_MIN_ORGS,
		.session_hours = SESSION_SECONDS / 3600,
		.reset_hours = RESET_SECONDS / 3600,
		.invite_days = INVITE_SECONDS / (24 * 3600),
		.upload_hours = UPLOAD_KEEP_SECONDS / 3600,
		.token_days = API_TOKEN_DAYS,
		.token_days_max = API_TOKEN_DAYS_MAX,
		.signin_minutes = OIDC_LOGIN_SECONDS / 60,
		.retention = *retention_defaults(),
	};
	if (!signed_in)
		return D_OK;
	struct organisation o;
	if (organisation_own(c, &o))
		return D_ERROR;
	out->organisation = o.name;
	out->benchmark = o.benchmark;
	/* the reader's own organisation only: a visitor sees the defaults */
	return retention_get(c, &out->retention) ? D_ERROR : D_OK;
}

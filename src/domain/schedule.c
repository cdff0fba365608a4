/* schedule.c — dates without time zones (a meeting's date is the date on
 * the invitation), checked by hand because strptime accepts 31 February,
 * and the cascade rule of seed 000: "De volgende tien leergroepen starten
 * wanneer de vorige lichting halverwege de tien bijeenkomsten is". */
#include "schedule.h"
#include "core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool date_valid(const char *d)
{
	if (!d || strlen(d) != 10 || d[4] != '-' || d[7] != '-' || !digits(d, 4) || !digits(d + 5, 2) ||
	    !digits(d + 8, 2))
		return false;
	int y = atoi(d), m = atoi(d + 5), day = atoi(d + 8);
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && day >= 1 && day <= month_days(y, m);
}

bool time_valid(const char *t)
{
	return t && strlen(t) == 5 && t[2] == ':' && digits(t, 2) && digits(t + 3, 2) && atoi(t) < 24 &&
	       atoi(t + 3) < 60;
}

void date_add_days(const char *d, int n, char out[11])
{
	int y = atoi(d), m = atoi(d + 5), day = atoi(d + 8) + n;
	while (day > month_days(y, m)) {
		day -= month_days(y, m);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	while (day < 1) {
		if (--m < 1) {
			m = 12;
			y--;
		}
		day += month_days(y, m);
	}
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)day % 100u);
}

void date_add_months(const char *d, int n, char out[11])
{
	int y = atoi(d), m = atoi(d + 5), day = atoi(d + 8);
	int months = y * 12 + (m - 1) + n;
	y = months / 12;
	m = months % 12 + 1;
	if (day > month_days(y, m))
		day = month_days(y, m);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)day % 100u);
}

const char *date_label(struct arena *a, const char *d)
{
	const char *months[] = { N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
				 N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
				 N_("December") };
	int m = atoi(d + 5);
	/* TRANSLATORS: a date: day, month name, year */
	return arena_printf(a, _("%d %s %d"), atoi(d + 8), _(months[m - 1]), atoi(d));
}

size_t cascade_check(struct ctx *c, int meeting, const struct cascade_batch *b, size_t n, char **out, size_t max)
{
	size_t k = 0;
	if (meeting <= 0)
		return 0;
	for (size_t i = 1; i < n && k < max; i++) {
		const struct cascade_batch *prev = &b[i - 1], *cur = &b[i];
		if (!cur->first_date)
			continue;  /* nothing planned yet: nothing to break */
		if (!prev->reached_on)
			out[k++] = arena_printf(c->a,
				_("%s starts on %s, but not every group of %s has a date for meeting %d yet, so the cascade cannot be checked."),
				cur->name, date_label(c->a, cur->first_date), prev->name, meeting);
		else if (strcmp(cur->first_date, prev->reached_on) < 0)
			out[k++] = arena_printf(c->a,
				_("%s starts on %s, before %s reaches meeting %d on %s. The cascade rule: the next batch starts when the previous one reaches meeting %d."),
				cur->name, date_label(c->a, cur->first_date), prev->name, meeting,
				date_label(c->a, prev->reached_on), meeting);
	}
	return k;
}

void date_today(long long now, char out[11])
{
	time_t t = (time_t)now;
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void date_monday(const char *d, char out[11])
{
	int y, m, day;
	if (sscanf(d, "%d-%d-%d", &y, &m, &day) != 3 || m < 1 || m > 12) {
		snprintf(out, 11, "%s", d);
		return;
	}
	/* Sakamoto's day of the week, 0 = Sunday */
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int yy = m < 3 ? y - 1 : y;
	int dow = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + day) % 7;
	date_add_days(d, -((dow + 6) % 7), out);
}

/* spread_table.h — the spread table of seed 002 (Table 1) for any
 * organisation and period: participants per department (a top-level unit)
 * and team (a unit directly under it) per circle, batch or learning group,
 * with team leaders, row and column totals, and where participation
 * clusters. The coach and the researcher see every team and the names in
 * a cell; the programme owner sees counts per department only. Pages, API
 * and command line all call spread_table().
 *
 * Which columns a period selects (leergang's own rule): a column is in
 * when it starts within [from, to]. A circle starts at its period's
 * season ("vj 2015": 1 March 2015; wi 1 January, vj 1 March, zo 1 June,
 * nj 1 September; a period with a year only: 1 January), else at the
 * earliest "since" of its members; a batch or a learning group at its
 * earliest enrolment. A column without a start is in only when no period
 * is asked. */
#ifndef LG_DOMAIN_SPREAD_TABLE_H
#define LG_DOMAIN_SPREAD_TABLE_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/people.h"
#include "domain/model/spread.h"
#include "formats/table.h"

#include <jansson.h>
#include <stdbool.h>

struct spread_column {
	long long id;
	const char *name, *period;
	const char *key;          /* the cells' key: the name, or "name (period)" when two share a name */
	const char *starts_on;    /* YYYY-MM-DD or "" */
	long long total;          /* distinct people in the column */
};

struct spread_name {
	const char *name;
	bool team_leader;
};

struct spread_cell_names {
	struct spread_name *v;
	size_t n;
};

/* A team, or the people directly in the department (direct). */
struct spread_row {
	const char *name;
	long long unit_id;
	bool direct;
	long long n, team_leaders;
	long long *cells;                    /* per column */
	struct spread_cell_names *names;     /* per column; NULL unless names are shown */
	bool clusters;
};

struct spread_department {
	const char *name;
	long long unit_id;                   /* 0: people without a unit */
	long long n, team_leaders;
	long long *cells;                    /* per column; NULL for the owner */
	struct spread_row *teams;            /* NULL for the owner */
	size_t nteams;
	bool clusters;
};

struct spread_table {
	enum spread_by by;
	const char *from, *to;
	struct spread_column *columns;
	size_t ncolumns;
	struct spread_department *departments;
	size_t ndepartments;
	long long total;
	bool teams_shown;                    /* false: the owner's counts per department */
	bool names_shown;                    /* the coach's and the researcher's */
	double team_mean, department_mean;   /* of the cluster rule */
};

/* Who reads the table: the coach, the researcher, the owner. */
bool spread_may_read(const struct ctx *c);
/* Who sees teams and names: the coach and the researcher. */
bool spread_sees_names(const struct ctx *c);

/* "circle" (also "" and NULL), "batch", "group"; false for anything else. */
bool spread_by_parse(const char *s, enum spread_by *by);
const char *spread_by_id(enum spread_by by);
/* The first day of a circle's period ("vj 2015" -> "2015-03-01"); "" when
 * the period names no year. Pure. */
void spread_period_start(const char *period, char out[11]);
/* The department and the row (team, or the department itself for its
 * direct people) of a unit in the tree; 0 and 0 for no unit or one not
 * in units. Pure. */
void spread_locate(const struct unit *units, size_t n, long long unit_id, long long *department, long long *row);
/* Natural order of names: "T2" before "T10". */
int spread_name_cmp(const char *a, const char *b);

/* The table by circle, batch or group ("" for circle), for columns
 * starting within from..to (each YYYY-MM-DD or ""). D_INVALID with the
 * problems in e; D_FORBIDDEN for other roles. */
MUST_CHECK int spread_table(struct ctx *c, const char *by, const char *from, const char *to, struct errors *e,
			    struct spread_table *t);

/* {"columns":[{"name","period"}],"departments":[{"name","n","teams":[{"name",
 * "n","team_leaders","cells":{KEY:N}}]}],"total":N}; teams [] for the owner. */
json_t *spread_table_json(const struct spread_table *t);
/* One row per team (department, team, n, team leaders, a count per
 * column), or for the owner one per department (department, n): for
 * table_csv() and xlsx_write(). */
void spread_table_data(struct arena *a, const struct spread_table *t, struct data_table *out);
/* The audit line of a download of the table ("spread.export"). */
int spread_export_record(struct ctx *c, const struct spread_table *t, const char *format, size_t rows);

#endif

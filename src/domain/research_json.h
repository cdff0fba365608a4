/* research_json.h — a research project and its analysis as JSON, one shape
 * for the API and the command line. */
#ifndef LG_DOMAIN_RESEARCH_JSON_H
#define LG_DOMAIN_RESEARCH_JSON_H

#include "domain/research.h"
#include "domain/research_analysis.h"

#include <jansson.h>

/* {"id","name","purpose","sources","codes","passages"} */
json_t *research_project_json(const struct research_project *p);
/* the project with "coders":[{"id","name","member"}], "sources":[{"id","kind","name","held_on","place","team",
 * "group","batch","chars","passages"}], "codes":[{"id","parent_id","name","color","description","codable","depth"}] */
json_t *research_view_json(const struct research_view *v);
/* {"by","columns":[...],"codes":[{"id","name","passages","sources","cells":[...]}]} */
json_t *research_counts_json(const struct research_counts *t, const char *by);
/* {"units","sources","codes":[{"id","name","a_only","b_only","both","neither","agreement","kappa","se",
 * "lower","upper","alpha","note"}]}: NAN as null */
json_t *research_agreement_json(const struct research_agreement *r);

#endif

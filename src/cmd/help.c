/* help.c — `leergang help [COMMAND]`, and the table of commands. */
#include "cmd.h"
#include "core/die.h"

#include <stdio.h>
#include <string.h>

const struct command commands[] = {
	{ "init", cmd_init, "create the database (with --demo: and the demo organisations)",
	  "leergang init [--demo [--hostile-names]]   (with --demo, prints the demo logins; --hostile-names gives\n"
	  "six demo people the hostile names the tests use: markup, a formula, a very long name)" },
	{ "serve", cmd_serve, "serve the web interface and the API",
	  "leergang serve [--listen ADDR:PORT] [--threads N] [--secure-cookies] [--per-address-connections N]\n"
	  "               [--hash-memory MIB] [--hash-queue N] [--hash-wait SECONDS] [--print-logins]\n"
	  "leergang serve --openapi   (prints the OpenAPI 3.1 description of the API, also served at\n"
	  "               /api/v1/openapi.json; exits 1, naming them, when a route lacks its description)\n"
	  "\n"
	  "--print-logins prints the demo logins (made by 'leergang init --demo') before serving.\n"
	  "Cookies carry Secure (sent over https only) with --secure-cookies or when LEERGANG_PUBLIC_URL\n"
	  "begins with https://. Behind a reverse proxy that sets X-Forwarded-Proto, LEERGANG_TRUST_PROXY=1\n"
	  "makes leergang believe it: requests that came in over https get Secure cookies and https links." },
	{ "migrate", cmd_migrate, "bring the database schema up to date", "leergang migrate" },
	{ "migrate-to", cmd_migrate_to, "copy the SQLite database into an empty PostgreSQL database, verified",
	  "leergang [--db FILE] migrate-to [--verify-only] postgresql://USER@HOST/DATABASE\n"
	  "\n"
	  "Copies every table of the SQLite database into the PostgreSQL database (its schema made\n"
	  "first when it has none), in one transaction, and then compares the two table by table:\n"
	  "the number of rows and a SHA-256 over every row (each value with its type) read in the\n"
	  "order of the primary key. Any difference undoes the copy. The PostgreSQL database must\n"
	  "hold no data yet, and the role must own its tables (the copy drops and adds the foreign\n"
	  "keys and switches the triggers off inside the transaction); no superuser is needed.\n"
	  "Stop the server first: what it writes during the copy is not copied.\n"
	  "--verify-only copies nothing and compares the two as they are now.\n"
	  "Afterwards copy FILE.oidc-key to LEERGANG_OIDC_KEY (default var/postgresql.oidc-key)." },
	{ "org", cmd_org, "add or list organisations; take part in the benchmark",
	  "leergang org add --slug SLUG --name NAME\n       leergang org list [--format csv|json]\n"
	  "       leergang org benchmark SLUG on|off   (share closed waves of built-in questionnaires, see others')" },
	{ "user", cmd_user, "add, invite or list accounts, give or take roles, set a password, make a password-reset link, switch an account off or on",
	  "leergang user add --org SLUG --email E --role ROLE [--name NAME]   (password on stdin)\n"
	  "       leergang user list --org SLUG [--format csv|json]\n"
	  "       leergang user passwd --email E   (password on stdin; ends the account's sessions and API tokens)\n"
	  "       leergang user reset-link --email E [--url BASE]   (prints a link to set a new password: once, for an hour;\n"
	  "                                                         BASE defaults to $LEERGANG_PUBLIC_URL)\n"
	  "       leergang user invite --email E [--person EMPLOYEE_ID] [--role R] [--name NAME] [--org SLUG] [--url BASE]\n"
	  "                     (an account without a password; prints the link that sets one: once, within seven days)\n"
	  "       leergang user deactivate|reactivate --email E   (off: its sessions, API tokens and links end)\n"
	  "       leergang user role add|remove --org SLUG --email E --role ROLE   (a role for the whole organisation;\n"
	  "                     'user list' shows each account's roles)" },
	{ "unit", cmd_unit, "add, list, rename or remove the units of the organisation tree",
	  "leergang unit add --org SLUG --name NAME [--parent UNIT]   (at the top unless --parent)\n"
	  "       leergang unit list --org SLUG [--format text|csv|json]   (tree order; parent_id and manager_id 0 for none)\n"
	  "       leergang unit rename --org SLUG --unit UNIT --name NAME\n"
	  "       leergang unit delete --org SLUG --unit UNIT   (only a unit without people and sub-units)\n"
	  "UNIT is a unit's id or its path from the top, such as \"Afdeling B/T12\"." },
	{ "import", cmd_import, "import people from an HR CSV export",
	  "leergang import people --org SLUG FILE [--dry-run] [--sync]   (--sync: FILE is the whole export;\n"
	  "       whoever is not in it is marked inactive, never deleted; each change is listed)" },
	{ "export", cmd_export, "export people, or the data of a wave",
	  "leergang export people --org SLUG [--format csv|json]\n"
	  "       leergang export wave --org SLUG --wave ID [--format csv|xlsx|sav] [--out FILE]\n"
	  "\n"
	  "export wave writes the wave page's export (CSV for Dutch Excel, an Excel workbook or an SPSS\n"
	  "file; standard output without --out): the same rules, so no export while the results are\n"
	  "hidden (fewer than 5 responses, or not closed), and no name, link or id in a row. Each\n"
	  "export is in the audit log." },
	{ "person", cmd_person, "a person's data on request: everything held about them (inzage), or erase them",
	  "leergang person export --org SLUG --employee ID [--format json|pdf] [--output FILE]\n"
	  "       leergang person erase --org SLUG --employee ID [--dry-run]   (--dry-run lists what would go and what stays)" },
	{ "retention", cmd_retention, "remove what has passed an organisation's retention periods, or show them",
	  "leergang retention run [--org SLUG] [--now YYYY-MM-DD] [--dry-run]   (every organisation unless --org;\n"
	  "                     --now decides as on that day; --dry-run lists what would go; the server does this daily)\n"
	  "       leergang retention show --org SLUG   (the periods in months, and whether they are leergang's defaults)" },
	{ "token", cmd_token, "make, list or revoke the API tokens of an account",
	  "leergang token create --email E [--label TEXT] [--days N] [--scope S]   (prints the token once; 90 days unless --days,\n"
	  "                  at most 365; S: all (the default: what the account's roles allow), read (GET only), people-sync\n"
	  "                  (GET and PUT /api/v1/people, POST /api/v1/people/import) or research-export (the research and wave exports))\n"
	  "       leergang token list --email E [--format csv|json]   (never the tokens themselves)\n"
	  "       leergang token revoke --email E --id ID" },
	{ "oidc", cmd_oidc, "sign-in through an organisation's identity provider (OpenID Connect)",
	  "leergang oidc set --org SLUG --issuer URL --client-id ID --client-secret-file F --claim email|employee_id\n"
	  "                  [--employee-claim NAME]   (with employee_id: the ID token's claim with the number; employee_id)\n"
	  "                  [--passwords on|off]   (off: the organisation's accounts sign in through the provider only)\n"
	  "       leergang oidc show [--org SLUG] [--format csv|json]   (never the client secret)" },
	{ "programme", cmd_programme, "make a programme from a template, or list them",
	  "leergang programme add --org SLUG --template live|amsterdam --name NAME\n"
	  "       leergang programme list --org SLUG [--format csv|json]" },
	{ "batch", cmd_batch, "add a batch (lichting) to a programme",
	  "leergang batch add --org SLUG --programme ID [--name NAME]" },
	{ "group", cmd_group, "add a group to a batch, with its mentor and facilitator; set a participant's status",
	  "leergang group add --org SLUG --batch ID --name NAME [--mentor EMPLOYEE_ID] [--facilitator EMPLOYEE_ID]\n"
	  "       leergang group status --org SLUG --group ID --employee EMPLOYEE_ID --status registered|active|completed|stopped\n"
	  "                     [--kind illness|work|manager|other] [--on YYYY-MM-DD] [--note TEXT]\n"
	  "                     (--kind with stopped: why; --on: the day, today when left out; the note is not in reports)" },
	{ "enrol", cmd_enrol, "enrol people in a group by employee number",
	  "leergang enrol --org SLUG --group ID [--date YYYY-MM-DD] EMPLOYEE_ID..." },
	{ "meeting", cmd_meeting, "plan a meeting of a group",
	  "leergang meeting plan --org SLUG --group ID --number N --date YYYY-MM-DD --start HH:MM --end HH:MM\n"
	  "       [--venue TEXT] [--repeat COUNT [--every DAYS (14)]]" },
	{ "attendance", cmd_attendance, "record a participant's attendance at a meeting",
	  "leergang attendance --org SLUG --meeting ID --employee EMPLOYEE_ID --status present|excused|absent" },
	{ "calendar", cmd_calendar, "print a person's calendar feed (.ics)", "leergang calendar --email E" },
	{ "report", cmd_report, "list or write meeting reports, acting as an account; or the accounting of a level",
	  "leergang report list --email E --group ID [--format text|csv|json]\n"
	  "       leergang report write --email E --meeting ID [--agenda T] [--themes T] [--learning-moments T]\n"
	  "       [--reflection T] [--publish]\n"
	  "       leergang report --org SLUG --level group|batch|programme|organisation --id ID\n"
	  "       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format json|pdf] [--output FILE]" },
	{ "story", cmd_story, "export a group's learning story (Markdown or PDF)",
	  "leergang story --email E --group ID [--format md|pdf] [--output FILE]" },
	{ "impact", cmd_impact, "show a programme's impact map with its figures, or put a whole map in its place",
	  "leergang impact show --org SLUG --programme ID [--format text|json]\n"
	  "       leergang impact set --org SLUG --programme ID --file MAP.json\n"
	  "\n"
	  "MAP.json is what POST /api/v1/programmes/{id}/impact takes: {\"outcomes\": [{\"level\", \"text\",\n"
	  "\"evidence\"}]}. set replaces the whole map, or changes nothing and lists every mistake." },
	{ "search", cmd_search, "search as an account would, printing the results as JSON",
	  "leergang search --email E [--page N] QUERY   (20 results a page, pages 1-10)" },
	{ "stats", cmd_stats, "statistics of questionnaire answers or 360\xC2\xB0 feedback in a CSV file, as JSON",
	  "leergang stats FILE.csv --items A,B,... [--reverse A,...] [--scale-min 1] [--scale-max 5]\n"
	  "       [--group COLUMN] [--paired PRE,POST]\n"
	  "       leergang stats 360 FILE.csv\n"
	  "       leergang stats kappa FILE.csv --raters A,B[,C...] [--weights none|linear|quadratic]\n"
	  "       [--categories C1,C2,...]\n"
	  "       leergang stats agreement FILE.csv [--without-uncoded] [--coders A,B] [--sources S1,S2,...]\n"
	  "       leergang stats twowave FILE.csv --group COLUMN --groups A,B --paired W1,W2\n"
	  "\n"
	  "FILE.csv has a header row and a row per respondent; ';' ',' or TAB separate the cells, an\n"
	  "empty cell is a missing answer, and '3,5' and '3.5' are both three and a half. Answers to\n"
	  "--items must be whole points of the scale (default 1..5); --reverse items are turned\n"
	  "(min + max - x) before anything else. The numbers agree with R (tests/stats/README.md):\n"
	  "  items   n, mean, sd (n - 1), counts per scale point\n"
	  "  score   scale score = mean of the answered items; n counts respondents with >= 1 answer\n"
	  "  alpha   psych::alpha(x, check.keys = FALSE): raw and std from pairwise covariances,\n"
	  "          items without variance excluded, if_dropped per item; complete_case = raw\n"
	  "          alpha of the rows with every item answered (n_complete of them)\n"
	  "  groups  the score per value of COLUMN, in file order; with 2 groups welch, student\n"
	  "          (t = first - second, two-sided p) and cohen_d (pooled SD); anova (F, eta2)\n"
	  "  paired  t.test(POST, PRE, paired = TRUE) on rows with both: mean_diff = POST - PRE,\n"
	  "          dz = mean_diff / sd_diff\n"
	  "A number that is undefined (n too small, no variance) is null, with a note saying why.\n"
	  "\n"
	  "stats 360 reads rows subject,rater_role,rater_id,dimension,score (rater_role self, manager,\n"
	  "or any other category such as staff) and prints per subject and dimension: self,\n"
	  "others_n, others_mean and gap = self - others_mean over every rater but self, and the\n"
	  "categories: manager always, a category of 3 or more raters by name, smaller ones merged\n"
	  "into 'others'. Means of fewer than 3 raters are not shown (\"suppressed\": true), nor an\n"
	  "others_mean that would reveal them by subtraction.\n"
	  "\n"
	  "stats kappa compares raters who coded the same units: a column per rater, a row per unit,\n"
	  "an empty cell is no code (the unit is left out of that pair and counted in missing). It\n"
	  "prints the categories (by number when all are numbers, else by bytes; --categories gives\n"
	  "the order, which the weights need), the confusion table (rows: the first rater), the\n"
	  "observed and expected agreement, Cohen's kappa with its SE and 95% interval as\n"
	  "psych::cohen.kappa gives them (Fleiss, Cohen & Everitt), with --weights linear or\n"
	  "quadratic also the weighted kappa, and Krippendorff's alpha (nominal) over all raters.\n"
	  "With more than two raters, a kappa per pair.\n"
	  "\n"
	  "stats agreement compares two coders who coded the same texts, per code, character by\n"
	  "character (as NVivo's coding comparison). FILE.csv has a row per selection,\n"
	  "source,length,coder,code,start,end: characters [start, end) of the source, counted in\n"
	  "code points from 0, coded with the code; length is the source's length in code points.\n"
	  "A row with only source and length (and perhaps code) names a source or a code nobody\n"
	  "coded. The coders are the two in the file, or the two of --coders (others left out);\n"
	  "--sources counts those sources only. Per code: a_only, b_only, both, neither (characters),\n"
	  "a_coded, b_coded, Cohen's kappa with se, lower, upper as psych::cohen.kappa gives them on\n"
	  "the 0/1 vectors, Krippendorff's alpha (nominal) and agreement (% of characters alike).\n"
	  "--without-uncoded leaves out the characters neither coder coded with any code, so that\n"
	  "a mostly uncoded text does not inflate agreement. Overlapping selections count once.\n"
	  "\n"
	  "stats twowave analyses a two-wave study on a file with a row per person: COLUMN says the\n"
	  "group (A the intervention group, B the comparison group), W1 and W2 the two measurements.\n"
	  "Per group the paired change W2 - W1 over the rows with both (t.test(W2, W1, paired = TRUE):\n"
	  "mean_change, sd_change, t, df, p, ci_lower, ci_upper, dz) and the difference in change,\n"
	  "A minus B (t.test(change A, change B), Welch: difference, t, df, p, ci_lower, ci_upper,\n"
	  "hedges_g). A study inside leergang: leergang study analysis (with the n >= 5 rule)." },
	{ "instrument", cmd_instrument, "list the questionnaires an organisation can send, with their keys",
	  "leergang instrument list --org SLUG [--format csv|json]" },
	{ "catalogue", cmd_catalogue, "the learning forms (70/20/10, aim, social), the matcher, the practice examples",
	  "leergang catalogue list --org SLUG [--format csv|json]\n"
	  "       leergang catalogue match --org SLUG --what knowledge|skills --who individual|team|organisation\n"
	  "                --where workplace|classroom|online --how watching|doing|acquiring [--format csv|json]\n"
	  "       leergang catalogue examples [--org SLUG] [--form KEY] [--theme T] [--organisation T] [--format csv|json]\n"
	  "\n"
	  "The fourteen forms are those of the VNG guide (seed 004); their values are leergang's judgement (source\n"
	  "\"leergang\") until the coach changes them (source \"organisatie\"). match ranks them best\n"
	  "first, each with a score and why (in Dutch); --how is the learning preference: watching others,\n"
	  "doing, or acquiring knowledge, practising and discovering. examples searches the 18 practice\n"
	  "examples of seed 004 (with --org: and that organisation's own) by form key, theme and\n"
	  "organisation (parts of words, any case)." },
	{ "method", cmd_method, "list the session methods (action learning, intervision, ...) with their steps",
	  "leergang method list --org SLUG [--format text|json]\n"
	  "       leergang method copy --org SLUG --from KEY --name NAME   (a method of the organisation's own,\n"
	  "                  with the steps of KEY; prints its key)\n"
	  "JSON: {\"methods\": [{\"key\", \"name\", \"source\", \"description\", \"steps\": [{\"n\", \"name\", \"who\",\n"
	  "\"instruction\", \"minutes\", \"source\"}]}]}; source is the seed and its lines, \"leergang\", or\n"
	  "\"organisatie\" for the organisation's own." },
	{ "framework", cmd_framework, "the organisation's frameworks (VLOW, the leadership compass, ...) and their elements",
	  "leergang framework list --org SLUG [--format text|csv|json]\n"
	  "       leergang framework show --org SLUG --framework KEY|ID [--format text|csv|json]   (its elements in\n"
	  "                  tree order, a parent before its children; parent_id 0 at the top)\n"
	  "       leergang framework element add --org SLUG --framework KEY|ID --code C --name N --kind K\n"
	  "                  [--parent CODE] [--description D]   (an element of the organisation's own, under the\n"
	  "                  element with code CODE or at the top; the code unique in the framework; prints its id)" },
	{ "action", cmd_action, "a person's follow-up actions of sessions with a case; the reminder mail of due ones",
	  "leergang action list --email E [--format text|json]\n"
	  "       leergang action remind [--now YYYY-MM-DD] [--dry-run]   (mails each owner of open actions due\n"
	  "                  that day or before, once a day, as the server does daily; --dry-run: who would get one.\n"
	  "                  The mail names due dates and links, never an action's text)\n"
	  "JSON: {\"actions\": [{\"id\", \"text\", \"status\", \"due_on\", \"overdue\", \"owner\": {\"person_id\", \"name\"},\n"
	  "\"carried\", \"session\": {\"id\", \"held_on\", \"group\"}}]}; status is open, done or dropped; overdue: open\n"
	  "and due before today. Read as that person: their own actions only." },
	{ "peer-group", cmd_peer_group, "intervision groups, teams and learning circles, and their people",
	  "leergang peer-group list --org SLUG [--format text|json]\n"
	  "       leergang peer-group add --org SLUG --kind intervision|team|circle --name N [--period P]\n"
	  "                  (a circle needs its period, such as \"vj 2015\"; prints the group's id)\n"
	  "       leergang peer-group member --org SLUG --group ID --employee E [--role member|facilitator] [--remove]\n"
	  "JSON: {\"peer_groups\": [{\"id\", \"kind\", \"name\", \"period\", \"active\", \"members\", \"facilitators\"}]}" },
	{ "presentation", cmd_presentation, "the presentations that close a learning circle (the pecha kucha before management)",
	  "leergang presentation add --org SLUG --title T --date YYYY-MM-DD\n"
	  "                  --audience management|executive|team|department\n"
	  "                  [--kind pecha_kucha|other] [--group ID] --presenter E [--presenter E...]   (prints its id)\n"
	  "       leergang presentation list --org SLUG [--format text|json]\n"
	  "       leergang presentation attendee --org SLUG --id ID --person E [--remove]   (who was there;\n"
	  "                  adding someone twice is no error)\n"
	  "JSON: {\"presentations\": [{\"id\", \"kind\", \"audience\", \"held_on\", \"title\", \"group_id\",\n"
	  "\"presenters\": [{\"person_id\", \"name\"}]}]}; presenters and members by employee number" },
	{ "network", cmd_network, "the recruitment network: who encouraged whom, with igraph's measures",
	  "leergang network --org SLUG [--format json|graphml] [--pseudonyms]\n"
	  "                  (--pseudonyms: the research export, P-... instead of names, no employee number\n"
	  "                  or e-mail; the same person the same pseudonym in every export)\n"
	  "JSON: {\"nodes\": [{\"id\", \"label\", \"kind\", \"department\", \"team\", \"role\", \"team_leader\",\n"
	  "\"circles\", \"periods\", \"in_degree\", \"out_degree\", \"betweenness\", \"component\", \"reach\", \"x\", \"y\"}],\n"
	  "\"edges\": [{\"from\", \"to\", \"kind\", \"date\"}], \"components\", \"starters\": [{\"id\", \"reach\"}]};\n"
	  "ids p<person>, o<k> (outside the people list), x<presentation>; edge kinds person, presentation,\n"
	  "presented; components numbered by size, largest first" },
	{ "spread", cmd_spread, "the spread table: participants per department and team per circle, batch or group",
	  "leergang spread --org SLUG [--by circle|batch|group] [--from YYYY-MM-DD] [--to YYYY-MM-DD] --format json|csv\n"
	  "                  (a column is in when it starts within --from..--to; a circle starts at its period's season)\n"
	  "JSON: {\"columns\": [{\"name\", \"period\"}], \"departments\": [{\"name\", \"n\", \"teams\": [{\"name\", \"n\",\n"
	  "\"team_leaders\", \"cells\": {COLUMN: N}}]}], \"total\": N}; every person once in n and the total" },
	{ "buddy", cmd_buddy, "lone participants, buddy suggestions and buddy pairs",
	  "leergang buddy list --org SLUG [--format text|json]   (lone participants, suggestions, every pair)\n"
	  "       leergang buddy add --org SLUG --person E --buddy E   (prints the pair's id)\n"
	  "       leergang buddy end --org SLUG --id ID   (the pair stays in the history)\n"
	  "JSON: {\"lone\": [{\"person_id\", \"name\", \"department\", \"team\", \"only_in_team\", \"unlinked\",\n"
	  "\"open_pairs\", \"suggestions\": [{\"person_id\", \"name\", \"reason\"}]}], \"pairs\": [{\"id\", \"person_id\",\n"
	  "\"person\", \"buddy_id\", \"buddy\", \"reason\", \"started_on\", \"ended_on\"}]}; people by employee number" },
	{ "referral", cmd_referral, "how a person came to take part: encouraged by someone, a presentation, or own initiative",
	  "leergang referral add --org SLUG --person E (--by E | --by-name NAME [--role R] | --presentation ID | --own)\n"
	  "                  [--date YYYY-MM-DD]   (R: manager, head_of_department, team_leader, colleague, top,\n"
	  "                  outside; --by with --role too; the date is today when left out; prints its id)\n"
	  "       leergang referral list --org SLUG [--person E] [--format text|json]\n"
	  "       leergang referral remove --org SLUG --id ID\n"
	  "JSON: {\"referrals\": [{\"id\", \"person_id\", \"person\", \"kind\", \"by_person_id\", \"by_person\",\n"
	  "\"by_name\", \"by_role\", \"presentation_id\", \"presentation\", \"noted_on\"}]}; kind is person,\n"
	  "presentation or own; people by employee number. Several may apply to one person." },
	{ "study", cmd_study, "the analysis of a two-wave study (paired change per group, the difference between groups)",
	  "leergang study analysis --org SLUG --study ID\n"
	  "JSON as GET /api/v1/studies/{id}/analysis: the study, the people and pairs per group, and per\n"
	  "scale the change per group and the difference in change; nothing when a group has fewer than\n"
	  "5 people who answered both measurements." },
	{ "qda", cmd_qda, "read a REFI-QDA project (.qdpx, .qde) or codebook (.qdc): what it holds, or write it back",
	  "leergang qda inspect FILE.qdpx|FILE.qde|FILE.qdc\n"
	  "       leergang qda convert IN OUT.qdpx|OUT.qdc   (read IN, then write it: a .qdpx, or its codebook as a .qdc)\n"
	  "       leergang qda import --org SLUG [--name NAME] [--member EMAIL]... FILE.qdpx|FILE.qdc\n"
	  "                (a new research project; members: every researcher of the organisation when none is given)\n"
	  "       leergang qda export --org SLUG --project ID --output FILE.qdpx   (names replaced by pseudonyms)\n"
	  "       leergang qda codebook --org SLUG --project ID --output FILE.qdc\n"
	  "       leergang qda text FILE.docx|FILE.odt   (the plain text leergang takes from a document)\n"
	  "JSON: {\"name\", \"origin\", \"codebook_only\", \"codes\", \"codings\", \"sources\", \"users\", \"selections\",\n"
	  "\"notes\", \"not_carried_over\": [{\"what\", \"count\", \"reason\"}]}: the counts are of what is carried over\n"
	  "(text sources with their text, their plain-text selections and codings, the code tree, users, notes);\n"
	  "not_carried_over counts the rest with a reason. A hostile file (a DOCTYPE, a path outside the\n"
	  "archive, past the size limits) is refused with its reason." },
	{ "wave", cmd_wave, "send a questionnaire to a population, list its links, mail and remind, close it",
	  "leergang wave add --org SLUG --instrument KEY --population group:ID|batch:ID|programme:ID|unit:ID\n"
	  "                  --opens YYYY-MM-DD --closes YYYY-MM-DD [--anonymous] [--name NAME]\n"
	  "                  [--purpose TEXT]   (prints its id; the purpose is shown to the respondents)\n"
	  "       leergang wave links --wave ID      (CSV employee_id,name,email,link of everyone asked)\n"
	  "       leergang wave send --org SLUG --wave ID     (the invitations by e-mail to those who\n"
	  "                  have not had one; needs LEERGANG_SMTP_URL)\n"
	  "       leergang wave remind --org SLUG --wave ID   (a reminder to those who have not answered:\n"
	  "                  by e-mail with LEERGANG_SMTP_URL, else their links as CSV for a mail merge)\n"
	  "       leergang wave close [--org SLUG] --wave ID  (closes it now: the links answer no more)\n"
	  "\n"
	  "The links are the keys to answering in someone's name: wave links is for the administrator\n"
	  "on the server (the links' address is LEERGANG_PUBLIC_URL, else http://127.0.0.1:8080).\n"
	  "When the server sends e-mail, send the invitations with wave send or from the wave's page." },
	{ "backup", cmd_backup, "write a consistent copy of the database",
	  "leergang backup FILE\n"
	  "\n"
	  "FILE gets a consistent copy of the whole database, also while the server runs. It holds\n"
	  "everything leergang holds: names, personal texts, answers, and each wave's link key.\n"
	  "The personal links of a wave are computed from that key and the invitation numbers, which\n"
	  "are in the same file: whoever has a backup can recompute every personal link (and with it\n"
	  "answer as that person while the wave is open) and trace the pseudonyms of a wave's exports\n"
	  "back to its invitations. Passwords, sessions and API tokens are kept only as hashes and do\n"
	  "not work from a backup.\n"
	  "Keep a backup as you keep the server: encrypted (gpg --symmetric, or an encrypted disk),\n"
	  "readable by the administrators alone, away from the server, and deleted when the\n"
	  "organisation's retention period has passed. To restore: stop leergang, put the file in\n"
	  "place of the database (removing its -wal and -shm files), start leergang.\n"
	  "On PostgreSQL (--db postgresql://...) use its own tools: pg_dump --format=custom --file=FILE URI,\n"
	  "and pg_restore --dbname=URI FILE into a new, empty database; keep the file LEERGANG_OIDC_KEY\n"
	  "names with the dumps." },
	{ "help", cmd_help, "show the commands, or the usage of one", "leergang help [COMMAND]" },
	{ 0, 0, 0, 0 },
};

const struct command *command_find(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

void cmd_usage(const char *name)
{
	const struct command *c = command_find(name);
	die("usage: %s", c ? c->usage : "leergang help");
}

int cmd_help(int argc, char **argv)
{
	if (argc > 1) {
		const struct command *c = command_find(argv[1]);
		if (!c)
			die("'%s' is not a leergang command; see 'leergang help'", argv[1]);
		printf("usage: %s\n\n%s\n", c->usage, c->summary);
		return 0;
	}
	printf("usage: leergang [--db PATH] COMMAND [ARGS]\n\n"
	       "The database is --db PATH, else $LEERGANG_DB, else var/leergang.db: an SQLite file,\n"
	       "or a PostgreSQL database given as postgresql://USER@HOST/NAME.\n\n"
	       "Commands:\n");
	for (const struct command *c = commands; c->name; c++)
		printf("  %-11s %s\n", c->name, c->summary);
	printf("\n  --version  print the version\n");
	return 0;
}

/* sav.h — a data table (table.h) as an SPSS system file (.sav), with
 * ReadStat's writer; read back by SPSS, PSPP, R (haven) and pandas.
 *
 * - Variable names are the column names made valid for SPSS: letters,
 *   digits and '_' (anything else becomes '_'), starting with a letter
 *   ("v" put before one that does not), at most 64 bytes, not a reserved
 *   word (ALL AND BY EQ GE GT LE LT NE NOT OR TO WITH: "v_" before it),
 *   unique without regard to case ("_2", "_3" after a repeat).
 * - Variable labels are the column labels, cut at 256 bytes; value labels
 *   at 120 bytes; the file label (the table's title) at 64 bytes: every
 *   cut falls between characters (UTF-8), the file says it is UTF-8.
 * - Numbers are F8.0 (no decimals: answers are points and codes) with the
 *   column's measurement level; texts are strings as wide as their longest
 *   value (at least 1 byte, at most 32767).
 * - Missing values are declared: a missing number is written as a code,
 *   -9 unless -9 is a value or a value label of that column (then -99,
 *   -999, ...), declared as the variable's user-missing value and labelled
 *   with the table's missing_label ("geen antwoord"); so SPSS and PSPP
 *   leave it out of every statistic, and R's haven and pandas read it as NA.
 *   A column marked complete (an identifier) declares none.
 *   A missing text is the empty string (SPSS pads it with blanks): it is
 *   not declared, as ReadStat 1.1.8 writes a string's missing values as
 *   numbers.
 * - The table's notes become the file's documents (lines of at most 80
 *   bytes, wrapped at spaces). */
#ifndef LG_FORMATS_SAV_H
#define LG_FORMATS_SAV_H

#include "table.h"

#define SAV_NAME_MAX 64
#define SAV_VARIABLE_LABEL_MAX 256
#define SAV_VALUE_LABEL_MAX 120
#define SAV_FILE_LABEL_MAX 64
#define SAV_STRING_MAX 32767

/* The SPSS name of every column, as sav_write() gives them: names[c] gets
 * a string of at most SAV_NAME_MAX bytes, malloc()ed (free each). */
void sav_names(const struct data_table *t, char **names);
/* The missing code of number column c (see above). */
double sav_missing_code(const struct data_table *t, size_t c);

/* Appends the .sav file to out; 0, or -1 with a reason in err (for the
 * operator's log). */
int sav_write(const struct data_table *t, struct buf *out, struct buf *err);

#endif

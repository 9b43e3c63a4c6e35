/* import_impl.h — private to the two CSV importers (import.c: the lists;
 * import_meeting.c: sign-in sheets): what both read the same way. */
#ifndef QINGDAN_IMPORT_IMPL_H
#define QINGDAN_IMPORT_IMPL_H

#include "qingdan/csv.h"
#include "qingdan/util.h"

/* Trim spaces, tabs, line breaks and the ideographic space U+3000 at both
 * ends, in place (the record's bytes belong to us until the next one). */
char *import_trim(char *s);
/* Only spaces (Excel writes an empty sheet row as ",,,,"). */
int import_blank_record(const struct csv_record *rec);
/* What is wrong with the file, for its reader: FILE, the line, what to do. */
void import_csv_failure(const struct csv_fail *f, const char *file, struct strbuf *out);

#endif

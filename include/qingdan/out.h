/* out.h — writing listings in the four formats of the command line:
 * `table` (for people: localized headers and labels, columns aligned by
 * display width, long text cut with …), `tsv`, `csv` (header row, English
 * keys and status codes, id first) and `json` (an array of objects built by
 * SQLite).  An out_sink is a rowsink (store.h) that writes to a FILE. */
#ifndef QINGDAN_OUT_H
#define QINGDAN_OUT_H

#include <stdio.h>

#include "qingdan/store.h"

enum out_format { OUT_TABLE, OUT_TSV, OUT_CSV, OUT_JSON };
int out_parse_format(const char *s);     /* -1 if unknown */

struct out_sink {
	struct rowsink base;
	enum out_format fmt;
	FILE *f;
	int ncol, nrows;
	char **names;
	char ***rows;            /* table: buffered until out_finish */
	int max_cell;            /* table: cut cells wider than this (columns) */
};

void out_init(struct out_sink *o, enum out_format fmt, FILE *f);
/* Write what is buffered and the closing bracket; frees the buffers. */
void out_finish(struct out_sink *o);

#endif

/* out.h — writing listings in the four formats of the command line:
 * `table` (for people: localized headers and labels, columns aligned by
 * display width, long text cut with …), `tsv`, `csv` (header row, English
 * keys and status codes, id first) and `json` (an array of objects built by
 * SQLite).  An out_sink is a rowsink (store.h) that writes to a FILE.
 *
 * Rows stream: tsv/csv/json write each row as it comes, with no allocation
 * per cell; table measures its columns on the first OUT_TABLE_PROBE rows
 * and writes the rest to those widths (wider cells cut with …), so memory
 * stays flat however many rows match.  When the FILE is a terminal every
 * format goes through text_sanitize (no control character, bad byte or
 * stray bidi control reaches the screen); files and pipes get the data
 * exactly. */
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
	char ***rows;            /* table: the first rows, until widths are set */
	int *width;              /* table: column widths once set, else NULL */
	int max_cell;            /* table: cut cells wider than this (columns) */
	int tty;                 /* f is a terminal: sanitise every format */
	struct strbuf line;      /* tsv: the row being written, reused */
	int due_col;             /* table: a due column filled from a last due_text, else -1 */
};

#define OUT_TABLE_PROBE 200      /* table rows measured before writing */

/* tty is taken from isatty(fileno(f)); callers may override it after. */
void out_init(struct out_sink *o, enum out_format fmt, FILE *f);
/* Write what is buffered and the closing bracket; frees the buffers. */
void out_finish(struct out_sink *o);

#endif

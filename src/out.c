/* out.c — the rowsink behind every listing of the command line (out.h).
 * tsv/csv/json stream row by row with no allocation per cell; table
 * measures the first OUT_TABLE_PROBE rows, then streams the rest to those
 * widths.  To a terminal every format is sanitised (text_sanitize). */
#include "qingdan/out.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/csv.h"
#include "qingdan/meeting.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/text.h"

int out_parse_format(const char *s)
{
	static const char *const names[] = {"table", "tsv", "csv", "json"};
	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* A TSV cell and the separator after it onto the row being built: TSV
 * cannot hold tabs or line breaks, so they become spaces (the cell is
 * copied whole, then mended).  The row is not NUL-terminated. */
static void tsv_cell(struct strbuf *line, const char *s, char after)
{
	size_t n = strlen(s);
	if (line->len + n + 2 > line->cap) {
		line->cap = (line->len + n + 2) * 2;
		line->s = xrealloc(line->s, line->cap);
	}
	char *at = line->s + line->len;
	memcpy(at, s, n);
	at[n] = '\0';
	for (char *p = at; *(p += strcspn(p, "\t\n\r")); p++)
		*p = ' ';
	at[n] = after;
	line->len += n + 1;
}

/* A cell for a terminal: tsv's blanks first (tabs and line breaks are
 * spaces in tsv, not U+FFFD), then text.c's rules for what may be shown. */
static void put_cell_tty(struct out_sink *o, const char *v)
{
	char *clean;
	if (o->fmt == OUT_TSV) {
		char *blank = xstrdup(v);
		for (char *p = blank; *p; p++)
			if (*p == '\t' || *p == '\n' || *p == '\r')
				*p = ' ';
		clean = text_sanitize(blank, 0);
		free(blank);
		fputs(clean, o->f);
	} else {
		clean = text_sanitize(v, 1);
		csv_write_field(o->f, clean);
	}
	free(clean);
}

static void sink_header(struct rowsink *rs, int ncol, const char *const *names)
{
	struct out_sink *o = (struct out_sink *)rs;
	o->ncol = ncol;
	o->names = xcalloc((size_t)ncol, sizeof *o->names);
	for (int i = 0; i < ncol; i++)
		o->names[i] = xstrdup(names[i]);
	if (o->fmt == OUT_JSON) {
		fputs("[", o->f);
		return;
	}
	/* table: a last due_text column is no column of its own but fills an
	 * empty due (长期坚持, no date), as the screen shows it */
	for (int i = 0; o->fmt == OUT_TABLE && ncol > 1 && i < ncol - 1; i++)
		if (strcmp(names[i], "due") == 0 && strcmp(names[ncol - 1], "due_text") == 0) {
			o->due_col = i;
			free(o->names[--o->ncol]);
		}
	for (int i = 0; i < ncol && o->fmt != OUT_TABLE; i++) {
		if (i)
			fputc(o->fmt == OUT_TSV ? '\t' : ',', o->f);
		fputs(names[i], o->f);
	}
	if (o->fmt != OUT_TABLE)
		fputs(o->fmt == OUT_CSV ? "\r\n" : "\n", o->f);
}

/* Human labels for coded values in table output (clean text). */
static char *table_value(const char *col, const char *v)
{
	int st;
	if (strcmp(col, "status") == 0 && (st = status_parse(v)) >= 0)
		return xstrdup(status_label((enum item_status)st));
	if (strcmp(col, "flags") == 0)
		return flags_label(v);
	if (strcmp(col, "party") == 0 && (st = party_parse(v)) >= 0)
		return xstrdup(party_label((enum party_standing)st));
	if (strcmp(col, "committee") == 0 && (st = committee_parse(v)) >= 0)
		return xstrdup(committee_label((enum committee_role)st));
	if (strcmp(col, "level") == 0 && level_parse(v) >= 0)
		return xstrdup(level_label((enum org_level)level_parse(v)));
	return text_sanitize(v, 0);
}

/* One table line: clean cells cut or padded to the widths, two spaces
 * apart, no trailing blanks.  line is reused from row to row. */
static void table_line(struct out_sink *o, struct strbuf *line, const char *const *cells)
{
	sb_reset(line);
	for (int c = 0; c < o->ncol; c++) {
		const char *v = cells[c];
		int w;
		if (c)
			sb_puts(line, "  ");
		if (text_width(v) > o->width[c]) {
			size_t n = text_prefix(v, o->width[c] - 1, &w);
			sb_add(line, v, n);
			sb_puts(line, "\xE2\x80\xA6");
			w++;
		} else {
			size_t n = text_prefix(v, o->width[c], &w);
			sb_add(line, v, n);
		}
		for (; w < o->width[c]; w++)
			sb_putc(line, ' ');
	}
	while (line->len && line->s[line->len - 1] == ' ')
		line->s[--line->len] = '\0';
	fwrite(line->s ? line->s : "", 1, line->len, o->f);
	fputc('\n', o->f);
}

/* Widths from the header and the rows held so far; write them all. */
static void table_flush(struct out_sink *o)
{
	const char **cells = xcalloc((size_t)o->ncol, sizeof *cells);
	struct strbuf line = {0};
	o->width = xcalloc((size_t)o->ncol, sizeof *o->width);
	for (int c = 0; c < o->ncol; c++)
		o->width[c] = text_width(msg_column(o->names[c]));
	for (int r = 0; r < o->nrows; r++)
		for (int c = 0; c < o->ncol; c++) {
			int cw = text_width(o->rows[r][c]);
			if (cw > o->max_cell)
				cw = o->max_cell;
			if (cw > o->width[c])
				o->width[c] = cw;
		}
	for (int c = 0; c < o->ncol; c++)
		cells[c] = msg_column(o->names[c]);
	table_line(o, &line, cells);
	for (int r = 0; r < o->nrows; r++) {
		table_line(o, &line, (const char *const *)o->rows[r]);
		for (int c = 0; c < o->ncol; c++)
			free(o->rows[r][c]);
		free(o->rows[r]);
	}
	free(o->rows);
	o->rows = NULL;
	sb_free(&line);
	free(cells);
}

static void table_row(struct out_sink *o, const char *const *vals)
{
	char **cells = xcalloc((size_t)o->ncol, sizeof *cells);
	for (int i = 0; i < o->ncol; i++) {
		int fill = i == o->due_col && vals[i] && !*vals[i];   /* no date: the due text */
		cells[i] = table_value(o->names[i], fill ? vals[o->ncol] : vals[i]);
	}
	if (!o->width) {
		o->rows = xrealloc(o->rows, (size_t)(o->nrows + 1) * sizeof *o->rows);
		o->rows[o->nrows] = cells;
		if (o->nrows + 1 == OUT_TABLE_PROBE) {
			o->nrows++;
			table_flush(o);
			o->nrows--;
		}
		return;
	}
	struct strbuf line = {0};
	table_line(o, &line, (const char *const *)cells);
	sb_free(&line);
	for (int i = 0; i < o->ncol; i++)
		free(cells[i]);
	free(cells);
}

static void sink_row(struct rowsink *rs, const char *const *vals, const char *json)
{
	struct out_sink *o = (struct out_sink *)rs;
	switch (o->fmt) {
	case OUT_JSON:
		fputs(o->nrows ? ",\n" : "\n", o->f);
		if (o->tty) {
			char *clean = text_sanitize(json, 0);
			fputs(clean, o->f);
			free(clean);
		} else {
			fputs(json, o->f);
		}
		break;
	case OUT_TSV:
		if (!o->tty) {
			/* the row in one buffer, out in one write: a locked stdio
			 * call per cell and per tab was a third of `stats --by
			 * person` (100k rows) */
			o->line.len = 0;
			for (int i = 0; i < o->ncol; i++)
				tsv_cell(&o->line, vals[i], i + 1 < o->ncol ? '\t' : '\n');
			fwrite(o->line.s, 1, o->line.len, o->f);
			break;
		}
		/* fall through */
	case OUT_CSV:
		for (int i = 0; i < o->ncol; i++) {
			if (i)
				fputc(o->fmt == OUT_TSV ? '\t' : ',', o->f);
			if (o->tty)
				put_cell_tty(o, vals[i]);
			else
				csv_write_field(o->f, vals[i]);
		}
		fputs(o->fmt == OUT_CSV ? "\r\n" : "\n", o->f);
		break;
	case OUT_TABLE:
		table_row(o, vals);
		break;
	}
	o->nrows++;
}

void out_init(struct out_sink *o, enum out_format fmt, FILE *f)
{
	memset(o, 0, sizeof *o);
	o->base.header = sink_header;
	o->base.row = sink_row;
	o->base.want_json = fmt == OUT_JSON;
	o->fmt = fmt;
	o->f = f;
	o->max_cell = 40;
	o->due_col = -1;
	o->tty = isatty(fileno(f));
}

void out_finish(struct out_sink *o)
{
	if (o->fmt == OUT_JSON)
		fputs(o->names ? (o->nrows ? "\n]\n" : "]\n") : "[]\n", o->f);
	if (o->fmt == OUT_TABLE && o->names && !o->width)
		table_flush(o);
	free(o->width);
	sb_free(&o->line);
	for (int c = 0; c < o->ncol; c++)
		free(o->names[c]);
	free(o->names);
	o->width = NULL;
	o->names = NULL;
}

/* out.c — the rowsink behind every listing of the command line (out.h).
 * tsv/csv/json stream row by row; table buffers the rows to measure them. */
#include "qingdan/out.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/csv.h"
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

/* TSV cannot hold tabs or line breaks: they become spaces. */
static void put_tsv(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
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
	for (int i = 0; i < ncol && o->fmt != OUT_TABLE; i++) {
		if (i)
			fputc(o->fmt == OUT_TSV ? '\t' : ',', o->f);
		fputs(names[i], o->f);
	}
	if (o->fmt != OUT_TABLE)
		fputs(o->fmt == OUT_CSV ? "\r\n" : "\n", o->f);
}

/* Human labels for coded values in table output. */
static char *table_value(const char *col, const char *v)
{
	int st;
	if (strcmp(col, "status") == 0 && (st = status_parse(v)) >= 0)
		return xstrdup(status_label((enum item_status)st));
	if (strcmp(col, "flags") == 0)
		return flags_label(v);
	if (strcmp(col, "level") == 0 && level_parse(v) >= 0)
		return xstrdup(level_label((enum org_level)level_parse(v)));
	return text_sanitize(v, 0);
}

static void sink_row(struct rowsink *rs, const char *const *vals, const char *json)
{
	struct out_sink *o = (struct out_sink *)rs;
	switch (o->fmt) {
	case OUT_JSON:
		fprintf(o->f, "%s\n%s", o->nrows ? "," : "", json);
		break;
	case OUT_TSV:
	case OUT_CSV:
		for (int i = 0; i < o->ncol; i++) {
			if (i)
				fputc(o->fmt == OUT_TSV ? '\t' : ',', o->f);
			if (o->fmt == OUT_TSV)
				put_tsv(o->f, vals[i]);
			else
				csv_write_field(o->f, vals[i]);
		}
		fputs(o->fmt == OUT_CSV ? "\r\n" : "\n", o->f);
		break;
	case OUT_TABLE:
		o->rows = xrealloc(o->rows, (size_t)(o->nrows + 1) * sizeof *o->rows);
		o->rows[o->nrows] = xcalloc((size_t)o->ncol, sizeof(char *));
		for (int i = 0; i < o->ncol; i++)
			o->rows[o->nrows][i] = table_value(o->names[i], vals[i]);
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
}

static void write_table(struct out_sink *o)
{
	int *w = xcalloc((size_t)o->ncol, sizeof *w);
	for (int c = 0; c < o->ncol; c++)
		w[c] = text_width(msg_column(o->names[c]));
	for (int r = 0; r < o->nrows; r++)
		for (int c = 0; c < o->ncol; c++) {
			int cw = text_width(o->rows[r][c]);
			if (cw > o->max_cell)
				cw = o->max_cell;
			if (cw > w[c])
				w[c] = cw;
		}
	for (int r = -1; r < o->nrows; r++) {
		struct strbuf line = {0};
		for (int c = 0; c < o->ncol; c++) {
			const char *v = r < 0 ? msg_column(o->names[c]) : o->rows[r][c];
			char *cell = text_width(v) > w[c] ? text_fit(v, w[c], 1) : NULL;
			char *padded = text_pad(cell ? cell : v, w[c], 'l');
			sb_printf(&line, "%s%s", c ? "  " : "", padded);
			free(cell);
			free(padded);
		}
		while (line.len && line.s[line.len - 1] == ' ')
			line.s[--line.len] = '\0';
		fprintf(o->f, "%s\n", line.s ? line.s : "");
		sb_free(&line);
	}
	free(w);
}

void out_finish(struct out_sink *o)
{
	if (o->fmt == OUT_JSON)
		fputs(o->names ? (o->nrows ? "\n]\n" : "]\n") : "[]\n", o->f);
	if (o->fmt == OUT_TABLE && o->names)
		write_table(o);
	for (int r = 0; r < o->nrows && o->rows; r++) {
		for (int c = 0; c < o->ncol; c++)
			free(o->rows[r][c]);
		free(o->rows[r]);
	}
	free(o->rows);
	for (int c = 0; c < o->ncol; c++)
		free(o->names[c]);
	free(o->names);
	o->rows = NULL;
	o->names = NULL;
}

/* sheet_rows.c — the sheet module's rows (sheet.h): the sheet's XML read
 * twice — once for its merged ranges (<mergeCells> comes after the data),
 * then streamed, one row per call: expat is suspended at the end of each
 * row that has a cell, so memory holds one row, the shared strings and
 * the merged ranges, whatever the size of the sheet. */
#include "sheet_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/msg.h"

/* A callback's failure: message in b->err, the parser stopped. */
static void cb_fail(struct sheet_book *b)
{
	b->bad = 1;
	XML_StopParser(b->p, XML_FALSE);
}

/* ---- pass 1: the merged ranges ---- */

static void XMLCALL merge_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	struct sheet_book *b = ud;
	if (strcmp(sheet_local(name), "mergeCell") != 0)
		return;
	const char *ref = sheet_attr(attrs, "ref");
	const char *colon = ref ? strchr(ref, ':') : NULL;
	struct merge m = {0};
	if (!colon || sheet_ref(ref, &m.c1, &m.r1) != 0 || sheet_ref(colon + 1, &m.c2, &m.r2) != 0 ||
	    !m.c1 || !m.r1 || !m.c2 || !m.r2)
		return;   /* not a range: nothing to spread */
	if (m.r2 < m.r1 || m.c2 < m.c1)
		return;
	if (b->nmerges >= SHEET_MAX_MERGES) {
		sb_printf(b->err, msg(M_SH_TOO_MANY), b->file, "mergeCell", SHEET_MAX_MERGES);
		cb_fail(b);
		return;
	}
	if ((b->nmerges & (b->nmerges - 1)) == 0)
		b->merges = xrealloc(b->merges, (size_t)(b->nmerges ? b->nmerges * 2 : 1) * sizeof *b->merges);
	b->merges[b->nmerges++] = m;
}

static int by_r1(const void *a, const void *b)
{
	const struct merge *x = a, *y = b;
	return x->r1 < y->r1 ? -1 : x->r1 > y->r1;
}

int sheet_merges_read(struct sheet_book *b, struct strbuf *err)
{
	int rc = sheet_part_open(b, b->part, b->budget, err);
	if (rc == 0)
		sb_printf(err, msg(M_SH_MISSING_PART), b->file, b->part);
	if (rc <= 0)
		return -1;
	XML_Parser p = sheet_parser(b);
	XML_SetStartElementHandler(p, merge_start);
	char *buf = xmalloc(SHEET_CHUNK);
	long long total = 0;
	b->p = p;
	b->err = err;
	for (rc = 0;;) {
		int n = sheet_part_read(b, b->part, buf, &total, b->budget, err);
		if (n < 0) {
			rc = -1;
			break;
		}
		if (XML_Parse(p, buf, n, n == 0) != XML_STATUS_OK) {
			if (!b->bad)
				sheet_xml_error(b, p, b->part, err);
			if (n > 0)
				unzCloseCurrentFile(b->uf);
			rc = -1;
			break;
		}
		if (n == 0)
			break;
	}
	b->p = NULL;
	b->total = total;
	XML_ParserFree(p);
	free(buf);
	if (rc == 0 && b->nmerges)
		qsort(b->merges, (size_t)b->nmerges, sizeof *b->merges, by_r1);
	return rc;
}

/* ---- pass 2: the rows ---- */

static void free_cells(char **cells, int n, const char *empty)
{
	for (int i = 0; i < n; i++)
		if (cells[i] != empty)
			free(cells[i]);
}

static void set_cell(struct sheet_book *b, int col, char *v)
{
	if (col > b->cap) {
		int cap = b->cap ? b->cap : 16;
		while (cap < col)
			cap *= 2;
		b->cells = xrealloc(b->cells, (size_t)cap * sizeof *b->cells);
		b->cap = cap;
	}
	while (b->ncells < col)
		b->cells[b->ncells++] = NULL;
	free(b->cells[col - 1]);
	b->cells[col - 1] = v;
}

/* Serial day (1900 or 1904 system) → "2026-03-31"; 0 when not a day. */
static int serial_date(double v, int date1904, char *out)
{
	if (!(v >= 1 && v < 2958466))
		return 0;
	long n = (long)floor(v);
	int day;
	if (date1904)
		day = date_from_ymd(1904, 1, 1) + (int)n;
	else if (n >= 61)   /* Excel's 1900-02-29, serial 60, never was */
		day = date_from_ymd(1899, 12, 30) + (int)n;
	else
		day = date_from_ymd(1899, 12, 31) + (int)n;
	date_format(day, out);
	return 1;
}

/* The cell just read, as text (guarded for csv_unguard), or -1. */
static char *cell_value(struct sheet_book *b, int col)
{
	const char *t = b->text.s ? b->text.s : "";
	const char *ty = b->ctype;
	char num[64];
	char *v;
	if (strcmp(ty, "s") == 0) {
		char *end;
		long i = strtol(t, &end, 10);
		if (end == t || i < 0 || i >= b->nsst) {
			char ref[24];
			int k = 0;
			for (int c = col; c > 0 && k < 8; c = (c - 1) / 26)
				ref[k++] = (char)('A' + (c - 1) % 26);
			for (int x = 0; x < k / 2; x++) {
				char s = ref[x];
				ref[x] = ref[k - 1 - x];
				ref[k - 1 - x] = s;
			}
			snprintf(ref + k, sizeof ref - (size_t)k, "%ld", b->row);
			sb_printf(b->err, msg(M_SH_SST_INDEX), b->where, b->row, ref, i);
			return NULL;
		}
		v = xstrdup(b->sst[i]);
	} else if (strcmp(ty, "b") == 0) {
		v = xstrdup(strcmp(t, "1") == 0 || strcmp(t, "true") == 0 ? "TRUE" : "FALSE");
	} else if (strcmp(ty, "d") == 0) {
		v = xstrndup(t, strlen(t) > 10 ? 10 : strlen(t));   /* 2026-03-31T00:00:00 */
	} else if (strcmp(ty, "inlineStr") == 0 || strcmp(ty, "str") == 0 || strcmp(ty, "e") == 0 || !*t) {
		sheet_unescape(&b->text);
		v = xstrdup(b->text.s ? b->text.s : "");
	} else {
		char *end;
		double d = strtod(t, &end);
		int is_date = b->cstyle >= 0 && b->cstyle < b->nxf && b->xf_date[b->cstyle];
		if (end == t || *end)
			v = xstrdup(t);
		else if (is_date && serial_date(d, b->date1904, num))
			v = xstrdup(num);
		else {
			snprintf(num, sizeof num, "%.15g", d);
			v = xstrdup(num);
		}
	}
	if (csv_needs_guard(v)) {
		char *g = xasprintf("'%s", v);
		free(v);
		v = g;
	}
	return v;
}

/* The row is read: spread the merged ranges over it, hand it out if it
 * has a cell with something in it. */
static void row_done(struct sheet_book *b)
{
	long row = b->row;
	while (b->next_merge < b->nmerges && b->merges[b->next_merge].r1 <= row) {
		if ((b->nactive & (b->nactive - 1)) == 0)
			b->active = xrealloc(b->active, (size_t)(b->nactive ? b->nactive * 2 : 1) * sizeof *b->active);
		b->active[b->nactive++] = b->next_merge++;
	}
	for (long i = 0; i < b->nactive;) {
		struct merge *m = &b->merges[b->active[i]];
		if (m->r2 < row) {
			b->active[i] = b->active[--b->nactive];
			continue;
		}
		if (m->r1 == row && m->c1 <= b->ncells && b->cells[m->c1 - 1]) {
			free(m->value);
			m->value = xstrdup(b->cells[m->c1 - 1]);
		}
		if (m->value && *m->value)
			for (int c = m->c1; c <= m->c2; c++)
				if (!(row == m->r1 && c == m->c1))
					set_cell(b, c, xstrdup(m->value));
		i++;
	}
	int any = 0;
	for (int i = 0; i < b->ncells && !any; i++)
		any = b->cells[i] && *b->cells[i];
	if (!any) {
		free_cells(b->cells, b->ncells, b->empty);
		b->ncells = 0;
		return;
	}
	for (int i = 0; i < b->ncells; i++)
		if (!b->cells[i])
			b->cells[i] = b->empty;
	b->out = b->cells;
	b->nout = b->ncells;
	b->cells = NULL;
	b->ncells = b->cap = 0;
	b->ready = 1;
	XML_StopParser(b->p, XML_TRUE);
}

static void XMLCALL row_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	struct sheet_book *b = ud;
	const char *el = sheet_local(name);
	if (strcmp(el, "row") == 0) {
		const char *r = sheet_attr(attrs, "r");
		long n = r ? strtol(r, NULL, 10) : b->last_row + 1;
		if (n <= b->last_row || n > SHEET_MAX_ROW) {
			sb_printf(b->err, msg(M_SH_BAD_CELL), b->where, b->last_row + 1, r ? r : "");
			cb_fail(b);
			return;
		}
		b->row = b->last_row = n;
		b->col = 0;
		b->row_bytes = 0;
	} else if (strcmp(el, "c") == 0) {
		const char *r = sheet_attr(attrs, "r"), *t = sheet_attr(attrs, "t");
		const char *s = sheet_attr(attrs, "s");
		int col = b->col + 1;
		long row = 0;
		if (r && (sheet_ref(r, &col, &row) != 0 || !col)) {
			sb_printf(b->err, msg(M_SH_BAD_CELL), b->where, b->row, r);
			cb_fail(b);
			return;
		}
		if (col > SHEET_MAX_COLS) {
			sb_printf(b->err, msg(M_SH_BAD_CELL), b->where, b->row, r ? r : "");
			cb_fail(b);
			return;
		}
		b->col = col;
		b->in_c = 1;
		snprintf(b->ctype, sizeof b->ctype, "%s", t ? t : "n");
		b->cstyle = s ? strtol(s, NULL, 10) : 0;
		sb_reset(&b->text);
	} else if (b->in_c && strcmp(el, "v") == 0) {
		b->in_v = 1;
	} else if (b->in_c && strcmp(el, "is") == 0) {
		b->in_is = 1;
	} else if (b->in_is && strcmp(el, "rPh") == 0) {
		b->rph++;
	} else if (b->in_is && !b->rph && strcmp(el, "t") == 0) {
		b->in_t = 1;
	}
}

static void XMLCALL row_end(void *ud, const XML_Char *name)
{
	struct sheet_book *b = ud;
	const char *el = sheet_local(name);
	if (strcmp(el, "v") == 0) {
		b->in_v = 0;
	} else if (strcmp(el, "t") == 0) {
		b->in_t = 0;
	} else if (strcmp(el, "rPh") == 0 && b->rph) {
		b->rph--;
	} else if (strcmp(el, "is") == 0) {
		b->in_is = 0;
	} else if (strcmp(el, "c") == 0 && b->in_c) {
		b->in_c = 0;
		char *v = cell_value(b, b->col);
		if (!v) {
			cb_fail(b);
			return;
		}
		b->row_bytes += (long)strlen(v);
		if (b->row_bytes > CSV_MAX_RECORD) {
			free(v);
			sb_printf(b->err, msg(M_SH_CELL_LONG), b->where, b->row, "");
			cb_fail(b);
			return;
		}
		set_cell(b, b->col, v);
	} else if (strcmp(el, "row") == 0) {
		row_done(b);
	}
}

static void XMLCALL row_chars(void *ud, const XML_Char *s, int len)
{
	struct sheet_book *b = ud;
	if (!(b->in_v || (b->in_is && b->in_t && !b->rph)))
		return;
	if (sheet_text_add(&b->text, s, len) != 0 && !b->bad) {
		sb_printf(b->err, msg(M_SH_CELL_LONG), b->where, b->row, "");
		cb_fail(b);
	}
}

void sheet_rows_stop(struct sheet_book *b)
{
	if (b->open)
		unzCloseCurrentFile(b->uf);
	b->open = 0;
	if (b->p)
		XML_ParserFree(b->p);
	b->p = NULL;
	free_cells(b->cells, b->ncells, b->empty);
	free(b->cells);
	free_cells(b->out, b->nout, b->empty);
	free(b->out);
	b->cells = b->out = NULL;
	b->ncells = b->cap = b->nout = 0;
	free(b->buf);
	b->buf = NULL;
	free(b->active);
	b->active = NULL;
	b->nactive = b->next_merge = 0;
	for (long i = 0; i < b->nmerges; i++) {
		free(b->merges[i].value);
		b->merges[i].value = NULL;
	}
	sb_free(&b->text);
}

int sheet_rows_start(struct sheet_book *b, struct strbuf *err)
{
	sheet_rows_stop(b);
	b->suspended = b->final = b->eof = b->ready = b->bad = 0;
	b->in_c = b->in_v = b->in_is = b->in_t = b->rph = 0;
	b->row = b->last_row = 0;
	b->read = 0;
	int rc = sheet_part_open(b, b->part, b->budget, err);
	if (rc == 0)
		sb_printf(err, msg(M_SH_MISSING_PART), b->file, b->part);
	if (rc <= 0)
		return -1;
	b->open = 1;
	b->p = sheet_parser(b);
	XML_SetElementHandler(b->p, row_start, row_end);
	XML_SetCharacterDataHandler(b->p, row_chars);
	b->buf = xmalloc(SHEET_CHUNK);
	return 0;
}

int sheet_xlsx_next(struct sheet_book *b, struct csv_record *rec, struct strbuf *err)
{
	free_cells(b->out, b->nout, b->empty);
	free(b->out);
	b->out = NULL;
	b->nout = 0;
	b->err = err;
	b->ready = 0;
	if (b->bad)
		return -1;
	while (!b->ready) {
		enum XML_Status st;
		if (b->suspended) {
			b->suspended = 0;
			st = XML_ResumeParser(b->p);
		} else if (b->eof) {
			return 0;
		} else {
			int n = sheet_part_read(b, b->part, b->buf, &b->read, b->budget, err);
			if (n < 0) {
				b->open = 0;
				b->bad = 1;
				return -1;
			}
			if (n == 0)
				b->open = 0;
			b->final = n == 0;
			st = XML_Parse(b->p, b->buf, n, b->final);
		}
		if (st == XML_STATUS_ERROR) {
			if (!b->bad)
				sheet_xml_error(b, b->p, b->part, err);
			b->bad = 1;
			return -1;
		}
		if (st == XML_STATUS_SUSPENDED)
			b->suspended = 1;
		else if (b->final)
			b->eof = 1;
	}
	rec->line = b->row;
	rec->nfields = b->nout;
	rec->fields = b->out;
	return 1;
}

int sheet_xlsx_rewind(struct sheet_book *b, struct strbuf *err)
{
	return sheet_rows_start(b, err);
}

long long sheet_xlsx_bytes_read(const struct sheet_book *b)
{
	return b->read;
}

long long sheet_xlsx_total_bytes(const struct sheet_book *b)
{
	return b->total;
}

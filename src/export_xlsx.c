/* export_xlsx.c — the xlsx workbook of `qingdan export` (io.h has the
 * contract): one sheet per list, styled frozen header, widths fit for CJK,
 * A4 landscape on paper.  Part of the print module qingdan-print.so
 * (plugin.h), so that only this path loads libxlsxwriter; export.c streams
 * the rows of store_io_export() into it through the module's table.
 *
 * Nothing is held for the whole year except one width per column per
 * sheet: libxlsxwriter's constant-memory mode writes rows as they come. */
#include "qingdan/plugin.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "qingdan/date.h"
#include "qingdan/io.h"
#include "qingdan/msg.h"
#include "qingdan/store_io.h"
#include "qingdan/text.h"

enum { NCOLS = IO__NCOLS };

/* The widest a column gets (in character widths; CJK counts two); longer
 * text wraps in the cell, and its row is made tall enough for it. */
static const int cap[NCOLS] = {16, 6, 14, 48, 40, 32, 12, 12, 12, 14, 10, 12, 8};
/* Points per line of the 11 pt body font, and the row's padding. */
#define LINE_PT 15.0
#define ROW_PAD_PT 3.0

struct xlsx_out {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *body, *date, *num;
	long long sheet_org;
	int row;
	int width[NCOLS];
	char **sheet_names;
	int nsheets;
	int year;
};

/* Excel's sheet names: at most 31 characters, none of []:*?/\, unique. */
static char *sheet_name(struct xlsx_out *x, const char *org)
{
	char base[128];
	size_t k = 0;
	int chars = 0;
	for (const char *p = org; *p && k + 4 < sizeof base && chars < 28;) {
		size_t len = 1;
		while ((p[len] & 0xC0) == 0x80)
			len++;
		if (len == 1 && strchr("[]:*?/\\'", *p))
			base[k++] = '_';
		else
			for (size_t i = 0; i < len; i++)
				base[k++] = p[i];
		p += len;
		chars++;
	}
	base[k] = '\0';
	if (!k)
		strcpy(base, "_");
	char *name = xstrdup(base);
	for (int n = 2;; n++) {
		int taken = 0;
		for (int i = 0; i < x->nsheets && !taken; i++)
			taken = strcmp(x->sheet_names[i], name) == 0;
		if (!taken)
			break;
		free(name);
		name = xasprintf("%s(%d)", base, n);
	}
	x->sheet_names = xrealloc(x->sheet_names, (size_t)(x->nsheets + 1) * sizeof *x->sheet_names);
	x->sheet_names[x->nsheets++] = name;
	return name;
}

/* Columns wide enough for the text (CJK counts two), within limits; long
 * text wraps in the cell instead. */
static void finish_sheet(struct xlsx_out *x)
{
	if (!x->ws)
		return;
	for (int c = 0; c < NCOLS; c++) {
		int w = x->width[c] + 2;
		if (w > cap[c] + 2 && c != 0)
			w = cap[c] + 2;
		worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w < 6 ? 6 : w, NULL);
	}
	if (x->row > 0)
		worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)x->row, NCOLS - 1);
}

static void measure(struct xlsx_out *x, int c, const char *s)
{
	int w = 0, line = 0;
	size_t left = strlen(s);
	for (const char *p = s; left;) {
		unsigned wc;
		int cw;
		size_t n = text_decode(p, left, &wc, &cw);
		if (*p == '\n') {
			line = 0;
		} else {
			line += cw;
			if (line > w)
				w = line;
		}
		p += n;
		left -= n;
	}
	if (w > x->width[c])
		x->width[c] = w;
}

static void start_sheet(struct xlsx_out *x, const char *org)
{
	finish_sheet(x);
	char *name = sheet_name(x, org);
	x->ws = workbook_add_worksheet(x->wb, name);
	x->row = 0;
	for (int c = 0; c < NCOLS; c++) {
		const char *h = io_column_header(c);
		worksheet_write_string(x->ws, 0, (lxw_col_t)c, h, x->head);
		x->width[c] = text_width(h);
	}
	worksheet_set_row(x->ws, 0, 20, NULL);
	worksheet_freeze_panes(x->ws, 1, 0);
	/* on paper: A4 landscape, one page wide, the header on every page */
	worksheet_set_paper(x->ws, 9);
	worksheet_set_landscape(x->ws);
	worksheet_repeat_rows(x->ws, 0, 0);
	worksheet_fit_to_pages(x->ws, 1, 0);
	char *title = xasprintf(msg(M_IO_SHEET_TITLE), x->year, org);
	char *header = xasprintf("&C%s", title);
	worksheet_set_header(x->ws, header);
	worksheet_set_footer(x->ws, "&C&P / &N");
	free(header);
	free(title);
}

static void write_date(struct xlsx_out *x, int c, const char *iso)
{
	int day, y, m, d;
	if (*iso && date_parse(iso, &day) == 0) {
		date_to_ymd(day, &y, &m, &d);
		lxw_datetime dt = {y, m, d, 0, 0, 0};
		worksheet_write_datetime(x->ws, (lxw_row_t)x->row, (lxw_col_t)c, &dt, x->date);
		if (x->width[c] < 10)
			x->width[c] = 10;
	} else {
		worksheet_write_string(x->ws, (lxw_row_t)x->row, (lxw_col_t)c, iso, x->body);
	}
}

/* The lines s takes in a column of width chars: its own line breaks, and
 * each line wrapped where the next character would not fit (a CJK
 * character is two wide; one width is the cell's padding). */
static int wrapped_lines(const char *s, int width)
{
	int avail = width - 1 > 2 ? width - 1 : 2, lines = 1, line = 0;
	size_t left = strlen(s);
	for (const char *p = s; left;) {
		unsigned wc;
		int cw;
		size_t n = text_decode(p, left, &wc, &cw);
		if (*p == '\n') {
			lines++;
			line = 0;
		} else if (line + cw > avail && line > 0) {
			lines++;
			line = cw;
		} else {
			line += cw;
		}
		p += n;
		left -= n;
	}
	return lines;
}

void export_xlsx_row(struct xlsx_out *x, const struct io_export_row *r)
{
	if (!x->ws || r->org_id != x->sheet_org) {
		start_sheet(x, r->org);
		x->sheet_org = r->org_id;
	}
	x->row++;
	char seq[16];
	const char *cells[NCOLS];
	export_cells(r, seq, cells);
	/* the row as tall as its tallest cell, set before its cells are
	 * written (constant-memory mode writes a row out as it ends) */
	char *clean[NCOLS] = {0};
	int lines = 1;
	for (int c = 0; c < NCOLS; c++) {
		if (c == IO_SEQ || c == IO_DUE || c == IO_DONE_ON)
			continue;
		clean[c] = text_sanitize(cells[c], 1);
		measure(x, c, clean[c]);
		/* the first column grows to its text and never wraps */
		int n = wrapped_lines(clean[c], c == 0 ? x->width[c] + 2 : cap[c] + 2);
		if (n > lines)
			lines = n;
	}
	if (lines > 1)
		worksheet_set_row(x->ws, (lxw_row_t)x->row, LINE_PT * lines + ROW_PAD_PT, NULL);
	for (int c = 0; c < NCOLS; c++) {
		if (c == IO_SEQ) {
			worksheet_write_number(x->ws, (lxw_row_t)x->row, (lxw_col_t)c, r->seq, x->num);
		} else if (c == IO_DUE || c == IO_DONE_ON) {
			write_date(x, c, cells[c]);
		} else {
			worksheet_write_string(x->ws, (lxw_row_t)x->row, (lxw_col_t)c, clean[c], x->body);
			free(clean[c]);
		}
	}
}

static lxw_format *cell_format(lxw_workbook *wb, int header)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "宋体");
	format_set_font_size(f, 11);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (header) {
		format_set_bold(f);
		format_set_bg_color(f, 0xD9E1F2);
		format_set_align(f, LXW_ALIGN_CENTER);
		format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	}
	return f;
}

struct xlsx_out *export_xlsx_open(const char *path, int year, struct strbuf *err)
{
	struct xlsx_out *x = xcalloc(1, sizeof *x);
	x->sheet_org = -1;
	x->year = year;
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
	x->wb = workbook_new_opt(path, &opt);
	if (!x->wb) {
		sb_printf(err, msg(M_IO_WRITE_FAILED), path, strerror(errno ? errno : EIO));
		free(x);
		return NULL;
	}
	x->head = cell_format(x->wb, 1);
	x->body = cell_format(x->wb, 0);
	x->date = cell_format(x->wb, 0);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->num = cell_format(x->wb, 0);
	format_set_align(x->num, LXW_ALIGN_CENTER);
	char title[64], author[] = "qingdan";
	snprintf(title, sizeof title, msg(M_IO_SHEET_TITLE), year, "");
	lxw_doc_properties props = {.title = title, .author = author};
	workbook_set_properties(x->wb, &props);
	return x;
}

enum qd_status export_xlsx_close(struct xlsx_out *x, enum qd_status s, struct strbuf *err)
{
	if (!x->ws)           /* an empty year still gets a sheet with the header */
		start_sheet(x, msg(M_IO_PRINT_NONE));
	finish_sheet(x);
	lxw_error e = workbook_close(x->wb);
	if (s == QD_OK && e != LXW_NO_ERROR) {
		sb_printf(err, msg(M_IO_XLSX_FAILED), lxw_strerror(e));
		s = QD_IOERROR;
	}
	for (int i = 0; i < x->nsheets; i++)
		free(x->sheet_names[i]);
	free(x->sheet_names);
	free(x);
	return s;
}


/* ---- a plain table: one sheet, a header row, numbers as numbers (the
 * assessment sheet of `report --assess`) ---- */

static int is_number(const char *s, double *v)
{
	if (!s || !*s)
		return 0;
	char *end;
	errno = 0;
	*v = strtod(s, &end);
	return !errno && *end == '\0' && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9'));
}

enum qd_status export_xlsx_table(const char *path, const char *sheet, int ncol,
				 const char *const *head, int nrow, const char *const *cells,
				 struct strbuf *err)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb) {
		sb_printf(err, msg(M_IO_WRITE_FAILED), path, strerror(errno ? errno : EIO));
		return QD_IOERROR;
	}
	lxw_format *hf = cell_format(wb, 1), *bf = cell_format(wb, 0), *nf = cell_format(wb, 0);
	format_set_align(nf, LXW_ALIGN_RIGHT);
	lxw_worksheet *ws = workbook_add_worksheet(wb, sheet);
	int *width = xcalloc(ncol > 0 ? (size_t)ncol : 1, sizeof *width);
	for (int c = 0; c < ncol; c++) {
		worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], hf);
		width[c] = text_width(head[c]);
	}
	for (int r = 0; r < nrow; r++)
		for (int c = 0; c < ncol; c++) {
			const char *s = cells[(size_t)r * (size_t)ncol + (size_t)c];
			double v;
			if (is_number(s, &v)) {
				worksheet_write_number(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, v, nf);
			} else {
				char *clean = text_sanitize(s ? s : "", 1);
				worksheet_write_string(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, clean, bf);
				int w = text_width(clean);
				if (w > width[c])
					width[c] = w;
				free(clean);
			}
		}
	for (int c = 0; c < ncol; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
				     width[c] + 2 < 6 ? 6 : width[c] + 2 > 40 ? 40 : width[c] + 2, NULL);
	free(width);
	worksheet_freeze_panes(ws, 1, 0);
	if (nrow > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrow, (lxw_col_t)(ncol - 1));
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	lxw_error e = workbook_close(wb);
	if (e != LXW_NO_ERROR) {
		sb_printf(err, msg(M_IO_XLSX_FAILED), lxw_strerror(e));
		return QD_IOERROR;
	}
	return QD_OK;
}

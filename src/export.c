/* export.c — `qingdan export`: everything of the working year out as csv,
 * json or xlsx (DESIGN §5; io.h has the contract).
 *
 * The rows stream from one query (store_io_export) straight to the file:
 * nothing is held for the whole year except, for xlsx, one width per column
 * per sheet (libxlsxwriter's constant-memory mode writes rows as they come).
 * The CSV is the file import reads: same header names, so export → import
 * gives back every field.  A file named with -o goes through outfile.h
 * (a temporary beside it, renamed into place; an existing file only with
 * --force), so a failed export leaves the target as it was. */
#include "qingdan/io.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "qingdan/csv.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/store_io.h"
#include "qingdan/text.h"

enum { NCOLS = IO__NCOLS };

static const char *const col_zh[NCOLS] = {
#define IO_COL_ZH_(id, zh, en) zh,
	IO_COLUMN_LIST(IO_COL_ZH_)
#undef IO_COL_ZH_
};
static const char *const col_en[NCOLS] = {
#define IO_COL_EN_(id, zh, en) en,
	IO_COLUMN_LIST(IO_COL_EN_)
#undef IO_COL_EN_
};

int export_parse_format(const char *s)
{
	static const char *const names[] = {"csv", "json", "xlsx"};
	for (int i = 0; i < 3; i++)
		if (s && strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* The cells of a row in column order (status as label or code). */
static void row_cells(const struct io_export_row *r, char *seq, const char **cells)
{
	int st = status_parse(r->status);
	snprintf(seq, 16, "%d", r->seq);
	const char *v[NCOLS] = {
		r->org, seq, r->category, r->content, r->measures, r->standard, r->owner, r->lead,
		r->due, r->due_text,
		st < 0 ? r->status : msg_english() ? r->status : status_label((enum item_status)st),
		r->done_on,
	};
	memcpy(cells, v, sizeof v);
}

struct exporter {
	enum export_format fmt;
	FILE *f;
	long n;
	/* xlsx */
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

/* ---- csv and json ---- */

static void csv_header(struct exporter *x)
{
	fputs("\xEF\xBB\xBF", x->f);     /* the mark Excel needs to read UTF-8 */
	for (int c = 0; c < NCOLS; c++) {
		if (c)
			fputc(',', x->f);
		csv_write_field(x->f, msg_english() ? col_en[c] : col_zh[c]);
	}
	fputs("\r\n", x->f);
}

static void csv_row(void *ctx, const struct io_export_row *r)
{
	struct exporter *x = ctx;
	char seq[16];
	const char *cells[NCOLS];
	row_cells(r, seq, cells);
	for (int c = 0; c < NCOLS; c++) {
		if (c)
			fputc(',', x->f);
		csv_write_cell(x->f, cells[c]);   /* formula prefixes neutralised */
	}
	fputs("\r\n", x->f);
	x->n++;
}

static void json_row(void *ctx, const struct io_export_row *r)
{
	struct exporter *x = ctx;
	fprintf(x->f, "%s\n%s", x->n ? "," : "", r->json);
	x->n++;
}

/* ---- xlsx ---- */

/* Excel's sheet names: at most 31 characters, none of []:*?/\, unique. */
static char *sheet_name(struct exporter *x, const char *org)
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
static void finish_sheet(struct exporter *x)
{
	static const int cap[NCOLS] = {16, 6, 14, 48, 40, 32, 12, 12, 12, 14, 10, 12};
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

static void measure(struct exporter *x, int c, const char *s)
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

static void start_sheet(struct exporter *x, const char *org)
{
	finish_sheet(x);
	char *name = sheet_name(x, org);
	x->ws = workbook_add_worksheet(x->wb, name);
	x->row = 0;
	for (int c = 0; c < NCOLS; c++) {
		const char *h = msg_english() ? col_en[c] : col_zh[c];
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

static void write_date(struct exporter *x, int c, const char *iso)
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

static void xlsx_row(void *ctx, const struct io_export_row *r)
{
	struct exporter *x = ctx;
	if (!x->ws || r->org_id != x->sheet_org) {
		start_sheet(x, r->org);
		x->sheet_org = r->org_id;
	}
	x->row++;
	char seq[16];
	const char *cells[NCOLS];
	row_cells(r, seq, cells);
	for (int c = 0; c < NCOLS; c++) {
		if (c == IO_SEQ) {
			worksheet_write_number(x->ws, (lxw_row_t)x->row, (lxw_col_t)c, r->seq, x->num);
		} else if (c == IO_DUE || c == IO_DONE_ON) {
			write_date(x, c, cells[c]);
		} else {
			char *clean = text_sanitize(cells[c], 1);
			worksheet_write_string(x->ws, (lxw_row_t)x->row, (lxw_col_t)c, clean, x->body);
			measure(x, c, clean);
			free(clean);
		}
	}
	x->n++;
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

static enum qd_status export_xlsx(struct qd *q, struct exporter *x, const char *path,
				  const char *today, const char *soon, struct strbuf *err)
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
	x->wb = workbook_new_opt(path, &opt);
	if (!x->wb) {
		sb_printf(err, msg(M_IO_WRITE_FAILED), path, strerror(errno ? errno : EIO));
		return QD_IOERROR;
	}
	x->head = cell_format(x->wb, 1);
	x->body = cell_format(x->wb, 0);
	x->date = cell_format(x->wb, 0);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->num = cell_format(x->wb, 0);
	format_set_align(x->num, LXW_ALIGN_CENTER);
	char title[64], author[] = "qingdan";
	snprintf(title, sizeof title, msg(M_IO_SHEET_TITLE), q->year, "");
	lxw_doc_properties props = {.title = title, .author = author};
	workbook_set_properties(x->wb, &props);
	enum qd_status s = store_io_export(q->db, q->year, today, soon, 0, xlsx_row, x, err);
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
	return s;
}

/* ---- the file ---- */

enum qd_status io_export(struct qd *q, enum export_format fmt, const char *path, int flags,
			 FILE *out, long *items, struct strbuf *err)
{
	struct exporter x = {.fmt = fmt, .sheet_org = -1, .year = q->year};
	char today[11], soon[11];
	int t = date_today();
	date_format(t, today);
	date_format(t + q->due_soon_days, soon);
	*items = 0;
	/* a named file through outfile.h; xlsx to stdout through a scratch file */
	struct outfile o = {.fd = -1};
	int file = path || fmt == EXPORT_XLSX;
	enum qd_status s = !file ? QD_OK
			 : path ? outfile_open(&o, path, flags, db_path(q->db), err)
				: outfile_scratch(&o, ".xlsx", err);
	if (s != QD_OK)
		return s;
	if (fmt == EXPORT_XLSX) {
		s = export_xlsx(q, &x, outfile_path(&o), today, soon, err);
	} else {
		x.f = file ? outfile_stream(&o) : out;
		if (!x.f) {
			sb_printf(err, msg(M_IO_WRITE_FAILED), path, strerror(errno));
			outfile_abort(&o);
			return QD_IOERROR;
		}
		if (fmt == EXPORT_CSV) {
			csv_header(&x);
			s = store_io_export(q->db, q->year, today, soon, 0, csv_row, &x, err);
		} else {
			fputs("[", x.f);
			s = store_io_export(q->db, q->year, today, soon, 1, json_row, &x, err);
			fputs(x.n ? "\n]\n" : "]\n", x.f);
		}
		if (s == QD_OK && (ferror(x.f) || fflush(x.f) != 0)) {
			sb_printf(err, msg(M_IO_WRITE_FAILED), path ? path : "-", strerror(errno ? errno : EIO));
			s = QD_IOERROR;
		}
	}
	if (s == QD_OK && file && !path && outfile_copy_to(&o, out) != 0) {
		sb_printf(err, msg(M_IO_WRITE_FAILED), "-", strerror(errno ? errno : EIO));
		s = QD_IOERROR;
	}
	if (s == QD_OK && path)
		s = outfile_commit(&o, err);
	else
		outfile_abort(&o);
	*items = x.n;
	return s;
}

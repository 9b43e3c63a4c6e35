/* export.c — `qingdan export`: everything of the working year out as csv,
 * json or xlsx (DESIGN §5; io.h has the contract).
 *
 * The rows stream from one query (store_io_export) straight to the file:
 * nothing is held for the whole year except, for xlsx, one width per column
 * per sheet (libxlsxwriter's constant-memory mode writes rows as they come;
 * that writer is export_xlsx.c, in the print module of plugin.h).
 * The CSV is the file import reads: same header names, so export → import
 * gives back every field.  A file named with -o goes through outfile.h
 * (a temporary beside it, renamed into place; an existing file only with
 * --force), so a failed export leaves the target as it was. */
#include "qingdan/io.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/csv.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/msg.h"
#include "qingdan/plugin.h"
#include "qingdan/outfile.h"
#include "qingdan/period.h"
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

const char *io_column_header(int c)
{
	return msg_english() ? col_en[c] : col_zh[c];
}

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
		str_empty(r->every) || msg_english() ? r->every : every_label(every_parse(r->every)),
	};
	memcpy(cells, v, sizeof v);
}

struct exporter {
	enum export_format fmt;
	FILE *f;
	long n;
	int tty;             /* f is a terminal: rows sanitised (text_sanitize) */
	/* xlsx */
	const struct qd_print_plugin *xlsx;
	struct xlsx_out *xw;
};

/* ---- csv and json ---- */

static void csv_header(struct exporter *x)
{
	fputs("\xEF\xBB\xBF", x->f);     /* the mark Excel needs to read UTF-8 */
	for (int c = 0; c < NCOLS; c++) {
		if (c)
			fputc(',', x->f);
		csv_write_field(x->f, io_column_header(c));
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
		char *clean = x->tty ? text_sanitize(cells[c], 1) : NULL;
		csv_write_cell(x->f, clean ? clean : cells[c]);   /* formula prefixes neutralised */
		free(clean);
	}
	fputs("\r\n", x->f);
	x->n++;
}

static void json_row(void *ctx, const struct io_export_row *r)
{
	struct exporter *x = ctx;
	char *clean = x->tty ? text_sanitize(r->json, 0) : NULL;
	fprintf(x->f, "%s\n%s", x->n ? "," : "", clean ? clean : r->json);
	free(clean);
	x->n++;
}

/* ---- xlsx: the workbook is written by the print module (plugin.h) ---- */

void export_cells(const struct io_export_row *r, char *seq, const char **cells)
{
	row_cells(r, seq, cells);
}

static void xlsx_row(void *ctx, const struct io_export_row *r)
{
	struct exporter *x = ctx;
	x->xlsx->xlsx_row(x->xw, r);
	x->n++;
}

static enum qd_status export_xlsx(struct qd *q, struct exporter *x, const char *path,
				  const char *today, const char *soon, struct strbuf *err)
{
	x->xlsx = plugin_print(err);
	if (!x->xlsx)
		return QD_IOERROR;
	x->xw = x->xlsx->xlsx_open(path, q->year, err);
	if (!x->xw)
		return QD_IOERROR;
	enum qd_status s = store_io_export(q->db, q->year, today, soon, 0, xlsx_row, x, err);
	return x->xlsx->xlsx_close(x->xw, s, err);
}

/* ---- the file ---- */

enum qd_status io_export(struct qd *q, enum export_format fmt, const char *path, int flags,
			 FILE *out, long *items, struct strbuf *err)
{
	struct exporter x = {.fmt = fmt};
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
		x.tty = !file && x.f && isatty(fileno(x.f));
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

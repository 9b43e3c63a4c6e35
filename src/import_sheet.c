/* import_sheet.c — what the sheet importers (import_meeting.c: sign-in
 * sheets; import_problem.c: problem sheets) share: their notes, a row's
 * faults, header cells, and the reading loop (import_impl.h); the header
 * cells and a row's cells are read this way by import.c too. */
#include "import_impl.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void import_report(struct import_sheet *sh, enum import_note kind, const char *fmt, ...)
{
	va_list ap;
	sb_reset(&sh->line);
	va_start(ap, fmt);
	sb_vprintf(&sh->line, fmt, ap);
	va_end(ap);
	if (sh->r->report)
		sh->r->report(sh->r->ctx, kind, sh->line.s);
}

void import_row_bad(struct import_sheet *sh, const char *fmt, ...)
{
	va_list ap;
	if (sh->why.len)
		sb_puts(&sh->why, msg(M_IO_ROW_SEP));
	va_start(ap, fmt);
	sb_vprintf(&sh->why, fmt, ap);
	va_end(ap);
}

static int ends_with(const char *s, size_t n, const char *tail)
{
	size_t k = strlen(tail);
	return n >= k && memcmp(s + n - k, tail, k) == 0;
}

void import_header_key(const char *cell, char *out, size_t size)
{
	char *buf = xstrdup(cell);
	char *s = import_trim(buf);
	size_t n = strlen(s);
	while (n && (s[n - 1] == '*' || ends_with(s, n, "＊")))
		n -= s[n - 1] == '*' ? 1 : strlen("＊");
	s[n] = '\0';
	/* 完成时限（日期） → 完成时限 */
	char *open = strstr(s, "（");
	if (!open)
		open = strchr(s, '(');
	if (open && open != s && (ends_with(s, n, "）") || ends_with(s, n, ")")))
		*open = '\0';
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	import_trim(s);
	str_copy(out, s, size);
	free(buf);
}

int import_column_of(const struct import_column *names, size_t n, const char *cell)
{
	char key[128];
	import_header_key(cell, key, sizeof key);
	for (size_t i = 0; i < n; i++)
		if (strcmp(key, names[i].name) == 0)
			return names[i].col;
	return -1;
}

int import_header_columns(struct import_sheet *sh, const struct csv_record *rec,
			  const struct import_column *names, size_t n, int *col, int ncols,
			  enum msg_id dup)
{
	int bad = 0;
	for (int c = 0; c < ncols; c++)
		col[c] = -1;
	for (int i = 0; i < rec->nfields; i++) {
		int c = import_column_of(names, n, rec->fields[i]);
		if (c < 0)
			continue;
		if (col[c] >= 0) {
			import_report(sh, IMPORT_ERROR, msg(dup), sh->r->path, rec->line, rec->fields[i],
				      col[c] + 1, i + 1);
			bad = 1;
		} else {
			col[c] = i;
		}
	}
	return bad ? -1 : 0;
}

char *import_cell(const int *col, const struct csv_record *rec, int c)
{
	static char empty[1];
	int i = col[c];
	empty[0] = '\0';
	return i >= 0 && i < rec->nfields ? csv_unguard(rec->fields[i]) : empty;  /* export's ' off */
}

void import_reader_failure(const struct sheet_fail *f, const char *file, struct strbuf *out)
{
	if (f->csv.code != CSV_OK)
		import_csv_failure(&f->csv, file, out);
	else
		sb_puts(out, f->text);
}

void import_sheet_failure(struct import_sheet *sh, const struct sheet_fail *f)
{
	struct strbuf b = {0};
	import_reader_failure(f, sh->r->path, &b);
	import_report(sh, IMPORT_ERROR, "%s", b.s);
	sb_free(&b);
}

int import_read_sheet(struct import_sheet *sh, struct sheet_reader *rd)
{
	struct csv_record rec;
	struct sheet_fail fail;
	int rc, header = 0, skipped = 0;
	long first = 0;
	while ((rc = sheet_next(rd, &rec, &fail)) == 1) {
		if (import_blank_record(&rec))
			continue;
		if (!header) {
			if (!sh->is_header(&rec)) {
				if (!skipped++)
					first = rec.line;
				if (skipped > 5)
					break;
				continue;
			}
			if (sh->header(sh, &rec) != 0)
				return -1;
			header = 1;
			continue;
		}
		sh->row(sh, &rec);
	}
	if (rc < 0) {
		import_sheet_failure(sh, &fail);
		return -1;
	}
	if (!header) {
		import_report(sh, IMPORT_ERROR, msg(sh->no_header), sh->r->path, skipped ? first : 1L);
		return -1;
	}
	return 0;
}

enum qd_status import_sheet_file(struct import_sheet *sh, const char **encoding,
				 struct strbuf *err)
{
	const struct import_request *r = sh->r;
	struct sheet_fail fail;
	struct sheet_reader *rd = sheet_open(r->path, r->sheet, &fail);
	if (!rd) {
		import_sheet_failure(sh, &fail);
		sb_printf(err, msg(M_IO_FAILED), r->path);
		return fail.csv.code == CSV_ERR_IO ? QD_IOERROR : QD_INVALID;
	}
	*encoding = sheet_encoding(rd);
	sh->at = *r;
	sh->where = xstrdup(sheet_where(rd));
	sh->at.path = sh->where;
	sh->r = &sh->at;
	int ok = import_read_sheet(sh, rd);
	sheet_close(&rd);
	if (ok != 0) {
		sb_printf(err, msg(M_IO_FAILED), r->path);
		return QD_INVALID;
	}
	return QD_OK;
}

void import_sheet_free(struct import_sheet *sh)
{
	sb_free(&sh->why);
	sb_free(&sh->line);
	free(sh->where);
	sh->where = NULL;
}

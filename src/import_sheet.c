/* import_sheet.c — what the sheet importers (import_meeting.c: sign-in
 * sheets; import_problem.c: problem sheets) share: their notes, a row's
 * faults, header cells, and the reading loop (import_impl.h). */
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

int import_column_of(const struct import_column *names, size_t n, const char *cell)
{
	char *buf = xstrdup(cell);
	char *s = import_trim(buf);
	size_t len = strlen(s);
	while (len && s[len - 1] == '*')
		s[--len] = '\0';
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	int col = -1;
	for (size_t i = 0; i < n && col < 0; i++)
		if (strcmp(import_trim(s), names[i].name) == 0)
			col = names[i].col;
	free(buf);
	return col;
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

void import_sheet_free(struct import_sheet *sh)
{
	sb_free(&sh->why);
	sb_free(&sh->line);
}

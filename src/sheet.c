/* sheet.c — the importers' reader (sheet.h): CSV through csv.h, a
 * workbook through the sheet module qingdan-sheet.so, chosen by the
 * file's first bytes (and its name, for a .xlsx that is no zip). */
#include "qingdan/sheet.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "qingdan/infile.h"
#include "qingdan/msg.h"

/* Defined when the sheet module's objects are linked in (the tests). */
extern const struct qd_sheet_plugin *qingdan_sheet_plugin(void) __attribute__((weak));

struct sheet_reader {
	struct csv_reader *csv;              /* a CSV file, or */
	const struct qd_sheet_plugin *mod;   /* a workbook */
	struct sheet_book *book;
	char *path, *sheet;                  /* as opened (for sheet_reopen) */
	char *where;
	int failed;
	struct sheet_fail fail;              /* sticky */
};

static const struct qd_sheet_plugin *sheet_module(struct strbuf *err)
{
	static struct plugin_once once = {.spec = {
		.file = QD_SHEET_FILE,
		.entry = QD_SHEET_ENTRY,
		.version = QD_SHEET_VERSION,
		.size = sizeof(struct qd_sheet_plugin),
		.m_missing = M_SH_MOD_MISSING,
		.m_load = M_SH_MOD_LOAD,
		.m_version = M_SH_MOD_VERSION,
	}};
	return plugin_once(&once, qingdan_sheet_plugin ? qingdan_sheet_plugin() : NULL, err);
}

static void fail_text(struct sheet_fail *f, const char *s)
{
	memset(&f->csv, 0, sizeof f->csv);
	snprintf(f->text, sizeof f->text, "%s", s && *s ? s : "?");
}

static int ends_with_ci(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcasecmp(s + n - k, tail) == 0;
}

static struct sheet_reader *open_reader(const char *path, const char *sheet, struct sheet_fail *fail)
{
	memset(fail, 0, sizeof *fail);
	struct infile in;
	if (infile_open(&in, path, INFILE_MAX_IMPORT) != 0) {
		fail->csv.code = in.why == INFILE_NOT_REGULAR ? CSV_ERR_NOT_REGULAR
		               : in.why == INFILE_TOO_BIG ? CSV_ERR_TOO_BIG : CSV_ERR_IO;
		fail->csv.errnum = fail->csv.code == CSV_ERR_IO ? in.errnum : 0;
		return NULL;
	}
	unsigned char magic[4] = {0};
	ssize_t got = pread(in.fd, magic, sizeof magic, 0);
	int zip = got == 4 && memcmp(magic, "PK\3\4", 4) == 0;
	int ole = got == 4 && memcmp(magic, "\xD0\xCF\x11\xE0", 4) == 0;
	const char *name = infile_name(path);
	struct strbuf e = {0};
	struct sheet_reader *r = NULL;
	if (ole || (!zip && ends_with_ci(path, ".xls"))) {
		sb_printf(&e, msg(M_SH_XLS), name);
	} else if (!zip && ends_with_ci(path, ".xlsx")) {
		sb_printf(&e, msg(M_SH_NOT_ZIP), name);
	} else if (!zip && sheet) {
		sb_printf(&e, msg(M_SH_CSV_SHEET), name);
	} else if (!zip) {
		struct csv_reader *csv = csv_open_fd(in.fd, in.size, &fail->csv);
		in.fd = -1;
		if (csv) {
			r = xcalloc(1, sizeof *r);
			r->csv = csv;
			r->where = xstrdup(path);
		}
	} else {
		const struct qd_sheet_plugin *mod = sheet_module(&e);
		struct sheet_book *b = mod ? mod->open(in.fd, in.size, name, sheet, &e) : NULL;
		if (mod)
			in.fd = -1;   /* the module owns it now */
		if (b) {
			r = xcalloc(1, sizeof *r);
			r->mod = mod;
			r->book = b;
			r->where = xasprintf("%s:%s", path, mod->sheet_name(b));
		}
	}
	if (in.fd >= 0)
		infile_close(&in);
	if (!r && fail->csv.code == CSV_OK)
		fail_text(fail, e.s);
	sb_free(&e);
	if (r) {
		r->path = xstrdup(path);
		r->sheet = sheet ? xstrdup(sheet) : NULL;
	}
	return r;
}

struct sheet_reader *sheet_open(const char *path, const char *sheet, struct sheet_fail *fail)
{
	struct sheet_fail dummy;
	return open_reader(path, sheet, fail ? fail : &dummy);
}

int sheet_next(struct sheet_reader *r, struct csv_record *rec, struct sheet_fail *fail)
{
	struct sheet_fail dummy;
	if (!fail)
		fail = &dummy;
	if (r->failed) {
		*fail = r->fail;
		return -1;
	}
	int rc;
	if (r->csv) {
		rc = csv_next(r->csv, rec, &r->fail.csv);
	} else {
		struct strbuf e = {0};
		rc = r->mod->next(r->book, rec, &e);
		if (rc < 0)
			fail_text(&r->fail, e.s);
		sb_free(&e);
	}
	if (rc < 0) {
		r->failed = 1;
		*fail = r->fail;
	}
	return rc;
}

struct sheet_reader *sheet_reopen(struct sheet_reader **rp, struct sheet_fail *fail)
{
	struct sheet_reader *r = *rp;
	struct sheet_fail dummy;
	if (!fail)
		fail = &dummy;
	memset(fail, 0, sizeof *fail);
	if (r->csv) {
		r->csv = csv_reopen(&r->csv, &fail->csv);
		if (!r->csv) {
			sheet_close(rp);
			return NULL;
		}
	} else {
		struct strbuf e = {0};
		if (r->mod->rewind(r->book, &e) != 0) {
			fail_text(fail, e.s);
			sb_free(&e);
			sheet_close(rp);
			return NULL;
		}
		sb_free(&e);
	}
	r->failed = 0;
	memset(&r->fail, 0, sizeof r->fail);
	return r;
}

void sheet_close(struct sheet_reader **rp)
{
	struct sheet_reader *r = *rp;
	if (!r)
		return;
	csv_close(&r->csv);
	if (r->book)
		r->mod->close(r->book);
	free(r->path);
	free(r->sheet);
	free(r->where);
	free(r);
	*rp = NULL;
}

const char *sheet_encoding(const struct sheet_reader *r)
{
	return r->csv ? csv_encoding(r->csv) : msg(M_SH_ENCODING);
}

const char *sheet_where(const struct sheet_reader *r)
{
	return r->where;
}

long sheet_bytes_read(const struct sheet_reader *r)
{
	return r->csv ? csv_bytes_read(r->csv) : (long)r->mod->bytes_read(r->book);
}

long sheet_total_bytes(const struct sheet_reader *r)
{
	return r->csv ? csv_total_bytes(r->csv) : (long)r->mod->total_bytes(r->book);
}

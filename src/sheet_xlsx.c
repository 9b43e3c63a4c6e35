/* sheet_xlsx.c — the sheet module's workbook (sheet.h): the zip through
 * minizip, read from the descriptor infile.h opened (never by name); the
 * parts through expat — xl/workbook.xml (the sheets, the date system),
 * its relationships (which part is which), the shared strings and the
 * styles (which cell formats are dates).  The rows of the sheet are
 * streamed by sheet_rows.c.  Part of qingdan-sheet.so, so that only
 * reading a workbook loads minizip and expat. */
#include "sheet_impl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/msg.h"

/* ---- the zip, on the descriptor ---- */

static voidpf z_open(voidpf opaque, const void *name, int mode)
{
	(void)name;
	(void)mode;
	struct zfd *z = opaque;
	z->pos = 0;
	return z;
}

static uLong z_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	(void)opaque;
	struct zfd *z = stream;
	if (z->pos >= z->size)
		return 0;
	if ((long long)size > z->size - z->pos)
		size = (uLong)(z->size - z->pos);
	ssize_t n = pread(z->fd, buf, size, (off_t)z->pos);
	if (n <= 0)
		return 0;
	z->pos += n;
	return (uLong)n;
}

static uLong z_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque;
	(void)stream;
	(void)buf;
	(void)size;
	return 0;
}

static ZPOS64_T z_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return (ZPOS64_T)((struct zfd *)stream)->pos;
}

static long z_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
	(void)opaque;
	struct zfd *z = stream;
	long long base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0
	               : origin == ZLIB_FILEFUNC_SEEK_CUR ? z->pos : z->size;
	long long to = base + (long long)off;
	if (off > (ZPOS64_T)z->size || to < 0 || to > z->size)
		return -1;
	z->pos = to;
	return 0;
}

static int z_close(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static int z_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static void zip_error(struct sheet_book *b, const char *part, int code, struct strbuf *err)
{
	sb_printf(err, msg(M_SH_ZIP), b->file, part, code);
}

int sheet_part_open(struct sheet_book *b, const char *part, long long limit, struct strbuf *err)
{
	int rc = unzLocateFile(b->uf, part, 2);
	if (rc == UNZ_END_OF_LIST_OF_FILE)
		return 0;
	unz_file_info64 info;
	if (rc == UNZ_OK)
		rc = unzGetCurrentFileInfo64(b->uf, &info, NULL, 0, NULL, 0, NULL, 0);
	if (rc == UNZ_OK && (long long)info.uncompressed_size > limit) {
		sb_printf(err, msg(M_SH_TOO_BIG), b->file, (int)(INFILE_MAX_IMPORT >> 20), part);
		return -1;
	}
	if (rc == UNZ_OK)
		rc = unzOpenCurrentFile(b->uf);
	if (rc != UNZ_OK) {
		zip_error(b, part, rc, err);
		return -1;
	}
	return 1;
}

int sheet_part_read(struct sheet_book *b, const char *part, char *buf, long long *total,
		    long long limit, struct strbuf *err)
{
	int n = unzReadCurrentFile(b->uf, buf, SHEET_CHUNK);
	if (n < 0) {
		unzCloseCurrentFile(b->uf);
		zip_error(b, part, n, err);
		return -1;
	}
	*total += n;
	if (*total > limit) {
		unzCloseCurrentFile(b->uf);
		sb_printf(err, msg(M_SH_TOO_BIG), b->file, (int)(INFILE_MAX_IMPORT >> 20), part);
		return -1;
	}
	if (n == 0) {
		int rc = unzCloseCurrentFile(b->uf);   /* UNZ_CRCERROR: damaged */
		if (rc != UNZ_OK) {
			zip_error(b, part, rc, err);
			return -1;
		}
	}
	return n;
}

/* ---- XML ---- */

const char *sheet_local(const char *name)
{
	const char *s = strrchr(name, '|');
	return s ? s + 1 : name;
}

/* An attribute by its local name (r:id is "id" with a namespace). */
const char *sheet_attr(const char **attrs, const char *name)
{
	for (int i = 0; attrs[i]; i += 2)
		if (strcmp(sheet_local(attrs[i]), name) == 0)
			return attrs[i + 1];
	return NULL;
}

/* A DOCTYPE has no place in a workbook: refused (no entities). */
static void XMLCALL no_doctype(void *ud, const XML_Char *name, const XML_Char *sys,
			       const XML_Char *pub, int internal)
{
	(void)name;
	(void)sys;
	(void)pub;
	(void)internal;
	struct sheet_book *b = ud;
	XML_StopParser(b->p ? b->p : NULL, XML_FALSE);
}

XML_Parser sheet_parser(struct sheet_book *b)
{
	XML_Parser p = XML_ParserCreateNS("UTF-8", '|');
	if (!p)
		die("out of memory");
	XML_SetUserData(p, b);
	XML_SetStartDoctypeDeclHandler(p, no_doctype);
	return p;
}

void sheet_xml_error(struct sheet_book *b, XML_Parser p, const char *part, struct strbuf *err)
{
	enum XML_Error e = XML_GetErrorCode(p);
	const char *why = e == XML_ERROR_ABORTED ? "DOCTYPE" : XML_ErrorString(e);
	sb_printf(err, msg(M_SH_XML), b->file, part, (unsigned long)XML_GetCurrentLineNumber(p),
		  why ? why : "?");
}

int sheet_text_add(struct strbuf *t, const char *s, int len)
{
	if ((long)t->len + len > CSV_MAX_FIELD)
		return -1;
	sb_add(t, s, (size_t)len);
	return 0;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	     : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* OOXML's _xHHHH_ escapes (Excel writes a CR as _x000D_): decoded, NUL and
 * CR dropped, other control characters but tab and LF as a space. */
void sheet_unescape(struct strbuf *t)
{
	if (!t->s || !strstr(t->s, "_x"))
		return;
	char *s = t->s, *o = t->s;
	while (*s) {
		int v = -1;
		if (s[0] == '_' && s[1] == 'x' && s[2] && s[3] && s[4] && s[5] && s[6] == '_') {
			v = 0;
			for (int i = 2; i < 6 && v >= 0; i++) {
				int h = hexval((unsigned char)s[i]);
				v = h < 0 ? -1 : v * 16 + h;
			}
		}
		if (v < 0) {
			*o++ = *s++;
			continue;
		}
		s += 7;
		if (v == 0 || v == '\r' || (v >= 0xD800 && v <= 0xDFFF))
			continue;
		if (v < 0x20 && v != '\t' && v != '\n')
			v = ' ';
		/* never longer than the 7 bytes of the escape */
		if (v < 0x80) {
			*o++ = (char)v;
		} else if (v < 0x800) {
			*o++ = (char)(0xC0 | (v >> 6));
			*o++ = (char)(0x80 | (v & 0x3F));
		} else {
			*o++ = (char)(0xE0 | (v >> 12));
			*o++ = (char)(0x80 | ((v >> 6) & 0x3F));
			*o++ = (char)(0x80 | (v & 0x3F));
		}
	}
	*o = '\0';
	t->len = (size_t)(o - t->s);
}

int sheet_ref(const char *s, int *col, long *row)
{
	long c = 0, r = 0;
	const char *p = s;
	for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
		c = c * 26 + ((*p | 0x20) - 'a' + 1);
		if (c > SHEET_MAX_COLS)
			return -1;
	}
	for (; *p >= '0' && *p <= '9'; p++) {
		r = r * 10 + (*p - '0');
		if (r > SHEET_MAX_ROW)
			return -1;
	}
	if (*p && *p != ':')
		return -1;
	*col = (int)c;
	*row = r;
	return 0;
}

/* Parse the whole of part with the handlers on p: 1, 0 when there is no
 * such part, -1 with the message in err.  Its size counts against the
 * budget. */
static int parse_part(struct sheet_book *b, const char *part, XML_Parser p, struct strbuf *err)
{
	int rc = sheet_part_open(b, part, b->budget, err);
	if (rc <= 0)
		return rc;
	char *buf = xmalloc(SHEET_CHUNK);
	long long total = 0;
	b->p = p;
	b->err = err;
	for (;;) {
		int n = sheet_part_read(b, part, buf, &total, b->budget, err);
		if (n < 0) {
			rc = -1;
			break;
		}
		if (XML_Parse(p, buf, n, n == 0) != XML_STATUS_OK) {
			if (!b->bad)
				sheet_xml_error(b, p, part, err);
			if (n > 0)
				unzCloseCurrentFile(b->uf);
			rc = -1;
			break;
		}
		if (n == 0)
			break;
	}
	b->p = NULL;
	b->budget -= total;
	free(buf);
	return rc;
}

/* ---- the workbook, its relationships ---- */

struct wb_sheet {
	char *name, *rid;
	int hidden;
};

struct rel {
	char *id, *target, *type;
};

struct wb_read {
	struct sheet_book *b;
	struct wb_sheet *sheets;
	int nsheets;
	struct rel *rels;
	int nrels;
};

/* the parse's state: the reading and the book both reachable */
static struct wb_read *reading;

static void XMLCALL wb_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	struct sheet_book *b = ud;
	const char *el = sheet_local(name);
	if (strcmp(el, "workbookPr") == 0) {
		const char *v = sheet_attr(attrs, "date1904");
		b->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	} else if (strcmp(el, "sheet") == 0) {
		const char *n = sheet_attr(attrs, "name"), *id = NULL, *st = sheet_attr(attrs, "state");
		for (int i = 0; attrs[i]; i += 2)
			if (strchr(attrs[i], '|') && strcmp(sheet_local(attrs[i]), "id") == 0)
				id = attrs[i + 1];
		if (reading->nsheets >= SHEET_MAX_SHEETS) {
			sb_printf(b->err, msg(M_SH_TOO_MANY), b->file, "sheet", (long)SHEET_MAX_SHEETS);
			b->bad = 1;
			XML_StopParser(b->p, XML_FALSE);
			return;
		}
		reading->sheets = xrealloc(reading->sheets, (size_t)(reading->nsheets + 1) * sizeof *reading->sheets);
		struct wb_sheet *s = &reading->sheets[reading->nsheets++];
		s->name = xstrdup(n ? n : "");
		s->rid = xstrdup(id ? id : "");
		s->hidden = st && strcmp(st, "visible") != 0;
	}
}

static void XMLCALL rel_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	struct sheet_book *b = ud;
	if (strcmp(sheet_local(name), "Relationship") != 0)
		return;
	if (reading->nrels >= SHEET_MAX_SHEETS * 2) {
		sb_printf(b->err, msg(M_SH_TOO_MANY), b->file, "Relationship", (long)SHEET_MAX_SHEETS * 2);
		b->bad = 1;
		XML_StopParser(b->p, XML_FALSE);
		return;
	}
	const char *id = sheet_attr(attrs, "Id"), *t = sheet_attr(attrs, "Target");
	const char *ty = sheet_attr(attrs, "Type");
	reading->rels = xrealloc(reading->rels, (size_t)(reading->nrels + 1) * sizeof *reading->rels);
	struct rel *r = &reading->rels[reading->nrels++];
	r->id = xstrdup(id ? id : "");
	r->type = xstrdup(ty ? ty : "");
	/* relative to xl/, or absolute from the root */
	r->target = !t ? xstrdup("") : t[0] == '/' ? xstrdup(t + 1) : xasprintf("xl/%s", t);
}

static const char *rel_target(const struct wb_read *w, const char *id, const char *type_tail)
{
	for (int i = 0; i < w->nrels; i++) {
		const struct rel *r = &w->rels[i];
		if (id && strcmp(r->id, id) == 0)
			return r->target;
		size_t n = strlen(r->type), k = type_tail ? strlen(type_tail) : 0;
		if (!id && n >= k && strcmp(r->type + n - k, type_tail) == 0)
			return r->target;
	}
	return NULL;
}

static void wb_free(struct wb_read *w)
{
	for (int i = 0; i < w->nsheets; i++) {
		free(w->sheets[i].name);
		free(w->sheets[i].rid);
	}
	for (int i = 0; i < w->nrels; i++) {
		free(w->rels[i].id);
		free(w->rels[i].target);
		free(w->rels[i].type);
	}
	free(w->sheets);
	free(w->rels);
}

/* ---- shared strings ---- */

static struct strbuf sst_text;
static int sst_in_si, sst_in_t, sst_rph;

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	struct sheet_book *b = ud;
	const char *el = sheet_local(name);
	if (strcmp(el, "sst") == 0) {
		const char *n = sheet_attr(attrs, "uniqueCount");
		if (n && strtol(n, NULL, 10) > SHEET_MAX_STRINGS) {
			sb_printf(b->err, msg(M_SH_TOO_MANY), b->file, "sharedStrings", SHEET_MAX_STRINGS);
			b->bad = 1;
			XML_StopParser(b->p, XML_FALSE);
		}
	} else if (strcmp(el, "si") == 0) {
		sst_in_si = 1;
		sb_reset(&sst_text);
	} else if (strcmp(el, "rPh") == 0) {
		sst_rph++;
	} else if (strcmp(el, "t") == 0 && sst_in_si && !sst_rph) {
		sst_in_t = 1;
	}
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
	struct sheet_book *b = ud;
	const char *el = sheet_local(name);
	if (strcmp(el, "t") == 0) {
		sst_in_t = 0;
	} else if (strcmp(el, "rPh") == 0) {
		sst_rph--;
	} else if (strcmp(el, "si") == 0 && sst_in_si) {
		sst_in_si = 0;
		if (b->nsst >= SHEET_MAX_STRINGS) {
			sb_printf(b->err, msg(M_SH_TOO_MANY), b->file, "sharedStrings", SHEET_MAX_STRINGS);
			b->bad = 1;
			XML_StopParser(b->p, XML_FALSE);
			return;
		}
		if ((b->nsst & (b->nsst - 1)) == 0)   /* 0, 1, 2, 4…: double */
			b->sst = xrealloc(b->sst, (size_t)(b->nsst ? b->nsst * 2 : 1) * sizeof *b->sst);
		sheet_unescape(&sst_text);
		b->sst[b->nsst++] = xstrdup(sst_text.s ? sst_text.s : "");
	}
}

static void XMLCALL sst_chars(void *ud, const XML_Char *s, int len)
{
	struct sheet_book *b = ud;
	if (sst_in_t && sheet_text_add(&sst_text, s, len) != 0 && !b->bad) {
		sb_printf(b->err, msg(M_SH_TOO_BIG), b->file, (int)(CSV_MAX_FIELD >> 20), "sharedStrings");
		b->bad = 1;
		XML_StopParser(b->p, XML_FALSE);
	}
}

/* ---- styles: which cell formats are dates ---- */

static long *custom_dates;
static long ncustom;
static int in_cellxfs;

/* A format code that shows a date: y or d outside quotes, brackets and
 * escapes (General, 0.00, h:mm have neither). */
static int code_is_date(const char *c)
{
	for (; *c; c++) {
		if (*c == '"') {
			while (c[1] && c[1] != '"')
				c++;
			if (c[1])
				c++;
		} else if (*c == '[') {
			while (c[1] && c[1] != ']')
				c++;
		} else if (*c == '\\' && c[1]) {
			c++;
		} else if (strchr("yYdD", *c)) {
			return 1;
		}
	}
	return 0;
}

static int id_is_date(long id)
{
	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	    (id >= 50 && id <= 58))
		return 1;
	for (long i = 0; i < ncustom; i++)
		if (custom_dates[i] == id)
			return 1;
	return 0;
}

static void XMLCALL style_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	struct sheet_book *b = ud;
	const char *el = sheet_local(name);
	if (strcmp(el, "numFmt") == 0) {
		const char *id = sheet_attr(attrs, "numFmtId"), *code = sheet_attr(attrs, "formatCode");
		if (id && code && code_is_date(code) && ncustom < 4096) {
			custom_dates = xrealloc(custom_dates, (size_t)(ncustom + 1) * sizeof *custom_dates);
			custom_dates[ncustom++] = strtol(id, NULL, 10);
		}
	} else if (strcmp(el, "cellXfs") == 0) {
		in_cellxfs = 1;
	} else if (strcmp(el, "xf") == 0 && in_cellxfs && b->nxf < 65536) {
		const char *id = sheet_attr(attrs, "numFmtId");
		b->xf_date = xrealloc(b->xf_date, (size_t)(b->nxf + 1));
		b->xf_date[b->nxf++] = (unsigned char)(id && id_is_date(strtol(id, NULL, 10)));
	}
}

static void XMLCALL style_end(void *ud, const XML_Char *name)
{
	(void)ud;
	if (strcmp(sheet_local(name), "cellXfs") == 0)
		in_cellxfs = 0;
}

/* ---- the book ---- */

static int choose_sheet(struct sheet_book *b, struct wb_read *w, const char *want,
			struct strbuf *err)
{
	int pick = -1;
	for (int i = 0; i < w->nsheets && pick < 0; i++)
		if (want ? strcmp(w->sheets[i].name, want) == 0 : !w->sheets[i].hidden)
			pick = i;
	if (pick < 0 && !want && w->nsheets)
		pick = 0;
	if (pick < 0 && !w->nsheets) {
		sb_printf(err, msg(M_SH_NO_SHEETS), b->file);
		return -1;
	}
	if (pick < 0) {
		struct strbuf list = {0};
		for (int i = 0; i < w->nsheets; i++)
			sb_printf(&list, "%s%s", i ? msg(M_SH_LIST_SEP) : "", w->sheets[i].name);
		sb_printf(err, msg(M_SH_NO_SHEET), b->file, want, list.s);
		sb_free(&list);
		return -1;
	}
	const char *part = rel_target(w, w->sheets[pick].rid, NULL);
	if (!part) {
		char *what = xasprintf("xl/_rels/workbook.xml.rels: %s", w->sheets[pick].rid);
		sb_printf(err, msg(M_SH_MISSING_PART), b->file, what);
		free(what);
		return -1;
	}
	b->name = xstrdup(w->sheets[pick].name);
	b->part = xstrdup(part);
	b->where = xasprintf("%s:%s", b->file, b->name);
	return 0;
}

/* Each part with its handlers: 0, or -1 (required and missing, or bad). */
static int read_part(struct sheet_book *b, const char *part, int required, XML_StartElementHandler s,
		     XML_EndElementHandler e, XML_CharacterDataHandler cd, struct strbuf *err)
{
	XML_Parser p = sheet_parser(b);
	XML_SetElementHandler(p, s, e);
	if (cd)
		XML_SetCharacterDataHandler(p, cd);
	int rc = parse_part(b, part, p, err);
	XML_ParserFree(p);
	if (rc == 0 && required) {
		sb_printf(err, msg(M_SH_MISSING_PART), b->file, part);
		return -1;
	}
	return rc < 0 ? -1 : 0;
}

static int load(struct sheet_book *b, const char *want, struct strbuf *err)
{
	struct wb_read w = {.b = b};
	reading = &w;
	int rc = read_part(b, "xl/workbook.xml", 1, wb_start, NULL, NULL, err);
	if (rc == 0)
		rc = read_part(b, "xl/_rels/workbook.xml.rels", 1, rel_start, NULL, NULL, err);
	if (rc == 0)
		rc = choose_sheet(b, &w, want, err);
	if (rc == 0) {
		const char *sst = rel_target(&w, NULL, "/sharedStrings");
		sst_in_si = sst_in_t = sst_rph = 0;
		rc = read_part(b, sst ? sst : "xl/sharedStrings.xml", 0, sst_start, sst_end, sst_chars, err);
		sb_free(&sst_text);
	}
	if (rc == 0) {
		const char *st = rel_target(&w, NULL, "/styles");
		in_cellxfs = 0;
		rc = read_part(b, st ? st : "xl/styles.xml", 0, style_start, style_end, NULL, err);
		free(custom_dates);
		custom_dates = NULL;
		ncustom = 0;
	}
	reading = NULL;
	wb_free(&w);
	if (rc == 0)
		rc = sheet_merges_read(b, err);
	if (rc == 0)
		rc = sheet_rows_start(b, err);
	return rc;
}

void sheet_xlsx_close(struct sheet_book *b)
{
	if (!b)
		return;
	sheet_rows_stop(b);
	if (b->uf)
		unzClose(b->uf);
	if (b->z.fd >= 0)
		close(b->z.fd);
	for (long i = 0; i < b->nsst; i++)
		free(b->sst[i]);
	free(b->sst);
	free(b->xf_date);
	for (long i = 0; i < b->nmerges; i++)
		free(b->merges[i].value);
	free(b->merges);
	free(b->file);
	free(b->where);
	free(b->name);
	free(b->part);
	free(b);
}

struct sheet_book *sheet_xlsx_open(int fd, long long size, const char *file, const char *sheet,
				   struct strbuf *err)
{
	struct sheet_book *b = xcalloc(1, sizeof *b);
	b->z = (struct zfd){.fd = fd, .size = size};
	b->file = xstrdup(file);
	b->budget = INFILE_MAX_IMPORT;
	zlib_filefunc64_def io = {z_open, z_read, z_write, z_tell, z_seek, z_close, z_error, &b->z};
	b->uf = unzOpen2_64("", &io);
	if (!b->uf) {
		zip_error(b, "zip", UNZ_BADZIPFILE, err);
		sheet_xlsx_close(b);
		return NULL;
	}
	if (load(b, sheet, err) != 0) {
		sheet_xlsx_close(b);
		return NULL;
	}
	return b;
}

const char *sheet_xlsx_name(const struct sheet_book *b)
{
	return b->name;
}

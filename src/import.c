/* import.c — `qingdan import FILE`: a list typed in Excel/WPS, saved as CSV,
 * into the lists of the working year (DESIGN §5; io.h has the contract).
 *
 * Each pass over the file (csv.c decides the encoding and streams records):
 *  1. the header row is found (a title line above it is skipped) and its
 *     cells matched to the columns by name, Chinese or English, any order;
 *  2. every row is checked — organisation, content, status, dates, people —
 *     and each bad one reported as FILE:LINE: reason;
 *  3. while no row has failed, each good row is written at once through the
 *     model (qd_item_add, qd_person_add for people not yet on the staff
 *     list), all inside ONE transaction; after the first bad row writing
 *     stops but checking goes on to the end, and the transaction is rolled
 *     back: all rows or none, and every bad row named.
 * A good row already in the list (import_match.c decides which, and what
 * --update changes) is not added again: the file is refused, or with
 * --update the item is edited; --append adds every row.
 * The file is read twice: first checking only (as --dry-run does, people
 * and orgs looked up read-only, no lock held, so others keep writing),
 * then — only if every row is good — again under BEGIN IMMEDIATE, writing.
 * The write lock is held for the second pass alone.  The lookups of the
 * first pass are kept unless another process committed in between.
 * Memory stays flat: one record at a time, plus caches of the organisations
 * and people named (bounded by the staff list, not by the file).
 *
 * Speed: the per-row path is qd_item_add and its audit row, with every
 * lookup cached; the full-text index is filled once at commit (db.c); a
 * big load makes item's secondary indexes again in bulk (store_io.h). */
#include "qingdan/io.h"

#include "import_impl.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/csv.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/msg.h"
#include "qingdan/store.h"
#include "qingdan/period.h"
#include "qingdan/store_io.h"

/* A known header that carries nothing to import (id, year, flags). */
enum { IO_IGNORED = -2 };

/* Header names besides the two of IO_COLUMN_LIST, after normalising
 * (import_header_key: spaces, a trailing * and a trailing （…） dropped,
 * ASCII lower-cased). */
static const struct {
	const char *name;
	int col;
} aliases[] = {
	{"党组织", IO_ORG}, {"所属组织", IO_ORG}, {"organisation", IO_ORG}, {"organization", IO_ORG},
	{"no.", IO_SEQ}, {"no", IO_SEQ},
	{"类型", IO_CATEGORY}, {"分类", IO_CATEGORY}, {"责任类别", IO_CATEGORY},
	{"内容", IO_CONTENT}, {"责任事项", IO_CONTENT}, {"工作内容", IO_CONTENT},
	{"工作任务", IO_CONTENT}, {"主要任务", IO_CONTENT},
	{"措施", IO_MEASURES}, {"具体措施", IO_MEASURES}, {"主要措施", IO_MEASURES},
	{"标准", IO_STANDARD}, {"工作标准", IO_STANDARD},
	{"具体责任人", IO_OWNER}, {"责任领导", IO_LEAD}, {"分管领导", IO_LEAD},
	{"时限", IO_DUE}, {"完成时间", IO_DUE}, {"截止日期", IO_DUE}, {"截止时间", IO_DUE},
	{"due text", IO_DUE_TEXT}, {"进展状态", IO_STATUS}, {"完成日期", IO_DONE_ON},
	{"done on", IO_DONE_ON},
	{"id", IO_IGNORED}, {"编号", IO_IGNORED}, {"year", IO_IGNORED}, {"年度", IO_IGNORED},
	{"flags", IO_IGNORED}, {"标记", IO_IGNORED},
};

static const char *const col_zh[] = {
#define IO_COL_ZH_(id, zh, en) zh,
	IO_COLUMN_LIST(IO_COL_ZH_)
#undef IO_COL_ZH_
};
static const char *const col_en[] = {
#define IO_COL_EN_(id, zh, en) en,
	IO_COLUMN_LIST(IO_COL_EN_)
#undef IO_COL_EN_
};

/* Status words people write besides the codes and labels of model.c. */
static const struct {
	const char *word, *code;
} status_words[] = {
	{"已完成", "done"}, {"完成", "done"}, {"已办结", "done"}, {"未启动", "planned"},
	{"推进中", "in_progress"}, {"已提交", "submitted"}, {"取消", "cancelled"},
	{"in progress", "in_progress"},
};

/* ---- a small string map (open addressing) for the lookup caches ---- */

/* REF_AMBIGUOUS and REF_NO_ID are people, REF_BAD either (msg says why). */
enum ref_state { REF_FOUND, REF_NEW, REF_BAD, REF_AMBIGUOUS, REF_NO_ID };

struct ref {
	char *key;
	long long id;          /* REF_FOUND; REF_NEW once written */
	enum ref_state state;
	char *msg;             /* REF_BAD: why; REF_AMBIGUOUS: the candidates */
	int used;              /* orgs: some good row named it */
};

static unsigned long long hash_str(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct ref *map_slot(struct ref *slots, size_t cap, const char *key)
{
	size_t i = (size_t)hash_str(key) & (cap - 1);
	while (slots[i].key && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static struct ref *map_find(struct refmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	struct ref *r = map_slot(m->slots, m->cap, key);
	return r->key ? r : NULL;
}

static struct ref *map_add(struct refmap *m, const char *key)
{
	if ((m->n + 1) * 4 > m->cap * 3) {
		size_t cap = m->cap ? m->cap * 2 : 256;
		struct ref *slots = xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].key)
				*map_slot(slots, cap, m->slots[i].key) = m->slots[i];
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	struct ref *r = map_slot(m->slots, m->cap, key);
	r->key = xstrdup(key);
	m->n++;
	return r;
}

static void map_free(struct refmap *m)
{
	for (size_t i = 0; i < m->cap; i++) {
		free(m->slots[i].key);
		free(m->slots[i].msg);
	}
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* ---- the import (struct importer: import_impl.h) ---- */

void importer_report(struct importer *im, enum import_note kind, const char *fmt, ...)
{
	va_list ap;
	sb_reset(&im->line);
	va_start(ap, fmt);
	sb_vprintf(&im->line, fmt, ap);
	va_end(ap);
	if (kind == IMPORT_WARNING)
		im->res->warnings++;
	/* the writing pass says again only what goes wrong */
	if (im->r->report && (im->pass != 2 || kind == IMPORT_ERROR))
		im->r->report(im->r->ctx, kind, im->line.s);
}

void importer_row_bad(struct importer *im, const char *fmt, ...)
{
	va_list ap;
	if (im->why.len)
		sb_puts(&im->why, msg(M_IO_ROW_SEP));
	va_start(ap, fmt);
	sb_vprintf(&im->why, fmt, ap);
	va_end(ap);
}

/* Trim spaces, tabs, line breaks and the ideographic space U+3000 at both
 * ends, in place (the record's bytes belong to us until the next one). */
char *import_trim(char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	size_t n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
			n--;
		else if (n >= 3 && strncmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
	return s;
}

static int column_of(const char *key)
{
	for (int c = 0; c < IO__NCOLS; c++)
		if (strcmp(key, col_zh[c]) == 0 || strcmp(key, col_en[c]) == 0)
			return c;
	for (size_t i = 0; i < ARRAY_SIZE(aliases); i++)
		if (strcmp(key, aliases[i].name) == 0)
			return aliases[i].col;
	return -1;
}

/* Does this record hold the content column's name? */
static int looks_like_header(const struct csv_record *rec)
{
	char key[128];
	for (int i = 0; i < rec->nfields; i++) {
		import_header_key(rec->fields[i], key, sizeof key);
		if (column_of(key) == IO_CONTENT)
			return 1;
	}
	return 0;
}

/* Map the header's cells to columns; 0, or -1 after reporting the error. */
static int read_header(struct importer *im, const struct csv_record *rec)
{
	const char *file = im->r->path;
	char key[128];
	int bad = 0;
	for (int c = 0; c < IO__NCOLS; c++)
		im->col[c] = -1;
	for (int i = 0; i < rec->nfields; i++) {
		import_header_key(rec->fields[i], key, sizeof key);
		int c = column_of(key);
		if (c == IO_IGNORED)
			continue;
		if (c < 0) {
			if (*key)
				importer_report(im, IMPORT_INFO, msg(M_IO_UNKNOWN_COL), file, rec->line,
						rec->fields[i]);
			continue;
		}
		if (im->col[c] >= 0) {
			importer_report(im, IMPORT_ERROR, msg(M_IO_DUP_COL), file, rec->line, rec->fields[i],
					im->col[c] + 1, i + 1);
			bad = 1;
			continue;
		}
		im->col[c] = i;
	}
	if (im->col[IO_CONTENT] < 0) {
		importer_report(im, IMPORT_ERROR, msg(M_IO_NO_CONTENT_COL), file, rec->line);
		bad = 1;
	}
	if (im->col[IO_ORG] < 0 && im->r->org_id <= 0) {
		importer_report(im, IMPORT_ERROR, msg(M_IO_NO_ORG_COL), file, rec->line);
		bad = 1;
	}
	return bad ? -1 : 0;
}

char *importer_field(struct importer *im, const struct csv_record *rec, int c)
{
	return import_cell(im->col, rec, c);
}

/* Only spaces (Excel writes an empty sheet row as ",,,,").  The cells are
 * left as they are: text fields are kept verbatim, so export → import gives
 * back exactly what was exported; names, dates and statuses are trimmed
 * where they are read. */
int import_blank_record(const struct csv_record *rec)
{
	for (int i = 0; i < rec->nfields; i++)
		for (const char *p = rec->fields[i]; *p; p++)
			if (!strchr(" \t\r\n", *p) && strncmp(p, "\xE3\x80\x80", 3) != 0)
				return 0;
			else if (*p == '\xE3')
				p += 2;
	return 1;
}

/* ---- organisations ---- */

static long long resolve_org(struct importer *im, const char *name)
{
	struct ref *r = map_find(&im->orgs, name);
	if (!r) {
		struct strbuf e = {0};
		long long id = 0;
		r = map_add(&im->orgs, name);
		enum qd_status s = qd_find_org(im->q, name, &id, &e);
		if (s == QD_OK) {
			r->state = REF_FOUND;
			r->id = id;
		} else {
			r->state = REF_BAD;
			r->msg = s == QD_NOTFOUND && name[0] != '#'
					 ? xasprintf(msg(M_IO_ROW_NO_SUCH_ORG), name, name)
					 : sb_take(&e);
		}
		sb_free(&e);
	}
	if (r->state == REF_BAD) {
		importer_row_bad(im, "%s", r->msg);
		return -1;
	}
	return r->id;
}

/* ---- people ---- */

/* Work out who a new reference means (not in the cache yet), with the
 * model's resolver — the same rules as --owner on the command line.  A
 * reference to no one on the list is someone new: 姓名（X） names their
 * branch (when X is one) or their post; 姓名#ID of another file, the name. */
static void classify_person(struct importer *im, struct ref *r, struct person_fields *nf,
			    struct person_ref *pr)
{
	struct strbuf e = {0};
	long long id = 0, org = 0;
	char *cands = NULL;
	enum qd_status s = qd_match_person_exact(im->q, r->key, &id, pr, &cands, &e);
	if (s == QD_OK) {
		r->state = REF_FOUND;
		r->id = id;
	} else if (s == QD_AMBIGUOUS) {
		r->state = REF_AMBIGUOUS;
		r->msg = cands;
		cands = NULL;
	} else if (s == QD_NOTFOUND && pr->id && !pr->foreign_id) {
		r->state = REF_NO_ID;
	} else if (s == QD_NOTFOUND && *pr->name) {
		r->state = REF_NEW;
		nf->name = pr->name;
		if (pr->qual && store_org_by_name(im->q->db, pr->qual, &org) == QD_OK)
			nf->org_id = org;          /* 姓名（第一党支部） */
		else
			nf->post = pr->qual;       /* 姓名（组织委员） */
	} else {
		r->state = REF_BAD;
		r->msg = sb_take(&e);
	}
	free(cands);
	sb_free(&e);
}

/* The person a cell names: 0 none, > 0 their id, -1 a bad reference
 * (reason added to the row).  A new person is reported the first time and
 * added when writing; during a dry run they stay 0. */
static long long resolve_person(struct importer *im, const struct csv_record *rec, char *cell,
				enum msg_id role)
{
	const char *key = import_trim(cell);
	if (!*key)
		return 0;
	struct ref *r = map_find(&im->people, key);
	/* someone new found by the checking pass is added when writing */
	int again = r && r->state == REF_NEW && !r->id && im->writing;
	if (!r || again) {
		struct person_fields nf = PERSON_FIELDS_INIT;
		struct person_ref pr;
		if (!again)
			r = map_add(&im->people, key);
		classify_person(im, r, &nf, &pr);
		if (r->state == REF_NEW) {
			importer_report(im, IMPORT_INFO, msg(M_IO_NEW_PERSON), im->r->path, rec->line,
					r->key);
			im->res->people_new++;
			if (im->writing) {
				struct strbuf e = {0};
				if (qd_person_add(im->q, &nf, &r->id, &e) != QD_OK) {
					importer_row_bad(im, "%s", e.s ? e.s : "");
					im->writing = 0;
				}
				sb_free(&e);
			}
		}
		person_ref_clear(&pr);
	}
	if (r->state == REF_AMBIGUOUS || r->state == REF_NO_ID || r->state == REF_BAD) {
		if (r->state == REF_AMBIGUOUS)
			importer_row_bad(im, msg(M_IO_ROW_AMBIGUOUS), msg(role), r->key, r->msg);
		else if (r->state == REF_NO_ID)
			importer_row_bad(im, msg(M_IO_ROW_NO_ID), msg(role), r->key);
		else
			importer_row_bad(im, "%s", r->msg);
		return -1;
	}
	return r->id;
}

/* ---- one row ---- */

static const char *status_of(char *cell)
{
	char *s = import_trim(cell);
	if (!*s)
		return "planned";
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	int st = status_parse(s);
	if (st >= 0)
		return status_code((enum item_status)st);
	for (size_t i = 0; i < ARRAY_SIZE(status_words); i++)
		if (strcmp(s, status_words[i].word) == 0)
			return status_words[i].code;
	return NULL;
}

static void import_row(struct importer *im, const struct csv_record *rec)
{
	const char *file = im->r->path;
	struct item_fields f = ITEM_FIELDS_INIT;
	char due_iso[11], done_iso[11];
	char *due_text = NULL;
	int day;
	sb_reset(&im->why);
	im->res->rows++;

	char *org_cell = import_trim(importer_field(im, rec, IO_ORG));
	long long org_id = im->r->org_id > 0 ? im->r->org_id : 0;
	struct ref *org_ref = NULL;
	if (*org_cell) {
		org_id = resolve_org(im, org_cell);
		org_ref = map_find(&im->orgs, org_cell);
	} else if (org_id <= 0) {
		importer_row_bad(im, "%s", msg(M_IO_ROW_NO_ORG));
	}

	f.content = importer_field(im, rec, IO_CONTENT);
	char *content_copy = xstrdup(f.content);
	if (!*import_trim(content_copy))
		importer_row_bad(im, "%s", msg(M_IO_ROW_NO_CONTENT));
	free(content_copy);
	f.category = importer_field(im, rec, IO_CATEGORY);
	f.measures = importer_field(im, rec, IO_MEASURES);
	f.standard = importer_field(im, rec, IO_STANDARD);

	char *status_cell = importer_field(im, rec, IO_STATUS);
	char *status_raw = xstrdup(import_trim(status_cell));
	int status_given = *status_raw != '\0';
	f.status = status_of(status_cell);
	if (!f.status)
		importer_row_bad(im, msg(M_IO_ROW_BAD_STATUS), status_raw);
	free(status_raw);

	const char *text = importer_field(im, rec, IO_DUE_TEXT);
	char *due = import_trim(importer_field(im, rec, IO_DUE));
	f.due_text = text;
	int words = *due ? date_due_words(due, im->q->year, &day) : 1;
	if (*due && date_parse(due, &day) == 0) {
		f.due = date_format(day, due_iso);
	} else if (words == 0) {
		/* 6月底前, 第三季度: the period's last day, the words kept */
		f.due = date_format(day, due_iso);
		if (*text && strcmp(text, due) != 0)
			f.due_text = due_text = xasprintf("%s%s%s", due, msg(M_IO_ROW_SEP), text);
		else
			f.due_text = due;
	} else if (words < 0) {
		importer_row_bad(im, msg(M_DUE_ROW_IMPOSSIBLE), due);
	} else if (*due) {
		/* 长期坚持, 6月底: kept as words, with a warning; 每季度 makes the
		 * item recurring (below) */
		if (every_words(due) == EVERY_NONE)
			importer_report(im, IMPORT_WARNING, msg(M_IO_WARN_DUE), file, rec->line, due);
		if (*text && strcmp(text, due) != 0)
			f.due_text = due_text = xasprintf("%s%s%s", due, msg(M_IO_ROW_SEP), text);
		else
			f.due_text = due;
	}

	/* an item without a date that says 每月, 每季度, 按季度, 每半年 or 每年 —
	 * in its 完成时限, 时限说明, 责任内容 or 工作措施 — repeats (period.h) */
	int every = EVERY_NONE;
	if (im->col[IO_EVERY] >= 0) {   /* a 周期 column says it, as export writes it */
		char *cell = import_trim(importer_field(im, rec, IO_EVERY));
		if ((every = every_parse(cell)) < 0)
			importer_row_bad(im, msg(M_IO_ROW_BAD_EVERY), cell);
	} else if (!f.due) {
		const char *where[] = {due, text, f.content, f.measures};
		for (size_t i = 0; i < ARRAY_SIZE(where) && every == EVERY_NONE; i++)
			every = every_words(where[i]);
	}

	char *done = import_trim(importer_field(im, rec, IO_DONE_ON));
	if (*done && f.status && strcmp(f.status, "done") == 0) {
		if (date_parse(done, &day) == 0)
			f.done_on = date_format(day, done_iso);
		else
			importer_row_bad(im, msg(M_IO_ROW_BAD_DONE), done);
	} else if (*done && f.status) {
		importer_report(im, IMPORT_WARNING, msg(M_IO_WARN_DONE_ON), file, rec->line, done);
	}

	char *owner_cell = importer_field(im, rec, IO_OWNER);
	f.owner_id = resolve_person(im, rec, owner_cell, M_SHOW_OWNER);
	char *lead_cell = importer_field(im, rec, IO_LEAD);
	f.lead_id = resolve_person(im, rec, lead_cell, M_SHOW_LEAD);

	/* a row already in the list: refused, updated or (--append) added */
	struct item_fields ch = ITEM_FIELDS_INIT;
	struct import_row_cells cells = {&f, import_trim(owner_cell), import_trim(lead_cell)};
	long long match = 0;
	int changes = 0;
	if (!im->why.len && im->r->mode != IMPORT_APPEND)
		match = importer_match_row(im, rec, org_id, &cells, status_given ? f.status : NULL,
					   &ch, &changes);

	if (im->why.len) {
		im->res->bad_rows++;
		im->writing = 0;
		importer_report(im, IMPORT_ERROR, msg(M_IO_ROW), file, rec->line, im->why.s);
	} else {
		if (org_ref)
			org_ref->used = 1;
		if (match > 0)
			importer_update_row(im, rec, match, &ch, changes);
		else
			im->res->items++;
		if (im->writing && match <= 0) {
			struct strbuf e = {0};
			long long id;
			if (qd_item_add(im->q, org_id, &f, &id, &e) != QD_OK ||
			    (every > EVERY_NONE && qd_item_every(im->q, id, every_code(every), &e) != QD_OK)) {
				im->res->bad_rows++;
				im->writing = 0;
				importer_report(im, IMPORT_ERROR, msg(M_IO_ROW), file, rec->line,
						e.s ? e.s : "");
			}
			sb_free(&e);
		}
	}
	free(due_text);
}

/* ---- the file ---- */

/* Progress over both passes: the first is the first half. */
static void progress(struct importer *im, long done, long total)
{
	if (!im->r->dry_run && done < total)
		done = im->pass == 2 ? total / 2 + done / 2 : done / 2;
	else if (!im->r->dry_run && im->pass == 1)
		done = total / 2;
	im->r->progress(im->r->ctx, done, total, im->res->rows);
}

void import_csv_failure(const struct csv_fail *f, const char *file, struct strbuf *out)
{
	switch (f->code) {
	case CSV_ERR_IO:
		sb_printf(out, msg(M_IO_READ_FAILED), file, strerror(f->errnum));
		break;
	case CSV_ERR_UTF16:
		sb_printf(out, msg(M_IO_CSV_UTF16), file, f->line);
		break;
	case CSV_ERR_ENCODING:
		sb_printf(out, msg(M_IO_CSV_ENCODING), file, f->line);
		break;
	case CSV_ERR_UNTERMINATED:
		sb_printf(out, msg(M_IO_CSV_UNTERMINATED), file, f->line, f->line);
		break;
	case CSV_ERR_TOOLONG:
		if (f->quoted)
			sb_printf(out, msg(M_IO_CSV_TOOLONG_QUOTE), file, f->line, f->line);
		else
			sb_printf(out, msg(M_IO_CSV_TOOLONG), file, f->line);
		break;
	case CSV_ERR_TOOMANY:
		sb_printf(out, msg(M_IO_CSV_TOOMANY), file, f->line);
		break;
	case CSV_ERR_NOT_REGULAR:
		sb_printf(out, msg(M_IN_NOT_REGULAR), infile_name(file));
		break;
	case CSV_ERR_TOO_BIG:
		sb_printf(out, msg(M_IN_TOO_BIG), infile_name(file), (int)(CSV_MAX_FILE >> 20));
		break;
	case CSV_ERR_CHANGED:
	default:
		sb_printf(out, msg(M_IO_CSV_CHANGED), file, f->line);
		break;
	}
}

static void report_csv_failure(struct importer *im, const struct sheet_fail *f)
{
	struct strbuf b = {0};
	import_reader_failure(f, im->r->path, &b);
	importer_report(im, IMPORT_ERROR, "%s", b.s);
	sb_free(&b);
}

/* Read the whole file; returns 0 when the file itself was readable (rows
 * may still be bad: see res->bad_rows), -1 after a file-level error. */
static int read_file(struct importer *im, struct sheet_reader *csv)
{
	struct csv_record rec;
	struct sheet_fail fail;
	int rc, header = 0, skipped = 0;
	long title[5];
	while ((rc = sheet_next(csv, &rec, &fail)) == 1) {
		if (import_blank_record(&rec))
			continue;
		if (!header) {
			/* a title line or two above the header, as sheets often have */
			if (!looks_like_header(&rec)) {
				if (skipped == (int)ARRAY_SIZE(title)) {
					importer_report(im, IMPORT_ERROR, msg(M_IO_NO_CONTENT_COL), im->r->path,
							title[0]);
					return -1;
				}
				title[skipped++] = rec.line;
				continue;
			}
			for (int i = 0; i < skipped; i++)
				importer_report(im, IMPORT_INFO, msg(M_IO_SKIP_TITLE), im->r->path,
						title[i]);
			if (read_header(im, &rec) != 0)
				return -1;
			header = 1;
			continue;
		}
		import_row(im, &rec);
		if (im->r->progress && im->res->rows % 1024 == 0) {
			/* the reader reads ahead: only the last call says "all of it" */
			long total = sheet_total_bytes(csv), done = sheet_bytes_read(csv);
			progress(im, done < total ? done : total - 1, total);
		}
	}
	if (rc < 0) {
		report_csv_failure(im, &fail);
		return -1;
	}
	if (!header) {
		if (skipped)
			importer_report(im, IMPORT_ERROR, msg(M_IO_NO_CONTENT_COL), im->r->path,
					title[0]);
		else
			importer_report(im, IMPORT_ERROR, msg(M_IO_EMPTY_FILE), im->r->path);
		return -1;
	}
	if (im->r->progress)
		progress(im, sheet_total_bytes(csv), sheet_total_bytes(csv));
	return 0;
}

/* The second pass: the file again, written under the write lock in one
 * transaction (a big load with item's indexes made again in bulk).  The
 * lookups of the first pass stand unless someone committed since seen.
 * Sets *file_ok as read_file returns; the status of the write. */
static enum qd_status write_file(struct importer *im, struct sheet_reader **csv, long long seen,
				 int *file_ok, struct strbuf *err)
{
	struct qd *q = im->q;
	long rows = im->res->rows;
	struct sheet_fail fail;
	*csv = sheet_reopen(csv, &fail);
	if (!*csv) {
		report_csv_failure(im, &fail);
		*file_ok = -1;
		return QD_OK;
	}
	memset(im->res, 0, sizeof *im->res);
	im->res->encoding = sheet_encoding(*csv);
	im->pass = 2;
	enum qd_status s = qd_batch_begin(q, err);
	if (s != QD_OK) {
		*file_ok = -1;
		return s;
	}
	if (db_data_version(q->db) != seen) {
		map_free(&im->orgs);
		map_free(&im->people);
	}
	/* what is matched is what the lock sees */
	s = import_match_begin(&im->match, q, im->r->mode != IMPORT_APPEND);
	if (s != QD_OK) {
		s = db_error(q->db, err);
		qd_batch_end(q, s, err);
		*file_ok = -1;
		return s;
	}
	/* a big load touches index pages all over: a fixed 32 MiB cache
	 * keeps them from being spilled and read back (memory stays flat) */
	int cache = store_io_cache(q->db, 32 << 10);
	struct io_bulk bulk;
	int dropped = store_io_bulk_begin(q->db, rows, im->match.active, &bulk);
	im->writing = dropped >= 0;
	*file_ok = im->writing ? read_file(im, *csv) : -1;
	int ok = im->writing && *file_ok == 0 && im->res->bad_rows == 0;
	if (dropped < 0 || store_io_bulk_end(q->db, &bulk, ok) != QD_OK) {
		s = db_error(q->db, err);
		ok = 0;
	}
	enum qd_status e = qd_batch_end(q, ok ? QD_OK : s != QD_OK ? s : QD_INVALID, err);
	store_io_cache(q->db, cache);
	if (ok && e == QD_OK && rows >= BULK_MIN_ROWS) {
		store_analyze(q->db);   /* the planner sees the new sizes at once */
		db_truncate_wal(q->db);
	}
	return ok ? e : s;
}

enum qd_status io_import(struct qd *q, const struct import_request *r, struct import_result *res,
			 struct strbuf *err)
{
	struct importer im = {.q = q, .r = r, .res = res};
	struct sheet_fail fail;
	memset(res, 0, sizeof *res);
	res->encoding = "";
	if (!r->dry_run && !q->actor_admin) {
		sb_printf(err, msg(M_IO_NOT_ADMIN), q->actor_name);
		return QD_DENIED;
	}
	struct sheet_reader *csv = sheet_open(r->path, r->sheet, &fail);
	if (!csv) {
		report_csv_failure(&im, &fail);
		sb_free(&im.line);
		sb_printf(err, msg(M_IO_FAILED), r->path);
		return fail.csv.code == CSV_ERR_IO ? QD_IOERROR : QD_INVALID;
	}
	res->encoding = sheet_encoding(csv);
	/* messages name FILE:SHEET for a workbook (sheet.h) */
	struct import_request at = *r;
	char *where = xstrdup(sheet_where(csv));
	at.path = where;
	im.r = &at;

	enum qd_status s = QD_OK;
	long long seen = db_data_version(q->db);
	im.pass = 1;
	int file_ok = -1;
	if (import_match_begin(&im.match, q, r->mode != IMPORT_APPEND) != QD_OK)
		s = db_error(q->db, err);
	else
		file_ok = read_file(&im, csv);
	int checked = s == QD_OK && file_ok == 0 && res->bad_rows == 0;
	if (checked && r->mode == IMPORT_UPDATE)
		importer_report(&im, IMPORT_CHANGE, msg(M_RI_PLAN), res->updated, res->items,
				res->unchanged);
	int duplicate = r->mode == IMPORT_NEW && res->matched > 0;
	if (!r->dry_run && checked && !duplicate)
		s = write_file(&im, &csv, seen, &file_ok, err);
	int ok = s == QD_OK && file_ok == 0 && res->bad_rows == 0 && !duplicate;
	for (size_t i = 0; i < im.orgs.cap; i++)
		res->orgs += im.orgs.slots[i].key && im.orgs.slots[i].used;
	if (r->org_id > 0 && !res->orgs && res->items)
		res->orgs = 1;
	if (s == QD_OK && !ok) {
		if (file_ok == 0 && res->bad_rows)
			sb_printf(err, msg(r->dry_run ? M_IO_DRY_REFUSED : M_IO_REFUSED), r->path,
				  res->bad_rows);
		else if (!duplicate)
			sb_printf(err, msg(M_IO_FAILED), r->path);
		if (file_ok == 0 && duplicate)
			importer_refuse_duplicate(&im, err);
		s = QD_INVALID;
	}
	if (s != QD_OK && !r->dry_run)
		res->people_new = 0;
	sheet_close(&csv);
	free(where);
	map_free(&im.orgs);
	map_free(&im.people);
	import_match_free(&im.match);
	sb_free(&im.why);
	sb_free(&im.line);
	return s;
}

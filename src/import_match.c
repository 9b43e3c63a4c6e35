/* import_match.c — importing a list again (issue 13): which item of the
 * list a row of `import FILE` stands for, what --update would change in it,
 * and what becomes of such a row for import.c (struct importer in
 * import_impl.h): the change applied with --update, or the default mode's
 * refusal of the file naming --update and --append (io.h enum import_mode
 * has the contract; import.c calls this for each good row).
 *
 * A row stands for a live item of its organisation's list of the working
 * year, found in the storage layer (store_io_match, on an index):
 *  1. by 责任内容 in normal form (norm.h) — an unchanged row, wherever it
 *     moved in the file;
 *  2. else, when the file has a 序号 column, by that position (the seq
 *     export writes) — a row whose content was edited — provided its
 *     工作措施 or 完成标准 is still that item's (in normal form, not blank).
 * Content comes first, and a 序号 alone is not enough, because a 序号
 * typed by people need not be qingdan's position: a sheet of several
 * organisations numbers its rows straight through while each list counts
 * from 1, the list may have held items before the first import, and a
 * sheet of new items numbers them from 1 again.  For qingdan's own export
 * content and 序号 agree.  Each item stands for one row at most:
 * the claims of this pass are kept (bounded by the list, not the file).  A
 * row whose content is that of an item another row already took by its
 * 序号 is an error naming both rows (rows were renumbered); a second row
 * with the content of an item taken by content is a row of its own (the
 * file lists it twice).  Items added by this import (id above the pass's
 * max_id) are never matched, so the checking and the writing pass decide
 * alike. */
#include "import_impl.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "qingdan/norm.h"
#include "qingdan/store_io.h"
#include "qingdan/text.h"

enum { MATCH_CANDIDATES = 8 };

static struct import_claim *claim_slot(struct import_claim *slots, size_t cap, long long id)
{
	size_t i = (size_t)((unsigned long long)id * 11400714819323198485ULL >> 20) & (cap - 1);
	while (slots[i].id && slots[i].id != id)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static struct import_claim *claim_find(struct import_match *m, long long id)
{
	if (!m->cap)
		return NULL;
	struct import_claim *c = claim_slot(m->slots, m->cap, id);
	return c->id ? c : NULL;
}

static void claim(struct import_match *m, long long id, long line, int by_seq)
{
	if ((m->n + 1) * 4 > m->cap * 3) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct import_claim *slots = xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].id)
				*claim_slot(slots, cap, m->slots[i].id) = m->slots[i];
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	struct import_claim *c = claim_slot(m->slots, m->cap, id);
	c->id = id;
	c->line = line;
	c->by_seq = by_seq;
	m->n++;
}

void import_match_free(struct import_match *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}

enum qd_status import_match_begin(struct import_match *m, struct qd *q, int enabled)
{
	long long count = 0, max_id = 0;
	import_match_free(m);
	if (!enabled)
		return QD_OK;
	if (store_io_year_items(q->db, q->year, &count, &max_id) != QD_OK)
		return QD_DBERROR;
	m->active = count > 0;
	m->max_id = max_id;
	return QD_OK;
}

/* A 序号 cell as a position: digits only ("3", " 3 "); 0 if it is none. */
static int seq_of(const char *cell)
{
	char *copy = xstrdup(cell), *s = import_trim(copy), *t = s;
	long v = 0;
	while (*t >= '0' && *t <= '9' && v < 1000000000)
		v = v * 10 + (*t++ - '0');
	int seq = *s && !*t && v < 1000000000 ? (int)v : 0;
	free(copy);
	return seq;
}

/* Is a (normal form, not blank) the same as b? */
static int same_text(const char *a, const char *b)
{
	char *x = norm_search(a ? a : ""), *y = norm_search(b ? b : "");
	int same = *x && strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* The item at a row's 序号 is the row's when its 工作措施 or 完成标准 is. */
static int seq_confirmed(struct qd *q, long long id, const struct item_fields *f)
{
	struct item it = {0};
	struct strbuf e = {0};
	int ok = qd_get_item(q, id, &it, &e) == QD_OK &&
		 (same_text(f->measures, it.measures) || same_text(f->standard, it.standard));
	item_clear(&it);
	sb_free(&e);
	return ok;
}

long long import_match_row(struct import_match *m, struct qd *q, long long org_id,
			   const char *seq_cell, const struct item_fields *f, long line,
			   struct import_claim *other)
{
	const char *content = f->content;
	long long ids[MATCH_CANDIDATES];
	if (!m->active)
		return 0;
	char *key = norm_search(content);
	int n = store_io_match(q->db, q->year, org_id, key, 0, m->max_id, ids, MATCH_CANDIDATES);
	free(key);
	if (n < 0)
		return -2;
	for (int i = 0; i < n; i++)
		if (!claim_find(m, ids[i])) {
			claim(m, ids[i], line, 0);
			return ids[i];
		}
	for (int i = 0; i < n; i++) {
		struct import_claim *c = claim_find(m, ids[i]);
		if (c->by_seq) {
			*other = *c;
			return -1;
		}
	}
	int seq = seq_cell ? seq_of(seq_cell) : 0;
	if (!seq)
		return 0;
	n = store_io_match(q->db, q->year, org_id, NULL, seq, m->max_id, ids, MATCH_CANDIDATES);
	if (n < 0)
		return -2;
	for (int i = 0; i < n; i++)
		if (!claim_find(m, ids[i]) && seq_confirmed(q, ids[i], f)) {
			claim(m, ids[i], line, 1);
			return ids[i];
		}
	return 0;
}

/* ---- what --update changes ---- */

/* A value as a change line shows it: on one line, cut, quoted; （空） when
 * there is none. */
static void show_value(struct strbuf *b, const char *v)
{
	char *flat = norm_search(v ? v : "");
	if (!*flat) {
		sb_puts(b, msg(M_RI_EMPTY));
	} else {
		char *cut = text_fit(flat, 48, 1);
		sb_printf(b, msg(M_RI_VALUE), cut);
		free(cut);
	}
	free(flat);
}

struct diff {
	const struct item *it;
	const char *file;
	long line;
	struct strbuf *lines, *fields;
	int n;
};

static void changed(struct diff *d, const char *label, const char *old, const char *new)
{
	struct strbuf a = {0}, b = {0};
	show_value(&a, old);
	show_value(&b, new);
	if (d->lines->len)
		sb_putc(d->lines, '\n');
	sb_printf(d->lines, msg(M_RI_CHANGE), d->file, d->line, d->it->id, label, a.s, b.s);
	if (d->fields->len)
		sb_puts(d->fields, msg(M_RI_FIELD_SEP));
	sb_puts(d->fields, label);
	d->n++;
	sb_free(&a);
	sb_free(&b);
}

/* A text cell against the item's value: blank leaves it; the same in
 * normal form (spacing, invisible characters, line breaks) is no change. */
static const char *text_change(struct diff *d, int col, const char *cell, const char *old)
{
	char *c = norm_search(cell ? cell : ""), *o = norm_search(old ? old : "");
	int differs = *c && strcmp(c, o) != 0;
	free(c);
	free(o);
	if (!differs)
		return NULL;
	changed(d, io_column_header(col), old, cell);
	return cell;
}

/* A person cell: blank leaves it; id > 0 whom it names, 0 someone to be
 * added (the checking pass adds no one). */
static long long person_change(struct diff *d, int col, const char *cell, long long id,
			       long long old_id, const char *old_name)
{
	if (!cell || !*cell || (id > 0 && id == old_id))
		return -1;
	changed(d, io_column_header(col), old_name, cell);
	return id;
}

int import_diff(const struct item *it, const struct import_row_cells *r, const char *file,
		long line, struct item_fields *ch, struct strbuf *lines, struct strbuf *fields)
{
	const struct item_fields *f = r->f;
	struct diff d = {it, file, line, lines, fields, 0};
	*ch = (struct item_fields)ITEM_FIELDS_INIT;
	ch->category = text_change(&d, IO_CATEGORY, f->category, it->category);
	ch->content = text_change(&d, IO_CONTENT, f->content, it->content);
	ch->measures = text_change(&d, IO_MEASURES, f->measures, it->measures);
	ch->standard = text_change(&d, IO_STANDARD, f->standard, it->standard);
	ch->owner_id = person_change(&d, IO_OWNER, r->owner, f->owner_id, it->owner_id,
				     it->owner_name);
	ch->lead_id = person_change(&d, IO_LEAD, r->lead, f->lead_id, it->lead_id, it->lead_name);
	if (!str_empty(f->due) && strcmp(f->due, it->due ? it->due : "") != 0) {
		changed(&d, io_column_header(IO_DUE), it->due, f->due);
		ch->due = f->due;
	}
	ch->due_text = text_change(&d, IO_DUE_TEXT, f->due_text, it->due_text);
	return d.n;
}

/* ---- a row already in the list, for import.c (struct importer) ---- */

/* The item this good row stands for (0: none), found as above;
 * with --update its changes in *ch (*changes of them), reported with a
 * note when the status differs.  A fault goes to the row (why). */
long long importer_match_row(struct importer *im, const struct csv_record *rec, long long org_id,
			     const struct import_row_cells *cells, const char *status,
			     struct item_fields *ch, int *changes)
{
	struct import_claim other = {0};
	long long id = import_match_row(&im->match, im->q, org_id,
					im->col[IO_SEQ] >= 0 ? importer_field(im, rec, IO_SEQ) : NULL,
					cells->f, rec->line, &other);
	if (id == -1)
		importer_row_bad(im, msg(M_RI_SAME_ITEM), other.line, other.id);
	else if (id < 0)
		importer_row_bad(im, msg(M_DB_ERROR), db_errmsg(im->q->db));
	if (id <= 0)
		return 0;
	im->res->matched++;
	if (im->r->mode != IMPORT_UPDATE) {
		if (im->res->matched <= (long)ARRAY_SIZE(im->seen)) {
			im->seen[im->res->matched - 1].line = rec->line;
			im->seen[im->res->matched - 1].id = id;
		}
		return id;
	}
	struct item it = {0};
	struct strbuf e = {0}, lines = {0}, fields = {0};
	if (qd_get_item(im->q, id, &it, &e) != QD_OK) {
		importer_row_bad(im, "%s", e.s ? e.s : "");
		id = 0;
	} else {
		*changes = import_diff(&it, cells, im->r->path, rec->line, ch, &lines, &fields);
		if (*changes && !status_is_open(it.status))
			importer_row_bad(im, msg(M_RI_CLOSED), id, status_label(it.status), fields.s);
		else if (*changes)
			importer_report(im, IMPORT_CHANGE, "%s", lines.s);
		if (status && strcmp(status, status_code(it.status)) != 0) {
			int st = status_parse(status);
			importer_report(im, IMPORT_INFO, msg(M_RI_STATUS_KEPT), im->r->path, rec->line, id,
			       st >= 0 ? status_label((enum item_status)st) : status,
			       status_label(it.status), id);
		}
	}
	item_clear(&it);
	sb_free(&e);
	sb_free(&lines);
	sb_free(&fields);
	return id;
}

/* --update: a good row's item changed through the model (one audited edit),
 * or counted as it is; the default mode only counts (the file is refused). */
void importer_update_row(struct importer *im, const struct csv_record *rec, long long id,
			 const struct item_fields *ch, int changes)
{
	if (im->r->mode != IMPORT_UPDATE)
		return;
	if (!changes) {
		im->res->unchanged++;
		return;
	}
	im->res->updated++;
	if (!im->writing)
		return;
	struct strbuf e = {0};
	if (qd_item_set(im->q, id, 0, ch, &e) != QD_OK) {
		im->res->bad_rows++;
		im->writing = 0;
		importer_report(im, IMPORT_ERROR, msg(M_IO_ROW), im->r->path, rec->line, e.s ? e.s : "");
	}
	sb_free(&e);
}

/* The default mode's refusal (after the bad rows' summary, if any): how
 * many rows are in the list, the first of them, the two modes. */
void importer_refuse_duplicate(struct importer *im, struct strbuf *err)
{
	const struct import_request *r = im->r;
	struct strbuf ex = {0};
	long n = im->res->matched < (long)ARRAY_SIZE(im->seen) ? im->res->matched
							       : (long)ARRAY_SIZE(im->seen);
	for (long i = 0; i < n; i++) {
		if (i)
			sb_puts(&ex, msg(M_RI_EXAMPLE_SEP));
		sb_printf(&ex, msg(M_RI_EXAMPLE), r->path, im->seen[i].line, im->seen[i].id);
	}
	if (im->res->matched > n)
		sb_puts(&ex, msg(M_RI_MORE));
	if (err->len)
		sb_puts(err, msg(M_IO_ROW_SEP));
	sb_printf(err, msg(r->dry_run ? M_RI_DRY_DUPLICATE : M_RI_DUPLICATE), r->path,
		  im->res->rows, im->res->matched, im->q->year, ex.s);
	sb_free(&ex);
}

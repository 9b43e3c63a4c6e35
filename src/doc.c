/* doc.c — the print document model: building blocks and freeing.
 *
 * The print command builds a struct doc (see doc.h) and hands it to one of
 * the renderers, doc_text.c or doc_pdf.c.  Everything here is plain memory:
 * strings are copied and cleaned on the way in, so the renderers can trust
 * them (valid UTF-8, no control characters except '\n' where allowed). */
#include "qingdan/doc.h"

#include "qingdan/msg.h"
#include "qingdan/text.h"
#include "qingdan/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* s with each tab as four spaces (malloc'd): a tab in content prints as
 * spaces, not as the U+FFFD of a control character. */
static char *untab(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += *p == '\t' ? 4 : 1;
	char *out = xmalloc(n + 1), *o = out;
	for (const char *p = s; *p; p++) {
		if (*p == '\t') {
			memcpy(o, "    ", 4);
			o += 4;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

/* Clean copy of s; newlines kept only where the block gives them meaning. */
static char *clean(const char *s, int keep_newlines)
{
	if (s && strchr(s, '\t')) {
		char *u = untab(s);
		char *c = text_sanitize_take(u, keep_newlines);
		return c;
	}
	return text_sanitize(s ? s : "", keep_newlines);
}

struct doc *doc_new(const char *title)
{
	struct doc *d = xcalloc(1, sizeof *d);
	d->title = clean(title, 0);
	d->missing = xcalloc(1, sizeof *d->missing);
	return d;
}

static void table_free(struct doc_table *t)
{
	if (!t)
		return;
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++)
			free(t->rows[r].cells[c]);
		free(t->rows[r].cells);
	}
	for (int c = 0; c < t->ncols; c++)
		free(t->cols[c].name);
	free(t->rows);
	free(t->cols);
	free(t);
}

static void block_free(struct doc_block *b)
{
	free(b->text);
	free(b->text2);
	for (int i = 0; i < b->nfields; i++)
		free(b->fields[i]);
	free(b->fields);
	free(b->vstart);
	table_free(b->table);
}

void doc_free(struct doc **dp)
{
	struct doc *d = *dp;
	if (!d)
		return;
	for (int g = 0; g < d->ngroups; g++) {
		struct doc_group *grp = &d->groups[g];
		for (int i = 0; i < grp->nblocks; i++)
			block_free(&grp->blocks[i]);
		free(grp->blocks);
		free(grp->footer);
		free(grp->note);
	}
	free(d->groups);
	free(d->title);
	free(d->missing->cp);
	free(d->missing->name);
	free(d->missing);
	free(d);
	*dp = NULL;
}

void doc_group(struct doc *d, const char *footer)
{
	if (d->ngroups == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 8;
		d->groups = xrealloc(d->groups, (size_t)d->cap * sizeof *d->groups);
	}
	struct doc_group *g = &d->groups[d->ngroups++];
	memset(g, 0, sizeof *g);
	g->footer = clean(footer, 0);
	g->note = xstrdup("");
}

void doc_group_note(struct doc *d, const char *note)
{
	if (d->ngroups == 0)
		doc_group(d, NULL);
	struct doc_group *g = &d->groups[d->ngroups - 1];
	free(g->note);
	g->note = clean(note, 0);
}

int doc_ngroups(const struct doc *d)
{
	return d->ngroups;
}

/* A new zeroed block at the end of the current group. */
static struct doc_block *add_block(struct doc *d, enum doc_kind kind)
{
	if (d->ngroups == 0)
		doc_group(d, NULL);
	struct doc_group *g = &d->groups[d->ngroups - 1];
	if (g->nblocks == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 8;
		g->blocks = xrealloc(g->blocks, (size_t)g->cap * sizeof *g->blocks);
	}
	struct doc_block *b = &g->blocks[g->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

/* The last block of the current group, or NULL. */
static struct doc_block *last_block(struct doc *d)
{
	if (d->ngroups == 0)
		return NULL;
	struct doc_group *g = &d->groups[d->ngroups - 1];
	return g->nblocks ? &g->blocks[g->nblocks - 1] : NULL;
}

void doc_title(struct doc *d, const char *text)
{
	add_block(d, DOC_TITLE)->text = clean(text, 0);
}

void doc_field(struct doc *d, const char *key, const char *value)
{
	struct doc_block *b = last_block(d);
	if (!b || b->kind != DOC_FIELDS)
		b = add_block(d, DOC_FIELDS);
	char *k = clean(key, 0), *v = clean(value, 0);
	b->fields = xrealloc(b->fields, (size_t)(b->nfields + 1) * sizeof *b->fields);
	b->vstart = xrealloc(b->vstart, (size_t)(b->nfields + 1) * sizeof *b->vstart);
	b->vstart[b->nfields] = *k ? (int)(strlen(k) + strlen("：")) : 0;
	b->fields[b->nfields++] = *k ? xasprintf("%s：%s", k, v) : xstrdup(v);
	free(k);
	free(v);
}

void doc_fields_grid(struct doc *d, int pairs)
{
	struct doc_block *b = last_block(d);
	if (b && b->kind == DOC_FIELDS)
		b->grid = pairs < 1 ? 1 : pairs > 4 ? 4 : pairs;
}

void doc_heading(struct doc *d, const char *text)
{
	add_block(d, DOC_HEADING)->text = clean(text, 0);
}

struct doc_table *doc_table(struct doc *d, int ncols, const struct doc_col *cols)
{
	if (ncols < 1 || ncols > DOC_MAX_COLS)
		die("doc_table: %d columns", ncols);
	struct doc_table *t = xcalloc(1, sizeof *t);
	double sum = 0;
	t->ncols = ncols;
	t->cols = xcalloc((size_t)ncols, sizeof *t->cols);
	for (int c = 0; c < ncols; c++)
		sum += cols[c].weight > 0 ? cols[c].weight : 1;
	for (int c = 0; c < ncols; c++) {
		char a = cols[c].align;
		t->cols[c].name = clean(cols[c].name, 1);
		t->cols[c].share = (cols[c].weight > 0 ? cols[c].weight : 1) / sum;
		t->cols[c].align = (a == 'c' || a == 'r') ? a : 'l';
	}
	add_block(d, DOC_TABLE)->table = t;
	return t;
}

void doc_row(struct doc_table *t, unsigned flags, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->rows = xrealloc(t->rows, (size_t)t->cap * sizeof *t->rows);
	}
	struct doc_row *r = &t->rows[t->nrows++];
	r->flags = flags;
	r->cells = xcalloc((size_t)t->ncols, sizeof *r->cells);
	for (int c = 0; c < t->ncols; c++)
		r->cells[c] = clean(cells ? cells[c] : NULL, 1);
}

void doc_row_take(struct doc_table *t, unsigned flags, char **cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->rows = xrealloc(t->rows, (size_t)t->cap * sizeof *t->rows);
	}
	struct doc_row *r = &t->rows[t->nrows++];
	r->flags = flags;
	r->cells = xcalloc((size_t)t->ncols, sizeof *r->cells);
	for (int c = 0; c < t->ncols; c++) {
		if (cells[c] && strchr(cells[c], '\t')) {
			char *u = untab(cells[c]);
			free(cells[c]);
			cells[c] = u;
		}
		r->cells[c] = text_sanitize_take(cells[c], 1);
		cells[c] = NULL;
	}
}

void doc_para(struct doc *d, unsigned flags, const char *text)
{
	struct doc_block *b = add_block(d, DOC_PARA);
	b->flags = flags;
	b->text = clean(text, 1);
}

void doc_sign(struct doc *d, const char *left, const char *right)
{
	struct doc_block *b = add_block(d, DOC_SIGN);
	b->text = clean(left, 1);
	b->text2 = right ? clean(right, 1) : NULL;
}

char *doc_page_label(int page, int pages)
{
	return xasprintf("第 %d 页 共 %d 页", page, pages);
}

/* ---- characters no font could draw ---- */

void doc_set_warn(struct doc *d, const char *name, void (*fn)(void *ctx, const char *text),
		  void *ctx)
{
	free(d->missing->name);
	d->missing->name = name ? clean(name, 0) : NULL;
	d->missing->fn = fn;
	d->missing->ctx = ctx;
}

void doc_missing_add(const struct doc *d, unsigned cp)
{
	struct doc_missing *m = d->missing;
	for (int i = 0; i < m->n; i++)   /* a handful at most */
		if (m->cp[i] == cp)
			return;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 8;
		m->cp = xrealloc(m->cp, (size_t)m->cap * sizeof *m->cp);
	}
	m->cp[m->n++] = cp;
}

/* cp as UTF-8 into buf (at least 5 bytes). */
static void utf8_put(unsigned cp, char *buf)
{
	unsigned char *o = (unsigned char *)buf;
	if (cp < 0x80) {
		*o++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*o++ = (unsigned char)(0xC0 | cp >> 6);
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (unsigned char)(0xE0 | cp >> 12);
		*o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (unsigned char)(0xF0 | cp >> 18);
		*o++ = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	}
	*o = '\0';
}

enum { MISSING_SHOWN = 20 };

char *doc_missing_list(const struct doc *d)
{
	const struct doc_missing *m = d->missing;
	if (m->n == 0)
		return NULL;
	struct strbuf b = {0};
	for (int i = 0; i < m->n && i < MISSING_SHOWN; i++) {
		char ch[5];
		unsigned cp = m->cp[i];
		/* a character that is itself invisible is shown by its number only */
		int visible = cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0) && !(cp >= 0xD800 && cp < 0xE000) &&
			      cp <= 0x10FFFF;
		utf8_put(visible ? cp : 0xFFFD, ch);
		if (i)
			sb_puts(&b, msg(M_DP_SEP));
		sb_printf(&b, "%s (U+%04X)", visible ? ch : "", cp);
	}
	if (m->n > MISSING_SHOWN) {
		sb_puts(&b, msg(M_DP_SEP));
		sb_printf(&b, msg(M_DP_MORE), m->n - MISSING_SHOWN);
	}
	return sb_take(&b);
}

void doc_missing_report(const struct doc *d, const char *path)
{
	char *list = doc_missing_list(d);
	if (!list)
		return;
	const struct doc_missing *m = d->missing;
	char *clean_path = m->name ? xstrdup(m->name) : clean(path ? path : "-", 0);
	char *text = xasprintf(msg(M_DP_MISSING), clean_path, list);
	if (m->fn)
		m->fn(m->ctx, text);
	else
		fprintf(stderr, "qingdan: %s\n", text);
	free(text);
	free(clean_path);
	free(list);
}

/* doc.c — the print document model: building blocks and freeing.
 *
 * The print command builds a struct doc (see doc.h) and hands it to one of
 * the renderers, doc_text.c or doc_pdf.c.  Everything here is plain memory:
 * strings are copied and cleaned on the way in, so the renderers can trust
 * them (valid UTF-8, no control characters except '\n' where allowed). */
#include "qingdan/doc.h"

#include "qingdan/text.h"
#include "qingdan/util.h"

#include <stdlib.h>
#include <string.h>

/* Clean copy of s; newlines kept only where the block gives them meaning. */
static char *clean(const char *s, int keep_newlines)
{
	return text_sanitize(s ? s : "", keep_newlines);
}

struct doc *doc_new(const char *title)
{
	struct doc *d = xcalloc(1, sizeof *d);
	d->title = clean(title, 0);
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
	}
	free(d->groups);
	free(d->title);
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
	b->fields[b->nfields++] = *k ? xasprintf("%s：%s", k, v) : xstrdup(v);
	free(k);
	free(v);
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

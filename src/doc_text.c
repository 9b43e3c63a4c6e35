/* doc_text.c — the UTF-8 text renderer of a struct doc (see doc.h).
 *
 * Two steps per group.  First every block becomes CHUNKS of finished lines
 * (padded by display width through text.h): a table's header chunk, one
 * chunk per table row (its lines plus the rule below it), a paragraph's
 * lines, and so on, each saying whether it may be split across pages and
 * whether it must stay with what follows.  Then the chunks are poured into
 * pages, repeating the table header on each continuation page, and the
 * pages are written with their footers once the page count is known.
 *
 * Only '+', '-', '=', '|' and '!' draw the tables: box-drawing characters
 * are ambiguous-width and would misalign on some terminals and printers. */
#include "qingdan/doc.h"

#include "qingdan/text.h"
#include "qingdan/util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define SIGN_GAP 4            /* columns between two signature blocks */
#define FIELD_GAP "   "       /* between "key：value" pairs */

enum {
	CK_KEEP = 1,     /* do not split unless taller than a whole page */
	CK_NEXT = 2,     /* keep on the same page as the start of the next chunk */
	CK_RULED = 4,    /* last line is a rule: repeat it where the chunk is cut */
};

struct chunk {
	char **lines;
	int n, cap;
	int flags;
	int space;       /* blank lines before it, dropped at the top of a page */
	int hdr;         /* chunk index of its table header, or -1 */
};

struct chunks {
	struct chunk *v;
	int n, cap;
};

struct page {
	const char **lines;   /* borrowed from the chunks ("" for blank lines) */
	int n, cap;
};

struct pages {
	struct page *v;
	int n, cap;
};

static struct chunk *chunk_new(struct chunks *cs, int flags, int space)
{
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? 2 * cs->cap : 32;
		cs->v = xrealloc(cs->v, (size_t)cs->cap * sizeof *cs->v);
	}
	struct chunk *c = &cs->v[cs->n++];
	memset(c, 0, sizeof *c);
	c->flags = flags;
	c->space = space;
	c->hdr = -1;
	return c;
}

/* Append a line (taken over) with trailing spaces removed. */
static void chunk_take(struct chunk *c, char *line)
{
	size_t len = strlen(line);
	while (len && line[len - 1] == ' ')
		line[--len] = '\0';
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 4;
		c->lines = xrealloc(c->lines, (size_t)c->cap * sizeof *c->lines);
	}
	c->lines[c->n++] = line;
}

static void chunks_free(struct chunks *cs)
{
	for (int i = 0; i < cs->n; i++) {
		for (int j = 0; j < cs->v[i].n; j++)
			free(cs->v[i].lines[j]);
		free(cs->v[i].lines);
	}
	free(cs->v);
	memset(cs, 0, sizeof *cs);
}

static void spaces(struct strbuf *b, int n)
{
	static const char blank[] = "                                ";
	for (; n > 0; n -= (int)sizeof blank - 1)
		sb_add(b, blank, n < (int)sizeof blank - 1 ? (size_t)n : sizeof blank - 1);
}

/* Wrap s at width and append each line, moved right by indent columns
 * (centred when center is set). */
static void add_wrapped(struct chunk *c, const char *s, int width, int center, int indent)
{
	char **l;
	int n = text_wrap(s, width < 2 ? 2 : width, &l);
	for (int i = 0; i < n; i++) {
		struct strbuf b = {0};
		spaces(&b, indent + (center ? (width - text_width(l[i])) / 2 : 0));
		sb_puts(&b, l[i]);
		chunk_take(c, sb_take(&b));
	}
	text_lines_free(l, n);
}

static void fields_chunk(struct chunk *c, const struct doc_block *bl, int width)
{
	struct strbuf b = {0};
	int used = 0;
	for (int i = 0; i < bl->nfields; i++) {
		int w = text_width(bl->fields[i]), gap = used ? (int)strlen(FIELD_GAP) : 0;
		if (used && used + gap + w > width) {
			chunk_take(c, sb_take(&b));
			used = gap = 0;
		}
		if (w > width) {   /* a pair wider than the page wraps on its own */
			add_wrapped(c, bl->fields[i], width, 0, 0);
			continue;
		}
		if (gap)
			sb_puts(&b, FIELD_GAP);
		sb_puts(&b, bl->fields[i]);
		used += gap + w;
	}
	if (used)
		chunk_take(c, sb_take(&b));
	sb_free(&b);
}

/* Widest line of a cell (cells may hold '\n'). */
static int natural_width(const char *s)
{
	int w = 0;
	for (;;) {
		const char *e = strchr(s, '\n');
		int lw = e ? text_nwidth(s, (size_t)(e - s)) : text_width(s);
		if (lw > w)
			w = lw;
		if (!e)
			return w;
		s = e + 1;
	}
}

/* Content widths of the columns.  Start from the shares of what the rules
 * and the one-space cell padding leave; a column whose text needs less
 * gives the rest away, and a column of short text (a date, a status) that
 * needs a little more gets its natural width, so "2022-06-30" or
 * "2026年12月31日" (14 columns) is never cut
 * in two; what is left goes to the column that still needs most. */
static void column_widths(const struct doc_table *t, int width, int *cw, int *cellw)
{
	enum { SHORT = 14, MIN_GIVER = 8 };
	int avail = width - (t->ncols + 1) - 2 * t->ncols, pool = avail, nat[DOC_MAX_COLS];
	for (int c = 0; c < t->ncols; c++) {
		nat[c] = natural_width(t->cols[c].name);
		for (int r = 0; r < t->nrows; r++) {
			int w = cellw[r * t->ncols + c] = natural_width(t->rows[r].cells[c]);
			if (w > nat[c])
				nat[c] = w;
		}
		if (nat[c] < 2)
			nat[c] = 2;
		cw[c] = (int)(t->cols[c].share * avail);
		if (cw[c] < 2)
			cw[c] = 2;
		if (cw[c] > nat[c])
			cw[c] = nat[c];
		pool -= cw[c];
	}
	for (int c = 0; c < t->ncols; c++) {
		while (cw[c] < nat[c] && nat[c] <= SHORT) {
			int giver = -1;
			for (int o = 0; o < t->ncols; o++)
				if (o != c && cw[o] > MIN_GIVER && nat[o] > SHORT &&
				    (giver < 0 || cw[o] > cw[giver]))
					giver = o;
			if (pool > 0)
				pool--;
			else if (giver >= 0)
				cw[giver]--;
			else
				break;
			cw[c]++;
		}
	}
	while (pool > 0) {   /* to the column short of most, else the widest share */
		int best = 0;
		for (int c = 1; c < t->ncols; c++)
			if (nat[c] - cw[c] > nat[best] - cw[best] ||
			    (nat[c] - cw[c] == nat[best] - cw[best] && t->cols[c].share > t->cols[best].share))
				best = c;
		int give = nat[best] > cw[best] ? nat[best] - cw[best] : pool;
		if (give > pool)
			give = pool;
		cw[best] += give;
		pool -= give;
	}
}

static char *rule_line(const struct doc_table *t, const int *cw, char fill)
{
	struct strbuf b = {0};
	sb_putc(&b, '+');
	for (int c = 0; c < t->ncols; c++) {
		for (int i = 0; i < cw[c] + 2; i++)
			sb_putc(&b, fill);
		sb_putc(&b, '+');
	}
	return sb_take(&b);
}

/* A line of a cell, w columns wide, padded to cols as text_pad(line, cols,
 * align) would: the lines come from text_wrap or are whole clean cells
 * that fit, so text_pad's own clean copy would be the line itself. */
static void pad_into(struct strbuf *b, const char *line, int w, int cols, char align)
{
	if (w > cols) {
		char *p = text_pad(line, cols, align);
		sb_puts(b, p);
		free(p);
		return;
	}
	int gap = cols - w, left = align == 'r' ? gap : align == 'c' ? gap / 2 : 0;
	spaces(b, left);
	sb_puts(b, line);
	spaces(b, gap - left);
}

/* The lines of one table row: each cell wrapped in its column, the row as
 * tall as its tallest cell; border is '|' or '!' (red rows).  A cell of one
 * line that fits is its own only line (what text_wrap would give for the
 * clean text of a doc), without the copies.  cellw: the cells' natural
 * widths as column_widths measured them, or NULL (the header). */
static void row_lines(struct chunk *ck, const struct doc_table *t, const int *cw,
                      char *const *cells, const int *cellw, const char *align, char border)
{
	char **wl[DOC_MAX_COLS], *one[DOC_MAX_COLS];
	int wn[DOC_MAX_COLS], onew[DOC_MAX_COLS], height = 1;
	for (int c = 0; c < t->ncols; c++) {
		onew[c] = strchr(cells[c], '\n') ? INT_MAX : cellw ? cellw[c] : text_width(cells[c]);
		if (onew[c] <= cw[c]) {
			one[c] = cells[c];
			wl[c] = &one[c];
			wn[c] = 1;
		} else {
			onew[c] = -1;
			wn[c] = text_wrap(cells[c], cw[c], &wl[c]);
		}
		if (wn[c] > height)
			height = wn[c];
	}
	struct strbuf b = {0};
	for (int i = 0; i < height; i++) {
		sb_putc(&b, border);
		for (int c = 0; c < t->ncols; c++) {
			const char *l = i < wn[c] ? wl[c][i] : "";
			sb_putc(&b, ' ');
			pad_into(&b, l, onew[c] >= 0 && i == 0 ? onew[c] : text_width(l), cw[c], align[c]);
			sb_putc(&b, ' ');
			sb_putc(&b, c == t->ncols - 1 ? border : '|');
		}
		chunk_take(ck, sb_take(&b));
	}
	for (int c = 0; c < t->ncols; c++)
		if (onew[c] < 0)
			text_lines_free(wl[c], wn[c]);
}

static void table_chunks(struct chunks *cs, const struct doc_table *t, int width, int space)
{
	int cw[DOC_MAX_COLS];
	char align[DOC_MAX_COLS], center[DOC_MAX_COLS];
	char *names[DOC_MAX_COLS];
	/* each cell measured once, for the columns and again for its padding */
	int *cellw = xcalloc((size_t)t->nrows * (size_t)t->ncols + 1, sizeof *cellw);
	column_widths(t, width, cw, cellw);
	for (int c = 0; c < t->ncols; c++) {
		align[c] = t->cols[c].align;
		center[c] = 'c';
		names[c] = t->cols[c].name;
	}
	int hdr = cs->n;
	struct chunk *h = chunk_new(cs, CK_KEEP | CK_NEXT, space);
	chunk_take(h, rule_line(t, cw, '-'));
	row_lines(h, t, cw, names, NULL, center, '|');
	chunk_take(h, rule_line(t, cw, '='));
	for (int r = 0; r < t->nrows; r++) {
		struct chunk *c = chunk_new(cs, CK_KEEP | CK_RULED, 0);
		c->hdr = hdr;
		row_lines(c, t, cw, t->rows[r].cells, cellw + (size_t)r * (size_t)t->ncols, align,
		          t->rows[r].flags & DOC_ROW_RED ? '!' : '|');
		chunk_take(c, rule_line(t, cw, '-'));
	}
	free(cellw);
}

static void para_chunk(struct chunk *c, const struct doc_block *bl, int width)
{
	const char *p = bl->text;
	for (;;) {
		const char *e = strchr(p, '\n');
		char *one = e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);
		if (bl->flags & DOC_PARA_INDENT) {
			char *ind = xasprintf("　　%s", one);   /* two ideographic spaces */
			free(one);
			one = ind;
		}
		add_wrapped(c, one, width, 0, 0);
		free(one);
		if (!e)
			break;
		p = e + 1;
	}
}

static void sign_chunk(struct chunk *c, const struct doc_block *bl, int width)
{
	if (!bl->text2) {
		add_wrapped(c, bl->text, width, 0, 0);
		return;
	}
	int half = (width - SIGN_GAP) / 2;
	char **l, **r;
	int nl = text_wrap(bl->text, half, &l), nr = text_wrap(bl->text2, half, &r);
	for (int i = 0; i < nl || i < nr; i++) {
		char *left = text_pad(i < nl ? l[i] : "", half, 'l');
		chunk_take(c, xasprintf("%s%*s%s", left, SIGN_GAP, "", i < nr ? r[i] : ""));
		free(left);
	}
	text_lines_free(l, nl);
	text_lines_free(r, nr);
}

static void group_chunks(struct chunks *cs, const struct doc_group *g, int width)
{
	for (int i = 0; i < g->nblocks; i++) {
		const struct doc_block *bl = &g->blocks[i];
		int space = i == 0 ? 0 : 1;
		switch (bl->kind) {
		case DOC_TITLE:
			add_wrapped(chunk_new(cs, CK_KEEP, space), bl->text, width, 1, 0);
			break;
		case DOC_FIELDS:
			fields_chunk(chunk_new(cs, CK_KEEP, space), bl, width);
			break;
		case DOC_HEADING:
			add_wrapped(chunk_new(cs, CK_KEEP | CK_NEXT, space), bl->text, width, 0, 0);
			break;
		case DOC_TABLE:
			if (i > 0 && g->blocks[i - 1].kind == DOC_HEADING)
				space = 0;
			table_chunks(cs, bl->table, width, space);
			break;
		case DOC_PARA:
			para_chunk(chunk_new(cs, bl->flags & DOC_PARA_KEEP_NEXT ? CK_KEEP | CK_NEXT : 0,
					     space), bl, width);
			break;
		case DOC_SIGN:
			sign_chunk(chunk_new(cs, CK_KEEP, i == 0 ? 0 : 2), bl, width);
			break;
		}
	}
}

/* ---- pagination ---- */

static void page_add(struct page *p, const char *line)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->lines = xrealloc(p->lines, (size_t)p->cap * sizeof *p->lines);
	}
	p->lines[p->n++] = line;
}

static struct page *page_new(struct pages *ps)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 8;
		ps->v = xrealloc(ps->v, (size_t)ps->cap * sizeof *ps->v);
	}
	struct page *p = &ps->v[ps->n++];
	memset(p, 0, sizeof *p);
	return p;
}

static void pages_free(struct pages *ps)
{
	for (int i = 0; i < ps->n; i++)
		free(ps->v[i].lines);
	free(ps->v);
	memset(ps, 0, sizeof *ps);
}

/* Lines chunk i needs at the bottom of a page before it may start there:
 * all of it if it is kept whole, else two lines; plus what it must keep
 * with.  Capped at the page body so a huge chunk still gets placed. */
static int need(const struct chunks *cs, int i, int body)
{
	const struct chunk *c = &cs->v[i];
	long n = (c->flags & CK_KEEP) ? c->n : (c->n < 2 ? c->n : 2);
	if ((c->flags & CK_NEXT) && i + 1 < cs->n)
		n += cs->v[i + 1].space + need(cs, i + 1, body);
	return n > body ? body : (int)n;
}

/* Pour the chunks into pages of body lines each. */
static void paginate(const struct chunks *cs, int body, struct pages *ps)
{
	struct page *p = page_new(ps);
	for (int i = 0; i < cs->n; i++) {
		const struct chunk *c = &cs->v[i];
		const struct chunk *h = c->hdr >= 0 ? &cs->v[c->hdr] : NULL;
		if (h && h->n + 2 > body)
			h = NULL;   /* a header that leaves no room is not repeated */
		int fresh = h ? h->n : 0;   /* lines used on a new page */
		int nd = need(cs, i, body);
		if (p->n > fresh && p->n + c->space + nd > body &&
		    (!(c->flags & CK_KEEP) || c->n <= body - fresh || p->n + c->space + 2 > body)) {
			p = page_new(ps);
			if (h)
				for (int j = 0; j < h->n; j++)
					page_add(p, h->lines[j]);
		}
		for (int s = 0; s < c->space && p->n > 0 && p->n < body; s++)
			page_add(p, "");
		int ruled = (c->flags & CK_RULED) != 0, last = c->n - ruled, placed = 0;
		for (int j = 0; j < last; j++) {
			if (p->n + 1 + ruled > body) {   /* cut here, close with the rule */
				if (ruled && placed)
					page_add(p, c->lines[c->n - 1]);
				p = page_new(ps);
				if (h)
					for (int k = 0; k < h->n; k++)
						page_add(p, h->lines[k]);
				placed = 0;
			}
			page_add(p, c->lines[j]);
			placed++;
		}
		if (ruled)
			page_add(p, c->lines[c->n - 1]);
	}
}

/* ---- output ---- */

/* The footer: the page label centred and the group's footer flush right
 * on one line when both fit, else each on its own lines (the footer
 * wrapped, flush right); then the group's note, wrapped and centred. */
static int footer_one_line(const char *footer, int width)
{
	return !*footer || text_width("第 9999 页 共 9999 页") + 4 + text_width(footer) <= width;
}

static int footer_lines(const struct doc_group *g, int width, char ***note, int *nnote)
{
	*nnote = *g->note ? text_wrap(g->note, width, note) : 0;
	int n = 1;
	if (!footer_one_line(g->footer, width)) {
		char **f;
		int nf = text_wrap(g->footer, width, &f);
		text_lines_free(f, nf);
		n += nf;
	}
	return n + *nnote;
}

static void put_footer(FILE *out, const struct doc_group *g, int width, int page, int pages,
		       char **note, int nnote)
{
	char *label = doc_page_label(page, pages);
	const char *footer = g->footer;
	int lw = text_width(label), fw = text_width(footer);
	int lx = (width - lw) / 2;
	if (*footer && footer_one_line(footer, width)) {   /* label centred, footer flush right */
		int fx = width - fw;
		if (fx < lx + lw + 2)
			lx = fx - lw - 2 < 0 ? 0 : fx - lw - 2;
		fprintf(out, "%*s%s%*s%s\n", lx, "", label, fx - lx - lw, "", footer);
	} else {
		fprintf(out, "%*s%s\n", lx, "", label);
		char **f;
		int nf = *footer ? text_wrap(footer, width, &f) : 0;
		for (int i = 0; i < nf; i++)
			fprintf(out, "%*s%s\n", width - text_width(f[i]), "", f[i]);
		if (nf)
			text_lines_free(f, nf);
	}
	for (int i = 0; i < nnote; i++)
		fprintf(out, "%*s%s\n", (width - text_width(note[i])) / 2, "", note[i]);
	free(label);
}

int doc_render_text_paged(const struct doc *d, FILE *out, int width, int page_lines)
{
	if (width <= 0)
		width = 80;
	width = width < 24 ? 24 : width > 1000 ? 1000 : width;
	if (page_lines > 0 && page_lines < 12)
		page_lines = 12;
	for (int g = 0; g < d->ngroups; g++) {
		const struct doc_group *grp = &d->groups[g];
		char **note = NULL;
		int nnote;
		int fl = footer_lines(grp, width, &note, &nnote);
		int body = page_lines > 0 ? page_lines - fl - 1 : INT_MAX / 2;
		struct chunks cs = {0};
		struct pages ps = {0};
		group_chunks(&cs, grp, width);
		paginate(&cs, body, &ps);
		for (int p = 0; p < ps.n; p++) {
			if (g > 0 || p > 0)
				fputc('\f', out);
			for (int j = 0; j < ps.v[p].n; j++) {
				fputs(ps.v[p].lines[j], out);
				fputc('\n', out);
			}
			for (int j = ps.v[p].n; page_lines > 0 && j < body; j++)
				fputc('\n', out);
			fputc('\n', out);
			put_footer(out, grp, width, p + 1, ps.n, note, nnote);
		}
		if (nnote)
			text_lines_free(note, nnote);
		pages_free(&ps);
		chunks_free(&cs);
	}
	return ferror(out) || fflush(out) ? -1 : 0;
}

int doc_render_text(const struct doc *d, FILE *out, int width)
{
	return doc_render_text_paged(d, out, width, 0);
}

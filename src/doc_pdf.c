/* doc_pdf.c — the A4 PDF renderer of a struct doc (see doc.h), through
 * pango (text layout, CJK wrapping) and cairo (the PDF surface, which embeds
 * a font subset and keeps the text extractable).
 *
 * A group is done in two passes so that its pages can say "共 y 页":
 *  1. layout: every block becomes ROWS of cells (a title is a one-cell row,
 *     a signature a two-cell row, a table row one cell per column); each
 *     cell's PangoLayout is wrapped to its width and measured, and the rows
 *     are poured onto pages as a display list of OPS (text at x,y; a ruled
 *     box; a shaded header), each op holding a reference to its layout;
 *  2. draw: the ops of each page, then its footer, then the next page.
 * The layouts live only for one group, so memory stays flat however many
 * people are printed, and no text is laid out twice.
 *
 * Page breaking: a row that does not fit moves to the next page; a table
 * header repeats at the top of each continuation page; a heading (and a
 * paragraph marked DOC_PARA_KEEP_NEXT) stays with what follows it.  A row taller than a whole page (or a long paragraph) is
 * cut between lines; on a fresh page at least one line of each unfinished
 * cell is always placed, so the loop ends whatever the input.
 *
 * This file is pass 1 (pdf_layout_group); doc_pdf_draw.c opens the fonts,
 * draws and holds doc_pdf_render(), which the program reaches as doc.h's
 * doc_render_pdf() through the print module's table (plugin.h). */
#include "doc_pdf.h"

#include "qingdan/text.h"
#include "qingdan/util.h"

#include <stdlib.h>
#include <string.h>

/* a header-grid value is shrunk at most to this share of its size to stay
 * on one line; past that it wraps */
#define MIN_SHRINK 0.6

/* ---- rows ---- */

PangoLayout *pdf_new_layout(struct pdf *st, enum font f, const char *text, double width,
			    char align)
{
	PangoLayout *lay = pango_layout_new(st->ctx);
	if (f != F_CELL)   /* the context's default font is the cell font */
		pango_layout_set_font_description(lay, st->font[f]);
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
	pango_layout_set_alignment(lay, align == 'c' ? PANGO_ALIGN_CENTER
	                                : align == 'r' ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	/* each cell is its own paragraph, always left-to-right at its base
	 * (an Arabic or Uyghur name keeps its own order inside it); the text
	 * as doc_pdf_text() makes it: no override, emoji in outline */
	pango_layout_set_auto_dir(lay, FALSE);
	char *safe = doc_pdf_text(text);
	pango_layout_set_text(lay, safe, -1);
	free(safe);
	return lay;
}

/* Note the characters of lay that no font could draw (pango's hex boxes:
 * glyphs flagged PANGO_GLYPH_UNKNOWN_FLAG carry the character).  Called
 * only when pango counts some, so a normal cell costs one count. */
static void note_unknown(struct pdf *st, PangoLayout *lay)
{
	if (pango_layout_get_unknown_glyphs_count(lay) == 0)
		return;
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		if (!run)
			continue;
		for (int g = 0; g < run->glyphs->num_glyphs; g++) {
			PangoGlyph gl = run->glyphs->glyphs[g].glyph;
			if ((gl & PANGO_GLYPH_UNKNOWN_FLAG) && gl != PANGO_GLYPH_EMPTY &&
			    gl != PANGO_GLYPH_INVALID_INPUT)
				doc_missing_add(st->d, gl & ~PANGO_GLYPH_UNKNOWN_FLAG);
		}
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
}

/* Add a cell of width w (padding included) at x to the row. */
static void row_cell(struct pdf *st, struct row *r, enum font f, const char *text,
                     double x, double w, char align, unsigned para_flags)
{
	struct cell *c = &r->c[r->n++];
	memset(c, 0, sizeof *c);
	c->x = x;
	c->w = w;
	c->lay = pdf_new_layout(st, f, text, w - 2 * r->padx, align);
	if (f == F_PARA) {
		pango_layout_set_line_spacing(c->lay, 1.25f);
		if (para_flags & DOC_PARA_INDENT)   /* 首行缩进 two characters */
			pango_layout_set_indent(c->lay, 2 * 12 * PANGO_SCALE);
	}
	pango_layout_get_size(c->lay, NULL, &c->h);
	if (pu(c->h) > r->h)
		r->h = pu(c->h);
	note_unknown(st, c->lay);
}

/* The same for a value of the header grid: on one line, its font shrunk
 * (down to MIN_SHRINK) when it is wider than the cell; wrapped only past
 * that, so "机关第一党支部（办公室）" never breaks inside. */
static void row_cell_oneline(struct pdf *st, struct row *r, const char *text, double x, double w)
{
	row_cell(st, r, F_FIELD, text, x, w, 'l', 0);
	struct cell *c = &r->c[r->n - 1];
	double avail = w - 2 * r->padx;
	int nat;
	pango_layout_set_width(c->lay, -1);
	pango_layout_get_size(c->lay, &nat, NULL);
	if (pu(nat) <= avail)
		return;   /* it fits: row_cell's measure stands */
	double scale = avail / pu(nat);
	if (scale >= MIN_SHRINK) {
		PangoFontDescription *fd = pango_font_description_copy(st->font[F_FIELD]);
		pango_font_description_set_size(fd, (int)(pango_font_description_get_size(fd) * scale * 0.98));
		pango_layout_set_font_description(c->lay, fd);
		pango_font_description_free(fd);
	}
	pango_layout_set_width(c->lay, (int)(avail * PANGO_SCALE));
	pango_layout_get_size(c->lay, NULL, &c->h);
	r->h = 0;   /* row_cell measured it wrapped at its first size */
	for (int i = 0; i < r->n; i++)
		if (pu(r->c[i].h) > r->h)
			r->h = pu(r->c[i].h);
}

static struct row *row_new(double x, double w, double padx, double pady)
{
	struct row *r = xcalloc(1, sizeof *r);
	r->x = x;
	r->w = w;
	r->padx = padx;
	r->pady = pady;
	return r;
}

static void row_free(struct row **rp)
{
	struct row *r = *rp;
	if (!r)
		return;
	for (int i = 0; i < r->n; i++) {
		g_object_unref(r->c[i].lay);
		free(r->c[i].ytop);
	}
	free(r);
	*rp = NULL;
}

static double row_height(const struct row *r)
{
	return r->h + 2 * r->pady;
}

/* ---- placing rows on pages ---- */

static struct op *op_add(struct pdf *st, enum op_kind kind, double x, double y, double w, double h)
{
	if (st->nops == st->cap) {
		st->cap = st->cap ? 2 * st->cap : 256;
		st->ops = xrealloc(st->ops, (size_t)st->cap * sizeof *st->ops);
	}
	struct op *o = &st->ops[st->nops++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->page = st->page;
	o->x = x;
	o->y = y;
	o->w = w;
	o->h = h;
	o->l1 = -1;
	return o;
}

void pdf_ops_clear(struct pdf *st)
{
	for (int i = 0; i < st->nops; i++)
		if (st->ops[i].lay)
			g_object_unref(st->ops[i].lay);
	st->nops = 0;
}

/* Emit lines [from[i], to[i]) of each cell (all lines if from is NULL) as a
 * piece of the row seg_h points tall (cell content only) at st->y. */
static void emit(struct pdf *st, const struct row *r, const int *from, const int *to, double seg_h)
{
	double h = seg_h + 2 * r->pady;
	if (r->fill)
		op_add(st, OP_FILL, r->x, st->y, r->w, h);
	for (int i = 0; i < r->n; i++) {
		const struct cell *c = &r->c[i];
		if (from && from[i] >= to[i])
			continue;
		double dy = !from && r->vcenter ? (r->h - pu(c->h)) / 2 : 0;
		struct op *o = op_add(st, OP_TEXT, c->x + r->padx, st->y + r->pady + dy, 0, 0);
		o->lay = g_object_ref(c->lay);
		o->color = r->red ? 1 : r->grey ? 2 : 0;
		if (from) {
			o->l0 = from[i];
			o->l1 = to[i];
			o->yoff = c->ytop[from[i]];
		}
	}
	if (r->t)
		op_add(st, OP_BOX, r->x, st->y, r->w, h)->t = r->t;
	st->y += h;
	st->fresh = 0;
}

static void new_page(struct pdf *st)
{
	st->page++;
	st->y = TOP;
	/* repeat the table header, unless it would leave no room for rows */
	if (st->hdr && row_height(st->hdr) < (BOTTOM - TOP) / 2)
		emit(st, st->hdr, NULL, NULL, st->hdr->h);
	st->fresh = 1;
}

static double hdr_height(const struct pdf *st)
{
	return st->hdr && row_height(st->hdr) < (BOTTOM - TOP) / 2 ? row_height(st->hdr) : 0;
}

/* Line tops of each cell, for cutting a row between lines. */
static void row_lines(struct row *r)
{
	for (int i = 0; i < r->n; i++) {
		struct cell *c = &r->c[i];
		if (c->ytop)
			continue;
		c->nlines = pango_layout_get_line_count(c->lay);
		c->ytop = xcalloc((size_t)c->nlines + 1, sizeof *c->ytop);
		PangoLayoutIter *it = pango_layout_get_iter(c->lay);
		int k = 0, y0, y1 = 0;
		do {
			pango_layout_iter_get_line_yrange(it, &y0, &y1);
			if (k < c->nlines)
				c->ytop[k++] = y0;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		c->ytop[c->nlines] = y1 > c->h ? y1 : c->h;
		c->next = 0;
	}
}

/* Place a row at st->y: whole if it fits; else on the next page if it is
 * kept whole (keep) and fits a page; else cut between lines across pages. */
static void place_row(struct pdf *st, struct row *r, int keep)
{
	double h = row_height(r);
	if (st->y + h <= BOTTOM + EPS) {
		emit(st, r, NULL, NULL, r->h);
		return;
	}
	if (!st->fresh && ((keep && h <= BOTTOM - TOP - hdr_height(st)) || BOTTOM - st->y < MIN_SPLIT)) {
		new_page(st);
		if (st->y + h <= BOTTOM + EPS) {
			emit(st, r, NULL, NULL, r->h);
			return;
		}
	}
	int from[DOC_MAX_COLS], to[DOC_MAX_COLS], left;
	row_lines(r);
	do {
		int avail = (int)((BOTTOM - st->y - 2 * r->pady) * PANGO_SCALE), seg = 0, took = 0;
		left = 0;
		for (int i = 0; i < r->n; i++) {
			struct cell *c = &r->c[i];
			int k = c->next;
			while (k < c->nlines && c->ytop[k + 1] - c->ytop[c->next] <= avail)
				k++;
			if (k == c->next && k < c->nlines && st->fresh)
				k++;   /* a line taller than the page: place it anyway */
			from[i] = c->next;
			to[i] = k;
			took |= k > c->next;
			if (c->ytop[k] - c->ytop[c->next] > seg)
				seg = c->ytop[k] - c->ytop[c->next];
		}
		if (!took) {
			new_page(st);
			left = 1;
			continue;
		}
		emit(st, r, from, to, pu(seg));
		for (int i = 0; i < r->n; i++) {
			r->c[i].next = to[i];
			left |= to[i] < r->c[i].nlines;
		}
		if (left)
			new_page(st);
	} while (left);
}

/* Make room for a block whose first piece is `first` points tall, after
 * `space` points and the pending heading; then place that heading. */
static void ensure(struct pdf *st, double space, double first)
{
	double need = first;
	if (st->pend)
		need += (st->fresh ? 0 : st->pend_space) + row_height(st->pend) + space;
	else if (!st->fresh)
		need += space;
	if (!st->fresh && st->y + need > BOTTOM + EPS)
		new_page(st);
	if (st->pend) {
		if (!st->fresh)
			st->y += st->pend_space;
		place_row(st, st->pend, 1);
		row_free(&st->pend);
	}
	if (!st->fresh)
		st->y += space;
}

/* ---- blocks ---- */

static void place_table(struct pdf *st, const struct doc_table *t, double space)
{
	double x[DOC_MAX_COLS + 1];
	x[0] = LEFT;
	for (int c = 0; c < t->ncols; c++)
		x[c + 1] = x[c] + t->cols[c].share * BODY_W;
	struct row *hdr = row_new(LEFT, BODY_W, 3, 3);
	hdr->t = t;
	hdr->fill = 1;
	hdr->vcenter = 1;
	for (int c = 0; c < t->ncols; c++)
		row_cell(st, hdr, F_CELLB, t->cols[c].name, x[c], x[c + 1] - x[c], 'c', 0);
	struct row *r = NULL;
	for (int i = 0; i < t->nrows; i++) {
		r = row_new(LEFT, BODY_W, 3, 3);
		r->t = t;
		r->vcenter = 1;
		r->red = (t->rows[i].flags & DOC_ROW_RED) != 0;
		r->grey = (t->rows[i].flags & DOC_ROW_GREY) != 0;
		for (int c = 0; c < t->ncols; c++)
			row_cell(st, r, F_CELL, t->rows[i].cells[c], x[c], x[c + 1] - x[c],
			         t->cols[c].align, 0);
		if (i == 0) {   /* the header stays with the first row */
			double first = row_height(r), room = BOTTOM - TOP - row_height(hdr);
			ensure(st, space, row_height(hdr) + (first < room ? first : MIN_SPLIT));
			place_row(st, hdr, 1);
			st->hdr = hdr;
		}
		place_row(st, r, 1);
		row_free(&r);
	}
	if (t->nrows == 0) {
		ensure(st, space, row_height(hdr));
		place_row(st, hdr, 1);
	}
	st->hdr = NULL;
	row_free(&hdr);
}

/* The fields as a grid: b->grid label/value pairs a row, the labels as
 * wide as the widest, each value on one line (row_cell_oneline).  The rows
 * are kept together with what follows only as a flow block is. */
static void place_grid(struct pdf *st, const struct doc_block *b, double space)
{
	int pairs = b->grid, nrows = (b->nfields + pairs - 1) / pairs;
	double labw = 0;
	for (int i = 0; i < b->nfields; i++) {
		PangoLayout *lay = pdf_new_layout(st, F_FIELD, "", -1, 'l');
		pango_layout_set_width(lay, -1);
		pango_layout_set_text(lay, b->fields[i], b->vstart[i]);
		int w;
		pango_layout_get_size(lay, &w, NULL);
		if (pu(w) > labw)
			labw = pu(w);
		g_object_unref(lay);
	}
	labw += 2;
	if (labw > BODY_W / pairs / 2)
		labw = BODY_W / pairs / 2;
	double pairw = BODY_W / pairs, gap = 10;
	for (int k = 0; k < nrows; k++) {
		struct row *r = row_new(LEFT, BODY_W, 0, 2);
		r->vcenter = 1;
		for (int j = 0; j < pairs; j++) {
			int i = k * pairs + j;
			double x = LEFT + j * pairw;
			const char *f = i < b->nfields ? b->fields[i] : "";
			int vs = i < b->nfields ? b->vstart[i] : 0;
			char *label = xmalloc((size_t)vs + 1);
			memcpy(label, f, (size_t)vs);
			label[vs] = '\0';
			row_cell(st, r, F_FIELD, label, x, labw, 'l', 0);
			free(label);
			row_cell_oneline(st, r, f + vs, x + labw, pairw - labw - (j + 1 < pairs ? gap : 0));
		}
		ensure(st, k ? 0 : space, row_height(r));
		place_row(st, r, 1);
		row_free(&r);
	}
}

/* A block of one full-width cell (two for a side-by-side signature). */
static void place_flow(struct pdf *st, const struct doc_block *b, double space)
{
	struct row *r = row_new(LEFT, BODY_W, 0, 0);
	int keep = 1;
	switch (b->kind) {
	case DOC_TITLE:
		row_cell(st, r, F_TITLE, b->text, LEFT, BODY_W, 'c', 0);
		break;
	case DOC_FIELDS: {
		if (b->grid) {
			row_free(&r);
			place_grid(st, b, space);
			return;
		}
		struct strbuf sb = {0};
		for (int i = 0; i < b->nfields; i++) {
			if (i)
				sb_puts(&sb, "    ");
			sb_puts(&sb, b->fields[i]);
		}
		row_cell(st, r, F_FIELD, sb.s ? sb.s : "", LEFT, BODY_W, 'l', 0);
		sb_free(&sb);
		break;
	}
	case DOC_HEADING:
		row_cell(st, r, F_HEAD, b->text, LEFT, BODY_W, 'l', 0);
		break;
	case DOC_PARA:
		row_cell(st, r, F_PARA, b->text, LEFT, BODY_W, 'l', b->flags);
		keep = 0;
		break;
	case DOC_SIGN:
		if (b->text2) {
			row_cell(st, r, F_SIGN, b->text, LEFT, BODY_W / 2, 'l', 0);
			row_cell(st, r, F_SIGN, b->text2, LEFT + BODY_W / 2 + 12, BODY_W / 2 - 12, 'l', 0);
		} else {
			row_cell(st, r, F_SIGN, b->text, LEFT, BODY_W, 'l', 0);
		}
		pango_layout_set_line_spacing(r->c[0].lay, 1.5f);
		if (r->n > 1)
			pango_layout_set_line_spacing(r->c[1].lay, 1.5f);
		r->h = 0;
		for (int i = 0; i < r->n; i++) {
			pango_layout_get_size(r->c[i].lay, NULL, &r->c[i].h);
			if (pu(r->c[i].h) > r->h)
				r->h = pu(r->c[i].h);
		}
		break;
	case DOC_TABLE:
		break;
	}
	if (b->kind == DOC_HEADING || (b->kind == DOC_PARA && (b->flags & DOC_PARA_KEEP_NEXT))) {
		/* kept with the next block: placed when that one is */
		if (st->pend)
			ensure(st, 0, 0);
		st->pend = r;
		st->pend_space = space;
		return;
	}
	double h = row_height(r);
	ensure(st, space, keep || h < 3 * 18 ? h : 3 * 18);
	place_row(st, r, keep);
	row_free(&r);
}

static double space_before(const struct doc_group *g, int i)
{
	static const double sp[] = {
		[DOC_TITLE] = 6, [DOC_FIELDS] = 14, [DOC_HEADING] = 16,
		[DOC_TABLE] = 8, [DOC_PARA] = 10, [DOC_SIGN] = 30,
	};
	if (i == 0)
		return 0;
	if (g->blocks[i].kind == DOC_TABLE && g->blocks[i - 1].kind == DOC_HEADING)
		return 5;
	return sp[g->blocks[i].kind];
}

/* Layout pass: the group's ops; returns its page count. */
int pdf_layout_group(struct pdf *st, const struct doc_group *g)
{
	st->page = 0;
	st->y = TOP;
	st->fresh = 1;
	st->hdr = NULL;
	for (int i = 0; i < g->nblocks; i++) {
		const struct doc_block *b = &g->blocks[i];
		if (b->kind == DOC_TABLE)
			place_table(st, b->table, space_before(g, i));
		else
			place_flow(st, b, space_before(g, i));
	}
	if (st->pend)
		ensure(st, 0, 0);
	return st->page + 1;
}

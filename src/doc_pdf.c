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
 * Part of the print module qingdan-print.so (plugin.h): the program reaches
 * doc_pdf_render() as doc.h's doc_render_pdf() through the module's table. */
#include "qingdan/doc.h"
#include "qingdan/text.h"

#include "qingdan/plugin.h"
#include "qingdan/util.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PAGE_W 595.28            /* A4 in points */
#define PAGE_H 841.89
#define MARGIN 56.69             /* 20 mm */
#define TOP MARGIN
#define BOTTOM (PAGE_H - MARGIN)
#define LEFT MARGIN
#define BODY_W (PAGE_W - 2 * MARGIN)
#define FOOT_Y (PAGE_H - MARGIN + 10)   /* top of the footer line */
#define RULE_W 0.5               /* table rules */
#define MIN_SPLIT 30.0           /* don't start cutting a row in less room */
#define EPS 0.01

/* Families tried in order, for every character (pango falls back per
 * character along the list, then to what fontconfig finds): a Song face for
 * the body of an official paper (fonts-noto-cjk), Hanazono Mincho for the
 * ideographs of Extension B–G that real names use (𠀀 𪚥 𡃁; HanaMinB holds
 * the supplementary planes, fonts-hanazono), an outline emoji font (
 * fonts-symbola), then the Hei faces the older setup installed.
 *
 * Emoji are set in text presentation (a U+FE0E after each, doc.h's
 * doc_pdf_text), in Symbola's outlines: cairo 1.16 draws a colour emoji
 * (Noto Color Emoji) as a bitmap with no text behind it, so pdftotext
 * lost it, and naming the colour font in the list made pango take the
 * digits from it too.  Black outlines suit a paper printed in black; an
 * emoji Symbola lacks still reaches the colour font through fontconfig.
 * Headings take a Hei face first (黑体, as official papers set their
 * section headings). */
#define FALLBACK "HanaMinA,HanaMinB,Symbola,WenQuanYi Micro Hei," \
	"Noto Sans CJK SC,Source Han Sans SC,Droid Sans Fallback,AR PL UMing CN"
#define FAMILIES "Noto Serif CJK SC,Source Han Serif SC," FALLBACK ",serif"
#define HEI_FAMILIES "Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Micro Hei," FALLBACK ",sans-serif"

static double pu(int v)  /* pango units to points (resolution is 72 dpi) */
{
	return (double)v / PANGO_SCALE;
}

enum font { F_TITLE, F_FIELD, F_HEAD, F_CELL, F_CELLB, F_PARA, F_SIGN, F_FOOT, F_COUNT };
static const char *const font_spec[F_COUNT] = {
	[F_TITLE] = "Bold 18", [F_FIELD] = "10.5", [F_HEAD] = "Bold 12",
	[F_CELL] = "9.5", [F_CELLB] = "Bold 9.5", [F_PARA] = "12",
	[F_SIGN] = "11", [F_FOOT] = "9",
};
/* the faces in Hei (the others are in Song) */
static const int font_hei[F_COUNT] = {[F_HEAD] = 1, [F_CELLB] = 1};
/* a header-grid value is shrunk at most to this share of its size to stay
 * on one line; past that it wraps */
#define MIN_SHRINK 0.6

enum op_kind { OP_TEXT, OP_BOX, OP_FILL };

/* One drawing operation on one page of the current group. */
struct op {
	enum op_kind kind;
	int page;
	int color;                  /* OP_TEXT: 0 black, 1 red, 2 grey */
	double x, y, w, h;          /* OP_TEXT: top-left; OP_BOX/FILL: the box */
	PangoLayout *lay;           /* OP_TEXT: a reference */
	int l0, l1;                 /* OP_TEXT: lines [l0, l1), l1 < 0 = all */
	int yoff;                   /* OP_TEXT: top of line l0 in the layout */
	const struct doc_table *t;  /* OP_BOX: column rules, or NULL */
};

struct cell {
	PangoLayout *lay;
	double x, w;                /* the column (padding included) */
	int h;                      /* layout height, pango units */
	int nlines, next;           /* for cutting: line count, first not placed */
	int *ytop;                  /* nlines + 1 line tops, made when cutting */
};

/* A row of cells placed side by side, laid out top-aligned or centred. */
struct row {
	struct cell c[DOC_MAX_COLS];
	int n;
	double x, w;                /* the row's box */
	double padx, pady;
	double h;                   /* tallest cell, points */
	const struct doc_table *t;  /* ruled table row, or NULL */
	int fill, red, grey, vcenter;
};

struct pdf {
	const struct doc *d;        /* where undrawable characters are noted */
	PangoFontMap *fm;           /* our own, freed with the document */
	PangoContext *ctx;
	PangoFontDescription *font[F_COUNT];
	/* layout state of the current group */
	struct op *ops;
	int nops, cap;
	int page;                   /* current page (0-based) */
	double y;                   /* next free y */
	int fresh;                  /* nothing on the page but a repeated header */
	const struct row *hdr;      /* table header to repeat, or NULL */
	struct row *pend;           /* a heading kept with what follows */
	double pend_space;
};

static void seterr(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* ---- rows ---- */

static PangoLayout *new_layout(struct pdf *st, enum font f, const char *text,
                               double width, char align)
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
	c->lay = new_layout(st, f, text, w - 2 * r->padx, align);
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

static void ops_clear(struct pdf *st)
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
		PangoLayout *lay = new_layout(st, F_FIELD, "", -1, 'l');
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
static int layout_group(struct pdf *st, const struct doc_group *g)
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

/* ---- drawing ---- */

static void draw_text(cairo_t *cr, const struct op *o)
{
	if (o->color == 1)
		cairo_set_source_rgb(cr, 0.78, 0, 0);
	else if (o->color == 2)
		cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
	else
		cairo_set_source_rgb(cr, 0, 0, 0);
	if (o->l1 < 0) {
		cairo_move_to(cr, o->x, o->y);
		pango_cairo_show_layout(cr, o->lay);
		return;
	}
	PangoLayoutIter *it = pango_layout_get_iter(o->lay);
	int k = 0;
	do {
		if (k >= o->l0 && k < o->l1) {
			PangoRectangle logical;
			pango_layout_iter_get_line_extents(it, NULL, &logical);
			int base = pango_layout_iter_get_baseline(it);
			cairo_move_to(cr, o->x + pu(logical.x), o->y + pu(base - o->yoff));
			pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
		}
		k++;
	} while (k < o->l1 && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void draw_op(cairo_t *cr, const struct op *o)
{
	switch (o->kind) {
	case OP_TEXT:
		draw_text(cr, o);
		break;
	case OP_FILL:
		cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
		cairo_rectangle(cr, o->x, o->y, o->w, o->h);
		cairo_fill(cr);
		break;
	case OP_BOX:
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_rectangle(cr, o->x, o->y, o->w, o->h);
		for (int c = 0; o->t && c + 1 < o->t->ncols; c++) {
			double x = o->x;
			for (int j = 0; j <= c; j++)
				x += o->t->cols[j].share * o->w;
			cairo_move_to(cr, x, o->y);
			cairo_line_to(cr, x, o->y + o->h);
		}
		cairo_stroke(cr);
		break;
	}
}

/* The page label centred and the group's footer flush right, under the
 * body.  The label's spaces are widened a little: between CJK characters a
 * plain space is so narrow that pdftotext -layout loses it, and then
 * "第 1 页 共 2 页" could not be found in the extracted text. */
static void draw_footer(cairo_t *cr, PangoLayout *lay, const struct doc_group *g, int page,
			int pages)
{
	const char *footer = g->footer;
	char *label = doc_page_label(page, pages);
	PangoAttrList *al = pango_attr_list_new();
	for (const char *q = label; *q; q++)
		if (*q == ' ') {
			PangoAttribute *a = pango_attr_letter_spacing_new(3 * PANGO_SCALE);
			a->start_index = (unsigned)(q - label);
			a->end_index = a->start_index + 1;
			pango_attr_list_insert(al, a);
		}
	cairo_set_source_rgb(cr, 0, 0, 0);
	pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
	pango_layout_set_text(lay, label, -1);
	pango_layout_set_attributes(lay, al);
	cairo_move_to(cr, LEFT, FOOT_Y);
	pango_cairo_show_layout(cr, lay);
	pango_layout_set_attributes(lay, NULL);
	pango_attr_list_unref(al);
	if (*footer) {
		pango_layout_set_alignment(lay, PANGO_ALIGN_RIGHT);
		pango_layout_set_text(lay, footer, -1);
		cairo_move_to(cr, LEFT, FOOT_Y);
		pango_cairo_show_layout(cr, lay);
	}
	if (*g->note) {   /* the record line under it, smaller and grey */
		PangoAttrList *small = pango_attr_list_new();
		pango_attr_list_insert(small, pango_attr_scale_new(0.85));
		pango_layout_set_attributes(lay, small);
		pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
		pango_layout_set_text(lay, g->note, -1);
		cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
		cairo_move_to(cr, LEFT, FOOT_Y + 14);
		pango_cairo_show_layout(cr, lay);
		pango_layout_set_attributes(lay, NULL);
		pango_attr_list_unref(small);
	}
	free(label);
}

/* ---- the whole ---- */

static int pdf_open(struct pdf *st, char *err, size_t errlen)
{
	/* a font map of our own rather than pango's per-thread default: it is
	 * freed in pdf_close, so a long-running TUI or a leak checker sees no
	 * font caches left behind */
	PangoFontMap *fm = st->fm = pango_cairo_font_map_new();
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	st->ctx = pango_font_map_create_context(fm);
	pango_cairo_context_set_resolution(st->ctx, 72.0);
	pango_cairo_context_set_font_options(st->ctx, fo);
	cairo_font_options_destroy(fo);
	for (int f = 0; f < F_COUNT; f++) {
		char *spec = xasprintf("%s %s", font_hei[f] ? HEI_FAMILIES : FAMILIES, font_spec[f]);
		st->font[f] = pango_font_description_from_string(spec);
		free(spec);
	}
	pango_context_set_font_description(st->ctx, st->font[F_CELL]);
	/* Without a Chinese font pango draws hex boxes: refuse instead. */
	PangoLayout *probe = new_layout(st, F_CELL, "第页共校验码签字", 400, 'l');
	int unknown = pango_layout_get_unknown_glyphs_count(probe);
	g_object_unref(probe);
	if (unknown > 0) {
		seterr(err, errlen, "no Chinese font found: install fonts-wqy-microhei (or fonts-noto-cjk)");
		return -1;
	}
	return 0;
}

static void pdf_close(struct pdf *st)
{
	ops_clear(st);
	free(st->ops);
	for (int f = 0; f < F_COUNT; f++)
		if (st->font[f])
			pango_font_description_free(st->font[f]);
	if (st->ctx)
		g_object_unref(st->ctx);
	if (st->fm)
		g_object_unref(st->fm);
}

int doc_pdf_render(const struct doc *d, const char *path, char *err, size_t errlen)
{
	struct pdf st;
	memset(&st, 0, sizeof st);
	st.d = d;
	if (d->ngroups == 0) {
		seterr(err, errlen, "nothing to print");
		return -1;
	}
	if (pdf_open(&st, err, errlen) < 0) {
		pdf_close(&st);
		return -1;
	}
	cairo_surface_t *surf = cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		seterr(err, errlen, "%s: cannot write: %s", path,
		       cairo_status_to_string(cairo_surface_status(surf)));
		cairo_surface_destroy(surf);
		pdf_close(&st);
		return -1;
	}
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "qingdan");
	cairo_t *cr = cairo_create(surf);
	cairo_set_line_width(cr, RULE_W);
	PangoLayout *foot = new_layout(&st, F_FOOT, "", BODY_W, 'c');
	for (int g = 0; g < d->ngroups; g++) {
		const struct doc_group *grp = &d->groups[g];
		int pages = layout_group(&st, grp), i = 0;
		for (int p = 0; p < pages; p++) {
			for (; i < st.nops && st.ops[i].page == p; i++)
				draw_op(cr, &st.ops[i]);
			draw_footer(cr, foot, grp, p + 1, pages);
			cairo_show_page(cr);
		}
		ops_clear(&st);
	}
	g_object_unref(foot);
	cairo_status_t cs = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	pdf_close(&st);
	if (cs != CAIRO_STATUS_SUCCESS) {
		seterr(err, errlen, "%s: %s", path, cairo_status_to_string(cs));
		unlink(path);
		return -1;
	}
	doc_missing_report(d, path);
	return 0;
}

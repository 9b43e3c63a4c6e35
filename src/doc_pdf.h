/* doc_pdf.h — what the two halves of the PDF renderer share (private to
 * the print module): the page geometry, the fonts, the display list of ops
 * and the layout state.  doc_pdf.c lays a group out into ops (pass 1);
 * doc_pdf_draw.c opens the fonts and the surface, draws the ops and the
 * footers page by page (pass 2). */
#ifndef QD_DOC_PDF_H
#define QD_DOC_PDF_H

#include "qingdan/doc.h"

#include <pango/pangocairo.h>

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

static inline double pu(int v)  /* pango units to points (resolution is 72 dpi) */
{
	return (double)v / PANGO_SCALE;
}

enum font { F_TITLE, F_FIELD, F_HEAD, F_CELL, F_CELLB, F_PARA, F_SIGN, F_FOOT, F_COUNT };

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

/* A layout of text in font f wrapped to width w (points; align 'l', 'c'
 * or 'r'), its unknown characters noted in the document. */
PangoLayout *pdf_new_layout(struct pdf *st, enum font f, const char *text, double w, char align);
/* Pass 1: the group's ops; returns its page count. */
int pdf_layout_group(struct pdf *st, const struct doc_group *g);
void pdf_ops_clear(struct pdf *st);

#endif

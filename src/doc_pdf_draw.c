/* doc_pdf_draw.c — pass 2 of the PDF renderer (doc_pdf.h): the fonts, the
 * cairo PDF surface, the ops of each page and its footer; and
 * doc_pdf_render(), the module's entry (plugin.h), which runs both passes
 * group by group.  Part of the print module qingdan-print.so. */
#include "doc_pdf.h"

#include "qingdan/plugin.h"
#include "qingdan/util.h"

#include <cairo-pdf.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static const char *const font_spec[F_COUNT] = {
	[F_TITLE] = "Bold 18", [F_FIELD] = "10.5", [F_HEAD] = "Bold 12",
	[F_CELL] = "9.5", [F_CELLB] = "Bold 9.5", [F_PARA] = "12",
	[F_SIGN] = "11", [F_FOOT] = "9",
};
/* the faces in Hei (the others are in Song) */
static const int font_hei[F_COUNT] = {[F_HEAD] = 1, [F_CELLB] = 1};

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
	PangoLayout *probe = pdf_new_layout(st, F_CELL, "第页共校验码签字", 400, 'l');
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
	pdf_ops_clear(st);
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
	PangoLayout *foot = pdf_new_layout(&st, F_FOOT, "", BODY_W, 'c');
	for (int g = 0; g < d->ngroups; g++) {
		const struct doc_group *grp = &d->groups[g];
		int pages = pdf_layout_group(&st, grp), i = 0;
		for (int p = 0; p < pages; p++) {
			for (; i < st.nops && st.ops[i].page == p; i++)
				draw_op(cr, &st.ops[i]);
			draw_footer(cr, foot, grp, p + 1, pages);
			cairo_show_page(cr);
		}
		pdf_ops_clear(&st);
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

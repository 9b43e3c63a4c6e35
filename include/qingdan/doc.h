/* doc.h — the print document: a small model of what goes on paper, and its
 * two renderers (UTF-8 text and A4 PDF).  Knows nothing of the database:
 * the print command fills a struct doc from the model, then renders it.
 *
 * A document is a sequence of GROUPS, one per person (or per pledge).  A
 * group always starts on a new page, and page numbers (第 x 页 共 y 页)
 * count within the group.  Each group carries a footer text, normally the
 * verification code ("校验码：3F2A-91C0"), printed verbatim on the bottom
 * of every one of its pages next to the page number.
 *
 * A group is a list of BLOCKS, laid out top to bottom:
 *   title     centred, large; wraps if too long
 *   fields    one line of "key：value" pairs (单位：… 姓名：…), wrapped at
 *             pair boundaries when too wide; or, after doc_fields_grid(),
 *             in the PDF a grid of label/value cells, N pairs a row, each
 *             value on one line (its font shrunk to fit rather than broken
 *             inside a name such as "机关第一党支部（办公室）")
 *   heading   a section heading; kept on the same page as what follows
 *   table     column headers with relative widths and alignment, then rows;
 *             cells wrap inside their column; the header row repeats at the
 *             top of every continuation page; a row never splits across
 *             pages unless it is taller than a whole page (then it is cut at
 *             line boundaries and continues under the repeated header);
 *             a row may be flagged DOC_ROW_RED (drawn red in the PDF, with
 *             '!' borders in text) or DOC_ROW_GREY (grey in the PDF: a
 *             cancelled item)
 *   paragraph wrapped body text (the pledge body); '\n' starts a new
 *             paragraph; DOC_PARA_INDENT indents each paragraph's first line
 *             by two characters (首行缩进); DOC_PARA_KEEP_NEXT keeps it whole
 *             on the page of the next block (the last paragraph of a 责任书
 *             with its signatures, which then never stand alone on a page)
 *   signature one signature line, or two blocks side by side (甲方 / 乙方);
 *             each side may have several lines ('\n'); never split
 *
 * All text is copied in and cleaned with text_sanitize() (bad UTF-8 and
 * control characters become U+FFFD; '\n' is kept where it means something;
 * a tab becomes four spaces), so the caller's strings need not outlive the
 * calls.  NULL text is "".
 *
 * Text rendering (doc_render_text*): aligned by display width (CJK = 2
 * columns, via text.h); tables ruled with '+', '-', '=', '|' only, so the
 * alignment never depends on a terminal's ambiguous-width setting (the
 * caller should likewise prefer "[ ]" to "☐" in text: ☐ is ambiguous-width).
 * Column widths follow the weights, except that a column whose text is
 * narrower gives the rest away and a column of short text (≤ 12 columns: a
 * date, a status) gets its natural width.  A rule line separates rows.
 * Groups are separated by a form feed '\f'.  doc_render_text() puts each
 * group on one long page (one footer at its end, "第 1 页 共 1 页"), which
 * reads well on screen and in files; doc_render_text_paged() cuts pages of
 * page_lines lines (footer on the last line of each, '\f' between pages,
 * table header repeated), for line printers.
 *
 * PDF rendering: A4 portrait, 20 mm margins; a Song body face (Noto Serif
 * CJK SC) with fallbacks for Extension B–G (HanaMinA/B) and emoji (Noto
 * Color Emoji), headings in a Hei face (refused with a message when no
 * Chinese font is found); every cell is its own bidi paragraph, with the
 * embedding and override controls (U+202A–U+202E) of data dropped, so a
 * U+202E in a name reverses nothing; characters that no font can draw
 * are named in a warning (doc_set_warn),
 * embedded and extractable (pango + cairo), thin-ruled tables with a shaded
 * header, red text for DOC_ROW_RED rows; page label centred and footer flush
 * right under the body.  Memory is bounded by one group, not the document.
 *
 * Ownership: doc_new() / doc_free(&d); the struct doc_table returned by
 * doc_table() belongs to the document (valid until doc_free). */
#ifndef QINGDAN_DOC_H
#define QINGDAN_DOC_H

#include <stddef.h>
#include <stdio.h>

struct doc;
struct doc_table;

/* Most columns a table may have. */
enum { DOC_MAX_COLS = 32 };
/* Row flags for doc_row(). */
enum { DOC_ROW_RED = 1, DOC_ROW_GREY = 2 };
/* Paragraph flags for doc_para(). */
enum { DOC_PARA_INDENT = 1, DOC_PARA_KEEP_NEXT = 2 };

/* One table column: header text, relative width (> 0; the widths of all
 * columns are shares of the table's width) and alignment 'l', 'c' or 'r'
 * of its body cells (headers are always centred). */
struct doc_col {
	const char *name;
	double weight;
	char align;
};

/* A new empty document; title is the PDF's metadata title. */
struct doc *doc_new(const char *title);
/* Free *dp and everything in it, and set *dp to NULL.  NULL-safe. */
void doc_free(struct doc **dp);

/* Start a new group (new page, page numbers restart).  footer: the text
 * printed on each of its pages beside the page number (may be NULL).
 * Adding a block to a document without a group starts one with no footer. */
void doc_group(struct doc *d, const char *footer);
/* A second footer line for every page of the current group, in small type
 * under the page number: the record the paper stands for (a 责任书's
 * number, state and text digest), kept off the body and the signatures. */
void doc_group_note(struct doc *d, const char *note);
int doc_ngroups(const struct doc *d);

void doc_title(struct doc *d, const char *text);
/* Append "key：value" to the fields line at the end of the current group;
 * consecutive calls build one line; any other block ends it.  A NULL or
 * empty key prints the value alone. */
void doc_field(struct doc *d, const char *key, const char *value);
/* Make the fields block at the end of the current group a grid of pairs
 * label/value pairs a row (1..4) in the PDF; the text stays one line. */
void doc_fields_grid(struct doc *d, int pairs);
void doc_heading(struct doc *d, const char *text);
/* Start a table of ncols (1..DOC_MAX_COLS) columns; add rows with doc_row(). */
struct doc_table *doc_table(struct doc *d, int ncols, const struct doc_col *cols);
/* Add a row: cells[0..ncols-1] (a NULL cell is empty); flags DOC_ROW_*. */
void doc_row(struct doc_table *t, unsigned flags, const char *const *cells);
/* The same, taking over the ncols malloc'd cells (each kept as it is when
 * already clean) instead of copying them; cells[c] become NULL. */
void doc_row_take(struct doc_table *t, unsigned flags, char **cells);
void doc_para(struct doc *d, unsigned flags, const char *text);
/* A signature block: left alone (right NULL) or left and right side by side,
 * e.g. "本人签字：＿＿＿＿  日期：＿＿＿＿", or "甲方：…\n日期：…" and
 * "乙方：…\n日期：…". */
void doc_sign(struct doc *d, const char *left, const char *right);

/* Write the document as UTF-8 text, width columns wide (0 = 80; clamped to
 * 24..1000), one page per group.  Returns 0, or -1 on a write error. */
int doc_render_text(const struct doc *d, FILE *out, int width);
/* The same cut into pages of page_lines lines (>= 12; 0 = one per group). */
int doc_render_text_paged(const struct doc *d, FILE *out, int width, int page_lines);

/* Write the document as an A4 PDF to path.  Returns 0, or -1 with a message
 * in err (no Chinese font, file not writable, empty document). */
int doc_render_pdf(const struct doc *d, const char *path, char *err, size_t errlen);

/* Characters the PDF's fonts cannot draw (drawn as hex boxes) are collected
 * while rendering and reported once at its end, as one warning naming
 * each character (itself, then its code point: "X (U+E000)"), as
 * msg_docprint.h's M_DP_MISSING about name (NULL: the path rendered to):
 * to fn(ctx, text) when fn is set, else to stderr. */
void doc_set_warn(struct doc *d, const char *name, void (*fn)(void *ctx, const char *text),
                  void *ctx);
/* For the renderer: note one undrawable character; report what was noted
 * (nothing when every character was drawn). */
void doc_missing_add(const struct doc *d, unsigned cp);
void doc_missing_report(const struct doc *d, const char *path);
/* The noted characters, "X (U+XXXX)、Y (U+YYYY)" (at most 20, then "等 N
 * 个"), freshly allocated; NULL when there are none. */
char *doc_missing_list(const struct doc *d);

/* ---- Representation, read by the renderers (doc_text.c, doc_pdf.c).
 * Build it only through the functions above. ---- */
enum doc_kind { DOC_TITLE, DOC_FIELDS, DOC_HEADING, DOC_TABLE, DOC_PARA, DOC_SIGN };

struct doc_row {
	unsigned flags;
	char **cells;          /* ncols strings, never NULL */
};

struct doc_tcol {
	char *name;
	double share;          /* weight / sum of weights: 0 < share <= 1 */
	char align;            /* 'l', 'c', 'r' */
};

struct doc_table {
	int ncols;
	struct doc_tcol *cols;
	int nrows, cap;
	struct doc_row *rows;
};

struct doc_block {
	enum doc_kind kind;
	unsigned flags;        /* DOC_PARA_* for paragraphs */
	char *text;            /* title, heading, paragraph, left signature */
	char *text2;           /* right signature, or NULL */
	char **fields;         /* DOC_FIELDS: nfields "key：value" strings */
	int *vstart;           /* DOC_FIELDS: byte offset of each value */
	int nfields;
	int grid;              /* DOC_FIELDS: pairs a row of the grid, 0 = a line */
	struct doc_table *table;
};

struct doc_group {
	char *footer;          /* never NULL */
	char *note;            /* the second footer line; never NULL, "" for none */
	int nblocks, cap;
	struct doc_block *blocks;
};

/* What the renderer noted (doc_missing_add) and where it is reported. */
struct doc_missing {
	unsigned *cp;          /* distinct code points, in order of sight */
	int n, cap;
	char *name;            /* what the warning names, or NULL */
	void (*fn)(void *ctx, const char *text);
	void *ctx;
};

struct doc {
	char *title;
	int ngroups, cap;
	struct doc_group *groups;
	struct doc_missing *missing;   /* never NULL; written while rendering */
};

/* The text of a PDF cell as pango is given it (doc_glyph.c): bidi controls
 * balanced and the embeddings/overrides U+202A–U+202E dropped, emoji in
 * text presentation (U+FE0E) for an outline font; freshly allocated. */
char *doc_pdf_text(const char *text);

/* "第 page 页 共 pages 页" (freshly allocated), shared by both renderers. */
char *doc_page_label(int page, int pages);

#endif

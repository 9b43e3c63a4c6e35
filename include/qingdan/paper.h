/* paper.h — where a print document goes, the same for every paper
 * (`print`, `pledge print`, `meeting print`, `problem print`, the TUI's p
 * key): a file (written whole or not at all, outfile.h), standard output,
 * or `lp`, as text or A4 PDF.
 *
 * The order matters and is the same everywhere: paper_open() first, so that
 * a refused file name stops the command before a 校验码 is logged; then the
 * document is built (and its codes logged); then paper_finish() renders it,
 * commits the file and hands the PDF to lp. */
#ifndef QINGDAN_PAPER_H
#define QINGDAN_PAPER_H

#include <stdio.h>

#include "qingdan/model.h"
#include "qingdan/outfile.h"
#include "qingdan/util.h"

/* How a PDF goes to lp: -d printer (NULL or "" = the default printer),
 * -n copies (0 or 1 = one), -o sides=two-sided-long-edge for duplex. */
struct lp_opts {
	const char *printer;
	int copies;
	int duplex;
};
enum { LP_MAX_COPIES = 99 };

struct paper_dest {
	int text;                /* 1 text, 0 PDF */
	int width;               /* text columns (0 = 80) */
	const char *path;        /* the file; NULL: to out, or (a PDF) to lp only */
	int path_flags;          /* outfile.h OUTFILE_* (--force) */
	FILE *out;               /* without a path and not to lp only */
	int lp;                  /* send the PDF to lp (text cannot go) */
	struct lp_opts lpo;
	struct strbuf *warn;     /* PDF warnings (undrawable characters); NULL: stderr */
};

struct paper {
	const struct paper_dest *to;
	struct outfile o;
};

struct doc;
/* Open the destination: the file's temporary beside it, or a scratch PDF
 * for lp and standard output.  Nothing is written yet. */
enum qd_status paper_open(struct paper *p, const struct paper_dest *to, struct qd *q,
			  struct strbuf *err);
/* With s QD_OK: render d, commit the file, copy a PDF without a path to
 * out, send it to lp titled `title` (*lp_output: what lp said, malloc'd;
 * may be NULL).  Always closes p (a scratch PDF is removed, an uncommitted
 * temporary too).  Returns the outcome. */
enum qd_status paper_finish(struct paper *p, struct doc *d, enum qd_status s, const char *title,
			    char **lp_output, struct strbuf *err);

/* Run lp on a PDF file with o's options; *output gets what lp said
 * ("request id is …"). */
enum qd_status print_lp(const struct lp_opts *o, const char *pdf, const char *title, char **output,
			struct strbuf *err);

#endif

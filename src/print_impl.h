/* print_impl.h — shared by print.c (gathering each person, the output) and
 * print_sheet.c (the checklist paper of one person: its columns, header
 * grid, signature lines).  Not a public header: io.h has the contract. */
#ifndef QINGDAN_PRINT_IMPL_H
#define QINGDAN_PRINT_IMPL_H

#include "qingdan/io.h"
#include "qingdan/model.h"
#include "qingdan/outfile.h"
#include "qingdan/problem_print.h"
#include "qingdan/store_io.h"

/* The columns of an item row: 序号 责任内容 工作措施 完成标准 完成时限
 * 完成情况 确认. */
enum { SHEET_COLS = 7 };

/* One row of a section, copied out of the query. */
struct prow {
	long long id, org_id;
	int seq;
	unsigned flags;      /* doc.h DOC_ROW_* (a cancelled item is grey) */
	char digest[65];     /* of the item's canonical text, from the same row */
	char *cells[SHEET_COLS];
};

struct section {
	long long org_id, sort;
	char *name;
};

struct pledge_row {
	long long id;
	int red;
	char *cells[5];
};

struct printer {
	struct qd *q;
	const struct print_request *r;
	struct doc *d;
	char today[11], soon[11];
	char *unit;
	int people;
	int skipped;           /* people left out for having nothing (print --all) */
	char *code;            /* the last person's 校验码 */
	enum qd_status status;
	struct strbuf *err;
	/* the person being gathered */
	struct prow *rows;
	int nrows;
	struct section *secs;
	int nsecs;
	struct section *fixed;   /* the sections shown even when empty */
	int nfixed;
	struct pledge_row *pledges;
	int npledges;
	struct checklist_measures measures;   /* 整改措施 (problem_print.c) */
};

/* The cells of an item's row (malloc'd) and its flags. */
void sheet_item_cells(struct prow *row, const struct io_print_item *it, int pdf);
/* The person's group of the document: title, header grid, a section per
 * list, the 整改措施, the pledges, the signature lines; code in the footer.
 * The rows' cells are taken over by the document. */
void sheet_build(struct printer *pr, const struct person *p, const char *code);

#endif

/* problem_print.h — 问题清单 → 整改清单 on paper (issue 12 §4): an org's
 * problems of a year with their measures as one A4 table (问题 | 来源 |
 * 整改措施 | 责任人 | 时限 | 完成情况), the 回访 records, a 校验码 logged in
 * the audit chain (qd_print_code); and the section of a person's
 * rectification measures in the per-person checklist (print.c). */
#ifndef QINGDAN_PROBLEM_PRINT_H
#define QINGDAN_PROBLEM_PRINT_H

#include <stdio.h>

#include "qingdan/doc.h"
#include "qingdan/paper.h"
#include "qingdan/problem.h"

/* The list of org_id for year as one group of d: title, the counts, the
 * table (a row per measure, the problem and its source on its first row;
 * a problem without measures gets one row saying so; an overdue measure's
 * row red), the 回访 of every problem, the signature line.  The code
 * covers the problems, their measure items and their 回访 records (the
 * org itself when there are none); *code malloc'd. */
enum qd_status problem_doc(struct qd *q, long long org_id, int year, struct doc *d, char **code,
			   struct strbuf *err);

struct problem_print_request {
	long long org_id;
	int year;
	struct paper_dest to;    /* text or PDF, to a file, out or lp (paper.h) */
};
/* Build and render; the file appears whole or not at all (outfile.h), and
 * a refused file name logs no code.  *code and *lp_output malloc'd. */
enum qd_status problem_print(struct qd *q, const struct problem_print_request *r, char **code,
			     char **lp_output, struct strbuf *err);

/* ---- the checklist's section 整改措施 (print.c) ----
 * The person's measures of the year (items of a 整改清单 they own or
 * lead), each with the problem it rectifies, as rows of 7 cells: 序号,
 * 整改措施 (牵头 marked as in the duty sections), 对应问题, 整改标准,
 * 完成时限, 状态 (with flags), the box to tick ("☐" in PDF, "[ ]" in
 * text). */
struct checklist_measures {
	int n;
	long long *ids;          /* the items, for the 校验码 */
	int *red;                /* overdue */
	char *(*cells)[7];
};
enum qd_status checklist_measures_get(struct qd *q, int year, long long person_id, int pdf,
				      struct checklist_measures *m, struct strbuf *err);
/* The section "num、整改措施" with its table; nothing when m has no rows. */
void checklist_measures_section(struct doc *d, const char *num, const struct checklist_measures *m);
void checklist_measures_clear(struct checklist_measures *m);

#endif

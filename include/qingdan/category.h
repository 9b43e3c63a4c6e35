/* category.h — the categories of items in their canonical order (issue 13):
 * the category table of migration 7, with the six defaults 政治建设 思想建设
 * 组织建设 作风建设 纪律建设 制度建设.  `stats --by category`, `category
 * list` and the screen's category filter read its order; an item carries
 * its category as text (one not in the table sorts after every one that
 * is), so a category is added or moved here, never renamed: a rename
 * would be a write of every item that names it (an audit entry each, and
 * every printed code over them changed).
 *
 * Positions are kept 10, 20, 30 … (the migration's spacing): every add or
 * move renumbers the table in its transaction, so they stay unique and
 * evenly spaced; each row whose position changes is audited ("set"), the
 * new one too ("add").  Admin only. */
#ifndef QINGDAN_CATEGORY_H
#define QINGDAN_CATEGORY_H

#include "qingdan/model.h"

/* The spacing of positions, and the longest name (in characters). */
enum { CATEGORY_STEP = 10, CATEGORY_NAME_MAX = 30 };

struct category {
	long long id;
	char *name;
	int sort;
};
void categories_free(struct category *c, int n);

/* Where: after the category named after, or first; neither: last (add
 * only). */
struct category_place {
	const char *after;
	int first;
};

/* Add name (checked: UTF-8, not blank, no control characters, at most
 * CATEGORY_NAME_MAX characters; stored in norm_name form) at where.  *id
 * the new row, *pos its position (1-based) and *total the count after. */
enum qd_status qd_category_add(struct qd *q, const char *name, struct category_place where,
			       long long *id, int *pos, int *total, struct strbuf *err);
/* Move the category named name to where (after or first required).  *pos
 * its position after, *total the count; QD_OK with *moved 0 when it was
 * already there (nothing written). */
enum qd_status qd_category_move(struct qd *q, const char *name, struct category_place where,
				int *pos, int *total, int *moved, struct strbuf *err);
/* The table in its order (free with categories_free). */
enum qd_status qd_categories(struct qd *q, struct category **out, int *n, struct strbuf *err);

#endif

/* category.c — adding and moving categories (category.h): the name's
 * checks, the new order, and one transaction that renumbers the table
 * and audits every row it changes. */
#include "qingdan/category.h"

#include <stdlib.h>
#include <string.h>

#include "model_impl.h"
#include "qingdan/db.h"
#include "qingdan/norm.h"
#include "qingdan/store.h"
#include "qingdan/store_category.h"

enum qd_status qd_categories(struct qd *q, struct category **out, int *n, struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	enum qd_status s = store_categories(q->db, out, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

/* The next code point of s at *i (s well-formed UTF-8). */
static unsigned next_cp(const char *s, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	unsigned c = p[0];
	int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (len > 1)
		c &= 0x3Fu >> (len - 1);
	for (int k = 1; k < len; k++)
		c = (c << 6) | (p[k] & 0x3Fu);
	*i += (size_t)len;
	return c;
}

/* The name to store (malloc'd), or NULL after saying what is wrong with it:
 * control characters are refused (not dropped as norm_name would), the
 * rest folded by norm_name (spaces, NFC, invisible characters). */
static char *clean_category(const char *name, struct strbuf *err)
{
	if (!name || !norm_is_utf8(name, strlen(name))) {
		sb_puts(err, msg(M_CAT_NOT_UTF8));
		return NULL;
	}
	int nth = 0;
	for (size_t i = 0; name[i];) {
		unsigned c = next_cp(name, &i);
		nth++;
		if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029) {
			sb_printf(err, msg(M_CAT_CONTROL), nth, c);
			return NULL;
		}
	}
	char *norm = norm_name(name);
	if (!norm || !*norm) {
		free(norm);
		sb_puts(err, msg(M_CAT_BLANK));
		return NULL;
	}
	int chars = 0;
	for (size_t i = 0; norm[i];) {
		next_cp(norm, &i);
		chars++;
	}
	if (chars > CATEGORY_NAME_MAX) {
		sb_printf(err, msg(M_CAT_TOO_LONG), norm, chars, CATEGORY_NAME_MAX);
		free(norm);
		return NULL;
	}
	return norm;
}

static int find(const struct category *c, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(c[i].name, name) == 0)
			return i;
	return -1;
}

/* "there is no category X; the categories are: …" */
static enum qd_status not_found(const struct category *c, int n, const char *name,
				struct strbuf *err)
{
	struct strbuf all = {0};
	for (int i = 0; i < n; i++) {
		if (i)
			sb_puts(&all, msg(M_CAT_LIST_SEP));
		sb_puts(&all, c[i].name);
	}
	sb_printf(err, msg(M_CAT_NOT_FOUND), name, all.s ? all.s : "");
	sb_free(&all);
	return QD_NOTFOUND;
}

/* The index in c (of n, without the one being placed) that the placed
 * category goes before: 0 first, n last, after X its index + 1. */
static enum qd_status place_index(const struct category *c, int n, struct category_place where,
				  int *at, struct strbuf *err)
{
	if (where.first) {
		*at = 0;
		return QD_OK;
	}
	if (!where.after) {
		*at = n;
		return QD_OK;
	}
	char *norm = norm_name(where.after);
	int i = norm ? find(c, n, norm) : -1;
	enum qd_status s = QD_OK;
	if (i < 0)
		s = not_found(c, n, norm && *norm ? norm : where.after, err);
	else
		*at = i + 1;
	free(norm);
	return s;
}

/* Give order[0..n) the positions STEP, 2·STEP, …; each row whose position
 * changes is written and audited.  A row with id 0 is the new one: it is
 * inserted with its position and audited "add". */
static enum qd_status renumber(struct qd *q, struct category *order, int n, const char *name,
			       long long *new_id, struct strbuf *err)
{
	enum qd_status s = QD_OK;
	for (int i = 0; i < n && s == QD_OK; i++) {
		int want = (i + 1) * CATEGORY_STEP;
		if (order[i].id == 0) {
			s = store_category_insert(q->db, name, want, new_id);
			if (s == QD_OK)
				s = qd_audit(q, "add", "category", *new_id, NULL, NULL, err);
			continue;
		}
		if (order[i].sort == want)
			continue;
		char *before = store_canon(q->db, "category", order[i].id);
		s = store_category_set_sort(q->db, order[i].id, want);
		if (s == QD_OK)
			s = qd_audit(q, "set", "category", order[i].id, before, NULL, err);
		free(before);
	}
	if (s != QD_OK && err->len == 0)
		db_error(q->db, err);
	return s;
}

enum qd_status qd_category_add(struct qd *q, const char *name, struct category_place where,
			       long long *id, int *pos, int *total, struct strbuf *err)
{
	enum qd_status s = model_need_admin(q, M_ACT_MANAGE_CATEGORIES, err);
	char *norm = s == QD_OK ? clean_category(name, err) : NULL;
	if (s == QD_OK && !norm)
		s = QD_INVALID;
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK) {
		free(norm);
		return s;
	}
	struct category *c = NULL;
	int n = 0, at = 0;
	s = qd_categories(q, &c, &n, err);
	if (s == QD_OK && find(c, n, norm) >= 0) {
		sb_printf(err, msg(M_CAT_EXISTS), norm, find(c, n, norm) + 1);
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = place_index(c, n, where, &at, err);
	if (s == QD_OK) {
		c = xrealloc(c, (size_t)(n + 1) * sizeof *c);
		memmove(c + at + 1, c + at, (size_t)(n - at) * sizeof *c);
		c[at] = (struct category){0, NULL, 0};
		n++;
		s = renumber(q, c, n, norm, id, err);
		*pos = at + 1;
		*total = n;
	}
	categories_free(c, n);
	free(norm);
	return model_end(q, s, err);
}

enum qd_status qd_category_move(struct qd *q, const char *name, struct category_place where,
				int *pos, int *total, int *moved, struct strbuf *err)
{
	*moved = 0;
	if (!where.first == !where.after) {
		sb_puts(err, msg(where.first ? M_CAT_BOTH : M_CAT_WHERE));
		return QD_INVALID;
	}
	enum qd_status s = model_need_admin(q, M_ACT_MANAGE_CATEGORIES, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	struct category *c = NULL;
	int n = 0, at = 0, from = -1;
	char *norm = norm_name(name ? name : "");
	s = qd_categories(q, &c, &n, err);
	if (s == QD_OK && (from = norm ? find(c, n, norm) : -1) < 0)
		s = not_found(c, n, norm && *norm ? norm : name ? name : "", err);
	if (s == QD_OK && where.after) {
		char *after = norm_name(where.after);
		if (after && strcmp(after, norm) == 0) {
			sb_printf(err, msg(M_CAT_AFTER_SELF), norm);
			s = QD_INVALID;
		} else if (!after || find(c, n, after) < 0)   /* named against the whole list */
			s = not_found(c, n, after && *after ? after : where.after, err);
		free(after);
	}
	if (s == QD_OK) {
		/* the order without it, then it at its place (back at its own
		 * when the place is refused) */
		struct category self = c[from];
		memmove(c + from, c + from + 1, (size_t)(n - from - 1) * sizeof *c);
		s = place_index(c, n - 1, where, &at, err);
		if (s != QD_OK)
			at = from;
		memmove(c + at + 1, c + at, (size_t)(n - 1 - at) * sizeof *c);
		c[at] = self;
		*pos = at + 1;
		*total = n;
		*moved = s == QD_OK && at != from;
		if (*moved)
			s = renumber(q, c, n, NULL, NULL, err);
	}
	categories_free(c, n);
	free(norm);
	return model_end(q, s, err);
}

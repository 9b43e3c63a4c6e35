/* tui_people.c — the people view (tab 4): everyone, grouped by org, with
 * each person's count of items, done and overdue for the year; Enter opens
 * that person's checklist across all three lists; / narrows by name or
 * post as you type.
 *
 * In name order within each org (person.sort_key: pinyin, or stroke
 * order), as person list.  Keyset-paged like the item lists (100k people
 * at the L size, on the index person_org_sort); the counts are read only
 * for the people on screen and kept by id until the data changes. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/store_page.h"
#include "qingdan/tui_view.h"

struct count {
	long long id;
	int items, done, overdue;
};

struct people_view {
	char *search, *search_before;
	struct page_person *rows;
	int nrows, cur, total;
	struct count *counts;
	int ncounts;
};

static int page_rows(const struct tui *t)
{
	int lines = t->lines < TUI_MIN_LINES ? TUI_MIN_LINES : t->lines;
	return lines - 5;
}

static const struct count *count_of(struct tui *t, struct people_view *pv, long long id)
{
	for (int i = 0; i < pv->ncounts; i++)
		if (pv->counts[i].id == id)
			return &pv->counts[i];
	if (pv->ncounts >= 1024)
		pv->ncounts = 0;
	pv->counts = xrealloc(pv->counts, (size_t)(pv->ncounts + 1) * sizeof *pv->counts);
	struct count *c = &pv->counts[pv->ncounts++];
	c->id = id;
	store_page_person_counts(t->q->db, id, t->q->year, t->today, &c->items, &c->done, &c->overdue);
	return c;
}

static int fetch(struct tui *t, struct people_view *pv, const struct page_person_key *from, int dir,
		 int inclusive, int n, struct page_person *out)
{
	struct strbuf err = {0};
	int got = store_page_people(t->q->db, pv->search, from, dir, inclusive, n, out, &err);
	if (got < 0) {
		tui_error(t, &err);
		got = 0;
	}
	sb_free(&err);
	return got;
}

static void set_rows(struct people_view *pv, struct page_person *rows, int n, int cur)
{
	page_people_clear(pv->rows, pv->nrows);
	free(pv->rows);
	pv->rows = rows;
	pv->nrows = n;
	pv->cur = n == 0 ? 0 : cur < 0 ? 0 : cur >= n ? n - 1 : cur;
}

static void window_at(struct tui *t, struct people_view *pv, const struct page_person_key *key,
		      int offset)
{
	int page = page_rows(t);
	struct page_person *rows = xcalloc((size_t)page, sizeof *rows);
	if (!key) {
		set_rows(pv, rows, fetch(t, pv, NULL, 1, 0, page, rows), 0);
		return;
	}
	if (offset > page - 1)
		offset = page - 1;
	struct page_person *after = xcalloc((size_t)page, sizeof *after);
	int na = fetch(t, pv, key, 1, 1, page, after);
	int nb = fetch(t, pv, key, -1, 0, page - na > offset ? page - na : offset, rows);
	if (nb + na > page) {
		page_people_clear(after + (page - nb), na - (page - nb));
		na = page - nb;
	}
	memcpy(rows + nb, after, (size_t)na * sizeof *rows);
	free(after);
	set_rows(pv, rows, nb + na, nb);
}

static void reload(struct tui *t, void *st)
{
	struct people_view *pv = st;
	struct page_person *r = pv->nrows ? &pv->rows[pv->cur] : NULL;
	/* the row's key (its s is the row's, valid until window_at replaces
	 * the rows, after it has read them), or where that person is now */
	struct page_person_key key = r ? r->key : (struct page_person_key){0, NULL, 0};
	pv->ncounts = 0;
	pv->total = store_page_people_total(t->q->db, pv->search);
	struct page_person_key now = {0, NULL, 0};
	if (r && store_page_person_key(t->q->db, pv->search, r->p.id, &now) == QD_OK)
		key = now;
	window_at(t, pv, r ? &key : NULL, pv->cur);
	page_person_key_clear(&now);
}

static void *open_people(struct tui *t, long long arg)
{
	struct people_view *pv = xcalloc(1, sizeof *pv);
	(void)arg;
	reload(t, pv);
	return pv;
}

static void close_people(void *st)
{
	struct people_view *pv = st;
	page_people_clear(pv->rows, pv->nrows);
	free(pv->rows);
	free(pv->counts);
	free(pv->search);
	free(pv->search_before);
	free(pv);
}

static int shift(struct tui *t, struct people_view *pv, int n)
{
	if (pv->nrows == 0)
		return 0;
	int dir = n > 0 ? 1 : -1, want = n > 0 ? n : -n;
	struct page_person *more = xcalloc((size_t)want, sizeof *more);
	const struct page_person_key *edge = dir > 0 ? &pv->rows[pv->nrows - 1].key : &pv->rows[0].key;
	int got = fetch(t, pv, edge, dir, 0, want, more);
	if (got > pv->nrows) {
		page_people_clear(more, got);
		got = 0;
	}
	if (got > 0 && dir > 0) {
		page_people_clear(pv->rows, got);
		memmove(pv->rows, pv->rows + got, (size_t)(pv->nrows - got) * sizeof *pv->rows);
		memcpy(pv->rows + pv->nrows - got, more, (size_t)got * sizeof *more);
	} else if (got > 0) {
		page_people_clear(pv->rows + pv->nrows - got, got);
		memmove(pv->rows + got, pv->rows, (size_t)(pv->nrows - got) * sizeof *pv->rows);
		memcpy(pv->rows, more, (size_t)got * sizeof *more);
	}
	free(more);
	return got;
}

static int go(struct tui *t, struct people_view *pv, enum tui_action a)
{
	int page = page_rows(t);
	switch (a) {
	case TA_DOWN:
		if (pv->cur + 1 < pv->nrows)
			pv->cur++;
		else
			shift(t, pv, 1);
		return 1;
	case TA_UP:
		if (pv->cur > 0)
			pv->cur--;
		else
			shift(t, pv, -1);
		return 1;
	case TA_PAGE_DOWN:
		if (pv->nrows < page || shift(t, pv, page) == 0)
			pv->cur = pv->nrows > 0 ? pv->nrows - 1 : 0;
		return 1;
	case TA_PAGE_UP:
		if (shift(t, pv, -page) == 0)
			pv->cur = 0;
		return 1;
	case TA_HOME: window_at(t, pv, NULL, 0); return 1;
	case TA_END: {
		struct page_person *rows = xcalloc((size_t)page, sizeof *rows);
		int n = fetch(t, pv, NULL, -1, 0, page, rows);
		set_rows(pv, rows, n, n - 1);
		return 1;
	}
	default: return 0;
	}
}

static void draw(struct tui *t, void *st, int y, int h)
{
	struct people_view *pv = st;
	int W = t->cols, num = 6;
	int xname = 2, wname = 14, xpost = xname + wname + 1;
	int worg = W >= 90 ? 26 : 16;
	int xnums = W - 3 * (num + 1);
	int xorg = xnums - worg - 1;
	int wpost = xorg - xpost - 1;
	attr_t head = tui_attr(t, TS_COLHEAD);
	tui_fill(y, 0, W, head);
	tui_put(y, xname, wname, msg(M_TUI_COL_NAME), head);
	tui_put(y, xpost, wpost, msg(M_TUI_COL_POST), head);
	tui_put(y, xorg, worg, msg(M_TUI_COL_ORG), head);
	tui_put_right(y, xnums, num, msg(M_TUI_COL_ITEMS), head);
	tui_put_right(y, xnums + num + 1, num, msg(M_ST_DONE), head);
	tui_put_right(y, xnums + 2 * (num + 1), num, msg(M_FLAG_OVERDUE), head);
	if (pv->nrows == 0)
		tui_put(y + 1, 2, W - 2, pv->search ? msg(M_TUI_NOT_FOUND) : msg(M_TUI_NO_PEOPLE),
			tui_attr(t, TS_DIM));
	for (int i = 0; i < pv->nrows && i < h - 1; i++) {
		const struct person *p = &pv->rows[i].p;
		const struct count *c = count_of(t, pv, p->id);
		int sel = i == pv->cur, r = y + 1 + i;
		attr_t a = sel ? tui_attr(t, TS_SELECTED) : p->active ? A_NORMAL : tui_attr(t, TS_DIM);
		char n1[16], n2[16], n3[16];
		snprintf(n1, sizeof n1, "%d", c->items);
		snprintf(n2, sizeof n2, "%d", c->done);
		snprintf(n3, sizeof n3, "%d", c->overdue);
		tui_fill(r, 0, W, a);
		tui_put(r, 0, 2, sel ? ">" : "", a);
		tui_put(r, xname, wname, p->name, a);
		tui_put(r, xpost, wpost, p->post, a);
		tui_put(r, xorg, worg, p->org_name, a);
		tui_put_right(r, xnums, num, n1, a);
		tui_put_right(r, xnums + num + 1, num, n2, a);
		tui_put_right(r, xnums + 2 * (num + 1), num, n3,
			      c->overdue ? a | tui_attr(t, TS_OVERDUE) : a);
	}
}

static void search_changed(struct tui *t, void *ctx, const char *text)
{
	struct people_view *pv = ctx;
	xfree(&pv->search);
	if (*text)
		pv->search = xstrdup(text);
	reload(t, pv);
}

static int search_done(struct tui *t, void *ctx, const char *text)
{
	struct people_view *pv = ctx;
	search_changed(t, ctx, text);
	xfree(&pv->search_before);
	return 1;
}

static void search_cancel(struct tui *t, void *ctx)
{
	struct people_view *pv = ctx;
	search_changed(t, ctx, pv->search_before ? pv->search_before : "");
	xfree(&pv->search_before);
}

static int act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct people_view *pv = st;
	if (go(t, pv, a))
		return TUI_DONE;
	switch (a) {
	case TA_ENTER:
		if (pv->nrows)
			tui_push_view(t, &tui_checklist_ops, pv->rows[pv->cur].p.id);
		return TUI_DONE;
	case TA_SEARCH:
		if (arg) {
			search_done(t, pv, arg);
		} else {
			free(pv->search_before);
			pv->search_before = pv->search ? xstrdup(pv->search) : NULL;
			struct tui_prompt_cb cb = {search_done, search_changed, search_cancel, NULL, pv};
			tui_prompt(t, "/", pv->search, &cb);
		}
		return TUI_DONE;
	case TA_CLEAR_FILTER:
		search_changed(t, pv, "");
		return TUI_DONE;
	default: return TUI_PASS;
	}
}

static void mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	struct people_view *pv = st;
	(void)col;
	if (wheel) {
		for (int i = 0; i < 3; i++)
			go(t, pv, wheel < 0 ? TA_UP : TA_DOWN);
	} else if (row >= 1 && row - 1 < pv->nrows) {
		pv->cur = row - 1;
	}
}

static void summary(struct tui *t, void *st, struct strbuf *out)
{
	struct people_view *pv = st;
	(void)t;
	sb_printf(out, msg(M_TUI_PEOPLE_SUMMARY), pv->total);
}

static void status(struct tui *t, void *st, struct strbuf *out)
{
	struct people_view *pv = st;
	(void)t;
	if (pv->search)
		sb_printf(out, "%s %s“%s”  %s", msg(M_TUI_FILTERS), msg(M_TUI_K_SEARCH), pv->search,
			  msg(M_TUI_CLEAR_HINT));
	else
		sb_puts(out, msg(M_TUI_PEOPLE_TIP));
}

static void print(struct tui *t, void *st, struct tui_print_request *r)
{
	struct people_view *pv = st;
	(void)t;
	if (pv->nrows)
		r->person_id = pv->rows[pv->cur].p.id;
}

const struct tui_view_ops tui_people_ops = {
	"people", open_people, close_people, reload, draw, act, mouse, summary, NULL, status, print,
};

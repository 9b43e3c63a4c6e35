/* tui_list.c — the item list view: one org's list for the year (tabs 1–3)
 * or one person's checklist across every list (opened from the people
 * view).  Paging, the rows, the detail pane of the selected item.
 *
 * Paging is keyset (store_page.h): the view keeps the rows on screen, a
 * step past an edge reads one row after or before the edge row's key, a
 * page reads a page; nothing is loaded that is not shown, so a list of a
 * million rows scrolls as fast as one of ten.  Counts for the key line
 * ("共57项 逾期3 完成60%") are read on reload only, not per key. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/period.h"
#include "qingdan/text.h"
#include "qingdan/tui_list.h"
#include "tui_problem.h"

/* ---- layout ---- */

struct layout {
	int title, head, list_y, list_h, ms_rule, ms_y, ms_h, detail_y, detail_h;
};

static struct layout layout(const struct tui *t, const struct list_view *lv, int y, int h)
{
	struct layout L;
	L.title = lv->sc.person_id ? y++ : -1;
	if (lv->sc.person_id)
		h--;
	L.head = y;
	int avail = h - 1;
	L.detail_h = avail >= 11 ? (avail / 3 + 1 < 12 ? avail / 3 + 1 : 12) : 0;
	L.list_y = y + 1;
	L.list_h = avail - L.detail_h;
	/* a checklist's 整改措施: a rule and up to a third of the rows */
	L.ms_h = 0;
	if (lv->nms > 0 && L.list_h >= 4) {
		int cap = L.list_h / 3 > 1 ? L.list_h / 3 : 1;
		L.ms_h = lv->nms < cap ? lv->nms : cap;
		L.list_h -= L.ms_h + 1;
	}
	if (L.list_h < 1)
		L.list_h = 1;
	L.ms_rule = L.list_y + L.list_h;
	L.ms_y = L.ms_rule + 1;
	L.detail_y = L.list_y + L.list_h + (L.ms_h ? L.ms_h + 1 : 0);
	(void)t;
	return L;
}

int list_page(const struct tui *t, const struct list_view *lv)
{
	int lines = t->lines < TUI_MIN_LINES ? TUI_MIN_LINES : t->lines;
	return layout(t, lv, 2, lines - 4).list_h;
}

/* ---- paging ---- */

static void scope_now(struct tui *t, struct list_view *lv)
{
	lv->sc.year = t->q->year;
	lv->sc.today = t->today;
	lv->sc.soon = t->soon;
	lv->sc.search = lv->search;
	lv->sc.category = lv->category;
}

static int fetch(struct tui *t, struct list_view *lv, const struct page_key *from, int dir,
		 int inclusive, int n, struct page_item *out)
{
	struct strbuf err = {0};
	int got = store_page_items(t->q->db, &lv->sc, from, dir, inclusive, n, out, &err);
	if (got < 0) {
		tui_error(t, &err);
		got = 0;
	}
	sb_free(&err);
	return got;
}

static void set_rows(struct list_view *lv, struct page_item *rows, int n, int cur)
{
	page_items_clear(lv->rows, lv->nrows);
	free(lv->rows);
	lv->rows = rows;
	lv->nrows = n;
	lv->cur = n == 0 ? 0 : cur < 0 ? 0 : cur >= n ? n - 1 : cur;
}

/* The window with the row at key (or the first after it) `offset` rows
 * from the top when there are rows enough above it; key NULL: the top. */
static void window_at(struct tui *t, struct list_view *lv, const struct page_key *key, int offset)
{
	int page = list_page(t, lv);
	struct page_item *rows = xcalloc((size_t)page, sizeof *rows);
	if (!key) {
		set_rows(lv, rows, fetch(t, lv, NULL, 1, 0, page, rows), 0);
		return;
	}
	if (offset > page - 1)
		offset = page - 1;
	struct page_item *after = xcalloc((size_t)page, sizeof *after);
	int na = fetch(t, lv, key, 1, 1, page, after);
	int want_before = page - na > offset ? page - na : offset;
	int nb = fetch(t, lv, key, -1, 0, want_before, rows);
	if (nb + na > page) {
		/* more than a page: keep the offset, drop the surplus after */
		page_items_clear(after + (page - nb), na - (page - nb));
		na = page - nb;
	}
	memcpy(rows + nb, after, (size_t)na * sizeof *rows);
	free(after);
	set_rows(lv, rows, nb + na, nb);
}

static void load_detail(struct tui *t, struct list_view *lv)
{
	struct page_item *r = list_current(lv);
	long long id = r ? r->it.id : 0;
	xfree(&lv->ms_problem);
	struct problem p = {0};
	if (r && lv->in_ms && r->key.g && qd_problem_get(t->q, r->key.g, &p, NULL) == QD_OK)
		lv->ms_problem = xasprintf(msg(M_PBT_OF_PROBLEM), p.id, p.text ? p.text : "");
	problem_clear(&p);
	if (lv->have_detail && lv->detail_id == id && (!r || lv->detail.version == r->it.version))
		return;
	item_clear(&lv->detail);
	notes_free(lv->notes, lv->nnotes);
	lv->notes = NULL;
	lv->nnotes = 0;
	lv->have_detail = 0;
	lv->detail_id = id;
	if (id && qd_get_item(t->q, id, &lv->detail, NULL) == QD_OK) {
		lv->have_detail = 1;
		qd_item_notes(t->q, id, &lv->notes, &lv->nnotes);
	}
	xfree(&lv->reason);
	if (lv->have_detail)
		lv->reason = qd_item_last_reason(t->q, id);
}

/* The person's measures again, the selection kept by id when it was there. */
static void load_measures(struct tui *t, struct list_view *lv, long long want_id)
{
	if (!lv->sc.person_id)
		return;
	long long keep = lv->in_ms && lv->nms ? lv->ms[lv->mcur].it.id : 0;
	int was_in = lv->in_ms, at = lv->mcur;
	page_items_clear(lv->ms, lv->nms);
	free(lv->ms);
	lv->nms = problem_person_measures(t, lv->sc.person_id, &lv->ms);
	lv->in_ms = 0;
	lv->mcur = 0;
	for (int i = 0; i < lv->nms; i++)
		if ((want_id && lv->ms[i].it.id == want_id) || (!want_id && keep && lv->ms[i].it.id == keep)) {
			lv->in_ms = 1;
			lv->mcur = i;
		}
	if (!lv->in_ms && was_in && !want_id && lv->nms > 0) {
		/* the measure left: the one now in its place */
		lv->in_ms = 1;
		lv->mcur = at < lv->nms ? at : lv->nms - 1;
	}
}

void list_reload(struct tui *t, struct list_view *lv)
{
	struct page_item *r = list_current(lv);
	list_select(t, lv, r ? r->it.id : 0);
}

void list_select(struct tui *t, struct list_view *lv, long long want_id)
{
	struct page_item *r = lv->nrows > 0 ? &lv->rows[lv->cur] : NULL;   /* the duty row */
	struct page_key old = r ? r->key : (struct page_key){0, 0, "", 0};
	int offset = lv->cur, had = r != NULL;
	load_measures(t, lv, want_id);
	if (lv->in_ms && want_id && lv->ms[lv->mcur].it.id == want_id)
		want_id = 0;   /* a measure: the duty window stays where it was */
	scope_now(t, lv);
	struct strbuf err = {0};
	if (store_page_item_counts(t->q->db, &lv->sc, &lv->counts, &err) != QD_OK)
		tui_error(t, &err);
	sb_free(&err);
	struct page_key key;
	if (want_id && store_page_item_key(t->q->db, &lv->sc, want_id, &key) == QD_OK)
		window_at(t, lv, &key, offset);
	else
		window_at(t, lv, had ? &old : NULL, offset);
	lv->have_detail = 0;
	load_detail(t, lv);
}

struct page_item *list_current(struct list_view *lv)
{
	if (lv->in_ms && lv->nms > 0)
		return &lv->ms[lv->mcur < lv->nms ? lv->mcur : lv->nms - 1];
	return lv->nrows > 0 ? &lv->rows[lv->cur] : NULL;
}

void list_set_search(struct list_view *lv, const char *text)
{
	xfree(&lv->search);
	if (text && *text)
		lv->search = xstrdup(text);
}

/* Move the window by up to n rows (n > 0 down, < 0 up); the cursor keeps
 * its place on screen.  Returns the rows moved. */
static int shift(struct tui *t, struct list_view *lv, int n)
{
	if (lv->nrows == 0)
		return 0;
	int dir = n > 0 ? 1 : -1, want = n > 0 ? n : -n;
	struct page_item *more = xcalloc((size_t)want, sizeof *more);
	const struct page_key *edge = dir > 0 ? &lv->rows[lv->nrows - 1].key : &lv->rows[0].key;
	int got = fetch(t, lv, edge, dir, 0, want, more);
	if (got > lv->nrows) {   /* a page longer than the window (resize) */
		page_items_clear(more, got);
		got = 0;
	}
	if (got > 0) {
		if (dir > 0) {
			page_items_clear(lv->rows, got);
			memmove(lv->rows, lv->rows + got, (size_t)(lv->nrows - got) * sizeof *lv->rows);
			memcpy(lv->rows + lv->nrows - got, more, (size_t)got * sizeof *more);
		} else {
			page_items_clear(lv->rows + lv->nrows - got, got);
			memmove(lv->rows + got, lv->rows, (size_t)(lv->nrows - got) * sizeof *lv->rows);
			memcpy(lv->rows, more, (size_t)got * sizeof *more);
		}
	}
	free(more);
	return got;
}

/* Moving inside a checklist's 整改措施 section, and across its edge:
 * past the last duty item down into it, past its first measure up out. */
static int go_measures(struct tui *t, struct list_view *lv, enum tui_action a)
{
	int page = list_page(t, lv);
	if (lv->nms == 0)
		return 0;
	if (!lv->in_ms) {
		int at_end = lv->nrows == 0 || lv->cur == lv->nrows - 1;
		if (a == TA_END) {
			lv->in_ms = 1;
			lv->mcur = lv->nms - 1;
			return 1;
		}
		if ((a != TA_DOWN && a != TA_PAGE_DOWN) || !at_end)
			return 0;
		if (lv->nrows == 0 || shift(t, lv, a == TA_DOWN ? 1 : page) == 0) {
			lv->in_ms = 1;
			lv->mcur = 0;
		}
		return 1;
	}
	switch (a) {
	case TA_DOWN: if (lv->mcur + 1 < lv->nms) lv->mcur++; break;
	case TA_UP:
		if (lv->mcur > 0)
			lv->mcur--;
		else
			lv->in_ms = 0;
		break;
	case TA_PAGE_DOWN: lv->mcur = lv->mcur + page < lv->nms ? lv->mcur + page : lv->nms - 1; break;
	case TA_PAGE_UP:
		if (lv->mcur == 0)
			lv->in_ms = 0;
		lv->mcur = lv->mcur - page > 0 ? lv->mcur - page : 0;
		break;
	case TA_END: lv->mcur = lv->nms - 1; break;
	case TA_HOME: lv->in_ms = 0; return 0;   /* the top of the duty items */
	default: return 0;
	}
	return 1;
}

static int go(struct tui *t, struct list_view *lv, enum tui_action a)
{
	int page = list_page(t, lv);
	if (go_measures(t, lv, a)) {
		load_detail(t, lv);
		return 1;
	}
	switch (a) {
	case TA_DOWN:
		if (lv->cur + 1 < lv->nrows)
			lv->cur++;
		else
			shift(t, lv, 1);
		break;
	case TA_UP:
		if (lv->cur > 0)
			lv->cur--;
		else
			shift(t, lv, -1);
		break;
	case TA_PAGE_DOWN:
		if (lv->nrows < page || shift(t, lv, page) == 0)
			lv->cur = lv->nrows > 0 ? lv->nrows - 1 : 0;
		break;
	case TA_PAGE_UP:
		if (shift(t, lv, -page) == 0)
			lv->cur = 0;
		break;
	case TA_HOME: window_at(t, lv, NULL, 0); break;
	case TA_END: {
		struct page_item *rows = xcalloc((size_t)page, sizeof *rows);
		int n = fetch(t, lv, NULL, -1, 0, page, rows);
		set_rows(lv, rows, n, n - 1);
		break;
	}
	default: return 0;
	}
	load_detail(t, lv);
	return 1;
}

/* ---- the view ---- */

static void *open_common(struct tui *t, long long org_id, long long person_id)
{
	struct list_view *lv = xcalloc(1, sizeof *lv);
	lv->sc.status = -1;
	lv->sc.org_id = org_id;
	lv->sc.person_id = person_id;
	if (person_id) {
		lv->sc.cache = store_page_cache_new();
		lv->person_name = qd_person_ref(t->q, person_id);   /* 王伟（组织委员） */
	}
	list_select(t, lv, 0);
	return lv;
}

static void *list_open(struct tui *t, long long org_id)
{
	return open_common(t, org_id, 0);
}

static void *checklist_open(struct tui *t, long long person_id)
{
	return open_common(t, 0, person_id);
}

static void list_close(void *st)
{
	struct list_view *lv = st;
	page_items_clear(lv->rows, lv->nrows);
	free(lv->rows);
	store_page_cache_free(&lv->sc.cache);
	item_clear(&lv->detail);
	notes_free(lv->notes, lv->nnotes);
	free(lv->search);
	free(lv->category);
	free(lv->owner_name);
	free(lv->person_name);
	free(lv->search_before);
	page_items_clear(lv->ms, lv->nms);
	free(lv->ms);
	free(lv->ms_problem);
	free(lv->reason);
	list_marks_clear(lv);
	free(lv);
}

static void list_reload_op(struct tui *t, void *st)
{
	list_reload(t, st);
}

/* Columns: which, how wide, from what width of screen on. */
enum col { C_LIST, C_SEQ, C_CAT, C_CONTENT, C_OWNER, C_LEAD, C_DUE, C_STATUS, C_FLAGS, C__N };
struct colspec {
	enum col c;
	int w, min_cols, checklist;   /* checklist: 0 both, 1 only, -1 never */
	enum msg_id head;
	char align;
};
static const struct colspec cols[] = {
	{C_LIST, 10, 0, 1, M_TUI_COL_LIST, 'l'},
	{C_SEQ, 4, 0, 0, M_TUI_COL_SEQ, 'r'},
	{C_CAT, 8, 0, -1, M_SHOW_CATEGORY, 'l'},
	{C_CONTENT, 0, 0, 0, M_SHOW_CONTENT, 'l'},
	{C_OWNER, 8, 0, 0, M_SHOW_OWNER, 'l'},
	{C_LEAD, 8, 80, 1, M_SHOW_LEAD, 'l'},
	{C_DUE, 10, 0, 0, M_SHOW_DUE, 'l'},
	{C_STATUS, 6, 0, 0, M_SHOW_STATUS, 'l'},
	{C_FLAGS, 8, 80, 0, M_TUI_COL_FLAGS, 'l'},
};

static int col_on(const struct colspec *c, const struct tui *t, const struct list_view *lv)
{
	if (c->checklist == 1 && !lv->sc.person_id)
		return 0;
	if (c->checklist == -1 && lv->sc.person_id)
		return 0;
	return t->cols >= c->min_cols;
}

static const char *cell(const struct item *it, enum col c, char *buf, size_t size);

/* The widest value of column c among the rows on screen (and its head). */
static int widest(const struct list_view *lv, const struct colspec *cs)
{
	char buf[32];
	int most = text_width(msg(cs->head));
	for (int i = 0; i < lv->nrows + lv->nms; i++) {
		const struct item *it = i < lv->nrows ? &lv->rows[i].it : &lv->ms[i - lv->nrows].it;
		const char *v = cell(it, cs->c, buf, sizeof buf);
		int cw = v ? text_width(v) : 0;
		if (cw > most)
			most = cw;
	}
	return most;
}

/* x and width of every column for this screen.  The 责任内容 column takes
 * what the others leave; past CONTENT_EASY columns of it, the text columns
 * (list, category, owner, lead) grow to their widest value on screen, each
 * by at most one share of the surplus while 责任内容 keeps three: a wide
 * screen shows whole names, a narrow one cuts the content first. */
enum { CONTENT_EASY = 40, CONTENT_SHARES = 3 };

static void col_x(const struct tui *t, const struct list_view *lv, int *x, int *w)
{
	int fixed = 2, want[C__N] = {0}, growers = 0;
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++) {
		enum col c = cols[i].c;
		w[c] = cols[i].w;
		if (!col_on(&cols[i], t, lv) || c == C_CONTENT)
			continue;
		fixed += cols[i].w + 1;
		if (c == C_LIST || c == C_CAT || c == C_OWNER || c == C_LEAD) {
			int most = widest(lv, &cols[i]);
			want[c] = most > cols[i].w ? most - cols[i].w : 0;
			growers += want[c] > 0;
		}
	}
	int surplus = t->cols - fixed - 1 - CONTENT_EASY;
	if (surplus > 0 && growers > 0) {
		int share = surplus / (growers + CONTENT_SHARES);
		for (int c = 0; c < C__N; c++) {
			int grow = want[c] < share ? want[c] : share;
			w[c] += grow;
			fixed += grow;
		}
	}
	int pos = 2;
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++) {
		enum col c = cols[i].c;
		if (!col_on(&cols[i], t, lv)) {
			x[c] = -1;
			w[c] = 0;
			continue;
		}
		if (c == C_CONTENT)
			w[c] = t->cols - fixed - 1;
		if (w[c] < 1)
			w[c] = 1;
		x[c] = pos;
		pos += w[c] + 1;
	}
}

static const char *cell(const struct item *it, enum col c, char *buf, size_t size)
{
	switch (c) {
	case C_LIST: return it->org_name;
	case C_SEQ: snprintf(buf, size, "%d", it->seq); return buf;
	case C_CAT: return it->category;
	case C_CONTENT: return it->content;
	case C_OWNER: return it->owner_name;
	case C_LEAD: return it->lead_name;
	case C_DUE: return !str_empty(it->due) ? it->due : it->due_text;
	case C_STATUS: return status_label(it->status);
	default: return "";
	}
}

static void draw_row(struct tui *t, const struct item *it, int sel, int y, const int *x,
		     const int *w)
{
	enum tui_style st = tui_item_style(it->status, it->flags);
	attr_t base = sel ? tui_attr(t, TS_SELECTED) : it->status == ST_CANCELLED ? tui_attr(t, TS_DIM) : A_NORMAL;
	tui_fill(y, 0, t->cols, base);
	tui_put(y, 0, 2, sel ? ">" : "", base);
	char buf[32];
	for (size_t k = 0; k < ARRAY_SIZE(cols); k++) {
		enum col c = cols[k].c;
		if (x[c] < 0)
			continue;
		attr_t a = base;
		if (c == C_STATUS || c == C_FLAGS || (c == C_DUE && st == TS_OVERDUE))
			a |= tui_attr(t, st);
		if (c == C_FLAGS) {
			char *f = flags_label(it->flags);
			tui_put(y, x[c], w[c], f, a);
			free(f);
		} else if (cols[k].align == 'r') {
			tui_put_right(y, x[c], w[c], cell(it, c, buf, sizeof buf), a);
		} else {
			tui_put(y, x[c], w[c], cell(it, c, buf, sizeof buf), a);
		}
	}
}

/* Lines of the detail pane for the selected item. */
static int detail_lines(struct tui *t, struct list_view *lv, int width, char ***out)
{
	struct strbuf b = {0};
	const struct item *it = &lv->detail;
	char *flags = flags_label(it->flags);
	sb_printf(&b, "%s\n", it->content ? it->content : "");
	sb_printf(&b, "%s：%s  %s：%s  %s：%s%s%s%s  %s：%s%s%s\n", msg(M_SHOW_OWNER),
		  str_empty(it->owner_name) ? msg(M_NONE) : it->owner_name, msg(M_SHOW_LEAD),
		  str_empty(it->lead_name) ? msg(M_NONE) : it->lead_name, msg(M_SHOW_DUE),
		  str_empty(it->due) ? "" : it->due, str_empty(it->due_text) ? "" : "（",
		  str_empty(it->due_text) ? "" : it->due_text, str_empty(it->due_text) ? "" : "）",
		  msg(M_SHOW_STATUS), status_label(it->status), *flags ? " " : "", flags);
	free(flags);
	struct strbuf periods = {0};   /* a recurring item's periods (period.h) */
	if (qd_item_period_line(t->q, it->id, it->year, 0, &periods))
		sb_printf(&b, "%s：%s\n", msg(M_SHOW_PERIODS), periods.s);
	sb_free(&periods);
	if (!str_empty(it->measures))
		sb_printf(&b, "%s：%s\n", msg(M_SHOW_MEASURES), it->measures);
	if (!str_empty(it->standard))
		sb_printf(&b, "%s：%s\n", msg(M_SHOW_STANDARD), it->standard);
	if (lv->in_ms && lv->ms_problem)
		sb_printf(&b, "%s\n", lv->ms_problem);
	if (lv->reason)
		sb_printf(&b, "%s\n", lv->reason);
	sb_printf(&b, "%s：", msg(M_SHOW_NOTES));
	if (lv->nnotes == 0)
		sb_puts(&b, msg(M_SHOW_NO_NOTES));
	for (int i = lv->nnotes - 1; i >= 0; i--)   /* newest first */
		sb_printf(&b, "\n  %s %s：%s", lv->notes[i].on_date,
			  lv->notes[i].person_name ? lv->notes[i].person_name : "", lv->notes[i].text);
	char *clean = text_sanitize(b.s, 1);
	sb_free(&b);
	int n = text_wrap(clean, width, out);
	free(clean);
	(void)t;
	return n;
}

static void draw_detail(struct tui *t, struct list_view *lv, int y, int h)
{
	char title[160];
	if (lv->have_detail)
		snprintf(title, sizeof title, msg(M_TUI_DETAIL_TITLE), lv->detail.id,
			 lv->detail.org_name ? lv->detail.org_name : "", lv->detail.seq);
	else
		snprintf(title, sizeof title, "%s", msg(M_TUI_DETAIL));
	tui_rule(y, 0, t->cols, title, tui_attr(t, TS_DIM));
	if (!lv->have_detail)
		return;
	char **lines;
	int n = detail_lines(t, lv, t->cols - 2, &lines);
	for (int i = 0; i < h - 1 && i < n; i++) {
		int last = i == h - 2 && n > h - 1;
		char *line = last ? xasprintf("%s…", lines[i]) : xstrdup(lines[i]);
		tui_put(y + 1 + i, 1, t->cols - 2, line, A_NORMAL);
		free(line);
	}
	text_lines_free(lines, n);
}

static void list_draw(struct tui *t, void *st, int y, int h)
{
	struct list_view *lv = st;
	struct layout L = layout(t, lv, y, h);
	int x[C__N], w[C__N];
	col_x(t, lv, x, w);
	if (L.title >= 0) {
		char *title = xasprintf(msg(M_TUI_CHECKLIST_TITLE), lv->person_name ? lv->person_name : "",
					t->q->year);
		tui_put(L.title, 0, t->cols, title, tui_attr(t, TS_KEY));
		free(title);
	}
	tui_fill(L.head, 0, t->cols, tui_attr(t, TS_COLHEAD));
	for (size_t k = 0; k < ARRAY_SIZE(cols); k++) {
		enum col c = cols[k].c;
		if (x[c] < 0)
			continue;
		if (cols[k].align == 'r')
			tui_put_right(L.head, x[c], w[c], msg(cols[k].head), tui_attr(t, TS_COLHEAD));
		else
			tui_put(L.head, x[c], w[c], msg(cols[k].head), tui_attr(t, TS_COLHEAD));
	}
	if (lv->nrows == 0) {
		const char *empty = lv->search ? msg(M_TUI_NOT_FOUND)
				    : (lv->sc.status >= 0 || lv->sc.owner_id || lv->sc.overdue || lv->category)
				    ? msg(M_TUI_NONE_MATCH)
				    : lv->sc.org_id || lv->sc.person_id ? msg(M_TUI_LIST_EMPTY) : msg(M_TUI_NO_ORG);
		tui_put(L.list_y, 2, t->cols - 2, empty, tui_attr(t, TS_DIM));
	}
	for (int i = 0; i < lv->nrows && i < L.list_h; i++) {
		draw_row(t, &lv->rows[i].it, !lv->in_ms && i == lv->cur, L.list_y + i, x, w);
		if (lv->nmarks && list_marked(lv, lv->rows[i].it.id) >= 0)   /* multi-select */
			tui_put(L.list_y + i, 1, 1, "*", tui_attr(t, !lv->in_ms && i == lv->cur
								     ? TS_SELECTED : TS_KEY));
	}
	if (L.ms_h > 0) {
		char rule[96];
		snprintf(rule, sizeof rule, msg(M_PBT_CHECKLIST_SECTION), lv->nms);
		tui_rule(L.ms_rule, 0, t->cols, rule, tui_attr(t, TS_DIM));
		if (lv->mcur < lv->mtop)
			lv->mtop = lv->mcur;
		if (lv->mcur >= lv->mtop + L.ms_h)
			lv->mtop = lv->mcur - L.ms_h + 1;
		if (lv->mtop < 0)
			lv->mtop = 0;
		for (int i = 0; i < L.ms_h && lv->mtop + i < lv->nms; i++)
			draw_row(t, &lv->ms[lv->mtop + i].it, lv->in_ms && lv->mtop + i == lv->mcur,
				 L.ms_y + i, x, w);
	}
	if (L.detail_h > 0)
		draw_detail(t, lv, L.detail_y, L.detail_h);
}

static int list_act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct list_view *lv = st;
	int m = list_mark_act(t, lv, a, arg);
	if (m == LIST_MARK_NEXT)
		go(t, lv, TA_DOWN);
	if (m != TUI_PASS)
		return TUI_DONE;
	if (go(t, lv, a))
		return TUI_DONE;
	if (a == TA_ENTER) {
		struct page_item *r = list_current(lv);
		if (r)
			tui_push_view(t, &tui_pager_ops, r->it.id);
		return TUI_DONE;
	}
	return list_item_act(t, lv, a, arg);
}

static void list_mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	struct list_view *lv = st;
	(void)col;
	if (wheel) {
		for (int i = 0; i < 3; i++)
			go(t, lv, wheel < 0 ? TA_UP : TA_DOWN);
		return;
	}
	struct layout L = layout(t, lv, t->body_y, t->body_h);
	int i = t->body_y + row - L.list_y;
	int m = t->body_y + row - L.ms_y + lv->mtop;
	if (i >= 0 && i < lv->nrows && i < L.list_h) {
		lv->cur = i;
		lv->in_ms = 0;
		load_detail(t, lv);
	} else if (L.ms_h > 0 && t->body_y + row >= L.ms_y && t->body_y + row < L.ms_y + L.ms_h &&
		   m >= 0 && m < lv->nms) {
		lv->mcur = m;
		lv->in_ms = 1;
		load_detail(t, lv);
	}
}

static void list_summary(struct tui *t, void *st, struct strbuf *out)
{
	struct list_view *lv = st;
	int base = lv->counts.total - lv->counts.cancelled;
	(void)t;
	sb_printf(out, msg(M_TUI_SUMMARY), lv->counts.total, lv->counts.overdue,
		  base > 0 ? (int)(100.0 * lv->counts.done / base + 0.5) : 0);
}

static long long list_selected(struct tui *t, void *st)
{
	struct page_item *r = list_current(st);
	(void)t;
	return r ? r->it.id : 0;
}

static void list_status(struct tui *t, void *st, struct strbuf *out)
{
	struct list_view *lv = st;
	(void)t;
	int any = lv->sc.status >= 0 || lv->sc.owner_id || lv->sc.overdue || lv->category ||
		  lv->search;
	if (lv->nmarks) {   /* multi-select (tui_mark.c) */
		sb_printf(out, msg(M_RS_MARKED), lv->nmarks);
		sb_puts(out, "  ");
	}
	if (any)
		sb_puts(out, msg(M_TUI_FILTERS));
	if (lv->sc.status >= 0)
		sb_printf(out, " %s=%s", msg(M_SHOW_STATUS), status_label((enum item_status)lv->sc.status));
	if (lv->sc.owner_id)
		sb_printf(out, " %s=%s", msg(M_SHOW_OWNER), lv->owner_name ? lv->owner_name : "");
	if (lv->sc.overdue)
		sb_printf(out, " %s", msg(M_TUI_ONLY_OVERDUE));
	if (lv->category)
		sb_printf(out, " %s=%s", msg(M_SHOW_CATEGORY), lv->category);
	if (lv->search)
		sb_printf(out, " %s“%s”", msg(M_TUI_K_SEARCH), lv->search);
	if (lv->sc.sort != PAGE_SORT_SEQ) {
		static const enum msg_id sorts[] = {M_TUI_SORT_SEQ, M_TUI_SORT_DUE, M_TUI_SORT_STATUS};
		sb_printf(out, "%s%s%s", any ? "  " : "", msg(M_TUI_SORTED_BY), msg(sorts[lv->sc.sort]));
		any = 1;
	}
	if (any)
		sb_printf(out, "  %s", msg(M_TUI_CLEAR_HINT));
	else
		sb_puts(out, msg(M_TUI_LIST_TIP));
}

static void list_print(struct tui *t, void *st, struct tui_print_request *r)
{
	struct list_view *lv = st;
	struct page_item *cur = list_current(lv);
	(void)t;
	/* a checklist's person, else the selected item's owner */
	r->person_id = lv->sc.person_id ? lv->sc.person_id : cur ? cur->it.owner_id : 0;
	r->org_id = lv->sc.org_id;
	r->item_id = cur ? cur->it.id : 0;
}

const struct tui_view_ops tui_list_ops = {
	"list", list_open, list_close, list_reload_op, list_draw, list_act, list_mouse,
	list_summary, list_selected, list_status, list_print,
};

const struct tui_view_ops tui_checklist_ops = {
	"checklist", checklist_open, list_close, list_reload_op, list_draw, list_act, list_mouse,
	list_summary, list_selected, list_status, list_print,
};

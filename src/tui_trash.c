/* tui_trash.c — the 回收站 (issue 14.4): a view pushed over an item list
 * (D, or `:trash`) listing the working year's deleted items with when and
 * by whom each was deleted (store_item_trash, as `item list --deleted`);
 * Enter or r brings the selected one back through the model
 * (qd_item_restore, audited as 'restore'), Esc goes back to the list. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/store.h"
#include "qingdan/store_trash.h"
#include "qingdan/tui_list.h"

/* the columns of store_item_trash */
enum { TC_ID, TC_ORG, TC_YEAR, TC_SEQ, TC_CATEGORY, TC_CONTENT, TC_OWNER, TC_STATUS,
       TC_DELETED_AT, TC_DELETED_BY, TC__N };

struct trash_row {
	long long id;
	char *col[TC__N];
};

struct trash {
	struct rowsink sink;       /* first: the store's sink is the view */
	struct trash_row *rows;
	int n, cap;
	struct tui_scroll sc;
};

static void trash_header(struct rowsink *s, int ncol, const char *const *names)
{
	(void)s;
	(void)ncol;
	(void)names;
}

static void trash_row(struct rowsink *s, const char *const *vals, const char *json)
{
	struct trash *tr = (struct trash *)s;
	(void)json;
	if (tr->n == tr->cap) {
		tr->cap = tr->cap ? 2 * tr->cap : 16;
		tr->rows = xrealloc(tr->rows, (size_t)tr->cap * sizeof *tr->rows);
	}
	struct trash_row *r = &tr->rows[tr->n++];
	r->id = atoll(vals[TC_ID]);
	for (int i = 0; i < TC__N; i++)
		r->col[i] = xstrdup(vals[i]);
}

static void rows_clear(struct trash *tr)
{
	for (int i = 0; i < tr->n; i++)
		for (int c = 0; c < TC__N; c++)
			free(tr->rows[i].col[c]);
	tr->n = 0;
}

/* Read again, keeping the selection by id (or the row in its place). */
static void trash_load(struct tui *t, struct trash *tr)
{
	long long keep = tr->sc.cur >= 0 && tr->sc.cur < tr->n ? tr->rows[tr->sc.cur].id : 0;
	int at = tr->sc.cur;
	rows_clear(tr);
	struct strbuf err = {0};
	if (store_item_trash(t->q->db, t->q->year, 0, 0, &tr->sink, &err) != QD_OK)
		tui_error(t, &err);
	sb_free(&err);
	tr->sc.n = tr->n;
	tr->sc.cur = at;
	for (int i = 0; keep && i < tr->n; i++)
		if (tr->rows[i].id == keep)
			tr->sc.cur = i;
	if (tr->sc.cur >= tr->n)
		tr->sc.cur = tr->n - 1;
	if (tr->sc.cur < 0)
		tr->sc.cur = 0;
}

static void *trash_open(struct tui *t, long long arg)
{
	struct trash *tr = xcalloc(1, sizeof *tr);
	(void)arg;
	tr->sink.header = trash_header;
	tr->sink.row = trash_row;
	trash_load(t, tr);
	return tr;
}

static void trash_close(void *st)
{
	struct trash *tr = st;
	rows_clear(tr);
	free(tr->rows);
	free(tr);
}

static void trash_reload(struct tui *t, void *st)
{
	trash_load(t, st);
}

static void trash_draw(struct tui *t, void *st, int y, int h)
{
	struct trash *tr = st;
	static const struct {
		int col, w;
		const char *head;      /* a column key (msg_column) */
	} cols[] = {
		{TC_ID, 5, "id"}, {TC_ORG, 10, "org"}, {TC_CONTENT, 0, "content"},
		{TC_OWNER, 8, "owner"}, {TC_DELETED_AT, 20, "deleted_at"}, {TC_DELETED_BY, 8, "deleted_by"},
	};
	int fixed = 2, x[ARRAY_SIZE(cols)], w[ARRAY_SIZE(cols)];
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++)
		fixed += cols[i].w + 1;
	for (size_t i = 0, pos = 2; i < ARRAY_SIZE(cols); i++) {
		w[i] = cols[i].w ? cols[i].w : t->cols - fixed - 1;
		if (w[i] < 1)
			w[i] = 1;
		x[i] = (int)pos;
		pos += (size_t)w[i] + 1;
	}
	char *title = xasprintf(msg(M_RS_TRASH_HEAD), t->q->year, tr->n);
	tui_put(y, 0, t->cols, title, tui_attr(t, TS_KEY));
	free(title);
	tui_fill(y + 1, 0, t->cols, tui_attr(t, TS_COLHEAD));
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++)
		tui_put(y + 1, x[i], w[i], msg_column(cols[i].head), tui_attr(t, TS_COLHEAD));
	int page = h - 2;
	if (tr->n == 0) {
		char *empty = xasprintf(msg(M_RS_TRASH_EMPTY), t->q->year);
		tui_put(y + 2, 2, t->cols - 2, empty, tui_attr(t, TS_DIM));
		free(empty);
		return;
	}
	tui_scroll_fit(&tr->sc, page);
	for (int r = 0; r < page && tr->sc.top + r < tr->n; r++) {
		int i = tr->sc.top + r, sel = i == tr->sc.cur;
		attr_t base = sel ? tui_attr(t, TS_SELECTED) : A_NORMAL;
		tui_fill(y + 2 + r, 0, t->cols, base);
		tui_put(y + 2 + r, 0, 2, sel ? ">" : "", base);
		for (size_t c = 0; c < ARRAY_SIZE(cols); c++)
			tui_put(y + 2 + r, x[c], w[c], tr->rows[i].col[cols[c].col], base);
	}
}

static void restore(struct tui *t, struct trash *tr)
{
	if (tui_refuse_readonly(t))
		return;
	if (tr->n == 0 || tr->sc.cur < 0 || tr->sc.cur >= tr->n) {
		tui_error_text(t, msg(M_TUI_NO_SELECTION));
		return;
	}
	long long id = tr->rows[tr->sc.cur].id;
	struct strbuf err = {0};
	if (qd_item_restore(t->q, id, &err) == QD_OK) {
		tui_changed(t);   /* every list shows it again; this view reloads */
		tui_say(t, msg(M_RS_RESTORED), id);
	} else {
		tui_error(t, &err);
		tui_changed(t);
	}
	sb_free(&err);
}

static int trash_act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct trash *tr = st;
	(void)arg;
	tr->sc.n = tr->n;
	if (tui_scroll_act(&tr->sc, a, t->body_h > 3 ? t->body_h - 2 : 1))
		return TUI_DONE;
	switch (a) {
	case TA_ENTER:
	case TA_RESTORE: restore(t, tr); return TUI_DONE;
	case TA_TRASH: return TUI_DONE;   /* already here */
	default: return TUI_PASS;
	}
}

static void trash_summary(struct tui *t, void *st, struct strbuf *out)
{
	struct trash *tr = st;
	(void)t;
	sb_printf(out, "%s %d", msg(M_RS_TRASH_TITLE), tr->n);
}

static long long trash_selected(struct tui *t, void *st)
{
	struct trash *tr = st;
	(void)t;
	return tr->n && tr->sc.cur < tr->n ? tr->rows[tr->sc.cur].id : 0;
}

static void trash_status(struct tui *t, void *st, struct strbuf *out)
{
	(void)t;
	(void)st;
	sb_puts(out, msg(M_RS_TRASH_HINT));
}

const struct tui_view_ops tui_trash_ops = {
	"trash", trash_open, trash_close, trash_reload, trash_draw, trash_act, NULL,
	trash_summary, trash_selected, trash_status, NULL,
};

/* tui_stats.c — the statistics view (tab 6): completion as bar charts per
 * list (党组, 机关党委) and per branch, or per owner (S switches), with
 * overdue counts, and above them the year's totals with the pledges signed
 * of issued.  Enter on a row opens that list or that person's checklist.
 *
 * The numbers come from store_stats(), the same query as `qingdan stats`,
 * so the screen and the command line never disagree. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/store.h"
#include "qingdan/store_page.h"
#include "qingdan/tui_view.h"

struct stat_row {
	char *label;
	long long id;
	int header, branch, total, done, overdue, late, completion;
};

struct stats_view {
	int by_person;
	struct stat_row *rows;
	int n;
	struct tui_scroll sc;
	int issued, signed_;
	struct item_counts year;
};

struct collect {
	struct rowsink base;
	struct stats_view *sv;
	struct tui *t;
	int nbranches;
	struct stat_row *lists;
	int nlists;
};

static void add_row(struct stats_view *sv, const struct stat_row *r, const char *label)
{
	sv->rows = xrealloc(sv->rows, (size_t)(sv->n + 1) * sizeof *sv->rows);
	sv->rows[sv->n] = *r;
	sv->rows[sv->n].label = xstrdup(label ? label : r->label ? r->label : "");
	sv->n++;
}

static void sink_header(struct rowsink *s, int ncol, const char *const *names)
{
	(void)s;
	(void)ncol;
	(void)names;
}

/* Columns: id group total done overdue late completion pledges_signed pledges_issued */
static void sink_row(struct rowsink *s, const char *const *v, const char *json)
{
	struct collect *c = (struct collect *)s;
	(void)json;
	struct stat_row r = {0};
	r.id = atoll(v[0]);
	r.total = atoi(v[2]);
	r.done = atoi(v[3]);
	r.overdue = atoi(v[4]);
	r.late = atoi(v[5]);
	r.completion = atoi(v[6]);
	if (c->sv->by_person) {
		add_row(c->sv, &r, v[1]);
		return;
	}
	const struct org *o = tui_org(c->t, r.id);
	r.branch = o && str_eq(o->level, "branch");
	c->nbranches += r.branch;
	c->lists = xrealloc(c->lists, (size_t)(c->nlists + 1) * sizeof *c->lists);
	c->lists[c->nlists] = r;
	c->lists[c->nlists].label = xstrdup(v[1]);
	c->nlists++;
}

static void clear_rows(struct stats_view *sv)
{
	for (int i = 0; i < sv->n; i++)
		free(sv->rows[i].label);
	free(sv->rows);
	sv->rows = NULL;
	sv->n = 0;
}

static void reload(struct tui *t, void *st)
{
	struct stats_view *sv = st;
	struct collect c;
	memset(&c, 0, sizeof c);
	c.base.header = sink_header;
	c.base.row = sink_row;
	c.sv = sv;
	c.t = t;
	clear_rows(sv);
	struct strbuf err = {0};
	struct stat_row head = {0};
	head.header = 1;
	add_row(sv, &head, msg(sv->by_person ? M_TUI_STATS_BY_PERSON : M_TUI_STATS_BY_LIST));
	if (store_stats(t->q->db, t->q->year, t->today, sv->by_person ? "person" : "org", &c.base,
			&err) != QD_OK)
		tui_error(t, &err);
	sb_free(&err);
	if (!sv->by_person) {
		for (int i = 0; i < c.nlists; i++)
			if (!c.lists[i].branch)
				add_row(sv, &c.lists[i], NULL);
		if (c.nbranches) {
			add_row(sv, &head, msg(M_TUI_STATS_BY_BRANCH));
			for (int i = 0; i < c.nlists; i++)
				if (c.lists[i].branch)
					add_row(sv, &c.lists[i], NULL);
		}
		for (int i = 0; i < c.nlists; i++)
			free(c.lists[i].label);
		free(c.lists);
	}
	struct item_scope year = {0};
	year.year = t->q->year;
	year.status = -1;
	year.today = t->today;
	year.soon = t->soon;
	store_page_item_counts(t->q->db, &year, &sv->year, &err);
	sb_free(&err);
	store_page_pledge_totals(t->q->db, t->q->year, &sv->issued, &sv->signed_);
	sv->sc.n = sv->n;
	tui_scroll_fit(&sv->sc, t->lines - 6);
}

static void *open_stats(struct tui *t, long long arg)
{
	struct stats_view *sv = xcalloc(1, sizeof *sv);
	(void)arg;
	reload(t, sv);
	sv->sc.cur = 1;
	return sv;
}

static void close_stats(void *st)
{
	struct stats_view *sv = st;
	clear_rows(sv);
	free(sv);
}

static void draw(struct tui *t, void *st, int y, int h)
{
	struct stats_view *sv = st;
	int W = t->cols;
	int base = sv->year.total - sv->year.cancelled;
	/* items counted and the rate both without the cancelled, as `stats` */
	char *note = sv->year.cancelled > 0 ? xasprintf(msg(M_SCR_STATS_NOTE), sv->year.cancelled)
					     : xstrdup("");
	char *line = xasprintf(msg(M_SCR_STATS_YEAR), t->q->year, base, note, sv->year.done,
			       sv->year.overdue, base > 0 ? (int)(100.0 * sv->year.done / base + 0.5) : 0,
			       sv->signed_, sv->issued);
	free(note);
	tui_put(y, 1, W - 1, line, tui_attr(t, TS_KEY));
	free(line);
	int rows = h - 1;
	tui_scroll_fit(&sv->sc, rows);
	int wl = W >= 90 ? 28 : 18, wn = 24;
	int xbar = 2 + wl + 1, wbar = W - xbar - wn - 2;
	if (wbar < 4)
		wbar = 4;
	int xnum = xbar + wbar + 1;
	for (int r = 0; r < rows && sv->sc.top + r < sv->n; r++) {
		int i = sv->sc.top + r, ry = y + 1 + r;
		const struct stat_row *s = &sv->rows[i];
		if (s->header) {
			tui_rule(ry, 0, W, s->label, tui_attr(t, TS_COLHEAD));
			continue;
		}
		int sel = i == sv->sc.cur;
		attr_t a = sel ? tui_attr(t, TS_SELECTED) : A_NORMAL;
		tui_fill(ry, 0, W, a);
		tui_put(ry, 0, 2, sel ? ">" : "", a);
		tui_put(ry, 2, wl, s->label, a);
		int pct = s->completion < 0 ? 0 : s->completion > 100 ? 100 : s->completion;
		int full = (wbar * pct + 50) / 100;
		tui_fill(ry, xbar, full, tui_attr(t, TS_BAR));
		struct strbuf dots = {0};
		for (int k = full; k < wbar; k++)
			sb_putc(&dots, '.');
		if (full < wbar)
			tui_put(ry, xbar + full, wbar - full, dots.s, tui_attr(t, TS_BAR_EMPTY));
		sb_free(&dots);
		char *nums = xasprintf(msg(M_TUI_STATS_ROW), pct, s->done, s->total, s->overdue);
		tui_put(ry, xnum, wn, nums, s->overdue ? a | tui_attr(t, TS_OVERDUE) : a);
		free(nums);
	}
}

static void open_row(struct tui *t, struct stats_view *sv)
{
	if (sv->sc.cur < 0 || sv->sc.cur >= sv->n)
		return;
	const struct stat_row *s = &sv->rows[sv->sc.cur];
	if (s->header || s->id <= 0)
		return;
	if (sv->by_person) {
		tui_push_view(t, &tui_checklist_ops, s->id);
		return;
	}
	char cmd[48];
	snprintf(cmd, sizeof cmd, "branch #%lld", s->id);
	if (s->branch)
		tui_command(t, cmd);
	else if (s->id == t->party_org)
		tui_do(t, TA_VIEW_PARTY, NULL);
	else if (s->id == t->committee_org)
		tui_do(t, TA_VIEW_COMMITTEE, NULL);
}

static int act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct stats_view *sv = st;
	(void)arg;
	if (tui_scroll_act(&sv->sc, a, t->lines - 6)) {
		/* skip section headers */
		if (sv->sc.cur < sv->n && sv->rows[sv->sc.cur].header) {
			int dir = a == TA_UP || a == TA_PAGE_UP ? -1 : 1;
			if (sv->sc.cur + dir >= 0 && sv->sc.cur + dir < sv->n)
				sv->sc.cur += dir;
		}
		return TUI_DONE;
	}
	switch (a) {
	case TA_SORT:
		sv->by_person = !sv->by_person;
		sv->sc.cur = 1;
		sv->sc.top = 0;
		reload(t, sv);
		tui_say(t, "%s", msg(sv->by_person ? M_TUI_STATS_BY_PERSON : M_TUI_STATS_BY_LIST));
		return TUI_DONE;
	case TA_ENTER:
		open_row(t, sv);
		return TUI_DONE;
	default: return TUI_PASS;
	}
}

static void mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	struct stats_view *sv = st;
	(void)col;
	if (wheel)
		tui_scroll_act(&sv->sc, wheel < 0 ? TA_UP : TA_DOWN, t->lines - 6);
	else if (row >= 1 && sv->sc.top + row - 1 < sv->n)
		sv->sc.cur = sv->sc.top + row - 1;
}

static void status(struct tui *t, void *st, struct strbuf *out)
{
	(void)t;
	(void)st;
	sb_puts(out, msg(M_TUI_STATS_TIP));
}

const struct tui_view_ops tui_stats_ops = {
	"stats", open_stats, close_stats, reload, draw, act, mouse, NULL, NULL, status, NULL,
};

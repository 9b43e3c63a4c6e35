/* tui_problem.c — tab 8, 问题整改 of the year: every problem of the
 * year (or of one org, b / `:branch NAME`), in org order then the day it
 * was raised, with its source, progress (measures done / measures), status
 * and what it waits for — an overdue measure (red, "逾期2"), a 回访 to
 * make ("待回访") or an unsatisfied one ("不满意") — written out as well as
 * coloured, so it reads the same under NO_COLOR.  A detail pane shows the
 * selected problem in full with its measures.
 *
 * Keys are the action table's (tui_action.h): Enter opens the problem
 * (tui_problem_show.c: its measures — Enter on one opens the item as
 * everywhere, s and n move it and note it as items are — and the 回访
 * history), a adds a problem, e edits, d deletes, m adds a measure
 * (admin), v records a 回访, c closes (the model's reason shown when it
 * may not) or, on a closed problem, reopens, f filters (status, source,
 * overdue; `:filter rectified`), F clears, b picks the org, y the year.
 * Everything is read through problem.h and re-read on reload; the dialogs
 * live in tui_problem_edit.c. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/text.h"
#include "tui_problem.h"

struct problem_view {
	struct problem_filter f;
	struct problem *ps;
	int n, cur, top;
	/* the detail pane: the selected problem's measures */
	long long ms_of;
	struct item *ms;
	int nms;
};

/* ---- reading ---- */

static void free_detail(struct problem_view *v)
{
	items_free(v->ms, v->nms);
	v->ms = NULL;
	v->nms = 0;
	v->ms_of = 0;
}

static struct problem *current(struct problem_view *v)
{
	return v->n && v->cur >= 0 && v->cur < v->n ? &v->ps[v->cur] : NULL;
}

static void load_detail(struct tui *t, struct problem_view *v)
{
	struct problem *p = current(v);
	if (p && p->id == v->ms_of)
		return;
	free_detail(v);
	if (!p)
		return;
	struct strbuf err = {0};
	if (qd_problem_measures(t->q, p->id, &v->ms, &v->nms, &err) != QD_OK) {
		tui_error(t, &err);
		v->ms = NULL;
		v->nms = 0;
	}
	v->ms_of = p->id;
	sb_free(&err);
}

static void reload(struct tui *t, struct problem_view *v)
{
	struct strbuf err = {0};
	long long keep = current(v) ? current(v)->id : 0;
	problems_free(v->ps, v->n);
	v->ps = NULL;
	v->n = 0;
	free_detail(v);
	if (v->f.org_id && !tui_org(t, v->f.org_id))
		v->f.org_id = 0;
	v->f.year = t->q->year;
	if (qd_problem_list(t->q, &v->f, &v->ps, &v->n, &err) != QD_OK) {
		tui_error(t, &err);
		v->ps = NULL;
		v->n = 0;
	}
	sb_free(&err);
	if (v->cur >= v->n)
		v->cur = v->n ? v->n - 1 : 0;
	for (int i = 0; i < v->n; i++)
		if (keep && v->ps[i].id == keep)
			v->cur = i;
	load_detail(t, v);
}

/* ---- layout ---- */

struct layout {
	int title, head, list_y, list_h, detail_y, detail_h;
};

static struct layout layout(int y, int h)
{
	struct layout L;
	int avail = h - 2;
	L.title = y;
	L.head = y + 1;
	L.detail_h = avail >= 11 ? (avail / 3 + 1 < 10 ? avail / 3 + 1 : 10) : 0;
	L.list_y = y + 2;
	L.list_h = avail - L.detail_h;
	if (L.list_h < 1)
		L.list_h = 1;
	L.detail_y = L.list_y + L.list_h;
	return L;
}

static int page_rows(const struct tui *t)
{
	int h = t->body_h > 0 ? t->body_h : (t->lines < TUI_MIN_LINES ? TUI_MIN_LINES : t->lines) - 4;
	return layout(0, h).list_h;
}

/* ---- drawing ---- */

/* The style of a problem's status cells: overdue first, then its state. */
static enum tui_style problem_style(const struct problem *p)
{
	if (p->status == PB_CLOSED)
		return TS_DONE;
	if (p->overdue_measures > 0)
		return TS_OVERDUE;
	if (p->status == PB_RECTIFIED)
		return p->needs_feedback && p->satisfied != 1 ? TS_DUE_SOON : TS_DONE;
	return TS_NORMAL;
}

/* What the problem waits for, in words ("逾期2", "待回访", "不满意"). */
static void problem_flags(const struct problem *p, char *buf, size_t size)
{
	buf[0] = '\0';
	if (p->status == PB_CLOSED)
		return;
	if (p->overdue_measures > 0)
		snprintf(buf, size, msg(M_PBT_FLAG_OVERDUE), p->overdue_measures);
	else if (p->needs_feedback && p->satisfied == 0)
		snprintf(buf, size, "%s", msg(M_PBT_FLAG_UNSATISFIED));
	else if (p->needs_feedback && p->satisfied != 1 && p->status == PB_RECTIFIED)
		snprintf(buf, size, "%s", msg(M_PBT_FLAG_FEEDBACK));
}

enum col { C_ID, C_ORG, C_DATE, C_SOURCE, C_TEXT, C_PROGRESS, C_STATUS, C_FLAGS, C__N };

static void columns(const struct tui *t, const struct problem_view *v, int *x, int *w)
{
	static const int width[C__N] = {4, 10, 10, 14, 0, 5, 6, 8};
	int fixed = 0;
	int on[C__N];
	for (int c = 0; c < C__N; c++) {
		on[c] = 1;
		if (c == C_ORG && (v->f.org_id || t->cols < 80))
			on[c] = 0;
		if (c == C_DATE && t->cols < 70)
			on[c] = 0;
		if (on[c] && c != C_TEXT)
			fixed += width[c] + 1;
	}
	int at = 1;
	for (int c = 0; c < C__N; c++) {
		x[c] = -1;
		w[c] = 0;
		if (!on[c])
			continue;
		w[c] = c == C_TEXT ? t->cols - fixed - 2 : width[c];
		if (w[c] < 4)
			w[c] = 4;
		x[c] = at;
		at += w[c] + 1;
	}
}

static void draw_problem(struct tui *t, const struct problem *p, int y, int selected,
			 const int *x, const int *w)
{
	enum tui_style st = problem_style(p);
	attr_t base = tui_attr(t, selected ? TS_SELECTED : TS_NORMAL);
	char id[24], prog[24], flags[48];
	snprintf(id, sizeof id, "%lld", p->id);
	snprintf(prog, sizeof prog, "%d/%d", p->done_measures, p->measures);
	problem_flags(p, flags, sizeof flags);
	const char *cells[C__N] = {id, p->org_name, p->raised_on, problem_source_label(p->source),
				   p->text, prog, problem_status_label(p->status), flags};
	tui_fill(y, 0, t->cols, base);
	tui_put(y, 0, 1, selected ? ">" : "", base);
	for (int c = 0; c < C__N; c++) {
		if (x[c] < 0)
			continue;
		attr_t a = base;
		if (c == C_PROGRESS || c == C_STATUS || c == C_FLAGS)
			a |= tui_attr(t, st);
		if (c == C_ID || c == C_PROGRESS)
			tui_put_right(y, x[c], w[c], cells[c] ? cells[c] : "", a);
		else
			tui_put(y, x[c], w[c], cells[c] ? cells[c] : "", a);
	}
}

const char *problem_feedback_line(const struct problem *p, char *buf, size_t size)
{
	if (!p->needs_feedback)
		snprintf(buf, size, "%s", msg(M_PBT_FB_NOT_NEEDED));
	else if (p->feedbacks == 0 || p->satisfied < 0)
		snprintf(buf, size, "%s", msg(M_PBT_FB_NONE));
	else
		snprintf(buf, size, msg(p->satisfied ? M_PBT_FB_YES : M_PBT_FB_NO), p->feedbacks);
	return buf;
}

static void draw_detail(struct tui *t, struct problem_view *v, int y, int h)
{
	struct problem *p = current(v);
	char title[256];
	if (p)
		snprintf(title, sizeof title, msg(M_PBT_DETAIL), p->id, problem_source_label(p->source),
			 p->org_name ? p->org_name : "");
	else
		snprintf(title, sizeof title, "%s", msg(M_TUI_DETAIL));
	tui_rule(y, 0, t->cols, title, tui_attr(t, TS_DIM));
	if (!p || h <= 1)
		return;
	struct strbuf b = {0};
	char fb[256];
	sb_printf(&b, "%s\n", p->text ? p->text : "");
	sb_printf(&b, "%s：%s", msg(M_PBT_RAISER),
		  str_empty(p->raiser_name) ? msg(M_PBT_ANONYMOUS) : p->raiser_name);
	if (!str_empty(p->contact))
		sb_printf(&b, "（%s）", p->contact);
	if (!str_empty(p->category))
		sb_printf(&b, "  %s：%s", msg(M_PBT_CATEGORY), p->category);
	if (p->meeting_id)
		sb_printf(&b, "  %s：#%lld", msg(M_PBT_MEETING), p->meeting_id);
	sb_printf(&b, "\n%s\n", problem_feedback_line(p, fb, sizeof fb));
	for (int i = 0; i < v->nms; i++) {
		const struct item *it = &v->ms[i];
		char *flags = flags_label(it->flags);
		sb_printf(&b, "%d. %s（%s，%s%s%s%s%s）\n", i + 1, it->content ? it->content : "",
			  str_empty(it->owner_name) ? msg(M_NONE) : it->owner_name,
			  str_empty(it->due) ? "" : it->due, str_empty(it->due) ? "" : " ",
			  status_label(it->status), *flags ? " " : "", flags);
		free(flags);
	}
	char *clean = text_sanitize(b.s, 1);
	sb_free(&b);
	char **lines;
	int n = text_wrap(clean, t->cols - 2, &lines);
	free(clean);
	for (int i = 0; i < h - 1 && i < n; i++) {
		int last = i == h - 2 && n > h - 1;
		char *line = last ? xasprintf("%s…", lines[i]) : xstrdup(lines[i]);
		tui_put(y + 1 + i, 1, t->cols - 2, line, A_NORMAL);
		free(line);
	}
	text_lines_free(lines, n);
}

static void problem_draw(struct tui *t, void *st, int y, int h)
{
	struct problem_view *v = st;
	struct layout L = layout(y, h);
	const struct org *o = v->f.org_id ? tui_org(t, v->f.org_id) : NULL;
	char *title = xasprintf(msg(M_PBT_TITLE), o ? o->name : msg(M_PBT_EVERY_ORG), t->q->year);
	int tw = tui_put(y, 0, t->cols, title, tui_attr(t, TS_NORMAL) | A_BOLD);
	free(title);
	const char *legend = msg(M_PBT_LEGEND);
	int lw = text_width(legend);
	if (t->cols - tw - 2 >= lw)
		tui_put_right(y, t->cols - lw, lw, legend, tui_attr(t, TS_DIM));
	int x[C__N], w[C__N];
	columns(t, v, x, w);
	static const enum msg_id heads[C__N] = {M_PBT_COL_ID, M_PBT_COL_ORG, M_PBT_COL_DATE,
						M_PBT_COL_SOURCE, M_PBT_COL_TEXT, M_PBT_COL_PROGRESS,
						M_PBT_COL_STATUS, M_PBT_COL_FLAGS};
	attr_t ha = tui_attr(t, TS_COLHEAD);
	tui_fill(L.head, 0, t->cols, ha);
	for (int c = 0; c < C__N; c++) {
		if (x[c] < 0)
			continue;
		if (c == C_ID || c == C_PROGRESS)
			tui_put_right(L.head, x[c], w[c], msg(heads[c]), ha);
		else
			tui_put(L.head, x[c], w[c], msg(heads[c]), ha);
	}
	if (v->n == 0) {
		int filtered = v->f.status >= 0 || v->f.source >= 0 || v->f.overdue;
		tui_put(L.list_y, 2, t->cols - 2, msg(filtered ? M_PBT_NONE_MATCH : M_PBT_EMPTY),
			tui_attr(t, TS_DIM));
	}
	if (v->cur < v->top)
		v->top = v->cur;
	if (v->cur >= v->top + L.list_h)
		v->top = v->cur - L.list_h + 1;
	if (v->top < 0)
		v->top = 0;
	for (int i = 0; i < L.list_h && v->top + i < v->n; i++)
		draw_problem(t, &v->ps[v->top + i], L.list_y + i, v->top + i == v->cur, x, w);
	if (L.detail_h > 0)
		draw_detail(t, v, L.detail_y, L.detail_h);
}

/* ---- the org and the filter ---- */

static void org_picked(struct tui *t, void *ctx, long long id, const char *label)
{
	struct problem_view *v = ctx;
	(void)label;
	v->f.org_id = id;
	v->cur = v->top = 0;
	reload(t, v);
}

static void pick_org(struct tui *t, struct problem_view *v, const char *arg)
{
	if (arg && *arg) {
		long long id;
		struct strbuf err = {0};
		if (qd_find_org(t->q, arg, &id, &err) == QD_OK && tui_org(t, id))
			org_picked(t, v, id, arg);
		else if (err.len)
			tui_error(t, &err);
		else {
			char *m = xasprintf(msg(M_ORG_NOT_FOUND), arg);
			tui_error_text(t, m);
			free(m);
		}
		sb_free(&err);
		return;
	}
	int n = t->norgs + 1;
	const char **labels = xcalloc((size_t)n, sizeof *labels);
	long long *ids = xcalloc((size_t)n, sizeof *ids);
	labels[0] = msg(M_PBT_EVERY_ORG);
	for (int i = 0; i < t->norgs; i++) {
		labels[i + 1] = t->orgs[i].name;
		ids[i + 1] = t->orgs[i].id;
	}
	struct tui_pick_cb cb = {org_picked, NULL, v};
	tui_pick_choice(t, msg(M_PBT_PICK_ORG), labels, ids, NULL, n, &cb);
	free(labels);
	free(ids);
}

/* A filter choice is one id: 0 none, 1 overdue, 100+status, 200+source. */
static void filter_set(struct tui *t, struct problem_view *v, long long id)
{
	v->f.status = -1;
	v->f.source = -1;
	v->f.overdue = 0;
	if (id == 1)
		v->f.overdue = 1;
	else if (id >= 100 && id < 100 + PB__COUNT)
		v->f.status = (int)(id - 100);
	else if (id >= 200 && id < 200 + SRC__COUNT)
		v->f.source = (int)(id - 200);
	v->cur = v->top = 0;
	reload(t, v);
}

static void filter_picked(struct tui *t, void *ctx, long long id, const char *label)
{
	(void)label;
	filter_set(t, ctx, id);
}

static void pick_filter(struct tui *t, struct problem_view *v, const char *arg)
{
	if (arg && *arg) {
		int s;
		if (strcmp(arg, "overdue") == 0 || strcmp(arg, msg(M_TUI_ONLY_OVERDUE)) == 0 ||
		    strcmp(arg, "逾期") == 0)
			filter_set(t, v, 1);
		else if ((s = problem_status_parse(arg)) >= 0)
			filter_set(t, v, 100 + s);
		else if ((s = problem_source_parse(arg)) >= 0)
			filter_set(t, v, 200 + s);
		else {
			char *m = xasprintf(msg(M_PBT_BAD_FILTER), arg);
			tui_error_text(t, m);
			free(m);
		}
		return;
	}
	enum { N = 2 + PB__COUNT + SRC__COUNT };
	const char *labels[N];
	char *owned[N];
	long long ids[N];
	int n = 0;
	memset(owned, 0, sizeof owned);
	labels[n] = msg(M_PBT_FILTER_ALL);
	ids[n++] = 0;
	labels[n] = msg(M_PBT_ONLY_OVERDUE);
	ids[n++] = 1;
	for (int s = 0; s < PB__COUNT; s++) {
		owned[n] = xasprintf(msg(M_PBT_FILTER_STATUS), problem_status_label((enum problem_status)s));
		labels[n] = owned[n];
		ids[n++] = 100 + s;
	}
	for (int s = 0; s < SRC__COUNT; s++) {
		owned[n] = xasprintf(msg(M_PBT_FILTER_SOURCE), problem_source_label((enum problem_source)s));
		labels[n] = owned[n];
		ids[n++] = 200 + s;
	}
	struct tui_pick_cb cb = {filter_picked, NULL, v};
	tui_pick_choice(t, msg(M_PBT_PICK_FILTER), labels, ids, NULL, n, &cb);
	for (int i = 0; i < n; i++)
		free(owned[i]);
}

/* ---- the view ---- */

static void *problem_open(struct tui *t, long long arg)
{
	struct problem_view *v = xcalloc(1, sizeof *v);
	struct problem_filter f = PROBLEM_FILTER_INIT;
	v->f = f;
	v->f.org_id = arg;
	reload(t, v);
	return v;
}

static void problem_close_view(void *st)
{
	struct problem_view *v = st;
	problems_free(v->ps, v->n);
	free_detail(v);
	free(v);
}

static void problem_reload(struct tui *t, void *st)
{
	reload(t, st);
}

static int need(struct tui *t, const struct problem *p)
{
	if (!p)
		tui_error_text(t, msg(M_PBT_NOTHING));
	return p != NULL;
}

static int problem_act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct problem_view *v = st;
	struct problem *p = current(v);
	int page = page_rows(t);
	switch (a) {
	case TA_DOWN: if (v->cur < v->n - 1) v->cur++; break;
	case TA_UP: if (v->cur > 0) v->cur--; break;
	case TA_PAGE_DOWN:
		v->cur = v->cur + page < v->n ? v->cur + page : v->n - 1;
		if (v->cur < 0)
			v->cur = 0;
		break;
	case TA_PAGE_UP: v->cur = v->cur - page > 0 ? v->cur - page : 0; break;
	case TA_HOME: v->cur = 0; break;
	case TA_END: v->cur = v->n ? v->n - 1 : 0; break;
	case TA_ENTER:
		if (need(t, p))
			tui_push_view(t, &tui_problem_show_ops, p->id);
		return TUI_DONE;
	case TA_ADD: problem_open_add(t, v->f.org_id); return TUI_DONE;
	case TA_EDIT: if (need(t, p)) problem_open_edit(t, p->id); return TUI_DONE;
	case TA_DELETE: if (need(t, p)) problem_open_delete(t, p->id); return TUI_DONE;
	case TA_MEASURE: if (need(t, p)) problem_open_measure(t, p->id); return TUI_DONE;
	case TA_FEEDBACK: if (need(t, p)) problem_open_feedback(t, p->id); return TUI_DONE;
	case TA_CLOSE: if (need(t, p)) problem_open_close(t, p->id, arg); return TUI_DONE;
	case TA_BRANCH: pick_org(t, v, arg); return TUI_DONE;
	case TA_FILTER: pick_filter(t, v, arg); return TUI_DONE;
	case TA_CLEAR_FILTER: filter_set(t, v, 0); return TUI_DONE;
	case TA_ASSIGN: case TA_STATUS: case TA_NOTE: case TA_SEARCH: case TA_SORT: case TA_ATTEND:
		tui_error_text(t, msg(M_PBT_TIP));
		return TUI_DONE;
	default: return TUI_PASS;
	}
	load_detail(t, v);
	return TUI_DONE;
}

static void problem_mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	struct problem_view *v = st;
	(void)col;
	if (wheel) {
		v->cur += 3 * wheel;
		if (v->cur >= v->n)
			v->cur = v->n - 1;
		if (v->cur < 0)
			v->cur = 0;
	} else {
		struct layout L = layout(0, t->body_h);
		int i = row - L.list_y + v->top;
		if (row >= L.list_y && row < L.list_y + L.list_h && i >= 0 && i < v->n)
			v->cur = i;
	}
	load_detail(t, v);
}

static void problem_summary(struct tui *t, void *st, struct strbuf *out)
{
	struct problem_view *v = st;
	int rectified = 0, closed = 0, overdue = 0;
	(void)t;
	for (int i = 0; i < v->n; i++) {
		rectified += v->ps[i].status == PB_RECTIFIED;
		closed += v->ps[i].status == PB_CLOSED;
		overdue += v->ps[i].overdue_measures > 0;
	}
	sb_printf(out, msg(M_PBT_SUMMARY), v->n, rectified, closed, overdue);
}

static void problem_status(struct tui *t, void *st, struct strbuf *out)
{
	struct problem_view *v = st;
	(void)t;
	if (v->f.status < 0 && v->f.source < 0 && !v->f.overdue) {
		sb_puts(out, msg(M_PBT_TIP));
		return;
	}
	sb_puts(out, msg(M_PBT_FILTERS));
	if (v->f.status >= 0)
		sb_printf(out, " %s", problem_status_label((enum problem_status)v->f.status));
	if (v->f.source >= 0)
		sb_printf(out, " %s", problem_source_label((enum problem_source)v->f.source));
	if (v->f.overdue)
		sb_printf(out, " %s", msg(M_PBT_ONLY_OVERDUE));
	sb_printf(out, "  %s", msg(M_TUI_CLEAR_HINT));
}

/* p: the org shown (its people's checklists, now with their measures). */
static void problem_print_offer(struct tui *t, void *st, struct tui_print_request *r)
{
	struct problem_view *v = st;
	struct problem *p = current(v);
	(void)t;
	r->org_id = v->f.org_id ? v->f.org_id : p ? p->org_id : 0;
	r->problems = 1;
}

const struct tui_view_ops tui_problem_ops = {
	"problems", problem_open, problem_close_view, problem_reload, problem_draw, problem_act,
	problem_mouse, problem_summary, NULL, problem_status, problem_print_offer,
};

/* ---- a person's measures (the checklist's 整改措施 section) ---- */

int problem_person_measures(struct tui *t, long long person_id, struct page_item **out)
{
	struct problem_filter f = PROBLEM_FILTER_INIT;
	struct problem *ps = NULL;
	int n = 0, got = 0, cap = 0;
	struct strbuf err = {0};
	*out = NULL;
	f.year = t->q->year;
	f.person_id = person_id;
	if (qd_problem_list(t->q, &f, &ps, &n, &err) != QD_OK) {
		tui_error(t, &err);
		sb_free(&err);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		struct item *ms = NULL;
		int nms = 0;
		sb_reset(&err);
		if (qd_problem_measures(t->q, ps[i].id, &ms, &nms, &err) != QD_OK) {
			tui_error(t, &err);
			continue;
		}
		for (int k = 0; k < nms; k++) {
			if (ms[k].owner_id != person_id && ms[k].lead_id != person_id)
				continue;
			if (got == cap) {
				cap = cap ? 2 * cap : 8;
				*out = xrealloc(*out, (size_t)cap * sizeof **out);
			}
			memset(&(*out)[got], 0, sizeof **out);
			(*out)[got].it = ms[k];
			(*out)[got].key.id = ms[k].id;
			(*out)[got].key.g = ps[i].id;
			memset(&ms[k], 0, sizeof ms[k]);
			got++;
		}
		items_free(ms, nms);
	}
	problems_free(ps, n);
	sb_free(&err);
	return got;
}

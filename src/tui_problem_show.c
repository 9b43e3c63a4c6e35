/* tui_problem_show.c — one problem, opened with Enter on tab 8: what was
 * raised, by whom (or anonymously), where it came from, its status and
 * 回访 state in words; its measures (items of the org's 整改清单) with
 * owner, lead, due, status and flags in the colours of every item list;
 * and the 回访 history, newest first.
 *
 * The measures are items: Enter opens one in full (the item view of every
 * list), s moves it along the status machine and n adds a 履责纪实 note,
 * through the item dialogs of tui_item.c, so the same rules and messages
 * hold.  m (or a) adds a measure, v records a 回访, c closes or reopens,
 * e edits the problem (tui_problem_edit.c).  Esc goes back. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/text.h"
#include "qingdan/tui_list.h"
#include "tui_problem.h"

struct show {
	long long id;
	int have;
	struct problem p;
	struct item *ms;
	int nms, cur, top;
	struct problem_feedback *fb;
	int nfb;
};

static void free_data(struct show *s)
{
	if (s->have)
		problem_clear(&s->p);
	memset(&s->p, 0, sizeof s->p);
	s->have = 0;
	items_free(s->ms, s->nms);
	s->ms = NULL;
	s->nms = 0;
	problem_feedbacks_free(s->fb, s->nfb);
	s->fb = NULL;
	s->nfb = 0;
}

static void load(struct tui *t, struct show *s)
{
	long long keep = s->nms && s->cur < s->nms ? s->ms[s->cur].id : 0;
	free_data(s);
	struct strbuf err = {0};
	if (qd_problem_get(t->q, s->id, &s->p, &err) != QD_OK) {
		char *m = xasprintf(msg(M_PBT_GONE), s->id);
		tui_error_text(t, m);
		free(m);
		sb_free(&err);
		return;
	}
	s->have = 1;
	if (qd_problem_measures(t->q, s->id, &s->ms, &s->nms, &err) != QD_OK) {
		tui_error(t, &err);
		s->ms = NULL;
		s->nms = 0;
	}
	sb_reset(&err);
	if (qd_problem_feedbacks(t->q, s->id, &s->fb, &s->nfb, &err) != QD_OK) {
		tui_error(t, &err);
		s->fb = NULL;
		s->nfb = 0;
	}
	sb_free(&err);
	if (s->cur >= s->nms)
		s->cur = s->nms ? s->nms - 1 : 0;
	for (int i = 0; i < s->nms; i++)
		if (keep && s->ms[i].id == keep)
			s->cur = i;
}

static struct item *current(struct show *s)
{
	return s->nms && s->cur >= 0 && s->cur < s->nms ? &s->ms[s->cur] : NULL;
}

/* ---- layout ---- */

struct layout {
	int head_y, head_h, rule_m, col_m, list_y, list_h, rule_f, fb_y, fb_h;
};

/* The head's lines: the problem's text, then its facts. */
static int head_lines(struct tui *t, struct show *s, char ***out)
{
	struct problem *p = &s->p;
	struct strbuf b = {0};
	char fb[256];
	sb_printf(&b, "%s\n", p->text ? p->text : "");
	sb_printf(&b, "%s：%s", msg(M_PBT_RAISER),
		  str_empty(p->raiser_name) ? msg(M_PBT_ANONYMOUS) : p->raiser_name);
	if (!str_empty(p->contact))
		sb_printf(&b, "  %s：%s", msg(M_PBT_CONTACT), p->contact);
	if (!str_empty(p->category))
		sb_printf(&b, "  %s：%s", msg(M_PBT_CATEGORY), p->category);
	if (p->meeting_id)
		sb_printf(&b, "  %s：#%lld", msg(M_PBT_MEETING), p->meeting_id);
	sb_putc(&b, '\n');
	sb_printf(&b, msg(M_PBT_STATUS_LINE), problem_status_label(p->status), p->measures,
		  p->done_measures, p->overdue_measures);
	sb_printf(&b, "\n%s", problem_feedback_line(p, fb, sizeof fb));
	if (!str_empty(p->closed_on)) {
		sb_putc(&b, '\n');
		sb_printf(&b, msg(M_PBT_CLOSED_LINE), p->closed_on,
			  str_empty(p->closed_by_name) ? "" : p->closed_by_name);
	}
	char *clean = text_sanitize(b.s, 1);
	sb_free(&b);
	int n = text_wrap(clean, t->cols - 2, out);
	free(clean);
	return n;
}

static struct layout layout(int y, int h, int nhead, const struct show *s)
{
	struct layout L;
	L.head_y = y + 1;
	L.head_h = nhead;
	int room = h - 1 - 4;          /* the title, two rules, the column head, one row */
	if (L.head_h > room - 2)
		L.head_h = room - 2 > 1 ? room - 2 : 1;
	int rest = h - 1 - L.head_h - 3;   /* rows for measures and feedback */
	int fb = s->nfb ? (s->nfb < 4 ? s->nfb : 4) : 1;
	if (fb > rest / 3)
		fb = rest / 3 > 0 ? rest / 3 : 0;
	L.rule_m = L.head_y + L.head_h;
	L.col_m = L.rule_m + 1;
	L.list_y = L.col_m + 1;
	L.list_h = rest - fb;
	if (L.list_h < 1)
		L.list_h = 1;
	/* the measures take what they need, the 回访 history the rest */
	int need = s->nms > 1 ? s->nms : 1;
	if (L.list_h > need) {
		fb += L.list_h - need;
		L.list_h = need;
	}
	L.rule_f = L.list_y + L.list_h;
	L.fb_y = L.rule_f + 1;
	L.fb_h = fb;
	return L;
}

/* ---- drawing ---- */

enum col { C_SEQ, C_TEXT, C_OWNER, C_LEAD, C_DUE, C_STATUS, C_FLAGS, C__N };

static void columns(const struct tui *t, int *x, int *w)
{
	static const int width[C__N] = {4, 0, 8, 8, 10, 6, 8};
	int fixed = 0, on[C__N];
	for (int c = 0; c < C__N; c++) {
		on[c] = !(c == C_LEAD && t->cols < 80) && !(c == C_FLAGS && t->cols < 90);
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

static void draw_measure(struct tui *t, const struct item *it, int n, int y, int selected,
			 const int *x, const int *w)
{
	enum tui_style st = tui_item_style(it->status, it->flags);
	attr_t base = selected ? tui_attr(t, TS_SELECTED)
		      : it->status == ST_CANCELLED ? tui_attr(t, TS_DIM) : A_NORMAL;
	char seq[16];
	snprintf(seq, sizeof seq, "%d", n);
	char *flags = flags_label(it->flags);
	const char *cells[C__N] = {seq, it->content, it->owner_name, it->lead_name,
				   !str_empty(it->due) ? it->due : it->due_text,
				   status_label(it->status), flags};
	tui_fill(y, 0, t->cols, base);
	tui_put(y, 0, 1, selected ? ">" : "", base);
	for (int c = 0; c < C__N; c++) {
		if (x[c] < 0)
			continue;
		attr_t a = base;
		if (c == C_STATUS || c == C_FLAGS || (c == C_DUE && st == TS_OVERDUE))
			a |= tui_attr(t, st);
		if (c == C_SEQ)
			tui_put_right(y, x[c], w[c], cells[c], a);
		else
			tui_put(y, x[c], w[c], cells[c] ? cells[c] : "", a);
	}
	free(flags);
}

static void draw_feedback(struct tui *t, struct show *s, int y, int h)
{
	if (h <= 0)
		return;
	if (s->nfb == 0) {
		tui_put(y, 2, t->cols - 2, msg(M_PBT_NO_FEEDBACKS), tui_attr(t, TS_DIM));
		return;
	}
	for (int k = 0; k < h && k < s->nfb; k++) {
		const struct problem_feedback *f = &s->fb[s->nfb - 1 - k];   /* newest first */
		attr_t a = tui_attr(t, f->satisfied ? TS_DONE : TS_DUE_SOON);
		int row = y + k;
		tui_fill(row, 0, t->cols, A_NORMAL);
		tui_put(row, 1, 10, f->on_date ? f->on_date : "", A_NORMAL);
		tui_put(row, 12, 8, f->by_name ? f->by_name : "", A_NORMAL);
		tui_put(row, 21, 6, msg(f->satisfied ? M_PBT_SATISFIED : M_PBT_UNSATISFIED), a);
		if (t->cols > 28)
			tui_put(row, 28, t->cols - 28, f->result ? f->result : "", A_NORMAL);
	}
}

static void show_draw(struct tui *t, void *st, int y, int h)
{
	struct show *s = st;
	if (!s->have) {
		char *m = xasprintf(msg(M_PBT_GONE), s->id);
		tui_put(y, 2, t->cols - 2, m, tui_attr(t, TS_DIM));
		free(m);
		return;
	}
	struct problem *p = &s->p;
	char *title = xasprintf(msg(M_PBT_DETAIL), p->id, problem_source_label(p->source),
				p->org_name ? p->org_name : "");
	char *full = xasprintf("%s · %s · %s", title, p->raised_on ? p->raised_on : "",
			       problem_status_label(p->status));
	tui_put(y, 0, t->cols, full, tui_attr(t, TS_KEY));
	free(full);
	free(title);
	char **lines;
	int nl = head_lines(t, s, &lines);
	struct layout L = layout(y, h, nl, s);
	for (int i = 0; i < L.head_h && i < nl; i++) {
		int last = i == L.head_h - 1 && nl > L.head_h;
		char *line = last ? xasprintf("%s…", lines[i]) : xstrdup(lines[i]);
		tui_put(L.head_y + i, 1, t->cols - 2, line, A_NORMAL);
		free(line);
	}
	text_lines_free(lines, nl);
	char rule[160];
	snprintf(rule, sizeof rule, msg(M_PBT_MEASURES), s->nms);
	tui_rule(L.rule_m, 0, t->cols, rule, tui_attr(t, TS_DIM));
	int x[C__N], w[C__N];
	columns(t, x, w);
	static const enum msg_id heads[C__N] = {M_PBT_COL_SEQ, M_PBT_COL_MEASURE, M_SHOW_OWNER,
						M_SHOW_LEAD, M_SHOW_DUE, M_SHOW_STATUS, M_TUI_COL_FLAGS};
	attr_t ha = tui_attr(t, TS_COLHEAD);
	tui_fill(L.col_m, 0, t->cols, ha);
	for (int c = 0; c < C__N; c++)
		if (x[c] >= 0) {
			if (c == C_SEQ)
				tui_put_right(L.col_m, x[c], w[c], msg(heads[c]), ha);
			else
				tui_put(L.col_m, x[c], w[c], msg(heads[c]), ha);
		}
	if (s->nms == 0)
		tui_put(L.list_y, 2, t->cols - 2, msg(M_PBT_NO_MEASURES), tui_attr(t, TS_DIM));
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + L.list_h)
		s->top = s->cur - L.list_h + 1;
	if (s->top < 0)
		s->top = 0;
	for (int i = 0; i < L.list_h && s->top + i < s->nms; i++)
		draw_measure(t, &s->ms[s->top + i], s->top + i + 1, L.list_y + i, s->top + i == s->cur,
			     x, w);
	if (L.fb_h > 0) {
		snprintf(rule, sizeof rule, msg(M_PBT_FEEDBACKS), s->nfb);
		tui_rule(L.rule_f, 0, t->cols, rule, tui_attr(t, TS_DIM));
		draw_feedback(t, s, L.fb_y, L.fb_h);
	}
}

/* ---- the view ---- */

static void *show_open(struct tui *t, long long id)
{
	struct show *s = xcalloc(1, sizeof *s);
	s->id = id;
	load(t, s);
	return s;
}

static void show_close(void *st)
{
	struct show *s = st;
	free_data(s);
	free(s);
}

static void show_reload(struct tui *t, void *st)
{
	load(t, st);
}

static int show_act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct show *s = st;
	struct item *m = current(s);
	switch (a) {
	case TA_DOWN: if (s->cur < s->nms - 1) s->cur++; return TUI_DONE;
	case TA_UP: if (s->cur > 0) s->cur--; return TUI_DONE;
	case TA_HOME: case TA_PAGE_UP: s->cur = 0; return TUI_DONE;
	case TA_END: case TA_PAGE_DOWN: s->cur = s->nms ? s->nms - 1 : 0; return TUI_DONE;
	case TA_ENTER:
		if (!m)
			tui_error_text(t, msg(M_PBT_NO_MEASURE));
		else
			tui_push_view(t, &tui_pager_ops, m->id);
		return TUI_DONE;
	case TA_STATUS:
		if (!m)
			tui_error_text(t, msg(M_PBT_NO_MEASURE));
		else
			item_open_status(t, NULL, m, arg);
		return TUI_DONE;
	case TA_NOTE:
		if (!m)
			tui_error_text(t, msg(M_PBT_NO_MEASURE));
		else
			item_open_note(t, NULL, m->id, arg);
		return TUI_DONE;
	default: break;
	}
	if (!s->have)
		return TUI_PASS;
	switch (a) {
	case TA_ADD: case TA_MEASURE: problem_open_measure(t, s->id); return TUI_DONE;
	case TA_FEEDBACK: problem_open_feedback(t, s->id); return TUI_DONE;
	case TA_CLOSE: problem_open_close(t, s->id, arg); return TUI_DONE;
	case TA_EDIT: problem_open_edit(t, s->id); return TUI_DONE;
	case TA_DELETE: problem_open_delete(t, s->id); return TUI_DONE;
	case TA_ASSIGN: case TA_SEARCH: case TA_FILTER: case TA_SORT: case TA_ATTEND:
		tui_error_text(t, msg(M_PBT_SHOW_TIP));
		return TUI_DONE;
	default: return TUI_PASS;
	}
}

static void show_mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	struct show *s = st;
	(void)col;
	if (wheel) {
		s->cur += wheel;
		if (s->cur >= s->nms)
			s->cur = s->nms - 1;
		if (s->cur < 0)
			s->cur = 0;
		return;
	}
	if (!s->have)
		return;
	char **lines;
	int nl = head_lines(t, s, &lines);
	text_lines_free(lines, nl);
	struct layout L = layout(0, t->body_h, nl, s);
	int i = row - L.list_y + s->top;
	if (row >= L.list_y && row < L.list_y + L.list_h && i >= 0 && i < s->nms)
		s->cur = i;
}

static long long show_selected(struct tui *t, void *st)
{
	struct item *m = current(st);
	(void)t;
	return m ? m->id : 0;
}

static void show_status(struct tui *t, void *st, struct strbuf *out)
{
	(void)t;
	(void)st;
	sb_puts(out, msg(M_PBT_SHOW_TIP));
}

static void show_print_offer(struct tui *t, void *st, struct tui_print_request *r)
{
	struct show *s = st;
	struct item *m = current(s);
	(void)t;
	r->org_id = s->have ? s->p.org_id : 0;
	r->person_id = m ? m->owner_id : 0;
	r->item_id = m ? m->id : 0;
}

const struct tui_view_ops tui_problem_show_ops = {
	"problem", show_open, show_close, show_reload, show_draw, show_act, show_mouse, NULL,
	show_selected, show_status, show_print_offer,
};

/* tui_meeting.c — tab 7, 组织生活 of one org and year: the year grid
 * (meeting types with a rule for the org's level × the twelve months, each
 * period one cell across its months: held, missing, short of quorum or
 * still open, in colour and with a letter, so it reads the same under
 * NO_COLOR), the meetings of the org that year with their 应到/实到/请假/
 * 缺席 and quorum, and the Party members without 组织生活 for three months
 * or more (warn yellow, alarm red, the flag written out).
 *
 * Keys are the action table's (tui_action.h): Enter or t opens the
 * attendance form of the selected meeting (a view of its own: the
 * expected members listed, t cycles present → 请假 (asks the reason) →
 * absent; `:attend late|observer|… [REASON]` sets one directly; a records
 * an observer; d clears a record), a adds a meeting, e edits, d deletes,
 * n adds evidence, b (`:branch NAME`) picks the org, y the year.  The
 * grid comes from qd_meeting_check, the members from qd_meeting_members;
 * everything is re-read on reload.  The dialogs live in
 * tui_meeting_edit.c, the attendance form in tui_meeting_attend.c. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/text.h"
#include "tui_meeting.h"

struct meeting_view {
	long long org_id;
	struct check_row *chk;
	int nchk;
	struct meeting *ms;
	int nms, cur, top;
	struct member_risk *risk;  /* flagged only */
	int nrisk;
};

/* ---- reading ---- */

static long long default_org(const struct tui *t)
{
	if (tui_org(t, t->branch_org))
		return t->branch_org;
	return t->norgs ? t->orgs[0].id : 0;
}

static void free_data(struct meeting_view *v)
{
	check_rows_free(v->chk, v->nchk);
	meetings_free(v->ms, v->nms);
	member_risks_free(v->risk, v->nrisk);
	v->chk = NULL;
	v->ms = NULL;
	v->risk = NULL;
	v->nchk = v->nms = v->nrisk = 0;
}

static void reload(struct tui *t, struct meeting_view *v)
{
	struct strbuf err = {0};
	long long keep = v->nms && v->cur < v->nms ? v->ms[v->cur].id : 0;
	free_data(v);
	if (!tui_org(t, v->org_id))
		v->org_id = default_org(t);
	if (!v->org_id)
		return;
	if (qd_meeting_check(t->q, v->org_id, t->q->year, &v->chk, &v->nchk, &err) != QD_OK) {
		tui_error(t, &err);
		v->chk = NULL;
		v->nchk = 0;
	}
	sb_reset(&err);
	struct meeting_filter f = MEETING_FILTER_INIT;
	f.year = t->q->year;
	f.org_id = v->org_id;
	if (qd_meeting_list(t->q, &f, &v->ms, &v->nms, &err) != QD_OK) {
		tui_error(t, &err);
		v->ms = NULL;
		v->nms = 0;
	}
	sb_reset(&err);
	struct member_risk *all = NULL;
	int nall = 0;
	if (qd_meeting_members(t->q, v->org_id, &all, &nall, &err) != QD_OK) {
		tui_error(t, &err);
		all = NULL;
		nall = 0;
	}
	/* keep the flagged (worst first, as given) */
	v->risk = xcalloc((size_t)nall + 1, sizeof *v->risk);
	for (int i = 0; i < nall; i++)
		if (all[i].flag != MF_NONE) {
			v->risk[v->nrisk++] = all[i];
			memset(&all[i], 0, sizeof all[i]);
		}
	member_risks_free(all, nall);
	sb_free(&err);
	v->cur = v->nms ? v->nms - 1 : 0;   /* the latest meeting */
	for (int i = 0; i < v->nms; i++)
		if (keep && v->ms[i].id == keep)
			v->cur = i;
}

static struct meeting *current(struct meeting_view *v)
{
	return v->nms && v->cur >= 0 && v->cur < v->nms ? &v->ms[v->cur] : NULL;
}

/* The types of the grid, in the check's order (enum order). */
static int grid_types(const struct meeting_view *v, int *types)
{
	int n = 0;
	for (int i = 0; i < v->nchk; i++)
		if (n == 0 || types[n - 1] != (int)v->chk[i].type)
			types[n++] = (int)v->chk[i].type;
	return n;
}

/* ---- layout ---- */

struct layout {
	int title, grid_y, grid_h, list_rule, list_head, list_y, list_h, risk_y, risk_h;
};

static struct layout layout(const struct meeting_view *v, int y, int h)
{
	struct layout L;
	int types[MT__COUNT];
	int nt = grid_types(v, types);
	int avail = h - 1;
	L.title = y;
	L.grid_h = 1 + (nt ? nt : 1);
	L.risk_h = 1 + (v->nrisk ? (v->nrisk < 5 ? v->nrisk : 5) : 1);
	while (L.grid_h + L.risk_h + 3 > avail && L.risk_h > 1)
		L.risk_h--;
	while (L.grid_h + L.risk_h + 3 > avail && L.grid_h > 1)
		L.grid_h--;
	if (L.grid_h + L.risk_h + 3 > avail)
		L.risk_h = 0;
	L.grid_y = y + 1;
	L.list_rule = L.grid_y + L.grid_h;
	L.list_head = L.list_rule + 1;
	L.list_y = L.list_head + 1;
	L.list_h = avail - L.grid_h - L.risk_h - 2;
	if (L.list_h < 1)
		L.list_h = 1;
	/* room the list does not need goes to the members at risk */
	int need = v->nms > 3 ? v->nms : 3;
	while (L.list_h > need && L.risk_h > 0 && L.risk_h < 1 + v->nrisk) {
		L.list_h--;
		L.risk_h++;
	}
	L.risk_y = L.list_y + L.list_h;
	return L;
}

static int page_rows(struct tui *t, const struct meeting_view *v)
{
	int h = t->body_h > 0 ? t->body_h : (t->lines < TUI_MIN_LINES ? TUI_MIN_LINES : t->lines) - 4;
	return layout(v, 0, h).list_h;
}

/* ---- drawing ---- */

static enum tui_style check_style(enum check_status s)
{
	switch (s) {
	case CK_OK: return TS_DONE;
	case CK_MISSING: return TS_OVERDUE;
	case CK_SHORT: return TS_DUE_SOON;
	default: return TS_DIM;
	}
}

static const char *check_mark(enum check_status s)
{
	switch (s) {
	case CK_OK: return msg(M_MTT_MARK_OK);
	case CK_MISSING: return msg(M_MTT_MARK_MISSING);
	case CK_SHORT: return msg(M_MTT_MARK_SHORT);
	default: return msg(M_MTT_MARK_OPEN);
	}
}

enum { TYPE_W = 13 };

static void draw_grid(struct tui *t, struct meeting_view *v, int y, int h)
{
	int types[MT__COUNT];
	int nt = grid_types(v, types);
	int cw = (t->cols - TYPE_W) / 12;
	if (cw > 6)
		cw = 6;
	if (cw < 3)
		cw = 3;
	attr_t ha = tui_attr(t, TS_COLHEAD);
	tui_fill(y, 0, t->cols, ha);
	tui_put(y, 0, TYPE_W - 1, msg(M_MTT_COL_TYPE), ha);
	for (int m = 0; m < 12; m++) {
		char lab[24];
		if (cw >= 4)
			snprintf(lab, sizeof lab, msg(M_MTT_MONTH), m + 1);
		else
			snprintf(lab, sizeof lab, "%d", m + 1);
		if (TYPE_W + m * cw < t->cols)
			tui_put(y, TYPE_W + m * cw, cw, lab, ha);
	}
	if (h <= 1)
		return;
	if (nt == 0) {
		tui_put(y + 1, 2, t->cols - 2, msg(M_MTT_NO_RULES), tui_attr(t, TS_DIM));
		return;
	}
	for (int r = 0; r < nt && r < h - 1; r++) {
		int row = y + 1 + r;
		tui_fill(row, 0, t->cols, tui_attr(t, TS_NORMAL));
		tui_put(row, 0, TYPE_W - 1, meeting_type_label((enum meeting_type)types[r]),
			tui_attr(t, TS_NORMAL));
		int np = 0;
		for (int i = 0; i < v->nchk; i++)
			if ((int)v->chk[i].type == types[r])
				np++;
		if (np == 0)
			continue;
		int months = 12 / np, k = 0;
		for (int i = 0; i < v->nchk; i++) {
			const struct check_row *c = &v->chk[i];
			if ((int)c->type != types[r])
				continue;
			int x = TYPE_W + k * months * cw, w = months * cw - 1;
			k++;
			if (x >= t->cols)
				continue;
			if (x + w > t->cols)
				w = t->cols - x;
			char cell[48];
			snprintf(cell, sizeof cell, "%s%d/%d", check_mark(c->status), c->held, c->required);
			if (text_width(cell) > w)
				snprintf(cell, sizeof cell, "%s", check_mark(c->status));
			tui_put(row, x, w, cell, tui_attr(t, check_style(c->status)));
		}
	}
}

enum col { C_ID, C_DATE, C_TYPE, C_EXP, C_PRES, C_LEAVE, C_ABS, C_QUORUM, C_TITLE, C__N };

static void columns(const struct tui *t, int *x, int *w)
{
	static const int width[C__N] = {4, 10, 12, 4, 4, 5, 4, 8, 0};
	int at = 0;
	for (int c = 0; c < C__N; c++) {
		x[c] = -1;
		w[c] = width[c];
		if (c == C_QUORUM && t->cols < 70)
			continue;
		if (c == C_TITLE)
			w[c] = t->cols - at > 4 ? t->cols - at : 4;
		x[c] = at;
		at += w[c] + 1;
	}
}

static void draw_meeting(struct tui *t, const struct meeting *m, int y, int selected,
			 const int *x, const int *w)
{
	enum tui_style st = m->quorum == QS_SHORT ? TS_DUE_SOON : TS_NORMAL;
	attr_t a = tui_attr(t, selected ? TS_SELECTED : st);
	char id[24], e[16], p[16], l[16], ab[16];
	snprintf(id, sizeof id, "%lld", m->id);
	snprintf(e, sizeof e, "%d", m->expected);
	snprintf(p, sizeof p, "%d", m->present);
	snprintf(l, sizeof l, "%d", m->leave);
	snprintf(ab, sizeof ab, "%d", m->absent);
	const char *cells[C__N] = {id, m->on_date, meeting_type_label(m->type), e, p, l, ab,
				   quorum_label(m->quorum), m->title};
	tui_fill(y, 0, t->cols, a);
	for (int c = 0; c < C__N; c++) {
		if (x[c] < 0)
			continue;
		if (c == C_ID || (c >= C_EXP && c <= C_ABS))
			tui_put_right(y, x[c], w[c], cells[c] ? cells[c] : "", a);
		else
			tui_put(y, x[c], w[c], cells[c] ? cells[c] : "", a);
	}
}

static void draw_risk(struct tui *t, struct meeting_view *v, int y, int h)
{
	char title[160];
	snprintf(title, sizeof title, msg(M_MTT_RISK), v->nrisk);
	tui_rule(y, 0, t->cols, title, tui_attr(t, TS_DIM));
	if (h <= 1)
		return;
	if (v->nrisk == 0) {
		tui_put(y + 1, 2, t->cols - 2, msg(M_MTT_RISK_NONE), tui_attr(t, TS_DIM));
		return;
	}
	for (int i = 0; i < v->nrisk && i < h - 1; i++) {
		const struct member_risk *r = &v->risk[i];
		attr_t a = tui_attr(t, r->flag == MF_ALARM ? TS_OVERDUE : TS_DUE_SOON);
		char months[48];
		if (r->months_without >= 0)
			snprintf(months, sizeof months, msg(M_MTT_MONTHS), r->months_without);
		else
			months[0] = '\0';
		int row = y + 1 + i;
		tui_fill(row, 0, t->cols, a);
		tui_put(row, 1, 6, msg(r->flag == MF_ALARM ? M_CK_FLAG_ALARM : M_CK_FLAG_WARN), a);
		tui_put(row, 8, 10, r->name, a);
		tui_put(row, 19, 10, months, a);
		tui_put(row, 30, 10, r->last_attended ? r->last_attended : msg(M_MTT_NEVER), a);
		if (t->cols > 42)
			tui_put(row, 41, t->cols - 41, r->org_name, a);
	}
}

static void meeting_draw(struct tui *t, void *st, int y, int h)
{
	struct meeting_view *v = st;
	const struct org *o = tui_org(t, v->org_id);
	attr_t ha = tui_attr(t, TS_COLHEAD);
	if (!o) {
		tui_put(y, 2, t->cols - 2, msg(M_MTT_NO_ORG), tui_attr(t, TS_DIM));
		return;
	}
	struct layout L = layout(v, y, h);
	char *title = xasprintf(msg(M_MTT_TITLE), o->name, t->q->year);
	int tw = tui_put(y, 0, t->cols, title, tui_attr(t, TS_NORMAL) | A_BOLD);
	free(title);
	const char *legend = msg(M_MTT_LEGEND);
	int lw = text_width(legend);
	if (t->cols - tw - 2 >= lw)
		tui_put_right(y, t->cols - lw, lw, legend, tui_attr(t, TS_DIM));
	draw_grid(t, v, L.grid_y, L.grid_h);
	char rule[160];
	snprintf(rule, sizeof rule, msg(M_MTT_MEETINGS), v->nms);
	tui_rule(L.list_rule, 0, t->cols, rule, tui_attr(t, TS_DIM));
	int x[C__N], w[C__N];
	columns(t, x, w);
	static const enum msg_id heads[C__N] = {M_MTT_COL_ID, M_MTT_COL_DATE, M_MTT_F_TYPE,
						M_MTT_COL_EXPECTED, M_MTT_COL_PRESENT,
						M_MTT_COL_LEAVE, M_MTT_COL_ABSENT, M_MTT_COL_QUORUM,
						M_MTT_COL_TITLE};
	tui_fill(L.list_head, 0, t->cols, ha);
	for (int c = 0; c < C__N; c++) {
		if (x[c] < 0)
			continue;
		if (c == C_ID || (c >= C_EXP && c <= C_ABS))
			tui_put_right(L.list_head, x[c], w[c], msg(heads[c]), ha);
		else
			tui_put(L.list_head, x[c], w[c], msg(heads[c]), ha);
	}
	if (v->nms == 0)
		tui_put(L.list_y, 2, t->cols - 2, msg(M_MTT_EMPTY), tui_attr(t, TS_DIM));
	if (v->cur < v->top)
		v->top = v->cur;
	if (v->cur >= v->top + L.list_h)
		v->top = v->cur - L.list_h + 1;
	if (v->top < 0)
		v->top = 0;
	for (int i = 0; i < L.list_h && v->top + i < v->nms; i++)
		draw_meeting(t, &v->ms[v->top + i], L.list_y + i, v->top + i == v->cur, x, w);
	if (L.risk_h > 0)
		draw_risk(t, v, L.risk_y, L.risk_h);
}

/* ---- the org ---- */

static void org_picked(struct tui *t, void *ctx, long long id, const char *label)
{
	struct meeting_view *v = ctx;
	(void)label;
	v->org_id = id;
	v->cur = v->top = 0;
	free_data(v);
	reload(t, v);
}

static void pick_org(struct tui *t, struct meeting_view *v, const char *arg)
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
	if (t->norgs == 0)
		return;
	const char **labels = xcalloc((size_t)t->norgs, sizeof *labels);
	long long *ids = xcalloc((size_t)t->norgs, sizeof *ids);
	int *dim = xcalloc((size_t)t->norgs, sizeof *dim);
	for (int i = 0; i < t->norgs; i++) {
		labels[i] = t->orgs[i].name;
		ids[i] = t->orgs[i].id;
		dim[i] = !qd_may_record_meeting(t->q, t->orgs[i].id);
	}
	struct tui_pick_cb cb = {org_picked, NULL, v};
	tui_pick_choice(t, msg(M_MTT_PICK_ORG), labels, ids, dim, t->norgs, &cb);
	free(labels);
	free(ids);
	free(dim);
}

/* ---- the view ---- */


static void *meeting_open(struct tui *t, long long arg)
{
	struct meeting_view *v = xcalloc(1, sizeof *v);
	v->org_id = arg ? arg : default_org(t);
	reload(t, v);
	return v;
}

static void meeting_close(void *st)
{
	struct meeting_view *v = st;
	free_data(v);
	free(v);
}

static void meeting_reload(struct tui *t, void *st)
{
	reload(t, st);
}

static int meeting_act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct meeting_view *v = st;
	struct meeting *m = current(v);
	int page = page_rows(t, v);
	switch (a) {
	case TA_DOWN: if (v->cur < v->nms - 1) v->cur++; return TUI_DONE;
	case TA_UP: if (v->cur > 0) v->cur--; return TUI_DONE;
	case TA_PAGE_DOWN: v->cur = v->cur + page < v->nms ? v->cur + page : v->nms - 1;
		if (v->cur < 0) v->cur = 0;
		return TUI_DONE;
	case TA_PAGE_UP: v->cur = v->cur - page > 0 ? v->cur - page : 0; return TUI_DONE;
	case TA_HOME: v->cur = 0; return TUI_DONE;
	case TA_END: v->cur = v->nms ? v->nms - 1 : 0; return TUI_DONE;
	case TA_ENTER: case TA_ATTEND: case TA_STATUS:
		if (!m)
			tui_error_text(t, msg(M_MTT_NOTHING));
		else
			tui_push_view(t, &tui_attend_ops, m->id);
		return TUI_DONE;
	case TA_ADD:
		if (v->org_id)
			meeting_open_add(t, v->org_id);
		return TUI_DONE;
	case TA_EDIT:
		if (!m)
			tui_error_text(t, msg(M_MTT_NOTHING));
		else
			meeting_open_edit(t, m->id);
		return TUI_DONE;
	case TA_DELETE:
		if (!m)
			tui_error_text(t, msg(M_MTT_NOTHING));
		else
			meeting_open_delete(t, m->id);
		return TUI_DONE;
	case TA_NOTE:
		if (!m)
			tui_error_text(t, msg(M_MTT_NOTHING));
		else
			meeting_open_note(t, m->id);
		return TUI_DONE;
	case TA_BRANCH: pick_org(t, v, arg); return TUI_DONE;
	case TA_ASSIGN: case TA_SEARCH: case TA_FILTER: case TA_CLEAR_FILTER: case TA_SORT:
		tui_error_text(t, msg(M_MTT_TIP));
		return TUI_DONE;
	default: return TUI_PASS;
	}
}

static void meeting_mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	struct meeting_view *v = st;
	(void)col;
	if (wheel) {
		v->cur += 3 * wheel;
		if (v->cur >= v->nms)
			v->cur = v->nms - 1;
		if (v->cur < 0)
			v->cur = 0;
		return;
	}
	struct layout L = layout(v, 0, t->body_h);
	int i = row - L.list_y + v->top;
	if (row >= L.list_y && row < L.list_y + L.list_h && i >= 0 && i < v->nms)
		v->cur = i;
}

static void meeting_summary(struct tui *t, void *st, struct strbuf *out)
{
	struct meeting_view *v = st;
	int missing = 0, shortq = 0;
	(void)t;
	for (int i = 0; i < v->nchk; i++) {
		missing += v->chk[i].status == CK_MISSING;
		shortq += v->chk[i].status == CK_SHORT;
	}
	sb_printf(out, msg(M_MTT_SUMMARY), missing, shortq, v->nrisk);
}

static long long meeting_selected(struct tui *t, void *st)
{
	struct meeting *m = current(st);
	(void)t;
	return m ? m->id : 0;
}

/* p: the selected meeting's record sheet, or the org's 台账. */
static void meeting_print_offer(struct tui *t, void *st, struct tui_print_request *r)
{
	struct meeting_view *v = st;
	struct meeting *m = current(st);
	(void)t;
	r->meeting_id = m ? m->id : 0;
	r->org_id = v->org_id;
	r->ledger = 1;
}

static void meeting_status(struct tui *t, void *st, struct strbuf *out)
{
	(void)t;
	(void)st;
	sb_puts(out, msg(M_MTT_TIP));
}

const struct tui_view_ops tui_meeting_ops = {
	"meetings", meeting_open, meeting_close, meeting_reload, meeting_draw, meeting_act,
	meeting_mouse, meeting_summary, meeting_selected, meeting_status, meeting_print_offer,
};

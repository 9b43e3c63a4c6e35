/* tui_meeting_attend.c — tab 7's attendance form of one meeting (Enter or
 * t on a meeting): the expected members and observers with their status,
 * t cycling present → 请假 (asks the reason) → absent, :attend, observers
 * added and records cleared, the evidence lines below. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/text.h"
#include "tui_meeting.h"

/* ---- the attendance form of one meeting (Enter, t) ---- */

struct attend_view {
	long long id;
	struct meeting m;
	int have;
	struct attendee *a;
	int n, cur, top;
	struct meeting_note *notes;
	int nnotes;
};

static void attend_load(struct tui *t, struct attend_view *av)
{
	struct strbuf err = {0};
	long long keep = av->n && av->cur < av->n ? av->a[av->cur].person_id : 0;
	if (av->have)
		meeting_clear(&av->m);
	attendees_free(av->a, av->n);
	meeting_notes_free(av->notes, av->nnotes);
	av->a = NULL;
	av->notes = NULL;
	av->n = av->nnotes = 0;
	av->have = qd_meeting_get(t->q, av->id, &av->m, &err) == QD_OK;
	if (!av->have) {
		tui_error(t, &err);
		sb_free(&err);
		return;
	}
	if (qd_meeting_attendees(t->q, av->id, &av->a, &av->n, &err) != QD_OK) {
		tui_error(t, &err);
		av->a = NULL;
		av->n = 0;
	}
	sb_reset(&err);
	if (qd_meeting_notes(t->q, av->id, &av->notes, &av->nnotes, &err) != QD_OK) {
		tui_error(t, &err);
		av->notes = NULL;
		av->nnotes = 0;
	}
	sb_free(&err);
	if (av->cur >= av->n)
		av->cur = av->n ? av->n - 1 : 0;
	for (int i = 0; i < av->n; i++)
		if (keep && av->a[i].person_id == keep)
			av->cur = i;
}

static void *attend_open(struct tui *t, long long id)
{
	struct attend_view *av = xcalloc(1, sizeof *av);
	av->id = id;
	attend_load(t, av);
	if (!av->have) {
		free(av);
		return NULL;
	}
	return av;
}

static void attend_close(void *st)
{
	struct attend_view *av = st;
	if (av->have)
		meeting_clear(&av->m);
	attendees_free(av->a, av->n);
	meeting_notes_free(av->notes, av->nnotes);
	free(av);
}

static void attend_reload(struct tui *t, void *st)
{
	attend_load(t, st);
}

static enum tui_style attend_style(const struct attendee *a)
{
	switch (a->status) {
	case AT_PRESENT: case AT_LATE: return TS_DONE;
	case AT_LEAVE: return TS_DUE_SOON;
	case AT_ABSENT: return TS_OVERDUE;
	default: return TS_DIM;
	}
}

static int notes_rows(const struct attend_view *av, int h)
{
	if (!av->nnotes || h < 10)
		return 0;
	int r = 1 + av->nnotes;
	return r > h / 3 ? h / 3 : r;
}

static void attend_draw(struct tui *t, void *st, int y, int h)
{
	struct attend_view *av = st;
	attr_t ha = tui_attr(t, TS_COLHEAD);
	if (!av->have)
		return;
	const struct meeting *m = &av->m;
	char *title = xasprintf(msg(M_MTT_AT_TITLE), m->id, meeting_type_label(m->type),
				m->on_date ? m->on_date : "", m->title ? m->title : "");
	tui_fill(y, 0, t->cols, ha);
	tui_put(y, 0, t->cols, title, ha);
	free(title);
	if (h < 2)
		return;
	char *rule = quorum_text(m->quorum_rule ? m->quorum_rule : "");
	char *rt = *rule ? xasprintf("（%s）", rule) : xstrdup("");
	char *counts = xasprintf(msg(M_MTT_AT_COUNTS), m->expected, m->present, m->leave,
				 m->absent, m->observers, quorum_label(m->quorum), rt);
	tui_put(y + 1, 0, t->cols, counts,
		tui_attr(t, m->quorum == QS_SHORT ? TS_OVERDUE : TS_NORMAL));
	free(counts);
	free(rt);
	free(rule);
	if (h < 4)
		return;
	int nr = notes_rows(av, h - 3);
	int list_y = y + 3, list_h = h - 3 - nr;
	/* name, status, reason, post, org */
	int xs = 0, xn = 1, xst = 12, xr = 30, xp = 52, xo = 70;
	tui_fill(y + 2, 0, t->cols, ha);
	tui_put(y + 2, xn, 10, msg(M_MTT_AT_NAME), ha);
	tui_put(y + 2, xst, 17, msg(M_MTT_AT_STATUS), ha);
	tui_put(y + 2, xr, 21, msg(M_MTT_AT_REASON), ha);
	if (t->cols > xp + 4)
		tui_put(y + 2, xp, t->cols - xp < 17 ? t->cols - xp : 17, msg(M_MTT_AT_POST), ha);
	if (t->cols > xo + 4)
		tui_put(y + 2, xo, t->cols - xo, msg(M_MTT_AT_ORG), ha);
	if (av->n == 0)
		tui_put(list_y, 2, t->cols - 2, msg(M_MTT_AT_EMPTY), tui_attr(t, TS_DIM));
	if (av->cur < av->top)
		av->top = av->cur;
	if (av->cur >= av->top + list_h)
		av->top = av->cur - list_h + 1;
	if (av->top < 0)
		av->top = 0;
	for (int i = 0; i < list_h && av->top + i < av->n; i++) {
		const struct attendee *p = &av->a[av->top + i];
		int row = list_y + i, sel = av->top + i == av->cur;
		attr_t a = tui_attr(t, sel ? TS_SELECTED : attend_style(p));
		tui_fill(row, 0, t->cols, a);
		tui_put(row, xs, 1, p->voting ? "*" : " ", a);
		tui_put(row, xn, 10, p->name, a);
		char *stt = xasprintf("%s%s", attend_label(p->status),
				      p->recorded ? "" : msg(M_MTT_AT_UNRECORDED));
		tui_put(row, xst, 17, stt, a);
		free(stt);
		tui_put(row, xr, 21, p->reason ? p->reason : "", a);
		if (t->cols > xp + 4)
			tui_put(row, xp, t->cols - xp < 17 ? t->cols - xp : 17, p->post ? p->post : "", a);
		if (t->cols > xo + 4)
			tui_put(row, xo, t->cols - xo, p->org_name ? p->org_name : "", a);
	}
	if (nr > 0) {
		int ny = list_y + list_h;
		char nt[80];
		snprintf(nt, sizeof nt, msg(M_MTT_EVIDENCE), av->nnotes);
		tui_rule(ny, 0, t->cols, nt, tui_attr(t, TS_DIM));
		for (int i = 0; i < av->nnotes && i < nr - 1; i++) {
			const struct meeting_note *n = &av->notes[i];
			const char *kind = n->kind && *n->kind ? meeting_note_kind_label(n->kind) : "";
			char *line = xasprintf("%s %s%s%s %s", n->on_date ? n->on_date : "", kind ? kind : "",
					       kind && *kind ? "：" : "", n->text ? n->text : "",
					       n->person_name ? n->person_name : "");
			tui_put(ny + 1 + i, 1, t->cols - 1, line, tui_attr(t, TS_NORMAL));
			free(line);
		}
	}
}

/* ---- writing attendance ---- */

struct reason_ctx {
	long long meeting_id, person_id;
};

/* name and reason may point into the view, which the reload frees: they
 * are copied first. */
static void attend_write(struct tui *t, long long meeting_id, long long person, const char *name,
			 int st, const char *reason)
{
	struct strbuf err = {0};
	char *who = xstrdup(name ? name : ""), *why = reason ? xstrdup(reason) : NULL;
	if (qd_meeting_attend(t->q, meeting_id, &person, 1, st, why, &err) == QD_OK) {
		tui_changed(t);
		if (st < 0)
			tui_say(t, msg(M_MTT_AT_CLEARED), who);
		else
			tui_say(t, msg(M_MTT_AT_SET), who, attend_label((enum attend_status)st));
	} else {
		tui_error(t, &err);
	}
	free(who);
	free(why);
	sb_free(&err);
}

static int reason_done(struct tui *t, void *ctx, const char *text)
{
	struct reason_ctx *c = ctx;
	struct person p = {0};
	qd_get_person(t->q, c->person_id, &p);
	attend_write(t, c->meeting_id, c->person_id, p.name ? p.name : "", AT_LEAVE, text);
	person_clear(&p);
	return 1;
}

static void ask_reason(struct tui *t, struct attend_view *av, const struct attendee *p)
{
	struct reason_ctx *c = xmalloc(sizeof *c);
	c->meeting_id = av->id;
	c->person_id = p->person_id;
	char *label = xasprintf(msg(M_MTT_AT_REASON_PROMPT), p->name);
	struct tui_prompt_cb cb = {reason_done, NULL, NULL, free, c};
	tui_prompt(t, label, p->status == AT_LEAVE && p->reason ? p->reason : "", &cb);
	free(label);
}

/* t: present → leave (asks why) → absent → present; late and observers
 * go to present. */
static void cycle(struct tui *t, struct attend_view *av)
{
	if (av->n == 0 || av->cur >= av->n) {
		tui_error_text(t, msg(M_MTT_AT_NOBODY));
		return;
	}
	if (tui_refuse_readonly(t) || meeting_refuse(t, av->m.org_id))
		return;
	const struct attendee *p = &av->a[av->cur];
	if (p->recorded && (p->status == AT_PRESENT || p->status == AT_LATE) && p->expected)
		ask_reason(t, av, p);
	else if (p->recorded && p->status == AT_LEAVE)
		attend_write(t, av->id, p->person_id, p->name, AT_ABSENT, "");
	else
		attend_write(t, av->id, p->person_id, p->name, AT_PRESENT, "");
}

/* `:attend leave 病假`, `:attend present`, `:attend 迟到`. */
static void attend_arg(struct tui *t, struct attend_view *av, const char *arg)
{
	while (*arg == ' ')
		arg++;
	size_t n = strcspn(arg, " ");
	char *word = xstrndup(arg, n);
	const char *reason = arg + n;
	while (*reason == ' ')
		reason++;
	int st = attend_parse(word);
	if (st < 0) {
		char *m = xasprintf(msg(M_MTT_AT_BAD), word);
		tui_error_text(t, m);
		free(m);
	} else if (av->n == 0 || av->cur >= av->n) {
		tui_error_text(t, msg(M_MTT_AT_NOBODY));
	} else if (!tui_refuse_readonly(t) && !meeting_refuse(t, av->m.org_id)) {
		const struct attendee *p = &av->a[av->cur];
		if (st == AT_LEAVE && !*reason)
			ask_reason(t, av, p);
		else
			attend_write(t, av->id, p->person_id, p->name, st, reason);
	}
	free(word);
}

static void observer_picked(struct tui *t, void *ctx, long long id, const char *label)
{
	long long *mid = ctx;
	if (id > 0)
		attend_write(t, *mid, id, label, AT_OBSERVER, NULL);
}

static int attend_act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct attend_view *av = st;
	int page = (t->body_h > 6 ? t->body_h : 7) - 4;
	switch (a) {
	case TA_DOWN: if (av->cur < av->n - 1) av->cur++; return TUI_DONE;
	case TA_UP: if (av->cur > 0) av->cur--; return TUI_DONE;
	case TA_PAGE_DOWN: av->cur = av->cur + page < av->n ? av->cur + page : av->n - 1;
		if (av->cur < 0) av->cur = 0;
		return TUI_DONE;
	case TA_PAGE_UP: av->cur = av->cur - page > 0 ? av->cur - page : 0; return TUI_DONE;
	case TA_HOME: av->cur = 0; return TUI_DONE;
	case TA_END: av->cur = av->n ? av->n - 1 : 0; return TUI_DONE;
	case TA_ATTEND: case TA_STATUS:
		if (arg && *arg)
			attend_arg(t, av, arg);
		else
			cycle(t, av);
		return TUI_DONE;
	case TA_DELETE:
		if (av->n == 0 || av->cur >= av->n)
			tui_error_text(t, msg(M_MTT_AT_NOBODY));
		else if (!tui_refuse_readonly(t) && !meeting_refuse(t, av->m.org_id))
			attend_write(t, av->id, av->a[av->cur].person_id, av->a[av->cur].name, -1, NULL);
		return TUI_DONE;
	case TA_ADD: {
		if (tui_refuse_readonly(t) || meeting_refuse(t, av->m.org_id))
			return TUI_DONE;
		long long *mid = xmalloc(sizeof *mid);
		*mid = av->id;
		struct tui_pick_cb cb = {observer_picked, free, mid};
		tui_pick_person(t, msg(M_MTT_AT_PICK), arg ? arg : "", 0, &cb);
		return TUI_DONE;
	}
	case TA_EDIT: meeting_open_edit(t, av->id); return TUI_DONE;
	case TA_NOTE: meeting_open_note(t, av->id); return TUI_DONE;
	case TA_ENTER: tui_pop_view(t); return TUI_DONE;
	default: return TUI_PASS;
	}
}

static void attend_mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	struct attend_view *av = st;
	(void)t;
	(void)col;
	if (wheel) {
		av->cur += 3 * wheel;
		if (av->cur >= av->n)
			av->cur = av->n - 1;
		if (av->cur < 0)
			av->cur = 0;
		return;
	}
	int i = row - 3 + av->top;
	if (row >= 3 && i >= 0 && i < av->n)
		av->cur = i;
}

static long long attend_selected(struct tui *t, void *st)
{
	struct attend_view *av = st;
	(void)t;
	return av->n && av->cur < av->n ? av->a[av->cur].person_id : 0;
}

static void attend_status(struct tui *t, void *st, struct strbuf *out)
{
	(void)t;
	(void)st;
	sb_puts(out, msg(M_MTT_AT_TIP));
}

/* p: this meeting's record sheet, or its org's 台账. */
static void attend_print(struct tui *t, void *st, struct tui_print_request *r)
{
	struct attend_view *av = st;
	(void)t;
	r->meeting_id = av->id;
	r->org_id = av->have ? av->m.org_id : 0;
	r->ledger = 1;
}

const struct tui_view_ops tui_attend_ops = {
	"attendance", attend_open, attend_close, attend_reload, attend_draw, attend_act,
	attend_mouse, NULL, attend_selected, attend_status, attend_print,
};

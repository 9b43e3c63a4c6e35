/* tui_mark.c — multi-select in an item list (issue 14.4): x marks or
 * unmarks the selected row (a * in the row's first column, 已选 N 项 in the
 * status line); while rows are marked, assign (o, `:assign WHO`) and
 * status (s, `:status NAME`) and due (u, `:due 6月底前`, which also works
 * on the one selected row) change every marked item — each change its
 * own model call and audit row, all in one transaction (qd_batch_begin):
 * one refusal writes nothing and says which item and why.  Marks are
 * cleared after a change and by Esc.  D (`:trash`) opens the 回收站
 * (tui_trash.c) over the list. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/tui_list.h"

int list_marked(const struct list_view *lv, long long id)
{
	for (int i = 0; i < lv->nmarks; i++)
		if (lv->marks[i].id == id)
			return i;
	return -1;
}

void list_marks_clear(struct list_view *lv)
{
	free(lv->marks);
	lv->marks = NULL;
	lv->nmarks = 0;
}

static void say_marked(struct tui *t, const struct list_view *lv)
{
	if (lv->nmarks)
		tui_say(t, msg(M_RS_MARKED), lv->nmarks);
	else
		tui_say(t, "%s", msg(M_RS_MARKS_CLEARED));
}

static int toggle(struct tui *t, struct list_view *lv)
{
	struct page_item *r = list_current(lv);
	if (!r) {
		tui_error_text(t, msg(M_TUI_NO_SELECTION));
		return 0;
	}
	int i = list_marked(lv, r->it.id);
	if (i >= 0) {
		memmove(&lv->marks[i], &lv->marks[i + 1],
			(size_t)(lv->nmarks - i - 1) * sizeof *lv->marks);
		lv->nmarks--;
	} else {
		lv->marks = xrealloc(lv->marks, (size_t)(lv->nmarks + 1) * sizeof *lv->marks);
		lv->marks[lv->nmarks].id = r->it.id;
		lv->marks[lv->nmarks].version = r->it.version;
		lv->nmarks++;
	}
	say_marked(t, lv);
	return 1;
}

/* One change for every marked item, in one transaction.  QD_OK, or the
 * first refusal in err naming the item; *bad its id. */
struct batch {
	int move;                      /* else fields */
	struct item_fields f;
	enum item_status to;
	const char *reason;
};

static enum qd_status run_batch(struct tui *t, struct list_view *lv, const struct batch *b,
				long long *bad, struct strbuf *err)
{
	enum qd_status s = qd_batch_begin(t->q, err), w = QD_OK;
	*bad = 0;
	for (int i = 0; i < lv->nmarks && s == QD_OK && w == QD_OK; i++) {
		struct strbuf one = {0};
		long long id = lv->marks[i].id;
		int version = lv->marks[i].version;
		w = b->move ? qd_item_move(t->q, id, version, b->to, b->reason, &one)
			    : qd_item_set(t->q, id, version, &b->f, &one);
		if (w != QD_OK) {
			*bad = id;
			sb_printf(err, msg(M_RS_SET_FAILED), id, lv->nmarks, one.s ? one.s : "");
		}
		sb_free(&one);
	}
	if (s == QD_OK)
		s = qd_batch_end(t->q, w, err);
	return s;
}

static void done(struct tui *t, struct list_view *lv)
{
	int n = lv->nmarks;
	list_marks_clear(lv);
	tui_changed(t);
	tui_say(t, msg(M_RS_CHANGED_N), n);
}

/* ---- assign ---- */

static int may_assign(struct tui *t)
{
	if (tui_refuse_readonly(t))
		return 0;
	if (qd_may_edit_items(t->q))
		return 1;
	struct strbuf err = {0};
	struct item_fields none = ITEM_FIELDS_INIT;
	qd_item_set(t->q, 0, 0, &none, &err);   /* the model says why not */
	tui_error(t, &err);
	sb_free(&err);
	return 0;
}

static int assign_fields(struct tui *t, struct list_view *lv, const struct item_fields *f,
			 struct strbuf *err)
{
	struct batch b = {0, *f, ST_PLANNED, NULL};
	long long bad;
	if (run_batch(t, lv, &b, &bad, err) != QD_OK)
		return 0;
	done(t, lv);
	return 1;
}

static int assign_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct list_view *lv = ctx;
	struct item_fields v = ITEM_FIELDS_INIT;
	if (tui_form_changed(f, 0))
		v.owner_id = tui_form_person_id(f, 0);
	if (tui_form_changed(f, 1))
		v.lead_id = tui_form_person_id(f, 1);
	if (item_fields_empty(&v)) {
		tui_say(t, "%s", msg(M_NOTHING_TO_CHANGE));
		return 1;
	}
	struct strbuf err = {0};
	int ok = assign_fields(t, lv, &v, &err);
	if (!ok)
		tui_form_error(t, f, err.s);
	sb_free(&err);
	return ok;
}

static void assign(struct tui *t, struct list_view *lv, const char *who)
{
	if (!may_assign(t))
		return;
	struct strbuf err = {0};
	if (who) {
		struct item_fields v = ITEM_FIELDS_INIT;
		if (qd_find_person(t->q, who, &v.owner_id, &err) != QD_OK ||
		    !assign_fields(t, lv, &v, &err))
			tui_error(t, &err);
		sb_free(&err);
		return;
	}
	char *title = xasprintf(msg(M_RS_FORM_ASSIGN), lv->nmarks);
	struct tui_form_cb cb = {assign_submit, NULL, lv};
	struct tui_form *f = tui_form_new(title, &cb);
	free(title);
	tui_form_person(f, msg(M_SHOW_OWNER), 0, NULL);
	tui_form_person(f, msg(M_SHOW_LEAD), 0, NULL);
	tui_form_open(t, f);
}

/* ---- status ---- */

struct move_ctx {
	struct list_view *lv;
	enum item_status to;
};

static enum qd_status move_all(struct tui *t, struct list_view *lv, enum item_status to,
			       const char *reason, long long *bad, struct strbuf *err)
{
	struct batch b = {1, ITEM_FIELDS_INIT, to, reason};
	enum qd_status s = run_batch(t, lv, &b, bad, err);
	if (s == QD_OK)
		done(t, lv);
	return s;
}

static int reason_done(struct tui *t, void *ctx, const char *text)
{
	struct move_ctx *c = ctx;
	struct strbuf err = {0};
	long long bad;
	enum qd_status s = move_all(t, c->lv, c->to, text, &bad, &err);
	if (s != QD_OK)
		tui_error(t, &err);
	sb_free(&err);
	return s != QD_INVALID;   /* a missing reason: the prompt stays */
}

static void move_to(struct tui *t, struct list_view *lv, enum item_status to)
{
	struct strbuf err = {0};
	long long bad = 0;
	enum qd_status s = move_all(t, lv, to, NULL, &bad, &err);
	struct item it = {0};
	int mi = bad ? list_marked(lv, bad) : -1;
	if (s == QD_INVALID && mi >= 0 && qd_get_item(t->q, bad, &it, NULL) == QD_OK &&
	    it.version == lv->marks[mi].version && qd_may_move(t->q, &it, to)) {
		/* allowed and permitted, yet refused: the rules want a reason */
		struct move_ctx *c = xmalloc(sizeof *c);
		c->lv = lv;
		c->to = to;
		char *label = xasprintf(msg(M_TUI_PROMPT_REASON), status_label(to));
		struct tui_prompt_cb cb = {reason_done, NULL, NULL, free, c};
		tui_prompt(t, label, "", &cb);
		free(label);
	} else if (s != QD_OK) {
		tui_error(t, &err);
	}
	item_clear(&it);
	sb_free(&err);
}

static void status_chosen(struct tui *t, void *ctx, long long to, const char *label)
{
	(void)label;
	move_to(t, ctx, (enum item_status)to);
}

static void status(struct tui *t, struct list_view *lv, const char *arg)
{
	if (tui_refuse_readonly(t))
		return;
	if (arg) {
		int to = status_parse(arg);
		if (to < 0) {
			char *m = xasprintf(msg(M_BAD_STATUS), arg);
			tui_error_text(t, m);
			free(m);
			return;
		}
		move_to(t, lv, (enum item_status)to);
		return;
	}
	/* every move, dim where some marked item may not make it */
	const char *labels[ST__COUNT];
	long long ids[ST__COUNT];
	int dim[ST__COUNT], n = 0;
	for (int s = ST_IN_PROGRESS; s < ST__COUNT; s++) {
		labels[n] = status_label((enum item_status)s);
		ids[n] = s;
		dim[n] = 0;
		for (int i = 0; i < lv->nmarks && !dim[n]; i++) {
			struct item it = {0};
			if (qd_get_item(t->q, lv->marks[i].id, &it, NULL) != QD_OK ||
			    !qd_may_move(t->q, &it, (enum item_status)s))
				dim[n] = 1;
			item_clear(&it);
		}
		n++;
	}
	char *title = xasprintf(msg(M_RS_PICK_STATUS), lv->nmarks);
	struct tui_pick_cb cb = {status_chosen, NULL, lv};
	tui_pick_choice(t, title, labels, ids, dim, n, &cb);
	free(title);
}

/* ---- due ---- */

struct due_ctx {
	struct list_view *lv;
	long long id;      /* one item (no marks), else 0 */
	int version;
};

static int due_done(struct tui *t, void *ctx, const char *text)
{
	struct due_ctx *c = ctx;
	struct item_fields f = ITEM_FIELDS_INIT;
	char iso[11];
	int day;
	f.due = "";
	if (!str_empty(text)) {
		/* due words of the working year, kept as the due text (as item set --due) */
		int w = date_due_words(text, t->q->year, &day);
		if (w != 0) {
			char *m = xasprintf(msg(w < 0 ? M_DUE_IMPOSSIBLE : M_DUE_NOT_DUE), text);
			tui_error_text(t, m);
			free(m);
			return 0;
		}
		f.due = date_format(day, iso);
		if (date_parse(text, &day) != 0)
			f.due_text = text;
	}
	struct strbuf err = {0};
	enum qd_status s;
	if (c->id) {
		s = qd_item_set(t->q, c->id, c->version, &f, &err);
		tui_changed(t);
		if (s == QD_OK) {
			list_select(t, c->lv, c->id);
			tui_say(t, msg(M_TUI_SAVED), c->id);
		}
	} else {
		s = assign_fields(t, c->lv, &f, &err) ? QD_OK : QD_INVALID;
	}
	if (s != QD_OK)
		tui_error(t, &err);
	sb_free(&err);
	return s == QD_OK || s == QD_CONFLICT || s == QD_NOTFOUND;
}

static void due(struct tui *t, struct list_view *lv, const char *arg)
{
	struct page_item *r = lv->nmarks ? NULL : list_current(lv);
	if (!lv->nmarks && !r) {
		tui_error_text(t, msg(M_TUI_NO_SELECTION));
		return;
	}
	if (!may_assign(t))
		return;
	struct due_ctx *c = xcalloc(1, sizeof *c);
	c->lv = lv;
	c->id = r ? r->it.id : 0;
	c->version = r ? r->it.version : 0;
	if (arg && due_done(t, c, arg)) {
		free(c);
		return;
	}
	char *label = r ? xasprintf(msg(M_RS_PROMPT_DUE), r->it.id)
			: xasprintf(msg(M_RS_PROMPT_DUE_N), lv->nmarks);
	const char *now = r ? r->it.due : NULL;
	struct tui_prompt_cb cb = {due_done, NULL, NULL, free, c};
	tui_prompt(t, label, arg ? arg : now ? now : "", &cb);
	free(label);
}

int list_mark_act(struct tui *t, struct list_view *lv, enum tui_action a, const char *arg)
{
	switch (a) {
	case TA_MARK: return toggle(t, lv) ? LIST_MARK_NEXT : TUI_DONE;
	case TA_TRASH: tui_push_view(t, &tui_trash_ops, 0); return TUI_DONE;
	case TA_RESTORE: tui_error_text(t, msg(M_RS_TRASH_ONLY)); return TUI_DONE;
	case TA_DUE: due(t, lv, arg); return TUI_DONE;
	default: break;
	}
	if (!lv->nmarks)
		return TUI_PASS;
	switch (a) {
	case TA_BACK: list_marks_clear(lv); say_marked(t, lv); return TUI_DONE;
	case TA_ASSIGN: assign(t, lv, arg); return TUI_DONE;
	case TA_STATUS: status(t, lv, arg); return TUI_DONE;
	default: return TUI_PASS;
	}
}

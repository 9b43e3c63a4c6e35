/* tui_item.c — working on items from a list view: add and edit (forms),
 * delete (confirm), assign owner and lead (person pickers), move along the
 * status machine (with a reason prompt when the model asks for one), add a
 * 履责纪实 note, and search, filter and sort the view.
 *
 * The rules live in the model, not here.  Every write is one model call;
 * when the model refuses (not permitted, invalid transition, stale
 * version, read-only file) its message goes to the status line, nothing is
 * written, and what the user typed stays in the form or prompt.  Where the
 * UI must decide before asking for input (may this user edit at all?) it
 * asks the model (qd_may_edit_items, qd_may_move) and, to explain a no,
 * lets the model refuse an empty request, which it does before touching
 * anything. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/text.h"
#include "qingdan/tui_list.h"

/* ---- permission up front ---- */

static int may_edit(struct tui *t, enum tui_action a)
{
	if (tui_refuse_readonly(t))
		return 0;
	if (qd_may_edit_items(t->q))
		return 1;
	struct strbuf err = {0};
	if (a == TA_DELETE) {
		qd_item_delete(t->q, 0, &err);
	} else {
		struct item_fields none = ITEM_FIELDS_INIT;
		qd_item_set(t->q, 0, 0, &none, &err);
	}
	tui_error(t, &err);
	sb_free(&err);
	return 0;
}

static struct page_item *selected_or_say(struct tui *t, struct list_view *lv)
{
	struct page_item *r = list_current(lv);
	if (!r)
		tui_error_text(t, msg(M_TUI_NO_SELECTION));
	return r;
}

/* ---- add and edit ---- */

enum { F_CAT, F_CONTENT, F_MEASURES, F_STANDARD, F_DUE, F_DUE_TEXT, F_OWNER, F_LEAD };

struct edit_ctx {
	struct list_view *lv;
	long long org_id, id;
	int version, year;      /* year: of the item, for due words */
	char due[11];           /* the due field as a date */
};

static struct tui_form *item_form(const char *title, struct edit_ctx *c,
				  int (*submit)(struct tui *, struct tui_form *, void *),
				  const struct item *it)
{
	struct tui_form_cb cb = {submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	tui_form_text(f, msg(M_SHOW_CATEGORY), it ? it->category : "", TF_TEXT);
	tui_form_text(f, msg(M_SHOW_CONTENT), it ? it->content : "", TF_TEXT);
	tui_form_text(f, msg(M_SHOW_MEASURES), it ? it->measures : "", TF_TEXT);
	tui_form_text(f, msg(M_SHOW_STANDARD), it ? it->standard : "", TF_TEXT);
	tui_form_text(f, msg(M_SHOW_DUE), it ? it->due : "", TF_DUE);
	tui_form_text(f, msg(M_TUI_DUE_TEXT), it ? it->due_text : "", TF_TEXT);
	tui_form_person(f, msg(M_SHOW_OWNER), it ? it->owner_id : 0, it ? it->owner_name : NULL);
	tui_form_person(f, msg(M_SHOW_LEAD), it ? it->lead_id : 0, it ? it->lead_name : NULL);
	return f;
}

/* The fields of the form; with only_changed, NULL / -1 for the untouched. */
static struct item_fields form_fields(const struct tui_form *f, int only_changed)
{
	struct item_fields v = ITEM_FIELDS_INIT;
	const char **text[] = {&v.category, &v.content, &v.measures, &v.standard, &v.due, &v.due_text};
	for (int i = F_CAT; i <= F_DUE_TEXT; i++)
		if (!only_changed || tui_form_changed(f, i))
			*text[i] = tui_form_value(f, i);
	if (!only_changed || tui_form_changed(f, F_OWNER))
		v.owner_id = tui_form_person_id(f, F_OWNER);
	if (!only_changed || tui_form_changed(f, F_LEAD))
		v.lead_id = tui_form_person_id(f, F_LEAD);
	return v;
}

/* Due words in the due field (6月底前): the date of the item's year into
 * v->due, the words into the due text unless that field was changed or
 * filled in too.  A plain date or anything else goes to the model as is. */
static void due_words_of(const struct tui_form *f, struct edit_ctx *c, struct item_fields *v,
			 int only_changed)
{
	int day;
	if (str_empty(v->due) || date_parse(v->due, &day) == 0 ||
	    date_due_words(v->due, c->year, &day) != 0)
		return;
	const char *words = v->due;
	v->due = date_format(day, c->due);
	int text_given = only_changed ? tui_form_changed(f, F_DUE_TEXT)
				      : !str_empty(tui_form_value(f, F_DUE_TEXT));
	if (!text_given)
		v->due_text = words;
}

static int add_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct edit_ctx *c = ctx;
	struct item_fields v = form_fields(f, 0);
	due_words_of(f, c, &v, 0);
	struct strbuf err = {0};
	long long id = 0;
	if (qd_item_add(t->q, c->org_id, &v, &id, &err) != QD_OK) {
		tui_form_error(t, f, err.s);
		sb_free(&err);
		return 0;
	}
	tui_changed(t);
	list_select(t, c->lv, id);
	tui_say(t, msg(M_TUI_ADDED), id);
	return 1;
}

static void add(struct tui *t, struct list_view *lv)
{
	if (lv->sc.person_id) {
		tui_error_text(t, msg(M_TUI_ADD_IN_LIST));
		return;
	}
	if (!may_edit(t, TA_ADD))
		return;
	const struct org *o = tui_org(t, lv->sc.org_id);
	if (!o) {
		tui_error_text(t, msg(M_TUI_NO_ORG));
		return;
	}
	struct edit_ctx *c = xcalloc(1, sizeof *c);
	c->lv = lv;
	c->org_id = o->id;
	c->year = t->q->year;
	char *title = xasprintf(msg(M_TUI_FORM_ADD), o->name, t->q->year);
	struct tui_form *f = item_form(title, c, add_submit, NULL);
	free(title);
	tui_form_open(t, f);
}

/* A stale save: show the other change, keep the input, edit the new
 * version next time. */
static void stale(struct tui *t, struct tui_form *f, struct edit_ctx *c, const struct strbuf *err)
{
	struct item now = {0};
	if (qd_get_item(t->q, c->id, &now, NULL) == QD_OK)
		c->version = now.version;
	item_clear(&now);
	tui_form_error(t, f, err->s);
}

/* Save changed fields of the item being edited or assigned: a refusal keeps
 * the form open with the reason (a stale edit also shows the other change). */
static int save_fields(struct tui *t, struct tui_form *f, struct edit_ctx *c,
		       const struct item_fields *v)
{
	if (item_fields_empty(v)) {
		tui_say(t, "%s", msg(M_NOTHING_TO_CHANGE));
		return 1;
	}
	struct strbuf err = {0};
	enum qd_status s = qd_item_set(t->q, c->id, c->version, v, &err);
	if (s == QD_CONFLICT)
		stale(t, f, c, &err);
	else if (s != QD_OK)
		tui_form_error(t, f, err.s);
	sb_free(&err);
	tui_changed(t);   /* after a refusal: show the other change in the list behind */
	if (s != QD_OK)
		return 0;
	list_select(t, c->lv, c->id);
	tui_say(t, msg(M_TUI_SAVED), c->id);
	return 1;
}

static int edit_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct item_fields v = form_fields(f, 1);
	due_words_of(f, ctx, &v, 1);
	return save_fields(t, f, ctx, &v);
}

static void open_edit(struct tui *t, struct list_view *lv, long long id)
{
	struct item it = {0};
	struct strbuf err = {0};
	if (qd_get_item(t->q, id, &it, &err) != QD_OK) {
		tui_error(t, &err);
		sb_free(&err);
		return;
	}
	struct edit_ctx *c = xcalloc(1, sizeof *c);
	c->lv = lv;
	c->id = id;
	c->version = it.version;
	c->year = it.year;
	char *title = xasprintf(msg(M_TUI_FORM_EDIT), id, it.org_name ? it.org_name : "", it.seq);
	struct tui_form *f = item_form(title, c, edit_submit, &it);
	free(title);
	tui_form_open(t, f);
	item_clear(&it);
}

/* ---- assign ---- */

static int assign_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct item_fields v = ITEM_FIELDS_INIT;
	if (tui_form_changed(f, 0))
		v.owner_id = tui_form_person_id(f, 0);
	if (tui_form_changed(f, 1))
		v.lead_id = tui_form_person_id(f, 1);
	return save_fields(t, f, ctx, &v);
}

static void open_assign(struct tui *t, struct list_view *lv, const struct item *it)
{
	struct edit_ctx *c = xcalloc(1, sizeof *c);
	c->lv = lv;
	c->id = it->id;
	c->version = it->version;
	char *title = xasprintf(msg(M_TUI_FORM_ASSIGN), it->id, it->org_name ? it->org_name : "",
				it->seq);
	struct tui_form_cb cb = {assign_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	free(title);
	tui_form_person(f, msg(M_SHOW_OWNER), it->owner_id, it->owner_name);
	tui_form_person(f, msg(M_SHOW_LEAD), it->lead_id, it->lead_name);
	tui_form_open(t, f);
}

static void assign_to(struct tui *t, struct list_view *lv, struct page_item *r, const char *who)
{
	struct strbuf err = {0};
	struct item_fields v = ITEM_FIELDS_INIT;
	if (qd_find_person(t->q, who, &v.owner_id, &err) == QD_OK &&
	    qd_item_set(t->q, r->it.id, r->it.version, &v, &err) == QD_OK) {
		long long id = r->it.id;
		tui_changed(t);
		list_select(t, lv, id);
		tui_say(t, msg(M_TUI_SAVED), id);
	} else {
		tui_error(t, &err);
		tui_changed(t);
	}
	sb_free(&err);
}

/* ---- status ---- */

struct move_ctx {
	struct list_view *lv;
	long long id;
	int version;
	enum item_status to;
};

static void moved(struct tui *t, struct move_ctx *c)
{
	tui_changed(t);
	if (c->lv)
		list_select(t, c->lv, c->id);
	tui_say(t, msg(M_TUI_MOVED), c->id, status_label(c->to));
}

static int reason_done(struct tui *t, void *ctx, const char *text)
{
	struct move_ctx *c = ctx;
	if (str_empty(text)) {
		/* the model's words name the CLI's --reason: here it is this prompt */
		char *m = xasprintf(msg(M_SCR_REASON_EMPTY), status_label(c->to));
		tui_error_text(t, m);
		free(m);
		return 0;
	}
	struct strbuf err = {0};
	enum qd_status s = qd_item_move(t->q, c->id, c->version, c->to, text, &err);
	if (s == QD_OK)
		moved(t, c);
	else
		tui_error(t, &err);
	sb_free(&err);
	return s == QD_OK || s == QD_CONFLICT || s == QD_DENIED;
}

static void move_to(struct tui *t, struct list_view *lv, long long id, int version,
		    enum item_status to)
{
	struct move_ctx *c = xcalloc(1, sizeof *c);
	c->lv = lv;
	c->id = id;
	c->version = version;
	c->to = to;
	struct strbuf err = {0};
	enum qd_status s = qd_item_move(t->q, id, version, to, NULL, &err);
	struct item it = {0};
	if (s == QD_OK) {
		moved(t, c);
		free(c);
	} else if (s == QD_INVALID && qd_get_item(t->q, id, &it, NULL) == QD_OK &&
		   it.version == version && qd_may_move(t->q, &it, to)) {
		/* allowed and permitted, yet refused: the rules want a reason */
		char *label = xasprintf(msg(M_TUI_PROMPT_REASON), status_label(to));
		struct tui_prompt_cb cb = {reason_done, NULL, NULL, free, c};
		tui_prompt(t, label, "", &cb);
		free(label);
	} else {
		tui_error(t, &err);
		tui_changed(t);
		free(c);
	}
	item_clear(&it);
	sb_free(&err);
}

struct status_pick {
	struct list_view *lv;
	long long id;
	int version;
};

static void status_chosen(struct tui *t, void *ctx, long long to, const char *label)
{
	struct status_pick *p = ctx;
	(void)label;
	move_to(t, p->lv, p->id, p->version, (enum item_status)to);
}

static void status(struct tui *t, struct list_view *lv, const char *arg)
{
	struct page_item *r = selected_or_say(t, lv);
	if (r)
		item_open_status(t, lv, &r->it, arg);
}

/* No move is open to this user: say so, with the model's reason for the
 * first one (it refuses before writing anything). */
static void no_move(struct tui *t, const struct item *it, int to)
{
	struct strbuf err = {0};
	if (to < 0 || qd_item_move(t->q, it->id, it->version, (enum item_status)to, NULL, &err) == QD_OK) {
		tui_changed(t);   /* not expected: the check and the model agree */
	} else {
		char *m = xasprintf(msg(M_SCR_NO_MOVE), it->id, status_label(it->status), err.s ? err.s : "");
		tui_error_text(t, m);
		free(m);
	}
	sb_free(&err);
}

void item_open_status(struct tui *t, struct list_view *lv, const struct item *it, const char *arg)
{
	if (tui_refuse_readonly(t))
		return;
	struct page_item row = {0}, *r = &row;
	row.it = *it;   /* borrowed: only read here */
	if (arg) {
		int to = status_parse(arg);
		if (to < 0) {
			char *m = xasprintf(msg(M_BAD_STATUS), arg);
			tui_error_text(t, m);
			free(m);
			return;
		}
		move_to(t, lv, r->it.id, r->it.version, (enum item_status)to);
		return;
	}
	/* only the moves the rules allow this user for this item */
	const char *labels[ST__COUNT];
	long long ids[ST__COUNT];
	int n = 0, first = -1;
	for (int s = ST_IN_PROGRESS; s < ST__COUNT; s++) {
		if (s == (int)r->it.status)
			continue;
		if (first < 0)
			first = s;
		if (!qd_may_move(t->q, &r->it, (enum item_status)s))
			continue;
		labels[n] = status_label((enum item_status)s);
		ids[n] = s;
		n++;
	}
	if (n == 0) {
		no_move(t, &r->it, first);
		return;
	}
	struct status_pick *p = xmalloc(sizeof *p);
	p->lv = lv;
	p->id = r->it.id;
	p->version = r->it.version;
	char *title = xasprintf(msg(M_TUI_PICK_STATUS), r->it.id, status_label(r->it.status));
	struct tui_pick_cb cb = {status_chosen, free, p};
	tui_pick_choice(t, title, labels, ids, NULL, n, &cb);
	free(title);
}

/* ---- note ---- */

struct note_ctx {
	struct list_view *lv;
	long long id;
};

static int note_done(struct tui *t, void *ctx, const char *text)
{
	struct note_ctx *c = ctx;
	struct strbuf err = {0};
	enum qd_status s = qd_item_note(t->q, c->id, NULL, text, &err);
	if (s == QD_OK) {
		tui_changed(t);
		if (c->lv)
			list_select(t, c->lv, c->id);
		tui_say(t, msg(M_TUI_NOTED), c->id);
	} else {
		tui_error(t, &err);
	}
	sb_free(&err);
	return s == QD_OK || s == QD_DENIED || s == QD_NOTFOUND;
}

static void note(struct tui *t, struct list_view *lv, const char *arg)
{
	struct page_item *r = selected_or_say(t, lv);
	if (r)
		item_open_note(t, lv, r->it.id, arg);
}

void item_open_note(struct tui *t, struct list_view *lv, long long id, const char *arg)
{
	if (tui_refuse_readonly(t))
		return;
	struct note_ctx *c = xmalloc(sizeof *c);
	c->lv = lv;
	c->id = id;
	if (arg && note_done(t, c, arg)) {
		free(c);
		return;
	}
	/* `:note TEXT` that could not be saved (a busy file): kept in the prompt */
	char *label = xasprintf(msg(M_TUI_PROMPT_NOTE), id, t->today);
	struct tui_prompt_cb cb = {note_done, NULL, NULL, free, c};
	tui_prompt(t, label, arg ? arg : "", &cb);
	free(label);
}

/* ---- delete ---- */

static int delete_done(struct tui *t, void *ctx, const char *text)
{
	struct note_ctx *c = ctx;
	struct strbuf err = {0};
	(void)text;
	if (qd_item_delete(t->q, c->id, &err) == QD_OK) {
		tui_changed(t);
		tui_say(t, msg(M_TUI_DELETED), c->id);
	} else {
		tui_error(t, &err);
	}
	sb_free(&err);
	return 1;
}

static void delete(struct tui *t, struct list_view *lv)
{
	struct page_item *r = selected_or_say(t, lv);
	if (!r || !may_edit(t, TA_DELETE))
		return;
	struct note_ctx *c = xmalloc(sizeof *c);
	c->lv = lv;
	c->id = r->it.id;
	char *what = text_fit(r->it.content ? r->it.content : "", 24, 1);
	char *q = xasprintf(msg(M_TUI_CONFIRM_DELETE), r->it.id, what);
	free(what);
	struct tui_prompt_cb cb = {delete_done, NULL, NULL, free, c};
	tui_confirm(t, q, &cb);
	free(q);
}

/* ---- search, filter, sort ---- */

static void search_changed(struct tui *t, void *ctx, const char *text)
{
	struct list_view *lv = ctx;
	list_set_search(lv, text);
	list_reload(t, lv);
}

static int search_done(struct tui *t, void *ctx, const char *text)
{
	struct list_view *lv = ctx;
	search_changed(t, lv, text);
	xfree(&lv->search_before);
	if (lv->search)
		tui_say(t, msg(M_TUI_FOUND), lv->counts.total, lv->search);
	return 1;
}

static void search_cancel(struct tui *t, void *ctx)
{
	struct list_view *lv = ctx;
	list_set_search(lv, lv->search_before);
	xfree(&lv->search_before);
	list_reload(t, lv);
}

static void search(struct tui *t, struct list_view *lv, const char *arg)
{
	if (arg) {
		search_done(t, lv, arg);
		return;
	}
	free(lv->search_before);
	lv->search_before = lv->search ? xstrdup(lv->search) : NULL;
	struct tui_prompt_cb cb = {search_done, search_changed, search_cancel, NULL, lv};
	tui_prompt(t, "/", lv->search, &cb);
}

enum { FF_STATUS, FF_OWNER, FF_OVERDUE, FF_CATEGORY };

struct filter_ctx {
	struct list_view *lv;
	char **cats;
	int ncats;
};

static void filter_ctx_free(void *ctx)
{
	struct filter_ctx *c = ctx;
	for (int i = 0; i < c->ncats; i++)
		free(c->cats[i]);
	free(c->cats);
	free(c);
}

static void set_owner(struct list_view *lv, long long id, const char *name)
{
	lv->sc.owner_id = id;
	free(lv->owner_name);
	lv->owner_name = id ? xstrdup(name ? name : "") : NULL;
}

static int filter_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct filter_ctx *c = ctx;
	struct list_view *lv = c->lv;
	lv->sc.status = tui_form_choice_value(f, FF_STATUS) - 1;
	set_owner(lv, tui_form_person_id(f, FF_OWNER), tui_form_value(f, FF_OWNER));
	lv->sc.overdue = tui_form_choice_value(f, FF_OVERDUE);
	int cat = tui_form_choice_value(f, FF_CATEGORY);
	xfree(&lv->category);
	if (cat > 0 && cat <= c->ncats)
		lv->category = xstrdup(c->cats[cat - 1]);
	list_reload(t, lv);
	return 1;
}

/* `:filter overdue status=进行中 owner=王芳 category=组织建设` */
static void filter_words(struct tui *t, struct list_view *lv, const char *arg)
{
	char *copy = xstrdup(arg);
	for (char *w = strtok(copy, " "); w; w = strtok(NULL, " ")) {
		struct strbuf err = {0};
		long long id;
		if (strcmp(w, "overdue") == 0) {
			lv->sc.overdue = 1;
		} else if (strncmp(w, "status=", 7) == 0 && status_parse(w + 7) >= 0) {
			lv->sc.status = status_parse(w + 7);
		} else if (strncmp(w, "owner=", 6) == 0 && qd_find_person(t->q, w + 6, &id, &err) == QD_OK) {
			struct person p = {0};
			qd_get_person(t->q, id, &p);
			set_owner(lv, id, p.name);
			person_clear(&p);
		} else if (strncmp(w, "category=", 9) == 0) {
			free(lv->category);
			lv->category = xstrdup(w + 9);
		} else {
			set_owner(lv, lv->sc.owner_id, lv->owner_name);
			char *m = err.len ? xstrdup(err.s) : xasprintf(msg(M_TUI_BAD_FILTER), w);
			tui_error_text(t, m);
			free(m);
		}
		sb_free(&err);
	}
	free(copy);
	list_reload(t, lv);
}

static void open_filter(struct tui *t, struct list_view *lv, const char *arg)
{
	if (arg) {
		filter_words(t, lv, arg);
		return;
	}
	struct filter_ctx *c = xcalloc(1, sizeof *c);
	c->lv = lv;
	store_page_categories(t->q->db, &lv->sc, &c->cats, &c->ncats);
	const char *st[ST__COUNT + 1];
	st[0] = msg(M_TUI_ANY);
	for (int s = 0; s < ST__COUNT; s++)
		st[s + 1] = status_label((enum item_status)s);
	const char **cats = xcalloc((size_t)c->ncats + 1, sizeof *cats);
	int cur_cat = 0;
	cats[0] = msg(M_TUI_ANY);
	for (int i = 0; i < c->ncats; i++) {
		cats[i + 1] = c->cats[i];
		if (lv->category && strcmp(lv->category, c->cats[i]) == 0)
			cur_cat = i + 1;
	}
	struct tui_form_cb cb = {filter_submit, filter_ctx_free, c};
	struct tui_form *f = tui_form_new(msg(M_TUI_FORM_FILTER), &cb);
	tui_form_choice(f, msg(M_SHOW_STATUS), st, ST__COUNT + 1, lv->sc.status + 1);
	tui_form_person(f, msg(M_SHOW_OWNER), lv->sc.owner_id, lv->owner_name);
	tui_form_toggle(f, msg(M_TUI_ONLY_OVERDUE), lv->sc.overdue);
	tui_form_choice(f, msg(M_SHOW_CATEGORY), cats, c->ncats + 1, cur_cat);
	free(cats);
	tui_form_open(t, f);
}

static void clear_filter(struct tui *t, struct list_view *lv)
{
	lv->sc.status = -1;
	set_owner(lv, 0, NULL);
	lv->sc.overdue = 0;
	xfree(&lv->category);
	list_set_search(lv, NULL);
	list_reload(t, lv);
	tui_say(t, "%s", msg(M_TUI_FILTERS_CLEARED));
}

static void sort(struct tui *t, struct list_view *lv, const char *arg)
{
	static const char *const names[] = {"seq", "due", "status"};
	static const enum msg_id labels[] = {M_TUI_SORT_SEQ, M_TUI_SORT_DUE, M_TUI_SORT_STATUS};
	int next = (lv->sc.sort + 1) % PAGE_SORT__COUNT;
	if (arg) {
		next = -1;
		for (int i = 0; i < PAGE_SORT__COUNT; i++)
			if (strcmp(arg, names[i]) == 0 || strcmp(arg, msg(labels[i])) == 0)
				next = i;
		if (next < 0) {
			char *m = xasprintf(msg(M_TUI_BAD_SORT), arg);
			tui_error_text(t, m);
			free(m);
			return;
		}
	}
	lv->sc.sort = (enum page_sort)next;
	list_reload(t, lv);
	tui_say(t, "%s%s", msg(M_TUI_SORTED_BY), msg(labels[next]));
}

int list_item_act(struct tui *t, struct list_view *lv, enum tui_action a, const char *arg)
{
	struct page_item *r;
	switch (a) {
	case TA_ADD: add(t, lv); break;
	case TA_EDIT:
		if ((r = selected_or_say(t, lv)) && may_edit(t, a))
			open_edit(t, lv, r->it.id);
		break;
	case TA_ASSIGN:
		if (!(r = selected_or_say(t, lv)) || !may_edit(t, a))
			break;
		if (arg)
			assign_to(t, lv, r, arg);
		else
			open_assign(t, lv, &r->it);
		break;
	case TA_DELETE: delete(t, lv); break;
	case TA_STATUS: status(t, lv, arg); break;
	case TA_NOTE: note(t, lv, arg); break;
	case TA_SEARCH: search(t, lv, arg); break;
	case TA_FILTER: open_filter(t, lv, arg); break;
	case TA_CLEAR_FILTER: clear_filter(t, lv); break;
	case TA_SORT: sort(t, lv, arg); break;
	default: return TUI_PASS;
	}
	return TUI_DONE;
}

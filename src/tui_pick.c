/* tui_pick.c — pickers: a popup list narrowed as you type.  People (the
 * owner and lead fields, the owner filter) are searched in the database on
 * every keystroke, name prefix first through the name index, then any
 * name or post containing the text, "#ID" for one id, and 王伟（副局长）
 * the 王伟 whose post or branch fits (model_person.c) — so a picker over
 * 100k people costs one short query per key, never a full load.  Branches
 * and fixed choices (status targets, categories) are filtered in memory. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/norm.h"
#include "qingdan/store_page.h"
#include "qingdan/text.h"
#include "qingdan/tui_view.h"

enum pick_kind { PK_PERSON, PK_BRANCH, PK_CHOICE };
enum { PICK_MAX = 60 };

struct picker {
	struct tui_modal m;
	enum pick_kind kind;
	char *title;
	struct tui_line query;
	int allow_none;
	/* what is shown */
	int n;
	char **labels, **names;
	long long *ids;
	int *dim;
	struct tui_scroll sc;
	/* fixed choices */
	char **all;
	long long *all_ids;
	int *all_dim, nall;
	struct tui_pick_cb cb;
};

static void clear_shown(struct picker *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->labels[i]);
		free(p->names[i]);
	}
	free(p->labels);
	free(p->names);
	free(p->ids);
	free(p->dim);
	p->labels = p->names = NULL;
	p->ids = NULL;
	p->dim = NULL;
	p->n = 0;
}

static void add_shown(struct picker *p, long long id, const char *name, const char *label, int dim)
{
	p->labels = xrealloc(p->labels, (size_t)(p->n + 1) * sizeof *p->labels);
	p->names = xrealloc(p->names, (size_t)(p->n + 1) * sizeof *p->names);
	p->ids = xrealloc(p->ids, (size_t)(p->n + 1) * sizeof *p->ids);
	p->dim = xrealloc(p->dim, (size_t)(p->n + 1) * sizeof *p->dim);
	p->labels[p->n] = xstrdup(label);
	p->names[p->n] = xstrdup(name);
	p->ids[p->n] = id;
	p->dim[p->n] = dim;
	p->n++;
}

/* What to search for as the user types a person: the name in normal form;
 * of 王伟（副局长） the name (the bracket then narrows the list, as
 * everywhere a person is named); of "#12 王伟（…）" the id. */
static char *person_query(const char *typed, struct person_ref *r)
{
	char *norm = norm_name(typed);
	if (qd_person_ref_parse(typed, r) != 0)
		return norm ? norm : xstrdup(typed);
	if (r->id && !r->foreign_id) {
		free(norm);
		xfree(&r->qual);
		return xasprintf("#%lld", r->id);
	}
	if (r->qual) {
		free(norm);
		return xstrdup(r->name);
	}
	return norm;
}

static void refill(struct tui *t, struct picker *p)
{
	const char *q = tui_line_text(&p->query);
	clear_shown(p);
	if (p->allow_none && !*q)
		add_shown(p, 0, "", msg(M_NONE), 0);
	if (p->kind == PK_PERSON) {
		struct person found[PICK_MAX];
		struct person_ref r;
		char *text = person_query(q, &r);
		int n = store_page_person_search(t->q->db, text, PICK_MAX, found);
		for (int i = 0; i < n; i++) {
			char *label = xasprintf("%s  %s  %s", found[i].name, found[i].post ? found[i].post : "",
						found[i].org_name ? found[i].org_name : "");
			if (!r.qual || qd_person_fits(&found[i], r.qual))
				add_shown(p, found[i].id, found[i].name, label, 0);
			free(label);
			person_clear(&found[i]);
		}
		person_ref_clear(&r);
		free(text);
	} else if (p->kind == PK_BRANCH) {
		for (int i = 0; i < t->norgs; i++)
			if (str_eq(t->orgs[i].level, "branch") && (!*q || strstr(t->orgs[i].name, q)))
				add_shown(p, t->orgs[i].id, t->orgs[i].name, t->orgs[i].name, 0);
	} else {
		for (int i = 0; i < p->nall; i++)
			if (!*q || strstr(p->all[i], q))
				add_shown(p, p->all_ids[i], p->all[i], p->all[i], p->all_dim[i]);
	}
	p->sc.n = p->n;
	p->sc.cur = 0;
	p->sc.top = 0;
	if (p->kind == PK_BRANCH)
		for (int i = 0; i < p->n; i++)
			if (p->ids[i] == t->branch_org)
				p->sc.cur = i;
}

static int page_rows(const struct tui *t)
{
	int h = t->lines - 4 < PICK_MAX + 4 ? t->lines - 4 : PICK_MAX + 4;
	return h - 4 > 1 ? h - 4 : 1;
}

static int pick_key(struct tui *t, struct tui_modal *m, int key)
{
	struct picker *p = (struct picker *)m;
	static const struct {
		int key;
		enum tui_action a;
	} moves[] = {
		{TUI_KEY(KEY_DOWN), TA_DOWN}, {TUI_KEY(KEY_UP), TA_UP},
		{TUI_KEY(KEY_NPAGE), TA_PAGE_DOWN}, {TUI_KEY(KEY_PPAGE), TA_PAGE_UP},
		{TUI_TAB, TA_DOWN}, {TUI_KEY(KEY_BTAB), TA_UP},
	};
	if (key == TUI_ESC || key == 3 || key == 7)
		return 1;
	if (key == TUI_ENTER) {
		if (p->n == 0)
			return 0;
		int i = p->sc.cur;
		tui_modal_detach(t, m);
		/* a person as the screen names them: 王伟（组织委员） for a homonym */
		char *ref = p->kind == PK_PERSON && p->ids[i] ? qd_person_ref(t->q, p->ids[i]) : NULL;
		p->cb.done(t, p->cb.ctx, p->ids[i], ref ? ref : p->names[i]);
		free(ref);
		return 1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(moves); i++)
		if (moves[i].key == key) {
			tui_scroll_act(&p->sc, moves[i].a, page_rows(t));
			return 0;
		}
	struct strbuf before = {0};
	sb_puts(&before, tui_line_text(&p->query));
	if (tui_line_key(&p->query, key) && strcmp(before.s, tui_line_text(&p->query)) != 0)
		refill(t, p);
	sb_free(&before);
	return 0;
}

static void pick_draw(struct tui *t, struct tui_modal *m)
{
	struct picker *p = (struct picker *)m;
	int w = t->cols - 6 < 70 ? t->cols - 6 : 70;
	int rows = page_rows(t), shown = p->n < rows ? (p->n > 0 ? p->n : 1) : rows;
	int h = shown + 4, y = (t->lines - h) / 2, x = (t->cols - w) / 2;
	tui_scroll_fit(&p->sc, rows);
	tui_box(t, y, x, h, w, p->title);
	int lw = text_width(msg(M_TUI_PICK_SEARCH));
	tui_put(y + 1, x + 2, lw, msg(M_TUI_PICK_SEARCH), tui_attr(t, TS_KEY));
	tui_line_draw(t, &p->query, y + 1, x + 2 + lw, w - 4 - lw, tui_attr(t, TS_FIELD), 1);
	if (p->n == 0)
		tui_put(y + 2, x + 2, w - 4, msg(M_TUI_PICK_NONE), tui_attr(t, TS_DIM));
	for (int r = 0; r < shown && p->sc.top + r < p->n; r++) {
		int i = p->sc.top + r;
		attr_t a = i == p->sc.cur ? tui_attr(t, TS_SELECTED)
			 : tui_attr(t, p->dim[i] ? TS_DIM : TS_POPUP);
		tui_put(y + 2 + r, x + 1, w - 2, "", a);
		tui_put(y + 2 + r, x + 2, w - 4, p->labels[i], a);
	}
	tui_put(y + h - 1, x + 2, w - 4, msg(M_TUI_PICK_KEYS), tui_attr(t, TS_POPUP));
}

static void pick_free(struct tui_modal *m)
{
	struct picker *p = (struct picker *)m;
	clear_shown(p);
	for (int i = 0; i < p->nall; i++)
		free(p->all[i]);
	free(p->all);
	free(p->all_ids);
	free(p->all_dim);
	free(p->title);
	tui_line_free(&p->query);
	if (p->cb.ctx_free)
		p->cb.ctx_free(p->cb.ctx);
	free(p);
}

static const struct tui_modal_ops pick_ops = {pick_key, pick_draw, pick_free};

static struct picker *pick_new(struct tui *t, enum pick_kind kind, const char *title,
			       const char *initial, const struct tui_pick_cb *cb)
{
	struct picker *p = xcalloc(1, sizeof *p);
	p->m.ops = &pick_ops;
	p->kind = kind;
	p->title = xstrdup(title);
	p->cb = *cb;
	tui_line_set(&p->query, initial);
	tui_modal_push(t, &p->m);
	return p;
}

void tui_pick_person(struct tui *t, const char *title, const char *initial, int allow_none,
		     const struct tui_pick_cb *cb)
{
	struct picker *p = pick_new(t, PK_PERSON, title, initial, cb);
	p->allow_none = allow_none;
	refill(t, p);
}

void tui_pick_branch(struct tui *t, const struct tui_pick_cb *cb)
{
	refill(t, pick_new(t, PK_BRANCH, msg(M_TUI_PICK_BRANCH), "", cb));
}

void tui_pick_choice(struct tui *t, const char *title, const char *const *labels,
		     const long long *ids, const int *dim, int n, const struct tui_pick_cb *cb)
{
	struct picker *p = pick_new(t, PK_CHOICE, title, "", cb);
	p->nall = n;
	p->all = xcalloc((size_t)(n > 0 ? n : 1), sizeof *p->all);
	p->all_ids = xcalloc((size_t)(n > 0 ? n : 1), sizeof *p->all_ids);
	p->all_dim = xcalloc((size_t)(n > 0 ? n : 1), sizeof *p->all_dim);
	for (int i = 0; i < n; i++) {
		p->all[i] = xstrdup(labels[i]);
		p->all_ids[i] = ids[i];
		p->all_dim[i] = dim ? dim[i] : 0;
	}
	refill(t, p);
}

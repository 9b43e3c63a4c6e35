/* tui_pledge.c — tab 5, the pledges (责任书) of the year: a list in state
 * colours with the selected pledge's signatures below it, the progress line
 * ("已签订 45/50 · 逾期未签 3") at the right of the key line, and the work on
 * pledges — batch add, edit, issue, the signature dialog, assess, archive,
 * void, void-and-reissue, print — each a form or prompt whose save goes
 * through pledge.h, which checks the rules and says why when it refuses.
 * Enter opens the whole pledge (both signatures, the text) in a pager view.
 *
 * Keys are the action table's (tui_action.h): a add, e edit, s the next
 * step (a menu; `:status sign|issue|assess|archive|void|reissue` directly),
 * d void, f filter (`:filter overdue|proxy|…`), F clear, / find (`#ID`
 * jumps), p print.  Colours: overdue and 代签 red, signed green, draft,
 * archived and void dim.
 *
 * Paging is keyset by id (qd_pledge_page), so only the rows on screen are
 * read; every reload re-reads the window around the selected id.  The
 * dialogs live in tui_pledge_edit.c. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/outfile.h"
#include "qingdan/text.h"
#include "tui_pledge.h"

enum quick { Q_ALL, Q_ISSUED, Q_OVERDUE, Q_SIGNED, Q_DRAFT, Q_PROXY, Q_VOID, Q_MINE, Q__N };
static const char *const quick_names[Q__N] = {"all", "issued", "overdue", "signed",
					      "draft", "proxy", "void", "mine"};
static const enum msg_id quick_labels[Q__N] = {M_PL_TUI_Q_ALL, M_PL_ST_ISSUED, M_PL_FLAG_OVERDUE,
					       M_PL_ST_SIGNED, M_PL_ST_DRAFT, M_PL_PROXY,
					       M_PL_ST_VOID, M_PL_TUI_Q_MINE};

/* The pager of one pledge (Enter), defined at the end. */
static const struct tui_view_ops text_ops;

/* ---- layout ---- */

struct layout {
	int head, list_y, list_h, detail_y, detail_h;
};

static struct layout layout(int y, int h)
{
	struct layout L;
	L.head = y;
	int avail = h - 1;
	L.detail_h = avail >= 12 ? (avail / 2 < 11 ? avail / 2 : 11) : 0;
	L.list_y = y + 1;
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

/* ---- paging ---- */

struct pledge *pledge_view_current(struct pledge_view *v)
{
	return v->nrows ? &v->rows[v->cur] : NULL;
}

static int fetch(struct tui *t, struct pledge_view *v, long long from, int dir, int n,
		 struct pledge **out)
{
	struct strbuf err = {0};
	int got = 0;
	*out = NULL;
	v->f.year = t->q->year;
	v->f.person_id = v->quick == Q_MINE ? (t->q->actor_id ? t->q->actor_id : -1) : 0;
	if (n > 0 && qd_pledge_page(t->q, &v->f, from, dir, n, out, &got, &err) != QD_OK) {
		tui_error(t, &err);
		pledges_free(*out, got);
		*out = NULL;
		got = 0;
	}
	sb_free(&err);
	return got;
}

static void set_rows(struct pledge_view *v, struct pledge *rows, int n, int cur)
{
	pledges_free(v->rows, v->nrows);
	v->rows = rows;
	v->nrows = n;
	v->cur = n == 0 ? 0 : cur < 0 ? 0 : cur >= n ? n - 1 : cur;
}

/* The window whose top row is top_id (or the first after it; 0: the first
 * pledge), filled from before when it ends early; select cur_id, else the
 * row at index fallback. */
static void window_at(struct tui *t, struct pledge_view *v, long long top_id, long long cur_id,
		      int fallback)
{
	int page = page_rows(t);
	struct pledge *after, *before;
	int na = fetch(t, v, top_id > 0 ? top_id - 1 : 0, 1, page, &after);
	int nb = na < page ? fetch(t, v, na ? after[0].id : 0, -1, page - na, &before) : 0;
	struct pledge *rows = xcalloc((size_t)(na + nb) + 1, sizeof *rows);
	if (nb)
		memcpy(rows, before, (size_t)nb * sizeof *rows);
	if (na)
		memcpy(rows + nb, after, (size_t)na * sizeof *rows);
	if (nb)
		free(before);
	free(after);
	int cur = fallback;
	for (int i = 0; i < na + nb; i++)
		if (cur_id && rows[i].id == cur_id)
			cur = i;
	set_rows(v, rows, na + nb, cur);
}

static void reload(struct tui *t, struct pledge_view *v)
{
	struct strbuf err = {0};
	if (qd_pledge_progress(t->q, t->q->year, &v->pp, &err) != QD_OK)
		tui_error(t, &err);
	sb_free(&err);
	struct pledge *c = pledge_view_current(v);
	window_at(t, v, v->nrows ? v->rows[0].id : 0, c ? c->id : 0, v->cur);
}

void pledge_view_select(struct tui *t, struct pledge_view *v, long long id)
{
	window_at(t, v, id, id, 0);
}

/* Step one row; at an edge read the next row and slide the window. */
static void step(struct tui *t, struct pledge_view *v, int dir)
{
	if (!v->nrows)
		return;
	if (dir > 0 && v->cur < v->nrows - 1) {
		v->cur++;
		return;
	}
	if (dir < 0 && v->cur > 0) {
		v->cur--;
		return;
	}
	struct pledge *more;
	long long edge = dir > 0 ? v->rows[v->nrows - 1].id : v->rows[0].id;
	if (fetch(t, v, edge, dir, 1, &more) != 1)
		return;
	int page = page_rows(t), n = v->nrows;
	struct pledge *rows = xcalloc((size_t)n + 2, sizeof *rows);
	if (dir > 0) {
		int drop = n >= page ? 1 : 0;
		if (drop)
			pledge_clear(&v->rows[0]);
		memcpy(rows, v->rows + drop, (size_t)(n - drop) * sizeof *rows);
		rows[n - drop] = more[0];
		free(v->rows);
		v->rows = rows;
		v->nrows = n - drop + 1;
		v->cur = v->nrows - 1;
	} else {
		int keep = n >= page ? n - 1 : n;
		if (keep < n)
			pledge_clear(&v->rows[n - 1]);
		rows[0] = more[0];
		memcpy(rows + 1, v->rows, (size_t)keep * sizeof *rows);
		free(v->rows);
		v->rows = rows;
		v->nrows = keep + 1;
		v->cur = 0;
	}
	free(more);
}

static int nav(struct tui *t, struct pledge_view *v, enum tui_action a)
{
	int page = page_rows(t);
	struct pledge *more;
	int n;
	switch (a) {
	case TA_DOWN: step(t, v, 1); return 1;
	case TA_UP: step(t, v, -1); return 1;
	case TA_HOME: window_at(t, v, 0, 0, 0); return 1;
	case TA_END:
		n = fetch(t, v, 0, -1, page, &more);
		set_rows(v, more, n, n - 1);
		return 1;
	case TA_PAGE_DOWN: case TA_PAGE_UP:
		if (!v->nrows)
			return 1;
		n = a == TA_PAGE_DOWN ? fetch(t, v, v->rows[v->nrows - 1].id, 1, page, &more)
				      : fetch(t, v, v->rows[0].id, -1, page, &more);
		if (n == 0)
			v->cur = a == TA_PAGE_DOWN ? v->nrows - 1 : 0;
		else
			window_at(t, v, more[0].id, more[v->cur < n ? v->cur : n - 1].id, 0);
		pledges_free(more, n);
		return 1;
	default: return 0;
	}
}

/* ---- drawing ---- */

enum col { C_ID, C_STATUS, C_SIGNER, C_ISSUER, C_DUE, C_SIGS, C_TITLE, C__N };

static void columns(const struct tui *t, int *x, int *w)
{
	static const int width[C__N] = {4, 8, 8, 8, 10, 16, 0};
	int at = 0;
	for (int c = 0; c < C__N; c++) {
		x[c] = -1;
		w[c] = width[c];
		if ((c == C_ISSUER && t->cols < 90) || (c == C_DUE && t->cols < 75))
			continue;
		if (c == C_TITLE)
			w[c] = t->cols - at > 4 ? t->cols - at : 4;
		x[c] = at;
		at += w[c] + 1;
	}
}

static enum tui_style row_style(const struct pledge *p)
{
	if (pledge_has_proxy(p) || p->overdue)
		return TS_OVERDUE;
	switch (p->status) {
	case PL_SIGNED: case PL_ASSESSED: return TS_DONE;
	case PL_DRAFT: return TS_DIM;
	case PL_ARCHIVED: case PL_VOID: return TS_CANCELLED;
	default: return TS_NORMAL;
	}
}

/* "甲06-02 乙代签": each party's day (MM-DD), 未签, or 代签 in its place. */
static char *sigs_cell(const struct pledge *p)
{
	struct strbuf b = {0};
	for (int party = PARTY_ISSUER; party <= PARTY_SIGNER; party++) {
		const struct pledge_sig *s = &p->sig[party];
		sb_puts(&b, msg(party == PARTY_ISSUER ? M_PL_TUI_A : M_PL_TUI_B));
		if (s->proxy)
			sb_puts(&b, msg(M_PL_PROXY));
		else if (s->on && strlen(s->on) == 10)
			sb_puts(&b, s->on + 5);
		else
			sb_puts(&b, msg(M_PL_TUI_UNSIGNED));
		if (party == PARTY_ISSUER) {
			int pad = 8 - text_width(b.s);
			while (pad-- > 0)
				sb_putc(&b, ' ');
		}
	}
	return sb_take(&b);
}

static void draw_row(struct tui *t, const struct pledge *p, int y, int selected, const int *x,
		     const int *w)
{
	attr_t a = tui_attr(t, selected ? TS_SELECTED : row_style(p));
	char id[24];
	snprintf(id, sizeof id, "%lld", p->id);
	char *sigs = sigs_cell(p);
	const char *cells[C__N] = {
		id, p->overdue ? msg(M_PL_FLAG_OVERDUE) : pledge_status_label(p->status),
		p->signer_name, p->issuer_name, p->sign_due ? p->sign_due : "", sigs, p->title,
	};
	tui_fill(y, 0, t->cols, a);
	for (int c = 0; c < C__N; c++) {
		if (x[c] < 0)
			continue;
		if (c == C_ID)
			tui_put_right(y, x[c], w[c], cells[c], a);
		else
			tui_put(y, x[c], w[c], cells[c] ? cells[c] : "", a);
	}
	free(sigs);
}

struct lines {
	struct strbuf text;        /* logical lines, '\n'-separated */
	char red[64];              /* red[i]: logical line i stands out */
	int n;
};

static void add_line(void *ctx, const char *label, const char *value, int red)
{
	struct lines *l = ctx;
	char *clean = text_sanitize(str_empty(value) ? msg(M_NONE) : value, 0);
	sb_printf(&l->text, "%s%s：%s", l->n ? "\n" : "", label, clean);
	free(clean);
	if (l->n < (int)sizeof l->red)
		l->red[l->n] = (char)red;
	l->n++;
}

/* Draw logical lines wrapped to the width, from wrapped line `skip`, in at
 * most h rows; returns the number of wrapped lines. */
static int draw_lines(struct tui *t, const struct lines *l, int y, int h, int skip)
{
	int total = 0, row = 0;
	const char *p = l->text.s ? l->text.s : "";
	for (int i = 0; i < l->n; i++) {
		const char *nl = strchr(p, '\n');
		char *one = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		char **wrapped;
		int n = text_wrap(one, t->cols - 2 > 2 ? t->cols - 2 : 2, &wrapped);
		attr_t a = tui_attr(t, i < (int)sizeof l->red && l->red[i] ? TS_OVERDUE : TS_NORMAL);
		for (int k = 0; k < n; k++, total++)
			if (total >= skip && row < h)
				tui_put(y + row++, 1, t->cols - 2, wrapped[k], a);
		text_lines_free(wrapped, n);
		free(one);
		p = nl ? nl + 1 : p + strlen(p);
	}
	return total;
}

static void describe(const struct pledge *p, struct lines *l, int with_body)
{
	memset(l, 0, sizeof *l);
	pledge_describe(p, add_line, l);
	if (with_body) {
		sb_printf(&l->text, "\n%s：", msg(M_PL_F_BODY));
		l->n++;
		char *body = text_sanitize(p->body, 1);
		for (char *s = body, *e; *s; s = e + (*e ? 1 : 0)) {
			e = s + strcspn(s, "\n");
			sb_printf(&l->text, "\n  %.*s", (int)(e - s), s);
			l->n++;
		}
		free(body);
	}
}

static void draw_detail(struct tui *t, struct pledge_view *v, int y, int h)
{
	struct pledge *p = pledge_view_current(v);
	char title[200];
	if (p)
		snprintf(title, sizeof title, msg(M_PL_TUI_DETAIL), p->id, p->signer_name);
	else
		snprintf(title, sizeof title, "%s", msg(M_PL_DOC_SECTION));
	tui_rule(y, 0, t->cols, title, tui_attr(t, TS_DIM));
	if (!p)
		return;
	struct lines l;
	describe(p, &l, 1);
	draw_lines(t, &l, y + 1, h - 1, 0);
	sb_free(&l.text);
}

static void pledge_draw(struct tui *t, void *st, int y, int h)
{
	struct pledge_view *v = st;
	struct layout L = layout(y, h);
	int x[C__N], w[C__N];
	columns(t, x, w);
	static const enum msg_id heads[C__N] = {M_PL_F_ID, M_PL_F_STATUS, M_PL_SIGNER, M_PL_ISSUER,
						M_PL_F_DUE, M_PL_TUI_COL_SIGS, M_PL_DOC_SECTION};
	attr_t ha = tui_attr(t, TS_COLHEAD);
	tui_fill(L.head, 0, t->cols, ha);
	for (int c = 0; c < C__N; c++) {
		if (x[c] < 0)
			continue;
		if (c == C_ID)
			tui_put_right(L.head, x[c], w[c], msg(heads[c]), ha);
		else
			tui_put(L.head, x[c], w[c], msg(heads[c]), ha);
	}
	if (v->nrows == 0) {
		int filtered = v->quick != Q_ALL || v->search;
		tui_put(L.list_y, 2, t->cols - 2, msg(filtered ? M_PL_TUI_NONE_MATCH : M_PL_TUI_EMPTY),
			tui_attr(t, TS_DIM));
	}
	/* after a resize the window may hold more rows than fit: keep the
	 * selection in sight */
	int top = v->cur >= L.list_h ? v->cur - L.list_h + 1 : 0;
	for (int i = 0; i < L.list_h && top + i < v->nrows; i++)
		draw_row(t, &v->rows[top + i], L.list_y + i, top + i == v->cur, x, w);
	if (L.detail_h > 0)
		draw_detail(t, v, L.detail_y, L.detail_h);
}

/* ---- find, filter, print ---- */

static void set_quick(struct tui *t, struct pledge_view *v, int quick)
{
	v->quick = quick;
	v->f.status = quick == Q_ISSUED ? PL_ISSUED : quick == Q_SIGNED ? PL_SIGNED
		    : quick == Q_DRAFT ? PL_DRAFT : quick == Q_VOID ? PL_VOID : -1;
	v->f.overdue = quick == Q_OVERDUE;
	v->f.proxy = quick == Q_PROXY;
	window_at(t, v, 0, 0, 0);
}

static void quick_picked(struct tui *t, void *ctx, long long id, const char *label)
{
	(void)label;
	set_quick(t, ctx, (int)id);
}

static void find(struct tui *t, struct pledge_view *v, const char *text)
{
	long long id;
	while (*text == ' ')
		text++;
	if (*text == '#' || (parse_id(text, &id) == 0 && id > 0)) {
		if (parse_id(text, &id) != 0 || id <= 0) {
			tui_error_text(t, msg(M_PL_TUI_NOTHING));
			return;
		}
		pledge_view_select(t, v, id);
		struct pledge *p = pledge_view_current(v);
		if (!p || p->id != id) {
			char *m = xasprintf(msg(M_PL_TUI_NOT_FOUND), id);
			tui_error_text(t, m);
			free(m);
		}
		return;
	}
	free(v->search);
	v->search = *text ? xstrdup(text) : NULL;
	v->f.search = v->search;
	window_at(t, v, 0, 0, 0);
}

static int find_done(struct tui *t, void *ctx, const char *text)
{
	find(t, ctx, text);
	return 1;
}

/* p: the print dialog offers the selected pledge and every one of the
 * year, to a printer or a PDF (tui_print.c, print.c). */
static void pledge_print_offer(struct tui *t, void *st, struct tui_print_request *r)
{
	(void)t;
	struct pledge *p = pledge_view_current(st);
	r->pledge_id = p ? p->id : 0;
}

/* ---- the view ---- */

static void *pledge_open(struct tui *t, long long arg)
{
	struct pledge_view *v = xcalloc(1, sizeof *v);
	struct pledge_filter f = PLEDGE_FILTER_INIT;
	v->f = f;
	(void)arg;
	reload(t, v);
	return v;
}

static void pledge_close(void *st)
{
	struct pledge_view *v = st;
	pledges_free(v->rows, v->nrows);
	free(v->search);
	free(v);
}

static void pledge_reload(struct tui *t, void *st)
{
	reload(t, st);
}

static int pledge_act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct pledge_view *v = st;
	if (nav(t, v, a))
		return TUI_DONE;
	switch (a) {
	case TA_ENTER:
		if (pledge_view_current(v))
			tui_push_view(t, &text_ops, pledge_view_current(v)->id);
		return TUI_DONE;
	case TA_ADD: pledge_open_add(t, v); return TUI_DONE;
	case TA_EDIT: pledge_open_edit(t, v); return TUI_DONE;
	case TA_DELETE: pledge_do_step(t, v, S_VOID); return TUI_DONE;
	case TA_STATUS:
		if (!arg)
			pledge_open_steps(t, v);
		else if (pledge_step_parse(arg) >= 0)
			pledge_do_step(t, v, (enum pledge_step)pledge_step_parse(arg));
		else
			tui_error_text(t, msg(M_PL_TUI_STEPS));
		return TUI_DONE;
	case TA_FILTER:
		if (arg) {
			for (int i = 0; i < Q__N; i++)
				if (strcmp(arg, quick_names[i]) == 0 || strcmp(arg, msg(quick_labels[i])) == 0) {
					set_quick(t, v, i);
					return TUI_DONE;
				}
			tui_error_text(t, msg(M_PL_TUI_FILTERS_ARE));
			return TUI_DONE;
		} else {
			const char *labels[Q__N];
			long long ids[Q__N];
			for (int i = 0; i < Q__N; i++) {
				labels[i] = msg(quick_labels[i]);
				ids[i] = i;
			}
			struct tui_pick_cb cb = {quick_picked, NULL, v};
			tui_pick_choice(t, msg(M_PL_TUI_FILTER_TITLE), labels, ids, NULL, Q__N, &cb);
		}
		return TUI_DONE;
	case TA_CLEAR_FILTER:
		free(v->search);
		v->search = NULL;
		v->f.search = NULL;
		set_quick(t, v, Q_ALL);
		return TUI_DONE;
	case TA_SEARCH:
		if (arg) {
			find(t, v, arg);
		} else {
			struct tui_prompt_cb cb = {find_done, NULL, NULL, NULL, v};
			tui_prompt(t, msg(M_PL_TUI_SEARCH_PROMPT), v->search ? v->search : "", &cb);
		}
		return TUI_DONE;
	case TA_ASSIGN: case TA_NOTE: case TA_SORT:
		tui_error_text(t, msg(M_PL_TUI_TIP));
		return TUI_DONE;
	default: return TUI_PASS;
	}
}

static void pledge_mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	struct pledge_view *v = st;
	(void)col;
	if (wheel) {
		for (int i = 0; i < 3; i++)
			step(t, v, wheel);
		return;
	}
	struct layout L = layout(0, t->body_h);
	int top = v->cur >= L.list_h ? v->cur - L.list_h + 1 : 0;
	int i = row - L.list_y + top;
	if (row >= L.list_y && row < L.list_y + L.list_h && i >= 0 && i < v->nrows)
		v->cur = i;
}

static void pledge_summary(struct tui *t, void *st, struct strbuf *out)
{
	struct pledge_view *v = st;
	char *line = pledge_progress_text(&v->pp);
	(void)t;
	sb_puts(out, line);
	free(line);
}

static long long pledge_selected(struct tui *t, void *st)
{
	struct pledge *p = pledge_view_current(st);
	(void)t;
	return p ? p->id : 0;
}

static void pledge_status(struct tui *t, void *st, struct strbuf *out)
{
	struct pledge_view *v = st;
	(void)t;
	if (v->quick == Q_ALL && !v->search) {
		sb_puts(out, msg(M_PL_TUI_TIP));
		return;
	}
	sb_printf(out, msg(M_PL_TUI_FILTERED), msg(quick_labels[v->quick]));
	if (v->search)
		sb_printf(out, " “%s”", v->search);
}

const struct tui_view_ops tui_pledge_ops = {
	"pledges", pledge_open, pledge_close, pledge_reload, pledge_draw, pledge_act, pledge_mouse,
	pledge_summary, pledge_selected, pledge_status, pledge_print_offer,
};

/* ---- one pledge in full (Enter) ---- */

struct text_view {
	long long id;
	struct pledge p;
	int have, top, total;
};

static void *text_open(struct tui *t, long long id)
{
	struct text_view *tv = xcalloc(1, sizeof *tv);
	tv->id = id;
	tv->have = pledge_view_load(t, id, &tv->p);
	return tv;
}

static void text_close(void *st)
{
	struct text_view *tv = st;
	if (tv->have)
		pledge_clear(&tv->p);
	free(tv);
}

static void text_reload(struct tui *t, void *st)
{
	struct text_view *tv = st;
	if (tv->have)
		pledge_clear(&tv->p);
	tv->have = pledge_view_load(t, tv->id, &tv->p);
}

static void text_draw(struct tui *t, void *st, int y, int h)
{
	struct text_view *tv = st;
	char title[200];
	snprintf(title, sizeof title, msg(M_PL_TUI_DETAIL), tv->id, tv->have ? tv->p.signer_name : "");
	attr_t ha = tui_attr(t, TS_COLHEAD);
	tui_fill(y, 0, t->cols, ha);
	int tw = tui_put(y, 0, t->cols, title, ha);
	tui_fill(y, tw, t->cols - tw, ha);
	if (!tv->have)
		return;
	char *head = xasprintf("%s%s%s", pledge_status_label(tv->p.status),
			       tv->p.overdue ? " · " : "", tv->p.overdue ? msg(M_PL_FLAG_OVERDUE) : "");
	if (t->cols - tw - 2 > 0)
		tui_put_right(y, tw + 1, t->cols - tw - 2, head, ha);
	free(head);
	struct lines l;
	describe(&tv->p, &l, 1);
	/* count first, so the end is a real end after a resize */
	tv->total = draw_lines(t, &l, y + 1, 0, 0);
	if (tv->top > tv->total - (h - 1))
		tv->top = tv->total - (h - 1);
	if (tv->top < 0)
		tv->top = 0;
	draw_lines(t, &l, y + 1, h - 1, tv->top);
	sb_free(&l.text);
}

static int text_act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct text_view *tv = st;
	int page = (t->body_h > 2 ? t->body_h : 3) - 1;
	(void)arg;
	switch (a) {
	case TA_DOWN: tv->top++; break;
	case TA_UP: tv->top--; break;
	case TA_PAGE_DOWN: tv->top += page > 1 ? page - 1 : 1; break;
	case TA_PAGE_UP: tv->top -= page > 1 ? page - 1 : 1; break;
	case TA_HOME: tv->top = 0; break;
	case TA_END: tv->top = tv->total; break;
	case TA_ENTER: tui_pop_view(t); return TUI_DONE;
	default: return TUI_PASS;
	}
	if (tv->top < 0)
		tv->top = 0;
	return TUI_DONE;
}

static void text_mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	struct text_view *tv = st;
	(void)t;
	(void)row;
	(void)col;
	tv->top += 3 * wheel;
	if (tv->top < 0)
		tv->top = 0;
}

static void text_print_offer(struct tui *t, void *st, struct tui_print_request *r)
{
	(void)t;
	r->pledge_id = ((struct text_view *)st)->id;
}

static const struct tui_view_ops text_ops = {
	"pledge", text_open, text_close, text_reload, text_draw, text_act, text_mouse,
	NULL, NULL, NULL, text_print_offer,
};

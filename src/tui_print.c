/* tui_print.c — the p key's dialog (issue 4): a menu of what to print —
 * 本人 (the person the shown view offers), 本组织 (the org shown), 全部
 * (everyone); on tab 5 the 责任书 selected or every one of the year; on
 * tabs 7 and 8 their papers — then a form for where: 打印机 (lp; only when lp can be
 * run; the printer name defaults to the setting "printer", empty is the
 * default printer) or a PDF 文件 (the name defaults to a new file in the
 * working folder).  Esc at either step prints nothing.
 *
 * The TUI knows nothing of printing: the save fills a tui_print_request
 * and calls tui_print_hook (print.c); tui_print_suggest_hook gives the
 * defaults.  The hook's one line goes to the status line; a refusal keeps
 * the form open with everything as typed and the reason shown in it. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/tui_view.h"

struct print_ctx {
	struct tui_print_request r;
	char *label;           /* the scope as chosen ("本人（张三）") */
	int lp;                /* the printer is offered */
	int f_dest, f_printer, f_path;
};

static void ctx_free(void *p)
{
	struct print_ctx *c = p;
	free(c->label);
	free(c);
}

static int submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct print_ctx *c = ctx;
	struct tui_print_request r = c->r;
	r.lp = c->lp && tui_form_choice_value(f, c->f_dest) == 0;
	r.printer = r.lp ? tui_form_value(f, c->f_printer) : NULL;
	r.path = r.lp ? NULL : tui_form_value(f, c->f_path);
	if (!r.lp && str_empty(r.path)) {
		tui_form_error(t, f, msg(M_TUI_PRINT_NEED_PATH));
		tui_form_focus(f, c->f_path);
		return 0;
	}
	struct strbuf m = {0};
	enum qd_status s = tui_print_hook(&r, &m);
	clearok(curscr, TRUE);          /* lp may have touched the terminal */
	if (s != QD_OK) {
		tui_form_error(t, f, m.s ? m.s : "");
		sb_free(&m);
		return 0;
	}
	tui_say(t, "%s", m.s ? m.s : "");
	sb_free(&m);
	return 1;
}

/* The scope is chosen: ask where to. */
static void scope_chosen(struct tui *t, void *ctx, long long id, const char *label)
{
	const struct print_ctx *from = ctx;
	struct print_ctx *c = xcalloc(1, sizeof *c);
	c->r = from->r;
	c->r.scope = (enum tui_print_scope)id;
	c->label = xstrdup(label);
	char *path = tui_print_suggest_hook ? tui_print_suggest_hook(&c->r, &c->lp) : NULL;
	char *title = xasprintf(msg(M_TUI_PRINT_FORM), label);
	struct tui_form_cb cb = {submit, ctx_free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	const char *dests[] = {msg(M_TUI_PRINT_TO_LP), msg(M_TUI_PRINT_TO_FILE)};
	if (c->lp) {
		char *printer = qd_setting(t->q, "printer");
		c->f_dest = tui_form_choice(f, msg(M_TUI_PRINT_DEST), dests, 2, 0);
		c->f_printer = tui_form_text(f, msg(M_TUI_PRINT_PRINTER), printer, TF_TEXT);
		free(printer);
	} else {
		c->f_dest = tui_form_choice(f, msg(M_TUI_PRINT_DEST), dests + 1, 1, 0);
		c->f_printer = -1;
	}
	c->f_path = tui_form_text(f, msg(M_TUI_PRINT_PATH), path ? path : "", TF_TEXT);
	tui_form_open(t, f);
	free(title);
	free(path);
}

void tui_print_open(struct tui *t)
{
	if (!tui_print_hook) {
		tui_say(t, "%s", msg(M_TUI_PRINT_NOT_YET));
		return;
	}
	struct print_ctx *c = xcalloc(1, sizeof *c);
	c->r.q = t->q;
	c->r.year = t->q->year;
	struct tui_view *v = tui_shown(t);
	if (v->ops->print)
		v->ops->print(t, v->st, &c->r);

	char *labels[7];
	long long ids[7];
	int n = 0;
	if (c->r.pledge_id) {
		ids[n] = TUI_PRINT_PLEDGE;
		labels[n++] = xasprintf(msg(M_TUI_PRINT_PLEDGE), c->r.pledge_id);
		ids[n] = TUI_PRINT_PLEDGES;
		labels[n++] = xstrdup(msg(M_TUI_PRINT_PLEDGES));
	}
	if (c->r.person_id) {
		struct person p = {0};
		if (qd_get_person(t->q, c->r.person_id, &p) == QD_OK) {
			ids[n] = TUI_PRINT_PERSON;
			labels[n++] = xasprintf(msg(M_TUI_PRINT_PERSON), p.name);
		}
		person_clear(&p);
	}
	if (c->r.meeting_id) {
		ids[n] = TUI_PRINT_MEETING;
		labels[n++] = xasprintf(msg(M_TUI_PRINT_MEETING), c->r.meeting_id);
	}
	if (c->r.org_id) {
		const struct org *o = tui_org(t, c->r.org_id);
		struct org got = {0};
		if (!o && qd_get_org(t->q, c->r.org_id, &got) == QD_OK)
			o = &got;
		if (o) {
			ids[n] = c->r.ledger ? TUI_PRINT_LEDGER : TUI_PRINT_ORG;
			labels[n++] = xasprintf(msg(c->r.ledger ? M_TUI_PRINT_LEDGER : M_TUI_PRINT_ORG),
						o->name);
		}
		org_clear(&got);
	}
	if (c->r.org_id && c->r.problems) {
		struct org o = {0};
		if (qd_get_org(t->q, c->r.org_id, &o) == QD_OK) {
			ids[n] = TUI_PRINT_PROBLEMS;
			labels[n++] = xasprintf(msg(M_TUI_PRINT_PROBLEMS), o.name);
		}
		org_clear(&o);
	}
	ids[n] = TUI_PRINT_ALL;
	labels[n++] = xstrdup(msg(M_TUI_PRINT_ALL));

	char *title = xasprintf(msg(M_TUI_PRINT_TITLE), c->r.year);
	struct tui_pick_cb cb = {scope_chosen, ctx_free, c};
	tui_pick_choice(t, title, (const char *const *)labels, ids, NULL, n, &cb);
	free(title);
	for (int i = 0; i < n; i++)
		free(labels[i]);
}

/* tui_problem_edit.c — the dialogs of tab 8 问题整改: add and edit a
 * problem (org, source, date, category, text, its raiser — a person of the
 * file, an outside name with a contact, or nobody — and the meeting it was
 * found at), add a measure (an item of the org's 整改清单: text, owner,
 * lead, due, standard; admin only), record a 回访 (date, who made it, the
 * result, satisfied or not), close (销号: the model's reason shown when it
 * may not be closed yet, else the date asked) and reopen, delete.
 *
 * Each writes through problem.h — which checks who may, validates and
 * audits — and keeps the form open with the reason when it refuses; the
 * right is checked first (problem_refuse, qd_may_edit_items,
 * qd_problem_may_close) so nobody types in vain. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/meeting.h"
#include "qingdan/text.h"
#include "tui_problem.h"

int problem_refuse(struct tui *t, long long org_id)
{
	if (tui_refuse_readonly(t))
		return 1;
	if (qd_may_record_meeting(t->q, org_id))
		return 0;
	const struct org *o = tui_org(t, org_id);
	char *m = xasprintf(msg(M_PBT_DENIED), t->q->actor_name ? t->q->actor_name : "",
			    o ? o->name : "");
	tui_error_text(t, m);
	free(m);
	return 1;
}

int problem_load(struct tui *t, long long id, struct problem *p)
{
	struct strbuf err = {0};
	enum qd_status s = qd_problem_get(t->q, id, p, &err);
	if (s != QD_OK)
		tui_error(t, &err);
	sb_free(&err);
	return s == QD_OK;
}

/* ---- add and edit ---- */

struct form_ctx {
	long long id;              /* 0: add */
	int version;
	long long *org_ids;        /* the org choices */
	int norgs;
	int f_org, f_source, f_on, f_category, f_text, f_raiser, f_outside, f_contact, f_meeting;
};

static void form_ctx_free(void *ctx)
{
	struct form_ctx *c = ctx;
	free(c->org_ids);
	free(c);
}

static const char *text_of(const struct tui_form *f, int i, int edit)
{
	return edit && !tui_form_changed(f, i) ? NULL : tui_form_value(f, i);
}

static int form_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct form_ctx *c = ctx;
	int edit = c->id != 0;
	struct problem_fields pf = PROBLEM_FIELDS_INIT;
	if (!edit || tui_form_changed(f, c->f_org)) {
		int k = tui_form_choice_value(f, c->f_org);
		pf.org_id = k >= 0 && k < c->norgs ? c->org_ids[k] : 0;
	}
	if (!edit || tui_form_changed(f, c->f_source))
		pf.source = tui_form_choice_value(f, c->f_source);
	pf.raised_on = text_of(f, c->f_on, edit);
	pf.category = text_of(f, c->f_category, edit);
	pf.text = text_of(f, c->f_text, edit);
	if (!edit || tui_form_changed(f, c->f_raiser))
		pf.raiser_id = tui_form_person_id(f, c->f_raiser);
	pf.raiser_name = text_of(f, c->f_outside, edit);
	pf.contact = text_of(f, c->f_contact, edit);
	if (!edit || tui_form_changed(f, c->f_meeting)) {
		const char *m = tui_form_value(f, c->f_meeting);
		long long mid = 0;
		if (!str_empty(m) && parse_id(m, &mid) != 0) {
			char *e = xasprintf(msg(M_PBT_BAD_MEETING), m);
			tui_form_focus(f, c->f_meeting);
			tui_form_error(t, f, e);
			free(e);
			return 0;
		}
		pf.meeting_id = mid;
	}
	/* add: empty optional texts are simply not given */
	if (!edit) {
		if (str_empty(pf.category))
			pf.category = NULL;
		if (str_empty(pf.raiser_name))
			pf.raiser_name = NULL;
		if (str_empty(pf.contact))
			pf.contact = NULL;
		if (str_empty(pf.raised_on))
			pf.raised_on = NULL;
	}
	struct strbuf err = {0};
	long long id = c->id;
	enum qd_status s = edit ? qd_problem_set(t->q, c->id, c->version, &pf, &err)
				: qd_problem_add(t->q, &pf, &id, &err);
	if (s != QD_OK) {
		tui_form_error(t, f, err.s ? err.s : "");
		sb_free(&err);
		return 0;
	}
	sb_free(&err);
	tui_changed(t);
	if (edit)
		tui_say(t, msg(M_PBT_SAVED), id);
	else
		tui_say(t, msg(M_PBT_ADDED), id, problem_source_label((enum problem_source)pf.source));
	return 1;
}

static void open_form(struct tui *t, const struct problem *p, long long org_id)
{
	struct form_ctx *c = xcalloc(1, sizeof *c);
	c->id = p ? p->id : 0;
	c->version = p ? p->version : 0;
	c->norgs = t->norgs;
	c->org_ids = xcalloc((size_t)t->norgs + 1, sizeof *c->org_ids);
	const char **orgs = xcalloc((size_t)t->norgs + 1, sizeof *orgs);
	int org_at = 0;
	for (int i = 0; i < t->norgs; i++) {
		c->org_ids[i] = t->orgs[i].id;
		orgs[i] = t->orgs[i].name;
		if (t->orgs[i].id == org_id)
			org_at = i;
	}
	const char *sources[SRC__COUNT];
	for (int i = 0; i < SRC__COUNT; i++)
		sources[i] = problem_source_label((enum problem_source)i);
	char *title = p ? xasprintf(msg(M_PBT_EDIT_TITLE), p->id)
			: xasprintf(msg(M_PBT_ADD_TITLE), t->q->year);
	struct tui_form_cb cb = {form_submit, form_ctx_free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	free(title);
	int outside = p && !p->raiser_id && !str_empty(p->raiser_name);
	c->f_org = tui_form_choice(f, msg(M_PBT_F_ORG), orgs, t->norgs, org_at);
	c->f_source = tui_form_choice(f, msg(M_PBT_F_SOURCE), sources, SRC__COUNT,
				      p ? (int)p->source : SRC_PHONE);
	c->f_on = tui_form_text(f, msg(M_PBT_F_ON), p && p->raised_on ? p->raised_on : t->today,
				TF_DATE);
	c->f_category = tui_form_text(f, msg(M_PBT_F_CATEGORY), p && p->category ? p->category : "",
				      TF_TEXT);
	c->f_text = tui_form_text(f, msg(M_PBT_F_TEXT), p && p->text ? p->text : "", TF_TEXT);
	c->f_raiser = tui_form_person(f, msg(M_PBT_F_RAISER), p ? p->raiser_id : 0,
				      p && p->raiser_id ? p->raiser_name : "");
	c->f_outside = tui_form_text(f, msg(M_PBT_F_OUTSIDE), outside ? p->raiser_name : "", TF_TEXT);
	c->f_contact = tui_form_text(f, msg(M_PBT_F_CONTACT), p && p->contact ? p->contact : "",
				     TF_TEXT);
	char mid[24] = "";
	if (p && p->meeting_id)
		snprintf(mid, sizeof mid, "%lld", p->meeting_id);
	c->f_meeting = tui_form_text(f, msg(M_PBT_F_MEETING), mid, TF_TEXT);
	free(orgs);
	if (!p)
		tui_form_focus(f, c->f_text);
	tui_form_open(t, f);
}

void problem_open_add(struct tui *t, long long org_id)
{
	if (t->norgs == 0) {
		tui_error_text(t, msg(M_MTT_NO_ORG));
		return;
	}
	/* every org shown: the first the actor may record problems of */
	for (int i = 0; !org_id && i < t->norgs; i++)
		if (qd_may_record_meeting(t->q, t->orgs[i].id))
			org_id = t->orgs[i].id;
	if (!org_id)
		org_id = tui_org(t, t->branch_org) ? t->branch_org : t->orgs[0].id;
	if (problem_refuse(t, org_id))
		return;
	open_form(t, NULL, org_id);
}

void problem_open_edit(struct tui *t, long long id)
{
	struct problem p = {0};
	if (!problem_load(t, id, &p))
		return;
	if (!problem_refuse(t, p.org_id))
		open_form(t, &p, p.org_id);
	problem_clear(&p);
}

/* ---- a measure ---- */

struct measure_ctx {
	long long id;
	int f_text, f_owner, f_lead, f_due, f_standard;
};

static int measure_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct measure_ctx *c = ctx;
	struct item_fields v = ITEM_FIELDS_INIT;
	v.content = tui_form_value(f, c->f_text);
	v.owner_id = tui_form_person_id(f, c->f_owner);
	v.lead_id = tui_form_person_id(f, c->f_lead);
	v.due = tui_form_value(f, c->f_due);
	v.standard = tui_form_value(f, c->f_standard);
	struct strbuf err = {0};
	long long item = 0;
	if (qd_problem_measure(t->q, c->id, &v, &item, &err) != QD_OK) {
		tui_form_error(t, f, err.s ? err.s : "");
		sb_free(&err);
		return 0;
	}
	sb_free(&err);
	tui_changed(t);
	tui_say(t, msg(M_PBT_MEASURE_ADDED), c->id, item);
	return 1;
}

void problem_open_measure(struct tui *t, long long id)
{
	if (tui_refuse_readonly(t))
		return;
	if (!qd_may_edit_items(t->q)) {
		char *m = xasprintf(msg(M_PBT_MEASURE_DENIED), t->q->actor_name ? t->q->actor_name : "");
		tui_error_text(t, m);
		free(m);
		return;
	}
	struct problem p = {0};
	if (!problem_load(t, id, &p))
		return;
	problem_clear(&p);
	struct measure_ctx *c = xcalloc(1, sizeof *c);
	c->id = id;
	char *title = xasprintf(msg(M_PBT_MEASURE_TITLE), id);
	struct tui_form_cb cb = {measure_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	free(title);
	c->f_text = tui_form_text(f, msg(M_PBT_F_MEASURE), "", TF_TEXT);
	c->f_owner = tui_form_person(f, msg(M_PBT_F_OWNER), 0, "");
	c->f_lead = tui_form_person(f, msg(M_PBT_F_LEAD), 0, "");
	c->f_due = tui_form_text(f, msg(M_PBT_F_DUE), "", TF_DATE);
	c->f_standard = tui_form_text(f, msg(M_PBT_F_STANDARD), "", TF_TEXT);
	tui_form_open(t, f);
}

/* ---- 回访 ---- */

struct feedback_ctx {
	long long id;
	int f_on, f_by, f_result, f_satisfied;
};

static int feedback_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct feedback_ctx *c = ctx;
	struct strbuf err = {0};
	int yes = tui_form_choice_value(f, c->f_satisfied);
	if (qd_problem_feedback(t->q, c->id, tui_form_value(f, c->f_on),
				tui_form_person_id(f, c->f_by), tui_form_value(f, c->f_result), yes,
				&err) != QD_OK) {
		tui_form_error(t, f, err.s ? err.s : "");
		sb_free(&err);
		return 0;
	}
	sb_free(&err);
	tui_changed(t);
	tui_say(t, msg(M_PBT_FEEDBACK_ADDED), c->id, msg(yes ? M_PBT_SATISFIED : M_PBT_UNSATISFIED));
	return 1;
}

void problem_open_feedback(struct tui *t, long long id)
{
	struct problem p = {0};
	if (!problem_load(t, id, &p))
		return;
	int refused = problem_refuse(t, p.org_id);
	int anonymous = !p.needs_feedback;
	problem_clear(&p);
	if (refused)
		return;
	if (anonymous) {
		char *m = xasprintf(msg(M_PBT_FEEDBACK_ANON), id);
		tui_error_text(t, m);
		free(m);
		return;
	}
	struct feedback_ctx *c = xcalloc(1, sizeof *c);
	c->id = id;
	char *title = xasprintf(msg(M_PBT_FEEDBACK_TITLE), id);
	struct tui_form_cb cb = {feedback_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	free(title);
	c->f_on = tui_form_text(f, msg(M_PBT_F_FB_ON), t->today, TF_DATE);
	c->f_by = tui_form_person(f, msg(M_PBT_F_FB_BY), t->q->actor_id,
				  t->q->actor_id && t->q->actor_name ? t->q->actor_name : "");
	c->f_result = tui_form_text(f, msg(M_PBT_F_FB_RESULT), "", TF_TEXT);
	c->f_satisfied = tui_form_toggle(f, msg(M_PBT_F_FB_SATISFIED), 1);
	tui_form_focus(f, c->f_result);
	tui_form_open(t, f);
}

/* ---- 销号 ---- */

struct close_ctx {
	long long id;
	int f_on;
};

static int close_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct close_ctx *c = ctx;
	struct strbuf err = {0};
	if (qd_problem_close(t->q, c->id, tui_form_value(f, c->f_on), 0, &err) != QD_OK) {
		tui_form_error(t, f, err.s ? err.s : "");
		sb_free(&err);
		tui_changed(t);
		return 0;
	}
	sb_free(&err);
	tui_changed(t);
	tui_say(t, msg(M_PBT_CLOSED), c->id);
	return 1;
}

static int reopen_done(struct tui *t, void *ctx, const char *text)
{
	long long *id = ctx;
	struct strbuf err = {0};
	(void)text;
	if (qd_problem_close(t->q, *id, NULL, 1, &err) == QD_OK) {
		tui_changed(t);
		tui_say(t, msg(M_PBT_REOPENED), *id);
	} else {
		tui_error(t, &err);
	}
	sb_free(&err);
	return 1;
}

static void ask_reopen(struct tui *t, const struct problem *p)
{
	long long *ctx = xmalloc(sizeof *ctx);
	*ctx = p->id;
	char *q = xasprintf(msg(M_PBT_REOPEN_Q), p->id, p->closed_on ? p->closed_on : "");
	struct tui_prompt_cb cb = {reopen_done, NULL, NULL, free, ctx};
	tui_confirm(t, q, &cb);
	free(q);
}

/* arg: `:close undo` reopens, `:close DATE` closes on that day. */
void problem_open_close(struct tui *t, long long id, const char *arg)
{
	if (tui_refuse_readonly(t))
		return;
	struct problem p = {0};
	if (!problem_load(t, id, &p))
		return;
	int undo = arg && (strcmp(arg, "undo") == 0 || strcmp(arg, "--undo") == 0 ||
			   strcmp(arg, "撤销") == 0);
	if (p.status == PB_CLOSED || undo) {
		if (undo && p.status != PB_CLOSED) {
			/* not closed: the model says so, in its words */
			struct strbuf err = {0};
			qd_problem_close(t->q, id, NULL, 1, &err);
			tui_error(t, &err);
			sb_free(&err);
		} else {
			ask_reopen(t, &p);
		}
		problem_clear(&p);
		return;
	}
	struct strbuf why = {0};
	if (!qd_problem_may_close(t->q, &p, &why)) {
		char *m = xasprintf(msg(M_PBT_CANNOT_CLOSE), id, why.s ? why.s : "");
		tui_error_text(t, m);
		free(m);
		sb_free(&why);
		problem_clear(&p);
		return;
	}
	sb_free(&why);
	problem_clear(&p);
	if (arg && *arg) {
		struct strbuf err = {0};
		if (qd_problem_close(t->q, id, arg, 0, &err) == QD_OK) {
			tui_changed(t);
			tui_say(t, msg(M_PBT_CLOSED), id);
		} else {
			tui_error(t, &err);
		}
		sb_free(&err);
		return;
	}
	struct close_ctx *c = xcalloc(1, sizeof *c);
	c->id = id;
	char *title = xasprintf(msg(M_PBT_CLOSE_TITLE), id);
	struct tui_form_cb cb = {close_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	free(title);
	c->f_on = tui_form_text(f, msg(M_PBT_F_CLOSE_ON), t->today, TF_DATE);
	tui_form_open(t, f);
}

/* ---- delete ---- */

static int delete_done(struct tui *t, void *ctx, const char *text)
{
	long long *id = ctx;
	struct strbuf err = {0};
	(void)text;
	if (qd_problem_delete(t->q, *id, &err) == QD_OK) {
		tui_changed(t);
		tui_say(t, msg(M_PBT_DELETED), *id);
	} else {
		tui_error(t, &err);
	}
	sb_free(&err);
	return 1;
}

void problem_open_delete(struct tui *t, long long id)
{
	if (tui_refuse_readonly(t))
		return;
	struct problem p = {0};
	if (!problem_load(t, id, &p))
		return;
	long long *ctx = xmalloc(sizeof *ctx);
	*ctx = id;
	char *what = text_fit(p.text ? p.text : "", 24, 1);
	char *q = xasprintf(msg(M_PBT_DELETE_Q), id, what);
	free(what);
	struct tui_prompt_cb cb = {delete_done, NULL, NULL, free, ctx};
	tui_confirm(t, q, &cb);
	free(q);
	problem_clear(&p);
}

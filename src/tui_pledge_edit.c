/* tui_pledge_edit.c — the dialogs of the pledge screen (tui_pledge.c):
 * the signature dialog (party, date defaulting to today, the person who
 * actually signed, 代签 with its note), assess, void, void-and-reissue,
 * issue, archive, the `s` menu of next steps, batch add and edit.
 *
 * Each dialog only gathers input: its save calls pledge.h, which checks
 * permission and state and says why when it refuses; a refused form stays
 * open with everything as typed and the reason shown inside it.  Actions
 * an admin alone may take are refused before a form opens, so nobody types
 * for nothing; signing asks the model first (it knows who may sign). */
#include <stdlib.h>
#include <string.h>

#include "tui_pledge.h"

static const char *const step_names[S__N] = {"issue", "sign", "assess", "archive", "void", "reissue"};
static const enum msg_id step_labels[S__N] = {M_PL_ACT_ISSUE, M_PL_ACT_SIGN, M_PL_ACT_ASSESS,
					      M_PL_ACT_ARCHIVE, M_PL_ACT_VOID, M_PL_TUI_REISSUE};

int pledge_step_parse(const char *s)
{
	for (int i = 0; s && i < S__N; i++)
		if (strcmp(s, step_names[i]) == 0 || strcmp(s, msg(step_labels[i])) == 0)
			return i;
	return -1;
}

/* ---- shared ---- */

static int refuse_manage(struct tui *t, enum msg_id act)
{
	if (tui_refuse_readonly(t))
		return 1;
	if (qd_may_manage_pledges(t->q))
		return 0;
	char *m = xasprintf(msg(M_DENIED_ADMIN), msg(act), t->q->actor_name);
	tui_error_text(t, m);
	free(m);
	return 1;
}

static void form_refused(struct tui *t, struct tui_form *f, const struct strbuf *err)
{
	tui_form_error(t, f, err->s ? err->s : "");
}

/* A fresh copy of the pledge (for a dialog that writes it). */
int pledge_view_load(struct tui *t, long long id, struct pledge *p)
{
	struct strbuf err = {0};
	enum qd_status s = qd_pledge_get(t->q, id, p, &err);
	if (s != QD_OK)
		tui_error(t, &err);
	sb_free(&err);
	return s == QD_OK;
}

/* ---- the signature dialog ---- */

struct sign_ctx {
	struct pledge_view *v;
	long long id, person[2];
	int version;
	enum pledge_party parties[2];
	int f_party, f_on, f_by, f_proxy, f_note;
};

static int sign_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct sign_ctx *c = ctx;
	enum pledge_party party = c->parties[tui_form_choice_value(f, c->f_party)];
	int proxy = tui_form_choice_value(f, c->f_proxy);
	const char *note = tui_form_value(f, c->f_note);
	if (proxy && str_empty(note)) {
		tui_form_error(t, f, msg(M_PL_TUI_NOTE_NEEDED));
		tui_form_focus(f, c->f_note);
		return 0;
	}
	long long by = tui_form_person_id(f, c->f_by);
	/* the untouched default follows the party chosen */
	if (!tui_form_changed(f, c->f_by) || by == c->person[party])
		by = 0;
	if (by && !proxy && t->q->actor_admin) {
		/* the model's refusal names the CLI's --proxy: here it is a field */
		struct person who = {0}, party_p = {0};
		qd_get_person(t->q, by, &who);
		qd_get_person(t->q, c->person[party], &party_p);
		char *m = xasprintf(msg(M_SCR_PROXY_FIELD), who.name ? who.name : "?",
				    pledge_party_label(party), party_p.name ? party_p.name : "?");
		tui_form_error(t, f, m);
		tui_form_focus(f, c->f_proxy);
		free(m);
		person_clear(&who);
		person_clear(&party_p);
		return 0;
	}
	struct pledge_sign a = {tui_form_value(f, c->f_on), by, proxy ? note : NULL, PM_AUTO};
	struct strbuf err = {0};
	enum qd_status s = qd_pledge_sign(t->q, c->id, c->version, party, &a, &err);
	if (s != QD_OK) {
		form_refused(t, f, &err);
		sb_free(&err);
		return 0;
	}
	sb_free(&err);
	struct pledge now;
	int both = pledge_view_load(t, c->id, &now) && now.status == PL_SIGNED;
	if (both) {
		pledge_clear(&now);
		tui_say(t, msg(M_PL_TUI_SIGNED_BOTH), c->id);
	} else {
		if (now.title)
			pledge_clear(&now);
		tui_say(t, msg(M_PL_TUI_SIGNED), c->id, pledge_party_label(party));
	}
	tui_changed(t);
	return 1;
}

static void open_sign(struct tui *t, struct pledge_view *v, const struct pledge *p)
{
	struct qd *q = t->q;
	if (tui_refuse_readonly(t))
		return;
	/* nothing this user may sign here: let the model say why */
	if (!qd_may_sign_pledge(q, p, PARTY_SIGNER) && !qd_may_sign_pledge(q, p, PARTY_ISSUER)) {
		struct strbuf err = {0};
		struct pledge_sign a = {NULL, 0, NULL, PM_AUTO};
		enum pledge_party party = p->sig[PARTY_SIGNER].on && !p->sig[PARTY_ISSUER].on
					  ? PARTY_ISSUER : PARTY_SIGNER;
		if (qd_pledge_sign(q, p->id, p->version, party, &a, &err) == QD_OK) {
			tui_changed(t);   /* not expected: the check and the model agree */
		} else {
			tui_error(t, &err);
		}
		sb_free(&err);
		return;
	}
	struct sign_ctx *c = xcalloc(1, sizeof *c);
	c->v = v;
	c->id = p->id;
	c->version = p->version;
	c->person[PARTY_ISSUER] = p->issuer_id;
	c->person[PARTY_SIGNER] = p->signer_id;
	/* the first choice is the party this user can sign now */
	int signer_first = qd_may_sign_pledge(q, p, PARTY_SIGNER);
	c->parties[0] = signer_first ? PARTY_SIGNER : PARTY_ISSUER;
	c->parties[1] = signer_first ? PARTY_ISSUER : PARTY_SIGNER;
	char *labels[2];
	for (int i = 0; i < 2; i++)
		labels[i] = xasprintf("%s %s", pledge_party_label(c->parties[i]),
				      c->parties[i] == PARTY_SIGNER ? p->signer_name : p->issuer_name);
	char *title = xasprintf(msg(M_PL_TUI_SIGN_TITLE), p->id, p->title);
	struct tui_form_cb cb = {sign_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	c->f_party = tui_form_choice(f, msg(M_PL_TUI_F_PARTY), (const char *const *)labels, 2, 0);
	c->f_on = tui_form_text(f, msg(M_PL_TUI_F_ON), t->today, TF_DATE);
	enum pledge_party first = c->parties[0];
	c->f_by = tui_form_person(f, msg(M_PL_TUI_F_BY), c->person[first],
				  first == PARTY_SIGNER ? p->signer_name : p->issuer_name);
	c->f_proxy = tui_form_toggle(f, msg(M_PL_TUI_F_PROXY), 0);
	c->f_note = tui_form_text(f, msg(M_PL_TUI_F_NOTE), "", TF_TEXT);
	tui_form_open(t, f);
	free(labels[0]);
	free(labels[1]);
	free(title);
}

/* ---- assess, void, reissue, issue, archive ---- */

struct pledge_ctx {
	struct pledge_view *v;
	long long id;
	int version;
	int f[5];
};

static struct pledge_ctx *ctx_new(struct pledge_view *v, const struct pledge *p)
{
	struct pledge_ctx *c = xcalloc(1, sizeof *c);
	c->v = v;
	c->id = p->id;
	c->version = p->version;
	return c;
}

static int assess_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct pledge_ctx *c = ctx;
	const char *score = tui_form_value(f, c->f[1]);
	double points = -1;
	if (!str_empty(score)) {
		char *end = NULL;
		points = strtod(score, &end);
		if (*end || !(points >= 0 && points <= 100)) {
			char *m = xasprintf(msg(M_PL_BAD_SCORE), score);
			tui_form_error(t, f, m);
			free(m);
			return 0;
		}
	}
	const char *grade = pledge_grades[tui_form_choice_value(f, c->f[0])];
	struct strbuf err = {0};
	enum qd_status s = qd_pledge_assess(t->q, c->id, c->version, grade, points,
					    tui_form_value(f, c->f[2]), tui_form_value(f, c->f[3]), &err);
	if (s != QD_OK)
		form_refused(t, f, &err);
	else
		tui_say(t, msg(M_PL_TUI_ASSESSED), c->id, grade);
	sb_free(&err);
	if (s == QD_OK)
		tui_changed(t);
	return s == QD_OK;
}

static void open_assess(struct tui *t, struct pledge_view *v, const struct pledge *p)
{
	if (refuse_manage(t, M_PL_ACT_ASSESS))
		return;
	if (p->status != PL_SIGNED) {
		char *m = xasprintf(msg(M_PL_BAD_TRANSITION), p->id, pledge_status_label(p->status),
				    msg(M_PL_ACT_ASSESS));
		tui_error_text(t, m);
		free(m);
		return;
	}
	struct pledge_ctx *c = ctx_new(v, p);
	char *title = xasprintf(msg(M_PL_TUI_ASSESS_TITLE), p->id, p->signer_name);
	struct tui_form_cb cb = {assess_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	c->f[0] = tui_form_choice(f, msg(M_PL_COL_GRADE), pledge_grades, 4, 1);
	c->f[1] = tui_form_text(f, msg(M_PL_COL_SCORE), "", TF_TEXT);
	c->f[2] = tui_form_text(f, msg(M_PL_TUI_F_ASSESS_ON), t->today, TF_DATE);
	c->f[3] = tui_form_text(f, msg(M_PL_TUI_F_REMARK), "", TF_TEXT);
	tui_form_open(t, f);
	free(title);
}

static int void_done(struct tui *t, void *ctx, const char *text)
{
	struct pledge_ctx *c = ctx;
	struct strbuf err = {0};
	enum qd_status s = qd_pledge_void(t->q, c->id, c->version, text, 0, &err);
	if (s == QD_OK) {
		tui_say(t, msg(M_PL_TUI_VOIDED), c->id);
		tui_changed(t);
	} else {
		tui_error(t, &err);
	}
	sb_free(&err);
	/* a busy file or other failure keeps the reason typed */
	return s == QD_DBERROR || (s == QD_INVALID && str_empty(text)) ? 0 : 1;
}

static void open_void(struct tui *t, struct pledge_view *v, const struct pledge *p)
{
	if (refuse_manage(t, M_PL_ACT_VOID))
		return;
	if (p->status == PL_ARCHIVED || p->status == PL_VOID) {
		char *m = xasprintf(msg(M_PL_BAD_TRANSITION), p->id, pledge_status_label(p->status),
				    msg(M_PL_ACT_VOID));
		tui_error_text(t, m);
		free(m);
		return;
	}
	struct tui_prompt_cb cb = {void_done, NULL, NULL, free, ctx_new(v, p)};
	char *label = xasprintf(msg(M_PL_TUI_VOID_PROMPT), p->id);
	tui_prompt(t, label, "", &cb);
	free(label);
}

/* Read a text file named in a form; 1 and *body (or NULL for none), or 0
 * after showing why in the form. */
static int form_body(struct tui *t, struct tui_form *f, const char *path, char **body)
{
	*body = NULL;
	if (str_empty(path))
		return 1;
	struct strbuf err = {0};
	enum qd_status s = pledge_body_from_file(path, body, &err);
	if (s != QD_OK)
		form_refused(t, f, &err);
	sb_free(&err);
	return s == QD_OK;
}

static int reissue_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct pledge_ctx *c = ctx;
	struct pledge_fields pf = PLEDGE_FIELDS_INIT;
	char *body;
	if (!form_body(t, f, tui_form_value(f, c->f[1]), &body))
		return 0;
	pf.body = body;
	if (tui_form_changed(f, c->f[2]))
		pf.due = tui_form_value(f, c->f[2]);
	long long next = 0;
	struct strbuf err = {0};
	enum qd_status s = qd_pledge_reissue(t->q, c->id, tui_form_value(f, c->f[0]), &pf, &next, &err);
	free(body);
	if (s != QD_OK) {
		form_refused(t, f, &err);
		sb_free(&err);
		return 0;
	}
	sb_free(&err);
	tui_say(t, msg(M_PL_TUI_REISSUED), c->id, next);
	tui_changed(t);
	pledge_view_select(t, c->v, next);
	return 1;
}

static void open_reissue(struct tui *t, struct pledge_view *v, const struct pledge *p)
{
	if (refuse_manage(t, M_PL_ACT_VOID))
		return;
	struct pledge_ctx *c = ctx_new(v, p);
	char *title = xasprintf(msg(M_PL_TUI_REISSUE_TITLE), p->id, p->signer_name);
	struct tui_form_cb cb = {reissue_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	c->f[0] = tui_form_text(f, msg(M_PL_F_VOID), "", TF_TEXT);
	c->f[1] = tui_form_text(f, msg(M_PL_TUI_F_BODY_KEEP), "", TF_TEXT);
	c->f[2] = tui_form_text(f, msg(M_PL_F_DUE), p->sign_due ? p->sign_due : "", TF_DATE);
	tui_form_open(t, f);
	free(title);
}

static int archive_done(struct tui *t, void *ctx, const char *text)
{
	struct pledge_ctx *c = ctx;
	struct strbuf err = {0};
	(void)text;
	if (qd_pledge_archive(t->q, c->id, &err) == QD_OK) {
		tui_say(t, msg(M_PL_TUI_ARCHIVED), c->id);
		tui_changed(t);
	} else {
		tui_error(t, &err);
	}
	sb_free(&err);
	return 1;
}

void pledge_do_step(struct tui *t, struct pledge_view *v, enum pledge_step s)
{
	struct pledge p;
	struct pledge *row = pledge_view_current(v);
	if (!row) {
		tui_error_text(t, msg(M_PL_TUI_NOTHING));
		return;
	}
	if (!pledge_view_load(t, row->id, &p))
		return;
	struct strbuf err = {0};
	switch (s) {
	case S_SIGN: open_sign(t, v, &p); break;
	case S_ASSESS: open_assess(t, v, &p); break;
	case S_VOID: open_void(t, v, &p); break;
	case S_REISSUE: open_reissue(t, v, &p); break;
	case S_ISSUE:
		if (refuse_manage(t, M_PL_ACT_ISSUE))
			break;
		if (qd_pledge_issue(t->q, p.id, &err) == QD_OK) {
			tui_say(t, msg(M_PL_TUI_ISSUED), p.id);
			tui_changed(t);
		} else {
			tui_error(t, &err);
		}
		break;
	case S_ARCHIVE: {
		if (refuse_manage(t, M_PL_ACT_ARCHIVE))
			break;
		if (p.status != PL_ASSESSED) {
			char *m = xasprintf(msg(M_PL_BAD_TRANSITION), p.id, pledge_status_label(p.status),
					    msg(M_PL_ACT_ARCHIVE));
			tui_error_text(t, m);
			free(m);
			break;
		}
		char *question = xasprintf(msg(M_PL_TUI_ARCHIVE_Q), p.id);
		struct tui_prompt_cb cb = {archive_done, NULL, NULL, free, ctx_new(v, &p)};
		tui_confirm(t, question, &cb);
		free(question);
		break;
	}
	default: break;
	}
	sb_free(&err);
	pledge_clear(&p);
}

/* The menu of next steps: those that fit the state and the user come
 * bright, the others dim (chosen anyway, the model says why not). */
static void step_picked(struct tui *t, void *ctx, long long id, const char *label)
{
	(void)label;
	pledge_do_step(t, ctx, (enum pledge_step)id);
}

static int step_fits(struct qd *q, const struct pledge *p, enum pledge_step s)
{
	int admin = qd_may_manage_pledges(q);
	switch (s) {
	case S_ISSUE: return admin && p->status == PL_DRAFT;
	case S_SIGN: return qd_may_sign_pledge(q, p, PARTY_SIGNER) || qd_may_sign_pledge(q, p, PARTY_ISSUER);
	case S_ASSESS: return admin && p->status == PL_SIGNED;
	case S_ARCHIVE: return admin && p->status == PL_ASSESSED;
	case S_VOID: case S_REISSUE: return admin && p->status != PL_ARCHIVED && p->status != PL_VOID;
	default: return 0;
	}
}

void pledge_open_steps(struct tui *t, struct pledge_view *v)
{
	struct pledge *p = pledge_view_current(v);
	if (!p) {
		tui_error_text(t, msg(M_PL_TUI_NOTHING));
		return;
	}
	const char *labels[S__N];
	long long ids[S__N];
	int dim[S__N], n = 0;
	/* what fits first */
	for (int pass = 0; pass < 2; pass++)
		for (int s = 0; s < S__N; s++)
			if (step_fits(t->q, p, (enum pledge_step)s) == !pass) {
				labels[n] = msg(step_labels[s]);
				ids[n] = s;
				dim[n++] = pass;
			}
	char *title = xasprintf(msg(M_PL_TUI_STEP_TITLE), p->id, p->signer_name);
	struct tui_pick_cb cb = {step_picked, NULL, v};
	tui_pick_choice(t, title, labels, ids, dim, n, &cb);
	free(title);
}

/* ---- add and edit ---- */

struct add_ctx {
	struct pledge_view *v;
	long long *org_ids;        /* [0] = 0: any org */
	int f_title, f_issuer, f_signer, f_org, f_post, f_body, f_due, f_issue;
};

static void add_ctx_free(void *p)
{
	struct add_ctx *c = p;
	free(c->org_ids);
	free(c);
}

static int add_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct add_ctx *c = ctx;
	struct qd *q = t->q;
	long long signer = tui_form_person_id(f, c->f_signer);
	long long org = c->org_ids[tui_form_choice_value(f, c->f_org)];
	const char *post = tui_form_value(f, c->f_post);
	long long *to = NULL;
	int n = 0;
	struct strbuf err = {0}, skipped = {0};
	enum qd_status s = QD_OK;
	if (org || !str_empty(post))
		s = qd_pledge_audience(q, org, str_empty(post) ? NULL : post, &to, &n, &err);
	if (s == QD_OK && signer) {
		int seen = 0;
		for (int i = 0; i < n; i++)
			seen |= to[i] == signer;
		if (!seen) {
			to = xrealloc(to, (size_t)(n + 1) * sizeof *to);
			to[n++] = signer;
		}
	}
	if (s == QD_OK && n == 0) {
		sb_puts(&err, msg(M_PL_TUI_NO_SIGNERS));
		s = QD_INVALID;
	}
	char *body = NULL;
	if (s != QD_OK) {
		form_refused(t, f, &err);
	} else if (form_body(t, f, tui_form_value(f, c->f_body), &body)) {
		struct pledge_fields pf = PLEDGE_FIELDS_INIT;
		pf.title = tui_form_value(f, c->f_title);
		pf.body = body;
		pf.due = tui_form_value(f, c->f_due);
		pf.issuer_id = tui_form_person_id(f, c->f_issuer);
		long long *ids = xcalloc((size_t)n, sizeof *ids);
		int added = 0;
		s = qd_pledge_add(q, &pf, to, n, tui_form_choice_value(f, c->f_issue), ids, &added,
				  &skipped, &err);
		if (s != QD_OK) {
			form_refused(t, f, &err);
		} else {
			int nskip = 0;
			for (size_t i = 0; i < skipped.len; i++)
				nskip += skipped.s[i] == '\n';
			tui_say(t, msg(M_PL_TUI_ADDED), added, nskip);
			tui_changed(t);
			pledge_view_select(t, c->v, ids[0]);
		}
		free(ids);
	} else {
		s = QD_INVALID;
	}
	free(body);
	free(to);
	sb_free(&err);
	sb_free(&skipped);
	return s == QD_OK;
}

void pledge_open_add(struct tui *t, struct pledge_view *v)
{
	if (refuse_manage(t, M_PL_ACT_ADD))
		return;
	struct add_ctx *c = xcalloc(1, sizeof *c);
	c->v = v;
	const char **orgs = xcalloc((size_t)t->norgs + 1, sizeof *orgs);
	c->org_ids = xcalloc((size_t)t->norgs + 1, sizeof *c->org_ids);
	orgs[0] = msg(M_PL_TUI_ANY_ORG);
	for (int i = 0; i < t->norgs; i++) {
		orgs[i + 1] = t->orgs[i].name;
		c->org_ids[i + 1] = t->orgs[i].id;
	}
	struct tui_form_cb cb = {add_submit, add_ctx_free, c};
	struct tui_form *f = tui_form_new(msg(M_PL_TUI_ADD_TITLE), &cb);
	c->f_title = tui_form_text(f, msg(M_PL_F_TITLE), "", TF_TEXT);
	c->f_issuer = tui_form_person(f, msg(M_PL_ISSUER), 0, NULL);
	c->f_signer = tui_form_person(f, msg(M_PL_TUI_F_SIGNER_ONE), 0, NULL);
	c->f_org = tui_form_choice(f, msg(M_PL_TUI_F_SIGNER_ORG), orgs, t->norgs + 1, 0);
	c->f_post = tui_form_text(f, msg(M_PL_TUI_F_SIGNER_POST), "", TF_TEXT);
	c->f_body = tui_form_text(f, msg(M_PL_TUI_F_BODY_FILE), "", TF_TEXT);
	c->f_due = tui_form_text(f, msg(M_PL_F_DUE), "", TF_DATE);
	c->f_issue = tui_form_toggle(f, msg(M_PL_TUI_F_ISSUE), 1);
	tui_form_open(t, f);
	free(orgs);
}

static int edit_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct pledge_ctx *c = ctx;
	struct pledge_fields pf = PLEDGE_FIELDS_INIT;
	char *body;
	if (!form_body(t, f, tui_form_value(f, c->f[1]), &body))
		return 0;
	if (tui_form_changed(f, c->f[0]))
		pf.title = tui_form_value(f, c->f[0]);
	pf.body = body;
	if (tui_form_changed(f, c->f[2]))
		pf.due = tui_form_value(f, c->f[2]);
	if (tui_form_changed(f, c->f[3]))
		pf.issuer_id = tui_form_person_id(f, c->f[3]);
	if (tui_form_changed(f, c->f[4]))
		pf.signer_id = tui_form_person_id(f, c->f[4]);
	struct strbuf err = {0};
	enum qd_status s = qd_pledge_set(t->q, c->id, c->version, &pf, &err);
	free(body);
	if (s != QD_OK)
		form_refused(t, f, &err);
	sb_free(&err);
	if (s != QD_OK)
		return 0;
	tui_say(t, msg(M_PL_TUI_SAVED), c->id);
	tui_changed(t);
	return 1;
}

void pledge_open_edit(struct tui *t, struct pledge_view *v)
{
	struct pledge p;
	struct pledge *row = pledge_view_current(v);
	if (!row) {
		tui_error_text(t, msg(M_PL_TUI_NOTHING));
		return;
	}
	if (refuse_manage(t, M_PL_ACT_EDIT) || !pledge_view_load(t, row->id, &p))
		return;
	if (p.sig[PARTY_ISSUER].on || p.sig[PARTY_SIGNER].on) {
		char *m = xasprintf(msg(M_PL_FROZEN), p.id, p.id);
		tui_error_text(t, m);
		free(m);
		pledge_clear(&p);
		return;
	}
	struct pledge_ctx *c = ctx_new(v, &p);
	char *title = xasprintf(msg(M_PL_TUI_EDIT_TITLE), p.id, p.signer_name);
	struct tui_form_cb cb = {edit_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	c->f[0] = tui_form_text(f, msg(M_PL_F_TITLE), p.title, TF_TEXT);
	c->f[1] = tui_form_text(f, msg(M_PL_TUI_F_BODY_KEEP), "", TF_TEXT);
	c->f[2] = tui_form_text(f, msg(M_PL_F_DUE), p.sign_due ? p.sign_due : "", TF_DATE);
	c->f[3] = tui_form_person(f, msg(M_PL_ISSUER), p.issuer_id, p.issuer_name);
	c->f[4] = tui_form_person(f, msg(M_PL_SIGNER), p.signer_id, p.signer_name);
	tui_form_open(t, f);
	free(title);
	pledge_clear(&p);
}


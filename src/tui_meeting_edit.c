/* tui_meeting_edit.c — the dialogs of tab 7 组织生活: add and edit a
 * meeting (one form: type, date, time, title, place, host, recorder,
 * hours, 党小组, summary, decisions), delete it (after y/N), and add an
 * evidence line (minutes, sign-in sheet, photo, file: a path or archive
 * reference).  Each writes through meeting.h — which checks who may,
 * validates and audits — and keeps the form open with the reason when it
 * refuses; the permission is checked first so nobody types in vain. */
#include <stdlib.h>
#include <string.h>

#include "tui_meeting.h"

int meeting_refuse(struct tui *t, long long org_id)
{
	if (tui_refuse_readonly(t))
		return 1;
	if (qd_may_record_meeting(t->q, org_id))
		return 0;
	const struct org *o = tui_org(t, org_id);
	char *m = xasprintf(msg(M_MTT_DENIED), t->q->actor_name ? t->q->actor_name : "",
			    o ? o->name : "");
	tui_error_text(t, m);
	free(m);
	return 1;
}

static int load(struct tui *t, long long id, struct meeting *m)
{
	struct strbuf err = {0};
	enum qd_status s = qd_meeting_get(t->q, id, m, &err);
	if (s != QD_OK)
		tui_error(t, &err);
	sb_free(&err);
	return s == QD_OK;
}

/* ---- add and edit ---- */

struct form_ctx {
	long long id, org_id;      /* id 0: add */
	int version;
	int f_type, f_on, f_starts, f_title, f_place, f_host, f_recorder, f_hours, f_cell,
	    f_summary, f_decisions;
};

/* A text field's value for meeting_fields: on edit NULL when unchanged. */
static const char *text_of(const struct tui_form *f, int i, int edit)
{
	return edit && !tui_form_changed(f, i) ? NULL : tui_form_value(f, i);
}

static int form_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct form_ctx *c = ctx;
	int edit = c->id != 0;
	struct meeting_fields mf = MEETING_FIELDS_INIT;
	struct strbuf err = {0};
	if (!edit)
		mf.org_id = c->org_id;
	if (!edit || tui_form_changed(f, c->f_type))
		mf.type = tui_form_choice_value(f, c->f_type);
	mf.on = text_of(f, c->f_on, edit);
	mf.starts = text_of(f, c->f_starts, edit);
	mf.title = text_of(f, c->f_title, edit);
	mf.place = text_of(f, c->f_place, edit);
	mf.cell = text_of(f, c->f_cell, edit);
	mf.summary = text_of(f, c->f_summary, edit);
	mf.decisions = text_of(f, c->f_decisions, edit);
	mf.hours = text_of(f, c->f_hours, edit);
	if (!edit || tui_form_changed(f, c->f_host))
		mf.host_id = tui_form_person_id(f, c->f_host);
	if (!edit || tui_form_changed(f, c->f_recorder))
		mf.recorder_id = tui_form_person_id(f, c->f_recorder);
	long long id = c->id;
	enum qd_status s = edit ? qd_meeting_set(t->q, c->id, c->version, &mf, &err)
				: qd_meeting_add(t->q, &mf, &id, &err);
	if (s != QD_OK) {
		tui_form_error(t, f, err.s ? err.s : "");
		sb_free(&err);
		return 0;
	}
	sb_free(&err);
	tui_changed(t);
	if (edit)
		tui_say(t, msg(M_MTT_SAVED), id);
	else
		tui_say(t, msg(M_MTT_ADDED), id, meeting_type_label((enum meeting_type)mf.type),
			tui_form_value(f, c->f_on));
	return 1;
}

static void open_form(struct tui *t, const struct meeting *m, long long org_id)
{
	struct form_ctx *c = xcalloc(1, sizeof *c);
	c->id = m ? m->id : 0;
	c->org_id = org_id;
	c->version = m ? m->version : 0;
	const char *types[MT__COUNT];
	for (int i = 0; i < MT__COUNT; i++)
		types[i] = meeting_type_label((enum meeting_type)i);
	const struct org *o = tui_org(t, org_id);
	char *title = m ? xasprintf(msg(M_MTT_EDIT_TITLE), m->id, m->title ? m->title : "")
			: xasprintf(msg(M_MTT_ADD_TITLE), o ? o->name : "");
	struct tui_form_cb cb = {form_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	free(title);
	char hours[32] = "";
	if (m && m->has_hours)
		snprintf(hours, sizeof hours, "%g", m->hours);
	c->f_type = tui_form_choice(f, msg(M_MTT_F_TYPE), types, MT__COUNT, m ? (int)m->type : MT_COMMITTEE);
	c->f_on = tui_form_text(f, msg(M_MTT_F_ON), m && m->on_date ? m->on_date : t->today, TF_DATE);
	c->f_starts = tui_form_text(f, msg(M_MTT_F_STARTS), m && m->starts ? m->starts : "", TF_TEXT);
	c->f_title = tui_form_text(f, msg(M_MTT_F_TITLE), m && m->title ? m->title : "", TF_TEXT);
	c->f_place = tui_form_text(f, msg(M_MTT_F_PLACE), m && m->place ? m->place : "", TF_TEXT);
	c->f_host = tui_form_person(f, msg(M_MTT_F_HOST), m ? m->host_id : 0, m ? m->host_name : "");
	c->f_recorder = tui_form_person(f, msg(M_MTT_F_RECORDER), m ? m->recorder_id : 0,
					m ? m->recorder_name : "");
	c->f_hours = tui_form_text(f, msg(M_MTT_F_HOURS), hours, TF_TEXT);
	c->f_cell = tui_form_text(f, msg(M_MTT_F_CELL), m && m->cell ? m->cell : "", TF_TEXT);
	c->f_summary = tui_form_text(f, msg(M_MTT_F_SUMMARY), m && m->summary ? m->summary : "", TF_TEXT);
	c->f_decisions = tui_form_text(f, msg(M_MTT_F_DECISIONS), m && m->decisions ? m->decisions : "",
				       TF_TEXT);
	tui_form_open(t, f);
}

void meeting_open_add(struct tui *t, long long org_id)
{
	if (meeting_refuse(t, org_id))
		return;
	open_form(t, NULL, org_id);
}

void meeting_open_edit(struct tui *t, long long id)
{
	struct meeting m = {0};
	if (!load(t, id, &m))
		return;
	if (!meeting_refuse(t, m.org_id))
		open_form(t, &m, m.org_id);
	meeting_clear(&m);
}

/* ---- delete ---- */

static int delete_done(struct tui *t, void *ctx, const char *text)
{
	long long *id = ctx;
	struct strbuf err = {0};
	(void)text;
	if (qd_meeting_delete(t->q, *id, &err) == QD_OK) {
		tui_changed(t);
		tui_say(t, msg(M_MTT_DELETED), *id);
	} else {
		tui_error(t, &err);
	}
	sb_free(&err);
	return 1;
}

void meeting_open_delete(struct tui *t, long long id)
{
	struct meeting m = {0};
	if (!load(t, id, &m))
		return;
	if (!meeting_refuse(t, m.org_id)) {
		long long *ctx = xmalloc(sizeof *ctx);
		*ctx = id;
		char *q = xasprintf(msg(M_MTT_DELETE_Q), id, meeting_type_label(m.type),
				    m.on_date ? m.on_date : "");
		struct tui_prompt_cb cb = {delete_done, NULL, NULL, free, ctx};
		tui_confirm(t, q, &cb);
		free(q);
	}
	meeting_clear(&m);
}

/* ---- evidence ---- */

static const char *const note_kinds[] = {"", "minutes", "signin", "photo", "file"};
enum { NKINDS = (int)(sizeof note_kinds / sizeof note_kinds[0]) };

struct note_ctx {
	long long id;
	int f_kind, f_on, f_text;
};

static int note_submit(struct tui *t, struct tui_form *f, void *ctx)
{
	struct note_ctx *c = ctx;
	struct strbuf err = {0};
	const char *kind = note_kinds[tui_form_choice_value(f, c->f_kind)];
	if (qd_meeting_note(t->q, c->id, tui_form_value(f, c->f_on), kind,
			    tui_form_value(f, c->f_text), &err) != QD_OK) {
		tui_form_error(t, f, err.s ? err.s : "");
		sb_free(&err);
		return 0;
	}
	sb_free(&err);
	tui_changed(t);
	tui_say(t, msg(M_MTT_NOTE_ADDED), c->id);
	return 1;
}

void meeting_open_note(struct tui *t, long long id)
{
	struct meeting m = {0};
	if (!load(t, id, &m))
		return;
	if (meeting_refuse(t, m.org_id)) {
		meeting_clear(&m);
		return;
	}
	struct note_ctx *c = xcalloc(1, sizeof *c);
	c->id = id;
	const char *labels[NKINDS];
	for (int i = 0; i < NKINDS; i++) {
		const char *l = i ? meeting_note_kind_label(note_kinds[i]) : NULL;
		labels[i] = l && *l ? l : msg(M_MTT_KIND_NONE);
	}
	char *title = xasprintf(msg(M_MTT_NOTE_TITLE), id, m.title ? m.title : "");
	struct tui_form_cb cb = {note_submit, free, c};
	struct tui_form *f = tui_form_new(title, &cb);
	free(title);
	c->f_kind = tui_form_choice(f, msg(M_MTT_F_KIND), labels, NKINDS, 1);
	c->f_on = tui_form_text(f, msg(M_MTT_F_NOTE_ON), t->today, TF_DATE);
	c->f_text = tui_form_text(f, msg(M_MTT_F_NOTE_TEXT), "", TF_TEXT);
	tui_form_open(t, f);
	meeting_clear(&m);
}

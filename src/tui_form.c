/* tui_form.c — the modals that take text: the modal stack itself, the
 * bottom-line prompt (search, note, reason, year), the `:` command prompt,
 * y/N confirmation, and the multi-field form of add / edit / assign /
 * filter.
 *
 * A form never throws the user's input away: its submit callback returns 0
 * when the model refused (not permitted, invalid, a stale version), the
 * form stays open with every field as typed and the refusal shown inside
 * it, and the user can fix and save again or Esc.  Nor does Esc drop
 * edits silently: on a form with a field changed it asks 放弃修改？(y/n)
 * first.  A form opens with the cursor at the end of each filled field,
 * and an error shown in it goes as soon as a field is changed. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "qingdan/date.h"
#include "qingdan/text.h"
#include "qingdan/tui_complete.h"
#include "qingdan/tui_view.h"

/* ---- the stack ---- */

void tui_modal_push(struct tui *t, struct tui_modal *m)
{
	m->below = t->modal;
	t->modal = m;
}

void tui_modal_detach(struct tui *t, struct tui_modal *m)
{
	struct tui_modal **pp = &t->modal;
	while (*pp && *pp != m)
		pp = &(*pp)->below;
	if (*pp)
		*pp = m->below;
	m->below = NULL;
}

void tui_modal_close(struct tui *t)
{
	struct tui_modal *m = t->modal;
	if (!m)
		return;
	t->modal = m->below;
	m->ops->free(m);
}

void tui_modals_free(struct tui *t)
{
	while (t->modal)
		tui_modal_close(t);
}

static int is_cancel(int key)
{
	return key == TUI_ESC || key == 3 || key == 7;   /* Esc, C-c, C-g */
}

/* ---- prompt ---- */

struct prompt {
	struct tui_modal m;
	char *label;
	struct tui_line line;
	struct tui_prompt_cb cb;
	int command, confirm;
};

static void complete(struct tui *t, struct prompt *p)
{
	const char *typed = tui_line_text(&p->line);
	size_t n = strlen(typed);
	char *line, *shown;
	if (tui_complete_person(t, typed, &line, &shown)) {   /* :assign 阿卜<Tab> */
		tui_line_set(&p->line, line);
		if (shown)
			tui_say(t, "%s", shown);
		free(line);
		free(shown);
		return;
	}
	if (strchr(typed, ' '))
		return;
	char common[64] = "";
	struct strbuf all = {0};
	int matches = 0;
	for (int a = 0; a < TA__COUNT; a++) {
		const char *name = tui_action_name((enum tui_action)a);
		if (strncmp(name, typed, n) != 0)
			continue;
		if (!matches++) {
			str_copy(common, name, sizeof common);
		} else {
			size_t i = 0;
			while (common[i] && common[i] == name[i])
				i++;
			common[i] = '\0';
		}
		sb_printf(&all, "%s%s", all.len ? " " : "", name);
	}
	if (matches == 1) {
		char *full = xasprintf("%s ", common);
		tui_line_set(&p->line, full);
		free(full);
	} else if (matches > 1) {
		tui_line_set(&p->line, common);
		tui_say(t, "%s", all.s);
	}
	sb_free(&all);
}

static int prompt_key(struct tui *t, struct tui_modal *m, int key)
{
	struct prompt *p = (struct prompt *)m;
	if (p->confirm) {
		tui_modal_detach(t, m);
		if (key == 'y' || key == 'Y')
			p->cb.done(t, p->cb.ctx, "");
		else if (p->cb.cancel)
			p->cb.cancel(t, p->cb.ctx);
		return 1;
	}
	if (is_cancel(key)) {
		tui_modal_detach(t, m);
		if (p->cb.cancel)
			p->cb.cancel(t, p->cb.ctx);
		return 1;
	}
	if (key == TUI_ENTER) {
		char *text = xstrdup(tui_line_text(&p->line));
		tui_modal_detach(t, m);
		int closed = p->cb.done(t, p->cb.ctx, text);
		free(text);
		if (!closed)
			tui_modal_push(t, m);
		return closed;
	}
	if (key == TUI_TAB && p->command) {
		complete(t, p);
		return 0;
	}
	struct strbuf before = {0};
	sb_puts(&before, tui_line_text(&p->line));
	if (tui_line_key(&p->line, key) && p->cb.changed &&
	    strcmp(before.s, tui_line_text(&p->line)) != 0)
		p->cb.changed(t, p->cb.ctx, tui_line_text(&p->line));
	sb_free(&before);
	return 0;
}

static void prompt_draw(struct tui *t, struct tui_modal *m)
{
	struct prompt *p = (struct prompt *)m;
	int y = t->lines - 1;
	int lw = text_width(p->label);
	if (lw > t->cols - 10)
		lw = t->cols - 10;
	tui_fill(y, 0, t->cols, A_NORMAL);
	/* a refusal of what was typed (a busy file…) shows above it */
	if (t->message && *t->message && y > 0)
		tui_put(y - 1, 0, t->cols, t->message,
			tui_attr(t, t->message_error ? TS_ERROR : TS_INFO));
	tui_put(y, 0, lw, p->label, tui_attr(t, TS_KEY));
	if (!p->confirm)
		tui_line_draw(t, &p->line, y, lw, t->cols - lw - 1, A_NORMAL, 1);
	else
		t->cur_y = y, t->cur_x = lw < t->cols ? lw : t->cols - 1;
}

static void prompt_free(struct tui_modal *m)
{
	struct prompt *p = (struct prompt *)m;
	if (p->cb.ctx_free)
		p->cb.ctx_free(p->cb.ctx);
	free(p->label);
	tui_line_free(&p->line);
	free(p);
}

static const struct tui_modal_ops prompt_ops = {prompt_key, prompt_draw, prompt_free};

static struct prompt *prompt_new(struct tui *t, const char *label, const char *initial,
				 const struct tui_prompt_cb *cb)
{
	struct prompt *p = xcalloc(1, sizeof *p);
	p->m.ops = &prompt_ops;
	p->label = xstrdup(label);
	p->cb = *cb;
	tui_line_set(&p->line, initial);
	tui_modal_push(t, &p->m);
	return p;
}

int tui_prompt_shown(const struct tui *t)
{
	return t->modal && t->modal->ops == &prompt_ops;
}

void tui_prompt(struct tui *t, const char *label, const char *initial,
		const struct tui_prompt_cb *cb)
{
	prompt_new(t, label, initial, cb);
}

void tui_confirm(struct tui *t, const char *question, const struct tui_prompt_cb *cb)
{
	prompt_new(t, question, "", cb)->confirm = 1;
}

static int command_done(struct tui *t, void *ctx, const char *text)
{
	(void)ctx;
	tui_command(t, text);
	return 1;
}

void tui_command_prompt(struct tui *t, const char *initial)
{
	struct tui_prompt_cb cb = {command_done, NULL, NULL, NULL, NULL};
	prompt_new(t, ":", initial, &cb)->command = 1;
}

/* ---- form ---- */

struct field {
	enum tui_field_kind kind;
	char *label;
	struct tui_line line;        /* text, date */
	char *orig;
	long long person, orig_person;
	char *person_name;
	char **choices;
	int nchoices, choice, orig_choice;
};

struct tui_form {
	struct tui_modal m;
	char *title;
	struct field *f;
	int n, cur;
	int asking;                  /* Esc pressed on an edited form: y/n */
	char *error;
	struct tui_form_cb cb;
};

struct tui_form *tui_form_new(const char *title, const struct tui_form_cb *cb)
{
	struct tui_form *f = xcalloc(1, sizeof *f);
	f->title = xstrdup(title);
	f->cb = *cb;
	return f;
}

static struct field *add_field(struct tui_form *f, const char *label, int kind)
{
	f->f = xrealloc(f->f, (size_t)(f->n + 1) * sizeof *f->f);
	struct field *x = &f->f[f->n++];
	memset(x, 0, sizeof *x);
	x->kind = (enum tui_field_kind)kind;
	x->label = xstrdup(label);
	return x;
}

int tui_form_text(struct tui_form *f, const char *label, const char *value, int kind)
{
	struct field *x = add_field(f, label, kind == TF_DATE || kind == TF_DUE ? kind : TF_TEXT);
	tui_line_set(&x->line, value);   /* the cursor at the end */
	x->orig = xstrdup(value ? value : "");
	return f->n - 1;
}

int tui_form_person(struct tui_form *f, const char *label, long long id, const char *name)
{
	struct field *x = add_field(f, label, TF_PERSON);
	x->person = x->orig_person = id;
	x->person_name = xstrdup(id ? name ? name : "" : "");
	return f->n - 1;
}

int tui_form_choice(struct tui_form *f, const char *label, const char *const *choices, int n,
		    int value)
{
	struct field *x = add_field(f, label, TF_CHOICE);
	x->choices = xcalloc((size_t)(n > 0 ? n : 1), sizeof *x->choices);
	for (int i = 0; i < n; i++)
		x->choices[i] = xstrdup(choices[i]);
	x->nchoices = n;
	x->choice = x->orig_choice = value >= 0 && value < n ? value : 0;
	return f->n - 1;
}

int tui_form_toggle(struct tui_form *f, const char *label, int on)
{
	struct field *x = add_field(f, label, TF_TOGGLE);
	x->choice = x->orig_choice = on != 0;
	return f->n - 1;
}

const char *tui_form_value(const struct tui_form *f, int i)
{
	const struct field *x = &f->f[i];
	switch (x->kind) {
	case TF_PERSON: return x->person_name ? x->person_name : "";
	case TF_CHOICE: return x->nchoices ? x->choices[x->choice] : "";
	case TF_TOGGLE: return x->choice ? "1" : "0";
	default: return tui_line_text(&x->line);
	}
}

int tui_form_changed(const struct tui_form *f, int i)
{
	const struct field *x = &f->f[i];
	switch (x->kind) {
	case TF_PERSON: return x->person != x->orig_person;
	case TF_CHOICE: case TF_TOGGLE: return x->choice != x->orig_choice;
	default: return strcmp(tui_line_text(&x->line), x->orig) != 0;
	}
}

long long tui_form_person_id(const struct tui_form *f, int i)
{
	return f->f[i].person;
}

int tui_form_choice_value(const struct tui_form *f, int i)
{
	return f->f[i].choice;
}

void tui_form_focus(struct tui_form *f, int i)
{
	if (i >= 0 && i < f->n)
		f->cur = i;
}

void tui_form_error(struct tui *t, struct tui_form *f, const char *text)
{
	free(f->error);
	f->error = xstrdup(text ? text : "");
	tui_error_text(t, f->error);
}

/* A date field must hold a date (or nothing) before the cursor leaves it. */
static int field_ok(struct tui *t, struct tui_form *f)
{
	struct field *x = &f->f[f->cur];
	int day;
	const char *v = tui_line_text(&x->line);
	int w = x->kind == TF_DUE ? date_due_words(v, t->q->year, &day) : 0;
	if (x->kind == TF_DUE && (!*v || w == 0))
		return 1;
	if (x->kind != TF_DUE && (x->kind != TF_DATE || !*v || date_parse(v, &day) == 0))
		return 1;
	char *m = xasprintf(msg(x->kind != TF_DUE ? M_BAD_DATE : w < 0 ? M_DUE_IMPOSSIBLE : M_DUE_NOT_DUE), v);
	tui_form_error(t, f, m);
	free(m);
	return 0;
}

struct person_pick {
	struct tui_form *form;
	int field;
};

static void clear_error(struct tui *t, struct tui_form *f);

static void person_picked(struct tui *t, void *ctx, long long id, const char *label)
{
	struct person_pick *pp = ctx;
	struct field *x = &pp->form->f[pp->field];
	if (x->person != id)
		clear_error(t, pp->form);
	x->person = id;
	free(x->person_name);
	x->person_name = xstrdup(id ? label : "");
}

static void pick_for(struct tui *t, struct tui_form *f, const char *initial)
{
	struct person_pick *pp = xmalloc(sizeof *pp);
	pp->form = f;
	pp->field = f->cur;
	struct tui_pick_cb cb = {person_picked, free, pp};
	tui_pick_person(t, f->f[f->cur].label, initial, 1, &cb);
}

static int submit(struct tui *t, struct tui_form *f)
{
	for (int i = 0; i < f->n; i++) {
		int saved = f->cur;
		f->cur = i;
		if (!field_ok(t, f))
			return 0;
		f->cur = saved;
	}
	xfree(&f->error);
	return f->cb.submit(t, f, f->cb.ctx);
}

static int form_dirty(const struct tui_form *f)
{
	for (int i = 0; i < f->n; i++)
		if (tui_form_changed(f, i))
			return 1;
	return 0;
}

/* The form's error (and the same text in the message line) goes. */
static void clear_error(struct tui *t, struct tui_form *f)
{
	if (!f->error)
		return;
	if (t->message && strcmp(t->message, f->error) == 0)
		tui_say(t, "%s", "");
	xfree(&f->error);
}

static int form_key_field(struct tui *t, struct tui_form *f, int key);

static int form_key(struct tui *t, struct tui_modal *m, int key)
{
	struct tui_form *f = (struct tui_form *)m;
	if (f->asking) {
		f->asking = 0;
		return key == 'y' || key == 'Y';
	}
	if (is_cancel(key)) {
		if (!form_dirty(f))
			return 1;
		f->asking = 1;
		return 0;
	}
	struct strbuf before = {0};
	int cur = f->cur;
	sb_puts(&before, tui_form_value(f, cur));
	int closed = form_key_field(t, f, key);
	if (!closed && cur < f->n && strcmp(before.s, tui_form_value(f, cur)) != 0)
		clear_error(t, f);
	sb_free(&before);
	return closed;
}

static int form_key_field(struct tui *t, struct tui_form *f, int key)
{
	struct field *x = &f->f[f->cur];
	if (key == 19 || key == TUI_KEY(KEY_F(10)))   /* C-s */
		return submit(t, f);
	if (key == TUI_TAB || key == TUI_KEY(KEY_DOWN) ||
	    (key == TUI_ENTER && x->kind != TF_PERSON && f->cur < f->n - 1)) {
		if (field_ok(t, f) && f->cur < f->n - 1)
			f->cur++;
		return 0;
	}
	if (key == TUI_KEY(KEY_BTAB) || key == TUI_KEY(KEY_UP)) {
		if (field_ok(t, f) && f->cur > 0)
			f->cur--;
		return 0;
	}
	switch (x->kind) {
	case TF_PERSON:
		if (key == TUI_ENTER || key == ' ') {
			pick_for(t, f, "");
		} else if (key == TUI_KEY(KEY_BACKSPACE) || key == TUI_KEY(KEY_DC)) {
			x->person = 0;
			free(x->person_name);
			x->person_name = xstrdup("");
		} else if (key >= 0x20 && key < TUI_KEYCODE && key != 0x7f) {
			char one[MB_LEN_MAX + 1] = {0};
			mbstate_t st;
			memset(&st, 0, sizeof st);
			if (wcrtomb(one, (wchar_t)key, &st) != (size_t)-1)
				pick_for(t, f, one);
		}
		return 0;
	case TF_CHOICE: case TF_TOGGLE: {
		int n = x->kind == TF_TOGGLE ? 2 : x->nchoices;
		if (n > 0 && (key == ' ' || key == TUI_KEY(KEY_RIGHT)))
			x->choice = (x->choice + 1) % n;
		else if (n > 0 && key == TUI_KEY(KEY_LEFT))
			x->choice = (x->choice + n - 1) % n;
		else if (key == TUI_ENTER)
			return submit(t, f);
		return 0;
	}
	default:
		if (key == TUI_ENTER)
			return field_ok(t, f) ? submit(t, f) : 0;
		tui_line_key(&x->line, key);
		return 0;
	}
}

static void form_draw(struct tui *t, struct tui_modal *m)
{
	struct tui_form *f = (struct tui_form *)m;
	int lw = 0;
	for (int i = 0; i < f->n; i++) {
		int w = text_width(f->f[i].label);
		lw = w > lw ? w : lw;
	}
	int w = t->cols - 4 < 78 ? t->cols - 4 : 78;
	int h = f->n + 4;
	if (h > t->lines - 2)
		h = t->lines - 2;
	int y = (t->lines - h) / 2, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, f->title);
	int fx = x + 2 + lw + 2, fw = w - (fx - x) - 2;
	int rows = h - 4, first = f->cur >= rows ? f->cur - rows + 1 : 0;
	for (int r = 0; r < rows && first + r < f->n; r++) {
		int i = first + r;
		struct field *fl = &f->f[i];
		int on = i == f->cur, fy = y + 1 + r;
		tui_put_right(fy, x + 2, lw, fl->label, tui_attr(t, on ? TS_KEY : TS_POPUP));
		attr_t a = tui_attr(t, on ? TS_FIELD_ON : TS_FIELD);
		switch (fl->kind) {
		case TF_PERSON: {
			char *v = xasprintf("%s%s", *fl->person_name ? fl->person_name : msg(M_NONE),
					    on ? msg(M_TUI_FORM_PICK) : "");
			tui_put(fy, fx, fw, v, a);
			free(v);
			break;
		}
		case TF_CHOICE: {
			char *v = xasprintf("< %s >", fl->nchoices ? fl->choices[fl->choice] : "");
			tui_put(fy, fx, fw, v, a);
			free(v);
			break;
		}
		case TF_TOGGLE: tui_put(fy, fx, fw, fl->choice ? "[x]" : "[ ]", a); break;
		default: tui_line_draw(t, &fl->line, fy, fx, fw, a, on); break;
		}
	}
	if (f->asking)
		tui_put(y + h - 2, x + 2, w - 4, msg(M_TUI_FORM_DISCARD), tui_attr(t, TS_ERROR));
	else if (f->error && *f->error)
		tui_put(y + h - 2, x + 2, w - 4, f->error, tui_attr(t, TS_ERROR));
	else
		tui_put(y + h - 2, x + 2, w - 4, msg(M_TUI_FORM_KEYS), tui_attr(t, TS_DIM));
}

static void form_free(struct tui_modal *m)
{
	struct tui_form *f = (struct tui_form *)m;
	for (int i = 0; i < f->n; i++) {
		struct field *x = &f->f[i];
		free(x->label);
		tui_line_free(&x->line);
		free(x->orig);
		free(x->person_name);
		for (int c = 0; c < x->nchoices; c++)
			free(x->choices[c]);
		free(x->choices);
	}
	free(f->f);
	free(f->title);
	free(f->error);
	if (f->cb.ctx_free)
		f->cb.ctx_free(f->cb.ctx);
	free(f);
}

static const struct tui_modal_ops form_ops = {form_key, form_draw, form_free};

void tui_form_open(struct tui *t, struct tui_form *f)
{
	f->m.ops = &form_ops;
	tui_modal_push(t, &f->m);
}

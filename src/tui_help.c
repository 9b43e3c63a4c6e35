/* tui_help.c — two read-only text views over a scrolling pager: the help
 * screen, generated from the action table (tui_action.h) so it can never
 * disagree with the keys, and an item in full (Enter on a row): every
 * field and every 履责纪实 note, wrapped to the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/period.h"
#include "qingdan/text.h"
#include "qingdan/tui_view.h"

struct pager {
	char *title;
	char *text;              /* '\n'-separated; wrapped when drawn */
	struct tui_scroll sc;
	int keep_columns;        /* help: cut long lines, never wrap */
	long long id;            /* the item shown in full */
};

static int lines_of(const struct tui *t, const struct pager *p, char ***out)
{
	if (!p->keep_columns)
		return text_wrap(p->text, t->cols - 2 > 2 ? t->cols - 2 : 2, out);
	/* split only */
	int n = 0;
	char **lines = NULL;
	const char *s = p->text;
	for (;;) {
		const char *eol = strchr(s, '\n');
		size_t len = eol ? (size_t)(eol - s) : strlen(s);
		lines = xrealloc(lines, (size_t)(n + 1) * sizeof *lines);
		lines[n++] = xstrndup(s, len);
		if (!eol)
			break;
		s = eol + 1;
	}
	*out = lines;
	return n;
}

static int rows(const struct tui *t)
{
	int lines = t->lines < TUI_MIN_LINES ? TUI_MIN_LINES : t->lines;
	return lines - 5;
}

static void pager_draw(struct tui *t, void *st, int y, int h)
{
	struct pager *p = st;
	char **lines;
	int n = lines_of(t, p, &lines);
	p->sc.n = n;
	tui_scroll_fit(&p->sc, h - 1);
	p->sc.cur = p->sc.top;
	tui_put(y, 0, t->cols, p->title, tui_attr(t, TS_COLHEAD));
	for (int r = 0; r < h - 1 && p->sc.top + r < n; r++)
		tui_put(y + 1 + r, 1, t->cols - 1, lines[p->sc.top + r], A_NORMAL);
	text_lines_free(lines, n);
}

static int pager_act(struct tui *t, void *st, enum tui_action a, const char *arg)
{
	struct pager *p = st;
	(void)arg;
	char **lines;
	int page = rows(t);
	p->sc.n = lines_of(t, p, &lines);
	text_lines_free(lines, p->sc.n);
	/* the cursor is the top line: scrolling moves the text */
	p->sc.cur = p->sc.top;
	switch (a) {
	case TA_DOWN: p->sc.top++; break;
	case TA_UP: p->sc.top--; break;
	case TA_PAGE_DOWN: p->sc.top += page - 1; break;
	case TA_PAGE_UP: p->sc.top -= page - 1; break;
	case TA_HOME: p->sc.top = 0; break;
	case TA_END: p->sc.top = p->sc.n; break;
	default: return TUI_PASS;
	}
	if (p->sc.top > p->sc.n - page)
		p->sc.top = p->sc.n - page;
	if (p->sc.top < 0)
		p->sc.top = 0;
	p->sc.cur = p->sc.top;
	return TUI_DONE;
}

static void pager_mouse(struct tui *t, void *st, int row, int col, int wheel)
{
	(void)row;
	(void)col;
	for (int i = 0; wheel && i < 3; i++)
		pager_act(t, st, wheel < 0 ? TA_UP : TA_DOWN, NULL);
}

static void pager_close(void *st)
{
	struct pager *p = st;
	free(p->title);
	free(p->text);
	free(p);
}

static void pager_status(struct tui *t, void *st, struct strbuf *out)
{
	(void)t;
	(void)st;
	sb_puts(out, msg(M_TUI_PAGER_TIP));
}

/* ---- help ---- */

static void *help_open(struct tui *t, long long arg)
{
	struct pager *p = xcalloc(1, sizeof *p);
	struct strbuf b = {0};
	static const enum msg_id groups[TG__COUNT] = {M_TUI_G_MOVE, M_TUI_G_VIEW, M_TUI_G_ITEM,
						      M_TUI_G_FIND, M_TUI_G_OTHER};
	(void)t;
	(void)arg;
	p->keep_columns = 1;
	p->title = xstrdup(msg(M_TUI_HELP_TITLE));
	for (int g = 0; g < TG__COUNT; g++) {
		sb_printf(&b, "%s%s\n", g ? "\n" : "", msg(groups[g]));
		for (int a = 0; a < TA__COUNT; a++) {
			if (tui_action_group((enum tui_action)a) != (enum tui_group)g)
				continue;
			char keys[64];
			tui_action_keys_label((enum tui_action)a, keys, sizeof keys);
			char *k = text_pad(keys, 18, 'l');
			char *n = text_pad(tui_action_name((enum tui_action)a), 18, 'l');
			sb_printf(&b, "  %s %s %s\n", k, n, tui_action_help((enum tui_action)a));
			free(k);
			free(n);
		}
	}
	sb_printf(&b, "\n%s", msg(M_TUI_HELP_MORE));
	p->text = sb_take(&b);
	return p;
}

const struct tui_view_ops tui_help_ops = {
	"help", help_open, pager_close, NULL, pager_draw, pager_act, pager_mouse, NULL, NULL,
	pager_status, NULL,
};

/* ---- an item in full ---- */

static char *item_text(struct tui *t, long long id, char **title)
{
	struct item it = {0};
	struct strbuf b = {0};
	if (qd_get_item(t->q, id, &it, &b) != QD_OK) {
		*title = xstrdup("");
		return sb_take(&b);
	}
	*title = xasprintf(msg(M_SHOW_ITEM), it.id, it.year, it.org_name, it.seq);
	char *flags = flags_label(it.flags);
	const struct {
		enum msg_id label;
		const char *value;
	} fields[] = {
		{M_SHOW_CATEGORY, it.category}, {M_SHOW_CONTENT, it.content},
		{M_SHOW_MEASURES, it.measures}, {M_SHOW_STANDARD, it.standard},
		{M_SHOW_OWNER, it.owner_name}, {M_SHOW_LEAD, it.lead_name},
	};
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
		sb_printf(&b, "%s：%s\n", msg(fields[i].label),
			  str_empty(fields[i].value) ? msg(M_NONE) : fields[i].value);
	sb_printf(&b, "%s：%s%s%s%s\n", msg(M_SHOW_DUE), it.due ? it.due : "",
		  str_empty(it.due_text) ? "" : "（", str_empty(it.due_text) ? "" : it.due_text,
		  str_empty(it.due_text) ? "" : "）");
	sb_printf(&b, "%s：%s%s%s\n", msg(M_SHOW_STATUS), status_label(it.status), *flags ? " " : "",
		  flags);
	struct strbuf periods = {0};   /* a recurring item's periods (period.h) */
	if (qd_item_period_line(t->q, id, it.year, 0, &periods))
		sb_printf(&b, "%s：%s\n", msg(M_SHOW_PERIODS), periods.s);
	sb_free(&periods);
	if (!str_empty(it.done_on))
		sb_printf(&b, "%s：%s\n", msg(M_SHOW_DONE_ON), it.done_on);
	sb_printf(&b, "%s：%d  %s：%s\n", msg(M_SHOW_VERSION), it.version, msg(M_SHOW_UPDATED),
		  it.updated_at ? it.updated_at : "");
	struct note *notes;
	int n = 0;
	qd_item_notes(t->q, id, &notes, &n);
	sb_printf(&b, "%s：%s\n", msg(M_SHOW_NOTES), n ? "" : msg(M_SHOW_NO_NOTES));
	for (int i = 0; i < n; i++)
		sb_printf(&b, "  %s %s：%s\n", notes[i].on_date,
			  notes[i].person_name ? notes[i].person_name : "", notes[i].text);
	notes_free(notes, n);
	free(flags);
	item_clear(&it);
	char *clean = text_sanitize(b.s, 1);
	sb_free(&b);
	return clean;
}

static void *item_open(struct tui *t, long long id)
{
	struct pager *p = xcalloc(1, sizeof *p);
	p->id = id;
	p->text = item_text(t, id, &p->title);
	return p;
}

static void item_reload(struct tui *t, void *st)
{
	struct pager *p = st;
	free(p->text);
	free(p->title);
	p->text = item_text(t, p->id, &p->title);
}

const struct tui_view_ops tui_pager_ops = {
	"item", item_open, pager_close, item_reload, pager_draw, pager_act, pager_mouse, NULL, NULL,
	pager_status, NULL,
};

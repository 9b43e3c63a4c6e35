/* tui_action.c — everything derived from the action table of tui_action.h:
 * names, help lines, hint labels, the default key map, key names, and the
 * script runner the tests use (which speaks the same action names and key
 * names as the help screen and the `:` prompt). */
#include "qingdan/tui_action.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "qingdan/tui_view.h"

struct action_def {
	const char *name, *keys;
	enum tui_group group;
	enum msg_id hint, help;
};

static const struct action_def actions[] = {
#define TUI_ACTION_DEF_(id, name, keys, group, hint, help) {name, keys, group, hint, help},
	TUI_ACTIONS(TUI_ACTION_DEF_)
#undef TUI_ACTION_DEF_
};

static int valid(enum tui_action a)
{
	return a >= 0 && a < TA__COUNT;
}

const char *tui_action_name(enum tui_action a)
{
	return valid(a) ? actions[a].name : "";
}

enum tui_group tui_action_group(enum tui_action a)
{
	return valid(a) ? actions[a].group : TG_OTHER;
}

const char *tui_action_help(enum tui_action a)
{
	return valid(a) ? msg(actions[a].help) : "";
}

const char *tui_action_hint(enum tui_action a)
{
	return valid(a) && actions[a].hint != M_TUI_NONE ? msg(actions[a].hint) : NULL;
}

enum tui_action tui_action_by_name(const char *name)
{
	for (int i = 0; i < TA__COUNT; i++)
		if (name && strcmp(actions[i].name, name) == 0)
			return (enum tui_action)i;
	return TA__NONE;
}

/* ---- keys ---- */

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{"Down", TUI_KEY(KEY_DOWN)}, {"Up", TUI_KEY(KEY_UP)}, {"Left", TUI_KEY(KEY_LEFT)},
	{"Right", TUI_KEY(KEY_RIGHT)}, {"PgDn", TUI_KEY(KEY_NPAGE)}, {"PgUp", TUI_KEY(KEY_PPAGE)},
	{"Home", TUI_KEY(KEY_HOME)}, {"End", TUI_KEY(KEY_END)}, {"Enter", TUI_ENTER},
	{"Esc", TUI_ESC}, {"Tab", TUI_TAB}, {"BTab", TUI_KEY(KEY_BTAB)},
	{"Backspace", TUI_KEY(KEY_BACKSPACE)}, {"Del", TUI_KEY(KEY_DC)}, {"Space", ' '},
	{"Resize", TUI_KEY(KEY_RESIZE)},
};

int tui_key_normalize(int key)
{
	switch (key) {
	case '\n': case TUI_KEY(KEY_ENTER): return TUI_ENTER;
	case 127: case 8: return TUI_KEY(KEY_BACKSPACE);
	default: return key;
	}
}

int tui_key_parse(const char **s)
{
	const char *p = *s;
	if (!*p)
		return -1;
	if (*p == '<') {
		const char *end = strchr(p, '>');
		if (!end || end == p + 1)
			goto one_char;
		size_t n = (size_t)(end - p - 1);
		char name[24];
		if (n >= sizeof name)
			return -1;
		memcpy(name, p + 1, n);
		name[n] = '\0';
		*s = end + 1;
		if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3])
			return name[2] & 0x1f;
		if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
			int f = atoi(name + 1);
			if (f >= 1 && f <= 12)
				return TUI_KEY(KEY_F(f));
		}
		for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
			if (strcmp(key_names[i].name, name) == 0)
				return key_names[i].key;
		return -1;
	}
one_char:;
	wchar_t wc;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, p, strlen(p), &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
		return -1;
	*s = p + n;
	return (int)wc;
}

void tui_key_label(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
		if (key_names[i].key == key) {
			snprintf(buf, size, "%s", key_names[i].name);
			return;
		}
	if (key >= TUI_KEY(KEY_F(1)) && key <= TUI_KEY(KEY_F(12))) {
		snprintf(buf, size, "F%d", key - TUI_KEY(KEY_F(0)));
	} else if (key > 0 && key < 32) {
		snprintf(buf, size, "C-%c", key + 'a' - 1);
	} else if (key >= 32 && key < TUI_KEYCODE) {
		char mb[8] = {0};
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t n = wcrtomb(mb, (wchar_t)key, &st);
		snprintf(buf, size, "%s", n == (size_t)-1 ? "?" : mb);
	} else {
		snprintf(buf, size, "?");
	}
}

/* The default key map, from the table (built on first use). */
struct binding {
	int key;
	enum tui_action action;
};
static struct binding bindings[128];
static int nbindings = -1;

static void build_bindings(void)
{
	nbindings = 0;
	for (int a = 0; a < TA__COUNT; a++) {
		const char *p = actions[a].keys;
		while (*p) {
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			int k = tui_key_parse(&p);
			if (k < 0)
				break;
			if (nbindings < (int)ARRAY_SIZE(bindings))
				bindings[nbindings++] = (struct binding){k, (enum tui_action)a};
		}
	}
}

enum tui_action tui_action_for_key(int key)
{
	if (nbindings < 0)
		build_bindings();
	key = tui_key_normalize(key);
	for (int i = 0; i < nbindings; i++)
		if (bindings[i].key == key)
			return bindings[i].action;
	return TA__NONE;
}

int tui_action_key(enum tui_action a)
{
	if (nbindings < 0)
		build_bindings();
	for (int i = 0; i < nbindings; i++)
		if (bindings[i].action == a)
			return bindings[i].key;
	return 0;
}

void tui_action_keys_label(enum tui_action a, char *buf, size_t size)
{
	if (nbindings < 0)
		build_bindings();
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < nbindings; i++) {
		if (bindings[i].action != a)
			continue;
		char one[24];
		tui_key_label(bindings[i].key, one, sizeof one);
		int w = snprintf(buf + len, size - len, "%s%s", len ? " " : "", one);
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
}

/* ---- scripts (tests) ---- */

static int type_text(struct tui *t, const char **s, struct strbuf *err)
{
	const char *p = *s + 1;
	struct strbuf text = {0};
	while (*p && *p != '"') {
		if (*p == '\\' && p[1])
			p++;
		sb_putc(&text, *p++);
	}
	if (*p != '"') {
		sb_printf(err, "unterminated text: %s", *s);
		sb_free(&text);
		return -1;
	}
	*s = p + 1;
	const char *q = text.s ? text.s : "";
	while (*q) {
		int k = tui_key_parse(&q);
		if (k < 0) {
			sb_printf(err, "bad text: %s", text.s);
			sb_free(&text);
			return -1;
		}
		tui_key(t, k);
	}
	sb_free(&text);
	return 0;
}

static int run_token(struct tui *t, const char *tok, struct strbuf *err)
{
	int a, b;
	char c;
	if (sscanf(tok, "resize:%dx%d%c", &a, &b, &c) == 2) {
		tui_resize(t, b, a);
		return 0;
	}
	if (sscanf(tok, "click:%d,%d%c", &a, &b, &c) == 2) {
		tui_mouse(t, b, a, 0);
		return 0;
	}
	if (sscanf(tok, "wheel-up:%d,%d%c", &a, &b, &c) == 2) {
		tui_mouse(t, b, a, -1);
		return 0;
	}
	if (sscanf(tok, "wheel-down:%d,%d%c", &a, &b, &c) == 2) {
		tui_mouse(t, b, a, 1);
		return 0;
	}
	if (strcmp(tok, "poll") == 0) {
		tui_poll(t, 1);
		tui_draw(t);
		return 0;
	}
	enum tui_action act = tui_action_by_name(tok);
	if (act != TA__NONE) {
		tui_press(t, act, NULL);
		return 0;
	}
	const char *p = tok;
	int k = tui_key_parse(&p);
	if (k >= 0 && !*p) {
		tui_key(t, k);
		return 0;
	}
	sb_printf(err, "unknown script token \"%s\"", tok);
	return -1;
}

int tui_script(struct tui *t, const char *script, struct strbuf *err)
{
	const char *s = script;
	while (*s && !tui_done(t)) {
		const char *eol = strchr(s, '\n');
		size_t len = eol ? (size_t)(eol - s) : strlen(s);
		char *line = xstrndup(s, len);
		s += len + (eol != NULL);
		int rc = 0;
		if (line[0] == ':') {
			if (!t->modal)
				tui_say(t, "%s", "");
			tui_command(t, line + 1);
			tui_draw(t);
		} else {
			const char *p = line;
			while (*p && rc == 0 && !tui_done(t)) {
				while (*p == ' ' || *p == '\t')
					p++;
				if (!*p)
					break;
				if (*p == '"') {
					rc = type_text(t, &p, err);
					continue;
				}
				const char *end = p;
				while (*end && *end != ' ' && *end != '\t')
					end++;
				char *tok = xstrndup(p, (size_t)(end - p));
				rc = run_token(t, tok, err);
				free(tok);
				p = end;
			}
		}
		free(line);
		if (rc)
			return -1;
	}
	return 0;
}

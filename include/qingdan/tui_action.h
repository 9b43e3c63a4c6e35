/* tui_action.h — the one table of what the interactive screen can do.
 *
 * TUI_ACTIONS is an X-macro in the manner of tig's request.h.  Each line is
 *   _(ID, "name", "keys", group, hint, help)
 *   ID     the enum constant TA_<ID>
 *   name   what the `:` prompt and test scripts call it (`:status done`)
 *   keys   the default bindings, space-separated: a character, or a <Name>
 *          (<Down> <PgDn> <Enter> <Esc> <Tab> <BTab> <F1> <C-l> … — see
 *          tui_key_parse); the first is the one shown in hints
 *   group  where the help screen lists it (TG_MOVE, TG_VIEW, TG_ITEM, …)
 *   hint   short label for the bottom key line, or M_TUI_NONE
 *   help   its line on the help screen
 * From this one table come the enum, the name lookup, the key map, the help
 * screen, the key line, the `:` completion and the README key table — add a
 * line here and every one of them knows the new action.  What an action
 * does is up to the view that is shown (tui_view.h): it sees the action
 * first and passes what it does not handle to the global handler (tui.c). */
#ifndef QINGDAN_TUI_ACTION_H
#define QINGDAN_TUI_ACTION_H

#include <stddef.h>

#include "qingdan/msg.h"

#define TUI_ACTIONS(_) \
	_(DOWN, "down", "<Down> j", TG_MOVE, M_TUI_NONE, M_TUI_H_DOWN) \
	_(UP, "up", "<Up> k", TG_MOVE, M_TUI_NONE, M_TUI_H_UP) \
	_(PAGE_DOWN, "page-down", "<PgDn> <C-f> <Space>", TG_MOVE, M_TUI_NONE, M_TUI_H_PAGE_DOWN) \
	_(PAGE_UP, "page-up", "<PgUp> <C-b>", TG_MOVE, M_TUI_NONE, M_TUI_H_PAGE_UP) \
	_(HOME, "home", "<Home> g", TG_MOVE, M_TUI_NONE, M_TUI_H_HOME) \
	_(END, "end", "<End> G", TG_MOVE, M_TUI_NONE, M_TUI_H_END) \
	_(ENTER, "open", "<Enter>", TG_MOVE, M_TUI_NONE, M_TUI_H_OPEN) \
	_(BACK, "back", "<Esc> <Backspace>", TG_MOVE, M_TUI_NONE, M_TUI_H_BACK) \
	_(NEXT_VIEW, "next-view", "<Tab> <Right>", TG_VIEW, M_TUI_NONE, M_TUI_H_NEXT_VIEW) \
	_(PREV_VIEW, "prev-view", "<BTab> <Left>", TG_VIEW, M_TUI_NONE, M_TUI_H_PREV_VIEW) \
	_(VIEW_PARTY, "view-party-group", "1", TG_VIEW, M_TUI_NONE, M_TUI_H_VIEW_PARTY) \
	_(VIEW_COMMITTEE, "view-committee", "2", TG_VIEW, M_TUI_NONE, M_TUI_H_VIEW_COMMITTEE) \
	_(VIEW_BRANCH, "view-branch", "3", TG_VIEW, M_TUI_NONE, M_TUI_H_VIEW_BRANCH) \
	_(VIEW_PEOPLE, "view-people", "4", TG_VIEW, M_TUI_NONE, M_TUI_H_VIEW_PEOPLE) \
	_(VIEW_PLEDGES, "view-pledges", "5", TG_VIEW, M_TUI_NONE, M_TUI_H_VIEW_PLEDGES) \
	_(VIEW_STATS, "view-stats", "6", TG_VIEW, M_TUI_NONE, M_TUI_H_VIEW_STATS) \
	_(VIEW_MEETINGS, "view-meetings", "7", TG_VIEW, M_TUI_NONE, M_MTT_H_VIEW_MEETINGS) \
	_(VIEW_PROBLEMS, "view-problems", "8", TG_VIEW, M_TUI_NONE, M_PBT_H_VIEW_PROBLEMS) \
	_(BRANCH, "branch", "b", TG_VIEW, M_TUI_NONE, M_TUI_H_BRANCH) \
	_(HELP, "help", "<F1> ?", TG_VIEW, M_TUI_K_HELP, M_TUI_H_HELP) \
	_(TRASH, "trash", "D", TG_VIEW, M_TUI_NONE, M_RS_HELP_TRASH) \
	_(ADD, "add", "a", TG_ITEM, M_TUI_K_ADD, M_TUI_H_ADD) \
	_(EDIT, "edit", "e", TG_ITEM, M_TUI_K_EDIT, M_TUI_H_EDIT) \
	_(DELETE, "delete", "d", TG_ITEM, M_TUI_NONE, M_TUI_H_DELETE) \
	_(ASSIGN, "assign", "o", TG_ITEM, M_TUI_K_ASSIGN, M_TUI_H_ASSIGN) \
	_(STATUS, "status", "s", TG_ITEM, M_TUI_K_STATUS, M_TUI_H_STATUS) \
	_(NOTE, "note", "n", TG_ITEM, M_TUI_K_NOTE, M_TUI_H_NOTE) \
	_(ATTEND, "attend", "t", TG_ITEM, M_TUI_NONE, M_MTT_H_ATTEND) \
	_(MEASURE, "measure", "m", TG_ITEM, M_TUI_NONE, M_PBT_H_MEASURE) \
	_(FEEDBACK, "feedback", "v", TG_ITEM, M_TUI_NONE, M_PBT_H_FEEDBACK) \
	_(CLOSE, "close", "c", TG_ITEM, M_TUI_NONE, M_PBT_H_CLOSE) \
	_(RESTORE, "restore", "r", TG_ITEM, M_TUI_NONE, M_RS_HELP_RESTORE) \
	_(MARK, "mark", "x", TG_ITEM, M_TUI_NONE, M_RS_HELP_MARK) \
	_(DUE, "due", "u", TG_ITEM, M_TUI_NONE, M_RS_HELP_DUE) \
	_(SEARCH, "search", "/", TG_FIND, M_TUI_K_SEARCH, M_TUI_H_SEARCH) \
	_(FILTER, "filter", "f", TG_FIND, M_TUI_K_FILTER, M_TUI_H_FILTER) \
	_(CLEAR_FILTER, "clear-filter", "F", TG_FIND, M_TUI_NONE, M_TUI_H_CLEAR_FILTER) \
	_(SORT, "sort", "S", TG_FIND, M_TUI_NONE, M_TUI_H_SORT) \
	_(YEAR, "year", "y", TG_OTHER, M_TUI_NONE, M_TUI_H_YEAR) \
	_(PRINT, "print", "p", TG_OTHER, M_TUI_K_PRINT, M_TUI_H_PRINT) \
	_(PROMPT, "prompt", ":", TG_OTHER, M_TUI_NONE, M_TUI_H_PROMPT) \
	_(RELOAD, "reload", "<C-r>", TG_OTHER, M_TUI_NONE, M_TUI_H_RELOAD) \
	_(REDRAW, "redraw", "<C-l>", TG_OTHER, M_TUI_NONE, M_TUI_H_REDRAW) \
	_(QUIT, "quit", "q <C-c>", TG_OTHER, M_TUI_K_QUIT, M_TUI_H_QUIT)

enum tui_action {
	TA__NONE = -1,
#define TUI_ACTION_ENUM_(id, name, keys, group, hint, help) TA_##id,
	TUI_ACTIONS(TUI_ACTION_ENUM_)
#undef TUI_ACTION_ENUM_
	TA__COUNT
};

/* Help-screen groups, in the order shown. */
enum tui_group { TG_MOVE, TG_VIEW, TG_ITEM, TG_FIND, TG_OTHER, TG__COUNT };

/* A key is one int: a character (its code point) or a curses KEY_* code
 * plus TUI_KEYCODE.  Enter is always '\r', Backspace always
 * TUI_KEY(KEY_BACKSPACE), whatever the terminal sent. */
#define TUI_KEYCODE 0x200000
#define TUI_KEY(k) (TUI_KEYCODE + (k))
#define TUI_ESC 27
#define TUI_ENTER '\r'
#define TUI_TAB '\t'

const char *tui_action_name(enum tui_action a);
enum tui_group tui_action_group(enum tui_action a);
const char *tui_action_help(enum tui_action a);
/* The short hint label ("新增"), or NULL when the action has none. */
const char *tui_action_hint(enum tui_action a);
/* "<Down> j" turned into "Down j" for people to read. */
void tui_action_keys_label(enum tui_action a, char *buf, size_t size);
/* Name → action; TA__NONE if unknown. */
enum tui_action tui_action_by_name(const char *name);
/* Key → action of the default key map; TA__NONE if unbound. */
enum tui_action tui_action_for_key(int key);
/* The first key bound to an action (0 if none). */
int tui_action_key(enum tui_action a);
/* Parse one key token at *s ("j", "<PgDn>", "<C-l>") and advance past it;
 * returns the key, or -1 for a bad token. */
int tui_key_parse(const char **s);
/* Fold what terminals send into one code (13/10/KEY_ENTER → '\r' …). */
int tui_key_normalize(int key);
/* Readable name of a key ("PgDn", "C-l", "a"). */
void tui_key_label(int key, char *buf, size_t size);

#endif

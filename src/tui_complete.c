/* tui_complete.c — Tab completion of a person's name in a ':' command
 * (tui_complete.h).  The people are those whose name starts with what was
 * typed, or, for ASCII, whose pinyin or initials do (as qd_match_person
 * reads it), the active ones only; one: the name as the screen shows it
 * (qd_person_ref), several: the longest common start of their names. */
#include "qingdan/tui_complete.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/collate.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/store.h"
#include "qingdan/text.h"
#include "qingdan/tui_view.h"

/* The commands whose last word is a person, and where that word starts. */
static const char *person_arg(const char *typed)
{
	static const char *const heads[] = {"assign ", NULL};
	for (int i = 0; heads[i]; i++)
		if (strncmp(typed, heads[i], strlen(heads[i])) == 0) {
			const char *arg = typed + strlen(heads[i]);
			return strchr(arg, ' ') ? NULL : arg;
		}
	if (strncmp(typed, "filter ", 7) == 0) {
		const char *last = strrchr(typed, ' ') + 1;
		if (strncmp(last, "owner=", 6) == 0)
			return last + 6;
	}
	return NULL;
}

/* Bytes of the longest common start of a and b, whole characters only. */
static size_t common_start(const char *a, const char *b)
{
	size_t n = 0;
	while (a[n] && a[n] == b[n])
		n++;
	while (n > 0 && ((unsigned char)a[n] & 0xC0) == 0x80)
		n--;   /* not inside a character */
	return n;
}

static void people_free(struct person *ps, int n)
{
	for (int i = 0; i < n; i++)
		person_clear(&ps[i]);
	free(ps);
}

/* The active people the word names by the start of their name, else (ASCII)
 * by pinyin or initials. */
static int people_of(struct tui *t, const char *word, struct person **out, int *by_sound)
{
	struct person *ps = NULL;
	int n = 0, k = 0;
	*by_sound = 0;
	store_person_by_prefix(t->q->db, word, &ps, &n);
	char *py = n == 0 ? collate_pinyin_query(word) : NULL;
	if (py) {
		int *exact = NULL;
		store_person_by_pinyin(t->q->db, py, &ps, &exact, &n);
		free(exact);
		free(py);
		*by_sound = 1;
	}
	for (int i = 0; i < n; i++) {
		if (ps[i].active)
			ps[k++] = ps[i];
		else
			person_clear(&ps[i]);
	}
	*out = ps;
	return k;
}

int tui_complete_person(struct tui *t, const char *typed, char **line, char **shown)
{
	const char *word = person_arg(typed);
	*line = NULL;
	*shown = NULL;
	if (!word)
		return 0;
	size_t head = (size_t)(word - typed);
	struct person *ps;
	int by_sound, n = *word ? people_of(t, word, &ps, &by_sound) : 0;
	if (!*word) {
		*line = xstrdup(typed);
		return 1;
	}
	if (n == 0) {
		*line = xstrdup(typed);
		*shown = xasprintf(msg(M_SCR_NO_CANDIDATE), word);
		free(ps);
		return 1;
	}
	if (n == 1) {
		char *ref = qd_person_ref(t->q, ps[0].id);
		*line = xasprintf("%.*s%s", (int)head, typed, ref ? ref : ps[0].name);
		free(ref);
		people_free(ps, n);
		return 1;
	}
	/* several: their common start (by sound: what was typed stays), the
	 * candidates shown as they would be named */
	size_t common = strlen(ps[0].name);
	for (int i = 1; i < n; i++) {
		size_t c = common_start(ps[0].name, ps[i].name);
		if (c < common)
			common = c;
	}
	if (by_sound || common < strlen(word))
		*line = xstrdup(typed);
	else
		*line = xasprintf("%.*s%.*s", (int)head, typed, (int)common, ps[0].name);
	struct strbuf all = {0};
	for (int i = 0; i < n && i < 12; i++) {
		char *ref = qd_person_ref(t->q, ps[i].id);
		sb_printf(&all, "%s%s", i ? " " : "", ref ? ref : ps[i].name);
		free(ref);
	}
	if (n > 12)
		sb_puts(&all, " …");
	*shown = xasprintf(msg(M_SCR_CANDIDATES), all.s);
	sb_free(&all);
	people_free(ps, n);
	return 1;
}

/* collate.c — the program's side of collate.h: loads the collation module
 * qingdan-icu.so on first use (plugin.h; the test programs link its
 * objects), puts ICU's reading into the stored pinyin form and derives the
 * initials.  Without the module every key is "" and the reason is kept for
 * one warning (the CLI prints it when the command ends). */
#include "qingdan/collate.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/msg.h"

/* Defined when the module's objects are linked in (the tests). */
extern const struct qd_collate_plugin *qingdan_collate_plugin(void) __attribute__((weak));

static char *warning;   /* the first failure's reason */

int name_order_parse(const char *s)
{
	if (!s || !*s || strcmp(s, "pinyin") == 0)
		return NAME_PINYIN;
	if (strcmp(s, "stroke") == 0)
		return NAME_STROKE;
	return -1;
}

const char *name_order_code(enum name_order o)
{
	return o == NAME_STROKE ? "stroke" : "pinyin";
}

static const struct qd_collate_plugin *module(struct strbuf *err)
{
	/* tried once: the same reason every time after (keys are made per name) */
	static struct plugin_once once = {.spec = {
		.file = QD_COLLATE_FILE,
		.entry = QD_COLLATE_ENTRY,
		.version = QD_COLLATE_VERSION,
		.size = sizeof(struct qd_collate_plugin),
		.m_missing = M_CO_MOD_MISSING,
		.m_load = M_CO_MOD_LOAD,
		.m_version = M_CO_MOD_VERSION,
	}, .keep_failure = 1};
	return plugin_once(&once, qingdan_collate_plugin ? qingdan_collate_plugin() : NULL, err);
}

int collate_available(struct strbuf *err)
{
	return module(err) != NULL;
}

const char *collate_warning(void)
{
	return warning;
}

char *collate_tidy_pinyin(const char *raw)
{
	struct strbuf b = {0};
	int gap = 0;
	for (const unsigned char *p = (const unsigned char *)(raw ? raw : ""); *p; p++) {
		int c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
			if (gap && b.len)
				sb_putc(&b, ' ');
			gap = 0;
			sb_putc(&b, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
		} else {
			gap = 1;
		}
	}
	return b.s ? sb_take(&b) : xstrdup("");
}

char *collate_initials(const char *pinyin)
{
	struct strbuf b = {0};
	for (const char *p = pinyin ? pinyin : ""; *p; p++)
		if (*p != ' ' && (p == pinyin || p[-1] == ' '))
			sb_putc(&b, *p);
	return b.s ? sb_take(&b) : xstrdup("");
}

char *collate_pinyin_query(const char *text)
{
	struct strbuf b = {0};
	for (const char *p = text ? text : ""; *p; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c >= 'a' && c <= 'z') {
			sb_putc(&b, c);
		} else if (c != ' ' && c != '\'' && c != '-') {
			sb_free(&b);
			return NULL;
		}
	}
	return b.s ? sb_take(&b) : NULL;
}

static void keys_empty(struct collate_keys *k)
{
	k->sort_key = xstrdup("");
	k->pinyin = xstrdup("");
	k->initials = xstrdup("");
}

int collate_name(const char *name, enum name_order order, struct collate_keys *k,
		 struct strbuf *err)
{
	memset(k, 0, sizeof *k);
	struct strbuf why = {0}, key = {0}, raw = {0};
	const struct qd_collate_plugin *m = module(&why);
	int rc = m ? m->keys(name ? name : "", (int)order, &key, &raw, &why) : -1;
	if (rc == 0) {
		k->sort_key = key.s ? sb_take(&key) : xstrdup("");
		k->pinyin = collate_tidy_pinyin(raw.s);
		k->initials = collate_initials(k->pinyin);
	} else {
		keys_empty(k);
		if (!warning)
			warning = xasprintf(msg(M_CO_NO_KEYS), why.s ? why.s : "?");
		if (err)
			sb_puts(err, why.s ? why.s : "?");
	}
	sb_free(&key);
	sb_free(&raw);
	sb_free(&why);
	return rc;
}

void collate_keys_clear(struct collate_keys *k)
{
	xfree(&k->sort_key);
	xfree(&k->pinyin);
	xfree(&k->initials);
}

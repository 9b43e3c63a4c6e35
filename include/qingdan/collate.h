/* collate.h — Chinese order and pinyin lookup of names (issue 13, item 2).
 *
 * A person's name gets three derived values, written by the model with the
 * name itself (model.c, model_person.c) and kept in person (migration 7):
 *  - sort_key: the ICU collation key of the name (ucol_getSortKey, locale
 *    "zh" for pinyin order, "zh@collation=stroke" for 姓氏笔画), in lower-
 *    case hex so that byte order is the collation order on SQLite and on
 *    PostgreSQL's COLLATE "C" columns alike (ORDER BY sort_key, name, id);
 *  - pinyin: the reading in lower-case ASCII syllables separated by one
 *    space, "zhao guo qiang" (ICU "Han-Latin; Latin-ASCII; Lower", with the
 *    surname readings of a small table: 曾 zeng, 单 shan, 尉迟 yu chi …);
 *    what ICU cannot read (an Extension-B ideograph, an emoji) is left out;
 *  - initials: the first letters of those syllables, "zgq".
 *
 * ICU (libicuuc, libicui18n and their 30 MB of data) lives in the module
 * qingdan-icu.so, loaded on the first name written or order changed the
 * way the other modules are (plugin.h), so that start-up stays light
 * (issue 10).  Without the module a name is still written, with empty
 * keys (it then sorts by name), and collate_warning() says why once. */
#ifndef QINGDAN_COLLATE_H
#define QINGDAN_COLLATE_H

#include "qingdan/plugin.h"
#include "qingdan/util.h"

/* The setting name_order: "pinyin" (also "", the default) or "stroke". */
enum name_order { NAME_PINYIN, NAME_STROKE };
/* The order of a setting's text; -1 if it is neither. */
int name_order_parse(const char *s);
const char *name_order_code(enum name_order o);

struct collate_keys {
	char *sort_key, *pinyin, *initials;   /* owned; "" when unknown */
};

/* The keys of name (UTF-8, in normal form) under order.  0; -1 when the
 * module is missing or ICU failed: every key is then "" and the reason is
 * in err (and kept for collate_warning).  Free with collate_keys_clear. */
int collate_name(const char *name, enum name_order order, struct collate_keys *k,
		 struct strbuf *err);
void collate_keys_clear(struct collate_keys *k);
/* Whether the module can be had (loads it); the reason in err if not. */
int collate_available(struct strbuf *err);
/* The first reason keys could not be made in this process, or NULL. */
const char *collate_warning(void);

/* A lookup text as a pinyin query: lower-case ASCII letters with the
 * spaces, apostrophes and hyphens dropped ("Zhao Guo" → "zhaoguo");
 * NULL if the text holds anything else or no letter. */
char *collate_pinyin_query(const char *text);
/* The reading ICU gave, in the form of pinyin above ("zhào guó·qiáng"
 * → "zhao guo qiang"), and its initials; both malloc'd. */
char *collate_tidy_pinyin(const char *raw);
char *collate_initials(const char *pinyin);

/* ---- the module qingdan-icu.so (collate_icu.c) ---- */
#define QD_COLLATE_VERSION 1
#define QD_COLLATE_FILE "qingdan-icu.so"
#define QD_COLLATE_ENTRY "qingdan_collate_plugin"

struct qd_collate_plugin {
	struct qd_plugin_stamp stamp;   /* QD_COLLATE_VERSION, sizeof(struct qd_collate_plugin) */
	/* The collation key of name under order (enum name_order), hex, into
	 * key; its transliteration (surname readings applied, not yet tidied)
	 * into reading.  0, or -1 with the reason in err. */
	int (*keys)(const char *name, int order, struct strbuf *key, struct strbuf *reading,
		    struct strbuf *err);
	/* ICU's version, "72.1" */
	const char *(*icu_version)(void);
};

/* Inside the module. */
const struct qd_collate_plugin *qingdan_collate_plugin(void);

#endif

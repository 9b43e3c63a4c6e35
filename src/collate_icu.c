/* collate_icu.c — the collation module qingdan-icu.so (collate.h): a
 * name's ICU collation key, hex-encoded, and its pinyin reading through
 * the transliterator "Han-Latin; Latin-ASCII; Lower".  The collators
 * (one per order) and the transliterator are opened on first use and kept
 * for the life of the process.  The only file that includes ICU. */
#include "qingdan/collate.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#include "qingdan/msg.h"

/* Readings Han-Latin gets wrong in names: a surname's own reading at the
 * start of the name (曾 is céng in 曾经, zēng as a surname), and a few
 * characters read so in names (阿卜杜 a bu du, not a bo du; 长林 chang
 * lin, not zhang lin).  Longest first. */
static const struct reading {
	const char *han, *latin;
} surnames[] = {
	{"尉迟", "yu chi"}, {"万俟", "mo qi"}, {"单于", "chan yu"}, {"澹台", "tan tai"},
	{"长孙", "zhang sun"}, {"令狐", "ling hu"}, {"曾", "zeng"}, {"单", "shan"},
	{"解", "xie"}, {"仇", "qiu"}, {"区", "ou"}, {"查", "zha"}, {"朴", "piao"},
	{"盖", "ge"}, {"缪", "miao"}, {"覃", "qin"}, {"翟", "zhai"}, {"乐", "yue"},
	{"召", "shao"}, {"种", "chong"}, {"秘", "bi"}, {"员", "yun"}, {"繁", "po"},
	{"阚", "kan"}, {"隗", "wei"}, {"薄", "bo"},
}, anywhere[] = {
	{"卜", "bu"}, {"长", "chang"},   /* 长 zhang is 长孙 only, above */
};

#define MAXU 1024   /* UTF-16 units of a name (names are far shorter) */

static UCollator *collators[2];
static UTransliterator *latin;

static void icu_fail(struct strbuf *err, const char *what, UErrorCode e)
{
	sb_printf(err, msg(M_CO_ICU), what, u_errorName(e));
}

static UCollator *collator(int order, struct strbuf *err)
{
	int o = order == NAME_STROKE;
	if (!collators[o]) {
		UErrorCode e = U_ZERO_ERROR;
		collators[o] = ucol_open(o ? "zh@collation=stroke" : "zh", &e);
		if (U_FAILURE(e)) {
			icu_fail(err, "ucol_open", e);
			ucol_close(collators[o]);
			collators[o] = NULL;
		}
	}
	return collators[o];
}

static UTransliterator *transliterator(struct strbuf *err)
{
	if (!latin) {
		UErrorCode e = U_ZERO_ERROR;
		UChar id[64];
		u_uastrcpy(id, "Han-Latin; Latin-ASCII; Lower");
		latin = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
		if (U_FAILURE(e)) {
			icu_fail(err, "utrans_openU", e);
			utrans_close(latin);
			latin = NULL;
		}
	}
	return latin;
}

static const struct reading *match(const struct reading *r, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strncmp(s, r[i].han, strlen(r[i].han)) == 0)
			return &r[i];
	return NULL;
}

/* name with the table's readings put in as " latin " (Han-Latin leaves
 * ASCII alone; the spaces are tidied by the caller). */
static void with_readings(const char *name, struct strbuf *out)
{
	const struct reading *r = match(surnames, sizeof surnames / sizeof *surnames, name);
	if (r) {
		sb_printf(out, " %s ", r->latin);
		name += strlen(r->han);
	}
	while (*name) {
		r = match(anywhere, sizeof anywhere / sizeof *anywhere, name);
		if (r) {
			sb_printf(out, " %s ", r->latin);
			name += strlen(r->han);
		} else {
			sb_putc(out, *name++);
		}
	}
}

static int to_utf16(const char *s, UChar *u, int32_t *len, struct strbuf *err)
{
	UErrorCode e = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u, MAXU, len, s, -1, 0xFFFD, NULL, &e);
	if (U_FAILURE(e) || *len >= MAXU) {
		sb_printf(err, msg(M_CO_TOO_LONG), MAXU);
		return -1;
	}
	return 0;
}

static int sort_key(const char *name, int order, struct strbuf *key, struct strbuf *err)
{
	UCollator *c = collator(order, err);
	UChar u[MAXU];
	int32_t len;
	if (!c || to_utf16(name, u, &len, err) != 0)
		return -1;
	uint8_t small[512], *k = small;
	int32_t need = ucol_getSortKey(c, u, len, small, (int32_t)sizeof small);
	if (need > (int32_t)sizeof small) {
		k = xmalloc((size_t)need);
		need = ucol_getSortKey(c, u, len, k, need);
	}
	/* the key ends in a 0 byte, the only one it holds: left out */
	static const char hex[] = "0123456789abcdef";
	for (int32_t i = 0; i < need && k[i]; i++) {
		sb_putc(key, hex[k[i] >> 4]);
		sb_putc(key, hex[k[i] & 15]);
	}
	if (k != small)
		free(k);
	return 0;
}

static int reading(const char *name, struct strbuf *out, struct strbuf *err)
{
	UTransliterator *t = transliterator(err);
	if (!t)
		return -1;
	struct strbuf in = {0};
	with_readings(name, &in);
	UChar u[MAXU];
	int32_t len;
	int rc = to_utf16(in.s ? in.s : "", u, &len, err);
	sb_free(&in);
	if (rc != 0)
		return -1;
	UErrorCode e = U_ZERO_ERROR;
	int32_t limit = len;
	utrans_transUChars(t, u, &len, MAXU, 0, &limit, &e);
	if (U_FAILURE(e)) {
		icu_fail(err, "utrans_transUChars", e);
		return -1;
	}
	char buf[4 * MAXU];
	int32_t n;
	e = U_ZERO_ERROR;
	u_strToUTF8WithSub(buf, (int32_t)sizeof buf, &n, u, len, 0xFFFD, NULL, &e);
	if (U_FAILURE(e)) {
		icu_fail(err, "u_strToUTF8", e);
		return -1;
	}
	sb_add(out, buf, (size_t)n);
	return 0;
}

static int icu_keys(const char *name, int order, struct strbuf *key, struct strbuf *out,
		    struct strbuf *err)
{
	if (sort_key(name, order, key, err) != 0 || reading(name, out, err) != 0)
		return -1;
	/* an empty name still has a key: "" sorts first */
	if (!key->s)
		sb_puts(key, "");
	if (!out->s)
		sb_puts(out, "");
	return 0;
}

static const char *icu_version(void)
{
	static char v[U_MAX_VERSION_STRING_LENGTH];
	UVersionInfo info;
	u_getVersion(info);
	u_versionToString(info, v);
	return v;
}

__attribute__((visibility("default"))) const struct qd_collate_plugin *qingdan_collate_plugin(void)
{
	static const struct qd_collate_plugin table = {
		.stamp = {.version = QD_COLLATE_VERSION, .size = sizeof table, .nmsg = M__COUNT},
		.keys = icu_keys,
		.icu_version = icu_version,
	};
	return &table;
}

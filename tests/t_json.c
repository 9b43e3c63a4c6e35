/* t_json.c — the storage module's JSON writer (src/store/json.c) held to
 * SQLite's own json_object()/json_quote()/json_array() byte for byte:
 * every byte 0x01–0x7f, CJK, emoji, invalid UTF-8 as stored, seeded random
 * strings, integers to the int64 ends, reals as SQLite prints them, NULL.
 * The values come as rows of the backend under test (tt_db: PostgreSQL's
 * under make test-pg, which refuses invalid UTF-8), the expected text from
 * a SQLite connection of the test's own.  Then what is built on it: each
 * record's canonical text against the json_object() SQL it replaced (frozen
 * below: the audit digests of every existing database are over those
 * bytes), verify, json_pair, the readers on their private connection
 * (json_sqlite.c), detail names, and item show's notes. */
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/demo.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/store.h"
#include "tt.h"
#include "../src/store/json.h"
#include "../src/store/sql.h"

static struct qd q;
static struct strbuf err;

static void open_db(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	date_set_today(date_from_ymd(2026, 6, 30));
	memset(&q, 0, sizeof q);
	q.year = 2026;
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
}

/* The value under test: SELECT ?1 on the backend, and the same value bound
 * on SQLite's side, which says what json_object/json_array/json_quote
 * make of it. */
struct oracle {
	struct sql_stmt *value;
	sqlite3 *lite;
	sqlite3_stmt *json;
};

static void oracle_open(struct oracle *o)
{
	if (sql_prepare(q.db, "SELECT ?1", &o->value) != SQL_OK ||
	    sqlite3_open(":memory:", &o->lite) != SQLITE_OK ||
	    sqlite3_prepare_v2(o->lite, "SELECT json_object('k', ?1), json_array(?1), json_quote(?1)",
			       -1, &o->json, NULL) != SQLITE_OK)
		abort();
}

static void oracle_close(struct oracle *o)
{
	sql_finalize(o->value);
	sqlite3_finalize(o->json);
	sqlite3_close(o->lite);
}

static int mismatches;

/* Our object, array and (for text) string of the backend's column against
 * SQLite's JSON of the same value. */
static void compare_row(struct oracle *or, const char *what)
{
	static const char *const k[] = {"k"};
	struct sql_stmt *st = or->value;
	struct strbuf obj = {0}, arr = {0}, str = {0};
	if (sql_step(st) != SQL_ROW || sqlite3_step(or->json) != SQLITE_ROW) {
		CHECK(!"step");
		return;
	}
	json_row(&obj, st, 0, k, 1);
	sb_putc(&arr, '[');
	json_next(&arr);
	json_column(&arr, st, 0);
	sb_putc(&arr, ']');
	int text = sql_column_type(st, 0) == SQL_TEXT;
	if (text)
		json_text(&str, sql_column_text(st, 0));
	const char *o = (const char *)sqlite3_column_text(or->json, 0),
		   *a = (const char *)sqlite3_column_text(or->json, 1),
		   *s = (const char *)sqlite3_column_text(or->json, 2);
	if (!o || strcmp(obj.s, o) != 0 || !a || strcmp(arr.s, a) != 0 ||
	    (text && (!s || strcmp(str.s, s) != 0))) {
		if (mismatches++ < 10)
			fprintf(stderr, "  %s: ours %s %s, SQLite's %s %s\n", what, obj.s, arr.s,
				o ? o : "(null)", a ? a : "(null)");
		tt_fail_flag = 1;
	}
	sql_reset(st);
	sqlite3_reset(or->json);
	sb_free(&obj);
	sb_free(&arr);
	sb_free(&str);
}

static void compare_text(struct oracle *o, const char *s, size_t n)
{
	sql_bind_text(o->value, 1, s, (int)n);
	sqlite3_bind_text(o->json, 1, s, (int)n, SQLITE_TRANSIENT);
	compare_row(o, "text");
}

static void compare_int(struct oracle *o, long long v)
{
	sql_bind_int64(o->value, 1, v);
	sqlite3_bind_int64(o->json, 1, v);
	compare_row(o, "integer");
}

static void compare_real(struct oracle *o, double v)
{
	sql_bind_double(o->value, 1, v);
	sqlite3_bind_double(o->json, 1, v);
	compare_row(o, "real");
}

/* Valid UTF-8 (what PostgreSQL will take as text). */
static int utf8_valid(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int len = s[i] < 0x80 ? 1 : (s[i] & 0xE0) == 0xC0 ? 2 : (s[i] & 0xF0) == 0xE0 ? 3
			: (s[i] & 0xF8) == 0xF0 ? 4 : 0;
		if (!len || i + (size_t)len > n || (len == 2 && s[i] < 0xC2) ||
		    (len == 3 && s[i] == 0xED && s[i + 1] >= 0xA0) || (len == 4 && s[i] > 0xF4))
			return 0;
		for (int k = 1; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += (size_t)len;
	}
	return 1;
}

/* A text for both sides; PostgreSQL refuses invalid UTF-8, so there such
 * a text is left to the SQLite run. */
static void compare_stored(struct oracle *o, const char *s, size_t n)
{
	if (!tt_pg() || utf8_valid((const unsigned char *)s, n))
		compare_text(o, s, n);
}

TEST(every_ascii_byte_escapes_as_sqlite_does)
{
	open_db();
	struct oracle o;
	oracle_open(&o);
	for (int c = 1; c < 0x80; c++) {
		char one[2] = {(char)c, 0}, three[4] = {'a', (char)c, 'b', 0};
		compare_text(&o, one, 1);
		compare_text(&o, three, 3);
	}
	char all[128];
	for (int c = 1; c < 0x80; c++)
		all[c - 1] = (char)c;
	compare_text(&o, all, 127);
	compare_text(&o, "", 0);
	oracle_close(&o);
	/* and the exact forms, so a change on both sides is seen too */
	struct strbuf b = {0};
	json_text(&b, "\"\\\b\t\n\f\r\x01\x1f\x7f/é");
	CHECK_STR(b.s, "\"\\\"\\\\\\b\\t\\n\\f\\r\\u0001\\u001f\x7f/é\"");
	sb_free(&b);
	qd_close(&q);
}

TEST(non_ascii_and_invalid_utf8_pass_verbatim)
{
	open_db();
	struct oracle o;
	oracle_open(&o);
	static const char *const s[] = {
		"党建责任清单", "中文，标点：“引号”（括号）", "😀👍🏽👨‍👩‍👧", "Cafe\xCC\x81",
		"\xE2\x80\xA8\xE2\x80\xA9\xEF\xBB\xBF", "\xC2\x80\xC2\x9F", "\xE2\x80\x8F\xE2\x80\xAE",
		"\xC0\xFF\xEE", "\x80", "\xFF\xFE", "a\xE4\xB8", "\xED\xA0\x80",
	};
	for (size_t i = 0; i < ARRAY_SIZE(s); i++)
		compare_stored(&o, s[i], strlen(s[i]));
	char high[129];
	for (int c = 0x80; c < 0x100; c++)
		high[c - 0x80] = (char)c;
	compare_stored(&o, high, 128);
	/* seeded random strings to 40 pieces: any byte but NUL (SQLite), or
	 * ASCII and whole characters (valid UTF-8, both backends) */
	static const char *const chars[] = {"中", "😀", "é", "\xC2\x80", "\xE2\x80\xA8", "\xEF\xBB\xBF"};
	unsigned seed = 12345;
	for (int round = 0; round < 3000; round++) {
		char buf[41 * 4];
		size_t n = 0;
		int raw = round % 2 && !tt_pg();
		seed = seed * 1103515245u + 12345u;
		for (unsigned k = (seed >> 16) % 41; k > 0; k--) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 255;
			if (raw || r < 0x7f) {
				buf[n++] = (char)(1 + r);
			} else {
				const char *c = chars[r % ARRAY_SIZE(chars)];
				memcpy(buf + n, c, strlen(c));
				n += strlen(c);
			}
		}
		compare_stored(&o, buf, n);
	}
	oracle_close(&o);
	qd_close(&q);
}

TEST(numbers_and_null_print_as_sqlite_does)
{
	open_db();
	struct oracle o;
	oracle_open(&o);
	static const long long ints[] = {0, -1, 1, 9, 10, -10, 2026, 1LL << 53, -(1LL << 53),
					 INT64_MAX, INT64_MIN, INT64_MIN + 1};
	for (size_t i = 0; i < ARRAY_SIZE(ints); i++)
		compare_int(&o, ints[i]);
	static const double reals[] = {
		0.0, -0.0, 0.1, 0.5, -2.5, 1.0, 100.0, 95.5, 200.0 / 3, 66.66666666666667, 1.0 / 3,
		1e300, -1e300, 1e-300, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
		1e15, 1e16, 123456789012345678.0, 999999999999999.9, 0.000001, 1e-7, 3.14159265358979,
		HUGE_VAL, -HUGE_VAL,
	};
	for (size_t i = 0; i < ARRAY_SIZE(reals); i++)
		compare_real(&o, reals[i]);
	sql_bind_null(o.value, 1);
	sqlite3_bind_null(o.json, 1);
	compare_row(&o, "null");
	oracle_close(&o);
	struct strbuf b = {0};
	sb_putc(&b, '[');
	double v[] = {100.0, 0.1, 1e300, 200.0 / 3};
	for (int i = 0; i < 4; i++) {
		json_next(&b);
		json_real(&b, v[i]);
	}
	json_next(&b);
	json_int(&b, INT64_MIN);
	json_next(&b);
	json_null(&b);
	sb_putc(&b, ']');
	CHECK_STR(b.s, "[100.0,0.1,1.0e+300,66.6666666666667,-9223372036854775808,null]");
	sb_free(&b);
	qd_close(&q);
}

/* SQLite's answer to sql with up to 3 text parameters (NULL: null), malloc'd. */
static char *lite1(const char *sql, const char *a, const char *b, const char *c)
{
	sqlite3 *lite;
	sqlite3_stmt *st;
	char *out = NULL;
	if (sqlite3_open(":memory:", &lite) != SQLITE_OK ||
	    sqlite3_prepare_v2(lite, sql, -1, &st, NULL) != SQLITE_OK)
		abort();
	const char *v[] = {a, b, c};
	for (int i = 0; i < 3 && i < sqlite3_bind_parameter_count(st); i++)
		sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(lite);
	return out;
}

TEST(a_row_is_json_object_of_its_columns)
{
	open_db();
	static const char *const keys[] = {"a\"b\n", "中", "c", "d", "e", ""};
	struct sql_stmt *st = NULL;
	CHECK_INT(sql_prepare(q.db, "SELECT 1, 2.5, 'x\ty', NULL, -0.0, ''", &st), SQL_OK);
	CHECK_INT(sql_step(st), SQL_ROW);
	struct strbuf b = {0};
	json_row(&b, st, 0, keys, 6);
	char *want = lite1("SELECT json_object('a\"b' || char(10), 1, '中', 2.5, 'c', 'x\ty', 'd', NULL, "
			   "'e', -0.0, '', '')", NULL, NULL, NULL);
	CHECK_STR(b.s, want);
	free(want);
	sb_free(&b);
	sql_finalize(st);
	qd_close(&q);
}

/* The canonical text of each entity as it was built in SQL before json.c:
 * never change these, they are the bytes of every existing audit digest. */
static const struct {
	const char *entity, *expr;
} frozen[] = {
	{"setting", "json_object('key', t.key, 'value', t.value)"},
	{"org", "json_object('id', t.id, 'name', t.name, 'level', t.level, "
		"'parent_id', t.parent_id, 'sort', t.sort)"},
	{"person", "json_object('id', t.id, 'name', t.name, 'post', t.post, 'org_id', t.org_id, "
		   "'login', t.login, 'is_admin', t.is_admin, 'active', t.active)"},
	{"list", "json_object('id', t.id, 'org_id', t.org_id, 'year', t.year, 'title', t.title, "
		 "'state', t.state)"},
	{"item", "json_object('id', t.id, 'list_id', t.list_id, 'seq', t.seq, "
		 "'category', t.category, 'content', t.content, 'measures', t.measures, "
		 "'standard', t.standard, 'due', t.due, 'due_text', t.due_text, "
		 "'owner_id', t.owner_id, 'lead_id', t.lead_id, 'status', t.status, "
		 "'done_on', t.done_on, 'version', t.version, 'created_at', t.created_at, "
		 "'updated_at', t.updated_at, 'deleted_at', t.deleted_at)"},
	{"note", "json_object('id', t.id, 'item_id', t.item_id, 'on_date', t.on_date, "
		 "'person_id', t.person_id, 'text', t.text, 'created_at', t.created_at)"},
	{"pledge", "json_object('id', t.id, 'year', t.year, 'title', t.title, 'body', t.body, "
		   "'issuer_id', t.issuer_id, 'signer_id', t.signer_id, 'sign_due', t.sign_due, "
		   "'status', t.status, 'body_sha256', t.body_sha256, "
		   "'issuer_signed_on', t.issuer_signed_on, 'issuer_signed_by', t.issuer_signed_by, "
		   "'issuer_method', t.issuer_method, 'issuer_proxy', t.issuer_proxy, "
		   "'issuer_proxy_note', t.issuer_proxy_note, 'issuer_recorded_by', t.issuer_recorded_by, "
		   "'signer_signed_on', t.signer_signed_on, 'signer_signed_by', t.signer_signed_by, "
		   "'signer_method', t.signer_method, 'signer_proxy', t.signer_proxy, "
		   "'signer_proxy_note', t.signer_proxy_note, 'signer_recorded_by', t.signer_recorded_by, "
		   "'grade', t.grade, 'score', t.score, 'assessed_on', t.assessed_on, "
		   "'assess_note', t.assess_note, 'void_reason', t.void_reason, "
		   "'successor_id', t.successor_id, 'version', t.version, "
		   "'created_at', t.created_at, 'updated_at', t.updated_at)"},
};

static void exec(const char *sql)
{
	if (sql_exec(q.db, sql) != SQL_OK) {
		struct strbuf e = {0};
		db_error(q.db, &e);
		fprintf(stderr, "  %s: %s\n", sql, e.s ? e.s : "");
		tt_fail_flag = 1;
		sb_free(&e);
	}
}

/* Every record of every entity: store_canon == the frozen json_object(). */
static long long compare_canon(void)
{
	long long n = 0;
	for (size_t i = 0; i < ARRAY_SIZE(frozen); i++) {
		const char *key = strcmp(frozen[i].entity, "setting") == 0 ? "rowid" : "id";
		char *sql = xasprintf("SELECT t.%s, %s FROM \"%s\" t ORDER BY 1", key, frozen[i].expr,
				      frozen[i].entity);
		sqlite3_stmt *st;
		CHECK_INT(sqlite3_prepare_v2(db_handle(q.db), sql, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			char *ours = store_canon(q.db, frozen[i].entity, sqlite3_column_int64(st, 0));
			const char *theirs = (const char *)sqlite3_column_text(st, 1);
			if (!ours || strcmp(ours, theirs) != 0) {
				fprintf(stderr, "  %s #%lld: ours %s\n  SQLite's %s\n", frozen[i].entity,
					sqlite3_column_int64(st, 0), ours ? ours : "(null)", theirs);
				tt_fail_flag = 1;
			}
			free(ours);
			n++;
		}
		sqlite3_finalize(st);
		free(sql);
	}
	return n;
}

TEST(canonical_text_is_the_json_object_it_replaced)
{
	TT_SQLITE_ONLY("the canonical text was SQLite's json_object() of the file's rows");
	open_db();
	if (demo_load(&q, &err) != QD_OK) {
		CHECK_STR(err.s, "(demo_load)");
		return;
	}
	CHECK(compare_canon() > 150);
	/* values qingdan never writes itself, as a file may hold them */
	exec("UPDATE item SET content = 'x' || char(1, 8, 9, 10, 12, 13, 27, 31, 34, 92, 127, 128) "
	     "|| '中😀', measures = CAST(X'C0FFEE41' AS TEXT), due = NULL WHERE id = 5");
	exec("UPDATE pledge SET score = 200.0 / 3, grade = '优秀' WHERE id = 1");
	exec("UPDATE pledge SET score = 1e300 WHERE id = 2");
	exec("UPDATE pledge SET score = 100 WHERE id = 3");
	exec("UPDATE pledge SET score = -0.0 WHERE id = 4");
	exec("UPDATE person SET login = NULL, name = char(7) || '名\"' WHERE id = 3");
	exec("INSERT INTO setting VALUES ('z\"', char(9) || '\\')");
	CHECK(compare_canon() > 150);
	qd_close(&q);
}

TEST(verify_hashes_in_c_what_sqlite_hashed)
{
	open_db();
	if (demo_load(&q, &err) != QD_OK) {
		CHECK_STR(err.s, "(demo_load)");
		return;
	}
	/* the digest of every record's last entry is the SHA-256 of store_canon */
	struct strbuf report = {0};
	CHECK_INT(qd_audit_verify(&q, &report, &err), QD_OK);
	exec(TT_SQL("UPDATE item SET content = content || char(1) WHERE id = 4",
		    "UPDATE item SET content = content || chr(1) WHERE id = 4"));
	exec("UPDATE pledge SET score = 66.6 WHERE id = 2");
	exec("DELETE FROM note WHERE id = (SELECT min(id) FROM note)");
	exec("INSERT INTO setting(key, value) VALUES ('new', 'v')");
	sb_reset(&report);
	CHECK_INT(qd_audit_verify(&q, &report, &err), QD_VERIFY);
	CHECK_CONTAINS(report.s, "事项 #4");
	CHECK_CONTAINS(report.s, "责任书 #2");
	sb_free(&report);
	qd_close(&q);
}

/* The print codes' digests in batches equal one store_canon per record:
 * every entity, ids out of order, repeated, gone, more than one batch. */
TEST(batch_digests_are_the_per_record_ones)
{
	open_db();
	if (demo_load(&q, &err) != QD_OK) {
		CHECK_STR(err.s, "(demo_load)");
		return;
	}
	enum { N = 160 };
	const char *ent[N];
	long long ids[N];
	for (int i = 0; i < N; i++) {
		ent[i] = store_entities[1 + i % 6];   /* org … pledge */
		ids[i] = i % 7 == 3 ? 99999 : (long long)((i * 37) % 90 + 1);
	}
	ent[5] = "item", ids[5] = ids[11] = 4, ent[11] = "item";
	char(*batch)[65] = xcalloc(N, sizeof *batch);
	CHECK_INT(store_canon_digests(q.db, ent, ids, N, batch), QD_OK);
	int same = 0;
	for (int i = 0; i < N; i++) {
		char *c = store_canon(q.db, ent[i], ids[i]);
		char one[65];
		store_sha256_hex(c ? c : "", c ? strlen(c) : 0, one);
		free(c);
		same += strcmp(one, batch[i]) == 0;
	}
	CHECK_INT(same, N);
	free(batch);
	qd_close(&q);
}

TEST(json_pair_is_json_object_of_two_texts)
{
	open_db();
	static const char *const v[] = {"", "原因：\"引\"\\\n", "\x01\x7f", "😀", NULL};
	for (size_t i = 0; i < ARRAY_SIZE(v); i++) {
		char *ours = store_json_pair(q.db, "reason", v[i]);
		char *want = lite1("SELECT json_object('reason', ?1)", v[i], NULL, NULL);
		CHECK_STR(ours, want);
		free(ours);
		free(want);
	}
	char *none = store_json_pair(q.db, NULL, "x");
	CHECK_STR(none, "{}");
	free(none);
	qd_close(&q);
}

TEST(diff_runs_off_the_database)
{
	/* no database open at all: the readers have their own connection */
	char *d = json_diff("{\"id\":1,\"a\":\"x\",\"b\":2,\"version\":1,\"c\":null}",
			    "{\"id\":1,\"a\":\"y\\n\",\"b\":2,\"version\":2,\"c\":2.5}",
			    "{\"reason\":\"因\"}");
	CHECK_STR(d, "{\"a\":[\"x\",\"y\\n\"],\"c\":[null,2.5],\"reason\":\"因\"}");
	free(d);
	d = json_diff(NULL, "{\"id\":3,\"n\":null,\"t\":\"中\",\"r\":[[\"item\",1]]}", NULL);
	CHECK_STR(d, "{\"id\":3,\"t\":\"中\",\"r\":[[\"item\",1]]}");
	free(d);
	d = json_diff("{\"a\":1}", "{\"a\":1}", NULL);
	CHECK_STR(d, "{}");
	free(d);
	d = json_diff("not json", "{\"a\":1}", NULL);
	CHECK_STR(d, "{}");
	free(d);
}

struct fields {
	struct strbuf b;
};

static void add(void *ctx, const char *key, int change, const char *old, const char *now)
{
	struct fields *f = ctx;
	sb_printf(&f->b, "%s%s=%s%s%s", f->b.len ? "|" : "", key, change ? (old ? old : "null") : "",
		  change ? ">" : "", now ? now : "null");
}

TEST(detail_fields_come_with_names)
{
	open_db();
	if (demo_load(&q, &err) != QD_OK) {
		CHECK_STR(err.s, "(demo_load)");
		return;
	}
	struct fields f = {{0}};
	CHECK_INT(store_detail_each(q.db, "{\"owner_id\":[1,999999],\"lead_id\":[null,\"2\"],"
					 "\"org_id\":1,\"list_id\":1,\"item_id\":5,\"successor_id\":[null,7],"
					 "\"score\":[90.0,95.5],\"content\":\"a\\nb\",\"x\":[1,2,3],"
					 "\"records\":[[\"item\",1,\"h\"],[\"item\",2,\"h\"]]}",
					 add, &f), QD_OK);
	char *p1 = NULL, *p2 = NULL, *o1 = NULL, *l1 = NULL;
	struct sql_stmt *st;
	CHECK_INT(sql_prepare(q.db, "SELECT (SELECT name FROM person WHERE id = 1), "
				    "(SELECT name FROM person WHERE id = 2), (SELECT name FROM org WHERE id = 1), "
				    "(SELECT l.year || ' ' || o.name FROM list l JOIN org o ON o.id = l.org_id "
				    "WHERE l.id = 1)", &st), SQL_OK);
	CHECK_INT(sql_step(st), SQL_ROW);
	p1 = xstrdup(sql_column_text(st, 0));
	p2 = xstrdup(sql_column_text(st, 1));
	o1 = xstrdup(sql_column_text(st, 2));
	l1 = xstrdup(sql_column_text(st, 3));
	sql_finalize(st);
	char *want = xasprintf("owner_id=%s>#999999|lead_id=null>%s|org_id=%s|list_id=%s|item_id=#5|"
			       "successor_id=null>#7|score=90.0>95.5|content=a\nb|x=[1,2,3]|records=2",
			       p1, p2, o1, l1);
	CHECK_STR(f.b.s, want);
	sb_reset(&f.b);
	CHECK_INT(store_detail_each(q.db, "{broken", add, &f), QD_OK);
	CHECK(f.b.len == 0);
	sb_free(&f.b);
	free(want);
	free(p1);
	free(p2);
	free(o1);
	free(l1);
	qd_close(&q);
}

struct show {
	struct rowsink base;
	struct strbuf vals, json;
	int ncol;
};

static void show_header(struct rowsink *s, int ncol, const char *const *names)
{
	(void)names;
	((struct show *)s)->ncol = ncol;
}

static void show_row(struct rowsink *rs, const char *const *vals, const char *json)
{
	struct show *s = (struct show *)rs;
	sb_puts(&s->vals, vals[s->ncol - 1]);
	sb_puts(&s->json, json ? json : "(none)");
}

TEST(item_show_notes_as_lines_and_as_an_array)
{
	open_db();
	if (demo_load(&q, &err) != QD_OK) {
		CHECK_STR(err.s, "(demo_load)");
		return;
	}
	struct sql_stmt *st;
	CHECK_INT(sql_prepare(q.db, "SELECT item_id FROM note GROUP BY item_id HAVING count(*) >= 2 "
				    "ORDER BY item_id LIMIT 1", &st), SQL_OK);
	CHECK_INT(sql_step(st), SQL_ROW);
	long long item = sql_column_int64(st, 0);
	sql_finalize(st);
	exec("UPDATE note SET text = text || '\"\\' WHERE id = (SELECT max(id) FROM note)");
	/* what they should be: lines "date person：text", and SQLite's
	 * json_object of each note in an array */
	CHECK_INT(sql_prepare(q.db, "SELECT n.on_date, coalesce(p.name, ''), n.text FROM note n "
				    "LEFT JOIN person p ON p.id = n.person_id WHERE n.item_id = ?1 "
				    "ORDER BY n.on_date, n.id", &st), SQL_OK);
	sql_bind_int64(st, 1, item);
	struct strbuf lines = {0}, array = {0};
	sb_putc(&array, '[');
	int n = 0;
	while (sql_step(st) == SQL_ROW) {
		const char *d = sql_column_text(st, 0), *p = sql_column_text(st, 1),
			   *t = sql_column_text(st, 2);
		sb_printf(&lines, "%s%s %s：%s", n ? "\n" : "", d, p, t);
		char *j = lite1("SELECT json_object('on_date', ?1, 'person', ?2, 'text', ?3)", d, p, t);
		sb_printf(&array, "%s%s", n++ ? "," : "", j);
		free(j);
	}
	sb_putc(&array, ']');
	sql_finalize(st);
	CHECK(n >= 2);
	struct show s = {{show_header, show_row, 1}, {0}, {0}, 0};
	CHECK_INT(store_item_show(q.db, item, "2026-06-30", "2026-07-07", &s.base, &err), QD_OK);
	CHECK_STR(s.vals.s, lines.s);
	char *notes = xasprintf(",\"notes\":%s}", array.s);
	CHECK(s.json.len > strlen(notes) && strcmp(s.json.s + s.json.len - strlen(notes), notes) == 0);
	free(notes);
	sb_free(&lines);
	sb_free(&array);
	sb_free(&s.vals);
	sb_free(&s.json);
	qd_close(&q);
}

int main(void)
{
	RUN(every_ascii_byte_escapes_as_sqlite_does);
	RUN(non_ascii_and_invalid_utf8_pass_verbatim);
	RUN(numbers_and_null_print_as_sqlite_does);
	RUN(a_row_is_json_object_of_its_columns);
	RUN(canonical_text_is_the_json_object_it_replaced);
	RUN(verify_hashes_in_c_what_sqlite_hashed);
	RUN(json_pair_is_json_object_of_two_texts);
	RUN(batch_digests_are_the_per_record_ones);
	RUN(diff_runs_off_the_database);
	RUN(detail_fields_come_with_names);
	RUN(item_show_notes_as_lines_and_as_an_array);
	return TT_END();
}

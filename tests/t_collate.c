/* t_collate.c — Chinese order and pinyin lookup (collate.h, issue 13 item
 * 2): the keys, pinyin and initials of the demo names, 欧阳 and the other
 * compound surnames, rare characters; pinyin and stroke order; the model
 * writing the keys with every name and the setting name_order; lookup by
 * initials and pinyin.  The module's objects are linked in (Makefile), so
 * ICU is used directly. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/collate.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/store.h"
#include "tt.h"

static void keys_are(const char *name, const char *pinyin, const char *initials)
{
	struct collate_keys k;
	struct strbuf e = {0};
	CHECK_INT(collate_name(name, NAME_PINYIN, &k, &e), 0);
	if (strcmp(k.pinyin, pinyin) != 0 || strcmp(k.initials, initials) != 0)
		fprintf(stderr, "  %s: got \"%s\" / \"%s\"\n", name, k.pinyin, k.initials);
	CHECK_STR(k.pinyin, pinyin);
	CHECK_STR(k.initials, initials);
	CHECK(*k.sort_key);
	CHECK(strspn(k.sort_key, "0123456789abcdef") == strlen(k.sort_key));
	CHECK(strlen(k.sort_key) % 2 == 0);
	collate_keys_clear(&k);
	sb_free(&e);
}

TEST(pinyin_and_initials_of_demo_names)
{
	keys_are("赵立新", "zhao li xin", "zlx");
	keys_are("郑国强", "zheng guo qiang", "zgq");
	keys_are("李红梅", "li hong mei", "lhm");
	keys_are("王伟", "wang wei", "ww");
	keys_are("吕", "lu", "l");                      /* ü as u */
	keys_are("潘长林", "pan chang lin", "pcl");     /* 长 in a name: chang */
	keys_are("阿依古丽·买买提", "a yi gu li mai mai ti", "ayglmmt");
	keys_are("Smith John", "smith john", "sj");
}

TEST(compound_surnames_and_surname_readings)
{
	keys_are("欧阳娜娜", "ou yang na na", "oynn");
	keys_are("阿卜杜·热合曼", "a bu du re he man", "abdrhm");   /* not a bo du */
	keys_are("尉迟恭", "yu chi gong", "ycg");
	keys_are("万俟卨", "mo qi xie", "mqx");
	keys_are("司马光", "si ma guang", "smg");
	keys_are("诸葛亮", "zhu ge liang", "zgl");
	keys_are("曾国藩", "zeng guo fan", "zgf");   /* the surname, not ceng */
	keys_are("单雄信", "shan xiong xin", "sxx");
	keys_are("解缙", "xie jin", "xj");
	/* only at the start: 曾经 in a given name keeps ICU's reading */
	keys_are("王曾", "wang ceng", "wc");
}

TEST(rare_characters_and_emoji_are_left_out_of_pinyin)
{
	keys_are("王\xF0\xA1\x83\x81", "wang", "w");           /* 王𡃁 */
	keys_are("王\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBB芳", "wang fang", "wf");   /* 王👍🏻芳 */
	/* a name ICU cannot read at all still has a key, and an empty reading */
	struct collate_keys k;
	CHECK_INT(collate_name("\xF0\xA1\x83\x81", NAME_PINYIN, &k, NULL), 0);
	CHECK(*k.sort_key);
	CHECK_STR(k.pinyin, "");
	CHECK_STR(k.initials, "");
	collate_keys_clear(&k);
}

static int by_key(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;
	return strcmp(x[1], y[1]);
}

/* names sorted by their hex keys under order, joined by spaces */
static char *sorted(const char *const *names, int n, enum name_order order)
{
	const char **pairs = xcalloc((size_t)n * 2, sizeof *pairs);
	struct collate_keys *k = xcalloc((size_t)n, sizeof *k);
	for (int i = 0; i < n; i++) {
		CHECK_INT(collate_name(names[i], order, &k[i], NULL), 0);
		pairs[2 * i] = names[i];
		pairs[2 * i + 1] = k[i].sort_key;
	}
	qsort(pairs, (size_t)n, 2 * sizeof *pairs, by_key);
	struct strbuf b = {0};
	for (int i = 0; i < n; i++)
		sb_printf(&b, "%s%s", i ? " " : "", pairs[2 * i]);
	for (int i = 0; i < n; i++)
		collate_keys_clear(&k[i]);
	free(k);
	free(pairs);
	return sb_take(&b);
}

TEST(pinyin_and_stroke_order)
{
	/* by pinyin, worked out by hand: he < huang < li < liu < ou yang <
	 * wang fang < wang wei < wu < xu (徐 xú before 许 xǔ) < zhao < zheng */
	static const char *const names[] = {"郑国强", "王伟", "欧阳娜娜", "李红梅", "何雪", "许诺",
					    "赵立新", "刘洋", "徐丽", "王芳", "吴敏", "黄志刚"};
	char *p = sorted(names, 12, NAME_PINYIN);
	CHECK_STR(p, "何雪 黄志刚 李红梅 刘洋 欧阳娜娜 王芳 王伟 吴敏 徐丽 许诺 赵立新 郑国强");
	free(p);
	/* by strokes of the surname: 马 3, 王 4, 田 5, 刘 6, 李 7, 周 8, 赵 9,
	 * 黄 11, 蔡 14 (ICU's data counts 阝 as 3, so 郑 and 邓 are left out) */
	static const char *const few[] = {"蔡明亮", "赵立新", "王芳", "黄志刚", "马俊",
					  "周海燕", "李红梅", "田甜", "刘洋"};
	p = sorted(few, 9, NAME_STROKE);
	CHECK_STR(p, "马俊 王芳 田甜 刘洋 李红梅 周海燕 赵立新 黄志刚 蔡明亮");
	free(p);
}

TEST(query_and_tidy_helpers)
{
	char *s = collate_pinyin_query("Zhao Guo");
	CHECK_STR(s, "zhaoguo");
	free(s);
	s = collate_pinyin_query("xi'an-li");
	CHECK_STR(s, "xianli");
	free(s);
	CHECK(collate_pinyin_query("赵") == NULL);
	CHECK(collate_pinyin_query("#12") == NULL);
	CHECK(collate_pinyin_query("zhao1") == NULL);
	CHECK(collate_pinyin_query("  ") == NULL);
	CHECK(collate_pinyin_query("") == NULL);
	s = collate_tidy_pinyin("  zhao guo\xC2\xB7Qiang ");
	CHECK_STR(s, "zhao guo qiang");
	free(s);
	s = collate_initials("zhao guo qiang");
	CHECK_STR(s, "zgq");
	free(s);
	CHECK_INT(name_order_parse("pinyin"), NAME_PINYIN);
	CHECK_INT(name_order_parse(""), NAME_PINYIN);
	CHECK_INT(name_order_parse("stroke"), NAME_STROKE);
	CHECK_INT(name_order_parse("bihua"), -1);
}

/* ---- through the model ---- */

static struct qd q;
static struct strbuf err;

static void open_db_at(const char *path)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, path, DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
}

static void open_db(void)
{
	open_db_at(tt_db(NULL));
}

static long long add(const char *name)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.active = 1;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

/* The stored keys of person id are want: "pinyin/initials/1" (1: a sort key). */
static void stored_keys_are(long long id, const char *want)
{
	char *sql = xasprintf("SELECT pinyin || '/' || initials || '/' || CASE WHEN sort_key <> '' THEN '1' ELSE '0' END "
			      "FROM person WHERE id = %lld", id);
	char *v = tt_text(q.db, sql);
	free(sql);
	CHECK_STR(v, want);
	free(v);
}

/* The people in their stored order are want (names joined by spaces). */
static void order_is(const char *want)
{
	char *v = tt_text(q.db, TT_SQL("SELECT group_concat(name, ' ') FROM "
				       "(SELECT name FROM person ORDER BY sort_key, name, id)",
				       "SELECT string_agg(name, ' ' ORDER BY sort_key, name, id) FROM person"));
	CHECK_STR(v, want);
	free(v);
}

TEST(model_writes_keys_with_every_name)
{
	open_db();
	long long zhao = add("赵国强"), ma = add("马俊"), ou = add("欧阳娜娜");
	stored_keys_are(zhao, "zhao guo qiang/zgq/1");
	order_is("马俊 欧阳娜娜 赵国强");
	/* a rename: the keys follow */
	struct person_fields f = PERSON_FIELDS_INIT;
	f.name = "安然";
	CHECK_INT(qd_person_set(&q, ou, &f, &err), QD_OK);
	stored_keys_are(ou, "an ran/ar/1");
	/* a change of something else leaves them */
	struct person_fields g = PERSON_FIELDS_INIT;
	g.post = "科员";
	CHECK_INT(qd_person_set(&q, ma, &g, &err), QD_OK);
	stored_keys_are(ma, "ma jun/mj/1");
	/* the keys are not part of the canonical text: the chain verifies */
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
}

TEST(name_order_recomputes_every_key_in_one_audited_change)
{
	open_db();
	add("赵立新");
	add("马俊");
	add("王芳");
	order_is("马俊 王芳 赵立新");
	long long audits = tt_num(q.db, "SELECT count(*) FROM audit");
	CHECK_INT(qd_setting_set(&q, "name_order", "stroke", &err), QD_OK);
	order_is("马俊 王芳 赵立新");   /* 3, 4, 9 strokes: the same here */
	add("丁一");                       /* 2 strokes: first by stroke, after 马 by pinyin */
	order_is("丁一 马俊 王芳 赵立新");
	CHECK_INT(qd_setting_set(&q, "name_order", "pinyin", &err), QD_OK);
	order_is("丁一 马俊 王芳 赵立新");
	add("艾青");
	order_is("艾青 丁一 马俊 王芳 赵立新");
	/* one audit row per setting change, one per person added */
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit") - audits, 4);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit WHERE entity = 'setting'") >= 2, 1);
	/* a bad order changes nothing */
	sb_reset(&err);
	CHECK_INT(qd_setting_set(&q, "name_order", "bihua", &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "bihua");
	char *set = qd_setting(&q, "name_order");
	CHECK_STR(set, "pinyin");
	free(set);
}

static long long match(const char *who, enum qd_status want, char **cands)
{
	long long id = 0;
	sb_reset(&err);
	CHECK_INT(qd_match_person(&q, who, &id, NULL, cands, &err), want);
	return id;
}

TEST(lookup_by_initials_and_pinyin)
{
	open_db();
	long long zgq = add("郑国强"), zlx = add("赵立新"), wf = add("王芳");
	long long w1 = add("王伟"), w2 = add("王伟");
	CHECK_INT(match("zgq", QD_OK, NULL), zgq);
	CHECK_INT(match("ZG", QD_OK, NULL), zgq);
	CHECK_INT(match("zhao", QD_OK, NULL), zlx);
	CHECK_INT(match("zhaolixin", QD_OK, NULL), zlx);
	CHECK_INT(match("Zhao Li", QD_OK, NULL), zlx);
	CHECK_INT(match("zheng guo qiang", QD_OK, NULL), zgq);
	/* spelt whole beats a prefix: wf is 王芳's initials */
	CHECK_INT(match("wf", QD_OK, NULL), wf);
	char *c = NULL;
	match("ww", QD_AMBIGUOUS, &c);
	char *one = xasprintf("#%lld 王伟", w1), *two = xasprintf("#%lld 王伟", w2);
	CHECK_CONTAINS(c, one);
	CHECK_CONTAINS(c, two);
	CHECK_CONTAINS(err.s, "ww");
	free(c);
	free(one);
	free(two);
	match("wang", QD_AMBIGUOUS, NULL);   /* 王芳 and both 王伟 */
	CHECK_CONTAINS(err.s, "王芳");
	match("xyz", QD_NOTFOUND, NULL);
	match("z1", QD_NOTFOUND, NULL);
	/* an inactive one gives way to the active */
	struct person_fields off = PERSON_FIELDS_INIT;
	off.active = 0;
	CHECK_INT(qd_person_set(&q, w2, &off, &err), QD_OK);
	CHECK_INT(match("ww", QD_OK, NULL), w1);
}

TEST(old_people_get_keys_at_open)
{
	open_db_at(tt_db("old"));
	long long id = add("欧阳娜娜");
	CHECK(db_exec(q.db, "UPDATE person SET sort_key = '', pinyin = '', initials = '';"
			    "INSERT INTO upgrade_task VALUES ('person_sort_keys')") == 0);
	char *path = xstrdup(db_path(q.db));
	qd_close(&q);
	memset(&q, 0, sizeof q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, path, 0, &err), QD_OK);
	stored_keys_are(id, "ou yang na na/oynn/1");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM upgrade_task"), 0);
	free(path);
}

int main(void)
{
	RUN(pinyin_and_initials_of_demo_names);
	RUN(compound_surnames_and_surname_readings);
	RUN(rare_characters_and_emoji_are_left_out_of_pinyin);
	RUN(pinyin_and_stroke_order);
	RUN(query_and_tidy_helpers);
	RUN(model_writes_keys_with_every_name);
	RUN(name_order_recomputes_every_key_in_one_audited_change);
	RUN(lookup_by_initials_and_pinyin);
	RUN(old_people_get_keys_at_open);
	return TT_END();
}

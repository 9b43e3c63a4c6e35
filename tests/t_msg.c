/* t_msg.c — the message catalogue (msg*.h) as data: every entry's zh and
 * en texts must take the same printf arguments in the same order (else one
 * language prints numbers in the wrong slots or reads a string as a number),
 * and composing a status or flag label into a sentence must not double a
 * word ("已已销号").  Walks the X-macro lists directly, so a new entry is
 * checked the moment it is added.  Then the sentences built at run time:
 * an audit detail in words (labels, names) and a closed item's refusal. */
#include "tt.h"

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/text.h"

struct entry {
	const char *id, *zh, *en;
};

static const struct entry entries[] = {
#define T_ENTRY_(id, z, e) {#id, z, e},
	MSG_LIST(T_ENTRY_)
#undef T_ENTRY_
};

enum { MAX_ARGS = 16 };

/* The argument types a printf format consumes, in argument order ("lld",
 * "s", "d" …), honouring n$ positions.  Returns the count, or -1 if the
 * format is malformed (unknown conversion, mixed positional and not). */
static int arg_types(const char *f, char types[MAX_ARGS][8])
{
	int n = 0, next = 0, positional = -1;
	for (int i = 0; i < MAX_ARGS; i++)
		types[i][0] = '\0';
	for (const char *p = f; *p; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		int pos = 0;
		const char *q = p;
		while (*q >= '0' && *q <= '9')
			pos = pos * 10 + (*q++ - '0');
		int is_pos = *q == '$' && pos > 0;
		if (is_pos)
			p = q + 1;
		if (positional >= 0 && positional != is_pos)
			return -1;
		positional = is_pos;
		while (*p && strchr("-+ #0'", *p))
			p++;
		while ((*p >= '0' && *p <= '9') || *p == '.' || *p == '*') {
			if (*p == '*')
				return -1;   /* no width arguments in the catalogue */
			p++;
		}
		char t[8];
		int k = 0;
		while (*p && strchr("hlLqjzt", *p) && k < 4)
			t[k++] = *p++;
		if (!*p || !strchr("diouxXeEfgGcspn", *p))
			return -1;
		t[k++] = *p == 'i' ? 'd' : *p;
		t[k] = '\0';
		int slot = is_pos ? pos - 1 : next++;
		if (slot >= MAX_ARGS)
			return -1;
		strcpy(types[slot], t);
		if (slot + 1 > n)
			n = slot + 1;
	}
	return n;
}

static void show_types(char types[MAX_ARGS][8], int n, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		strncat(out, i ? " %" : "%", size - strlen(out) - 1);
		strncat(out, types[i][0] ? types[i] : "?", size - strlen(out) - 1);
	}
}

TEST(every_entry_takes_the_same_arguments_in_both_languages)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++) {
		char zt[MAX_ARGS][8], et[MAX_ARGS][8];
		int zn = arg_types(entries[i].zh, zt), en = arg_types(entries[i].en, et);
		int same = zn >= 0 && zn == en;
		for (int k = 0; same && k < zn; k++)
			same = zt[k][0] && strcmp(zt[k], et[k]) == 0;
		if (!same) {
			char zs[128], es[128];
			show_types(zt, zn, zs, sizeof zs);
			show_types(et, en, es, sizeof es);
			fprintf(stderr, "  %s: zh takes [%s], en takes [%s]\n", entries[i].id, zs, es);
			bad++;
		}
	}
	CHECK_INT(bad, 0);
}

TEST(the_checker_sees_a_swapped_order)
{
	char a[MAX_ARGS][8], b[MAX_ARGS][8];
	CHECK_INT(arg_types("已从 %d 年复制 %s", a), 2);
	CHECK_INT(arg_types("copied %s from %d", b), 2);
	CHECK(strcmp(a[0], b[0]) != 0);
	CHECK_INT(arg_types("%2$s 与 %1$lld", a), 2);
	CHECK_STR(a[0], "lld");
	CHECK_STR(a[1], "s");
	CHECK_INT(arg_types("100%% 完成", a), 0);
}

/* The labels that sentences take through %s. */
static const enum msg_id labels[] = {
	M_ST_PLANNED, M_ST_IN_PROGRESS, M_ST_SUBMITTED, M_ST_DONE, M_ST_CANCELLED,
	M_FLAG_OVERDUE, M_FLAG_DUE_SOON, M_FLAG_LATE,
	M_PL_ST_DRAFT, M_PL_ST_ISSUED, M_PL_ST_SIGNED, M_PL_ST_ASSESSED, M_PL_ST_ARCHIVED,
	M_PL_ST_VOID,
};

/* The first and last UTF-8 character of s (copied into a and z). */
static void ends(const char *s, char *a, char *z)
{
	size_t n = strlen(s), i = 1, j = n ? n - 1 : 0;
	while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	memcpy(a, s, i);
	a[i] = '\0';
	strcpy(z, s + j);
}

/* Slots known to take something other than a status (checked by hand). */
static int not_a_status_slot(const char *id)
{
	static const char *const ids[] = {
		"M_PL_F_SIG",   /* "%s签字": 甲方/乙方 */
	};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		if (strcmp(ids[i], id) == 0)
			return 1;
	return 0;
}

/* Every Chinese sentence with a %s slot, filled with every status label:
 * the character before the slot must not repeat the label's first one
 * (已%s + 已销号), nor the one after it the label's last. */
TEST(no_label_doubles_a_word_in_any_sentence)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++) {
		const char *z = entries[i].zh;
		if (not_a_status_slot(entries[i].id))
			continue;
		for (const char *p = strstr(z, "%s"); p; p = strstr(p + 2, "%s")) {
			char before[8] = "", after[8] = "";
			if (p > z) {
				const char *b = p - 1;
				while (b > z && ((unsigned char)*b & 0xC0) == 0x80)
					b--;
				memcpy(before, b, (size_t)(p - b));
				before[p - b] = '\0';
			}
			if (p[2]) {
				char ignore[8];
				ends(p + 2, after, ignore);
			}
			for (size_t l = 0; l < sizeof labels / sizeof labels[0]; l++) {
				char first[8], last[8];
				msg_set_english(0);
				ends(msg(labels[l]), first, last);
				if ((*before && (unsigned char)*before >= 0x80 && strcmp(before, first) == 0) ||
				    (*after && (unsigned char)*after >= 0x80 && strcmp(after, last) == 0)) {
					fprintf(stderr, "  %s: “%s” around “%s” doubles a word\n", entries[i].id,
						z, msg(labels[l]));
					bad++;
				}
			}
		}
	}
	CHECK_INT(bad, 0);
}

/* ---- sentences built at run time ---- */

static struct qd q;

static void open_mem(void)
{
	struct strbuf err = {0};
	memset(&q, 0, sizeof q);
	q.year = 2026;
	msg_set_english(0);
	text_init_locale();
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
	sb_free(&err);
}

static long long add_person(const char *name)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	struct strbuf err = {0};
	long long id = 0;
	f.name = name;
	f.active = 1;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	sb_free(&err);
	return id;
}

TEST(stale_edit_names_fields_and_people)
{
	open_mem();
	long long zhou = add_person("周海燕"), li = add_person("李明"), id = 0;
	struct item_fields f = ITEM_FIELDS_INIT;
	struct strbuf err = {0};
	f.content = "落实“三会一课”";
	f.owner_id = zhou;
	CHECK_INT(qd_item_add(&q, 2, &f, &id, &err), QD_OK);
	struct item_fields g = ITEM_FIELDS_INIT;
	g.owner_id = li;
	g.due = "2026-09-01";
	CHECK_INT(qd_item_set(&q, id, 1, &g, &err), QD_OK);
	struct item_fields h = ITEM_FIELDS_INIT;
	h.content = "晚到的修改";
	CHECK_INT(qd_item_set(&q, id, 1, &h, &err), QD_CONFLICT);
	CHECK_CONTAINS(err.s, "完成时限：（无） → 2026-09-01；责任人：周海燕 → 李明");
	CHECK(!strstr(err.s, "owner_id") && !strstr(err.s, "due："));
	sb_reset(&err);
	msg_set_english(1);
	CHECK_INT(qd_item_set(&q, id, 1, &h, &err), QD_CONFLICT);
	CHECK_CONTAINS(err.s, "due: (none) → 2026-09-01; owner: 周海燕 → 李明");
	msg_set_english(0);
	sb_free(&err);
}

TEST(detail_text_words_codes_and_ids)
{
	open_mem();
	long long zhou = add_person("周海燕");
	char *detail = xasprintf("{\"status\":[\"planned\",\"done\"],\"lead_id\":[999,%lld],"
				 "\"reason\":\"材料不全\"}", zhou);
	char *t = qd_detail_text(&q, "item", detail);
	CHECK_STR(t, "状态：未开始 → 已销号；牵头领导：#999 → 周海燕；原因：材料不全");
	free(t);
	free(detail);
	t = qd_detail_text(&q, "person", "{\"id\":7,\"name\":\"王伟\",\"org_id\":2,\"is_admin\":1,"
				       "\"login\":null,\"version\":1}");
	CHECK_STR(t, "姓名：王伟；所在组织：机关党委；管理员：是");
	free(t);
	t = qd_detail_text(&q, "pledge", "{\"status\":[\"issued\",\"signed\"]}");
	CHECK_STR(t, "状态：待签 → 已签订");
	free(t);
	t = qd_detail_text(&q, "item", "not json");
	CHECK_STR(t, "");
	free(t);
}

TEST(closed_item_refusal_reads_right)
{
	open_mem();
	long long id = 0;
	struct item_fields f = ITEM_FIELDS_INIT;
	struct strbuf err = {0};
	f.content = "已完成的事项";
	CHECK_INT(qd_item_add(&q, 2, &f, &id, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, id, 0, ST_CANCELLED, "不再需要", &err), QD_OK);
	struct item_fields g = ITEM_FIELDS_INIT;
	g.content = "改";
	CHECK(qd_item_set(&q, id, 0, &g, &err) != QD_OK);
	CHECK_CONTAINS(err.s, "当前为“已取消”，不能再修改");
	CHECK(!strstr(err.s, "已已"));
	sb_free(&err);
}

int main(void)
{
	RUN(every_entry_takes_the_same_arguments_in_both_languages);
	RUN(the_checker_sees_a_swapped_order);
	RUN(no_label_doubles_a_word_in_any_sentence);
	RUN(stale_edit_names_fields_and_people);
	RUN(detail_text_words_codes_and_ids);
	RUN(closed_item_refusal_reads_right);
	return TT_END();
}

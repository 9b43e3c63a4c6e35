/* t_io.c — unit tests of import, export and print (src/import.c,
 * src/export.c, src/print.c, src/store_io.c) on in-memory databases (tt_db):
 * header matching, every row checked and all-or-nothing, people by name,
 * 姓名（职务）, #ID, round trips through csv and json, the text checklist
 * checked column by column by display width, print codes in the chain.
 * The CLI, the fixtures and the PDF are tested by tests/io.sh. */
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/io.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/store.h"
#include "qingdan/text.h"
#include "qingdan/tui.h"
#include "tt.h"
#include "../src/cli.h"

static struct qd q;
static struct strbuf err;
static char dir[] = "/tmp/t_io.XXXXXX";

static void open_db(struct qd *d)
{
	memset(d, 0, sizeof *d);
	d->year = 2026;
	if (qd_open(d, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(d, &err) != QD_OK)
		abort();
}

static void setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	date_set_today(date_from_ymd(2026, 6, 30));
	msg_set_english(0);
	open_db(&q);
}

static int search_hits(struct qd *d, const char *text)
{
	return tt_search_hits(d->db, text);
}

static char *write_file(const char *name, const char *bytes, size_t n)
{
	char *path = xstrdup(name);       /* main() works in dir */
	FILE *f = fopen(path, "wb");
	fwrite(bytes, 1, n, f);
	fclose(f);
	return path;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf b = {0};
	char buf[4096];
	size_t k;
	sb_puts(&b, "");
	while (f && (k = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&b, buf, k);
	if (f)
		fclose(f);
	return sb_take(&b);
}

/* Reports as lines "E file:line: …", "W …", "I …". */
static void collect(void *ctx, enum import_note kind, const char *text)
{
	sb_printf(ctx, "%c %s\n",
		  kind == IMPORT_ERROR     ? 'E'
		  : kind == IMPORT_WARNING ? 'W'
		  : kind == IMPORT_CHANGE  ? 'C'
					   : 'I',
		  text);
}

struct run {
	enum qd_status status;
	struct import_result res;
	struct strbuf log, err;
};

static void import_csv(struct qd *d, const char *csv, int dry, long long org, struct run *out)
{
	char *path = write_file("in.csv", csv, strlen(csv));
	memset(out, 0, sizeof *out);
	sb_puts(&out->log, "");
	struct import_request r = {.path = path, .org_id = org, .dry_run = dry, .report = collect, .ctx = &out->log};
	out->status = io_import(d, &r, &out->res, &out->err);
	free(path);
}

/* import_csv with a mode for rows already in the list (import_match.c). */
static void import_again(struct qd *d, const char *csv, int dry, enum import_mode mode,
			 struct run *out)
{
	char *path = write_file("in.csv", csv, strlen(csv));
	memset(out, 0, sizeof *out);
	sb_puts(&out->log, "");
	struct import_request r = {.path = path, .dry_run = dry, .mode = mode, .report = collect,
				   .ctx = &out->log};
	out->status = io_import(d, &r, &out->res, &out->err);
	free(path);
}

static void run_free(struct run *r)
{
	sb_free(&r->log);
	sb_free(&r->err);
}

/* ---- import ---- */

TEST(header_any_order_and_aliases)
{
	setup();
	struct run r;
	import_csv(&q,
		   "状态,完成时间*,备注,责任人,具体措施,责任事项,所属组织,牵头领导,完成标准（量化）,类型\n"
		   "进行中,2026/3/31,x,张三,每月一次,开展学习,党组,李四,全年12次,思想建设\n",
		   0, 0, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.items, 1);
	CHECK_CONTAINS(r.log.s, "I in.csv:1: 提示：忽略不认识的列“备注”");
	char *row = tt_text(q.db, "SELECT category || '|' || content || '|' || measures || '|' || standard "
				  "|| '|' || due || '|' || status FROM item");
	CHECK_STR(row, "思想建设|开展学习|每月一次|全年12次|2026-03-31|in_progress");
	free(row);
	run_free(&r);
}

TEST(english_headers_and_codes)
{
	setup();
	struct run r;
	import_csv(&q, "Content,ORG,Status,Due,Owner\nA study,机关党委,submitted,2026.9.30,Zhang Wei\n", 0,
		   0, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item WHERE status = 'submitted' AND due = '2026-09-30'"), 1);
	CHECK_INT(r.res.people_new, 1);
	run_free(&r);
}

TEST(title_line_above_header_is_skipped)
{
	setup();
	struct run r;
	import_csv(&q, "2026年度党建责任清单,,,\r\n组织,责任内容,责任人\r\n党组,学习,张三\r\n", 0, 0, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_CONTAINS(r.log.s, "I in.csv:1: 提示：跳过表头前的标题行");
	CHECK_INT(r.res.items, 1);
	run_free(&r);
}

TEST(statuses_labels_codes_and_words)
{
	setup();
	struct run r;
	import_csv(&q,
		   "组织,责任内容,状态,销号日期\n"
		   "党组,a,未开始,\n党组,b,进行中,\n党组,c,待审核,\n党组,d,已销号,2026-05-01\n"
		   "党组,e,已取消,\n党组,f,done,2026年6月1日\n党组,g,已完成,\n党组,h,,\n党组,i,In_Progress,\n",
		   0, 0, &r);
	CHECK_INT(r.status, QD_OK);
	char *got = tt_text(q.db, TT_SQL("SELECT group_concat(content || '=' || status || coalesce('@' || done_on, ''), ' ') "
					 "FROM (SELECT * FROM item ORDER BY seq)",
					 "SELECT string_agg(content || '=' || status || coalesce('@' || done_on, ''), ' ' "
					 "ORDER BY seq) FROM item"));
	CHECK_STR(got, "a=planned b=in_progress c=submitted d=done@2026-05-01 e=cancelled "
		       "f=done@2026-06-01 g=done@2026-06-30 h=planned i=in_progress");
	free(got);
	run_free(&r);
}

TEST(dates_in_every_form_and_words_kept_as_due_text)
{
	setup();
	struct run r;
	import_csv(&q,
		   "组织,责任内容,完成时限,时限说明\n"
		   "党组,a,2026-03-31,\n党组,b,2026/3/31,\n党组,c,2026.3.31,\n党组,d,2026年3月31日,\n"
		   "党组,e,长期坚持,\n党组,f,每季度,每季度末前\n党组,g,,年底前\n",
		   0, 0, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.warnings, 1);
	CHECK_CONTAINS(r.log.s, "W in.csv:6: 警告：完成时限“长期坚持”不是日期，已作为时限说明保存");
	/* 每季度 is no date but a frequency: the item repeats (period.h), its
	 * due the first quarter's last day, the words kept */
	CHECK(!strstr(r.log.s, "W in.csv:7:"));
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item WHERE due = '2026-03-31'"), 5);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item WHERE every = 'quarter' AND content = 'f' "
			       "AND due_text = '每季度；每季度末前'"), 1);
	char *got = tt_text(q.db, TT_SQL("SELECT group_concat(content || '=' || due_text, ' ') FROM "
					 "(SELECT * FROM item WHERE due IS NULL ORDER BY seq)",
					 "SELECT string_agg(content || '=' || due_text, ' ' ORDER BY seq) FROM item "
					 "WHERE due IS NULL"));
	CHECK_STR(got, "e=长期坚持 g=年底前");
	free(got);
	run_free(&r);
}

TEST(quoted_fields_blank_rows_and_org_option)
{
	setup();
	struct run r;
	import_csv(&q,
		   "责任内容,工作措施\r\n\"学习,贯彻\",\"他说\"\"好\"\"\"\r\n,\r\n\r\n\"第一行\r\n第二行\",x\r\n",
		   0, 2, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.items, 2);
	CHECK_INT(r.res.rows, 2);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item i JOIN list l ON l.id = i.list_id WHERE l.org_id = 2 "
			       "AND i.content = '学习,贯彻' AND i.measures = '他说\"好\"'"), 1);
	CHECK_INT(tt_num(q.db, TT_SQL("SELECT count(*) FROM item WHERE content = '第一行' || char(10) || '第二行'",
				      "SELECT count(*) FROM item WHERE content = '第一行' || chr(10) || '第二行'")), 1);
	run_free(&r);
}

TEST(no_org_column_needs_org_option)
{
	setup();
	struct run r;
	import_csv(&q, "责任内容\n学习\n", 0, 0, &r);
	CHECK_INT(r.status, QD_INVALID);
	CHECK_CONTAINS(r.log.s, "E in.csv:1: 没有“组织”列；请加上这一列，或用 --org 指定组织");
	run_free(&r);
}

TEST(every_bad_row_named_and_nothing_written)
{
	setup();
	long long audit = tt_num(q.db, "SELECT count(*) FROM audit");
	struct run r;
	import_csv(&q,
		   "组织,责任内容,责任人,状态,销号日期\n"
		   "党组,好,张三,进行中,\n"
		   "第九党支部,组织不对,张三,进行中,\n"
		   "党组,,张三,进行中,\n"
		   "党组,还是好,李四,未开始,\n"
		   "党组,状态不对,李四,搁置,\n"
		   "党组,日期不对,李四,已销号,2026-13-45\n"
		   ",两处不对,王五,乱写,\n",
		   0, 0, &r);
	CHECK_INT(r.status, QD_INVALID);
	CHECK_INT(r.res.bad_rows, 5);
	CHECK_CONTAINS(r.log.s, "E in.csv:3: 找不到组织“第九党支部”");
	CHECK_CONTAINS(r.log.s, "E in.csv:4: 责任内容为空\n");
	CHECK_CONTAINS(r.log.s, "E in.csv:6: 状态“搁置”无效");
	CHECK_CONTAINS(r.log.s, "E in.csv:7: 销号日期“2026-13-45”无效");
	CHECK_CONTAINS(r.log.s, "E in.csv:8: 没有填写组织；状态“乱写”无效");
	CHECK_CONTAINS(r.err.s, "5 行有误，未导入任何内容");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item"), 0);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM person"), 0);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM list"), 0);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit"), audit);
	run_free(&r);
}

TEST(dry_run_checks_and_writes_nothing)
{
	setup();
	struct run r;
	import_csv(&q, "组织,责任内容,责任人\n党组,学习,张三\n党组,落实,张三\n", 1, 0, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.items, 2);
	CHECK_INT(r.res.people_new, 1);
	CHECK_CONTAINS(r.log.s, "I in.csv:2: 提示：人员“张三”不在名单中，将新建");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item"), 0);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM person"), 0);
	run_free(&r);
	import_csv(&q, "组织,责任内容,状态\n党组,学习,坏\n", 1, 0, &r);
	CHECK_INT(r.status, QD_INVALID);
	CHECK_CONTAINS(r.err.s, "检查模式");
	run_free(&r);
}

static long long add_person(struct qd *d, const char *name, const char *post, long long org)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.post = post;
	f.org_id = org;
	CHECK_INT(qd_person_add(d, &f, &id, &err), QD_OK);
	return id;
}

TEST(people_by_name_post_org_and_id)
{
	setup();
	long long branch;
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, 2, &branch, &err), QD_OK);
	long long w1 = add_person(&q, "王伟", "副局长", 0);
	long long w2 = add_person(&q, "王伟", "组织委员", branch);
	long long li = add_person(&q, "李四", "", 0);
	struct run r;
	char *csv = xasprintf("组织,责任内容,责任人,牵头领导\n"
			      "党组,a,王伟（副局长）,李四\n"
			      "党组,b,王伟(第一党支部),#%lld\n"
			      "党组,c,王伟#%lld,\n"
			      "党组,d,王伟,\n"
			      "党组,e,#99999,\n"
			      "党组,f,李四,王伟\n",
			      li, w1);
	import_csv(&q, csv, 0, 0, &r);
	free(csv);
	CHECK_INT(r.status, QD_INVALID);
	CHECK_CONTAINS(r.log.s, "E in.csv:5: 责任人“王伟”有重名：#");
	CHECK_CONTAINS(r.log.s, "王伟（副局长）");
	CHECK_CONTAINS(r.log.s, "王伟（组织委员·第一党支部）");
	CHECK_CONTAINS(r.log.s, "E in.csv:6: 责任人“#99999”：没有这个编号的人员");
	CHECK_CONTAINS(r.log.s, "E in.csv:7: 牵头领导“王伟”有重名：#");
	CHECK_INT(r.res.bad_rows, 3);
	run_free(&r);

	csv = xasprintf("组织,责任内容,责任人,牵头领导\n"
			"党组,a,王伟（副局长）,李四\n"
			"党组,b,王伟(第一党支部),#%lld\n"
			"党组,c,王伟#%lld,\n"
			"党组,d,王伟（宣传委员）,\n"
			"党组,e,王伟#77,\n",
			li, w1);
	import_csv(&q, csv, 0, 0, &r);
	free(csv);
	CHECK_INT(r.status, QD_OK);
	char *got = tt_text(q.db, TT_SQL("SELECT group_concat(content || '=' || owner_id || '/' || coalesce(lead_id, 0), ' ') "
					 "FROM (SELECT * FROM item ORDER BY seq)",
					 "SELECT string_agg(content || '=' || owner_id || '/' || coalesce(lead_id, 0), ' ' "
					 "ORDER BY seq) FROM item"));
	char *want = xasprintf("a=%lld/%lld b=%lld/%lld c=%lld/0 d=%lld/0 e=%lld/0", w1, li, w2, li, w1,
			       li + 1, li + 2);
	CHECK_STR(got, want);
	free(got);
	free(want);
	/* the new 王伟（宣传委员） has that post; 王伟#77 is someone new too */
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM person WHERE name = '王伟' AND post = '宣传委员'"), 1);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM person WHERE name = '王伟'"), 4);
	CHECK_INT(r.res.people_new, 2);
	run_free(&r);
}

TEST(new_person_created_once_with_audit)
{
	setup();
	struct run r;
	import_csv(&q, "组织,责任内容,责任人,牵头领导\n党组,a,张三,张三\n机关党委,b,张三,李四\n", 0, 0, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.people_new, 2);
	CHECK_INT(r.res.orgs, 2);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM person WHERE name = '张三'"), 1);
	struct strbuf rep = {0};
	CHECK_INT(qd_audit_verify(&q, &rep, &err), QD_OK);
	sb_free(&rep);
	run_free(&r);
}

TEST(file_level_failures)
{
	setup();
	struct run r;
	import_csv(&q, "", 0, 0, &r);
	CHECK_INT(r.status, QD_INVALID);
	CHECK_CONTAINS(r.log.s, "E in.csv: 文件是空的");
	run_free(&r);
	import_csv(&q, "组织,类别\n党组,x\n", 0, 0, &r);
	CHECK_CONTAINS(r.log.s, "E in.csv:1: 找不到“责任内容”列");
	run_free(&r);
	import_csv(&q, "组织,责任内容\n党组,a\n党组,\"b\n党组,c\n", 0, 0, &r);
	CHECK_CONTAINS(r.log.s, "E in.csv:3: 第 3 行开始的引号没有闭合");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item"), 0);
	run_free(&r);
	import_csv(&q, "组织,责任内容,责任内容\n党组,a,b\n", 0, 0, &r);
	CHECK_CONTAINS(r.log.s, "E in.csv:1: “责任内容”列出现了两次（第 2 列和第 3 列）");
	run_free(&r);
	struct import_request req = {.path = "/nonexistent/x.csv", .report = collect, .ctx = &r.log};
	memset(&r, 0, sizeof r);
	sb_puts(&r.log, "");
	CHECK_INT(io_import(&q, &req, &r.res, &r.err), QD_IOERROR);
	CHECK_CONTAINS(r.log.s, "E /nonexistent/x.csv: 无法读取：");
	run_free(&r);
}

TEST(gbk_file_imports)
{
	setup();
	/* 组织,责任内容 / 党组,学习 in GBK, CRLF */
	static const char gbk[] = "\xd7\xe9\xd6\xaf,\xd4\xf0\xc8\xce\xc4\xda\xc8\xdd\r\n"
				  "\xb5\xb3\xd7\xe9,\xd1\xa7\xcf\xb0\r\n";
	char *path = write_file("gbk.csv", gbk, sizeof gbk - 1);
	struct run r = {0};
	sb_puts(&r.log, "");
	struct import_request req = {.path = path, .report = collect, .ctx = &r.log};
	CHECK_INT(io_import(&q, &req, &r.res, &r.err), QD_OK);
	CHECK_STR(r.res.encoding, "GB18030");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item WHERE content = '学习'"), 1);
	free(path);
	run_free(&r);
}

TEST(not_admin_refused)
{
	setup();
	add_person(&q, "管理员", "", 0);
	struct person_fields f = PERSON_FIELDS_INIT;
	f.login = "boss";
	f.is_admin = 1;
	CHECK_INT(qd_person_set(&q, 1, &f, &err), QD_OK);
	tt_login(&q, "nobody");
	struct run r;
	import_csv(&q, "组织,责任内容\n党组,a\n", 0, 0, &r);
	CHECK_INT(r.status, QD_DENIED);
	CHECK_CONTAINS(r.err.s, "只有管理员可以导入");
	run_free(&r);
	import_csv(&q, "组织,责任内容\n党组,a\n", 1, 0, &r);
	CHECK_INT(r.status, QD_OK);
	run_free(&r);
}

TEST(imported_items_are_searchable)
{
	setup();
	struct run r;
	import_csv(&q, "组织,责任内容\n党组,落实三会一课制度\n党组,开展主题党日活动\n", 0, 0, &r);
	CHECK_INT(r.status, QD_OK);
	if (tt_pg())   /* no fts5 table there: through the model's search */
		CHECK_INT(search_hits(&q, "三会一课"), 1);
	else
		CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"三会一课\"'"), 1);
	run_free(&r);
}

/* ---- export ---- */

static char *export_to(struct qd *d, enum export_format fmt)
{
	char *path = xasprintf("out-%d", (int)fmt);
	long n = 0;
	CHECK_INT(io_export(d, fmt, path, OUTFILE_FORCE, NULL, &n, &err), QD_OK);
	char *s = slurp(path);
	free(path);
	return s;
}

static const char sample[] =
	"组织,责任内容,工作措施,完成标准,类别,责任人,牵头领导,完成时限,时限说明,状态,销号日期\n"
	"党组,\"学习,贯彻\",\"第一行\n第二行\",有“引号”和\"\"双引号\"\",政治建设,张三,李四,2026-03-31,,进行中,\n"
	"党组,长期任务,,, ,张三,,,长期坚持,未开始,\n"
	"机关党委,已完成的,,,组织建设,王伟（副局长）,李四,2026-05-01,每季度,已销号,2026-05-03\n"
	"机关党委,另一个王伟的,,,组织建设,王伟（组织委员）,,,,已取消,\n";

TEST(csv_round_trip_restores_every_field)
{
	setup();
	struct run r;
	import_csv(&q, sample, 0, 0, &r);
	CHECK_INT(r.status, QD_OK);
	run_free(&r);
	char *a = export_to(&q, EXPORT_CSV);
	static const char head[] = "\xEF\xBB\xBF组织,序号,类别,责任内容,工作措施,完成标准,责任人,"
				   "牵头领导,完成时限,时限说明,状态,销号日期,周期\r\n";
	CHECK(strncmp(a, head, strlen(head)) == 0);
	CHECK_CONTAINS(a, "王伟（副局长）");
	CHECK_CONTAINS(a, "\"第一行\n第二行\"");
	CHECK_CONTAINS(a, ",2,\" \",长期任务,");   /* text kept verbatim, even a lone space */
	struct qd q2;
	open_db(&q2);
	char *path = write_file("a.csv", a, strlen(a));
	memset(&r, 0, sizeof r);
	struct import_request req = {.path = path};
	CHECK_INT(io_import(&q2, &req, &r.res, &r.err), QD_OK);
	char *b = export_to(&q2, EXPORT_CSV);
	CHECK_STR(b, a);
	/* and json agrees, item by item */
	char *ja = export_to(&q, EXPORT_JSON), *jb = export_to(&q2, EXPORT_JSON);
	CHECK_STR(jb, ja);
	CHECK_CONTAINS(ja, "\"due_text\":\"长期坚持\"");
	CHECK_CONTAINS(ja, "\"status\":\"done\",\"done_on\":\"2026-05-03\"");
	free(ja);
	free(jb);
	free(path);
	free(a);
	free(b);
	qd_close(&q2);
	run_free(&r);
}

TEST(english_export_round_trips)
{
	setup();
	msg_set_english(1);
	struct run r;
	import_csv(&q, sample, 0, 0, &r);
	CHECK_INT(r.status, QD_OK);
	char *a = export_to(&q, EXPORT_CSV);
	static const char head[] = "\xEF\xBB\xBF" "org,seq,category,content,measures,standard,owner,"
				   "lead,due,due_text,status,done_on,every\r\n";
	CHECK(strncmp(a, head, strlen(head)) == 0);
	CHECK_CONTAINS(a, ",in_progress,");
	struct qd q2;
	open_db(&q2);
	char *path = write_file("a.csv", a, strlen(a));
	struct import_request req = {.path = path};
	CHECK_INT(io_import(&q2, &req, &r.res, &r.err), QD_OK);
	char *b = export_to(&q2, EXPORT_CSV);
	CHECK_STR(b, a);
	free(a);
	free(b);
	free(path);
	qd_close(&q2);
	run_free(&r);
}

TEST(json_is_valid_and_has_notes)
{
	setup();
	struct run r;
	import_csv(&q, sample, 0, 0, &r);
	run_free(&r);
	CHECK_INT(qd_item_note(&q, 1, "2026-06-01", "开了会，纪要存档", &err), QD_OK);
	char *j = export_to(&q, EXPORT_JSON);
	/* SQLite's JSON functions as the parser, whatever the backend */
	sqlite3 *js;
	CHECK_INT(sqlite3_open(":memory:", &js), SQLITE_OK);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(js, "SELECT json_valid(?1), json_array_length(?1), "
				"json_extract(?1, '$[0].notes[0].text'), json_extract(?1, '$[1].owner')", -1, &st, NULL);
	sqlite3_bind_text(st, 1, j, -1, SQLITE_STATIC);
	CHECK_INT(sqlite3_step(st), SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(st, 0), 1);
	CHECK_INT(sqlite3_column_int(st, 1), 4);
	CHECK_STR((const char *)sqlite3_column_text(st, 2), "开了会，纪要存档");
	CHECK_STR((const char *)sqlite3_column_text(st, 3), "张三");
	sqlite3_finalize(st);
	sqlite3_close(js);
	free(j);
	/* an empty year is an empty array */
	q.year = 2030;
	j = export_to(&q, EXPORT_JSON);
	CHECK_STR(j, "[]\n");
	free(j);
}

TEST(xlsx_is_a_workbook_with_a_sheet_per_list)
{
	setup();
	struct run r;
	import_csv(&q, sample, 0, 0, &r);
	run_free(&r);
	char *x = xstrdup("a.xlsx");
	long n;
	CHECK_INT(io_export(&q, EXPORT_XLSX, x, 0, NULL, &n, &err), QD_OK);
	CHECK_INT(n, 4);
	char *data = slurp(x);
	CHECK(data[0] == 'P' && data[1] == 'K');
	free(data);
	free(x);
}

/* ---- print ---- */

/* The demo-like office: items of one person in all three lists. */
static long long office(void)
{
	long long branch;
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, 2, &branch, &err), QD_OK);
	long long zh = add_person(&q, "张三", "办公室主任", branch);
	long long li = add_person(&q, "李四", "党组书记", branch);
	CHECK_INT(qd_setting_set(&q, "unit_name", "示范单位", &err), QD_OK);
	struct { long long org; const char *content; long long owner, lead; const char *due; } items[] = {
		{1, "坚持把学习宣传贯彻党的二十大精神作为首要政治任务，通过党组理论学习中心组学习、"
		    "专题读书班、“三会一课”等形式，全面系统深入学习", zh, li, "2026-03-31"},
		{2, "落实“三会一课”制度", li, zh, "2026-06-01"},
		{branch, "开展主题党日活动", zh, 0, "2026-12-31"},
		{branch, "不相干的事项", li, 0, NULL},
	};
	for (size_t i = 0; i < ARRAY_SIZE(items); i++) {
		struct item_fields f = ITEM_FIELDS_INIT;
		long long id;
		f.content = items[i].content;
		f.standard = "按时完成";
		f.owner_id = items[i].owner;
		f.lead_id = items[i].lead;
		f.due = items[i].due;
		f.due_text = items[i].due ? NULL : "长期坚持";
		CHECK_INT(qd_item_add(&q, items[i].org, &f, &id, &err), QD_OK);
	}
	return zh;
}

static char *print_text(struct print_request *r)
{
	char *path = xstrdup("print.txt");
	struct print_result res;
	r->to.path = path;
	r->to.path_flags = OUTFILE_FORCE;   /* the tests reuse the name */
	CHECK_INT(print_checklist(&q, r, &res, &err), QD_OK);
	print_result_clear(&res);
	char *s = slurp(path);
	free(path);
	return s;
}

/* Display columns of every '|' or '!' of a table line. */
static int borders(const char *line, int *cols, int max)
{
	int n = 0, w = 0;
	for (const char *p = line; *p && *p != '\n' && n < max;) {
		unsigned wc;
		int cw;
		size_t k = text_decode(p, strlen(p), &wc, &cw);
		if (*p == '|' || *p == '!')
			cols[n++] = w;
		w += cw;
		p += k;
	}
	return n;
}

TEST(text_checklist_aligned_by_display_width)
{
	setup();
	long long zh = office();
	struct print_request r = {.scope = PRINT_PERSON, .id = zh, .to = {.text = 1, .width = 80}};
	char *t = print_text(&r);
	CHECK_CONTAINS(t, "2026年度个人党建责任清单");
	CHECK_CONTAINS(t, "单位：示范单位");
	CHECK_CONTAINS(t, "姓名：张三");
	CHECK_CONTAINS(t, "职务：办公室主任");
	CHECK_CONTAINS(t, "所在支部：第一党支部");
	CHECK_CONTAINS(t, "一、党组责任清单");
	CHECK_CONTAINS(t, "二、机关党委责任清单");
	CHECK_CONTAINS(t, "三、第一党支部责任清单");
	CHECK_CONTAINS(t, "四、责任书");
	CHECK_CONTAINS(t, "本人签字：＿＿＿＿＿＿");
	CHECK_CONTAINS(t, "审核人（支部书记）签字：＿＿＿＿＿＿");
	CHECK_CONTAINS(t, "日期：　　年　　月　　日");
	CHECK_CONTAINS(t, "| 完成情况 |");
	CHECK_CONTAINS(t, "第 1 页 共 1 页");
	CHECK_CONTAINS(t, "校验码：");
	CHECK_CONTAINS(t, "| 开展主题党日");   /* 7 columns at 80: the content wraps in its cell */
	CHECK_CONTAINS(t, "〔牵头〕");      /* 张三 leads the 机关党委 item */
	CHECK(!strstr(t, "不相干的事项"));
	/* every table line: borders at the header's columns, never wider than 80 */
	int head[16], nhead = 0, tables = 0, lines = 0;
	char *save = NULL;
	for (char *line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		CHECK(text_width(line) <= 80);
		if (strstr(line, "| 序号 |")) {
			nhead = borders(line, head, 16);
			CHECK_INT(nhead, 8);   /* 序号 责任内容 工作措施 完成标准 完成时限 完成情况 确认 */
			tables++;
			continue;
		}
		if (nhead && (line[0] == '|' || line[0] == '!')) {
			int cols[16];
			int n = borders(line, cols, 16);
			CHECK_INT(n, nhead);
			for (int i = 0; i < n && i < nhead; i++)
				CHECK_INT(cols[i], head[i]);
			lines++;
		} else if (line[0] != '+') {
			nhead = 0;
		}
	}
	CHECK_INT(tables, 3);
	CHECK(lines >= 5);
	free(t);
}

TEST(text_width_option)
{
	setup();
	long long zh = office();
	struct print_request r = {.scope = PRINT_PERSON, .id = zh, .to = {.text = 1, .width = 120}};
	char *t = print_text(&r);
	int widest = 0;
	char *save = NULL;
	for (char *line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (text_width(line) > widest)
			widest = text_width(line);
	CHECK(widest > 80 && widest <= 120);
	free(t);
}

TEST(print_code_logged_and_verifies)
{
	setup();
	long long zh = office();
	struct print_request r = {.scope = PRINT_PERSON, .id = zh, .to = {.text = 1}};
	char *t = print_text(&r);
	char *p = strstr(t, "校验码：");
	CHECK(p != NULL);
	char code[32] = "";
	if (p)
		sscanf(p + strlen("校验码："), "%31s", code);
	struct strbuf rep = {0};
	CHECK_INT(qd_verify_code(&q, code, &rep, &err), QD_OK);
	/* the code covers the person, their 3 items: change one, the code says so */
	char *detail = tt_text(q.db, "SELECT detail FROM audit WHERE action = 'print'");
	CHECK_CONTAINS(detail, "[\"person\",");
	CHECK_INT(tt_num(q.db, TT_SQL("SELECT json_array_length(detail, '$.records') FROM audit WHERE action = 'print'",
				      "SELECT json_array_length(detail::json->'records') FROM audit WHERE action = 'print'")),
		  4);
	struct item_fields f = ITEM_FIELDS_INIT;
	f.standard = "改过了";
	CHECK_INT(qd_item_set(&q, 3, 0, &f, &err), QD_OK);
	sb_reset(&rep);
	CHECK_INT(qd_verify_code(&q, code, &rep, &err), QD_VERIFY);
	free(detail);
	sb_free(&rep);
	free(t);
}

TEST(print_org_and_all)
{
	setup();
	office();
	add_person(&q, "王五", "", 0);      /* no org: last with --all */
	struct print_request r = {.scope = PRINT_ORG, .id = 3, .to = {.text = 1}};
	char *t = print_text(&r);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit WHERE action = 'print'"), 2);
	const char *a = strstr(t, "姓名：张三"), *b = strstr(t, "姓名：李四");
	CHECK(a && b && b < a);             /* by name, in pinyin order: 李 (li) < 张 (zhang) */
	CHECK(strchr(t, '\f') != NULL);
	free(t);
	/* --all leaves out 王五, who has nothing; --include-empty prints him last */
	struct print_request all = {.scope = PRINT_ALL, .to = {.text = 1}};
	t = print_text(&all);
	CHECK(strstr(t, "姓名：张三") && !strstr(t, "姓名：王五"));
	free(t);
	all.include_empty = 1;
	t = print_text(&all);
	const char *c = strstr(t, "姓名：王五");
	CHECK(c && c > strstr(t, "姓名：张三"));
	free(t);
	/* 党组: nobody is a member, but 张三 owns and 李四 leads its item */
	struct print_request pg = {.scope = PRINT_ORG, .id = 1, .to = {.text = 1}};
	t = print_text(&pg);
	CHECK_CONTAINS(t, "姓名：张三");
	CHECK_CONTAINS(t, "姓名：李四");
	free(t);
}

TEST(print_english)
{
	setup();
	long long zh = office();
	msg_set_english(1);
	struct print_request r = {.scope = PRINT_PERSON, .id = zh, .to = {.text = 1}};
	char *t = print_text(&r);
	CHECK_CONTAINS(t, "Personal Party-building checklist 2026");
	CHECK_CONTAINS(t, "1. List of 党组");
	CHECK_CONTAINS(t, "Signature:");
	free(t);
}

TEST(tui_p_key_hook)
{
	setup();
	long long zh = office();
	/* installed by cli_io.c whenever the program has its commands */
	CHECK_STR(cli_io_commands[0].group, "import");
	CHECK(tui_print_hook == io_tui_print);
	CHECK(tui_print_suggest_hook == io_tui_print_suggest);
	struct tui_print_request tr = {.q = &q, .year = 2026, .person_id = zh, .scope = TUI_PRINT_PERSON};
	struct strbuf m = {0};
	/* no lp: none offered, a new PDF name in the working folder */
	setenv("PATH", "/nonexistent", 1);
	int lp = 1;
	char *name = io_tui_print_suggest(&tr, &lp);
	CHECK_INT(lp, 0);
	CHECK_STR(name, "2026年度个人党建责任清单-张三.pdf");
	free(name);
	CHECK_INT(io_tui_print(&tr, &m), QD_OK);    /* no path: that name */
	CHECK_CONTAINS(m.s, "已输出 1 人的清单到 2026年度个人党建责任清单-张三.pdf  校验码：");
	char *pdf = slurp("2026年度个人党建责任清单-张三.pdf");
	CHECK(strncmp(pdf, "%PDF-", 5) == 0);
	free(pdf);
	name = io_tui_print_suggest(&tr, &lp);
	CHECK_STR(name, "2026年度个人党建责任清单-张三-2.pdf");
	free(name);
	sb_reset(&m);
	tr.path = "mine.pdf";
	CHECK_INT(io_tui_print(&tr, &m), QD_OK);
	CHECK_CONTAINS(m.s, "到 mine.pdf  校验码：");
	pdf = slurp("mine.pdf");
	CHECK(strncmp(pdf, "%PDF-", 5) == 0);
	free(pdf);
	/* lp on PATH: to the printer named in the settings */
	FILE *f = fopen("lp", "w");
	fputs("#!/bin/sh\necho \"$@\" >lp.args\necho request id is P-1\n", f);
	fclose(f);
	chmod("lp", 0755);
	char *cwd = getcwd(NULL, 0);
	setenv("PATH", cwd, 1);
	name = io_tui_print_suggest(&tr, &lp);
	CHECK_INT(lp, 1);
	free(name);
	struct tui_print_request org = {.q = &q, .year = 2026, .org_id = 3, .scope = TUI_PRINT_ORG,
					.lp = 1, .printer = "办公室"};
	sb_reset(&m);
	CHECK_INT(io_tui_print(&org, &m), QD_OK);
	CHECK_STR(m.s, "已发送到打印机 办公室：2 人。request id is P-1");
	char *args = slurp("lp.args");
	CHECK_CONTAINS(args, "-d 办公室 -o media=A4 -t 2026年度个人党建责任清单 /");
	free(args);
	free(cwd);
	sb_free(&m);
}


/* 王伟（副局长） / 王伟（第二党支部） / 王伟(副局长) and the forms an
 * ambiguity error lists select the one meant, and import adds no one. */
TEST(import_resolves_homonyms_and_adds_no_one)
{
	setup();
	long long b2, b3;
	CHECK_INT(qd_org_add(&q, "第二党支部", LV_BRANCH, 2, &b2, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第三党支部", LV_BRANCH, 2, &b3, &err), QD_OK);
	long long deputy = add_person(&q, "王伟", "党组成员、副局长", b3);
	long long member = add_person(&q, "王伟", "组织委员", b2);
	struct run r;
	import_csv(&q, "组织,责任内容,责任人\n党组,x,王伟\n", 1, 0, &r);
	const char *list = strstr(r.log.s, "有重名：");
	CHECK(list != NULL);
	char *cands = xstrdup(list ? list + strlen("有重名：") : "");
	char *end = strstr(cands, "；请写成");
	if (end)
		*end = '\0';
	char *sep = strstr(cands, "；");
	CHECK(sep != NULL);
	if (sep)
		*sep = '\0';
	run_free(&r);
	long long before = tt_num(q.db, "SELECT count(*) FROM person");
	char *csv = xasprintf("组织,责任内容,责任人,牵头领导\n"
			      "党组,a,王伟（副局长）,王伟（第二党支部）\n"
			      "党组,b,王伟(副局长),王伟(第二党支部)\n"
			      "党组,c,%s,%s\n"
			      "党组,d,王伟（副局长·第三党支部）,王伟（组织委员）\n",
			      cands, sep ? sep + strlen("；") : "");
	free(cands);
	import_csv(&q, csv, 0, 0, &r);
	free(csv);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.people_new, 0);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM person"), before);
	char *got = tt_text(q.db, TT_SQL("SELECT group_concat(content || '=' || owner_id || '/' || lead_id, ' ') "
					 "FROM (SELECT * FROM item ORDER BY seq)",
					 "SELECT string_agg(content || '=' || owner_id || '/' || lead_id, ' ' ORDER BY seq) "
					 "FROM item"));
	char *want = xasprintf("a=%lld/%lld b=%lld/%lld c=%lld/%lld d=%lld/%lld", deputy, member,
			       deputy, member, deputy, member, deputy, member);
	CHECK_STR(got, want);
	free(got);
	free(want);
	run_free(&r);
}

/* A stray byte in a UTF-8 file is an error at its line; nothing written. */
TEST(import_bad_utf8_is_file_line_error)
{
	setup();
	static const char bytes[] = "组织,责任内容\n党组,正常\n党组,坏\xFF\xFE字节\n党组,也正常\n";
	char *path = write_file("bad.csv", bytes, sizeof bytes - 1);
	struct run r;
	memset(&r, 0, sizeof r);
	sb_puts(&r.log, "");
	struct import_request req = {.path = path, .report = collect, .ctx = &r.log};
	r.status = io_import(&q, &req, &r.res, &r.err);
	CHECK(r.status != QD_OK);
	CHECK_CONTAINS(r.log.s, "E bad.csv:3: ");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item"), 0);
	run_free(&r);
	free(path);
}

/* ---- importing again (import_match.c) ---- */

static const char again_csv[] = "组织,序号,责任内容,工作措施,完成标准,责任人\n"
				"党组,1,学习一,措施一,标准一,张三\n"
				"党组,2,学习二,措施二,标准二,张三\n"
				"机关党委,1,学习三,措施三,标准三,李四\n";

/* A fresh database with again_csv imported once. */
static void setup_again(void)
{
	setup();
	struct run r;
	import_again(&q, again_csv, 0, IMPORT_NEW, &r);
	run_free(&r);
}

TEST(reimport_refused_by_default)
{
	setup();
	struct run r;
	import_again(&q, again_csv, 0, IMPORT_NEW, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.items, 3);
	CHECK_INT(r.res.matched, 0);
	run_free(&r);
	long long audits = tt_num(q.db, "SELECT count(*) FROM audit");
	import_again(&q, again_csv, 0, IMPORT_NEW, &r);
	CHECK_INT(r.status, QD_INVALID);
	CHECK_INT(r.res.matched, 3);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item"), 3);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit"), audits);
	CHECK_CONTAINS(r.err.s, "in.csv：3 行中有 3 行已在 2026 年度清单中（in.csv:2 → #1，in.csv:3 → #2，in.csv:4 → #3）");
	CHECK_CONTAINS(r.err.s, "--update");
	CHECK_CONTAINS(r.err.s, "--append");
	run_free(&r);
	/* a dry run says the same, as a check */
	import_again(&q, again_csv, 1, IMPORT_NEW, &r);
	CHECK_INT(r.status, QD_INVALID);
	CHECK_CONTAINS(r.err.s, "检查模式，未写入");
	run_free(&r);
	/* --append: every row again */
	import_again(&q, again_csv, 0, IMPORT_APPEND, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.items, 3);
	CHECK_INT(r.res.matched, 0);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item"), 6);
	run_free(&r);
}

TEST(reimport_content_in_normal_form_and_per_list)
{
	setup_again();
	struct run r;
	/* spacing, an ideographic space, a line break, a zero-width space: the same content */
	import_again(&q,
		     "组织,责任内容\n"
		     "党组,\"  学习\u200b一 \"\n"
		     "党组,\"学习\n二\"\n"
		     "党组,学习三\n",           /* 机关党委's, not 党组's */
		     1, IMPORT_UPDATE, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.matched, 2);
	CHECK_INT(r.res.unchanged, 2);
	CHECK_INT(r.res.items, 1);
	CHECK_CONTAINS(r.log.s, "C 0 项更新，1 项新增，2 项不变\n");
	run_free(&r);
	/* another year's list, and a deleted item, are not matched */
	CHECK_INT(qd_item_delete(&q, 2, &err), QD_OK);
	import_again(&q, again_csv, 1, IMPORT_UPDATE, &r);
	CHECK_INT(r.res.matched, 2);
	CHECK_INT(r.res.items, 1);
	run_free(&r);
	q.year = 2027;
	import_again(&q, again_csv, 0, IMPORT_NEW, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.items, 3);
	q.year = 2026;
	run_free(&r);
}

TEST(reimport_update_applies_through_the_model)
{
	setup_again();
	struct run r;
	long long audits = tt_num(q.db, "SELECT count(*) FROM audit");
	const char *edited = "组织,序号,责任内容,工作措施,完成标准,责任人\n"
			     "党组,1,学习一,措施一（改）,,王五\n"      /* blank 完成标准: kept */
			     "党组,2,学习二,措施二,标准二,张三\n"
			     "党组,3,学习四,措施四,标准四,\n";         /* a new row */
	import_again(&q, edited, 1, IMPORT_UPDATE, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.updated, 1);
	CHECK_INT(r.res.unchanged, 1);
	CHECK_INT(r.res.items, 1);
	CHECK_CONTAINS(r.log.s, "C in.csv:2: #1 工作措施：“措施一” → “措施一（改）”\n"
				"in.csv:2: #1 责任人：“张三” → “王五”\n");
	CHECK_CONTAINS(r.log.s, "C 1 项更新，1 项新增，1 项不变\n");
	CHECK(!strstr(r.log.s, "完成标准："));
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit"), audits);   /* dry: nothing */
	run_free(&r);
	import_again(&q, edited, 0, IMPORT_UPDATE, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.updated, 1);
	char *row = tt_text(q.db, "SELECT i.measures || '|' || i.standard || '|' || p.name FROM item i "
				  "JOIN person p ON p.id = i.owner_id WHERE i.id = 1");
	CHECK_STR(row, "措施一（改）|标准一|王五");
	free(row);
	/* one edit of item 1, a person and an item added */
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit WHERE entity = 'item' AND action = 'set'"), 1);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit"), audits + 3);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item"), 4);
	run_free(&r);
}

TEST(reimport_by_seq_needs_more_than_the_seq)
{
	setup_again();
	struct run r;
	/* 序号 1 with its measures: the item, its content edited */
	import_again(&q, "组织,序号,责任内容,工作措施\n党组,1,学习一（修改）,措施一\n", 1, IMPORT_UPDATE,
		     &r);
	CHECK_INT(r.res.matched, 1);
	CHECK_CONTAINS(r.log.s, "C in.csv:2: #1 责任内容：“学习一” → “学习一（修改）”");
	run_free(&r);
	/* 序号 1 alone: a new item numbered 1 in another sheet */
	import_again(&q, "组织,序号,责任内容,工作措施\n党组,1,全新的事项,全新的措施\n", 0, IMPORT_NEW, &r);
	CHECK_INT(r.status, QD_OK);
	CHECK_INT(r.res.matched, 0);
	CHECK_INT(r.res.items, 1);
	run_free(&r);
}

int main(void)
{
	if (!mkdtemp(dir) || chdir(dir) != 0)
		return 1;
	RUN(header_any_order_and_aliases);
	RUN(english_headers_and_codes);
	RUN(title_line_above_header_is_skipped);
	RUN(statuses_labels_codes_and_words);
	RUN(dates_in_every_form_and_words_kept_as_due_text);
	RUN(quoted_fields_blank_rows_and_org_option);
	RUN(no_org_column_needs_org_option);
	RUN(every_bad_row_named_and_nothing_written);
	RUN(dry_run_checks_and_writes_nothing);
	RUN(people_by_name_post_org_and_id);
	RUN(import_resolves_homonyms_and_adds_no_one);
	RUN(import_bad_utf8_is_file_line_error);
	RUN(new_person_created_once_with_audit);
	RUN(file_level_failures);
	RUN(gbk_file_imports);
	RUN(not_admin_refused);
	RUN(imported_items_are_searchable);
	RUN(csv_round_trip_restores_every_field);
	RUN(english_export_round_trips);
	RUN(json_is_valid_and_has_notes);
	RUN(xlsx_is_a_workbook_with_a_sheet_per_list);
	RUN(text_checklist_aligned_by_display_width);
	RUN(text_width_option);
	RUN(print_code_logged_and_verifies);
	RUN(print_org_and_all);
	RUN(print_english);
	RUN(tui_p_key_hook);
	RUN(reimport_refused_by_default);
	RUN(reimport_content_in_normal_form_and_per_list);
	RUN(reimport_update_applies_through_the_model);
	RUN(reimport_by_seq_needs_more_than_the_seq);
	char *rm = xasprintf("cd / && rm -rf '%s'", dir);
	if (system(rm) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(rm);
	return TT_END();
}

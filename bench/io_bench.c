/* io_bench.c — the pieces of bench/io.sh (DESIGN §8: import ≤ 3× a bare
 * SQLite prepared insert of the same rows, FTS included, memory flat; PDF of
 * one person and of a 300-person org).
 *
 *   io_bench setup DB            orgs (党组, 机关党委, 500 branches) and 100k
 *                                people through the model, as bench/gen L has
 *   io_bench csv FILE N          the L list file: N rows, deterministic, the
 *                                people written 姓名#ID (their names repeat)
 *   io_bench bare DB N [KIB]     the same N rows by prepared INSERTs in one
 *                                transaction, nothing else (no CSV, no audit),
 *                                and the FTS index filled for them at the end
 *                                as qingdan does at commit; KIB sets the
 *                                page cache (import uses 32768)
 *   io_bench org300 DB           one branch of 300 people, 2 items each
 *   io_bench office DB [N [P]]   an office of P people (200) in 10 orgs with
 *                                N items this year (50,000): print --all
 *   io_bench run [--watch F] CMD ARGS…
 *                                run CMD, print "seconds max_rss_kb cpu_seconds
 *                                max_bytes_of_F" (F, e.g. a WAL, is looked at
 *                                every 20 ms while CMD runs; 0 if never there)
 *
 * csv and bare draw the rows from the same seeded generator, so they are the
 * same rows; ids match because setup fills a fresh file in a fixed order. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "qingdan/csv.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/text.h"

enum { BRANCHES = 500, PEOPLE = 100000, YEAR = 2026 };

static unsigned long long rng;

static unsigned next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const verbs[] = {"落实", "开展", "组织", "推进", "健全", "加强", "深化", "规范", "督促", "完成"};
static const char *const topics[] = {
	"“第一议题”制度", "理论学习中心组学习", "三会一课制度", "主题党日活动", "谈心谈话",
	"组织生活会和民主评议党员", "党费收缴管理", "发展党员工作", "廉政风险防控", "警示教育",
	"中央八项规定精神", "作风纪律专项整治", "制度“立改废释”", "意识形态工作责任制",
	"党建工作述职评议", "党务公开", "支部标准化规范化建设", "青年理论学习小组", "志愿服务活动"};
static const char *const suffix[] = {"，按季度报送情况", "，形成专题报告", "，做到全覆盖",
				     "，建立工作台账", "，确保取得实效", "，及时整改问题"};
static const char *const cats[] = {"政治建设", "思想建设", "组织建设", "作风建设", "纪律建设", "制度建设"};
static const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
				       "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
static const char *const given[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
				    "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平"};
static const char *const states[] = {"planned", "in_progress", "submitted", "done"};

/* Person k (0-based) is #k+1 after setup on a fresh file. */
static void person_name(long k, char *out, size_t n)
{
	snprintf(out, n, "%s%s", surnames[k % 20], given[(k / 20) % 20]);
}

/* Org #id: 1 党组, 2 机关党委, 3.. 第N党支部. */
static void org_name(int id, char *out, size_t n)
{
	if (id == 1)
		snprintf(out, n, "党组");
	else if (id == 2)
		snprintf(out, n, "机关党委");
	else
		snprintf(out, n, "第%d党支部", id - 2);
}

struct row {
	int org;
	long owner, lead;          /* 0-based person index */
	char content[256], measures[128], standard[96], due[11];
	const char *category, *status;
};

static void make_row(long i, struct row *r)
{
	r->org = 1 + (int)next(BRANCHES + 2);
	snprintf(r->content, sizeof r->content, "%s%s%s（第%ld项）", verbs[next(10)],
		 topics[next(ARRAY_SIZE(topics))], suffix[next(ARRAY_SIZE(suffix))], i + 1);
	snprintf(r->measures, sizeof r->measures, "制定方案，%s，每月调度一次", verbs[next(10)]);
	snprintf(r->standard, sizeof r->standard, "全年不少于%u次，台账完整", 2 + next(10));
	r->category = cats[next(ARRAY_SIZE(cats))];
	r->owner = (long)next(PEOPLE);
	r->lead = (long)next(50);
	date_format(date_from_ymd(YEAR, 1, 1) + (int)next(365), r->due);
	r->status = states[next(3)];    /* no done: done_on would be "today" */
}

static void die_err(const char *what, struct strbuf *err)
{
	fprintf(stderr, "io_bench: %s: %s\n", what, err->s ? err->s : "");
	exit(1);
}

static int cmd_setup(const char *path)
{
	struct qd q = {0};
	struct strbuf err = {0};
	q.year = YEAR;
	if (qd_open(&q, path, DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		die_err(path, &err);
	if (qd_batch_begin(&q, &err) != QD_OK)
		die_err("begin", &err);
	for (int i = 0; i < BRANCHES; i++) {
		char name[64];
		long long id;
		org_name(i + 3, name, sizeof name);
		if (qd_org_add(&q, name, LV_BRANCH, 2, &id, &err) != QD_OK || id != i + 3)
			die_err(name, &err);
	}
	for (long k = 0; k < PEOPLE; k++) {
		char name[32];
		struct person_fields f = PERSON_FIELDS_INIT;
		long long id;
		person_name(k, name, sizeof name);
		f.name = name;
		f.post = "党员";
		f.org_id = 3 + k % BRANCHES;
		if (qd_person_add(&q, &f, &id, &err) != QD_OK || id != k + 1)
			die_err(name, &err);
	}
	if (qd_batch_end(&q, QD_OK, &err) != QD_OK)
		die_err("commit", &err);
	qd_close(&q);
	return 0;
}

static int cmd_csv(const char *path, long n)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return perror(path), 1;
	fputs("组织,类别,责任内容,工作措施,完成标准,责任人,牵头领导,完成时限,状态\r\n", f);
	rng = 88172645463325252ULL;
	for (long i = 0; i < n; i++) {
		struct row r;
		char org[64], owner[64], lead[64], name[32];
		make_row(i, &r);
		org_name(r.org, org, sizeof org);
		person_name(r.owner, name, sizeof name);
		snprintf(owner, sizeof owner, "%s#%ld", name, r.owner + 1);
		person_name(r.lead, name, sizeof name);
		snprintf(lead, sizeof lead, "%s#%ld", name, r.lead + 1);
		const char *v[] = {org, r.category, r.content, r.measures, r.standard, owner, lead,
				   r.due, r.status};
		for (size_t c = 0; c < ARRAY_SIZE(v); c++) {
			if (c)
				fputc(',', f);
			csv_write_field(f, v[c]);
		}
		fputs("\r\n", f);
	}
	return fclose(f) != 0;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void exec_or_die(sqlite3 *h, const char *sql)
{
	char *e = NULL;
	if (sqlite3_exec(h, sql, NULL, NULL, &e) != SQLITE_OK) {
		fprintf(stderr, "io_bench: %s: %s\n", sql, e);
		exit(1);
	}
}

static int cmd_bare(const char *path, long n, int cache_kib)
{
	sqlite3 *h;
	if (sqlite3_open(path, &h) != SQLITE_OK)
		return fprintf(stderr, "io_bench: %s\n", sqlite3_errmsg(h)), 1;
	exec_or_die(h, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
	if (cache_kib > 0) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA cache_size=-%d", cache_kib);
		exec_or_die(h, sql);
	}
	double t0 = now_s();
	exec_or_die(h, "BEGIN IMMEDIATE");
	sqlite3_stmt *list, *ins;
	sqlite3_prepare_v2(h, "INSERT INTO list(org_id, year, title) VALUES (?1, ?2, '')", -1, &list, NULL);
	for (int o = 1; o <= BRANCHES + 2; o++) {
		sqlite3_bind_int(list, 1, o);
		sqlite3_bind_int(list, 2, YEAR);
		sqlite3_step(list);
		sqlite3_reset(list);
	}
	sqlite3_finalize(list);
	long long first_list = sqlite3_last_insert_rowid(h) - (BRANCHES + 2) + 1;
	static int seq[BRANCHES + 3];
	sqlite3_stmt *top;
	sqlite3_prepare_v2(h, "SELECT coalesce(max(id), 0) FROM item", -1, &top, NULL);
	sqlite3_step(top);
	long long first_item = sqlite3_column_int64(top, 0);
	sqlite3_finalize(top);
	char stamp[32];
	date_now_utc(stamp);
	if (sqlite3_prepare_v2(h, "INSERT INTO item(list_id, seq, category, content, measures, standard, "
				  "due, due_text, owner_id, lead_id, status, created_at, updated_at) "
				  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', ?8, ?9, ?10, ?11, ?11)",
			       -1, &ins, NULL) != SQLITE_OK)
		return fprintf(stderr, "io_bench: %s\n", sqlite3_errmsg(h)), 1;
	rng = 88172645463325252ULL;
	for (long i = 0; i < n; i++) {
		struct row r;
		make_row(i, &r);
		sqlite3_bind_int64(ins, 1, first_list + r.org - 1);
		sqlite3_bind_int(ins, 2, ++seq[r.org]);
		sqlite3_bind_text(ins, 3, r.category, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 4, r.content, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 5, r.measures, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 6, r.standard, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 7, r.due, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins, 8, r.owner + 1);
		sqlite3_bind_int64(ins, 9, r.lead + 1);
		sqlite3_bind_text(ins, 10, r.status, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 11, stamp, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			return fprintf(stderr, "io_bench: %s\n", sqlite3_errmsg(h)), 1;
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	sqlite3_stmt *fts;
	sqlite3_prepare_v2(h, "INSERT INTO item_fts(rowid, content) SELECT id, content FROM item "
			      "WHERE id > ?1", -1, &fts, NULL);
	sqlite3_bind_int64(fts, 1, first_item);
	if (sqlite3_step(fts) != SQLITE_DONE)
		return fprintf(stderr, "io_bench: %s\n", sqlite3_errmsg(h)), 1;
	sqlite3_finalize(fts);
	exec_or_die(h, "COMMIT");
	printf("%.3f\n", now_s() - t0);
	sqlite3_close(h);
	return 0;
}

static int cmd_org300(const char *path)
{
	struct qd q = {0};
	struct strbuf err = {0};
	q.year = YEAR;
	if (qd_open(&q, path, DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK ||
	    qd_batch_begin(&q, &err) != QD_OK)
		die_err(path, &err);
	long long org, lead = 0;
	if (qd_org_add(&q, "第一党支部", LV_BRANCH, 2, &org, &err) != QD_OK)
		die_err("org", &err);
	rng = 88172645463325252ULL;
	for (long k = 0; k < 300; k++) {
		char name[32];
		struct person_fields f = PERSON_FIELDS_INIT;
		long long id;
		snprintf(name, sizeof name, "%s%s%ld", surnames[k % 20], given[(k / 20) % 20], k / 400);
		f.name = name;
		f.post = k ? "党员" : "支部书记";
		f.org_id = org;
		if (qd_person_add(&q, &f, &id, &err) != QD_OK)
			die_err(name, &err);
		if (!k)
			lead = id;
		for (int j = 0; j < 2; j++) {
			struct row r;
			struct item_fields it = ITEM_FIELDS_INIT;
			long long item;
			make_row(k * 2 + j, &r);
			it.content = r.content;
			it.measures = r.measures;
			it.standard = r.standard;
			it.category = r.category;
			it.due = r.due;
			it.status = r.status;
			it.owner_id = id;
			it.lead_id = lead;
			if (qd_item_add(&q, org, &it, &item, &err) != QD_OK)
				die_err("item", &err);
		}
	}
	if (qd_setting_set(&q, "unit_name", "示范单位", &err) != QD_OK || qd_batch_end(&q, QD_OK, &err) != QD_OK)
		die_err("commit", &err);
	qd_close(&q);
	return 0;
}

/* An office of `people` (10 班子成员 in 党组, 10 in 机关党委, the rest in
 * 8 branches, each with a 支部书记) and n items this year, owners spread
 * over everyone and leads among the 班子成员: print --all (bench/print.sh). */
static int cmd_office(const char *path, long n, long people)
{
	struct qd q = {0};
	struct strbuf err = {0};
	q.year = YEAR;
	if (qd_open(&q, path, DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK ||
	    qd_batch_begin(&q, &err) != QD_OK)
		die_err(path, &err);
	for (int b = 0; b < 8; b++) {
		char name[64];
		long long id;
		org_name(b + 3, name, sizeof name);
		if (qd_org_add(&q, name, LV_BRANCH, 2, &id, &err) != QD_OK)
			die_err(name, &err);
	}
	rng = 88172645463325252ULL;
	for (long k = 0; k < people; k++) {
		char name[32];
		struct person_fields f = PERSON_FIELDS_INIT;
		long long id;
		snprintf(name, sizeof name, "%s%s%ld", surnames[k % 20], given[(k / 20) % 20], k / 400);
		f.name = name;
		f.org_id = k < 10 ? 1 : k < 20 ? 2 : 3 + k % 8;
		f.post = k < 10 ? "班子成员" : k < 20 ? "委员" : k < 28 ? "支部书记" : "党员";
		if (qd_person_add(&q, &f, &id, &err) != QD_OK || id != k + 1)
			die_err(name, &err);
	}
	for (long i = 0; i < n; i++) {
		struct row r;
		struct item_fields it = ITEM_FIELDS_INIT;
		long long item;
		make_row(i, &r);
		it.content = r.content;
		it.measures = r.measures;
		it.standard = r.standard;
		it.category = r.category;
		it.due = r.due;
		it.status = r.status;
		it.owner_id = 1 + (long long)next((unsigned)people);
		it.lead_id = 1 + (long long)next(10);
		if (qd_item_add(&q, 1 + i % 10, &it, &item, &err) != QD_OK)
			die_err("item", &err);
	}
	if (qd_setting_set(&q, "unit_name", "示范单位", &err) != QD_OK || qd_batch_end(&q, QD_OK, &err) != QD_OK)
		die_err("commit", &err);
	qd_close(&q);
	return 0;
}

static int cmd_run(char **argv)
{
	const char *watch = NULL;
	if (argv[0] && strcmp(argv[0], "--watch") == 0 && argv[1]) {
		watch = argv[1];
		argv += 2;
	}
	double t0 = now_s();
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	int st = 0;
	struct rusage ru;
	long long peak = 0;
	for (;;) {
		pid_t r = wait4(pid, &st, watch ? WNOHANG : 0, &ru);
		if (r == pid)
			break;
		struct stat sb;
		if (stat(watch, &sb) == 0 && (long long)sb.st_size > peak)
			peak = (long long)sb.st_size;
		usleep(20000);
	}
	double cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		     (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	printf("%.3f %ld %.3f %lld\n", now_s() - t0, ru.ru_maxrss, cpu, peak);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

int main(int argc, char **argv)
{
	text_init_locale();
	date_set_today(date_from_ymd(YEAR, 6, 30));
	if (argc >= 3 && strcmp(argv[1], "setup") == 0)
		return cmd_setup(argv[2]);
	if (argc >= 4 && strcmp(argv[1], "csv") == 0)
		return cmd_csv(argv[2], atol(argv[3]));
	if (argc >= 4 && strcmp(argv[1], "bare") == 0)
		return cmd_bare(argv[2], atol(argv[3]), argc > 4 ? atoi(argv[4]) : 0);
	if (argc >= 3 && strcmp(argv[1], "org300") == 0)
		return cmd_org300(argv[2]);
	if (argc >= 3 && strcmp(argv[1], "office") == 0)
		return cmd_office(argv[2], argc > 3 ? atol(argv[3]) : 50000, argc > 4 ? atol(argv[4]) : 200);
	if (argc >= 3 && strcmp(argv[1], "run") == 0)
		return cmd_run(argv + 2);
	fprintf(stderr, "usage: io_bench setup DB | csv FILE N | bare DB N [CACHE_KIB] | org300 DB | "
			"office DB [ITEMS [PEOPLE]] | run CMD…\n");
	return 2;
}

/* gen.c — deterministic dataset generator for the benchmarks (DESIGN §8).
 *
 *   gen S FILE   one office: 6 orgs, 300 people, 600 items this year
 *   gen M FILE   the peers' size (notes/performance.md): 6 orgs, 200
 *                people, 50k items this year (bench/peers.sh)
 *   gen L FILE   a city work committee: 502 orgs, 100k people, 1M items
 *                over the 10 years ending with --year
 *
 * Everything goes through the model (qd_person_add, qd_item_add, moves and
 * notes), so every record has its audit row and `audit verify` holds; rows
 * are committed in batches of 5,000.  Same arguments, same data: the random
 * numbers come from a fixed-seed generator.  Progress goes to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/text.h"

static unsigned long long rng = 88172645463325252ULL;

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
	"党建工作述职评议", "党务公开", "支部标准化规范化建设", "青年理论学习小组", "志愿服务活动",
	"应急演练", "保密教育", "干部选拔任用监督"};
static const char *const suffix[] = {"，按季度报送情况", "，形成专题报告", "，做到全覆盖",
				     "，建立工作台账", "，确保取得实效", "，及时整改问题"};
static const char *const cats[] = {"政治建设", "思想建设", "组织建设", "作风建设", "纪律建设", "制度建设"};
static const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
				       "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
static const char *const given[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
				    "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平"};
static const char *const posts[] = {"党员", "党员", "党员", "党员", "组织委员", "宣传委员",
				    "纪检委员", "支部书记", "班子成员"};

static void fail(const char *what, struct strbuf *err)
{
	fprintf(stderr, "gen: %s: %s\n", what, err->s ? err->s : "");
	exit(1);
}

static void progress(const char *what, long done, long total, time_t start)
{
	if (done % 5000 && done != total)
		return;
	fprintf(stderr, "\rgen: %s %ld/%ld (%ld s)   ", what, done, total, (long)(time(NULL) - start));
	if (done == total)
		fputc('\n', stderr);
}

int main(int argc, char **argv)
{
	if (argc < 3 || !strchr("SML", argv[1][0]) || argv[1][1]) {
		fprintf(stderr, "usage: gen S|M|L FILE [YEAR]\n");
		return 2;
	}
	int large = argv[1][0] == 'L', mid = argv[1][0] == 'M';
	int year = argc > 3 ? atoi(argv[3]) : 2026;
	long orgs = large ? 500 : 4, people = large ? 100000 : mid ? 200 : 300;
	long items = large ? 1000000 : mid ? 50000 : 600;
	int years = large ? 10 : 1;
	text_init_locale();
	date_set_today(date_from_ymd(year, 6, 30));
	struct qd q = {0};
	struct strbuf err = {0};
	q.year = year;
	if (qd_open(&q, argv[2], DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		fail(argv[2], &err);
	time_t start = time(NULL);
	long long *org_ids = xcalloc((size_t)orgs + 2, sizeof *org_ids);
	long long *person_ids = xcalloc((size_t)people, sizeof *person_ids);
	org_ids[0] = 1;
	org_ids[1] = 2;
	if (qd_batch_begin(&q, &err) != QD_OK)
		fail("begin", &err);
	for (long i = 0; i < orgs; i++) {
		char name[64];
		snprintf(name, sizeof name, "第%ld党支部", i + 1);
		if (qd_org_add(&q, name, LV_BRANCH, 2, &org_ids[i + 2], &err) != QD_OK)
			fail(name, &err);
	}
	for (long i = 0; i < people; i++) {
		char name[32];
		struct person_fields f = PERSON_FIELDS_INIT;
		snprintf(name, sizeof name, "%s%s", surnames[next(20)], given[next(20)]);
		f.name = name;
		f.post = posts[next(ARRAY_SIZE(posts))];
		f.org_id = org_ids[2 + i % orgs];
		f.active = 1;
		if (qd_person_add(&q, &f, &person_ids[i], &err) != QD_OK)
			fail(name, &err);
		progress("people", i + 1, people, start);
		if ((i + 1) % 5000 == 0 && (qd_batch_end(&q, QD_OK, &err) != QD_OK ||
					    qd_batch_begin(&q, &err) != QD_OK))
			fail("commit", &err);
	}
	long per_year = items / years;
	for (long i = 0; i < items; i++) {
		char content[256], due[11];
		int y = year - years + 1 + (int)(i / per_year);
		q.year = y;
		snprintf(content, sizeof content, "%s%s%s", verbs[next(ARRAY_SIZE(verbs))],
			 topics[next(ARRAY_SIZE(topics))], suffix[next(ARRAY_SIZE(suffix))]);
		struct item_fields f = ITEM_FIELDS_INIT;
		f.content = content;
		f.category = cats[next(ARRAY_SIZE(cats))];
		f.owner_id = person_ids[next((unsigned)people)];
		f.lead_id = person_ids[next((unsigned)(people < 50 ? people : 50))];
		f.due = date_format(date_from_ymd(y, 1, 1) + (int)next(365), due);
		/* past years are mostly done; this year is a mix */
		unsigned r = next(100);
		f.status = y < year ? (r < 90 ? "done" : "cancelled")
				    : r < 25 ? "planned" : r < 60 ? "in_progress" : r < 70 ? "submitted" : "done";
		f.done_on = f.due;
		long long id;
		long org = (long)next((unsigned)orgs + 2);
		if (qd_item_add(&q, org_ids[org], &f, &id, &err) != QD_OK)
			fail(content, &err);
		progress("items", i + 1, items, start);
		if ((i + 1) % 5000 == 0 && (qd_batch_end(&q, QD_OK, &err) != QD_OK ||
					    qd_batch_begin(&q, &err) != QD_OK))
			fail("commit", &err);
	}
	if (qd_batch_end(&q, QD_OK, &err) != QD_OK)
		fail("commit", &err);
	fprintf(stderr, "gen: %s done in %ld s\n", argv[2], (long)(time(NULL) - start));
	free(org_ids);
	free(person_ids);
	qd_close(&q);
	sb_free(&err);
	return 0;
}

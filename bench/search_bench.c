/* search_bench.c — the interactive screen's search, in process (issue
 * 10.3: the first page of a broad search < 50 ms): open the file, then
 * the first page (50 rows) and the counts of a search in one org's list and
 * in one person's checklist of the year (person 36, one of the 50 leads of
 * every list: 2,000 items a year), for a broad and a narrow phrase; the
 * checklist through its key cache, as the TUI reads it.
 * Median and worst of 9 runs each, cold statement cache every run.
 *
 *   search_bench DB [YEAR]
 *
 * Read-only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/store_page.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void one(const char *path, int year, long long org, long long person, const char *phrase)
{
	enum { RUNS = 9 };
	double t[RUNS];
	int got = 0, total = 0;
	for (int r = 0; r < RUNS; r++) {
		struct qd q = {0};
		struct strbuf err = {0};
		q.year = year;
		double s = now_ms();
		if (qd_open(&q, path, DB_READONLY, &err) != QD_OK) {
			fprintf(stderr, "search_bench: %s: %s\n", path, err.s);
			exit(1);
		}
		struct item_scope sc = {0};
		sc.year = year;
		sc.org_id = org;
		sc.person_id = person;
		sc.status = -1;
		sc.search = phrase;
		sc.today = "2026-06-30";
		sc.soon = "2026-07-07";
		/* a checklist keeps its keys as the TUI's does (tui_list.c) */
		if (person)
			sc.cache = store_page_cache_new();
		struct page_item rows[50];
		got = store_page_items(q.db, &sc, NULL, 1, 0, 50, rows, &err);
		struct item_counts c;
		store_page_item_counts(q.db, &sc, &c, &err);
		total = c.total;
		t[r] = now_ms() - s;
		if (got > 0)
			page_items_clear(rows, got);
		store_page_cache_free(&sc.cache);
		qd_close(&q);
		sb_free(&err);
	}
	qsort(t, RUNS, sizeof *t, cmp_d);
	printf("search %-22s in %s: first page %d rows of %d, median %.1f ms, worst %.1f ms\n",
	       phrase, org ? "an org's list" : "a checklist", got, total, t[RUNS / 2], t[RUNS - 1]);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: search_bench DB [YEAR]\n");
		return 2;
	}
	int year = argc > 2 ? atoi(argv[2]) : 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	static const char *const phrases[] = {"建立工作台账", "理论学习中心组", "应急演练，形成专题报告"};
	for (int i = 0; i < 3; i++) {
		one(argv[1], year, 100, 0, phrases[i]);
		one(argv[1], year, 0, 36, phrases[i]);
	}
	return 0;
}

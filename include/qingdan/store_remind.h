/* store_remind.h — the SQL of reminders (issue 14.3), part of the storage
 * module (see store.h: no rules, no audit).  remind.c, the report layer,
 * calls these: one statement per section for every person at once, the
 * rows grouped by person in C, never a query per person per item. */
#ifndef QINGDAN_STORE_REMIND_H
#define QINGDAN_STORE_REMIND_H

#include "qingdan/util.h"

struct db;

/* One active person as remind heads their block. */
struct remind_person_row {
	long long id, org_id;
	const char *name, *post, *org;   /* "" when none */
	const char *committee;           /* member.committee code, "" none */
};
/* Active people (person_id 0: all; else that one, active or not), in org
 * order then pinyin order (sort_key): fn for each row (the strings live
 * until fn returns). */
enum qd_status store_remind_people(struct db *db, long long person_id,
				   void (*fn)(void *ctx, const struct remind_person_row *r),
				   void *ctx);

/* One open duty item due on or before soon. */
struct remind_item_row {
	long long id, owner_id, lead_id;  /* 0 when none */
	const char *org, *content, *due;
};
/* The year's open (planned, in progress, submitted) live duty items with a
 * due day on or before soon (ISO) and an owner or a lead (person_id 0) or
 * with that person as owner or lead, by due day then org and seq. */
enum qd_status store_remind_items(struct db *db, int year, long long person_id, const char *soon,
				  void (*fn)(void *ctx, const struct remind_item_row *r),
				  void *ctx);

/* A person's open duty items of the year, owner or lead, each once:
 * *overdue due before today, *soon due from today to soon (one query). */
enum qd_status store_remind_count(struct db *db, long long person_id, int year, const char *today,
				  const char *soon, int *overdue, int *due_soon);

/* The text of these queries for the plan tests (store_hot_queries). */
void store_remind_hot_queries(int dialect, void (*fn)(void *ctx, const char *name, const char *sql),
			      void *ctx);

#endif

/* store_problem_print.h — the SQL of the checklist's 整改措施 section
 * (problem_print.h), part of the storage module: no rules, no audit. */
#ifndef QINGDAN_STORE_PROBLEM_PRINT_H
#define QINGDAN_STORE_PROBLEM_PRINT_H

#include "qingdan/util.h"

struct db;

struct store_person_measure {
	long long id, org_id, problem_id;
	int seq, is_owner, is_lead;
	const char *org, *content, *standard, *due, *due_text, *status, *flags, *problem;
};
/* The person's measures of year: live items of the 整改清单 (list kind
 * 'rectify') they own or lead, each with its problem, in org order then
 * seq; flags as item list has them, given today and soon (ISO). */
enum qd_status store_person_measures(struct db *db, int year, long long person_id,
				     const char *today, const char *soon,
				     void (*fn)(void *ctx, const struct store_person_measure *m),
				     void *ctx, struct strbuf *err);
/* The query in the dialect (DB_SQLITE / DB_PG), for the plan test
 * (store_hot_queries). */
const char *store_person_measures_sql(int dialect);

#endif

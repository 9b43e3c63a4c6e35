/* store_problem.h — the SQL of 问题清单 → 整改清单 (problem.h), part of the
 * storage module (see store.h: no rules, no audit; the model, src/problem.c,
 * calls these inside its transactions).  Every UPDATE of a problem carries
 * the version it read and bumps it, so a stale write is QD_CONFLICT. */
#ifndef QINGDAN_STORE_PROBLEM_H
#define QINGDAN_STORE_PROBLEM_H

#include "qingdan/problem.h"
#include "qingdan/store.h"

struct db;

/* ---- lists by kind ---- */
/* The org's list of that kind ("duty", "rectify") for the year, made with
 * this title when missing; *created says whether it was made now. */
enum qd_status store_list_ensure_kind(struct db *db, long long org_id, int year, const char *kind,
				      const char *title, long long *list_id, int *created);

/* ---- problems ---- */
/* A problem's stored columns, all of them (the model fills the unchanged
 * ones from the record it read). */
struct store_problem_vals {
	long long org_id, raiser_id, meeting_id;   /* 0 = none (raiser, meeting) */
	int year;
	const char *source, *raised_on, *category, *text, *raiser_name, *contact;
};
/* The problem whatever its state (deleted too), with its derived counts and
 * status as of today (ISO). */
enum qd_status store_problem_get(struct db *db, long long id, const char *today, struct problem *p);
/* Live problems matching f (status and overdue too), in org order, then
 * raised_on, id.  subtree: org_id's problems and those of the orgs under
 * it. */
enum qd_status store_problem_list(struct db *db, const struct problem_filter *f, int subtree,
				  const char *today, struct problem **out, int *n);
enum qd_status store_problem_insert(struct db *db, const struct store_problem_vals *v,
				    const char *now, long long *id);
enum qd_status store_problem_update(struct db *db, long long id, int version,
				    const struct store_problem_vals *v, const char *now);
/* closed_on NULL reopens (closed_by cleared). */
enum qd_status store_problem_close(struct db *db, long long id, int version, const char *closed_on,
				   long long closed_by, const char *now);
enum qd_status store_problem_soft_delete(struct db *db, long long id, int version, const char *now);

/* ---- measures ---- */
enum qd_status store_problem_measure_insert(struct db *db, long long problem_id, long long item_id,
					    long long *id);
/* Ids of the problem's measure items not deleted, in seq order (malloc'd). */
enum qd_status store_problem_measure_ids(struct db *db, long long problem_id, long long **ids,
					 int *n);
/* The problem of a measure item; 0 when the item is none. */
enum qd_status store_item_problem(struct db *db, long long item_id, long long *problem_id);

/* ---- 回访 ---- */
enum qd_status store_problem_feedback_insert(struct db *db, long long problem_id, const char *on,
					     long long by_id, const char *result, int satisfied,
					     const char *now, long long *id);
/* Oldest first (on_date, id). */
enum qd_status store_problem_feedbacks(struct db *db, long long problem_id,
				       struct problem_feedback **out, int *n);

/* Its SQL for the plan tests (store_hot_queries). */
void store_problem_hot_queries(void (*fn)(void *ctx, const char *name, const char *sql), void *ctx);

#endif

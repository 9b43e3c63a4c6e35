/* store_meeting_check.h — the SQL of the year checked (src/meeting_check.c):
 * the orgs with their levels, the Party members of a scope, and what the
 * attendance of 组织生活 and the hours of the year add up to per person.
 * Part of the storage module (store.h): no rules here; the model decides
 * who is expected, what a period is and when a member is at risk. */
#ifndef QINGDAN_STORE_MEETING_CHECK_H
#define QINGDAN_STORE_MEETING_CHECK_H

#include "qingdan/store.h"

struct db;

/* One org as the check needs it. */
struct check_org {
	long long id, parent_id;
	char *name, *level;        /* level: its code */
};
void check_orgs_free(struct check_org *o, int n);
/* Every org (org_id 0) or that one, in org order (sort, id); *out malloc'd. */
enum qd_status store_check_orgs(struct db *db, long long org_id, struct check_org **out, int *n);

/* One active Party member (full or probationary) of a scope. */
struct check_person {
	long long id, org_id;
	char *name, *post, *org_name, *cell;
	char *party, *committee;   /* codes: "full" / "probationary"; "" or "secretary" … */
};
void check_people_free(struct check_person *p, int n);
/* The active Party members of org_id and the orgs under it (0: all), in
 * org and list order (org sort, org id, person id); *out malloc'd. */
enum qd_status store_check_people(struct db *db, long long org_id, struct check_person **out,
				  int *n);

/* Per person with an attendance row at a live 组织生活 meeting (types of
 * meeting_type_is_org_life) held on or before today: the last day they
 * attended (present or late; NULL if never) and the first day they were
 * recorded as expected (any status but observer; NULL if never).  Called
 * back once per person, in person id order. */
enum qd_status store_check_attended(struct db *db, const char *today,
				    void (*fn)(void *ctx, long long person_id, const char *last,
					       const char *first),
				    void *ctx);
/* The kinds of 组织生活 meeting held (live, on or before today): each
 * (org, type, cell) once with the first day one was held, in that order. */
enum qd_status store_check_kinds(struct db *db, const char *today,
				 void (*fn)(void *ctx, long long org_id, const char *type,
					    const char *cell, const char *first),
				 void *ctx);
/* The hours attended (present or late) at live meetings from first to
 * last (ISO, inclusive), per person who has any; called back in person
 * id order. */
enum qd_status store_check_hours(struct db *db, const char *first, const char *last,
				 void (*fn)(void *ctx, long long person_id, double hours),
				 void *ctx);

/* The hot queries above, for the plan test (store_hot_queries). */
void store_check_hot_queries(int dialect, void (*fn)(void *ctx, const char *name, const char *sql),
			     void *ctx);

#endif

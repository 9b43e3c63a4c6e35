/* store_meeting.h — the SQL of the 组织生活 ledger (meeting.h), part of the
 * storage module (see store.h: no rules, no audit; the model, src/meeting.c,
 * calls these inside its transactions).  Every UPDATE of a meeting carries
 * the version it read and bumps it, so a stale write is QD_CONFLICT. */
#ifndef QINGDAN_STORE_MEETING_H
#define QINGDAN_STORE_MEETING_H

#include "qingdan/meeting.h"
#include "qingdan/store.h"

struct db;

/* ---- members ---- */
/* QD_OK and *m filled when the person has a member row; QD_NOTFOUND when
 * not (m gets the defaults). */
enum qd_status store_member_get(struct db *db, long long person_id, struct member *m);
/* Insert or replace the person's row (codes as stored). */
enum qd_status store_member_put(struct db *db, long long person_id, const char *party,
				const char *committee, const char *cell);

/* ---- meetings ---- */
/* A meeting's stored columns, all of them (the model fills the unchanged
 * ones from the record it read). */
struct store_meeting_vals {
	long long org_id, host_id, recorder_id;   /* 0 = none (host, recorder) */
	const char *type, *on, *starts, *title, *place, *cell, *summary, *decisions;
	int has_hours;
	double hours;
};
/* The meeting whatever its state (deleted too); derived counts left 0,
 * quorum_rule the rule of its org's level and type. */
enum qd_status store_meeting_get(struct db *db, long long id, struct meeting *m);
/* Live meetings matching f, date then id order (derived counts left 0). */
enum qd_status store_meeting_list(struct db *db, const struct meeting_filter *f,
				  struct meeting **out, int *n);
/* Live meetings an item names (item_meeting), date then id order. */
enum qd_status store_item_meetings(struct db *db, long long item_id, struct meeting **out, int *n);
enum qd_status store_meeting_insert(struct db *db, const struct store_meeting_vals *v,
				    const char *now, long long *id);
enum qd_status store_meeting_update(struct db *db, long long id, int version,
				    const struct store_meeting_vals *v, const char *now);
enum qd_status store_meeting_soft_delete(struct db *db, long long id, int version,
					 const char *now);

/* ---- people as meetings see them ---- */
struct store_mperson {
	long long id, org_id, att_id;     /* att_id: the attendance row, 0 none */
	long long meeting_id;             /* store_attendance_in: the row's meeting */
	char *name, *post, *org_name, *cell, *reason;
	int party, committee;             /* enum party_standing, enum committee_role */
	int status;                       /* enum attend_status of the row; -1 none */
	int in_sub;                       /* of the org asked for or one under it */
	int sort_null;                    /* the ordering key: org sort (none last), */
	long long sort, org_key;          /* org id, then person id */
};
void store_mpeople_free(struct store_mperson *p, int n);
/* Active people of org_id and the orgs under it (all: every active
 * person, in_sub telling which are), in org and list order. */
enum qd_status store_meeting_people(struct db *db, long long org_id, int all,
				    struct store_mperson **out, int *n);
/* The attendance rows of a meeting, with the person (in org and list order). */
enum qd_status store_attendance_of(struct db *db, long long meeting_id,
				   struct store_mperson **out, int *n);
/* The attendance rows of every live meeting from … to (ISO, inclusive)
 * of org_id (0 any), by meeting id, then as store_attendance_of. */
enum qd_status store_attendance_in(struct db *db, const char *from, const char *to,
				   long long org_id, struct store_mperson **out, int *n);
/* The same rows with only what the counts need — id, party, status,
 * meeting_id (no names, no reason) — by meeting id, then person id: a
 * long listing's counts without a string per row. */
enum qd_status store_attendance_counts_in(struct db *db, const char *from, const char *to,
					  long long org_id, struct store_mperson **out, int *n);
/* Its SQL for the plan tests (store_hot_queries). */
void store_meeting_hot_queries(void (*fn)(void *ctx, const char *name, const char *sql), void *ctx);
/* Insert or change one person's row; *id the row's id. */
enum qd_status store_attendance_put(struct db *db, long long meeting_id, long long person_id,
				    const char *status, const char *reason, long long *id);
enum qd_status store_attendance_delete(struct db *db, long long id);

/* ---- evidence ---- */
enum qd_status store_meeting_note_insert(struct db *db, long long meeting_id, const char *on,
					 long long person_id, const char *kind, const char *text,
					 const char *now, long long *id);
enum qd_status store_meeting_notes(struct db *db, long long meeting_id, struct meeting_note **out,
				   int *n);

/* ---- item links ---- */
/* The link's id, or 0. */
long long store_item_meeting_find(struct db *db, long long item_id, long long meeting_id);
enum qd_status store_item_meeting_insert(struct db *db, long long item_id, long long meeting_id,
					 long long *id);
enum qd_status store_item_meeting_delete(struct db *db, long long id);
enum qd_status store_meeting_item_ids(struct db *db, long long meeting_id, long long **ids, int *n);

/* ---- rules ---- */
enum qd_status store_meeting_rules(struct db *db, struct meeting_rule **out, int *n);
/* QD_NOTFOUND when the level has no rule of that type. */
enum qd_status store_meeting_rule_get(struct db *db, const char *level, const char *type,
				      struct meeting_rule *r);
/* Insert or change the rule of (level, type); *id its id. */
enum qd_status store_meeting_rule_put(struct db *db, const char *level, const char *type,
				      const char *every, int min, const char *quorum, long long *id);

/* ---- merging people (store_person_refs / store_person_repoint) ---- */
/* The attendance rows of `drop` at meetings where `keep` has a row too
 * (they cannot both stay: one row a person a meeting): ids malloc'd. */
enum qd_status store_attendance_clashes(struct db *db, long long keep, long long drop,
					long long **ids, int *n);

#endif

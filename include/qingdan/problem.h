/* problem.h — 问题清单 → 整改清单 (issue 12): the problems an org is told of
 * or finds itself, the measures that rectify them, the 回访 to whoever
 * raised them, and 销号.
 *
 * A problem belongs to an org and a year (its raised_on's year unless given)
 * and has a source (problem_source).  Its raiser is one of:
 *  - a person of the file (raiser_id), e.g. a member at a 组织生活会;
 *  - an outside name with a contact (raiser_name, contact), e.g. a caller
 *    on the 公开电话;
 *  - nobody: anonymous (意见箱, an unsigned letter).
 * A problem found at a recorded meeting links to it (meeting_id; sources
 * org-life and democratic-life normally do, and the meeting must be of the
 * problem's org or an org above it, not deleted).
 *
 * Measures.  Each measure is an item of the org's 整改清单 for the problem's
 * year — the list of kind 'rectify' (migration 6), made on first use —
 * linked to the problem by a problem_measure row.  Being an item it has the
 * status machine, owner and lead, notes, flags, permissions, audit and
 * 销号 of every item (model.h); nothing here writes a second copy of them.
 * The responsibility lists are the lists of kind 'duty': every listing,
 * count and print of items that is about the 三张清单 reads duty lists only
 * (item list, stats, people counts, checklists' duty section, print);
 * `item list --kind rectify|all` and the problem views show the measures.
 *
 * Status (never stored: it follows from the measures and the closing, so
 * nothing can disagree).  Counting a problem's measures that are not
 * deleted and not cancelled:
 *  - closed 已销号: closed_on is set (problem close);
 *  - rectified 已整改: at least one measure and every one done;
 *  - rectifying 整改中: some measure done, or in progress / submitted;
 *  - open 待整改: otherwise (no measure yet, or all still planned).
 * A problem needs a 回访 when it has a raiser (a person of the file or an
 * outside name); an anonymous one does not.
 *
 * Closing (problem close): admin, or the lead of every one of its
 * measures.  Refused, with the reason, unless the status is rectified and,
 * when a 回访 is needed, the latest feedback is recorded with satisfied =
 * yes (an unsatisfied 回访 means more rectification and another 回访).
 * reopen (problem close --undo, admin) clears closed_on.
 *
 * Who may write: admins everything; an org's recorder (qd_may_record_meeting:
 * its 书记, 副书记, 组织委员) its problems (add, set, feedback); measures are
 * items, so adding one is admin only, as every item add is; closing as
 * above.  Everyone reads.  Every write checks that, validates, writes and
 * appends its audit row (entities problem, problem_measure,
 * problem_feedback, and item for the measure itself) in one transaction,
 * or writes nothing and says why in err.  On PostgreSQL the server holds
 * the same rules (schema_pg.c migration 6). */
#ifndef QINGDAN_PROBLEM_H
#define QINGDAN_PROBLEM_H

#include "qingdan/model.h"

/* ---- codes and labels (code, or 中文 label, parse; -1 if neither) ---- */
/* SRC_, not PS_: meeting.h's enum party_standing has PS_FULL … PS__COUNT. */
enum problem_source {
	SRC_PHONE, SRC_MAIL, SRC_BOX, SRC_ORG_LIFE, SRC_DEMOCRATIC_LIFE, SRC_INSPECTION,
	SRC_SUPERIOR, SRC_SELF, SRC_VISIT, SRC_OTHER, SRC__COUNT
};
const char *problem_source_code(enum problem_source s);   /* "org-life" */
/* 公开电话 电子信箱 意见箱 组织生活会查摆 民主生活会 巡视巡察 上级检查 自查 群众来访 其他 */
const char *problem_source_label(enum problem_source s);
int problem_source_parse(const char *s);

enum problem_status { PB_OPEN, PB_RECTIFYING, PB_RECTIFIED, PB_CLOSED, PB__COUNT };
const char *problem_status_code(enum problem_status s);   /* "rectifying" */
const char *problem_status_label(enum problem_status s);  /* 待整改 整改中 已整改 已销号 */
int problem_status_parse(const char *s);

/* list kinds (migration 6) */
enum list_kind { LK_DUTY, LK_RECTIFY };
const char *list_kind_code(enum list_kind k);             /* "duty" "rectify" */
const char *list_kind_label(enum list_kind k);            /* 责任清单 整改清单 */

/* ---- records (strings owned; free with the *_clear / *_free function) ---- */
struct problem {
	long long id, org_id, raiser_id, meeting_id, closed_by;   /* 0 = none */
	int year, version;
	enum problem_source source;
	enum problem_status status;
	char *org_name, *raised_on, *category, *text;
	char *raiser_name;        /* the person's name (raiser_id) or the outside name; "" anonymous */
	char *contact;
	char *closed_on;          /* "" if not closed */
	char *closed_by_name;
	int measures, done_measures, overdue_measures;   /* not deleted, not cancelled */
	int needs_feedback;       /* has a raiser */
	int feedbacks;            /* 回访 recorded */
	int satisfied;            /* the latest 回访: 1 yes, 0 no, -1 none */
	char *created_at, *updated_at;
	char *deleted_at;         /* NULL unless deleted (qd_problem_get reads those too) */
};
void problem_clear(struct problem *p);
void problems_free(struct problem *ps, int n);

/* add: org_id, source, text required; raised_on default today (any date
 * form of date.h); year default raised_on's year; raiser_id (a person) and
 * raiser_name (outside) are exclusive, contact only with one of them.
 * set: NULL / -1 = unchanged, "" clears an optional text, 0 clears an id. */
struct problem_fields {
	long long org_id;                        /* -1 unchanged */
	int source;                              /* -1 unchanged */
	int year;                                /* 0 default / unchanged */
	const char *raised_on, *category, *text;
	long long raiser_id;                     /* -1 unchanged, 0 none */
	const char *raiser_name, *contact;
	long long meeting_id;                    /* -1 unchanged, 0 none */
};
#define PROBLEM_FIELDS_INIT {-1, -1, 0, NULL, NULL, NULL, -1, NULL, NULL, -1}

enum qd_status qd_problem_add(struct qd *q, const struct problem_fields *f, long long *id,
			      struct strbuf *err);
/* expect_version 0 = whatever is current, else a stale edit is QD_CONFLICT. */
enum qd_status qd_problem_set(struct qd *q, long long id, int expect_version,
			      const struct problem_fields *f, struct strbuf *err);
/* Soft delete (admin): refused while the problem has a measure not deleted. */
enum qd_status qd_problem_delete(struct qd *q, long long id, struct strbuf *err);
enum qd_status qd_problem_get(struct qd *q, long long id, struct problem *p, struct strbuf *err);

struct problem_filter {
	long long org_id;          /* 0 = every org */
	int year;                  /* 0 = every year */
	int source;                /* -1 = any */
	int status;                /* -1 = any */
	int overdue;               /* only problems with an overdue measure */
	long long person_id;       /* 0, or problems with a measure this person owns or leads */
};
#define PROBLEM_FILTER_INIT {0, 0, -1, -1, 0, 0}
/* In org order (org.sort, org.id), then raised_on, id. */
enum qd_status qd_problem_list(struct qd *q, const struct problem_filter *f, struct problem **out,
			       int *n, struct strbuf *err);

/* ---- measures: items of the org's 整改清单 ---- */
/* The fields as item_fields (content is the measure's text, owner
 * required, due required); the item goes to the rectify list of the
 * problem's org and year (made if missing).  Admin only.  *item_id is the
 * new item's id. */
enum qd_status qd_problem_measure(struct qd *q, long long problem_id, const struct item_fields *f,
				  long long *item_id, struct strbuf *err);
/* The measures of a problem as items (model.h struct item, with flags),
 * in seq order. */
enum qd_status qd_problem_measures(struct qd *q, long long problem_id, struct item **out, int *n,
				   struct strbuf *err);
/* The problem a measure item belongs to (0 if the item is not a measure). */
enum qd_status qd_item_problem(struct qd *q, long long item_id, long long *problem_id,
			       struct strbuf *err);
void items_free(struct item *items, int n);

/* ---- 回访 ---- */
struct problem_feedback {
	long long id, problem_id, by_id;
	char *on_date, *by_name, *result, *created_at;
	int satisfied;
};
void problem_feedbacks_free(struct problem_feedback *f, int n);
/* by_id: who made the 回访 (a person of the file, required); on default today. */
enum qd_status qd_problem_feedback(struct qd *q, long long problem_id, const char *on,
				   long long by_id, const char *result, int satisfied,
				   struct strbuf *err);
enum qd_status qd_problem_feedbacks(struct qd *q, long long problem_id,
				    struct problem_feedback **out, int *n, struct strbuf *err);

/* ---- 销号 ---- */
/* Whether the actor may close it now; if not, the reason in why (NULL ok). */
int qd_problem_may_close(struct qd *q, const struct problem *p, struct strbuf *why);
/* on default today.  undo (admin) reopens a closed problem. */
enum qd_status qd_problem_close(struct qd *q, long long id, const char *on, int undo,
				struct strbuf *err);

/* ---- figures (report.h builds on these) ---- */
struct problem_stat {
	long long org_id;          /* 0 = the total row */
	enum problem_source source;   /* with by_source; else SRC__COUNT */
	int problems, open, rectifying, rectified, closed;
	int measures, done_measures, overdue_measures;
	int need_feedback, fed_back, satisfied;
};
void problem_stats_free(struct problem_stat *s, int n);
/* by org (by_org) and/or by source (by_source), org_id 0 = every org
 * (else that org and the orgs under it); a total row last. */
enum qd_status qd_problem_stats(struct qd *q, int year, long long org_id, int by_org,
				int by_source, struct problem_stat **out, int *n, struct strbuf *err);

#endif

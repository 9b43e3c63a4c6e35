/* report.h — the year in figures (issue 12 §5, §6): the figures section of
 * a 述职报告 drawn from the records, and the 绩效考评 assessment sheet.
 *
 * Every figure is counted from the same reads the listings use (the items
 * of `item list`, the pledges of `pledge list`, the meetings of `meeting
 * list` and `meeting check`, the problems of `problem list`), so each
 * number equals a count the reader can take with the command named in its
 * reference (report_count.ref), and each figure keeps the ids of the
 * records behind it (`report --detail` lists them).
 *
 * Scope: the year (q->year unless given) and every org, or one org and the
 * orgs under it.  Dates: 截至 the year's last day, or today when that is
 * earlier (overdue is as of today, as everywhere).
 *
 * Definitions (the figures of the text, and of the sheet):
 *  - items: live items of the year, cancelled ones apart; done = 已销号,
 *    late = done after due (flag late), on time = done and not late,
 *    overdue = open past due (flag overdue); the rate is done / items;
 *  - pledges (of the year, not void): issued = issued or later, signed =
 *    signed, assessed or archived, proxy = either party 代签, assessed = a
 *    grade recorded (by grade: pledge_grades); with an org, the pledges
 *    whose signer is of it;
 *  - meetings: the periods the rules ask for (qd_meeting_check rows):
 *    held (ok), short of quorum, missing, still open; the rate is ok of
 *    the periods that are over (not open); meetings held by type and their
 *    hours (qd_meeting_list), trainings (type training) and their hours,
 *    members whose hours reach their norm (qd_meeting_hours);
 *  - problems (qd_problem_stats / qd_problem_list): by source, rectified
 *    (rectified or closed), closed, needing a 回访, fed back, satisfied;
 *    the rate is rectified / problems.
 * A rate with a zero denominator is "无" (n/a), never a number. */
#ifndef QINGDAN_REPORT_H
#define QINGDAN_REPORT_H

#include <stdio.h>

#include "qingdan/meeting.h"
#include "qingdan/pledge.h"
#include "qingdan/problem.h"
#include "qingdan/store.h"

/* One figure: the count, the records behind it (ids of one entity, with a
 * short label each for --detail) and the command that shows them. */
struct report_count {
	int n;
	long long *ids;
	char **labels;
	char *ref;           /* "item list --year 2026 --status done"; NULL none */
};

struct report_items {
	struct report_count total, done, ontime, late, overdue, cancelled;
};

struct report {
	int year;
	long long org_id;        /* 0 = every org */
	char *org_name;          /* NULL for every org */
	char *unit;              /* setting unit_name, "" if unset */
	char as_of[11];          /* ISO: 截至 */
	/* the three lists, per level (enum org_level) and in all */
	struct report_items level[3], items;
	/* pledges */
	struct report_count issued, signed_, proxy, assessed, grade[4];
	/* meetings */
	struct report_count periods, held, short_, missing, open;   /* check rows (ids: none) */
	struct report_count meetings, by_type[MT__COUNT], trainings;
	double hours, type_hours[MT__COUNT], training_hours;
	struct report_count members, members_met;   /* ids: people */
	/* problems */
	struct report_count problems, by_source[SRC__COUNT], rectified, closed, need_feedback,
		fed_back, satisfied;
	int measures, done_measures, overdue_measures;
	char *code;              /* the 校验码 (report_code), or NULL */
};

/* Gather the figures of year (0 = q->year) for org_id (0 = every org).
 * Reads only; *r is filled (free with report_clear). */
enum qd_status report_gather(struct qd *q, int year, long long org_id, struct report *r,
			     struct strbuf *err);
/* The 校验码 over every record the report counts (items, pledges,
 * meetings, problems), logged in the audit chain as print does
 * (qd_print_code), into r->code. */
enum qd_status report_code(struct qd *q, struct report *r, struct strbuf *err);
void report_clear(struct report *r);

/* ---- arithmetic (report.c; tests/t_report.c) ---- */
/* num / den as a percentage with one decimal, rounded half up, a trailing
 * ".0" dropped: "91.2%", "100%", "0%"; den 0: "无" ("n/a" under --lang en).
 * buf of at least 16 bytes; returns buf. */
char *report_rate(long long num, long long den, char *buf, size_t cap);
/* The same as a number: permille rounded half up (912 for 91.2%), -1 for
 * den 0. */
int report_permille(long long num, long long den);
/* Hours as people write them: "30.5", "4", "0". buf of 32 bytes. */
char *report_hours(double h, char *buf, size_t cap);

/* ---- rendering (report_text.c) ---- */
enum report_format { RF_TEXT, RF_MD, RF_PDF };
/* The figures section in full sentences (zh; en under --lang en), each
 * figure followed by 〔见 …〕; with detail the records behind each figure
 * after its paragraph; the 校验码 last.  RF_TEXT / RF_MD to f. */
int report_write(const struct report *r, enum report_format fmt, int detail, FILE *f);
struct doc;
/* The same as a print document (doc.h) for the PDF. */
void report_doc(const struct report *r, int detail, struct doc *d);

/* ---- the assessment sheet (report.c) ---- */
/* The indicators of a row (rates as percentages, one decimal, "" when the
 * denominator is 0):
 *  - ontime_rate: items done on time of the items whose time has come
 *    (done, or open past due); an org's items are its lists', a person's
 *    those they own (责任人);
 *  - pledge_rate: signed of issued (an org: pledges whose signer is of
 *    it; a person: pledges they sign);
 *  - meeting_rate: an org's periods held of those over (meeting check);
 *    a person's hours of their norm (meeting hours), at most 100;
 *  - rectify_rate: rectified or closed of the problems (an org's own; a
 *    person's those with a measure they own or lead).
 * Settings assess_weight_items, assess_weight_pledges,
 * assess_weight_meetings, assess_weight_problems (defaults below): the
 * score is the weighted mean of the rates that apply (a zero denominator
 * drops its weight), times 100, one decimal. */
#define REPORT_WEIGHT_ITEMS 40
#define REPORT_WEIGHT_PLEDGES 20
#define REPORT_WEIGHT_MEETINGS 20
#define REPORT_WEIGHT_PROBLEMS 20
struct assess_weights {
	double items, pledges, meetings, problems;
};
void report_weights(struct qd *q, struct assess_weights *w);
/* The score (0..100, one decimal, -1 when nothing applies) of the rates
 * num[i]/den[i] for i = items, pledges, meetings, problems. */
double report_score(const struct assess_weights *w, const long long num[4], const long long den[4]);
/* One row per org (of the scope, org order), then one per person (owner
 * of an item or signer of a pledge of the year, of the scope), to s.
 * Columns: id kind name org items ontime late overdue ontime_rate
 * pledges signed graded grade pledge_rate periods held meeting_rate hours
 * norm problems rectified rectify_rate score. */
enum qd_status report_assess(struct qd *q, int year, long long org_id, struct rowsink *s,
			     struct strbuf *err);
/* The sheet as an xlsx workbook (the print module's writer, plugin.h) to
 * path through outfile.h (flags OUTFILE_*), or with path NULL to out;
 * *rows: the rows written. */
enum qd_status report_assess_xlsx(struct qd *q, int year, long long org_id, const char *path,
				  int flags, FILE *out, int *rows, struct strbuf *err);

#endif

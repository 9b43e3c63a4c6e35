/* demo.h — `init --demo`: a believable year for one organ (data/demo/),
 * loaded through the model like any other input, dates placed around
 * today() so that some items are overdue, some due soon, some done late. */
#ifndef QINGDAN_DEMO_H
#define QINGDAN_DEMO_H

#include "qingdan/model.h"

/* Into an empty file only (no items yet); all or nothing. */
enum qd_status demo_load(struct qd *q, struct strbuf *err);

/* The day a demo offset stands for: anchor + offset, kept inside q->year.
 * The anchor is today when today is in q->year, else 1 July of it. */
int demo_day(const struct qd *q, int offset);

/* The demo's 组织生活 ledger (demo_meeting.c, data/demo/meetings.tsv):
 * members' standing and roles, meetings, attendance; inside demo_load. */
enum qd_status meeting_demo_load(struct qd *q, struct strbuf *err);
/* The demo's 问题清单 → 整改清单 (demo_problem.c, data/demo/problems.tsv,
 * problem_measures.tsv, problem_feedback.tsv): problems from every
 * source, their measures in every state, 回访, one closed; inside
 * demo_load, after the meetings (two problems link to them). */
enum qd_status problem_demo_load(struct qd *q, struct strbuf *err);
/* A person of the demo files, "王伟#2" being the second 王伟 in id order;
 * 0 if there is none (for the loaders of demo_pledge.c, demo_meeting.c and demo_problem.c). */
long long demo_person(struct qd *q, const char *ref);

#endif

/* meeting_print.h — the 组织生活 ledger on paper (issue 11 §7): the 会议记录
 * sheet of one meeting and the yearly 台账 of an org, as print documents
 * (doc.h), each with a 校验码 logged in the audit chain (qd_print_code). */
#ifndef QINGDAN_MEETING_PRINT_H
#define QINGDAN_MEETING_PRINT_H

#include "qingdan/doc.h"
#include "qingdan/meeting.h"
#include "qingdan/paper.h"

/* The record sheet of meeting id as one group of d: type, time, place,
 * host, recorder, 应到/实到/请假/缺席 with the names, topic, summary,
 * decisions, evidence, the signature lines of host and recorder.  The code
 * covers the meeting, its attendance rows and evidence; *code malloc'd. */
enum qd_status meeting_doc(struct qd *q, long long id, struct doc *d, char **code,
			   struct strbuf *err);
/* The 台账 of org_id for year: every live meeting of the org in date order
 * with its counts and quorum, the totals by type; the code covers the
 * meetings and their attendance rows. */
enum qd_status meeting_ledger_doc(struct qd *q, long long org_id, int year, struct doc *d,
				  char **code, struct strbuf *err);

struct meeting_print_request {
	long long id;            /* a meeting (the sheet), or 0 */
	long long org_id;        /* with id 0: the ledger of this org … */
	int year;                /* … for this year */
	struct paper_dest to;    /* text or PDF, to a file, out or lp (paper.h) */
};
/* Build and render; the file appears whole or not at all (outfile.h), and
 * a refused file name logs no code.  *code and *lp_output malloc'd. */
enum qd_status meeting_print(struct qd *q, const struct meeting_print_request *r, char **code,
			     char **lp_output, struct strbuf *err);

#endif

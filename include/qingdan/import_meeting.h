/* import_meeting.h — `import --meetings FILE` (issue 11 §7): a sign-in
 * sheet CSV (UTF-8 or GBK, csv.h) of meetings with their attendance:
 * columns 组织, 类型, 日期 (required), 主题, 主持人, 记录人, 出席, 请假,
 * 缺席 (names separated by 、 , ， ； or ;), in any order, Chinese or
 * English names (org, type, date, title, host, recorder, present, leave,
 * absent); a title line or two above the header is skipped.
 *
 * All or nothing, as item import (io.h): every row is checked (the org,
 * the type as code or label, the date in any accepted form, every name on
 * the staff list and named once in its row, the actor may record the
 * org's meetings) and each bad one reported "FILE:LINE: reason"; only when
 * every row is good are they written, in one transaction, through
 * qd_meeting_add and qd_meeting_attend (each with its audit row).  Nobody
 * is added to the staff list: an unknown name is an error.  Unnamed
 * expected members count absent, as meeting.h says. */
#ifndef QINGDAN_IMPORT_MEETING_H
#define QINGDAN_IMPORT_MEETING_H

#include "qingdan/io.h"
#include "qingdan/meeting.h"

struct meeting_import_result {
	long rows;               /* data rows (blank ones skipped) */
	long meetings;           /* written (or, dry run, that would be) */
	long attendance;         /* attendance records written (or would be) */
	long bad_rows;
	const char *encoding;    /* "UTF-8", "UTF-8 (BOM)", "GB18030" (static) */
};

/* r->path, r->dry_run, r->report and r->ctx are used (org_id must be 0). */
enum qd_status io_import_meetings(struct qd *q, const struct import_request *r,
				  struct meeting_import_result *res, struct strbuf *err);

#endif

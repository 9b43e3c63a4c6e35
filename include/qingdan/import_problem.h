/* import_problem.h — `import --problems FILE` (issue 12 §4): a problem list
 * CSV (UTF-8 or GBK, csv.h), such as a 巡察反馈问题清单 sheet, with or
 * without its 整改措施.  Columns found by header, in any order, Chinese or
 * English: 问题/问题描述 (required), 来源, 单位/党组织, 发现时间, 类别,
 * 反映人, 联系方式, 整改措施, 责任人, 分管领导/牵头领导, 完成时限,
 * 整改标准 (see names[] in import_problem.c for every spelling); a title
 * line or two above the header, and a 序号 column, are skipped.
 *
 * A row with a 问题 is a problem; with a 整改措施 too, that is its first
 * measure (责任人 and 完成时限 then required).  A row with a 整改措施 and
 * no 问题 is one more measure of the problem above it — what a sheet with
 * a merged 问题 cell becomes when saved as CSV.  来源 is a code or label
 * of problem.h (巡视/巡察 mean inspection), or r's default source when the
 * cell is blank; 单位 likewise falls back to r->org_id.  反映人 is a person
 * of the file when the name is one (qd_match_person), else an outside name;
 * blank or 匿名 is anonymous.  发现时间 defaults to today.
 *
 * All or nothing, as item import (io.h): every row is checked (the org,
 * the source, the dates, every name, the actor may record the org's
 * problems — admin or its 书记/副书记/组织委员 — and, for a row with a
 * measure, is an admin: measures are items) and each bad one reported
 * "FILE:LINE: reason"; only when every row is good are they written, in one
 * transaction, through qd_problem_add and qd_problem_measure (each with its
 * audit rows).  Nobody is added to the staff list. */
#ifndef QINGDAN_IMPORT_PROBLEM_H
#define QINGDAN_IMPORT_PROBLEM_H

#include "qingdan/io.h"
#include "qingdan/problem.h"

struct problem_import_result {
	long rows;               /* data rows (blank ones skipped) */
	long problems;           /* written (or, dry run, that would be) */
	long measures;           /* measures written (or would be) */
	long bad_rows;
	const char *encoding;    /* "UTF-8", "UTF-8 (BOM)", "GB18030" (static) */
};

/* r->path, r->org_id (the default 单位, 0 none), r->dry_run, r->report and
 * r->ctx are used; source is the default 来源 (-1 none). */
enum qd_status io_import_problems(struct qd *q, const struct import_request *r, int source,
				  struct problem_import_result *res, struct strbuf *err);

#endif

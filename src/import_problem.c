/* import_problem.c — `import --problems FILE`: problems and their measures
 * from a problem list CSV (contract in import_problem.h).
 *
 * One pass reads and checks every row (lists are small: the checked rows
 * are kept in memory, ids resolved); then, only if no row failed and this
 * is no dry run, every problem is added with its measures inside one
 * transaction (qd_batch_begin/end), through the model, which checks the
 * permissions again and writes the audit rows.  Any failure there rolls
 * everything back. */
#include "qingdan/import_problem.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/csv.h"
#include "qingdan/date.h"
#include "qingdan/meeting.h"
#include "qingdan/msg.h"
#include "import_impl.h"

enum { C_TEXT, C_SOURCE, C_ORG, C_ON, C_CATEGORY, C_RAISER, C_CONTACT, C_MEASURE, C_OWNER,
       C_LEAD, C_DUE, C_STANDARD, C__N };

static const struct import_column names[] = {
	{"问题", C_TEXT}, {"问题描述", C_TEXT}, {"存在问题", C_TEXT}, {"问题内容", C_TEXT},
	{"反馈问题", C_TEXT}, {"problem", C_TEXT}, {"text", C_TEXT},
	{"来源", C_SOURCE}, {"问题来源", C_SOURCE}, {"source", C_SOURCE},
	{"单位", C_ORG}, {"党组织", C_ORG}, {"组织", C_ORG}, {"所属组织", C_ORG}, {"org", C_ORG},
	{"organisation", C_ORG}, {"organization", C_ORG},
	{"发现时间", C_ON}, {"发现日期", C_ON}, {"反映时间", C_ON}, {"日期", C_ON},
	{"raised_on", C_ON}, {"date", C_ON},
	{"类别", C_CATEGORY}, {"问题类别", C_CATEGORY}, {"问题类型", C_CATEGORY},
	{"category", C_CATEGORY},
	{"反映人", C_RAISER}, {"提出人", C_RAISER}, {"raised_by", C_RAISER}, {"raiser", C_RAISER},
	{"联系方式", C_CONTACT}, {"联系电话", C_CONTACT}, {"contact", C_CONTACT},
	{"整改措施", C_MEASURE}, {"measure", C_MEASURE}, {"measures", C_MEASURE},
	{"责任人", C_OWNER}, {"owner", C_OWNER},
	{"分管领导", C_LEAD}, {"牵头领导", C_LEAD}, {"责任领导", C_LEAD}, {"lead", C_LEAD},
	{"完成时限", C_DUE}, {"整改时限", C_DUE}, {"时限", C_DUE}, {"due", C_DUE},
	{"整改标准", C_STANDARD}, {"完成标准", C_STANDARD}, {"standard", C_STANDARD},
};

static const enum msg_id col_msg[C__N] = {
	M_PI_COL_TEXT,    M_PI_COL_SOURCE,  M_PI_COL_ORG,   M_PI_COL_ON,
	M_PI_COL_CATEGORY, M_PI_COL_RAISER, M_PI_COL_CONTACT, M_PI_COL_MEASURE,
	M_PI_COL_OWNER,   M_PI_COL_LEAD,    M_PI_COL_DUE,   M_PI_COL_STANDARD};

struct pmeasure {
	long line;
	char *text, *standard;
	long long owner_id, lead_id;
	char due[11];
};

struct prow {
	long line;
	long long org_id, raiser_id;
	int source;
	char on[11];
	char *text, *category, *raiser_name, *contact;
	struct pmeasure *ms;
	int nms;
};

struct pimporter {
	struct import_sheet sh;    /* first: the reading loop's */
	struct qd *q;
	int source;                 /* the default 来源, -1 none */
	struct problem_import_result *res;
	int col[C__N];
	struct prow *rows;
	int nrows;
	int last_ok;                /* the row above is a good problem (rows[nrows-1]) */
	int last_problem;           /* there is a problem row above, good or bad */
};

static int column_of(const char *cell)
{
	return import_column_of(names, ARRAY_SIZE(names), cell);
}

/* The header has the 问题 column and one more of ours (a title line such
 * as "问题" alone is no header). */
static int looks_like_header(const struct csv_record *rec)
{
	int text = 0, other = 0;
	for (int i = 0; i < rec->nfields; i++) {
		int c = column_of(rec->fields[i]);
		text |= c == C_TEXT;
		other += c > C_TEXT;
	}
	return text && other;
}

static int read_header(struct import_sheet *sh, const struct csv_record *rec)
{
	struct pimporter *im = (struct pimporter *)sh;
	return import_header_columns(sh, rec, names, ARRAY_SIZE(names), im->col, C__N, M_PI_DUP_COL);
}

static char *field(struct pimporter *im, const struct csv_record *rec, int c)
{
	return import_trim(import_cell(im->col, rec, c));
}

/* The person a name means: > 0 their id, 0 after adding the reason. */
static long long person_of(struct pimporter *im, const char *who, int col)
{
	long long id = 0;
	char *cands = NULL;
	struct strbuf e = {0};
	enum qd_status s = qd_match_person_exact(im->q, who, &id, NULL, &cands, &e);
	if (s == QD_AMBIGUOUS)
		import_row_bad(&im->sh, msg(M_PI_AMBIGUOUS), msg(col_msg[col]), who, cands ? cands : "");
	else if (s == QD_NOTFOUND)
		import_row_bad(&im->sh, msg(M_PI_NO_PERSON), msg(col_msg[col]), who);
	else if (s != QD_OK)
		import_row_bad(&im->sh, "%s", e.s ? e.s : "");
	free(cands);
	sb_free(&e);
	return s == QD_OK ? id : 0;
}

/* 来源: a code or label, or the common ways a sheet writes one. */
static int source_of(const char *cell)
{
	int s = problem_source_parse(cell);
	if (s >= 0)
		return s;
	static const struct {
		const char *word;
		enum problem_source source;
	} words[] = {
		{"巡视", SRC_INSPECTION}, {"巡察", SRC_INSPECTION}, {"电话", SRC_PHONE},
		{"热线", SRC_PHONE},      {"信箱", SRC_MAIL},       {"邮箱", SRC_MAIL},
		{"意见箱", SRC_BOX},      {"民主生活会", SRC_DEMOCRATIC_LIFE},
		{"组织生活会", SRC_ORG_LIFE}, {"上级", SRC_SUPERIOR}, {"自查", SRC_SELF},
		{"来访", SRC_VISIT},      {"信访", SRC_VISIT},
	};
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strstr(cell, words[i].word))
			return (int)words[i].source;
	return -1;
}

static int is_anonymous(const char *who)
{
	return !*who || strcmp(who, "匿名") == 0 || strcmp(who, "无") == 0 ||
	       strcmp(who, "anonymous") == 0 || strcmp(who, "Anonymous") == 0;
}

/* A date cell into out (ISO); 0 when blank or good, else the reason added. */
static void date_of(struct pimporter *im, const char *cell, int col, char out[11])
{
	int day;
	out[0] = '\0';
	if (!*cell)
		return;
	if (date_parse(cell, &day) != 0)
		import_row_bad(&im->sh, msg(M_PI_BAD_DATE), msg(col_msg[col]), cell);
	else
		date_format(day, out);
}

static void measure_free(struct pmeasure *m)
{
	free(m->text);
	free(m->standard);
}

static void row_free(struct prow *r)
{
	free(r->text);
	free(r->category);
	free(r->raiser_name);
	free(r->contact);
	for (int i = 0; i < r->nms; i++)
		measure_free(&r->ms[i]);
	free(r->ms);
}

/* The measure cells of a row: 1 with *m filled (text given), 0 none; bad
 * cells add their reasons. */
static int measure_of(struct pimporter *im, const struct csv_record *rec, struct pmeasure *m)
{
	memset(m, 0, sizeof *m);
	m->line = rec->line;
	char *text = field(im, rec, C_MEASURE);
	if (!*text) {
		static const int others[] = {C_OWNER, C_LEAD, C_DUE, C_STANDARD};
		for (size_t i = 0; i < ARRAY_SIZE(others); i++)
			if (*field(im, rec, others[i]))
				import_row_bad(&im->sh, msg(M_PI_MEASURE_ONLY), msg(col_msg[others[i]]));
		return 0;
	}
	m->text = xstrdup(text);
	m->standard = xstrdup(field(im, rec, C_STANDARD));
	char *owner = field(im, rec, C_OWNER), *lead = field(im, rec, C_LEAD);
	if (!*owner)
		import_row_bad(&im->sh, "%s", msg(M_PI_NEEDS_OWNER));
	else
		m->owner_id = person_of(im, owner, C_OWNER);
	if (*lead)
		m->lead_id = person_of(im, lead, C_LEAD);
	char *due = field(im, rec, C_DUE);
	if (!*due)
		import_row_bad(&im->sh, "%s", msg(M_PI_NEEDS_DUE));
	else
		date_of(im, due, C_DUE, m->due);
	if (!im->q->actor_admin)
		import_row_bad(&im->sh, msg(M_PI_DENIED_MEASURE), im->q->actor_name ? im->q->actor_name : "");
	return 1;
}

static void bad_row(struct pimporter *im, const struct csv_record *rec)
{
	im->res->bad_rows++;
	import_report(&im->sh, IMPORT_ERROR, msg(M_IO_ROW), im->sh.r->path, rec->line, im->sh.why.s);
}

/* A row with a measure and no problem: one more measure of the one above. */
static void continuation_row(struct pimporter *im, const struct csv_record *rec)
{
	struct pmeasure m;
	int has = measure_of(im, rec, &m);
	if (!has)
		import_row_bad(&im->sh, "%s", msg(M_PI_NO_TEXT));
	else if (!im->last_problem)
		import_row_bad(&im->sh, "%s", msg(M_PI_ORPHAN));
	if (im->sh.why.len) {
		bad_row(im, rec);
		if (has)
			measure_free(&m);
		return;
	}
	if (!im->last_ok) {    /* the problem above is bad: this one is checked, not kept */
		measure_free(&m);
		return;
	}
	struct prow *p = &im->rows[im->nrows - 1];
	p->ms = xrealloc(p->ms, (size_t)(p->nms + 1) * sizeof *p->ms);
	p->ms[p->nms++] = m;
	im->res->measures++;
}

static void import_row(struct import_sheet *sh, const struct csv_record *rec)
{
	struct pimporter *im = (struct pimporter *)sh;
	sb_reset(&im->sh.why);
	im->res->rows++;
	char *text = field(im, rec, C_TEXT);
	if (!*text) {
		continuation_row(im, rec);
		return;
	}
	struct prow row;
	memset(&row, 0, sizeof row);
	row.line = rec->line;
	row.text = xstrdup(text);

	char *org = field(im, rec, C_ORG);
	if (!*org && !im->sh.r->org_id) {
		import_row_bad(&im->sh, "%s", msg(M_PI_NO_ORG));
	} else if (!*org) {
		row.org_id = im->sh.r->org_id;
	} else {
		struct strbuf e = {0};
		if (qd_find_org(im->q, org, &row.org_id, &e) != QD_OK) {
			import_row_bad(&im->sh, "%s", e.s ? e.s : "");
			row.org_id = 0;
		}
		sb_free(&e);
	}
	/* a dry run opens the file read-only: the right is checked, not the mode */
	if (row.org_id && !qd_is_meeting_recorder(im->q, row.org_id)) {
		struct org o = {0};
		qd_get_org(im->q, row.org_id, &o);
		import_row_bad(&im->sh, msg(M_PI_DENIED), o.name ? o.name : org,
			im->q->actor_name ? im->q->actor_name : "");
		org_clear(&o);
	}
	char *source = field(im, rec, C_SOURCE);
	row.source = *source ? source_of(source) : im->source;
	if (!*source && im->source < 0)
		import_row_bad(&im->sh, "%s", msg(M_PI_NO_SOURCE));
	else if (row.source < 0)
		import_row_bad(&im->sh, msg(M_PI_BAD_SOURCE), source);
	date_of(im, field(im, rec, C_ON), C_ON, row.on);
	row.category = xstrdup(field(im, rec, C_CATEGORY));
	char *raiser = field(im, rec, C_RAISER);
	row.raiser_name = xstrdup("");
	if (!is_anonymous(raiser)) {
		long long id = 0;
		char *cands = NULL;
		struct strbuf e = {0};
		enum qd_status s = qd_match_person_exact(im->q, raiser, &id, NULL, &cands, &e);
		if (s == QD_OK) {
			row.raiser_id = id;
		} else if (s == QD_NOTFOUND) {   /* someone from outside: kept by name */
			free(row.raiser_name);
			row.raiser_name = xstrdup(raiser);
		} else if (s == QD_AMBIGUOUS) {
			import_row_bad(&im->sh, msg(M_PI_RAISER_AMBIGUOUS), raiser, cands ? cands : "");
		} else {
			import_row_bad(&im->sh, "%s", e.s ? e.s : "");
		}
		free(cands);
		sb_free(&e);
	}
	char *contact = field(im, rec, C_CONTACT);
	if (*contact && is_anonymous(raiser))
		import_row_bad(&im->sh, "%s", msg(M_PI_CONTACT_ALONE));
	row.contact = xstrdup(contact);
	struct pmeasure m;
	int has = measure_of(im, rec, &m);

	im->last_problem = 1;
	if (im->sh.why.len) {
		bad_row(im, rec);
		if (has)
			measure_free(&m);
		row_free(&row);
		im->last_ok = 0;
		return;
	}
	if (has) {
		row.ms = xmalloc(sizeof *row.ms);
		row.ms[0] = m;
		row.nms = 1;
		im->res->measures++;
	}
	im->res->problems++;
	im->rows = xrealloc(im->rows, (size_t)(im->nrows + 1) * sizeof *im->rows);
	im->rows[im->nrows++] = row;
	im->last_ok = 1;
}

static enum qd_status write_rows(struct pimporter *im, struct strbuf *err)
{
	struct qd *q = im->q;
	enum qd_status s = qd_batch_begin(q, err);
	if (s != QD_OK)
		return s;
	for (int i = 0; i < im->nrows && s == QD_OK; i++) {
		struct prow *r = &im->rows[i];
		struct problem_fields f = PROBLEM_FIELDS_INIT;
		f.org_id = r->org_id;
		f.source = r->source;
		f.raised_on = *r->on ? r->on : NULL;
		f.category = r->category;
		f.text = r->text;
		f.raiser_id = r->raiser_id;
		f.raiser_name = r->raiser_name;
		f.contact = r->contact;
		f.meeting_id = 0;
		long long id = 0;
		long line = r->line;
		struct strbuf e = {0};
		s = qd_problem_add(q, &f, &id, &e);
		for (int k = 0; k < r->nms && s == QD_OK; k++) {
			struct item_fields it = ITEM_FIELDS_INIT;
			it.content = r->ms[k].text;
			it.standard = r->ms[k].standard;
			it.owner_id = r->ms[k].owner_id;
			it.lead_id = r->ms[k].lead_id;
			it.due = r->ms[k].due;
			line = r->ms[k].line;
			s = qd_problem_measure(q, id, &it, NULL, &e);
		}
		if (s != QD_OK) {
			import_report(&im->sh, IMPORT_ERROR, msg(M_IO_ROW), im->sh.r->path, line, e.s ? e.s : "");
			im->res->bad_rows++;
		}
		sb_free(&e);
	}
	return qd_batch_end(q, s, err);
}

enum qd_status io_import_problems(struct qd *q, const struct import_request *r, int source,
				  struct problem_import_result *res, struct strbuf *err)
{
	struct pimporter im = {.q = q, .source = source, .res = res};
	im.sh = (struct import_sheet){.r = r, .is_header = looks_like_header, .header = read_header,
				       .row = import_row, .no_header = M_PI_NO_HEADER};
	memset(res, 0, sizeof *res);
	res->encoding = "";
	enum qd_status s = import_sheet_file(&im.sh, &res->encoding, err);
	if (s == QD_OK && res->bad_rows) {
		sb_printf(err, msg(M_PI_REFUSED), r->path, res->bad_rows);
		s = QD_INVALID;
	} else if (s == QD_OK && !im.nrows) {
		sb_printf(err, msg(M_PI_EMPTY), r->path);
		s = QD_INVALID;
	} else if (s == QD_OK && !r->dry_run) {
		s = write_rows(&im, err);
		if (s != QD_OK && res->bad_rows && !err->len)
			sb_printf(err, msg(M_PI_REFUSED), r->path, res->bad_rows);
	}
	if (s != QD_OK) {
		res->problems = 0;
		res->measures = 0;
	}
	for (int i = 0; i < im.nrows; i++)
		row_free(&im.rows[i]);
	free(im.rows);
	import_sheet_free(&im.sh);
	return s;
}

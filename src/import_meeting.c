/* import_meeting.c — `import --meetings FILE`: meetings and their
 * attendance from a sign-in sheet CSV (contract in import_meeting.h).
 *
 * One pass reads and checks every row (sheets are small: the checked rows
 * are kept in memory, ids resolved); then, only if no row failed and this
 * is no dry run, every meeting is added with its attendance inside one
 * transaction (qd_batch_begin/end), through the model, which checks the
 * permission again and writes the audit rows.  Any failure there rolls
 * everything back. */
#include "qingdan/import_meeting.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/csv.h"
#include "qingdan/date.h"
#include "qingdan/msg.h"
#include "import_impl.h"

enum { C_ORG, C_TYPE, C_DATE, C_TOPIC, C_HOST, C_RECORDER, C_PRESENT, C_LEAVE, C_ABSENT, C__N };

static const struct import_column names[] = {
	{"组织", C_ORG}, {"党组织", C_ORG}, {"所属组织", C_ORG}, {"单位", C_ORG}, {"org", C_ORG},
	{"organisation", C_ORG}, {"organization", C_ORG},
	{"类型", C_TYPE}, {"会议类型", C_TYPE}, {"活动类型", C_TYPE}, {"type", C_TYPE},
	{"日期", C_DATE}, {"会议日期", C_DATE}, {"时间", C_DATE}, {"date", C_DATE},
	{"主题", C_TOPIC}, {"会议主题", C_TOPIC}, {"议题", C_TOPIC}, {"title", C_TOPIC},
	{"topic", C_TOPIC},
	{"主持人", C_HOST}, {"host", C_HOST},
	{"记录人", C_RECORDER}, {"recorder", C_RECORDER},
	{"出席", C_PRESENT}, {"实到", C_PRESENT}, {"出席人员", C_PRESENT}, {"present", C_PRESENT},
	{"请假", C_LEAVE}, {"请假人员", C_LEAVE}, {"leave", C_LEAVE},
	{"缺席", C_ABSENT}, {"缺席人员", C_ABSENT}, {"absent", C_ABSENT},
};

static const enum msg_id col_msg[C__N] = {M_MI_COL_ORG,      M_MI_COL_TYPE,    M_MI_COL_DATE,
					  M_MI_COL_TOPIC,    M_MI_COL_HOST,    M_MI_COL_RECORDER,
					  M_MI_COL_PRESENT,  M_MI_COL_LEAVE,   M_MI_COL_ABSENT};

static const int group_status[3] = {AT_PRESENT, AT_LEAVE, AT_ABSENT};

struct mrow {
	long line;
	long long org_id, host_id, recorder_id;
	int type;
	char on[11];
	char *title;
	long long *people[3];      /* present, leave, absent */
	int npeople[3];
};

struct mimporter {
	struct import_sheet sh;    /* first: the reading loop's */
	struct qd *q;
	struct meeting_import_result *res;
	int col[C__N];
	struct mrow *rows;
	int nrows;
};

static int column_of(const char *cell)
{
	return import_column_of(names, ARRAY_SIZE(names), cell);
}

static int looks_like_header(const struct csv_record *rec)
{
	int date = 0, type = 0;
	for (int i = 0; i < rec->nfields; i++) {
		int c = column_of(rec->fields[i]);
		date |= c == C_DATE;
		type |= c == C_TYPE;
	}
	return date && type;
}

static int read_header(struct import_sheet *sh, const struct csv_record *rec)
{
	struct mimporter *im = (struct mimporter *)sh;
	int bad = import_header_columns(sh, rec, names, ARRAY_SIZE(names), im->col, C__N,
					M_MI_DUP_COL) != 0;
	if (im->col[C_ORG] < 0) {
		import_report(&im->sh, IMPORT_ERROR, msg(M_MI_MISSING_COL), im->sh.r->path, rec->line,
		       msg(M_MI_COL_ORG));
		bad = 1;
	}
	return bad ? -1 : 0;
}

static char *field(struct mimporter *im, const struct csv_record *rec, int c)
{
	return import_trim(import_cell(im->col, rec, c));
}


/* The person a name means: > 0 their id, 0 after adding the reason. */
static long long person_of(struct mimporter *im, const char *who, enum msg_id role)
{
	long long id = 0;
	char *cands = NULL;
	struct strbuf e = {0};
	enum qd_status s = qd_match_person_exact(im->q, who, &id, NULL, &cands, &e);
	if (s == QD_AMBIGUOUS)
		import_row_bad(&im->sh, msg(M_MI_AMBIGUOUS), msg(role), who, cands ? cands : "");
	else if (s == QD_NOTFOUND)
		import_row_bad(&im->sh, msg(M_MI_NO_PERSON), msg(role), who);
	else if (s != QD_OK)
		import_row_bad(&im->sh, "%s", e.s ? e.s : "");
	free(cands);
	sb_free(&e);
	return s == QD_OK ? id : 0;
}

/* Split a cell of names at 、 , ， ； ; and line breaks. */
static void names_of(struct mimporter *im, char *cell, int g, struct mrow *row,
		     const char ***seen_by, long long **seen, int *nseen)
{
	static const char *const seps[] = {"、", ",", "，", "；", ";", "\n", "\r"};
	char *p = cell;
	while (*p) {
		char *end = p;
		size_t sep = 0;
		while (*end) {
			for (size_t k = 0; k < ARRAY_SIZE(seps) && !sep; k++)
				if (strncmp(end, seps[k], strlen(seps[k])) == 0)
					sep = strlen(seps[k]);
			if (sep)
				break;
			end++;
		}
		char save = *end;
		*end = '\0';
		char *who = import_trim(p);
		if (*who) {
			long long id = person_of(im, who, col_msg[C_PRESENT + g]);
			for (int i = 0; id && i < *nseen; i++)
				if ((*seen)[i] == id) {
					import_row_bad(&im->sh, msg(M_MI_TWICE), who, (*seen_by)[i], msg(col_msg[C_PRESENT + g]));
					id = 0;
				}
			if (id) {
				*seen = xrealloc(*seen, (size_t)(*nseen + 1) * sizeof **seen);
				(*seen)[*nseen] = id;
				*seen_by = xrealloc(*seen_by, (size_t)(*nseen + 1) * sizeof **seen_by);
				(*seen_by)[*nseen] = msg(col_msg[C_PRESENT + g]);
				(*nseen)++;
				row->people[g] = xrealloc(row->people[g],
							  (size_t)(row->npeople[g] + 1) * sizeof(long long));
				row->people[g][row->npeople[g]++] = id;
			}
		}
		*end = save;
		p = *end ? end + sep : end;
	}
}

static void row_free(struct mrow *r)
{
	free(r->title);
	for (int g = 0; g < 3; g++)
		free(r->people[g]);
}

static void import_row(struct import_sheet *sh, const struct csv_record *rec)
{
	struct mimporter *im = (struct mimporter *)sh;
	struct mrow row;
	memset(&row, 0, sizeof row);
	row.line = rec->line;
	sb_reset(&im->sh.why);
	im->res->rows++;

	char *org = field(im, rec, C_ORG);
	if (!*org) {
		import_row_bad(&im->sh, "%s", msg(M_MI_NO_ORG));
	} else {
		struct strbuf e = {0};
		if (qd_find_org(im->q, org, &row.org_id, &e) != QD_OK) {
			import_row_bad(&im->sh, "%s", e.s ? e.s : "");
			row.org_id = 0;
		} else if (!qd_is_meeting_recorder(im->q, row.org_id)) {
			/* a dry run opens the file read-only: the right is checked, not the mode */
			import_row_bad(&im->sh, msg(M_MI_DENIED), org, im->q->actor_name ? im->q->actor_name : "");
		}
		sb_free(&e);
	}
	char *type = field(im, rec, C_TYPE);
	row.type = *type ? meeting_type_parse(type) : -1;
	if (!*type)
		import_row_bad(&im->sh, "%s", msg(M_MI_NO_TYPE));
	else if (row.type < 0)
		import_row_bad(&im->sh, msg(M_MEETING_BAD_TYPE), type);
	char *on = field(im, rec, C_DATE);
	int day;
	if (!*on)
		import_row_bad(&im->sh, "%s", msg(M_MI_NO_DATE));
	else if (date_parse(on, &day) != 0)
		import_row_bad(&im->sh, msg(M_BAD_DATE), on);
	else
		date_format(day, row.on);
	row.title = xstrdup(field(im, rec, C_TOPIC));
	char *host = field(im, rec, C_HOST), *rec_by = field(im, rec, C_RECORDER);
	if (*host)
		row.host_id = person_of(im, host, M_MI_COL_HOST);
	if (*rec_by)
		row.recorder_id = person_of(im, rec_by, M_MI_COL_RECORDER);
	long long *seen = NULL;
	const char **seen_by = NULL;
	int nseen = 0;
	for (int g = 0; g < 3; g++)
		names_of(im, field(im, rec, C_PRESENT + g), g, &row, &seen_by, &seen, &nseen);
	free(seen);
	free(seen_by);

	if (im->sh.why.len) {
		im->res->bad_rows++;
		import_report(&im->sh, IMPORT_ERROR, msg(M_IO_ROW), im->sh.r->path, rec->line, im->sh.why.s);
		row_free(&row);
		return;
	}
	im->res->meetings++;
	for (int g = 0; g < 3; g++)
		im->res->attendance += row.npeople[g];
	im->rows = xrealloc(im->rows, (size_t)(im->nrows + 1) * sizeof *im->rows);
	im->rows[im->nrows++] = row;
}

static enum qd_status write_rows(struct mimporter *im, struct strbuf *err)
{
	struct qd *q = im->q;
	enum qd_status s = qd_batch_begin(q, err);
	if (s != QD_OK)
		return s;
	for (int i = 0; i < im->nrows && s == QD_OK; i++) {
		struct mrow *r = &im->rows[i];
		struct meeting_fields f = MEETING_FIELDS_INIT;
		f.org_id = r->org_id;
		f.type = r->type;
		f.on = r->on;
		f.title = r->title;
		f.host_id = r->host_id;
		f.recorder_id = r->recorder_id;
		long long id = 0;
		struct strbuf e = {0};
		s = qd_meeting_add(q, &f, &id, &e);
		for (int g = 0; g < 3 && s == QD_OK; g++)
			if (r->npeople[g])
				s = qd_meeting_attend(q, id, r->people[g], r->npeople[g], group_status[g],
						      NULL, &e);
		if (s != QD_OK) {
			import_report(&im->sh, IMPORT_ERROR, msg(M_IO_ROW), im->sh.r->path, r->line, e.s ? e.s : "");
			im->res->bad_rows++;
		}
		sb_free(&e);
	}
	return qd_batch_end(q, s, err);
}

enum qd_status io_import_meetings(struct qd *q, const struct import_request *r,
				  struct meeting_import_result *res, struct strbuf *err)
{
	struct mimporter im = {.q = q, .res = res};
	im.sh = (struct import_sheet){.r = r, .is_header = looks_like_header, .header = read_header,
				       .row = import_row, .no_header = M_MI_NO_HEADER};
	memset(res, 0, sizeof *res);
	res->encoding = "";
	enum qd_status s = import_sheet_file(&im.sh, &res->encoding, err);
	if (s == QD_OK && res->bad_rows) {
		sb_printf(err, msg(M_MI_REFUSED), r->path, (int)res->bad_rows);
		s = QD_INVALID;
	} else if (s == QD_OK && !im.nrows) {
		sb_printf(err, msg(M_MI_EMPTY), r->path);
		s = QD_INVALID;
	} else if (s == QD_OK && !r->dry_run) {
		s = write_rows(&im, err);
		if (s != QD_OK && res->bad_rows && !err->len)
			sb_printf(err, msg(M_MI_REFUSED), r->path, (int)res->bad_rows);
	}
	if (s != QD_OK) {
		res->meetings = 0;
		res->attendance = 0;
	}
	for (int i = 0; i < im.nrows; i++)
		row_free(&im.rows[i]);
	free(im.rows);
	import_sheet_free(&im.sh);
	return s;
}

/* demo_meeting.c — the demo year's 组织生活 ledger (data/demo/meetings.tsv,
 * format in data/demo/README.md), entered through the meeting model as a
 * branch's 组织委员 would: the people's Party standing and committee role
 * (read from their posts), then each meeting with its attendance.  Some
 * periods are met, branch 1's March 支委会 is missing, its first-quarter
 * 支部党员大会 is short of quorum and 蔡明亮 attends nothing, so every
 * colour of the TUI's grid and the members at risk have something to show.
 * Called by demo_load() (demo.c), which holds the transaction and acts
 * with q->system set. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/demo.h"
#include "qingdan/meeting.h"
#include "qingdan/msg.h"
#include "qingdan/store.h"

extern const unsigned char demo_meetings_tsv[];

enum { F_ORG, F_TYPE, F_ON, F_TITLE, F_HOST, F_RECORDER, F_HOURS, F_PRESENT, F_LEAVE, F_ABSENT,
       F__COUNT };

struct loader {
	struct qd *q;
	struct strbuf *err;
	enum qd_status status;
};

/* "王伟#2" of the demo files (demo_person). */
static long long person(struct loader *l, const char *ref)
{
	long long id = demo_person(l->q, ref);
	if (!id && l->status == QD_OK) {
		sb_printf(l->err, msg(M_PERSON_NOT_FOUND), ref);
		l->status = QD_NOTFOUND;
	}
	return id;
}

/* Standing and committee role from the post ("组织委员、人事处副处长"). */
static void members(struct loader *l)
{
	static const struct {
		const char *post;
		enum committee_role role;
	} roles[] = {{"支部书记", CR_SECRETARY}, {"支部副书记", CR_DEPUTY},
		     {"组织委员", CR_ORGANIZATION}, {"宣传委员", CR_PUBLICITY},
		     {"纪检委员", CR_DISCIPLINE}};
	for (long long id = 1; l->status == QD_OK; id++) {
		struct person p;
		if (qd_get_person(l->q, id, &p) != QD_OK)
			break;
		int party = strstr(p.post ? p.post : "", "预备党员") ? PS_PROBATIONARY : -1;
		int committee = -1;
		for (size_t i = 0; i < ARRAY_SIZE(roles); i++)
			if (p.post && strncmp(p.post, roles[i].post, strlen(roles[i].post)) == 0)
				committee = roles[i].role;
		if (party >= 0 || committee >= 0)
			l->status = qd_member_set(l->q, id, party, committee, NULL, l->err);
		person_clear(&p);
	}
}

/* The names of a cell (、-separated) as ids; *ids malloc'd. */
static int people(struct loader *l, const char *cell, long long **ids)
{
	char *copy = xstrdup(cell), *save = copy;
	int n = 0;
	*ids = NULL;
	const char *sep = "、";
	while (*save && l->status == QD_OK) {
		char *end = strstr(save, sep);
		if (end)
			*end = '\0';
		if (*save) {
			*ids = xrealloc(*ids, (size_t)(n + 1) * sizeof **ids);
			(*ids)[n++] = person(l, save);
		}
		save = end ? end + strlen(sep) : save + strlen(save);
	}
	free(copy);
	return n;
}

static void meeting_row(struct loader *l, char **f, int year, int today)
{
	char on[16];
	int day;
	snprintf(on, sizeof on, "%d%s", year, f[F_ON] + 4);   /* YEAR-MM-DD */
	if (date_parse(on, &day) != 0 || day > today)
		return;   /* not held yet */
	struct meeting_fields mf = MEETING_FIELDS_INIT;
	long long org = 0, id = 0;
	if ((l->status = qd_find_org(l->q, f[F_ORG], &org, l->err)) != QD_OK)
		return;
	mf.org_id = org;
	mf.type = meeting_type_parse(f[F_TYPE]);
	mf.on = on;
	mf.title = f[F_TITLE];
	mf.host_id = *f[F_HOST] ? person(l, f[F_HOST]) : 0;
	mf.recorder_id = *f[F_RECORDER] ? person(l, f[F_RECORDER]) : 0;
	mf.hours = *f[F_HOURS] ? f[F_HOURS] : NULL;
	mf.starts = "14:30";
	mf.place = "机关三楼党员活动室";
	if (l->status == QD_OK)
		l->status = qd_meeting_add(l->q, &mf, &id, l->err);
	static const int status[3] = {AT_PRESENT, AT_LEAVE, AT_ABSENT};
	for (int g = 0; g < 3 && l->status == QD_OK; g++) {
		long long *ids = NULL;
		int n = people(l, f[F_PRESENT + g], &ids);
		if (n && l->status == QD_OK)
			l->status = qd_meeting_attend(l->q, id, ids, n, status[g],
						      status[g] == AT_LEAVE ? "因公出差" : NULL, l->err);
		free(ids);
	}
	if (l->status == QD_OK && mf.type != MT_COMMITTEE) {
		char text[64];
		snprintf(text, sizeof text, "签到表、会议照片：党建档案 %d-%lld", year, id);
		l->status = qd_meeting_note(l->q, id, on, "signin", text, l->err);
	}
}

enum qd_status meeting_demo_load(struct qd *q, struct strbuf *err)
{
	struct loader l = {q, err, QD_OK};
	members(&l);
	char *buf = xstrdup((const char *)demo_meetings_tsv);
	int today = demo_day(q, 0);
	char *line = strchr(buf, '\n');   /* after the header */
	while (line && l.status == QD_OK) {
		char *start = line + 1;
		line = strchr(start, '\n');
		if (line)
			*line = '\0';
		if (!*start)
			continue;
		char *f[F__COUNT];
		static char empty[1];
		char *p = start;
		for (int i = 0; i < F__COUNT; i++) {
			f[i] = p ? p : empty;
			if (p && (p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		meeting_row(&l, f, q->year, today);
	}
	free(buf);
	return l.status;
}

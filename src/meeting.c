/* meeting.c — the rules of the 组织生活 ledger's records (meeting.h): the
 * codes and labels, periods and quorum rules, Party members, meetings and
 * who is expected at them, attendance, evidence, item links and the
 * rules of how often each meeting is due.  The year checked against the
 * rules is meeting_check.c.
 *
 * Each write runs inside model_begin()/model_end(): it re-reads what it
 * changes inside the transaction, checks the actor's right on what it
 * read (admin, or the org's recorder: 书记, 副书记 or 组织委员), writes
 * with the version it read, and appends the audit row before commit; a
 * refused or failed change writes nothing. */
#include "qingdan/meeting.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_impl.h"
#include "model_impl.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/pledge.h"
#include "qingdan/store.h"
#include "qingdan/store_meeting.h"

/* ---- codes and labels ---- */

static int parse_of(const char *s, const char *const *codes, const char *const *zh, int n)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, codes[i]) == 0 || (zh[i][0] && strcmp(s, zh[i]) == 0))
			return i;
	return -1;
}

static const char *const type_codes[MT__COUNT] = {
	"members", "committee", "group", "lecture", "theme-day", "org-life", "democratic-life",
	"review", "study-group", "training", "council", "double-report", "talk", "other"};
static const char *const type_zh[MT__COUNT] = {
	"支部党员大会", "支委会", "党小组会", "党课", "主题党日", "组织生活会", "民主生活会",
	"民主评议党员", "中心组学习", "专题培训", "党建工作例会", "双报到", "谈心谈话", "其他"};
static const enum msg_id type_msgs[MT__COUNT] = {
	M_MT_MEMBERS, M_MT_COMMITTEE, M_MT_GROUP, M_MT_LECTURE, M_MT_THEME_DAY, M_MT_ORG_LIFE,
	M_MT_DEMOCRATIC_LIFE, M_MT_REVIEW, M_MT_STUDY_GROUP, M_MT_TRAINING, M_MT_COUNCIL,
	M_MT_DOUBLE_REPORT, M_MT_TALK, M_MT_OTHER};

const char *meeting_type_code(enum meeting_type t)
{
	return (unsigned)t < MT__COUNT ? type_codes[t] : "?";
}

const char *meeting_type_label(enum meeting_type t)
{
	return (unsigned)t < MT__COUNT ? msg(type_msgs[t]) : "?";
}

int meeting_type_parse(const char *s)
{
	int t = parse_of(s, type_codes, type_zh, MT__COUNT);
	static const struct {
		const char *alias;
		enum meeting_type t;
	} aliases[] = {{"党员大会", MT_MEMBERS}, {"培训", MT_TRAINING}, {"党建例会", MT_COUNCIL},
		       {"例会", MT_COUNCIL}, {"党建工作例会", MT_COUNCIL}};
	for (size_t i = 0; t < 0 && i < ARRAY_SIZE(aliases); i++)
		if (str_eq(s, aliases[i].alias))
			t = (int)aliases[i].t;
	return t;
}

int meeting_type_is_org_life(enum meeting_type t)
{
	return (unsigned)t <= MT_REVIEW;
}

static const char *const attend_codes[AT__COUNT] = {"present", "leave", "absent", "late", "observer"};
static const char *const attend_zh[AT__COUNT] = {"出席", "请假", "缺席", "迟到", "列席"};
static const enum msg_id attend_msgs[AT__COUNT] = {M_AT_PRESENT, M_AT_LEAVE, M_AT_ABSENT,
						   M_AT_LATE, M_AT_OBSERVER};

const char *attend_code(enum attend_status s)
{
	return (unsigned)s < AT__COUNT ? attend_codes[s] : "?";
}

const char *attend_label(enum attend_status s)
{
	return (unsigned)s < AT__COUNT ? msg(attend_msgs[s]) : "?";
}

int attend_parse(const char *s)
{
	int a = parse_of(s, attend_codes, attend_zh, AT__COUNT);
	if (a < 0 && str_eq(s, "到会"))
		a = AT_PRESENT;
	return a;
}

static const char *const party_codes[PS__COUNT] = {"full", "probationary", "none"};
static const char *const party_zh[PS__COUNT] = {"正式党员", "预备党员", "群众"};
static const enum msg_id party_msgs[PS__COUNT] = {M_PS_FULL, M_PS_PROBATIONARY, M_PS_NONE};

const char *party_code(enum party_standing p)
{
	return (unsigned)p < PS__COUNT ? party_codes[p] : "?";
}

const char *party_label(enum party_standing p)
{
	return (unsigned)p < PS__COUNT ? msg(party_msgs[p]) : "?";
}

int party_parse(const char *s)
{
	return parse_of(s, party_codes, party_zh, PS__COUNT);
}

static const char *const committee_codes[CR__COUNT] = {
	"", "secretary", "deputy", "organization", "publicity", "discipline", "member"};
static const char *const committee_zh[CR__COUNT] = {
	"", "书记", "副书记", "组织委员", "宣传委员", "纪检委员", "委员"};
static const enum msg_id committee_msgs[CR__COUNT] = {
	0, M_CR_SECRETARY, M_CR_DEPUTY, M_CR_ORGANIZATION, M_CR_PUBLICITY, M_CR_DISCIPLINE,
	M_CR_MEMBER};

const char *committee_code(enum committee_role r)
{
	return (unsigned)r < CR__COUNT ? committee_codes[r] : "?";
}

const char *committee_label(enum committee_role r)
{
	if (r == CR_NONE)
		return "";
	return (unsigned)r < CR__COUNT ? msg(committee_msgs[r]) : "?";
}

int committee_parse(const char *s)
{
	if (!s)
		return -1;
	if (!*s || strcmp(s, "none") == 0 || strcmp(s, "无") == 0)
		return CR_NONE;
	if (strcmp(s, "organisation") == 0)
		return CR_ORGANIZATION;
	if (strcmp(s, "支部书记") == 0)
		return CR_SECRETARY;
	return parse_of(s, committee_codes, committee_zh, CR__COUNT);
}

static const char *const period_codes[PK__COUNT] = {"month", "quarter", "half", "year"};
static const char *const period_zh[PK__COUNT] = {"每月", "每季度", "每半年", "每年"};
static const enum msg_id period_msgs[PK__COUNT] = {M_PK_MONTH, M_PK_QUARTER, M_PK_HALF, M_PK_YEAR};

const char *period_kind_code(enum period_kind k)
{
	return (unsigned)k < PK__COUNT ? period_codes[k] : "?";
}

const char *period_kind_label(enum period_kind k)
{
	return (unsigned)k < PK__COUNT ? msg(period_msgs[k]) : "?";
}

int period_kind_parse(const char *s)
{
	int k = parse_of(s, period_codes, period_zh, PK__COUNT);
	if (k < 0 && (str_eq(s, "月") || str_eq(s, "monthly")))
		k = PK_MONTH;
	else if (k < 0 && (str_eq(s, "季度") || str_eq(s, "quarterly")))
		k = PK_QUARTER;
	else if (k < 0 && (str_eq(s, "半年") || str_eq(s, "half-year")))
		k = PK_HALF;
	else if (k < 0 && (str_eq(s, "年") || str_eq(s, "yearly")))
		k = PK_YEAR;
	return k;
}

int period_count(enum period_kind k)
{
	static const int count[PK__COUNT] = {12, 4, 2, 1};
	return (unsigned)k < PK__COUNT ? count[k] : 1;
}

void period_of(enum period_kind k, int year, int i, char *name, char *first, char *last)
{
	int months = 12 / period_count(k);
	if (i < 0 || i >= period_count(k))
		i = 0;
	int m0 = i * months + 1, m1 = m0 + months;   /* m1: the month after */
	year = year < 1 ? 1 : year > 9999 ? 9999 : year;
	switch (k) {
	case PK_MONTH:
		snprintf(name, 12, "%04d-%02d", year % 10000, m0 % 100);
		break;
	case PK_QUARTER:
		snprintf(name, 12, "%04d-Q%d", year % 10000, (i + 1) % 10);
		break;
	case PK_HALF:
		snprintf(name, 12, "%04d-H%d", year % 10000, (i + 1) % 10);
		break;
	default:
		snprintf(name, 12, "%04d", year % 10000);
		break;
	}
	date_format(date_from_ymd(year, m0, 1), first);
	int next = m1 > 12 ? date_from_ymd(year + 1, 1, 1) : date_from_ymd(year, m1, 1);
	date_format(next - 1, last);
}

/* ---- quorum ---- */

static long long gcd(long long a, long long b)
{
	while (b) {
		long long t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* A stored rule into its parts: ge 1 for ">=", num/den; 0 for none, -1 bad. */
static int rule_parts(const char *rule, int *ge, long long *num, long long *den)
{
	if (str_empty(rule))
		return 0;
	const char *p = rule;
	*ge = 0;
	if (p[0] == '>' && p[1] == '=') {
		*ge = 1;
		p += 2;
	} else if (p[0] == '>') {
		p++;
	} else {
		return -1;
	}
	char *end;
	errno = 0;
	*num = strtoll(p, &end, 10);
	if (end == p || *end != '/' || errno)
		return -1;
	p = end + 1;
	*den = strtoll(p, &end, 10);
	if (end == p || *end || errno || *den <= 0 || *num <= 0 || *num > *den)
		return -1;
	return 1;
}

int quorum_parse(const char *s, char *canon, size_t cap)
{
	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	if (!*s) {
		if (canon && cap)
			canon[0] = '\0';
		return 0;
	}
	int ge = 1;
	if (strncmp(s, ">=", 2) == 0) {
		s += 2;
	} else if (strncmp(s, "≥", strlen("≥")) == 0) {
		s += strlen("≥");
	} else if (strncmp(s, "＞", strlen("＞")) == 0) {
		s += strlen("＞");
		ge = 0;
	} else if (*s == '>') {
		s++;
		ge = 0;
	}
	while (*s == ' ')
		s++;
	long long num = 0, den = 1;
	const char *p = s;
	int digits = 0, point = 0;
	for (; *p && (isdigit((unsigned char)*p) || (*p == '.' && !point)); p++) {
		if (*p == '.') {
			point = 1;
			continue;
		}
		if (++digits > 9)
			return -1;
		num = num * 10 + (*p - '0');
		if (point)
			den *= 10;
	}
	if (!digits)
		return -1;
	while (*p == ' ')
		p++;
	if (*p == '%' && !p[1]) {
		den *= 100;
	} else if (*p == '/' && !point) {
		char *end;
		errno = 0;
		long long d = strtoll(p + 1, &end, 10);
		while (*end == ' ')
			end++;
		if (end == p + 1 || *end || errno || d <= 0 || d > 1000000)
			return -1;
		den = d;
	} else if (*p) {
		return -1;
	}
	if (num <= 0 || num > den)
		return -1;
	long long g = gcd(num, den);
	num /= g;
	den /= g;
	char buf[48];
	int len = snprintf(buf, sizeof buf, "%s%lld/%lld", ge ? ">=" : ">", num, den);
	if (len < 0 || (size_t)len >= cap || !canon)
		return -1;
	memcpy(canon, buf, (size_t)len + 1);
	return 0;
}

enum quorum_state quorum_check(const char *rule, int present, int expected)
{
	int ge;
	long long num, den;
	if (expected <= 0 || rule_parts(rule, &ge, &num, &den) <= 0)
		return QS_NA;
	long long lhs = (long long)present * den, rhs = (long long)expected * num;
	return (ge ? lhs >= rhs : lhs > rhs) ? QS_OK : QS_SHORT;
}

const char *quorum_code(enum quorum_state s)
{
	return s == QS_OK ? "ok" : s == QS_SHORT ? "short" : "n/a";
}

const char *quorum_label(enum quorum_state s)
{
	return msg(s == QS_OK ? M_QS_OK : s == QS_SHORT ? M_QS_SHORT : M_QS_NA);
}

char *quorum_text(const char *rule)
{
	int ge;
	long long num, den;
	if (rule_parts(rule, &ge, &num, &den) <= 0)
		return xstrdup("");
	char frac[48];
	if (num == 1 && den == 2)
		snprintf(frac, sizeof frac, "%s", msg(M_QUORUM_HALF));
	else if (num == 2 && den == 3)
		snprintf(frac, sizeof frac, "%s", msg(M_QUORUM_TWO_THIRDS));
	else
		snprintf(frac, sizeof frac, "%lld/%lld", num, den);
	return xasprintf(msg(ge ? M_QUORUM_ATLEAST : M_QUORUM_MORE), frac);
}

/* ---- evidence kinds ---- */

static const char *const note_codes[] = {"", "minutes", "signin", "photo", "file"};
static const char *const note_zh[] = {"", "会议记录", "签到表", "照片", "材料"};
static const enum msg_id note_msgs[] = {0, M_MN_MINUTES, M_MN_SIGNIN, M_MN_PHOTO, M_MN_FILE};

int meeting_note_kind_parse(const char *s)
{
	if (!s || !*s)
		return 0;
	int k = parse_of(s, note_codes, note_zh, (int)ARRAY_SIZE(note_codes));
	if (k < 0 && str_eq(s, "sign-in"))
		k = 2;
	return k;
}

const char *meeting_note_kind_label(const char *code)
{
	int k = meeting_note_kind_parse(code);
	return k > 0 ? msg(note_msgs[k]) : "";
}

/* ---- small helpers ---- */

static const char *today_iso(char *buf)
{
	return date_format(date_today(), buf);
}

static enum qd_status need_writable(struct qd *q, struct strbuf *err)
{
	if (db_readonly(q->db)) {
		sb_puts(err, msg(M_READONLY));
		return QD_DENIED;
	}
	return QD_OK;
}

/* Text of one line a person types (a cell, a time): no control characters. */
static int plain_line(const char *s, size_t max)
{
	if (strlen(s) > max)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* ---- members ---- */

void member_clear(struct member *m)
{
	xfree(&m->cell);
}

enum qd_status qd_member_get(struct qd *q, long long person_id, struct member *m,
			     struct strbuf *err)
{
	struct person p = {0};
	memset(m, 0, sizeof *m);
	if (qd_get_person(q, person_id, &p) != QD_OK) {
		if (err)
			sb_printf(err, msg(M_MEETING_NO_PERSON), person_id);
		m->cell = xstrdup("");
		return QD_NOTFOUND;
	}
	person_clear(&p);
	enum qd_status s = store_member_get(q->db, person_id, m);
	if (s == QD_DBERROR)
		return db_error(q->db, err);
	return QD_OK;
}

enum qd_status qd_member_set(struct qd *q, long long person_id, int party, int committee,
			     const char *cell, struct strbuf *err)
{
	struct member m = {0};
	enum qd_status s = model_need_admin(q, M_MACT_MEMBER, err);
	if (s == QD_OK && party >= PS__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_PARTY), "?");
		s = QD_INVALID;
	}
	if (s == QD_OK && committee >= CR__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_COMMITTEE), "?");
		s = QD_INVALID;
	}
	if (s == QD_OK && cell && !plain_line(cell, 100)) {
		sb_printf(err, msg(M_MEETING_BAD_CELL), "…");
		s = QD_INVALID;
	}
	if (s == QD_OK && party < 0 && committee < 0 && !cell) {
		sb_puts(err, msg(M_NOTHING_TO_CHANGE));
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = qd_member_get(q, person_id, &m, err);
	int np = party >= 0 ? party : (int)m.party, nc = committee >= 0 ? committee : (int)m.committee;
	const char *ncell = cell ? cell : m.cell;
	char *before = s == QD_OK ? store_canon(q->db, "member", person_id) : NULL;
	int same = before && np == (int)m.party && nc == (int)m.committee && str_eq(ncell, m.cell);
	if (s == QD_OK && !same) {
		s = store_member_put(q->db, person_id, party_code((enum party_standing)np),
				     committee_code((enum committee_role)nc), ncell);
		if (s == QD_OK)
			s = qd_audit(q, "set", "member", person_id, before, NULL, err);
		else
			db_error(q->db, err);
	}
	free(before);
	member_clear(&m);
	return model_end(q, s, err);
}

/* ---- meetings: reading and the derived counts ---- */

void meeting_clear(struct meeting *m)
{
	char **s[] = {&m->org_name, &m->org_level, &m->on_date, &m->starts, &m->title, &m->place,
		      &m->cell, &m->summary, &m->decisions, &m->host_name, &m->recorder_name,
		      &m->created_at, &m->updated_at, &m->deleted_at, &m->quorum_rule};
	for (size_t i = 0; i < ARRAY_SIZE(s); i++)
		xfree(s[i]);
}

void meetings_free(struct meeting *ms, int n)
{
	for (int i = 0; i < n; i++)
		meeting_clear(&ms[i]);
	free(ms);
}

void attendees_free(struct attendee *a, int n)
{
	for (int i = 0; i < n; i++) {
		free(a[i].name);
		free(a[i].post);
		free(a[i].org_name);
		free(a[i].reason);
	}
	free(a);
}

void meeting_notes_free(struct meeting_note *n, int count)
{
	for (int i = 0; i < count; i++) {
		free(n[i].on_date);
		free(n[i].person_name);
		free(n[i].kind);
		free(n[i].text);
	}
	free(n);
}

/* Who a type expects (meeting.h's head). */
enum expect_class { EX_NONE, EX_PARTY, EX_COMMITTEE, EX_GROUP, EX_LEADERS };

static enum expect_class expect_class(enum meeting_type t)
{
	switch (t) {
	case MT_MEMBERS:
	case MT_LECTURE:
	case MT_THEME_DAY:
	case MT_ORG_LIFE:
	case MT_REVIEW:
		return EX_PARTY;
	case MT_COMMITTEE:
		return EX_COMMITTEE;
	case MT_GROUP:
		return EX_GROUP;
	case MT_DEMOCRATIC_LIFE:
	case MT_STUDY_GROUP:
		return EX_LEADERS;
	default:
		return EX_NONE;
	}
}

static int is_party(const struct store_mperson *p)
{
	return p->party == PS_FULL || p->party == PS_PROBATIONARY;
}

enum qd_status meeting_expected_people(struct qd *q, long long org_id, const char *org_level,
				       enum meeting_type type, const char *cell,
				       struct store_mperson **out, int *n)
{
	enum expect_class c = expect_class(type);
	*out = NULL;
	*n = 0;
	if (c == EX_NONE)
		return QD_OK;
	struct store_mperson *all = NULL;
	int na = 0;
	enum qd_status s = store_meeting_people(q->db, org_id, c == EX_LEADERS, &all, &na);
	if (s != QD_OK)
		return s;
	int party_group = str_eq(org_level, level_code(LV_PARTY_GROUP));
	int k = 0;
	for (int i = 0; i < na; i++) {
		struct store_mperson *p = &all[i];
		int keep;
		switch (c) {
		case EX_PARTY:
			keep = is_party(p);
			break;
		case EX_COMMITTEE:
			keep = is_party(p) && p->committee != CR_NONE;
			break;
		case EX_GROUP:
			keep = is_party(p) && (str_empty(cell) || str_eq(p->cell, cell));
			break;
		default:
			/* the 党组's own people (not every org under it: 机关党委
			 * and its branches are), and the posts that say 党组… */
			keep = (party_group && p->org_id == org_id) ||
			       pledge_post_matches(p->post, "班子成员");
			break;
		}
		if (keep) {
			all[k++] = *p;
		} else {
			struct store_mperson *drop = p;
			free(drop->name);
			free(drop->post);
			free(drop->org_name);
			free(drop->cell);
			free(drop->reason);
		}
	}
	*out = all;
	*n = k;
	return QD_OK;
}

static int mperson_order(const struct store_mperson *a, const struct store_mperson *b)
{
	if (a->sort_null != b->sort_null)
		return a->sort_null - b->sort_null;
	if (a->sort != b->sort)
		return a->sort < b->sort ? -1 : 1;
	if (a->org_key != b->org_key)
		return a->org_key < b->org_key ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

struct slot {
	struct store_mperson *p;
	int status, recorded, expected, voting;
	const char *reason;
};

static int slot_cmp(const void *x, const void *y)
{
	const struct slot *a = x, *b = y;
	if (a->expected != b->expected)
		return b->expected - a->expected;
	return mperson_order(a->p, b->p);
}

static int by_person(const void *x, const void *y)
{
	const struct store_mperson *const *a = x, *const *b = y;
	return (*a)->id < (*b)->id ? -1 : (*a)->id > (*b)->id;
}

/* The attendees of meeting m given its expected people E and its rows R;
 * fills m's derived counts; *out (when out) malloc'd. */
static void combine(struct meeting *m, struct store_mperson *E, int ne, struct store_mperson *R,
		    int nr, struct attendee **out, int *n)
{
	struct store_mperson **idx = nr ? xmalloc((size_t)nr * sizeof *idx) : NULL;
	char *used = nr ? xcalloc((size_t)nr, 1) : NULL;
	for (int i = 0; i < nr; i++)
		idx[i] = &R[i];
	if (nr > 1)
		qsort(idx, (size_t)nr, sizeof *idx, by_person);
	struct slot *sl = xmalloc((size_t)(ne + nr + 1) * sizeof *sl);
	int ns = 0;
	for (int i = 0; i < ne; i++) {
		struct store_mperson key = {.id = E[i].id}, *kp = &key;
		struct store_mperson **hit = nr ? bsearch(&kp, idx, (size_t)nr, sizeof *idx, by_person) : NULL;
		struct slot *s = &sl[ns++];
		s->p = &E[i];
		s->recorded = hit != NULL;
		s->status = hit ? (*hit)->status : AT_ABSENT;
		s->reason = hit ? (*hit)->reason : NULL;
		s->expected = s->status != AT_OBSERVER;
		if (hit)
			used[*hit - R] = 1;
	}
	for (int i = 0; i < nr; i++) {
		if (used[i])
			continue;
		struct slot *s = &sl[ns++];
		s->p = &R[i];
		s->recorded = 1;
		s->status = R[i].status < 0 ? AT_ABSENT : R[i].status;
		s->reason = R[i].reason;
		s->expected = s->status != AT_OBSERVER;
	}
	qsort(sl, (size_t)ns, sizeof *sl, slot_cmp);
	m->expected = m->present = m->leave = m->absent = m->late = m->observers = 0;
	m->voting_expected = m->voting_present = 0;
	for (int i = 0; i < ns; i++) {
		struct slot *s = &sl[i];
		s->voting = s->expected && s->p->party == PS_FULL;
		if (!s->expected) {
			m->observers++;
			continue;
		}
		m->expected++;
		int here = s->status == AT_PRESENT || s->status == AT_LATE;
		m->present += here;
		m->late += s->status == AT_LATE;
		m->leave += s->status == AT_LEAVE;
		m->absent += s->status == AT_ABSENT;
		m->voting_expected += s->voting;
		m->voting_present += s->voting && here;
	}
	m->quorum = quorum_check(m->quorum_rule, m->voting_present, m->voting_expected);
	if (out) {
		*out = xcalloc((size_t)ns + 1, sizeof **out);
		for (int i = 0; i < ns; i++) {
			struct attendee *a = &(*out)[i];
			a->person_id = sl[i].p->id;
			a->name = xstrdup(sl[i].p->name ? sl[i].p->name : "");
			a->post = xstrdup(sl[i].p->post ? sl[i].p->post : "");
			a->org_name = xstrdup(sl[i].p->org_name ? sl[i].p->org_name : "");
			a->status = (enum attend_status)sl[i].status;
			a->recorded = sl[i].recorded;
			a->expected = sl[i].expected;
			a->voting = sl[i].voting;
			a->reason = xstrdup(sl[i].reason ? sl[i].reason : "");
		}
		*n = ns;
	}
	free(sl);
	free(idx);
	free(used);
}

/* Fill m's derived counts (and *out, when out). */
static enum qd_status derive(struct qd *q, struct meeting *m, struct store_mperson *E, int ne,
			     struct attendee **out, int *n)
{
	struct store_mperson *R = NULL;
	int nr = 0;
	enum qd_status s = store_attendance_of(q->db, m->id, &R, &nr);
	if (s == QD_OK)
		combine(m, E, ne, R, nr, out, n);
	store_mpeople_free(R, nr);
	return s;
}

static enum qd_status derive_one(struct qd *q, struct meeting *m, struct attendee **out, int *n)
{
	struct store_mperson *E = NULL;
	int ne = 0;
	enum qd_status s = meeting_expected_people(q, m->org_id, m->org_level, m->type, m->cell, &E,
						   &ne);
	if (s == QD_OK)
		s = derive(q, m, E, ne, out, n);
	store_mpeople_free(E, ne);
	return s;
}

enum qd_status qd_meeting_get(struct qd *q, long long id, struct meeting *m, struct strbuf *err)
{
	memset(m, 0, sizeof *m);
	enum qd_status s = store_meeting_get(q->db, id, m);
	if (s == QD_NOTFOUND) {
		if (err)
			sb_printf(err, msg(M_MEETING_NOT_FOUND), id);
		return s;
	}
	if (s == QD_OK)
		s = derive_one(q, m, NULL, NULL);
	if (s != QD_OK) {
		meeting_clear(m);
		return db_error(q->db, err);
	}
	return QD_OK;
}

/* The expected people of each (org, type class, cell) a listing meets, once. */
struct expect_cache {
	long long org_id;
	enum expect_class c;
	char *cell;
	struct store_mperson *E;
	int ne;
};

/* with R (nr rows, by meeting id) the attendance of all of ms, else one
 * query a meeting */
static enum qd_status derive_all(struct qd *q, struct meeting *ms, int n, int batched,
				 struct store_mperson *R, int nr)
{
	struct expect_cache *cache = NULL;
	int nc = 0;
	enum qd_status s = QD_OK;
	for (int i = 0; i < n && s == QD_OK; i++) {
		struct meeting *m = &ms[i];
		enum expect_class c = expect_class(m->type);
		const char *cell = c == EX_GROUP ? (m->cell ? m->cell : "") : "";
		struct expect_cache *hit = NULL;
		for (int k = 0; k < nc && !hit; k++)
			if (cache[k].org_id == m->org_id && cache[k].c == c && str_eq(cache[k].cell, cell))
				hit = &cache[k];
		if (!hit) {
			cache = xrealloc(cache, (size_t)(nc + 1) * sizeof *cache);
			hit = &cache[nc++];
			memset(hit, 0, sizeof *hit);
			hit->org_id = m->org_id;
			hit->c = c;
			hit->cell = xstrdup(cell);
			s = meeting_expected_people(q, m->org_id, m->org_level, m->type, cell, &hit->E,
						    &hit->ne);
		}
		if (s == QD_OK && !batched) {
			s = derive(q, m, hit->E, hit->ne, NULL, NULL);
		} else if (s == QD_OK) {
			int lo = 0, hi = nr;   /* the first row of m, then past its last */
			while (lo < hi) {
				int mid = lo + (hi - lo) / 2;
				if (R[mid].meeting_id < m->id)
					lo = mid + 1;
				else
					hi = mid;
			}
			int end = lo;
			while (end < nr && R[end].meeting_id == m->id)
				end++;
			combine(m, hit->E, hit->ne, R + lo, end - lo, NULL, NULL);
		}
	}
	for (int k = 0; k < nc; k++) {
		free(cache[k].cell);
		store_mpeople_free(cache[k].E, cache[k].ne);
	}
	free(cache);
	return s;
}

enum qd_status qd_meeting_list(struct qd *q, const struct meeting_filter *f, struct meeting **out,
			       int *n, struct strbuf *err)
{
	struct meeting_filter any = MEETING_FILTER_INIT;
	enum qd_status s = store_meeting_list(q->db, f ? f : &any, out, n);
	struct store_mperson *R = NULL;
	int nr = 0;
	/* many meetings: their attendance in one query, of the dates they span */
	if (s == QD_OK && *n > 4)
		s = store_attendance_counts_in(q->db, (*out)[0].on_date, (*out)[*n - 1].on_date,
					       f ? f->org_id : 0, &R, &nr);
	if (s == QD_OK)
		s = derive_all(q, *out, *n, *n > 4, R, nr);
	store_mpeople_free(R, nr);
	if (s != QD_OK) {
		meetings_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_error(q->db, err);
	}
	return QD_OK;
}

enum qd_status qd_meeting_attendees(struct qd *q, long long meeting_id, struct attendee **out,
				    int *n, struct strbuf *err)
{
	struct meeting m = {0};
	*out = NULL;
	*n = 0;
	enum qd_status s = store_meeting_get(q->db, meeting_id, &m);
	if (s == QD_NOTFOUND && err)
		sb_printf(err, msg(M_MEETING_NOT_FOUND), meeting_id);
	if (s == QD_OK && (s = derive_one(q, &m, out, n)) != QD_OK)
		db_error(q->db, err);
	else if (s == QD_DBERROR)
		db_error(q->db, err);
	meeting_clear(&m);
	return s;
}

enum qd_status qd_meeting_expected(struct qd *q, long long org_id, enum meeting_type type,
				   const char *cell, long long **ids, int **voting, int *n,
				   struct strbuf *err)
{
	struct org o = {0};
	struct store_mperson *E = NULL;
	int ne = 0;
	*ids = NULL;
	*voting = NULL;
	*n = 0;
	if (qd_get_org(q, org_id, &o) != QD_OK) {
		sb_printf(err, msg(M_ORG_NOT_FOUND), "#");
		return QD_NOTFOUND;
	}
	enum qd_status s = meeting_expected_people(q, org_id, o.level, type, cell, &E, &ne);
	org_clear(&o);
	if (s != QD_OK)
		return db_error(q->db, err);
	*ids = xcalloc((size_t)ne + 1, sizeof **ids);
	*voting = xcalloc((size_t)ne + 1, sizeof **voting);
	for (int i = 0; i < ne; i++) {
		(*ids)[i] = E[i].id;
		(*voting)[i] = E[i].party == PS_FULL;
	}
	*n = ne;
	store_mpeople_free(E, ne);
	return QD_OK;
}

/* ---- who may write ---- */

int qd_may_record_meeting(struct qd *q, long long org_id)
{
	return !db_readonly(q->db) && qd_is_meeting_recorder(q, org_id);
}

int qd_is_meeting_recorder(struct qd *q, long long org_id)
{
	if (q->actor_admin)
		return 1;
	if (!q->actor_id || !org_id)
		return 0;
	struct person p = {0};
	struct member m = {0};
	int ok = qd_get_person(q, q->actor_id, &p) == QD_OK && p.active && p.org_id == org_id &&
		 store_member_get(q->db, q->actor_id, &m) == QD_OK &&
		 (m.committee == CR_SECRETARY || m.committee == CR_DEPUTY ||
		  m.committee == CR_ORGANIZATION);
	person_clear(&p);
	member_clear(&m);
	return ok;
}

static enum qd_status need_recorder(struct qd *q, long long org_id, struct strbuf *err)
{
	if (qd_may_record_meeting(q, org_id))
		return QD_OK;
	enum qd_status s = need_writable(q, err);
	if (s != QD_OK)
		return s;
	struct org o = {0};
	qd_get_org(q, org_id, &o);
	sb_printf(err, msg(M_MEETING_DENIED), o.name ? o.name : "?", q->actor_name ? q->actor_name : "?");
	org_clear(&o);
	return QD_DENIED;
}

/* ---- add, set, delete ---- */

/* Load a live meeting inside the transaction, refusing a stale version. */
static enum qd_status load_live(struct qd *q, long long id, int expect, struct meeting *m,
				struct strbuf *err)
{
	memset(m, 0, sizeof *m);
	enum qd_status s = store_meeting_get(q->db, id, m);
	if (s == QD_NOTFOUND) {
		sb_printf(err, msg(M_MEETING_NOT_FOUND), id);
		return s;
	}
	if (s != QD_OK)
		return db_error(q->db, err);
	if (m->deleted_at) {
		sb_printf(err, msg(M_MEETING_DELETED), id);
		return QD_INVALID;
	}
	if (expect && expect != m->version) {
		sb_printf(err, msg(M_MEETING_STALE), id, m->version, expect);
		return QD_CONFLICT;
	}
	return QD_OK;
}

static enum qd_status check_person(struct qd *q, long long id, struct strbuf *err)
{
	struct person p = {0};
	if (id <= 0)
		return QD_OK;
	enum qd_status s = qd_get_person(q, id, &p);
	person_clear(&p);
	if (s != QD_OK) {
		sb_printf(err, msg(M_MEETING_NO_PERSON), id);
		return QD_NOTFOUND;
	}
	return QD_OK;
}

/* "14:30", "9:05" → "HH:MM" in out (6 bytes); "" stays "". */
static int parse_time(const char *s, char *out)
{
	if (!*s) {
		out[0] = '\0';
		return 0;
	}
	int h = 0, m = 0, n = 0;
	if (strlen(s) > 5 || sscanf(s, "%d:%d%n", &h, &m, &n) != 2 || s[n] || !isdigit((unsigned char)s[0]))
		return -1;
	const char *colon = strchr(s, ':');
	if (!colon || strlen(colon + 1) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	snprintf(out, 6, "%02d:%02d", h, m);
	return 0;
}

static int parse_hours(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (end == s || *end || errno || !isfinite(v) || v < 0 || v > 24)
		return -1;
	*out = v;
	return 0;
}

/* The stored values of f over those of old (NULL on add), validated. */
static enum qd_status fields_over(struct qd *q, const struct meeting_fields *f,
				  const struct meeting *old, struct store_meeting_vals *v,
				  char *date_buf, char *time_buf, struct strbuf *err)
{
	memset(v, 0, sizeof *v);
	v->org_id = f->org_id ? f->org_id : old ? old->org_id : 0;
	int type = f->type >= 0 ? f->type : old ? (int)old->type : -1;
	if (!v->org_id) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_MF_ORG));
		return QD_INVALID;
	}
	if (f->org_id) {
		struct org o = {0};
		enum qd_status s = qd_get_org(q, f->org_id, &o);
		org_clear(&o);
		if (s != QD_OK) {
			sb_printf(err, msg(M_ORG_NOT_FOUND), "#");
			return QD_NOTFOUND;
		}
	}
	if (type < 0 && !old) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_MF_TYPE));
		return QD_INVALID;
	}
	if (type >= MT__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_TYPE), "?");
		return QD_INVALID;
	}
	v->type = meeting_type_code((enum meeting_type)type);
	if (f->on) {
		const char *iso = NULL;
		enum qd_status s = model_iso_date(f->on, date_buf, &iso, err);
		if (s != QD_OK)
			return s;
		if (str_empty(iso)) {
			sb_printf(err, msg(M_EMPTY_FIELD), msg(M_MF_DATE));
			return QD_INVALID;
		}
		v->on = iso;
	} else if (old) {
		v->on = old->on_date;
	} else {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_MF_DATE));
		return QD_INVALID;
	}
	if (f->starts) {
		if (parse_time(f->starts, time_buf) < 0) {
			sb_printf(err, msg(M_MEETING_BAD_TIME), f->starts);
			return QD_INVALID;
		}
		v->starts = time_buf;
	} else {
		v->starts = old ? old->starts : "";
	}
	v->title = f->title ? f->title : old ? old->title : "";
	v->place = f->place ? f->place : old ? old->place : "";
	v->summary = f->summary ? f->summary : old ? old->summary : "";
	v->decisions = f->decisions ? f->decisions : old ? old->decisions : "";
	v->cell = f->cell ? f->cell : old ? old->cell : "";
	if (f->cell && !plain_line(f->cell, 100)) {
		sb_printf(err, msg(M_MEETING_BAD_CELL), "…");
		return QD_INVALID;
	}
	v->host_id = f->host_id >= 0 ? f->host_id : old ? old->host_id : 0;
	v->recorder_id = f->recorder_id >= 0 ? f->recorder_id : old ? old->recorder_id : 0;
	enum qd_status s = QD_OK;
	if (f->host_id > 0)
		s = check_person(q, f->host_id, err);
	if (s == QD_OK && f->recorder_id > 0)
		s = check_person(q, f->recorder_id, err);
	if (s != QD_OK)
		return s;
	if (f->hours) {
		v->has_hours = !str_empty(f->hours);
		if (v->has_hours && parse_hours(f->hours, &v->hours) < 0) {
			sb_printf(err, msg(M_MEETING_BAD_HOURS), f->hours);
			return QD_INVALID;
		}
	} else if (old) {
		v->has_hours = old->has_hours;
		v->hours = old->hours;
	}
	return QD_OK;
}

static int fields_empty(const struct meeting_fields *f)
{
	return !f->org_id && f->type < 0 && !f->on && !f->starts && !f->title && !f->place &&
	       !f->cell && !f->summary && !f->decisions && f->host_id < 0 && f->recorder_id < 0 &&
	       !f->hours;
}

static enum qd_status stored(struct qd *q, enum qd_status s, long long id, struct strbuf *err)
{
	if (s == QD_CONFLICT)
		sb_printf(err, msg(M_MEETING_CONFLICT), id);
	else if (s != QD_OK && !err->len)
		db_error(q->db, err);
	return s;
}

enum qd_status qd_meeting_add(struct qd *q, const struct meeting_fields *f, long long *id,
			      struct strbuf *err)
{
	char date_buf[11], time_buf[6], now[32];
	struct store_meeting_vals v;
	long long new_id = 0;
	enum qd_status s = fields_over(q, f, NULL, &v, date_buf, time_buf, err);
	if (s == QD_OK)
		s = need_recorder(q, v.org_id, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	model_now(now);
	s = stored(q, store_meeting_insert(q->db, &v, now, &new_id), 0, err);
	if (s == QD_OK)
		s = qd_audit(q, "add", "meeting", new_id, NULL, NULL, err);
	s = model_end(q, s, err);
	if (s == QD_OK && id)
		*id = new_id;
	return s;
}

enum qd_status qd_meeting_set(struct qd *q, long long id, int expect_version,
			      const struct meeting_fields *f, struct strbuf *err)
{
	char date_buf[11], time_buf[6], now[32];
	struct store_meeting_vals v;
	struct meeting m = {0};
	if (fields_empty(f)) {
		sb_puts(err, msg(M_NOTHING_TO_CHANGE));
		return QD_INVALID;
	}
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = load_live(q, id, expect_version, &m, err);
	if (s == QD_OK)
		s = need_recorder(q, m.org_id, err);
	if (s == QD_OK)
		s = fields_over(q, f, &m, &v, date_buf, time_buf, err);
	if (s == QD_OK && v.org_id != m.org_id)
		s = need_recorder(q, v.org_id, err);
	char *before = s == QD_OK ? store_canon(q->db, "meeting", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_meeting_update(q->db, id, m.version, &v, now), id, err);
	if (s == QD_OK)
		s = qd_audit(q, "set", "meeting", id, before, NULL, err);
	free(before);
	meeting_clear(&m);
	return model_end(q, s, err);
}

enum qd_status qd_meeting_delete(struct qd *q, long long id, struct strbuf *err)
{
	char now[32];
	struct meeting m = {0};
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = load_live(q, id, 0, &m, err);
	if (s == QD_OK)
		s = need_recorder(q, m.org_id, err);
	char *before = s == QD_OK ? store_canon(q->db, "meeting", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_meeting_soft_delete(q->db, id, m.version, now), id, err);
	if (s == QD_OK)
		s = qd_audit(q, "delete", "meeting", id, before, NULL, err);
	free(before);
	meeting_clear(&m);
	return model_end(q, s, err);
}

/* ---- attendance ---- */

enum qd_status qd_meeting_attend(struct qd *q, long long meeting_id, const long long *people,
				 int n, int st, const char *reason, struct strbuf *err)
{
	struct meeting m = {0};
	struct store_mperson *R = NULL;
	int nr = 0;
	if (n <= 0) {
		sb_puts(err, msg(M_MEETING_NO_PEOPLE));
		return QD_INVALID;
	}
	if (st < -1 || st >= AT__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_STATUS), "?");
		return QD_INVALID;
	}
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = load_live(q, meeting_id, 0, &m, err);
	if (s == QD_OK)
		s = need_recorder(q, m.org_id, err);
	if (s == QD_OK && store_attendance_of(q->db, meeting_id, &R, &nr) != QD_OK)
		s = db_error(q->db, err);
	for (int i = 0; i < n && s == QD_OK; i++) {
		s = check_person(q, people[i], err);
		if (s != QD_OK)
			break;
		struct store_mperson *row = NULL;
		for (int k = 0; k < nr && !row; k++)
			if (R[k].id == people[i])
				row = &R[k];
		if (st < 0) {
			if (!row || !row->att_id)
				continue;
			char *before = store_canon(q->db, "attendance", row->att_id);
			s = store_attendance_delete(q->db, row->att_id);
			if (s == QD_OK)
				s = qd_audit_removed(q, "unattend", "attendance", row->att_id, before, err);
			free(before);
			row->att_id = 0;
			row->status = -1;
			continue;
		}
		const char *why = reason ? reason : row && row->att_id && row->reason ? row->reason : "";
		if (row && row->att_id && row->status == st && str_eq(row->reason ? row->reason : "", why))
			continue;
		char *before = row && row->att_id ? store_canon(q->db, "attendance", row->att_id) : NULL;
		long long aid = 0;
		s = store_attendance_put(q->db, meeting_id, people[i], attend_code((enum attend_status)st),
					 why, &aid);
		if (s == QD_OK)
			s = qd_audit(q, "attend", "attendance", aid, before, NULL, err);
		free(before);
		if (s == QD_OK) {
			if (!row) {
				R = xrealloc(R, (size_t)(nr + 1) * sizeof *R);
				row = &R[nr++];
				memset(row, 0, sizeof *row);
				row->id = people[i];
			}
			char *nw = xstrdup(why);
			free(row->reason);
			row->reason = nw;
			row->att_id = aid;
			row->status = st;
		}
	}
	if (s != QD_OK && !err->len)
		db_error(q->db, err);
	store_mpeople_free(R, nr);
	meeting_clear(&m);
	return model_end(q, s, err);
}

/* ---- evidence ---- */

enum qd_status qd_meeting_note(struct qd *q, long long meeting_id, const char *on,
			       const char *kind, const char *text, struct strbuf *err)
{
	char date_buf[11], today[11], now[32];
	const char *iso = NULL;
	struct meeting m = {0};
	int k = meeting_note_kind_parse(kind);
	if (k < 0) {
		sb_printf(err, msg(M_MEETING_BAD_NOTE_KIND), kind);
		return QD_INVALID;
	}
	if (str_empty(text)) {
		sb_puts(err, msg(M_MEETING_EMPTY_NOTE));
		return QD_INVALID;
	}
	enum qd_status s = model_iso_date(on, date_buf, &iso, err);
	if (s != QD_OK)
		return s;
	if (str_empty(iso))
		iso = today_iso(today);
	if ((s = model_begin(q, err)) != QD_OK)
		return s;
	s = load_live(q, meeting_id, 0, &m, err);
	if (s == QD_OK)
		s = need_recorder(q, m.org_id, err);
	model_now(now);
	long long id = 0;
	if (s == QD_OK)
		s = stored(q, store_meeting_note_insert(q->db, meeting_id, iso, q->actor_id,
							note_codes[k], text, now, &id), meeting_id, err);
	if (s == QD_OK)
		s = qd_audit(q, "note", "meeting_note", id, NULL, NULL, err);
	meeting_clear(&m);
	return model_end(q, s, err);
}

enum qd_status qd_meeting_notes(struct qd *q, long long meeting_id, struct meeting_note **out,
				int *n, struct strbuf *err)
{
	enum qd_status s = store_meeting_notes(q->db, meeting_id, out, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

/* ---- item links ---- */

enum qd_status qd_item_link_meeting(struct qd *q, long long item_id, long long meeting_id,
				    int unlink, struct strbuf *err)
{
	struct item it = {0};
	struct meeting m = {0};
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = qd_get_item(q, item_id, &it, err);
	if (s == QD_OK && !q->actor_admin &&
	    !(q->actor_id && (q->actor_id == it.owner_id || q->actor_id == it.lead_id))) {
		sb_printf(err, msg(M_DENIED_ITEM), msg(M_MACT_LINK), q->actor_name ? q->actor_name : "?");
		s = QD_DENIED;
	}
	if (s == QD_OK) {
		s = store_meeting_get(q->db, meeting_id, &m);
		if (s == QD_NOTFOUND)
			sb_printf(err, msg(M_MEETING_NOT_FOUND), meeting_id);
		else if (s == QD_OK && m.deleted_at && !unlink) {
			sb_printf(err, msg(M_MEETING_DELETED), meeting_id);
			s = QD_INVALID;
		}
	}
	long long link = s == QD_OK ? store_item_meeting_find(q->db, item_id, meeting_id) : 0;
	if (s == QD_OK && !unlink && link) {
		sb_printf(err, msg(M_MEETING_LINKED), item_id, meeting_id);
		s = QD_INVALID;
	} else if (s == QD_OK && unlink && !link) {
		sb_printf(err, msg(M_MEETING_NOT_LINKED), item_id, meeting_id);
		s = QD_INVALID;
	}
	if (s == QD_OK && !unlink) {
		s = store_item_meeting_insert(q->db, item_id, meeting_id, &link);
		if (s == QD_OK)
			s = qd_audit(q, "link", "item_meeting", link, NULL, NULL, err);
	} else if (s == QD_OK) {
		char *before = store_canon(q->db, "item_meeting", link);
		s = store_item_meeting_delete(q->db, link);
		if (s == QD_OK)
			s = qd_audit_removed(q, "unlink", "item_meeting", link, before, err);
		free(before);
	}
	if (s != QD_OK && !err->len)
		db_error(q->db, err);
	item_clear(&it);
	meeting_clear(&m);
	return model_end(q, s, err);
}

enum qd_status qd_item_meetings(struct qd *q, long long item_id, struct meeting **out, int *n,
				struct strbuf *err)
{
	enum qd_status s = store_item_meetings(q->db, item_id, out, n);
	if (s == QD_OK)
		s = derive_all(q, *out, *n, 0, NULL, 0);
	if (s != QD_OK) {
		meetings_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_error(q->db, err);
	}
	return QD_OK;
}

enum qd_status qd_meeting_items(struct qd *q, long long meeting_id, long long **ids, int *n,
				struct strbuf *err)
{
	enum qd_status s = store_meeting_item_ids(q->db, meeting_id, ids, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

/* ---- rules ---- */

void meeting_rules_free(struct meeting_rule *r, int n)
{
	for (int i = 0; i < n; i++)
		free(r[i].quorum);
	free(r);
}

enum qd_status qd_meeting_rules(struct qd *q, struct meeting_rule **out, int *n,
				struct strbuf *err)
{
	enum qd_status s = store_meeting_rules(q->db, out, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

enum qd_status qd_meeting_rule_get(struct qd *q, enum org_level level, enum meeting_type type,
				   struct meeting_rule *r, struct strbuf *err)
{
	memset(r, 0, sizeof *r);
	enum qd_status s = store_meeting_rule_get(q->db, level_code(level), meeting_type_code(type), r);
	if (s == QD_NOTFOUND && err)
		sb_printf(err, msg(M_MEETING_NO_RULE), level_label(level), meeting_type_label(type));
	else if (s == QD_DBERROR)
		db_error(q->db, err);
	return s;
}

enum qd_status qd_meeting_rule_set(struct qd *q, enum org_level level, enum meeting_type type,
				   int every, int min, const char *quorum, struct strbuf *err)
{
	char canon[16];
	struct meeting_rule r = {0};
	enum qd_status s = model_need_admin(q, M_MACT_RULE, err);
	if (s == QD_OK && ((unsigned)level > LV_BRANCH || (unsigned)type >= MT__COUNT)) {
		sb_printf(err, msg(M_MEETING_BAD_TYPE), "?");
		s = QD_INVALID;
	}
	if (s == QD_OK && every >= PK__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_EVERY), "?");
		s = QD_INVALID;
	}
	if (s == QD_OK && (min < -1 || min > 31)) {
		sb_printf(err, msg(M_MEETING_BAD_MIN), min);
		s = QD_INVALID;
	}
	if (s == QD_OK && quorum && quorum_parse(quorum, canon, sizeof canon) < 0) {
		sb_printf(err, msg(M_MEETING_BAD_QUORUM), quorum);
		s = QD_INVALID;
	}
	if (s == QD_OK && every < 0 && min < 0 && !quorum) {
		sb_puts(err, msg(M_NOTHING_TO_CHANGE));
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = store_meeting_rule_get(q->db, level_code(level), meeting_type_code(type), &r);
	int exists = s == QD_OK;
	if (s == QD_NOTFOUND) {
		s = QD_OK;
		if (every < 0) {
			sb_printf(err, msg(M_MEETING_RULE_NEEDS_EVERY), level_label(level),
				  meeting_type_label(type));
			s = QD_INVALID;
		}
	} else if (s != QD_OK) {
		db_error(q->db, err);
	}
	int ne = every >= 0 ? every : (int)r.every;
	int nm = min >= 0 ? min : exists ? r.min : 1;
	const char *nq = quorum ? canon : exists ? r.quorum : "";
	int same = exists && ne == (int)r.every && nm == r.min && str_eq(nq, r.quorum);
	char *before = s == QD_OK && exists ? store_canon(q->db, "meeting_rule", r.id) : NULL;
	long long id = 0;
	if (s == QD_OK && !same) {
		s = store_meeting_rule_put(q->db, level_code(level), meeting_type_code(type),
					   period_kind_code((enum period_kind)ne), nm, nq, &id);
		if (s == QD_OK)
			s = qd_audit(q, exists ? "set" : "add", "meeting_rule", id, before, NULL, err);
		else
			db_error(q->db, err);
	}
	free(before);
	free(r.quorum);
	return model_end(q, s, err);
}

/* ---- merging people (model_person.c) ---- */

enum qd_status meeting_merge_person(struct qd *q, long long keep, long long drop,
				    struct strbuf *err)
{
	long long *ids = NULL;
	int n = 0;
	enum qd_status s = store_attendance_clashes(q->db, keep, drop, &ids, &n);
	/* keep's own row at a meeting both attended stands; drop's goes */
	for (int i = 0; s == QD_OK && i < n; i++) {
		char *before = store_canon(q->db, "attendance", ids[i]);
		s = store_attendance_delete(q->db, ids[i]);
		if (s == QD_OK)
			s = qd_audit_removed(q, "merge", "attendance", ids[i], before, err);
		free(before);
	}
	free(ids);
	/* keep takes drop's standing when keep has none of its own */
	struct member k = {0}, d = {0};
	enum qd_status ks = s == QD_OK ? store_member_get(q->db, keep, &k) : QD_OK;
	enum qd_status ds = s == QD_OK ? store_member_get(q->db, drop, &d) : QD_OK;
	if (s == QD_OK && ks == QD_NOTFOUND && ds == QD_OK) {
		s = store_member_put(q->db, keep, party_code(d.party), committee_code(d.committee), d.cell);
		if (s == QD_OK)
			s = qd_audit(q, "merge", "member", keep, NULL, NULL, err);
	} else if (s == QD_OK && (ks == QD_DBERROR || ds == QD_DBERROR)) {
		s = QD_DBERROR;
	}
	member_clear(&k);
	member_clear(&d);
	if (s != QD_OK && !err->len)
		db_error(q->db, err);
	return s;
}

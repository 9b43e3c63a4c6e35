/* meeting_codes.c — the words of the 组织生活 ledger (meeting.h): the codes
 * and labels of meeting types, attendance, Party standing, committee roles
 * and periods, the periods of a year, quorum rules and evidence kinds.  No
 * database here. */
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

const char *meeting_note_kind_code(int k)
{
	return k > 0 && k < (int)ARRAY_SIZE(note_codes) ? note_codes[k] : "";
}

const char *meeting_note_kind_label(const char *code)
{
	int k = meeting_note_kind_parse(code);
	return k > 0 ? msg(note_msgs[k]) : "";
}

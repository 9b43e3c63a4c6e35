/* meeting.h — the 组织生活 ledger (issue 11, DESIGN §10, notes/ledger.md):
 * people as Party members, meetings and activities with their attendance
 * and evidence, the rules of how often each is due and when it is valid,
 * and the year checked against them.
 *
 * Members.  A person's Party standing (正式党员 full, 预备党员 probationary,
 * 群众 none), branch committee role (书记 … 委员, or none) and 党小组 (cell,
 * a name within the branch) live in the member table; a person without a
 * row there is a full member with neither.
 *
 * Who is expected (应到) at a meeting of org O, computed from the people as
 * they are now, active only, in org and list order (person_org index):
 *  - members 支部党员大会, lecture 党课, theme-day 主题党日, org-life 组织生活会,
 *    review 民主评议党员: the Party members (full and probationary) of O and
 *    of the orgs under it;
 *  - committee 支委会: those of them with a committee role;
 *  - group 党小组会: those of them in the meeting's cell (every Party member
 *    of O when the meeting names no cell);
 *  - democratic-life 民主生活会 and study-group 中心组学习: the 班子成员 —
 *    the people of O itself when O is a 党组 (not of the orgs under it:
 *    机关党委 and every branch are), and everywhere the active people
 *    whose post matches 班子成员 (pledge_post_matches);
 *  - training, council, double-report, talk, other: nobody (participants
 *    are whoever is recorded; expected is 0 and quorum n/a).
 * Anyone recorded present, late, on leave or absent is expected too, even
 * when they are no longer of the org (the record keeps them); observers
 * (列席) never are.  An expected person with no attendance row is absent.
 * 实到 (present) counts present and late.  Voting members are the full
 * members among the expected; the quorum counts voting members present
 * against voting members expected (支部党员大会: "到会有表决权的党员超过
 * 应到会有表决权党员的半数"), or everyone for types where all are full.
 *
 * Who may write (§4 and issue 11 §8): admins everything; an org's
 * recorder — its 书记, 副书记 or 组织委员 (a person of that org, org_id equal)
 * — the meetings of that org with their attendance and evidence; an item's
 * owner or lead (and admins) the links of that item; member and rule
 * changes are admin only; everyone reads.  Every write checks that,
 * validates, writes and appends its audit row (entities member, meeting,
 * attendance, meeting_note, item_meeting, meeting_rule) in one
 * transaction, or writes nothing and says why in err.  On PostgreSQL the
 * server holds the same rules (schema_pg.c migration 5). */
#ifndef QINGDAN_MEETING_H
#define QINGDAN_MEETING_H

#include "qingdan/model.h"

/* ---- codes and labels (code, or 中文 label, parse; -1 if neither) ---- */
enum meeting_type {
	MT_MEMBERS, MT_COMMITTEE, MT_GROUP, MT_LECTURE, MT_THEME_DAY, MT_ORG_LIFE,
	MT_DEMOCRATIC_LIFE, MT_REVIEW, MT_STUDY_GROUP, MT_TRAINING, MT_COUNCIL,
	MT_DOUBLE_REPORT, MT_TALK, MT_OTHER, MT__COUNT
};
const char *meeting_type_code(enum meeting_type t);    /* "theme-day" */
const char *meeting_type_label(enum meeting_type t);   /* 主题党日 (English under --lang en) */
int meeting_type_parse(const char *s);
/* Whether the type is 组织生活 for the six-month rule (members, committee,
 * group, lecture, theme-day, org-life, democratic-life, review). */
int meeting_type_is_org_life(enum meeting_type t);

enum attend_status { AT_PRESENT, AT_LEAVE, AT_ABSENT, AT_LATE, AT_OBSERVER, AT__COUNT };
const char *attend_code(enum attend_status s);         /* "leave" */
const char *attend_label(enum attend_status s);        /* 出席 请假 缺席 迟到 列席 */
int attend_parse(const char *s);

enum party_standing { PS_FULL, PS_PROBATIONARY, PS_NONE, PS__COUNT };
const char *party_code(enum party_standing p);         /* "probationary" */
const char *party_label(enum party_standing p);        /* 正式党员 预备党员 群众 */
int party_parse(const char *s);

enum committee_role { CR_NONE, CR_SECRETARY, CR_DEPUTY, CR_ORGANIZATION, CR_PUBLICITY,
		      CR_DISCIPLINE, CR_MEMBER, CR__COUNT };
const char *committee_code(enum committee_role r);     /* "" "secretary" … "member" */
const char *committee_label(enum committee_role r);    /* "" 书记 副书记 组织委员 宣传委员 纪检委员 委员 */
int committee_parse(const char *s);                    /* "" and "none" / 无 give CR_NONE */

enum period_kind { PK_MONTH, PK_QUARTER, PK_HALF, PK_YEAR, PK__COUNT };
const char *period_kind_code(enum period_kind k);      /* "quarter" */
const char *period_kind_label(enum period_kind k);     /* 每月 每季度 每半年 每年 */
int period_kind_parse(const char *s);
/* The periods of a year: 12, 4, 2 or 1. */
int period_count(enum period_kind k);
/* Period i (0-based) of year: its name ("2026-03", "2026-Q1", "2026-H1",
 * "2026") into name (at least 12 bytes), first and last day ISO (11 bytes). */
void period_of(enum period_kind k, int year, int i, char *name, char *first, char *last);

enum quorum_state { QS_NA, QS_OK, QS_SHORT };
const char *quorum_code(enum quorum_state s);          /* "n/a" "ok" "short" */
const char *quorum_label(enum quorum_state s);         /* — 有效 不足 */
/* A quorum rule as written: "" (none), ">1/2", ">=2/3" ("≥2/3", "> 50%",
 * "0.5" = ">=1/2" also read).  *canon gets the stored form (">1/2",
 * ">=2/3", "" — at least 8 bytes).  -1 if it is not one. */
int quorum_parse(const char *s, char *canon, size_t cap);
/* The state of `present` of `expected` under a stored rule (QS_NA for ""
 * or nobody expected). */
enum quorum_state quorum_check(const char *rule, int present, int expected);
/* "超过半数" / "不少于三分之二" style text of a stored rule, for people
 * (malloc'd; "" for none). */
char *quorum_text(const char *rule);

/* ---- members ---- */
struct member {
	long long person_id;
	enum party_standing party;
	enum committee_role committee;
	char *cell;                /* 党小组, "" none */
};
void member_clear(struct member *m);
/* The person's standing (defaults when there is no row); QD_NOTFOUND if no person. */
enum qd_status qd_member_get(struct qd *q, long long person_id, struct member *m,
			     struct strbuf *err);
/* Admin.  party / committee -1 = unchanged, cell NULL = unchanged ("" clears). */
enum qd_status qd_member_set(struct qd *q, long long person_id, int party, int committee,
			     const char *cell, struct strbuf *err);

/* ---- meetings ---- */
struct meeting {
	long long id, org_id, host_id, recorder_id;
	int year, version;
	enum meeting_type type;
	char *org_name, *org_level, *on_date, *starts, *title, *place, *cell, *summary, *decisions;
	char *host_name, *recorder_name;
	double hours;
	int has_hours;
	char *created_at, *updated_at, *deleted_at;
	/* derived (see the head of this file) */
	int expected, present, leave, absent, late, observers;
	int voting_expected, voting_present;
	enum quorum_state quorum;
	char *quorum_rule;         /* the rule applied ("" none) */
};
void meeting_clear(struct meeting *m);
void meetings_free(struct meeting *ms, int n);

struct meeting_fields {
	long long org_id;          /* 0 = unchanged (set); required on add */
	int type;                  /* -1 = unchanged; required on add */
	const char *on;            /* any accepted date form; NULL unchanged; required on add */
	/* NULL = unchanged (set) / empty (add); "" clears */
	const char *starts;        /* "HH:MM" or "" */
	const char *title, *place, *cell, *summary, *decisions;
	long long host_id, recorder_id;    /* -1 unchanged, 0 none */
	const char *hours;         /* "2", "1.5"; "" clears; NULL unchanged */
};
#define MEETING_FIELDS_INIT {0, -1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, -1, -1, NULL}

enum qd_status qd_meeting_get(struct qd *q, long long id, struct meeting *m, struct strbuf *err);
struct meeting_filter {
	int year;                  /* 0 = any (from/to still apply) */
	long long org_id;          /* 0 = any; the org only, not those under it */
	int type;                  /* -1 = any */
	const char *from, *to;     /* ISO days, inclusive; NULL = open */
	long long person_id;       /* 0 = any; else meetings with this person recorded */
};
#define MEETING_FILTER_INIT {0, 0, -1, NULL, NULL, 0}
/* Live meetings matching f in date order (then id), with the derived
 * counts; *out malloc'd. */
enum qd_status qd_meeting_list(struct qd *q, const struct meeting_filter *f, struct meeting **out,
			       int *n, struct strbuf *err);
enum qd_status qd_meeting_add(struct qd *q, const struct meeting_fields *f, long long *id,
			      struct strbuf *err);
/* expect_version 0 = whatever is current (else a stale edit is QD_CONFLICT). */
enum qd_status qd_meeting_set(struct qd *q, long long id, int expect_version,
			      const struct meeting_fields *f, struct strbuf *err);
/* Soft delete (deleted_at); its attendance and evidence stay for the audit. */
enum qd_status qd_meeting_delete(struct qd *q, long long id, struct strbuf *err);

/* The actor may record meetings of org_id (admin or its recorder). */
int qd_may_record_meeting(struct qd *q, long long org_id);
/* The same right whatever the file's mode (a dry run opens it read-only). */
int qd_is_meeting_recorder(struct qd *q, long long org_id);

/* ---- attendance ---- */
struct attendee {
	long long person_id;
	char *name, *post, *org_name;
	enum attend_status status;   /* AT_ABSENT when expected and not recorded */
	int recorded;                /* has an attendance row */
	int expected, voting;        /* counts toward 应到; a full member */
	char *reason;
};
void attendees_free(struct attendee *a, int n);
/* Everyone expected or recorded, expected first in org and list order,
 * then observers; *out malloc'd. */
enum qd_status qd_meeting_attendees(struct qd *q, long long meeting_id, struct attendee **out,
				    int *n, struct strbuf *err);
/* The expected people of a meeting of this org, type and cell (not
 * counting those recorded): ids malloc'd, voting[i] 1 for full members. */
enum qd_status qd_meeting_expected(struct qd *q, long long org_id, enum meeting_type type,
				   const char *cell, long long **ids, int **voting, int *n,
				   struct strbuf *err);
/* Record the status of each of the n people (st -1 removes their row, so
 * an expected person counts absent again); reason replaces the stored one
 * (NULL keeps it, "" clears).  One transaction, one audit row per change;
 * a person already in that state with that reason is left alone. */
enum qd_status qd_meeting_attend(struct qd *q, long long meeting_id, const long long *people,
				 int n, int st, const char *reason, struct strbuf *err);

/* ---- evidence (append-only) ---- */
struct meeting_note {
	long long id, meeting_id, person_id;
	char *on_date, *person_name, *kind, *text;
};
void meeting_notes_free(struct meeting_note *n, int count);
/* kind: "minutes" 会议记录, "signin" 签到表, "photo" 照片, "file" 材料, or ""
 * (meeting_note_kind_parse); on NULL = today. */
int meeting_note_kind_parse(const char *s);
const char *meeting_note_kind_label(const char *code);
enum qd_status qd_meeting_note(struct qd *q, long long meeting_id, const char *on,
			       const char *kind, const char *text, struct strbuf *err);
enum qd_status qd_meeting_notes(struct qd *q, long long meeting_id, struct meeting_note **out,
				int *n, struct strbuf *err);

/* ---- items and the meetings that evidence them ---- */
/* unlink 0 links, 1 removes the link.  Admin, or the item's owner or lead. */
enum qd_status qd_item_link_meeting(struct qd *q, long long item_id, long long meeting_id,
				    int unlink, struct strbuf *err);
/* The live meetings an item names (date order); *out malloc'd. */
enum qd_status qd_item_meetings(struct qd *q, long long item_id, struct meeting **out, int *n,
				struct strbuf *err);
/* Ids of the items naming a meeting; *ids malloc'd. */
enum qd_status qd_meeting_items(struct qd *q, long long meeting_id, long long **ids, int *n,
				struct strbuf *err);

/* ---- rules ---- */
struct meeting_rule {
	long long id;
	enum org_level level;
	enum meeting_type type;
	enum period_kind every;
	int min;                   /* meetings a period; 0 = not required */
	char *quorum;              /* stored form, "" none */
};
void meeting_rules_free(struct meeting_rule *r, int n);
/* Every rule, by level then type order; *out malloc'd. */
enum qd_status qd_meeting_rules(struct qd *q, struct meeting_rule **out, int *n,
				struct strbuf *err);
/* The rule of a level and type; QD_NOTFOUND if none. */
enum qd_status qd_meeting_rule_get(struct qd *q, enum org_level level, enum meeting_type type,
				   struct meeting_rule *r, struct strbuf *err);
/* Admin: add or change a rule.  every -1 / min -1 / quorum NULL =
 * unchanged (a new rule needs every; min defaults to 1, quorum to ""). */
enum qd_status qd_meeting_rule_set(struct qd *q, enum org_level level, enum meeting_type type,
				   int every, int min, const char *quorum, struct strbuf *err);

/* ---- the year checked (meeting_check.c) ---- */
enum check_status { CK_OK, CK_MISSING, CK_SHORT, CK_OPEN };
const char *check_code(enum check_status s);           /* "ok" "missing" "short" "open" */
const char *check_label(enum check_status s);          /* 已开 缺 不足法定人数 进行中 */
struct check_row {
	long long org_id;
	char *org_name;
	enum meeting_type type;
	char period[12], first[11], last[11];
	int required, held, valid;   /* valid: held and not short of quorum */
	enum check_status status;
	/* the first that holds: ok: valid >= required; short: held >=
	 * required but valid < required (a running period too); open: not
	 * yet valid and the period's last day >= today; missing: otherwise. */
};
void check_rows_free(struct check_row *r, int n);
/* Each org (org_id 0: every org; else that org only), each rule of its
 * level with min > 0, each period of year: *out malloc'd, in org, type
 * (enum order), period order. */
enum qd_status qd_meeting_check(struct qd *q, long long org_id, int year, struct check_row **out,
				int *n, struct strbuf *err);

enum member_flag { MF_NONE, MF_WARN, MF_ALARM };
const char *member_flag_code(enum member_flag f);      /* "" "warn" "alarm" */
const char *member_flag_label(enum member_flag f);     /* "" 预警 告警 */
struct member_risk {
	long long person_id, org_id;
	char *name, *org_name;
	char *last_attended;       /* ISO day of the last 组织生活 attended (present/late), or NULL */
	int months_without;        /* whole months from it (or from the first 组织生活
				    * meeting where they were expected) to today; -1 unknown */
	enum member_flag flag;     /* warn at >= 3, alarm at >= 6 */
};
void member_risks_free(struct member_risk *r, int n);
/* Every active Party member (org_id 0: all; else of that org and those
 * under it), worst first (months_without descending, then org, name). */
enum qd_status qd_meeting_members(struct qd *q, long long org_id, struct member_risk **out,
				  int *n, struct strbuf *err);

struct member_hours {
	long long person_id, org_id;
	char *name, *org_name;
	double hours, norm;        /* attended (present/late) hours of the year; its norm */
	int leader;                /* the norm is the leaders' (书记 or 班子成员) */
};
void member_hours_free(struct member_hours *h, int n);
/* Settings hours_norm (32) and hours_norm_leader (56). */
enum qd_status qd_meeting_hours(struct qd *q, long long org_id, int year,
				struct member_hours **out, int *n, struct strbuf *err);

struct meeting_stat {
	long long org_id;          /* by org: the org; else 0 */
	char *org_name;            /* by org, else NULL */
	int type;                  /* by type: the type; by org: -1 */
	int count, participants;   /* meetings; present + late summed (人次) */
	double hours;              /* sum of the meetings' hours */
};
void meeting_stats_free(struct meeting_stat *s, int n);
/* by_org 0: one row per type with any meeting; 1: one per org. */
enum qd_status qd_meeting_stats(struct qd *q, int year, int by_org, struct meeting_stat **out,
				int *n, struct strbuf *err);

#endif

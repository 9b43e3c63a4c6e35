/* problem_codes.c — the codes and labels of problem.h (sources, statuses,
 * list kinds) and the frees of its records. */
#include "qingdan/problem.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/msg.h"

/* ---- codes and labels ---- */

static int parse_of(const char *s, const char *const *codes, const char *const *zh, int n)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, codes[i]) == 0 || (zh[i][0] && strcmp(s, zh[i]) == 0))
			return i;
	return -1;
}

static const char *const source_codes[SRC__COUNT] = {
	"phone", "mail", "box", "org-life", "democratic-life", "inspection", "superior", "self",
	"visit", "other"};
static const char *const source_zh[SRC__COUNT] = {
	"公开电话", "电子信箱", "意见箱", "组织生活会查摆", "民主生活会", "巡视巡察", "上级检查",
	"自查", "群众来访", "其他"};
static const enum msg_id source_msgs[SRC__COUNT] = {
	M_SRC_PHONE, M_SRC_MAIL, M_SRC_BOX, M_SRC_ORG_LIFE, M_SRC_DEMOCRATIC_LIFE, M_SRC_INSPECTION,
	M_SRC_SUPERIOR, M_SRC_SELF, M_SRC_VISIT, M_SRC_OTHER};

const char *problem_source_code(enum problem_source s)
{
	return (unsigned)s < SRC__COUNT ? source_codes[s] : "?";
}

const char *problem_source_label(enum problem_source s)
{
	return (unsigned)s < SRC__COUNT ? msg(source_msgs[s]) : "?";
}

int problem_source_parse(const char *s)
{
	int t = parse_of(s, source_codes, source_zh, SRC__COUNT);
	static const struct {
		const char *alias;
		enum problem_source s;
	} aliases[] = {{"电话", SRC_PHONE},		 {"信箱", SRC_MAIL},
		       {"邮箱", SRC_MAIL},		 {"组织生活会", SRC_ORG_LIFE},
		       {"巡察", SRC_INSPECTION},	 {"巡视", SRC_INSPECTION},
		       {"来访", SRC_VISIT},		 {"信访", SRC_VISIT}};
	for (size_t i = 0; t < 0 && s && i < ARRAY_SIZE(aliases); i++)
		if (strcmp(s, aliases[i].alias) == 0)
			t = (int)aliases[i].s;
	return t;
}

static const char *const status_codes[PB__COUNT] = {"open", "rectifying", "rectified", "closed"};
static const char *const status_zh[PB__COUNT] = {"待整改", "整改中", "已整改", "已销号"};
static const enum msg_id status_msgs[PB__COUNT] = {M_PB_OPEN, M_PB_RECTIFYING, M_PB_RECTIFIED,
						   M_PB_CLOSED};

const char *problem_status_code(enum problem_status s)
{
	return (unsigned)s < PB__COUNT ? status_codes[s] : "?";
}

const char *problem_status_label(enum problem_status s)
{
	return (unsigned)s < PB__COUNT ? msg(status_msgs[s]) : "?";
}

int problem_status_parse(const char *s)
{
	return parse_of(s, status_codes, status_zh, PB__COUNT);
}

const char *list_kind_code(enum list_kind k)
{
	return k == LK_RECTIFY ? "rectify" : "duty";
}

const char *list_kind_label(enum list_kind k)
{
	return msg(k == LK_RECTIFY ? M_LK_RECTIFY : M_LK_DUTY);
}

/* ---- records ---- */

void problem_clear(struct problem *p)
{
	xfree(&p->org_name);
	xfree(&p->raised_on);
	xfree(&p->category);
	xfree(&p->text);
	xfree(&p->raiser_name);
	xfree(&p->contact);
	xfree(&p->closed_on);
	xfree(&p->closed_by_name);
	xfree(&p->created_at);
	xfree(&p->updated_at);
	xfree(&p->deleted_at);
}

void problems_free(struct problem *ps, int n)
{
	for (int i = 0; i < n; i++)
		problem_clear(&ps[i]);
	free(ps);
}

void items_free(struct item *items, int n)
{
	for (int i = 0; i < n; i++)
		item_clear(&items[i]);
	free(items);
}

void problem_feedbacks_free(struct problem_feedback *f, int n)
{
	for (int i = 0; i < n; i++) {
		free(f[i].on_date);
		free(f[i].by_name);
		free(f[i].result);
		free(f[i].created_at);
	}
	free(f);
}

void problem_stats_free(struct problem_stat *s, int n)
{
	(void)n;
	free(s);
}


/* pledge_audience.c — who a batch of pledges reaches: everyone of an org
 * (and the orgs under it) and/or everyone whose post matches a rule such as
 * "支部书记" or "班子成员" (pledge.h).  The rest of the pledge rules are in
 * pledge.c. */
#include "qingdan/pledge.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "qingdan/msg.h"
#include "qingdan/store_pledge.h"

/* Does the post contain word (n bytes)? */
static int post_has(const char *post, const char *word, size_t n)
{
	for (const char *p = post; *p; p++)
		if (strncmp(p, word, n) == 0)
			return 1;
	return n == 0;
}

int pledge_post_matches(const char *post, const char *rule)
{
	/* the leadership team is no one's post: its members' posts say 党组… */
	static const char *const team[] = {"党组书记", "党组副书记", "党组成员"};
	const char *p = rule ? rule : "";
	while (*p) {
		size_t n = strcspn(p, "|,");
		const char *comma = strstr(p, "，");
		if (comma && (size_t)(comma - p) < n)
			n = (size_t)(comma - p);
		while (n && p[0] == ' ') {
			p++;
			n--;
		}
		while (n && p[n - 1] == ' ')
			n--;
		if (n && post_has(post, p, n))
			return 1;
		if (n == strlen("班子成员") && strncmp(p, "班子成员", n) == 0)
			for (size_t i = 0; i < ARRAY_SIZE(team); i++)
				if (strstr(post, team[i]))
					return 1;
		p += n;
		while (*p == ' ')
			p++;
		if (strncmp(p, "，", strlen("，")) == 0)
			p += strlen("，");
		else if (*p == '|' || *p == ',')
			p++;
	}
	return 0;
}

static int match_post(const char *post, const void *ctx)
{
	return pledge_post_matches(post, ctx);
}

enum qd_status qd_pledge_audience(struct qd *q, long long org_id, const char *post,
				  long long **ids, int *n, struct strbuf *err)
{
	*ids = NULL;
	*n = 0;
	if (!org_id && str_empty(post))
		return QD_OK;
	enum qd_status s = store_pledge_people(q->db, org_id, str_empty(post) ? NULL : match_post,
					       post, ids, n);
	if (s != QD_OK)
		return db_error(q->db, err);
	if (*n == 0) {
		struct org o = {0};
		if (org_id)
			qd_get_org(q, org_id, &o);
		char *rule = xasprintf("%s%s%s", o.name ? o.name : "", o.name && !str_empty(post) ? " / " : "",
				       str_empty(post) ? "" : post);
		sb_printf(err, msg(M_PL_NO_MATCH), rule);
		free(rule);
		org_clear(&o);
		return QD_NOTFOUND;
	}
	return QD_OK;
}

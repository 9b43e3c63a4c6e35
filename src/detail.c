/* detail.c — an audit row's detail JSON ({field: [old, new]}, or a new
 * record's fields) as a sentence for people: field labels in the current
 * language, people and orgs by name, codes as labels ("完成时限：（无） →
 * 2026-09-01；责任人：周海燕 → 李明").  Model layer: the storage module
 * decodes the JSON and looks the names up (store_detail_each); this file
 * only words it.  Used by stale-edit refusals and `audit list`. */
#include "qingdan/model.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/meeting.h"
#include "qingdan/msg.h"
#include "qingdan/pledge.h"
#include "qingdan/problem.h"
#include "qingdan/store.h"
#include "qingdan/text.h"

struct detail_words {
	const char *entity;
	struct strbuf out;
};

static int is_key(const char *key, const char *const *keys)
{
	for (; *keys; keys++)
		if (strcmp(*keys, key) == 0)
			return 1;
	return 0;
}

/* One value as people read it (malloc'd). */
static char *value_text(const char *key, const char *v)
{
	static const char *const yes_no[] = {"is_admin", "active", "issuer_proxy", "signer_proxy",
					     "satisfied", NULL};
	static const char *const methods[] = {"issuer_method", "signer_method", NULL};
	int code;
	if (!v || !*v)
		return xstrdup(msg(M_NONE));
	if (strcmp(key, "status") == 0 && (code = status_parse(v)) >= 0)
		return xstrdup(status_label((enum item_status)code));
	if (strcmp(key, "status") == 0 && (code = pledge_status_parse(v)) >= 0)
		return xstrdup(pledge_status_label((enum pledge_status)code));
	if (strcmp(key, "level") == 0 && (code = level_parse(v)) >= 0)
		return xstrdup(level_label((enum org_level)code));
	/* the 组织生活 ledger's codes (meeting.h) */
	if (strcmp(key, "status") == 0 && (code = attend_parse(v)) >= 0)
		return xstrdup(attend_label((enum attend_status)code));
	if (strcmp(key, "type") == 0 && (code = meeting_type_parse(v)) >= 0)
		return xstrdup(meeting_type_label((enum meeting_type)code));
	if (strcmp(key, "party") == 0 && (code = party_parse(v)) >= 0)
		return xstrdup(party_label((enum party_standing)code));
	if (strcmp(key, "committee") == 0 && (code = committee_parse(v)) > 0)
		return xstrdup(committee_label((enum committee_role)code));
	if (strcmp(key, "every") == 0 && (code = period_kind_parse(v)) >= 0)
		return xstrdup(period_kind_label((enum period_kind)code));
	if (strcmp(key, "kind") == 0 && (code = meeting_note_kind_parse(v)) > 0)
		return xstrdup(meeting_note_kind_label(v));
	/* 问题清单 → 整改清单's codes (problem.h) */
	if (strcmp(key, "source") == 0 && (code = problem_source_parse(v)) >= 0)
		return xstrdup(problem_source_label((enum problem_source)code));
	if (is_key(key, yes_no) && (strcmp(v, "0") == 0 || strcmp(v, "1") == 0))
		return xstrdup(msg(strcmp(v, "1") == 0 ? M_YES : M_NO));
	if (is_key(key, methods) && (strcmp(v, "paper") == 0 || strcmp(v, "tui") == 0))
		return xstrdup(msg(strcmp(v, "paper") == 0 ? M_PL_METHOD_PAPER : M_PL_METHOD_TUI));
	if (strcmp(key, "records") == 0)
		return xasprintf(msg(M_DETAIL_RECORDS), atoi(v));
	char *clean = text_sanitize(v, 0);
	if (text_width(clean) <= 40)
		return clean;
	char *cut = text_fit(clean, 40, 1);
	free(clean);
	return cut;
}

static void add_field(void *ctx, const char *key, int change, const char *old, const char *now)
{
	static const char *const noise[] = {"id", "version", "created_at", "updated_at", NULL};
	struct detail_words *w = ctx;
	if (!change && (is_key(key, noise) || !now || !*now))
		return;
	int en = msg_english();
	if (change && strcmp(key, "deleted_at") == 0 && old && *old && (!now || !*now)) {
		char *o = value_text(key, old);   /* a restore (issue 14.4) */
		sb_puts(&w->out, w->out.len ? (en ? "; " : "；") : "");
		sb_printf(&w->out, msg(M_RS_DETAIL), o);
		free(o);
		return;
	}
	sb_printf(&w->out, "%s%s%s", w->out.len ? (en ? "; " : "；") : "", msg_field(w->entity, key),
		  en ? ": " : "：");
	char *n = value_text(key, now);
	if (change) {
		char *o = value_text(key, old);
		sb_printf(&w->out, "%s → %s", o, n);
		free(o);
	} else {
		sb_puts(&w->out, n);
	}
	free(n);
}

char *qd_detail_text(struct qd *q, const char *entity, const char *detail)
{
	struct detail_words w = {entity, {0}};
	if (store_detail_each(q->db, detail, add_field, &w) != QD_OK || !w.out.s) {
		sb_free(&w.out);
		return xstrdup("");
	}
	return sb_take(&w.out);
}

/* model.c — the session (file + actor), permissions, labels, lookups, and
 * the org and person rules.  Items live in model_item.c, the audit chain in
 * audit.c.  See model.h for the contract; every write here runs inside
 * model_begin()/model_end() and appends its audit row before commit. */
#include "qingdan/model.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model_impl.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/msg.h"
#include "qingdan/norm.h"
#include "qingdan/store.h"

/* ---- labels ---- */

static const char *const status_codes[] = {"planned", "in_progress", "submitted", "done", "cancelled"};
static const enum msg_id status_msgs[] = {M_ST_PLANNED, M_ST_IN_PROGRESS, M_ST_SUBMITTED, M_ST_DONE,
					  M_ST_CANCELLED};
static const char *const status_zh[] = {"未开始", "进行中", "待审核", "已销号", "已取消"};

const char *status_code(enum item_status s)
{
	return (unsigned)s < ST__COUNT ? status_codes[s] : "?";
}

const char *status_label(enum item_status s)
{
	return (unsigned)s < ST__COUNT ? msg(status_msgs[s]) : "?";
}

int status_parse(const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < ST__COUNT; i++)
		if (strcmp(s, status_codes[i]) == 0 || strcmp(s, status_zh[i]) == 0)
			return i;
	return -1;
}

int status_is_open(enum item_status s)
{
	return s == ST_PLANNED || s == ST_IN_PROGRESS || s == ST_SUBMITTED;
}

char *flags_label(const char *flags)
{
	static const struct {
		const char *code;
		enum msg_id label;
	} map[] = {{"overdue", M_FLAG_OVERDUE}, {"due_soon", M_FLAG_DUE_SOON}, {"late", M_FLAG_LATE}};
	struct strbuf b = {0};
	for (size_t i = 0; i < ARRAY_SIZE(map); i++) {
		const char *p = flags ? strstr(flags, map[i].code) : NULL;
		size_t n = strlen(map[i].code);
		if (p && (p[n] == ',' || p[n] == '\0'))
			sb_printf(&b, "%s%s", b.len ? "," : "", msg(map[i].label));
	}
	return sb_take(&b);
}

static const char *const level_codes[] = {"party-group", "organ-committee", "branch"};
static const char *const level_zh[] = {"党组", "机关党委", "党支部"};

const char *level_code(enum org_level l)
{
	return level_codes[l];
}

const char *level_label(enum org_level l)
{
	static const enum msg_id m[] = {M_LV_PARTY_GROUP, M_LV_ORGAN_COMMITTEE, M_LV_BRANCH};
	return msg(m[l]);
}

int level_parse(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (s && (strcmp(s, level_codes[i]) == 0 || strcmp(s, level_zh[i]) == 0))
			return i;
	return -1;
}

/* ---- records ---- */

void org_clear(struct org *o)
{
	xfree(&o->name);
	xfree(&o->level);
}

void person_clear(struct person *p)
{
	xfree(&p->name);
	xfree(&p->post);
	xfree(&p->org_name);
	xfree(&p->login);
}

void item_clear(struct item *it)
{
	char **s[] = {&it->org_name, &it->category, &it->content, &it->measures, &it->standard,
		      &it->due, &it->due_text, &it->done_on, &it->owner_name, &it->lead_name,
		      &it->flags, &it->created_at, &it->updated_at, &it->deleted_at};
	for (size_t i = 0; i < ARRAY_SIZE(s); i++)
		xfree(s[i]);
}

void note_clear(struct note *n)
{
	xfree(&n->on_date);
	xfree(&n->person_name);
	xfree(&n->text);
}

void notes_free(struct note *notes, int n)
{
	for (int i = 0; i < n; i++)
		note_clear(&notes[i]);
	free(notes);
}

/* ---- session ---- */

void qd_refresh_actor(struct qd *q)
{
	struct person p = {0};
	/* open mode on a server too: its policies mirror it (schema_pg.c) */
	q->enforced = store_admins_with_login(q->db) > 0;
	q->actor_id = 0;
	q->actor_admin = 0;
	xfree(&q->actor_name);
	if (store_person_by_login(q->db, q->login, &p) == QD_OK && p.active) {
		q->actor_id = p.id;
		q->actor_admin = p.is_admin;
		q->actor_name = xstrdup(p.name);
	}
	person_clear(&p);
	if (!q->actor_name)
		q->actor_name = xstrdup(q->login);
	/* the schema's owner with no person of its own: as the file's
	 * creator in open mode (a person with its login has that person's
	 * rights, as on a file) */
	const char *role = db_user(q->db);
	if (!q->enforced || q->system ||
	    (db_owner(q->db) && !q->actor_id && role && strcmp(role, q->login) == 0))
		q->actor_admin = 1;
	char *soon = store_setting(q->db, "due_soon_days");
	q->due_soon_days = *soon ? atoi(soon) : 7;
	free(soon);
	anchor_seen(q);      /* a re-read may have seen a newer head */
}

void qd_set_login(struct qd *q, const char *login)
{
	free(q->login);
	q->login = xstrdup(login);
	qd_refresh_actor(q);
}

enum qd_status qd_open(struct qd *q, const char *path, int flags, struct strbuf *err)
{
	int year = q->year;
	memset(q, 0, sizeof *q);
	enum qd_status s = db_open(path, flags, &q->db, err);
	if (s != QD_OK)
		return s;
	struct passwd *pw = db_user(q->db) ? NULL : getpwuid(geteuid());
	q->login = db_user(q->db) ? xstrdup(db_user(q->db))
		   : pw		  ? xstrdup(pw->pw_name)
				  : xasprintf("uid%ld", (long)geteuid());
	q->year = year ? year : date_year(date_today());
	qd_refresh_actor(q);
	if ((s = qd_run_upgrades(q, err)) != QD_OK)
		qd_close(q);
	return s;
}

void qd_close(struct qd *q)
{
	anchor_close(q);
	db_close(&q->db);
	xfree(&q->login);
	xfree(&q->actor_name);
}

/* ---- shared write helpers (model_impl.h) ---- */

enum qd_status model_begin(struct qd *q, struct strbuf *err)
{
	if (db_readonly(q->db)) {
		sb_puts(err, msg(M_READONLY));
		return QD_DENIED;
	}
	if (db_begin(q->db) != QD_OK)
		return db_error(q->db, err);
	return QD_OK;
}

enum qd_status model_end(struct qd *q, enum qd_status s, struct strbuf *err)
{
	if (s == QD_OK && db_depth(q->db) == 1)
		s = anchor_before_commit(q, err);
	if (db_end(q->db, s == QD_OK) != QD_OK && s == QD_OK)
		s = db_error(q->db, err);
	if (s == QD_DBERROR && err && err->len == 0)
		db_error(q->db, err);
	if (db_depth(q->db) == 0)
		anchor_seen(q);      /* the anchor follows every committed write */
	return s;
}

enum qd_status model_need_admin(struct qd *q, enum msg_id action, struct strbuf *err)
{
	if (q->actor_admin)
		return QD_OK;
	sb_printf(err, msg(M_DENIED_ADMIN), msg(action), q->actor_name);
	return QD_DENIED;
}

void model_now(char *buf)
{
	date_now_utc(buf);
}

enum qd_status model_iso_date(const char *in, char *out, const char **res, struct strbuf *err)
{
	int day;
	*res = in;
	if (str_empty(in))
		return QD_OK;
	if (date_parse(in, &day) != 0) {
		sb_printf(err, msg(M_BAD_DATE), in);
		return QD_INVALID;
	}
	*res = date_format(day, out);
	return QD_OK;
}

/* ---- lookups ---- */

enum qd_status qd_get_person(struct qd *q, long long id, struct person *p)
{
	return store_person_get(q->db, id, p);
}

enum qd_status qd_get_org(struct qd *q, long long id, struct org *o)
{
	return store_org_get(q->db, id, o);
}

enum qd_status qd_find_org(struct qd *q, const char *name, long long *id, struct strbuf *err)
{
	long long n;
	enum qd_status s;
	if (name && name[0] == '#' && parse_id(name, &n) == 0) {
		struct org o = {0};
		s = store_org_get(q->db, n, &o);
		org_clear(&o);
		if (s == QD_OK)
			*id = n;
	} else {
		char *norm = norm_name(name ? name : "");
		s = norm ? store_org_by_name(q->db, norm, id) : QD_NOTFOUND;
		free(norm);
	}
	if (s == QD_NOTFOUND)
		sb_printf(err, msg(M_ORG_NOT_FOUND), name ? name : "");
	return s;
}

/* ---- orgs and people ---- */

/* The normal form of a name to store (malloc'd), or NULL after saying why. */
static char *clean_name(const char *entity, const char *name, struct strbuf *err)
{
	char *norm = norm_name(name ? name : "");
	if (!norm)
		sb_puts(err, msg(M_NAME_NOT_UTF8));
	else if (!*norm)
		sb_printf(err, msg(M_NAME_BLANK), msg_field(entity, "name"));
	if (norm && !*norm)
		xfree(&norm);
	return norm;
}

static enum qd_status org_insert(struct qd *q, const char *name, enum org_level level,
				 long long parent_id, long long *id, struct strbuf *err)
{
	long long existing;
	enum qd_status s = model_need_admin(q, M_ACT_MANAGE_ORGS, err);
	if (s == QD_OK && store_org_by_name(q->db, name, &existing) == QD_OK) {
		sb_printf(err, msg(M_ORG_EXISTS), name);
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = store_org_insert(q->db, name, level_code(level), parent_id, id);
	if (s == QD_OK)
		s = qd_audit(q, "add", "org", *id, NULL, NULL, err);
	return model_end(q, s, err);
}

enum qd_status qd_org_add(struct qd *q, const char *name, enum org_level level,
			  long long parent_id, long long *id, struct strbuf *err)
{
	char *norm = clean_name("org", name, err);
	if (!norm)
		return QD_INVALID;
	enum qd_status s = org_insert(q, norm, level, parent_id, id, err);
	free(norm);
	return s;
}

static enum qd_status check_login_free(struct qd *q, long long self, const char *login,
				       struct strbuf *err)
{
	struct person p = {0};
	enum qd_status s = QD_OK;
	if (!str_empty(login) && store_person_by_login(q->db, login, &p) == QD_OK && p.id != self) {
		sb_printf(err, msg(M_LOGIN_TAKEN), login, p.id);
		s = QD_INVALID;
	}
	person_clear(&p);
	return s;
}

/* f with its name in normal form and its login trimmed; the strings are
 * owned by c (free with clean_free). */
struct clean_person {
	struct person_fields f;
	char *name, *login;
};

static enum qd_status clean_person(const struct person_fields *in, int adding,
				   struct clean_person *c, struct strbuf *err)
{
	memset(c, 0, sizeof *c);
	c->f = *in;
	if (adding || in->name) {
		if (!(c->name = clean_name("person", in->name, err)))
			return QD_INVALID;
		c->f.name = c->name;
	}
	if (in->login) {
		if (!(c->login = norm_name(in->login))) {
			sb_puts(err, msg(M_NAME_NOT_UTF8));
			return QD_INVALID;
		}
		c->f.login = c->login;
	}
	return QD_OK;
}

static void clean_free(struct clean_person *c)
{
	xfree(&c->name);
	xfree(&c->login);
}

enum qd_status qd_person_add(struct qd *q, const struct person_fields *in, long long *id,
			     struct strbuf *err)
{
	struct clean_person c;
	enum qd_status s = clean_person(in, 1, &c, err);
	const struct person_fields *f = &c.f;
	if (s == QD_OK)
		s = model_need_admin(q, M_ACT_MANAGE_PEOPLE, err);
	if (s == QD_OK)
		s = check_login_free(q, 0, f->login, err);
	if (s == QD_OK && (s = model_begin(q, err)) == QD_OK) {
		s = store_person_insert(q->db, f, id);
		if (s == QD_OK)
			s = model_person_keys(q, *id, f->name, err);
		if (s == QD_OK)
			s = qd_audit(q, "add", "person", *id, NULL, NULL, err);
		s = model_end(q, s, err);
	}
	/* only a login can change who acts or whether rules are enforced */
	if (s == QD_OK && !str_empty(f->login))
		qd_refresh_actor(q);
	clean_free(&c);
	return s;
}

static enum qd_status person_update(struct qd *q, long long id, const struct person_fields *f,
				    struct strbuf *err)
{
	enum qd_status s = model_need_admin(q, M_ACT_MANAGE_PEOPLE, err);
	if (s == QD_OK)
		s = check_login_free(q, id, f->login, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	char *before = store_canon(q->db, "person", id);
	if (!before) {
		sb_printf(err, msg(M_PERSON_NOT_FOUND), "#");
		s = QD_NOTFOUND;
	} else {
		s = store_person_update(q->db, id, f);
	}
	if (s == QD_OK && f->name)
		s = model_person_keys(q, id, f->name, err);
	if (s == QD_OK)
		s = qd_audit(q, "set", "person", id, before, NULL, err);
	free(before);
	s = model_end(q, s, err);
	if (s == QD_OK)
		qd_refresh_actor(q);
	return s;
}

enum qd_status qd_person_set(struct qd *q, long long id, const struct person_fields *in,
			     struct strbuf *err)
{
	struct clean_person c;
	enum qd_status s = clean_person(in, 0, &c, err);
	if (s == QD_OK)
		s = person_update(q, id, &c.f, err);
	clean_free(&c);
	return s;
}

char *qd_setting(struct qd *q, const char *key)
{
	return store_setting(q->db, key);
}

enum qd_status qd_setting_set(struct qd *q, const char *key, const char *value,
			      struct strbuf *err)
{
	enum qd_status s = model_need_admin(q, M_ACT_SETTINGS, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	long long rowid = 0;
	char *before = NULL;
	if (store_setting_rowid(q->db, key, &rowid) == QD_OK)
		before = store_canon(q->db, "setting", rowid);
	s = store_setting_set(q->db, key, value);
	/* a new order of names: every key again, in this transaction */
	if (s == QD_OK && strcmp(key, "name_order") == 0)
		s = model_name_order_changed(q, value, err);
	if (s == QD_OK)
		s = store_setting_rowid(q->db, key, &rowid);
	if (s == QD_OK)
		s = qd_audit(q, "set", "setting", rowid, before, NULL, err);
	free(before);
	s = model_end(q, s, err);
	if (s == QD_OK)
		qd_refresh_actor(q);
	return s;
}

enum qd_status qd_batch_begin(struct qd *q, struct strbuf *err)
{
	return model_begin(q, err);
}

enum qd_status qd_batch_end(struct qd *q, enum qd_status s, struct strbuf *err)
{
	return model_end(q, s, err);
}

enum qd_status qd_ensure_defaults(struct qd *q, struct strbuf *err)
{
	long long id, top = 0;
	if (db_readonly(q->db) || store_org_by_name(q->db, "党组", &id) == QD_OK ||
	    store_org_by_name(q->db, "机关党委", &id) == QD_OK)
		return QD_OK;
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = qd_org_add(q, "党组", LV_PARTY_GROUP, 0, &top, err);
	if (s == QD_OK)
		s = qd_org_add(q, "机关党委", LV_ORGAN_COMMITTEE, top, &id, err);
	return model_end(q, s, err);
}

/* model_person.c — naming people: the one resolver every part of qingdan
 * uses for "who" (CLI --owner/--lead/--signer…, import's 责任人/牵头领导
 * cells, the TUI's :assign and person picker), merging a look-alike
 * duplicate into the person kept, and the upgrade task that puts the names
 * of an older file into normal form (norm.h).  Part of the model (model.h);
 * every write is audited like any other.
 *
 * A reference, after norm_name():
 *   #12                     the person with that id
 *   王伟                    the one 王伟 (the active one if only one is)
 *   王伟（副局长）           the one 王伟 whose post or branch contains
 *   王伟(第二党支部)         the text in brackets; with "·" every part
 *   王伟（副局长·第二党支部） must be found in one or the other
 *   #12 王伟（副局长）       the form an ambiguity error lists: the id,
 *                           checked against the name
 *   王伟#12                 an id written after the name (files of other
 *                           offices): that person if the name agrees
 *   zgq  zhao  zhao guo     when no name matches, an ASCII text as pinyin
 *   ZhaoGuoQiang            (collate.h): initials or spaceless pinyin
 *                           starting with it, those spelt whole first */
#include <stdlib.h>
#include <string.h>

#include "meeting_impl.h"
#include "model_impl.h"
#include "qingdan/collate.h"
#include "qingdan/db.h"
#include "qingdan/norm.h"
#include "qingdan/store.h"

void person_ref_clear(struct person_ref *r)
{
	xfree(&r->name);
	xfree(&r->qual);
	r->id = 0;
	r->foreign_id = 0;
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && memcmp(s + n - k, tail, k) == 0;
}

/* Trimmed copy of s[0, n). */
static char *trimmed(const char *s, size_t n)
{
	while (n && *s == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

/* Split NAME（X） / NAME(X) (either bracket style at either end). */
static void split_qual(struct person_ref *r, const char *s)
{
	const char *wide = strstr(s, "（"), *narrow = strchr(s, '(');
	const char *open = wide && (!narrow || wide < narrow) ? wide : narrow;
	size_t close = ends_with(s, "）") ? strlen("）") : ends_with(s, ")") ? 1 : 0;
	if (open && close) {
		size_t skip = open == wide ? strlen("（") : 1;
		const char *q = open + skip, *end = s + strlen(s) - close;
		char *name = trimmed(s, (size_t)(open - s));
		char *qual = end > q ? trimmed(q, (size_t)(end - q)) : xstrdup("");
		if (*name && *qual) {
			r->name = name;
			r->qual = qual;
			return;
		}
		free(name);
		free(qual);
	}
	r->name = xstrdup(s);
}

int qd_person_ref_parse(const char *who, struct person_ref *r)
{
	memset(r, 0, sizeof *r);
	char *s = norm_name(who ? who : "");
	if (!s)
		return -1;
	const char *rest = s;
	if (s[0] == '#' && s[1] >= '0' && s[1] <= '9') {
		char *end;
		long long id = strtoll(s + 1, &end, 10);
		if (*end == '\0' || *end == ' ') {
			r->id = id;
			rest = *end ? end + 1 : end;
		}
	} else {
		const char *hash = strrchr(s, '#');
		long long id;
		if (hash && hash != s && parse_id(hash, &id) == 0) {
			r->id = id;
			r->foreign_id = 1;
			char *name = trimmed(s, (size_t)(hash - s));
			split_qual(r, name);
			free(name);
			free(s);
			return 0;
		}
	}
	split_qual(r, rest);
	free(s);
	return 0;
}

/* ---- matching ---- */

static int contains_folded(const char *hay, const char *part)
{
	if (str_empty(hay))
		return 0;
	char *h = norm_search(hay);
	int yes = strstr(h, part) != NULL;
	free(h);
	return yes;
}

int qd_person_fits(const struct person *p, const char *qual)
{
	char *q = norm_search(qual ? qual : "");
	int fits = *q != '\0';
	for (char *part = q; fits && part;) {
		char *dot = strstr(part, "\xC2\xB7");
		if (dot)
			*dot = '\0';
		char *t = trimmed(part, strlen(part));
		fits = !*t || contains_folded(p->post, t) || contains_folded(p->org_name, t);
		free(t);
		part = dot ? dot + 2 : NULL;
	}
	free(q);
	return fits;
}

char *qd_person_label(const struct person *p)
{
	int post = !str_empty(p->post), org = !str_empty(p->org_name);
	return xasprintf("%s%s%s%s%s%s", p->name, post || org ? "（" : "", post ? p->post : "",
			 post && org ? "·" : "", org ? p->org_name : "", post || org ? "）" : "");
}

char *qd_person_ref(struct qd *q, long long id)
{
	return id ? store_person_ref(q->db, id) : NULL;
}

/* "#12 王伟（副局长·第二党支部）；#31 王伟（组织委员）": each one names its
 * person when passed back. */
static char *candidates(struct person *const *ps, int n)
{
	struct strbuf b = {0};
	for (int i = 0; i < n; i++) {
		char *label = qd_person_label(ps[i]);
		sb_printf(&b, "%s#%lld %s", i ? msg(M_IO_ROW_SEP) : "", ps[i]->id, label);
		free(label);
	}
	return sb_take(&b);
}

static int exact_fit(const struct person *p, const char *qual)
{
	char *label = qd_person_label(p);
	const char *open = strstr(label, "（");
	char *inner = open ? xstrndup(open + strlen("（"), strlen(open) - 2 * strlen("（")) : NULL;
	int yes = str_eq(p->post, qual) || str_eq(p->org_name, qual) || str_eq(inner, qual);
	free(inner);
	free(label);
	return yes;
}

/* Narrow the people of one name to the one meant: those fitting the
 * qualifier; of those the active ones if any; then an exact fit. */
static enum qd_status choose(struct person *ps, int n, const struct person_ref *r,
			     const char *who, long long *id, char **cands, struct strbuf *err)
{
	struct person **pick = xcalloc((size_t)n + 1, sizeof *pick);
	int k = 0, active = 0;
	for (int i = 0; i < n; i++)
		if (!r->qual || qd_person_fits(&ps[i], r->qual)) {
			pick[k++] = &ps[i];
			active += ps[i].active;
		}
	if (active && active < k) {
		int j = 0;
		for (int i = 0; i < k; i++)
			if (pick[i]->active)
				pick[j++] = pick[i];
		k = j;
	}
	if (k > 1 && r->qual) {
		int exact = 0;
		struct person *one = NULL;
		for (int i = 0; i < k; i++)
			if (exact_fit(pick[i], r->qual)) {
				exact++;
				one = pick[i];
			}
		if (exact == 1) {
			pick[0] = one;
			k = 1;
		}
	}
	enum qd_status s = QD_OK;
	if (k == 1) {
		*id = pick[0]->id;
	} else if (k == 0) {
		for (int i = 0; i < n; i++)
			pick[i] = &ps[i];
		char *c = candidates(pick, n);
		sb_printf(err, msg(M_PERSON_NO_FIT), r->name, r->qual, c);
		free(c);
		s = QD_NOTFOUND;
	} else {
		char *c = candidates(pick, k);
		sb_printf(err, msg(M_PERSON_AMBIGUOUS), who, c);
		if (cands)
			*cands = c;
		else
			free(c);
		s = QD_AMBIGUOUS;
	}
	free(pick);
	return s;
}

static void people_free(struct person *ps, int n)
{
	for (int i = 0; i < n; i++)
		person_clear(&ps[i]);
	free(ps);
}

/* The person of an id reference; the name (and qualifier) must agree. */
static enum qd_status by_id(struct qd *q, const struct person_ref *r, const char *who,
			    long long *id, struct strbuf *err)
{
	struct person p = {0};
	enum qd_status s = store_person_get(q->db, r->id, &p);
	if (s != QD_OK) {
		if (!r->foreign_id)
			sb_printf(err, msg(M_PERSON_NOT_FOUND), who);
		s = QD_NOTFOUND;
	} else if (*r->name && (strcmp(p.name, r->name) != 0 ||
				(r->qual && !qd_person_fits(&p, r->qual)))) {
		if (!r->foreign_id)
			sb_printf(err, msg(M_PERSON_ID_NAME), r->id, p.name, who);
		s = QD_NOTFOUND;
	} else {
		*id = r->id;
	}
	person_clear(&p);
	return s;
}

/* An ASCII reference as pinyin: the people whose initials or pinyin start
 * with it ("zgq", "zhao", "zhaoguoqiang", "zhao guo"); those it spells
 * whole first, else every prefix match.  QD_NOTFOUND (err untouched) when
 * it names no one this way. */
static enum qd_status by_pinyin(struct qd *q, const char *py, const char *who, long long *id,
				char **cands, struct strbuf *err)
{
	struct person *ps = NULL;
	int *exact = NULL, n = 0, k = 0, whole = 0;
	enum qd_status s = store_person_by_pinyin(q->db, py, &ps, &exact, &n);
	for (int i = 0; i < n; i++)
		whole += exact[i];
	for (int i = 0; i < n; i++) {
		if (!whole || exact[i])
			ps[k++] = ps[i];
		else
			person_clear(&ps[i]);
	}
	if (s == QD_OK && k > 0) {
		struct person_ref plain = {NULL, NULL, 0, 0};   /* no qualifier: name unused */
		s = choose(ps, k, &plain, who, id, cands, err);
	} else if (s == QD_OK) {
		s = QD_NOTFOUND;
	}
	people_free(ps, k);
	free(exact);
	return s;
}

/* The people whose name starts with r's name (its qualifier narrowing
 * them): QD_NOTFOUND (err untouched) when none does. */
static enum qd_status by_prefix(struct qd *q, const struct person_ref *r, const char *who,
				long long *id, char **cands, struct strbuf *err)
{
	struct person *ps = NULL;
	int n = 0;
	enum qd_status s = store_person_by_prefix(q->db, r->name, &ps, &n);
	if (s == QD_OK && n == 0)
		s = QD_NOTFOUND;
	if (s == QD_OK) {
		char *c = NULL;
		struct strbuf e = {0};
		s = choose(ps, n, r, who, id, &c, &e);
		if (s == QD_AMBIGUOUS) {
			sb_reset(err);
			sb_printf(err, msg(M_SCR_PREFIX_AMBIGUOUS), who, c ? c : "");
		} else if (s != QD_OK) {
			sb_reset(err);
			sb_puts(err, e.s ? e.s : "");
		}
		if (cands)
			*cands = c;
		else
			free(c);
		sb_free(&e);
	}
	people_free(ps, n);
	return s;
}

/* sound: an ASCII text that names no one is also tried as pinyin or
 * initials ("zgq", "zhao guo qiang"). */
static enum qd_status match_person(struct qd *q, const char *who, long long *id,
				   struct person_ref *ref, char **cands, struct strbuf *err, int sound)
{
	struct person_ref r;
	struct person *ps = NULL;
	int n = 0;
	enum qd_status s;
	if (cands)
		*cands = NULL;
	if (qd_person_ref_parse(who, &r) != 0) {
		if (ref)
			*ref = r;
		sb_puts(err, msg(M_NAME_NOT_UTF8));
		return QD_INVALID;
	}
	if (r.id && !r.foreign_id) {
		s = by_id(q, &r, who, id, err);
		goto done;
	}
	/* the whole text first: someone may really be called so */
	char *whole = norm_name(who);
	s = store_person_by_name(q->db, whole, &ps, &n);
	free(whole);
	if (s == QD_OK && n > 0) {
		struct person_ref plain = {r.name, NULL, 0, 0};
		s = choose(ps, n, &plain, who, id, cands, err);
		goto done;
	}
	people_free(ps, n);
	ps = NULL;
	n = 0;
	if (s == QD_OK && r.foreign_id && (s = by_id(q, &r, who, id, err)) == QD_OK)
		goto done;
	if (r.qual && (s = store_person_by_name(q->db, r.name, &ps, &n)) == QD_OK && n > 0) {
		s = choose(ps, n, &r, who, id, cands, err);
		goto done;
	}
	/* no one of that name: "zgq", "zhao", "zhao guo qiang" (collate.h) */
	char *py = sound && (s == QD_OK || s == QD_NOTFOUND) ? collate_pinyin_query(who) : NULL;
	if (py) {
		enum qd_status p = by_pinyin(q, py, who, id, cands, err);
		free(py);
		if (p != QD_NOTFOUND) {
			s = p;
			goto done;
		}
	}
	/* the start of a name (阿卜 for 阿卜杜·热合曼): one person, or the
	 * candidates to choose from */
	if (sound && (s == QD_OK || s == QD_NOTFOUND) && *r.name) {
		enum qd_status p = by_prefix(q, &r, who, id, cands, err);
		if (p != QD_NOTFOUND) {
			s = p;
			goto done;
		}
	}
	if (s == QD_OK || s == QD_NOTFOUND) {
		sb_reset(err);
		sb_printf(err, msg(M_PERSON_NOT_FOUND), who);
		s = QD_NOTFOUND;
	}
done:
	people_free(ps, n);
	if (ref)
		*ref = r;
	else
		person_ref_clear(&r);
	return s;
}

enum qd_status qd_match_person(struct qd *q, const char *who, long long *id,
			       struct person_ref *ref, char **cands, struct strbuf *err)
{
	return match_person(q, who, id, ref, cands, err, 1);
}

enum qd_status qd_match_person_exact(struct qd *q, const char *who, long long *id,
				     struct person_ref *ref, char **cands, struct strbuf *err)
{
	return match_person(q, who, id, ref, cands, err, 0);
}

enum qd_status qd_find_person(struct qd *q, const char *who, long long *id, struct strbuf *err)
{
	return match_person(q, who ? who : "", id, NULL, NULL, err, 1);
}

/* ---- merge ---- */

struct refs {
	const char **entity;
	long long *id;
	int n;
};

static void add_ref(void *ctx, const char *entity, long long id)
{
	struct refs *r = ctx;
	r->entity = xrealloc(r->entity, (size_t)(r->n + 1) * sizeof *r->entity);
	r->id = xrealloc(r->id, (size_t)(r->n + 1) * sizeof *r->id);
	/* the entity names are store_entities' own strings */
	for (int i = 0; store_entities[i]; i++)
		if (strcmp(store_entities[i], entity) == 0)
			r->entity[r->n] = store_entities[i];
	r->id[r->n++] = id;
}

/* Move the records, then the login (and with it the admin right). */
static enum qd_status merge_in(struct qd *q, const struct person *keep, const struct person *drop,
			       int *moved, struct strbuf *err)
{
	struct refs refs = {0};
	char now[32];
	model_now(now);
	enum qd_status s = meeting_merge_person(q, keep->id, drop->id, err);
	if (s == QD_OK)
		s = store_person_refs(q->db, drop->id, add_ref, &refs);
	for (int i = 0; s == QD_OK && i < refs.n; i++) {
		char *before = store_canon(q->db, refs.entity[i], refs.id[i]);
		s = store_person_repoint(q->db, refs.entity[i], refs.id[i], drop->id, keep->id, now);
		if (s == QD_OK)
			s = qd_audit(q, "merge", refs.entity[i], refs.id[i], before, NULL, err);
		free(before);
	}
	*moved = refs.n;
	free(refs.entity);
	free(refs.id);
	int take_login = !str_empty(drop->login) && str_empty(keep->login);
	struct person_fields off = PERSON_FIELDS_INIT, on = PERSON_FIELDS_INIT;
	off.active = 0;
	if (take_login)
		off.login = "";
	on.login = drop->login;
	on.is_admin = keep->is_admin || drop->is_admin;
	char *before = store_canon(q->db, "person", drop->id);
	if (s == QD_OK && (s = store_person_update(q->db, drop->id, &off)) == QD_OK)
		s = qd_audit(q, "merge", "person", drop->id, before, NULL, err);
	free(before);
	before = store_canon(q->db, "person", keep->id);
	if (s == QD_OK && take_login && (s = store_person_update(q->db, keep->id, &on)) == QD_OK)
		s = qd_audit(q, "merge", "person", keep->id, before, NULL, err);
	free(before);
	if (s == QD_DBERROR && !err->len)
		db_error(q->db, err);
	return s;
}

enum qd_status qd_person_merge(struct qd *q, long long keep_id, long long drop_id, int *moved,
			       struct strbuf *err)
{
	struct person keep = {0}, drop = {0};
	*moved = 0;
	enum qd_status s = model_need_admin(q, M_ACT_MANAGE_PEOPLE, err);
	if (s == QD_OK && keep_id == drop_id) {
		sb_puts(err, msg(M_MERGE_SELF));
		s = QD_INVALID;
	}
	if (s == QD_OK && (store_person_get(q->db, keep_id, &keep) != QD_OK ||
			   store_person_get(q->db, drop_id, &drop) != QD_OK)) {
		sb_printf(err, msg(M_PERSON_NOT_FOUND), "#");
		s = QD_NOTFOUND;
	}
	if (s == QD_OK && !str_empty(keep.login) && !str_empty(drop.login)) {
		sb_printf(err, msg(M_MERGE_LOGINS), keep.id, keep.login, drop.id, drop.login);
		s = QD_INVALID;
	}
	if (s == QD_OK && (s = model_begin(q, err)) == QD_OK)
		s = model_end(q, merge_in(q, &keep, &drop, moved, err), err);
	person_clear(&keep);
	person_clear(&drop);
	if (s == QD_OK)
		qd_refresh_actor(q);
	return s;
}

/* ---- Chinese order: a name's keys (collate.h) ---- */

static enum name_order name_order_of(struct qd *q)
{
	char *v = store_setting(q->db, "name_order");
	int o = name_order_parse(v);
	free(v);
	return o < 0 ? NAME_PINYIN : (enum name_order)o;
}

static enum qd_status write_keys(struct qd *q, long long id, const char *name,
				 enum name_order order, struct strbuf *err)
{
	struct collate_keys k;
	/* without the module: "" keys, one warning (collate_warning), and the
	 * upgrade task queued to fill them at an open that has the module */
	int made = collate_name(name, order, &k, NULL) == 0;
	enum qd_status s = store_person_keys(q->db, id, k.sort_key, k.pinyin, k.initials);
	if (s == QD_OK && !made)
		s = store_upgrade_queue(q->db, "person_sort_keys");
	collate_keys_clear(&k);
	return s == QD_OK ? QD_OK : db_error(q->db, err);
}

enum qd_status model_person_keys(struct qd *q, long long id, const char *name, struct strbuf *err)
{
	return write_keys(q, id, name, name_order_of(q), err);
}

/* Every person's keys again, under order. */
static enum qd_status rekey_people(struct qd *q, enum name_order order, struct strbuf *err)
{
	struct store_name *names = NULL;
	int n = 0;
	enum qd_status s = store_names(q->db, 0, &names, &n);
	if (s != QD_OK)
		s = db_error(q->db, err);
	for (int i = 0; i < n; i++) {
		if (s == QD_OK)
			s = write_keys(q, names[i].id, names[i].name, order, err);
		free(names[i].name);
	}
	free(names);
	return s;
}

enum qd_status model_name_order_changed(struct qd *q, const char *value, struct strbuf *err)
{
	int order = name_order_parse(value);
	if (order < 0) {
		sb_printf(err, msg(M_CO_BAD_ORDER), value);
		return QD_INVALID;
	}
	/* a new order without the module would leave every key stale */
	if (!collate_available(err))
		return QD_IOERROR;
	return rekey_people(q, (enum name_order)order, err);
}

/* The upgrade task person_sort_keys: the people of a file made before
 * migration 7 (or before ICU came) get their keys; left pending, to run at
 * a later open, while the module is missing or the actor may not write
 * people (a member on a server). */
static enum qd_status fill_keys(struct qd *q, struct strbuf *err)
{
	if (!q->actor_admin || !store_upgrade_pending(q->db, "person_sort_keys") ||
	    !collate_available(NULL))
		return QD_OK;
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = rekey_people(q, name_order_of(q), err);
	if (s == QD_OK && (s = store_upgrade_done(q->db, "person_sort_keys")) != QD_OK)
		s = db_error(q->db, err);
	return model_end(q, s, err);
}

/* ---- upgrade: names of an older file into normal form ---- */

static enum qd_status normalise(struct qd *q, int orgs, struct strbuf *err)
{
	struct store_name *names = NULL;
	int n = 0;
	long long other;
	const char *entity = orgs ? "org" : "person";
	enum qd_status s = store_names(q->db, orgs, &names, &n);
	for (int i = 0; i < n; i++) {
		char *norm = s == QD_OK ? norm_name(names[i].name) : NULL;
		/* blank, or an org that would take another's name: left as it is */
		if (norm && *norm && strcmp(norm, names[i].name) != 0 &&
		    !(orgs && store_org_by_name(q->db, norm, &other) == QD_OK)) {
			struct person_fields f = PERSON_FIELDS_INIT;
			f.name = norm;
			char *before = store_canon(q->db, entity, names[i].id);
			s = orgs ? store_org_rename(q->db, names[i].id, norm)
				 : store_person_update(q->db, names[i].id, &f);
			if (s == QD_OK && !orgs)
				s = model_person_keys(q, names[i].id, norm, err);
			if (s == QD_OK)
				s = qd_audit(q, "normalise", entity, names[i].id, before, NULL, err);
			free(before);
		}
		free(norm);
		free(names[i].name);
	}
	free(names);
	return s;
}

enum qd_status qd_run_upgrades(struct qd *q, struct strbuf *err)
{
	if (db_readonly(q->db))
		return QD_OK;
	enum qd_status s = QD_OK;
	if (store_upgrade_pending(q->db, "normalise_names")) {
		if ((s = model_begin(q, err)) != QD_OK)
			return s;
		s = normalise(q, 0, err);
		if (s == QD_OK)
			s = normalise(q, 1, err);
		if (s == QD_OK)
			s = store_upgrade_done(q->db, "normalise_names");
		s = model_end(q, s, err);
		if (s == QD_OK)
			qd_refresh_actor(q);
	}
	return s == QD_OK ? fill_keys(q, err) : s;
}

/* ---- server roles ---- */

enum qd_status qd_db_role(struct qd *q, const char *login, int revoke, char **result,
			  int *has_person, struct strbuf *err)
{
	*result = NULL;
	*has_person = 0;
	if (db_dialect(q->db) != DB_PG) {
		sb_printf(err, msg(M_ROLE_SQLITE), db_path(q->db));
		return QD_INVALID;
	}
	size_t n = strlen(login);
	int bad = n == 0 || n > 63;
	for (const unsigned char *p = (const unsigned char *)login; *p && !bad; p++)
		bad = *p <= ' ' || *p == 0x7f;
	if (bad) {
		sb_printf(err, msg(M_ROLE_BAD_LOGIN), login);
		return QD_INVALID;
	}
	enum qd_status s = model_need_admin(q, M_ACT_MANAGE_ROLES, err);
	if (s != QD_OK)
		return s;
	struct person p = {0};
	*has_person = store_person_by_login(q->db, login, &p) == QD_OK;
	person_clear(&p);
	s = store_role(q->db, login, revoke, result);
	if (s == QD_DENIED) {
		sb_printf(err, msg(M_ROLE_REFUSED), db_errmsg(q->db));
	} else if (s != QD_OK) {
		db_error(q->db, err);
	}
	return s;
}

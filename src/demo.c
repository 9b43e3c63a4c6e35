/* demo.c — loads the demo year of data/demo/ (embedded at build time by
 * scripts/embed.sh) through the model, as an officer would enter it: orgs,
 * people, the three lists with notes.  Formats: data/demo/README.md. */
#include "qingdan/demo.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/msg.h"
#include "qingdan/pledge.h"
#include "qingdan/store.h"

extern const unsigned char demo_orgs_tsv[], demo_people_tsv[], demo_items_tsv[], demo_unit_txt[];

struct demo {
	struct qd *q;
	struct strbuf *err;
	enum qd_status status;
	char **names;          /* people in file order, for "王伟#2" */
	long long *ids;
	int npeople;
};

int demo_day(const struct qd *q, int offset)
{
	int today = date_today();
	int first = date_from_ymd(q->year, 1, 1), last = date_from_ymd(q->year, 12, 31);
	int anchor = date_year(today) == q->year ? today : date_from_ymd(q->year, 7, 1);
	int day = anchor + offset;
	return day < first ? first : day > last ? last : day;
}

/* Replace every "YEAR" with the working year. */
static char *with_year(const struct qd *q, const char *s)
{
	struct strbuf b = {0};
	const char *p;
	while ((p = strstr(s, "YEAR")) != NULL) {
		sb_add(&b, s, (size_t)(p - s));
		sb_printf(&b, "%d", q->year);
		s = p + 4;
	}
	sb_puts(&b, s);
	return sb_take(&b);
}

/* Call fn for each data line (after the header) split at tabs. */
static void each_row(struct demo *d, const unsigned char *data, int ncol,
		     void (*fn)(struct demo *d, char **f))
{
	char *copy = with_year(d->q, (const char *)data);
	char *line = strchr(copy, '\n');
	while (line && d->status == QD_OK) {
		char *start = line + 1;
		line = strchr(start, '\n');
		if (line)
			*line = '\0';
		if (!*start)
			continue;
		char *f[16] = {0};
		int n = 0;
		for (char *p = start; n < ncol; n++) {
			f[n] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		static char empty[1];
		for (int i = 0; i < ncol; i++)
			if (!f[i])
				f[i] = empty;
		fn(d, f);
	}
	free(copy);
}

static long long person_id(struct demo *d, const char *ref)
{
	if (!*ref)
		return 0;
	char name[128];
	int nth = 1;
	const char *hash = strchr(ref, '#');
	str_copy(name, ref, hash && (size_t)(hash - ref) < sizeof name ? (size_t)(hash - ref) + 1 : sizeof name);
	if (hash)
		nth = atoi(hash + 1);
	for (int i = 0; i < d->npeople; i++)
		if (strcmp(d->names[i], name) == 0 && --nth == 0)
			return d->ids[i];
	sb_printf(d->err, msg(M_PERSON_NOT_FOUND), ref);
	d->status = QD_NOTFOUND;
	return 0;
}

static void load_org(struct demo *d, char **f)
{
	long long id, parent = 0;
	int level = level_parse(f[1]);
	if (store_org_by_name(d->q->db, f[0], &id) == QD_OK)
		return;   /* 党组 and 机关党委 exist in every file */
	if (*f[2])
		d->status = qd_find_org(d->q, f[2], &parent, d->err);
	if (d->status == QD_OK)
		d->status = qd_org_add(d->q, f[0], level < 0 ? LV_BRANCH : (enum org_level)level, parent,
				       &id, d->err);
}

static void load_person(struct demo *d, char **f)
{
	struct person_fields p = PERSON_FIELDS_INIT;
	long long id = 0;
	p.name = f[0];
	p.post = f[1];
	/* "@me": the officer's login is whoever loads the demo, so they can work */
	p.login = strcmp(f[3], "@me") == 0 ? d->q->login : f[3];
	p.is_admin = atoi(f[4]) == 1;
	p.active = 1;
	d->status = qd_find_org(d->q, f[2], &p.org_id, d->err);
	if (d->status == QD_OK)
		d->status = qd_person_add(d->q, &p, &id, d->err);
	d->names = xrealloc(d->names, (size_t)(d->npeople + 1) * sizeof *d->names);
	d->ids = xrealloc(d->ids, (size_t)(d->npeople + 1) * sizeof *d->ids);
	d->names[d->npeople] = xstrdup(f[0]);
	d->ids[d->npeople++] = id;
}

static char *offset_date(struct demo *d, const char *offset, char *buf)
{
	if (!*offset)
		return NULL;
	return date_format(demo_day(d->q, atoi(offset)), buf);
}

/* Notes "a || b" with days "-30,-10", written as the item's owner. */
static void add_notes(struct demo *d, long long item, long long owner, char *days, char *texts)
{
	long long saved = d->q->actor_id;
	d->q->actor_id = owner;
	char *day = days, *text = texts;
	while (text && *text && d->status == QD_OK) {
		char *next_text = strstr(text, " || ");
		if (next_text) {
			*next_text = '\0';
			next_text += 4;
		}
		char *next_day = day ? strchr(day, ',') : NULL;
		if (next_day)
			*next_day++ = '\0';
		char on[11];
		d->status = qd_item_note(d->q, item, offset_date(d, day ? day : "", on), text, d->err);
		text = next_text;
		day = next_day;
	}
	d->q->actor_id = saved;
}

static void load_item(struct demo *d, char **f)
{
	struct item_fields it = ITEM_FIELDS_INIT;
	char due[11], done[11];
	long long org, id;
	d->status = qd_find_org(d->q, f[0], &org, d->err);
	it.category = f[1];
	it.content = f[2];
	it.measures = f[3];
	it.standard = f[4];
	it.owner_id = person_id(d, f[5]);
	it.lead_id = person_id(d, f[6]);
	it.due = offset_date(d, f[7], due);
	it.due_text = f[8];
	it.status = f[9];
	it.done_on = offset_date(d, f[10], done);
	if (d->status == QD_OK)
		d->status = qd_item_add(d->q, org, &it, &id, d->err);
	if (d->status == QD_OK)
		add_notes(d, id, it.owner_id, f[11], f[12]);
}

enum qd_status demo_load(struct qd *q, struct strbuf *err)
{
	struct demo d = {q, err, QD_OK, NULL, NULL, 0};
	if (store_year_item_count(q->db, q->year) > 0 || store_admins_with_login(q->db) > 0) {
		sb_printf(err, msg(M_DEMO_EXISTS), "--db");
		return QD_INVALID;
	}
	enum qd_status s = qd_batch_begin(q, err);
	if (s != QD_OK)
		return s;
	each_row(&d, demo_orgs_tsv, 3, load_org);
	/* the demo's admins have logins, which ends open mode part-way */
	q->system = 1;
	qd_refresh_actor(q);
	each_row(&d, demo_people_tsv, 5, load_person);
	each_row(&d, demo_items_tsv, 13, load_item);
	d.status = d.status == QD_OK ? pledge_demo_load(q, err) : d.status;
	d.status = d.status == QD_OK ? meeting_demo_load(q, err) : d.status;
	d.status = d.status == QD_OK ? problem_demo_load(q, err) : d.status;
	if (d.status == QD_OK) {
		char *unit = xstrdup((const char *)demo_unit_txt);
		unit[strcspn(unit, "\r\n")] = '\0';
		d.status = qd_setting_set(q, "unit_name", unit, err);
		free(unit);
	}
	for (int i = 0; i < d.npeople; i++)
		free(d.names[i]);
	free(d.names);
	free(d.ids);
	s = qd_batch_end(q, d.status, err);
	q->system = 0;
	qd_refresh_actor(q);
	return s;
}

/* "王伟#2": the k-th person of that name in file (= id) order; 0 if none. */
long long demo_person(struct qd *q, const char *ref)
{
	char name[128];
	const char *hash = strchr(ref, '#');
	size_t len = hash ? (size_t)(hash - ref) : strlen(ref);
	int nth = hash ? atoi(hash + 1) : 1;
	str_copy(name, ref, len + 1 < sizeof name ? len + 1 : sizeof name);
	struct person *ps = NULL;
	int n = 0;
	long long id = 0;
	if (store_person_by_name(q->db, name, &ps, &n) == QD_OK && nth >= 1 && nth <= n)
		id = ps[nth - 1].id;
	for (int i = 0; i < n; i++)
		person_clear(&ps[i]);
	free(ps);
	return id;
}

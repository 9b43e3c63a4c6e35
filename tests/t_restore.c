/* t_restore.c — unit tests of undoing the common mistakes (issue 14.4) in
 * the model: qd_item_restore brings a deleted item back (audited as
 * 'restore', the chain and print codes consistent), refuses a live item,
 * an unknown id and a non-admin, and writes nothing inside a failed batch;
 * store_item_trash lists the deleted items with who deleted them. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/store.h"
#include "qingdan/store_trash.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;

static void open_db(void)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
}

static long long item(const char *content)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = content;
	CHECK_INT(qd_item_add(&q, 2, &f, &id, &err), QD_OK);
	return id;
}

static long long audit_rows(void)
{
	return tt_num(q.db, "SELECT count(*) FROM audit");
}

static int is_deleted(long long id)
{
	struct item it = {0};
	qd_get_item(&q, id, &it, NULL);
	int d = it.deleted_at != NULL;
	item_clear(&it);
	return d;
}

/* a rowsink that keeps the id and deleted_by of each row */
struct rows {
	struct rowsink s;
	struct strbuf out;
	int n;
};

static void rows_header(struct rowsink *s, int ncol, const char *const *names)
{
	(void)s;
	CHECK_INT(ncol, 10);
	CHECK_STR(names[8], "deleted_at");
	CHECK_STR(names[9], "deleted_by");
}

static void rows_row(struct rowsink *s, const char *const *vals, const char *json)
{
	struct rows *r = (struct rows *)s;
	(void)json;
	sb_printf(&r->out, "%s:%s:%s;", vals[0], vals[5], vals[9]);
	CHECK(strlen(vals[8]) >= 20);   /* the time it was deleted */
	r->n++;
}

TEST(restore_brings_it_back_and_is_audited)
{
	open_db();
	long long a = item("甲"), b = item("乙");
	CHECK_INT(qd_item_delete(&q, a, &err), QD_OK);
	CHECK(is_deleted(a));
	struct item it = {0};
	qd_get_item(&q, a, &it, NULL);
	int version = it.version;
	item_clear(&it);
	long long before = audit_rows();
	CHECK_INT(qd_item_restore(&q, a, &err), QD_OK);
	CHECK(!is_deleted(a));
	CHECK_INT(audit_rows(), before + 1);
	qd_get_item(&q, a, &it, NULL);
	CHECK_INT(it.version, version + 1);
	item_clear(&it);
	char *act = tt_text(q.db, "SELECT action FROM audit ORDER BY seq DESC LIMIT 1");
	CHECK_STR(act, "restore");
	free(act);
	char *detail = tt_text(q.db, "SELECT detail FROM audit ORDER BY seq DESC LIMIT 1");
	char *words = qd_detail_text(&q, "item", detail);
	CHECK_CONTAINS(words, "恢复（原删除于 ");
	free(words);
	free(detail);
	struct strbuf rep = {0};
	CHECK_INT(qd_audit_verify(&q, &rep, &err), QD_OK);
	/* a print code taken after the restore holds until the item changes */
	const char *ent[] = {"item", "item"};
	long long ids[] = {a, b};
	char *code = NULL;
	CHECK_INT(qd_print_code(&q, "test", ent, ids, 2, &code, &err), QD_OK);
	sb_reset(&rep);
	CHECK_INT(qd_verify_code(&q, code, &rep, &err), QD_OK);
	CHECK_INT(qd_item_delete(&q, a, &err), QD_OK);
	sb_reset(&rep);
	CHECK_INT(qd_verify_code(&q, code, &rep, &err), QD_VERIFY);
	CHECK_INT(qd_item_restore(&q, a, &err), QD_OK);
	sb_reset(&rep);
	CHECK_INT(qd_audit_verify(&q, &rep, &err), QD_OK);
	free(code);
	sb_free(&rep);
	/* a restored item moves on like any other */
	CHECK_INT(qd_item_move(&q, a, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
}

TEST(restore_refusals_write_nothing)
{
	open_db();
	long long a = item("甲"), b = item("乙");
	CHECK_INT(qd_item_delete(&q, a, &err), QD_OK);
	long long before = audit_rows();
	sb_reset(&err);
	CHECK_INT(qd_item_restore(&q, b, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "没有被删除");
	sb_reset(&err);
	CHECK_INT(qd_item_restore(&q, 999, &err), QD_NOTFOUND);
	CHECK_CONTAINS(err.s, "找不到事项 #999");
	/* a and then b in one batch: b refused, so a stays deleted */
	sb_reset(&err);
	CHECK_INT(qd_batch_begin(&q, &err), QD_OK);
	enum qd_status w = qd_item_restore(&q, a, &err);
	CHECK_INT(w, QD_OK);
	w = qd_item_restore(&q, b, &err);
	CHECK_INT(w, QD_INVALID);
	CHECK(qd_batch_end(&q, w, &err) != QD_OK);
	CHECK(is_deleted(a));
	CHECK_INT(audit_rows(), before);
	/* not an admin */
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id;
	f.active = 1;
	f.name = "张三";
	f.login = "zhangsan";
	f.is_admin = 0;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	f.name = "管理员";   /* last: from here on only admins manage */
	f.login = "admin";
	f.is_admin = 1;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	tt_login(&q, "zhangsan");
	before = audit_rows();
	sb_reset(&err);
	CHECK_INT(qd_item_restore(&q, a, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "恢复事项");
	CHECK(is_deleted(a));
	CHECK_INT(audit_rows(), before);
}

TEST(trash_lists_deleted_with_who)
{
	open_db();
	long long a = item("甲"), b = item("乙"), c = item("丙");
	(void)b;
	CHECK_INT(qd_item_delete(&q, a, &err), QD_OK);
	CHECK_INT(qd_item_delete(&q, c, &err), QD_OK);
	struct rows r = {{rows_header, rows_row, 0}, {0}, 0};
	CHECK_INT(store_item_trash(q.db, 2026, 0, 0, &r.s, &err), QD_OK);
	CHECK_INT(r.n, 2);
	char *want = xasprintf("%lld:丙:%s;%lld:甲:%s;", c, q.login, a, q.login);
	CHECK_STR(r.out.s, want);   /* newest deletion first; by the login */
	free(want);
	sb_reset(&r.out);
	r.n = 0;
	CHECK_INT(store_item_trash(q.db, 2025, 0, 0, &r.s, &err), QD_OK);
	CHECK_INT(r.n, 0);
	CHECK_INT(qd_item_restore(&q, a, &err), QD_OK);
	CHECK_INT(store_item_trash(q.db, 0, 0, 0, &r.s, &err), QD_OK);
	CHECK_INT(r.n, 1);
	sb_free(&r.out);
}

int main(void)
{
	RUN(restore_brings_it_back_and_is_audited);
	RUN(restore_refusals_write_nothing);
	RUN(trash_lists_deleted_with_who);
	return TT_END();
}

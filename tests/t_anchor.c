/* t_anchor.c — the local audit anchor (audit.h, anchor.h) on real files
 * with a private state folder: a fresh user is not refused, a tail cut and
 * a whole-chain recompute (done here the way an attacker with the file and
 * the documented formula would) are refused on the next open, inspection
 * still runs with the warning, --accept re-bases, a swapped identity, a
 * damaged or planted state file, and a renamed database.  SQLite files
 * only: skipped under make test-pg. */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qingdan/anchor.h"
#include "qingdan/audit.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/store.h"
#include "qingdan/text.h"
#include "tt.h"

static char tmp[] = "/tmp/qd_anchor_XXXXXX";
static char *dbfile, *state;
static struct strbuf err;

/* A temporary folder holding the database and, in state/, the anchors. */
static void setup(void)
{
	TT_SQLITE_ONLY("anchors keyed by the file's real path, tampering through the file "
		       "(tests/audit.sh cuts the tail on PostgreSQL too)");
	CHECK(mkdtemp(tmp) != NULL);
	dbfile = xasprintf("%s/office.db", tmp);
	state = xasprintf("%s/state", tmp);
	setenv("XDG_STATE_HOME", state, 1);
	date_set_today(date_from_ymd(2026, 6, 30));
}

static void teardown(void)
{
	char *rm = xasprintf("rm -rf %s", tmp);
	CHECK(system(rm) == 0);
	free(rm);
}

/* Open as the command line does: the file, then the anchor check. */
static enum qd_status open_as_cli(struct qd *q, const char *path, enum anchor_mode mode)
{
	memset(q, 0, sizeof *q);
	q->year = 2026;
	sb_reset(&err);
	enum qd_status s = qd_open(q, path, DB_CREATE, &err);
	if (s == QD_OK)
		s = qd_anchor_open(q, mode, &err);
	if (s == QD_OK && !err.len)
		s = qd_ensure_defaults(q, &err);
	return s;
}

static long long add_item(struct qd *q, const char *content)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = content;
	CHECK_INT(qd_item_add(q, 2, &f, &id, &err), QD_OK);
	return id;
}

/* Three sessions of writes; returns the head seq the user saw last. */
static long long some_writes(void)
{
	struct qd q;
	for (int i = 0; i < 3; i++) {
		CHECK_INT(open_as_cli(&q, dbfile, i ? ANCHOR_ENFORCE : ANCHOR_NEW), QD_OK);
		add_item(&q, i == 0 ? "第一项" : i == 1 ? "第二项" : "第三项");
		qd_close(&q);
	}
	long long seq = 0;
	char hash[65];
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_OK);
	store_audit_head(q.db, &seq, hash);
	qd_close(&q);
	return seq;
}

static void sql(const char *path, const char *statement)
{
	sqlite3 *h = NULL;
	CHECK_INT(sqlite3_open(path, &h), SQLITE_OK);
	char *e = NULL;
	if (sqlite3_exec(h, statement, NULL, NULL, &e) != SQLITE_OK)
		fprintf(stderr, "  sql failed: %s: %s\n", statement, e ? e : "");
	sqlite3_free(e);
	sqlite3_close(h);
}

static char *key_file(const char *path)
{
	char real[4096], name[40];
	CHECK(realpath(path, real) != NULL);
	anchor_key_path(real, name);
	return xasprintf("%s/qingdan/%s", state, name);
}

TEST(fresh_user_not_refused_and_anchor_follows_writes)
{
	setup();
	long long head = some_writes();
	CHECK(head > 3);
	struct stat sb;
	char *dir = xasprintf("%s/qingdan", state), *key = key_file(dbfile);
	CHECK_INT(lstat(dir, &sb), 0);
	CHECK_INT(sb.st_mode & 0777, 0700);
	CHECK_INT(lstat(key, &sb), 0);
	CHECK(S_ISREG(sb.st_mode));
	CHECK_INT(sb.st_mode & 0777, 0600);
	struct anchor a;
	char *name = strrchr(key, '/') + 1;
	CHECK_INT(anchor_load(dir, name, &a, &err), 1);
	CHECK_INT(a.seq, head);
	CHECK(anchor_uuid_valid(a.uuid));          /* the first write gave the file its identity */
	/* another user, with nothing seen yet, opens it fine */
	char *other = xasprintf("%s/other-user", tmp);
	setenv("XDG_STATE_HOME", other, 1);
	struct qd q;
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_OK);
	CHECK_INT(err.len, 0);
	qd_close(&q);
	free(other);
	free(dir);
	free(key);
	teardown();
}

TEST(tail_cut_refused_on_next_open)
{
	setup();
	long long head = some_writes();
	/* the last item and its audit row go, as with the sqlite3 shell */
	char *cut = xasprintf("DELETE FROM audit WHERE seq = %lld; DELETE FROM item WHERE id = 3", head);
	sql(dbfile, cut);
	free(cut);
	struct qd q;
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_VERIFY);
	CHECK_CONTAINS(err.s, "操作日志已被截断或改写");
	char *saw = xasprintf("见过第 %lld 条日志", head);
	CHECK_CONTAINS(err.s, saw);
	CHECK_CONTAINS(err.s, "已没有这一条");
	CHECK_CONTAINS(err.s, "audit anchor --accept");
	qd_close(&q);
	/* the chain itself holds: only the anchor sees the cut, and verify says so */
	struct strbuf r = {0};
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, dbfile, 0, &err), QD_OK);
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	qd_close(&q);
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_INSPECT), QD_OK);
	CHECK_CONTAINS(err.s, saw);                /* inspection runs, with the warning */
	sb_reset(&r);
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_VERIFY);
	CHECK_CONTAINS(r.s, "与本用户此前见到的不符");
	qd_close(&q);
	/* refused again: a refusal never moves the anchor down */
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_VERIFY);
	qd_close(&q);
	free(saw);
	sb_free(&r);
	teardown();
}

/* What an attacker who can write the file does: change a record, then
 * recompute its digest and every hash of the chain (DESIGN §3's formula). */
static void rewrite_and_recompute(void)
{
	struct qd q = {0};
	CHECK_INT(qd_open(&q, dbfile, 0, &err), QD_OK);
	sqlite3 *h = db_handle(q.db);
	CHECK_INT(sqlite3_exec(h, "BEGIN; UPDATE item SET content = '篡改后的内容' WHERE id = 1", NULL,
			       NULL, NULL), SQLITE_OK);
	char digest[65], *canon = store_canon(q.db, "item", 1);
	store_sha256_hex(canon, strlen(canon), digest);
	free(canon);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(h, "UPDATE audit SET digest = ?1 WHERE seq = (SELECT max(seq) FROM audit "
			      "WHERE entity = 'item' AND entity_id = 1)", -1, &st, NULL);
	sqlite3_bind_text(st, 1, digest, -1, SQLITE_TRANSIENT);
	CHECK_INT(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	char prev[65] = "0000000000000000000000000000000000000000000000000000000000000000";
	sqlite3_stmt *rows, *set;
	sqlite3_prepare_v2(h, "SELECT seq, at, login, coalesce(person_id, 0), action, entity, entity_id, "
			      "detail, digest FROM audit ORDER BY seq", -1, &rows, NULL);
	sqlite3_prepare_v2(h, "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE seq = ?3", -1, &set, NULL);
	while (sqlite3_step(rows) == SQLITE_ROW) {
#define T(i) ((const char *)sqlite3_column_text(rows, (i)))
		char *text = xasprintf("%s\n%lld\x1f%s\x1f%s\x1f%lld\x1f%s\x1f%s\x1f%lld\x1f%s\x1f%s", prev,
				       sqlite3_column_int64(rows, 0), T(1), T(2),
				       sqlite3_column_int64(rows, 3), T(4), T(5),
				       sqlite3_column_int64(rows, 6), T(7), T(8));
#undef T
		char hash[65];
		store_sha256_hex(text, strlen(text), hash);
		free(text);
		sqlite3_reset(set);
		sqlite3_bind_text(set, 1, prev, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(set, 2, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(set, 3, sqlite3_column_int64(rows, 0));
		CHECK_INT(sqlite3_step(set), SQLITE_DONE);
		memcpy(prev, hash, 65);
	}
	sqlite3_finalize(rows);
	sqlite3_finalize(set);
	CHECK_INT(sqlite3_exec(h, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	qd_close(&q);
}

TEST(whole_chain_recompute_caught_by_the_anchor)
{
	setup();
	long long head = some_writes();
	rewrite_and_recompute();
	/* a thorough rewrite: audit verify alone finds nothing */
	struct qd q = {0};
	struct strbuf r = {0};
	CHECK_INT(qd_open(&q, dbfile, 0, &err), QD_OK);
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	qd_close(&q);
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_VERIFY);
	CHECK_CONTAINS(err.s, "这一条已不同");
	char *saw = xasprintf("第 %lld 条", head);
	CHECK_CONTAINS(err.s, saw);
	qd_close(&q);
	free(saw);
	sb_free(&r);
	teardown();
}

TEST(accept_rebases_the_local_anchor)
{
	setup();
	long long head = some_writes();
	char *cut = xasprintf("DELETE FROM audit WHERE seq = %lld; DELETE FROM item WHERE id = 3", head);
	sql(dbfile, cut);
	free(cut);
	struct qd q;
	struct strbuf out = {0};
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_INSPECT), QD_OK);
	CHECK(err.len > 0);
	sb_reset(&err);
	CHECK_INT(qd_anchor_accept(&q, &out, &err), QD_OK);   /* open mode: everyone is admin */
	char *now = xasprintf("重新确认为第 %lld 条", head - 1);
	CHECK_CONTAINS(out.s, now);
	char *was = xasprintf("原为第 %lld 条", head);
	CHECK_CONTAINS(out.s, was);
	CHECK_CONTAINS(out.s, "不写入数据库，也不记入操作日志");
	qd_close(&q);
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_OK);
	CHECK_INT(err.len, 0);
	add_item(&q, "恢复后的新事项");          /* and it follows writes again */
	qd_close(&q);
	/* in enforced mode only an admin may accept */
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_OK);
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id;
	f.name = "管理员";
	f.login = "someone-else";
	f.is_admin = 1;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_anchor_accept(&q, &out, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "只有管理员可以重新确认日志锚点");
	qd_close(&q);
	free(now);
	free(was);
	sb_free(&out);
	teardown();
}

TEST(swapped_identity_noticed_by_path)
{
	setup();
	some_writes();
	sql(dbfile, "UPDATE setting SET value = '0123456789abcdef0123456789abcdef' WHERE key = 'db_uuid'");
	struct qd q;
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_VERIFY);
	CHECK_CONTAINS(err.s, "db_uuid");
	qd_close(&q);
	teardown();
}

TEST(renamed_file_keeps_its_anchor)
{
	setup();
	long long head = some_writes();
	char *moved = xasprintf("%s/renamed.db", tmp);
	CHECK_INT(rename(dbfile, moved), 0);
	struct qd q;
	CHECK_INT(open_as_cli(&q, moved, ANCHOR_ENFORCE), QD_OK);
	CHECK_INT(err.len, 0);
	qd_close(&q);
	/* a copy made before the last write is found out wherever it lies */
	char *cut = xasprintf("DELETE FROM audit WHERE seq = %lld; DELETE FROM item WHERE id = 3", head);
	sql(moved, cut);
	char *third = xasprintf("%s/third.db", tmp);
	CHECK_INT(rename(moved, third), 0);
	CHECK_INT(open_as_cli(&q, third, ANCHOR_ENFORCE), QD_VERIFY);
	qd_close(&q);
	free(cut);
	free(moved);
	free(third);
	teardown();
}

TEST(new_database_at_a_known_path)
{
	setup();
	some_writes();
	unlink(dbfile);
	/* init may start over at this path; any other command is refused */
	struct qd q;
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_VERIFY);
	qd_close(&q);
	unlink(dbfile);
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_NEW), QD_OK);
	add_item(&q, "新文件的事项");
	qd_close(&q);
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_OK);
	qd_close(&q);
	teardown();
}

TEST(damaged_or_planted_state_file_refused_and_never_followed)
{
	setup();
	some_writes();
	char *key = key_file(dbfile), *victim = xasprintf("%s/victim", tmp);
	FILE *f = fopen(victim, "w");
	fputs("keep me\n", f);
	fclose(f);
	/* a symlink at the key: not read through, not written through */
	CHECK_INT(unlink(key), 0);
	CHECK_INT(symlink(victim, key), 0);
	struct qd q;
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_VERIFY);
	CHECK_CONTAINS(err.s, "无法读取或已损坏");
	qd_close(&q);
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_INSPECT), QD_OK);
	struct strbuf out = {0};
	CHECK_INT(qd_anchor_accept(&q, &out, &err), QD_OK);
	qd_close(&q);
	struct stat sb;
	CHECK_INT(lstat(key, &sb), 0);
	CHECK(S_ISREG(sb.st_mode));
	char buf[32] = {0};
	f = fopen(victim, "r");
	CHECK(f && fgets(buf, sizeof buf, f) != NULL);
	if (f)
		fclose(f);
	CHECK_STR(buf, "keep me\n");
	/* garbage in the file */
	f = fopen(key, "w");
	CHECK(f != NULL);
	if (f) {
		fputs("qingdan-anchor 1\nseq banana\n", f);
		fclose(f);
	}
	CHECK_INT(open_as_cli(&q, dbfile, ANCHOR_ENFORCE), QD_VERIFY);
	qd_close(&q);
	free(key);
	free(victim);
	sb_free(&out);
	teardown();
}

TEST(unsafe_state_folder_warns_and_writes_nothing)
{
	setup();
	char *elsewhere = xasprintf("%s/elsewhere", tmp), *link = xasprintf("%s/qingdan", state);
	CHECK_INT(mkdir(state, 0700), 0);
	CHECK_INT(mkdir(elsewhere, 0700), 0);
	CHECK_INT(symlink(elsewhere, link), 0);
	struct qd q;
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, dbfile, DB_CREATE, &err), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_anchor_open(&q, ANCHOR_ENFORCE, &err), QD_OK);
	CHECK_CONTAINS(err.s, "不能在");
	CHECK_INT(qd_ensure_defaults(&q, &err), QD_OK);
	add_item(&q, "照常工作");
	qd_close(&q);
	char *rm = xasprintf("rmdir %s", elsewhere);    /* fails if anything was written there */
	CHECK_INT(system(rm), 0);
	free(rm);
	free(elsewhere);
	free(link);
	teardown();
}

/* The anchor's file name is the first 128 bits of SHA-256 of the real
 * path: existing anchors are found by it, so it must never change
 * (printf '%s' /x/y.db | sha256sum). */
TEST(key_path_is_sha256_of_the_path)
{
	char name[40];
	anchor_key_path("/x/y.db", name);
	CHECK_STR(name, "p-c798d8c903ad9cd7738e115b31cf9b1e");
}

int main(void)
{
	text_init_locale();
	RUN(key_path_is_sha256_of_the_path);
	RUN(fresh_user_not_refused_and_anchor_follows_writes);
	RUN(tail_cut_refused_on_next_open);
	RUN(whole_chain_recompute_caught_by_the_anchor);
	RUN(accept_rebases_the_local_anchor);
	RUN(swapped_identity_noticed_by_path);
	RUN(renamed_file_keeps_its_anchor);
	RUN(new_database_at_a_known_path);
	RUN(damaged_or_planted_state_file_refused_and_never_followed);
	RUN(unsafe_state_folder_warns_and_writes_nothing);
	return TT_END();
}

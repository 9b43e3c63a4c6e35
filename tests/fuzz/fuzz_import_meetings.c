/* fuzz_import_meetings.c — libFuzzer target for `qingdan import --meetings`
 * end to end: the input is written to a CSV file of our own folder and
 * imported through io_import_meetings (the CLI's path), first with
 * --dry-run, then for real, into a fresh copy of the demo year (its orgs,
 * people and meetings give rows a chance to be good).
 *
 * Invariants: the dry run writes nothing (meetings, attendance, audit head
 * the same); the real run agrees with the dry run (same status, rows, bad
 * rows, meetings and attendance); all or nothing — on success exactly
 * res.meetings meetings and res.attendance attendance rows more and the
 * audit chain verifies, on failure nothing at all changed and at least one
 * reason was given; a bad row never lets the import succeed; every
 * message is well-formed UTF-8. */
#include <sqlite3.h>

#include "fuzz.h"
#include "qingdan/import_meeting.h"
#include "qingdan/store.h"

static char *db_file, *csv_file;

struct seen {
	int errors;
};

static void report(void *ctx, enum import_note kind, const char *text)
{
	struct seen *s = ctx;
	FUZZ_CHECK(text && *text);
	FUZZ_CHECK(fuzz_valid_utf8(text));
	if (kind == IMPORT_ERROR)
		s->errors++;
}

struct counts {
	long long meetings, attendance, audit;
};

static long long count(struct qd *q, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	FUZZ_CHECK(sqlite3_prepare_v2(db_handle(q->db), sql, -1, &st, NULL) == SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	FUZZ_CHECK(v >= 0);
	return v;
}

static struct counts counts_of(struct qd *q)
{
	struct counts c;
	char hash[65];
	c.meetings = count(q, "SELECT count(*) FROM meeting");
	c.attendance = count(q, "SELECT count(*) FROM attendance");
	c.audit = 0;
	FUZZ_CHECK(store_audit_head(q->db, &c.audit, hash) == QD_OK);
	return c;
}

static enum qd_status import(struct qd *q, int dry, struct meeting_import_result *res,
			     struct seen *seen)
{
	struct strbuf err = {0};
	struct import_request r = {.path = csv_file, .dry_run = dry, .report = report, .ctx = seen};
	memset(res, 0, sizeof *res);
	memset(seen, 0, sizeof *seen);
	enum qd_status s = io_import_meetings(q, &r, res, &err);
	if (s != QD_OK)
		FUZZ_CHECK(err.len > 0 || seen->errors > 0);
	if (err.len)
		FUZZ_CHECK(fuzz_valid_utf8(err.s));
	if (res->bad_rows > 0)
		FUZZ_CHECK(s != QD_OK);
	FUZZ_CHECK(res->meetings >= 0 && res->meetings <= res->rows);
	sb_free(&err);
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	if (!db_file) {
		db_file = fuzz_path("meetings.db");
		csv_file = fuzz_path("sheet.csv");
	}
	fuzz_write(csv_file, data, size);
	fuzz_fresh_db(db_file);
	struct qd q = {0};
	struct strbuf err = {0};
	q.year = 2026;
	FUZZ_CHECK(qd_open(&q, db_file, 0, &err) == QD_OK);

	struct counts before = counts_of(&q), after;
	struct meeting_import_result dry, real;
	struct seen seen_dry, seen_real;
	enum qd_status s_dry = import(&q, 1, &dry, &seen_dry);
	after = counts_of(&q);
	FUZZ_CHECK(after.meetings == before.meetings && after.attendance == before.attendance &&
		   after.audit == before.audit);

	enum qd_status s_real = import(&q, 0, &real, &seen_real);
	after = counts_of(&q);
	FUZZ_CHECK(s_real == s_dry);
	FUZZ_CHECK(real.rows == dry.rows && real.bad_rows == dry.bad_rows);
	if (s_real == QD_OK) {
		FUZZ_CHECK(real.meetings == dry.meetings && real.attendance == dry.attendance);
		FUZZ_CHECK(after.meetings == before.meetings + real.meetings);
		FUZZ_CHECK(after.attendance == before.attendance + real.attendance);
		FUZZ_CHECK(after.audit >= before.audit + real.meetings + real.attendance);
		if (after.audit != before.audit) {
			struct strbuf rep = {0};
			FUZZ_CHECK(qd_audit_verify(&q, &rep, &err) == QD_OK);
			sb_free(&rep);
		}
	} else {
		FUZZ_CHECK(after.meetings == before.meetings &&
			   after.attendance == before.attendance && after.audit == before.audit);
	}
	qd_close(&q);
	sb_free(&err);
	return 0;
}

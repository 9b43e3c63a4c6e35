/* t_pg_sql.c — the pure helpers of the PostgreSQL driver (src/store/pg.h,
 * pg_sql.c), no server needed: the rewriter from SQLite's ?N, ?, :name,
 * @name and $name to $N (SQLite's numbering; literals, quoted names,
 * dollar quotes, comments and :: casts untouched), the test of whether a
 * statement only reads (sent again after a reconnect), the SQLSTATE map
 * and the password mask for messages. */
#include "../src/store/pg.h"
#include "../src/store/sql.h"
#include "qingdan/util.h"
#include "tt.h"

static char *rewrite(const char *sql, struct pg_sql *q)
{
	struct strbuf err = {0};
	if (pg_sql_rewrite(sql, q, &err) != 0) {
		fprintf(stderr, "  rewrite refused %s: %s\n", sql, err.s);
		sb_free(&err);
		return NULL;
	}
	return q->text;
}

TEST(rewrite_numbers_and_names_as_sqlite_does)
{
	struct pg_sql q;
	CHECK_STR(rewrite("SELECT ?1, ?2, ?1", &q), "SELECT $1, $2, $1");
	CHECK_INT(q.nparams, 2);
	CHECK_INT(pg_sql_index(&q, "?2"), 2);
	pg_sql_free(&q);
	/* one name is one parameter; bare ? is one past the highest so far */
	CHECK_STR(rewrite("a = :today AND b < :today OR c = @x OR d = $y", &q),
		  "a = $1 AND b < $1 OR c = $2 OR d = $3");
	CHECK_INT(q.nparams, 3);
	CHECK_INT(pg_sql_index(&q, ":today"), 1);
	CHECK_INT(pg_sql_index(&q, "@x"), 2);
	CHECK_INT(pg_sql_index(&q, "$y"), 3);
	CHECK_INT(pg_sql_index(&q, ":x"), 0);
	CHECK_INT(pg_sql_index(&q, ":nope"), 0);
	pg_sql_free(&q);
	CHECK_STR(rewrite("VALUES (?, ?5, ?, :a, ?)", &q), "VALUES ($1, $5, $6, $7, $8)");
	CHECK_INT(q.nparams, 8);
	CHECK_INT(pg_sql_index(&q, ":a"), 7);
	CHECK(q.names[1] == NULL);
	pg_sql_free(&q);
	/* a number after a name continues from the name */
	CHECK_STR(rewrite("x = :a OR y = ?", &q), "x = $1 OR y = $2");
	pg_sql_free(&q);
}

TEST(rewrite_leaves_literals_quotes_comments_and_casts)
{
	struct pg_sql q;
	const char *sql = "SELECT '?', 'it''s :x', \"a?b\", \"q\"\"?\", E'\\' ?', x::text, $$ ? :z $$, "
			  "$t$ :y $ ? $t$, -- ? :c\n /* ? /* :n */ ? */ ?";
	CHECK_STR(rewrite(sql, &q), "SELECT '?', 'it''s :x', \"a?b\", \"q\"\"?\", E'\\' ?', x::text, $$ ? :z $$, "
				    "$t$ :y $ ? $t$, -- ? :c\n /* ? /* :n */ ? */ $1");
	CHECK_INT(q.nparams, 1);
	pg_sql_free(&q);
	/* a plain '…' takes no backslash escapes (standard_conforming_strings) */
	CHECK_STR(rewrite("SELECT 'a\\', ?", &q), "SELECT 'a\\', $1");
	pg_sql_free(&q);
	/* a parameter never glues onto a word; PostgreSQL's own $N counts */
	CHECK_STR(rewrite("SELECT a? , $2, x$1", &q), "SELECT a $1 , $2, x$1");
	CHECK_INT(q.nparams, 2);
	pg_sql_free(&q);
	CHECK_STR(rewrite("SELECT :名字 || :名字", &q), "SELECT $1 || $1");
	CHECK_INT(pg_sql_index(&q, ":名字"), 1);
	pg_sql_free(&q);
	CHECK_STR(rewrite("SELECT 'open", &q), "SELECT 'open");
	CHECK_INT(q.nparams, 0);
	pg_sql_free(&q);
}

TEST(rewrite_refuses_bad_numbers)
{
	struct pg_sql q;
	struct strbuf err = {0};
	CHECK_INT(pg_sql_rewrite("SELECT ?0", &q, &err), -1);
	CHECK_CONTAINS(err.s, "?0");
	sb_reset(&err);
	CHECK_INT(pg_sql_rewrite("SELECT ?40000", &q, &err), -1);
	CHECK_CONTAINS(err.s, "?40000");
	sb_free(&err);
	CHECK_INT(pg_sql_rewrite("SELECT ?32766", &q, NULL), 0);
	CHECK_INT(q.nparams, 32766);
	pg_sql_free(&q);
}

TEST(reads_are_told_from_writes)
{
	CHECK(pg_sql_is_read("SELECT * FROM item WHERE id = ?1"));
	CHECK(pg_sql_is_read("  with t AS (SELECT 1) SELECT * FROM t"));
	CHECK(pg_sql_is_read("SELECT 'insert', \"delete\" FROM x WHERE y = :update"));
	CHECK(pg_sql_is_read("BEGIN"));
	CHECK(!pg_sql_is_read("INSERT INTO x VALUES (1)"));
	CHECK(!pg_sql_is_read("WITH d AS (DELETE FROM x RETURNING *) SELECT * FROM d"));
	CHECK(!pg_sql_is_read("SELECT nextval('s')"));
	CHECK(!pg_sql_is_read("SELECT * INTO t2 FROM t"));
	CHECK(!pg_sql_is_read("SELECT 1; DROP TABLE x"));
	CHECK(!pg_sql_is_read("/* select */ UPDATE x SET a = 1"));
	CHECK(!pg_sql_is_read("COMMIT"));
	CHECK(!pg_sql_is_read(""));
}

TEST(sqlstates_map_to_the_common_codes)
{
	CHECK_INT(pg_sqlstate_code("23505"), SQL_CONSTRAINT);
	CHECK_INT(pg_sqlstate_code("23502"), SQL_CONSTRAINT);
	CHECK_INT(pg_sqlstate_code("23503"), SQL_CONSTRAINT);
	CHECK_INT(pg_sqlstate_code("40001"), SQL_BUSY);
	CHECK_INT(pg_sqlstate_code("40P01"), SQL_BUSY);
	CHECK_INT(pg_sqlstate_code("55P03"), SQL_BUSY);
	CHECK_INT(pg_sqlstate_code("42501"), SQL_DENIED);
	CHECK_INT(pg_sqlstate_code("08006"), SQL_LOST);
	CHECK_INT(pg_sqlstate_code("57P01"), SQL_LOST);
	CHECK_INT(pg_sqlstate_code("57P03"), SQL_LOST);
	CHECK_INT(pg_sqlstate_code("42P01"), SQL_ERROR);
	CHECK_INT(pg_sqlstate_code("57014"), SQL_ERROR);
	CHECK_INT(pg_sqlstate_code(NULL), SQL_ERROR);
	CHECK_INT(pg_sqlstate_code("2350"), SQL_ERROR);
}

TEST(passwords_are_masked)
{
	struct strbuf b = {0};
	const char *uri = "postgresql://wang:s3cr%2Ft@db.example/qd?password=two&sslmode=require";
	pg_redact(uri, uri, &b);
	CHECK_STR(b.s, "postgresql://wang:***@db.example/qd?password=***&sslmode=require");
	sb_reset(&b);
	pg_redact("invalid token \"s3cr%2Ft\" near two", uri, &b);
	CHECK_STR(b.s, "invalid token \"***\" near ***");
	sb_reset(&b);
	pg_redact("postgres://wang@h/qd", "postgres://wang@h/qd", &b);
	CHECK_STR(b.s, "postgres://wang@h/qd");
	sb_reset(&b);
	pg_redact("pg:office", "pg:office", &b);
	CHECK_STR(b.s, "pg:office");
	sb_free(&b);
}

int main(void)
{
	RUN(rewrite_numbers_and_names_as_sqlite_does);
	RUN(rewrite_leaves_literals_quotes_comments_and_casts);
	RUN(rewrite_refuses_bad_numbers);
	RUN(reads_are_told_from_writes);
	RUN(sqlstates_map_to_the_common_codes);
	RUN(passwords_are_masked);
	return TT_END();
}

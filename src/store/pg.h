/* pg.h — the PostgreSQL driver's private half (pg.c, pg_sql.c): the pure
 * functions that need no server, so tests/t_pg_driver.c checks them on
 * every run.  Nothing outside src/store/ and that test includes it.
 *
 * The rewriter turns the program's SQLite-style parameters into
 * PostgreSQL's $N with SQLite's numbering: ?NNN is parameter NNN; a bare ?
 * is one more than the highest so far; :name, @name and $name get the
 * next number at their first use and the same one after that.  String
 * literals ('…', E'…'), quoted identifiers ("…"), dollar quotes ($$…$$,
 * $tag$…$tag$), comments and :: casts are copied untouched; a $N already
 * in the text counts as parameter N. */
#ifndef QINGDAN_STORE_PG_H
#define QINGDAN_STORE_PG_H

struct strbuf;

struct pg_sql {
	char *text;     /* the SQL with $N parameters */
	int nparams;    /* the highest parameter number */
	char **names;   /* [nparams]: the name of each (":x", "?3"), NULL if none */
	int is_read;    /* a query that changes nothing: safe to send again */
};

/* 0, or -1 with a message in err (?0, a number past the limit). */
int pg_sql_rewrite(const char *sql, struct pg_sql *out, struct strbuf *err);
void pg_sql_free(struct pg_sql *q);
/* The 1-based number of a named parameter (":x", "@x", "$x", "?5"), 0 if none. */
int pg_sql_index(const struct pg_sql *q, const char *name);
/* Whether SQL only reads: it begins SELECT, WITH, VALUES, TABLE, SHOW or
 * BEGIN and no word outside quotes writes (INSERT, UPDATE, nextval …). */
int pg_sql_is_read(const char *sql);

/* The SQL_* code for a SQLSTATE (NULL: SQL_ERROR). */
int pg_sqlstate_code(const char *sqlstate);

/* text with every password of the URI (user:PASSWORD@, password=…)
 * replaced by ***, appended to out.  With text = uri: the URI to show. */
void pg_redact(const char *text, const char *uri, struct strbuf *out);

#endif

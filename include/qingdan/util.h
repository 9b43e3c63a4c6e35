/* util.h — small helpers every module may use: fatal allocation wrappers,
 * a growable string buffer and the status codes functions return.
 *
 * Out-of-memory is fatal (xmalloc and friends never return NULL).  A module
 * reports failure by returning a qd_status and, for the user, a message in
 * the caller's buffer (see msg.h); nothing here prints except die(). */
#ifndef QINGDAN_UTIL_H
#define QINGDAN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The outcome of an operation; the CLI maps them to exit codes. */
enum qd_status {
	QD_OK = 0,
	QD_NOTFOUND,   /* no such record */
	QD_AMBIGUOUS,  /* a name matched several records */
	QD_DENIED,     /* not permitted for this actor */
	QD_INVALID,    /* bad input or an invalid transition */
	QD_CONFLICT,   /* stale edit (version changed underneath) */
	QD_DBERROR,    /* the database failed */
	QD_IOERROR,    /* a file could not be read or written */
	QD_VERIFY,     /* verification found tampering */
};

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Free *pp and set it to NULL. */
void xfree(void *pp);

/* Restore the terminal (if a hook is set) and exit(1) with a message. */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void set_die_hook(void (*hook)(void));

/* A growable NUL-terminated byte buffer; zero-initialise to start. */
struct strbuf {
	char *s;
	size_t len, cap;
};
void sb_add(struct strbuf *b, const char *s, size_t n);
void sb_puts(struct strbuf *b, const char *s);
void sb_putc(struct strbuf *b, char c);
void sb_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *b, const char *fmt, va_list ap);
void sb_reset(struct strbuf *b);
void sb_free(struct strbuf *b);
/* Give the buffer's string to the caller (never NULL) and reset the buffer. */
char *sb_take(struct strbuf *b);

/* Copy at most size-1 bytes, never cutting a UTF-8 sequence; always terminates. */
void str_copy(char *dst, const char *src, size_t size);
int str_eq(const char *a, const char *b);   /* NULL-safe strcmp()==0 */
int str_empty(const char *s);               /* NULL or "" */
/* Parse a whole decimal integer (optional leading '#'); 0 on success. */
int parse_id(const char *s, long long *out);

#endif

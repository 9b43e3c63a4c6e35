/* report_impl.h — private to report.c (the figures) and report_assess.c
 * (the assessment sheet): the orgs of a report's scope. */
#ifndef QINGDAN_REPORT_IMPL_H
#define QINGDAN_REPORT_IMPL_H

#include "qingdan/report.h"
#include "qingdan/store.h"

/* The orgs of the scope: every org, or org_id and those under it. */
struct scope_org {
	long long id;
	char *name, *parent;
	int level;
	int in;
};
struct scope {
	struct rowsink base;
	struct scope_org *v;
	int n;
};
enum qd_status report_scope_load(struct qd *q, int year, long long org_id, struct scope *sc,
				  struct strbuf *err);
void report_scope_free(struct scope *sc);
const struct scope_org *report_scope_find(const struct scope *sc, const char *name);
/* Whether the org of this id is in the scope. */
int report_scope_has_id(const struct scope *sc, long long id);
/* A rowsink header that takes nothing (the rows carry what is read). */
void report_no_header(struct rowsink *s, int ncol, const char *const *names);
/* Whether flags ("overdue,late") holds flag. */
int report_has_flag(const char *flags, const char *flag);

#endif

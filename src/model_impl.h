/* model_impl.h — private helpers shared by model.c, model_item.c, audit.c. */
#ifndef QINGDAN_MODEL_IMPL_H
#define QINGDAN_MODEL_IMPL_H

#include "qingdan/model.h"
#include "qingdan/msg.h"

/* Start a write: refuses a read-only file, begins a (nested) transaction. */
enum qd_status model_begin(struct qd *q, struct strbuf *err);
/* End it: commit if s is QD_OK, else roll back; returns the final status. */
enum qd_status model_end(struct qd *q, enum qd_status s, struct strbuf *err);
enum qd_status model_need_admin(struct qd *q, enum msg_id action, struct strbuf *err);
/* A user's date (any accepted form) into ISO in out (>= 11 bytes): *res is
 * out, or the input itself when NULL or "" (unchanged / clear). */
enum qd_status model_iso_date(const char *in, char *out, const char **res, struct strbuf *err);
/* UTC timestamp now (buffer >= 21). */
void model_now(char *buf);

#endif

/* meeting_impl.h — private to the 组织生活 ledger's model (meeting.c,
 * meeting_check.c) and to merging people (model_person.c). */
#ifndef QINGDAN_MEETING_IMPL_H
#define QINGDAN_MEETING_IMPL_H

#include "qingdan/meeting.h"
#include "qingdan/store_meeting.h"

/* The people a meeting of this org (its level code), type and cell
 * expects from who they are now (meeting.h's head; not counting those
 * recorded), in org and list order; *out malloc'd (store_mpeople_free). */
enum qd_status meeting_expected_people(struct qd *q, long long org_id, const char *org_level,
				       enum meeting_type type, const char *cell,
				       struct store_mperson **out, int *n);
/* Before a merge repoints drop's records onto keep (inside its
 * transaction): drop's attendance rows at meetings keep attended too are
 * removed (keep's row stands), and keep takes drop's member row when it
 * has none.  Audited. */
enum qd_status meeting_merge_person(struct qd *q, long long keep, long long drop,
				    struct strbuf *err);

/* The stored code of evidence kind k (meeting_note_kind_parse), "" for 0. */
const char *meeting_note_kind_code(int k);

#endif

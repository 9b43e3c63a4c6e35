/* audit.h — rollback and rewrite detection for the audit chain (DESIGN §3):
 * the local anchor of each user, the paper anchor, and their checks.
 * Implemented in src/audit_anchor.c over the state files of anchor.h; the
 * chain itself and `audit verify` are declared in model.h.
 *
 * The chain shows an edit made outside qingdan only as long as nobody
 * recomputes it.  The anchor closes that gap relative to what someone saw:
 * every process remembers the highest (seq, hash) it has seen of each
 * database and moves it forward after every committed write and every
 * newer head it reads, never back.  On open, a file that no longer holds
 * that entry (cut) or holds a different one (rewritten), or whose identity
 * changed, is refused — except for inspection (audit list, verify, anchor),
 * which still runs and shows the warning. */
#ifndef QINGDAN_AUDIT_H
#define QINGDAN_AUDIT_H

#include "qingdan/model.h"

enum anchor_mode {
	ANCHOR_ENFORCE,   /* refuse a cut or rewritten log (QD_VERIFY) */
	ANCHOR_INSPECT,   /* open anyway: the problem comes back as a warning */
	ANCHOR_NEW,       /* init: an empty log may start a new database here */
};

/* Check the open file against this user's anchor and start keeping it.
 * QD_OK with err empty: fine; QD_OK with a message in err: a warning to
 * show (inspection, or the state folder cannot be used); QD_VERIFY: refused,
 * the message says what was seen when and what to do.  ":memory:" files
 * and a user without a home folder keep no anchor. */
enum qd_status qd_anchor_open(struct qd *q, enum anchor_mode mode, struct strbuf *err);

/* The head to keep on paper: seq, full hash, code, time, unit, and this
 * user's local anchor; lines appended to out. */
enum qd_status qd_anchor_show(struct qd *q, struct strbuf *out, struct strbuf *err);
/* Admin: re-base this user's local anchor on the file's head after a
 * deliberate restore.  It changes only the local state — nothing is written
 * to the database or its log (out says so). */
enum qd_status qd_anchor_accept(struct qd *q, struct strbuf *out, struct strbuf *err);
/* Check a paper anchor "SEQ:HASH" (16 to 64 hex digits) or its code form
 * "SEQ-HASH16": the entry must be there with that hash and the chain up to
 * it intact.  QD_OK or QD_VERIFY with the findings in report; QD_INVALID
 * for a malformed anchor. */
enum qd_status qd_verify_anchor(struct qd *q, const char *anchor, struct strbuf *report,
				struct strbuf *err);

#endif

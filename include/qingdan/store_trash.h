/* store_trash.h — the 回收站 of items (issue 14.4): the deleted items of a
 * year with when and by whom each was deleted, and the write that brings
 * one back.  Part of the storage module (store.h), no rules: the model
 * (qd_item_restore) decides. */
#ifndef QINGDAN_STORE_TRASH_H
#define QINGDAN_STORE_TRASH_H

#include "qingdan/util.h"

struct db;
struct rowsink;

/* Columns: id org year seq category content owner status deleted_at
 * deleted_by (the person, else the login, of the item's last delete entry
 * in the audit log), newest deletion first.  year 0 = every year; org_id 0
 * = every org; kind as item_filter.kind. */
enum qd_status store_item_trash(struct db *db, int year, long long org_id, int kind,
				struct rowsink *s, struct strbuf *err);
/* Clear deleted_at of a deleted item at `version` (version + 1, updated_at
 * now); QD_CONFLICT when it changed or is not deleted. */
enum qd_status store_item_restore(struct db *db, long long id, int version, const char *now);

#endif

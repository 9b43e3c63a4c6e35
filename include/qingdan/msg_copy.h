/* msg_copy.h — the strings of moving a whole database (db copy, and the
 * backup of a PostgreSQL database; db.h db_copy): part of the catalogue of
 * msg.h, same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_COPY_H
#define QINGDAN_MSG_COPY_H

#define MSG_LIST_COPY(_) \
	/* refusals: nothing written */ \
	_(M_COPY_NOT_EMPTY, "%s 不是空库（%s 表已有数据），未作改动；db copy 只复制到空库：请指定一个还不存在的文件，或在服务器上新建一个空数据库（createdb）再复制", "%s is not empty (table %s has rows); nothing was changed: db copy only copies into an empty database — name a file that does not exist yet, or create an empty database on the server (createdb) and copy into that") \
	_(M_COPY_SAME, "源库与目标是同一个数据库（%s），未作改动", "FROM and TO are the same database (%s); nothing was changed") \
	_(M_COPY_FROM_MISSING, "源库 %s 不存在，未作任何改动；请检查路径", "FROM %s does not exist; nothing was done: check the path") \
	_(M_COPY_VERSION, "源库（数据版本 %d）与目标（数据版本 %d）的数据结构不同，未作改动；请先用同一版本的 qingdan 各打开一次", "FROM (schema %d) and TO (schema %d) differ; nothing was changed: open each once with the same qingdan first") \
	/* failures: rolled back */ \
	_(M_COPY_READ_FAILED, "读取源库的 %s 表时出错：%s；已撤销，目标未作改动", "reading table %s of FROM failed: %s; rolled back, the target is unchanged") \
	_(M_COPY_ROW_FAILED, "复制 %s 表（%s = %s）时出错：%s；已撤销，目标未作改动", "copying table %s (%s = %s) failed: %s; rolled back, the target is unchanged") \
	_(M_COPY_STEP_FAILED, "复制到目标后整理 %s 时出错：%s；已撤销，目标未作改动", "finishing %s on the target failed: %s; rolled back, the target is unchanged") \
	_(M_COPY_COUNT, "复制后 %s 表的行数不符（源库 %lld 行，目标 %lld 行）；已撤销，目标未作改动", "after the copy table %s has %lld rows in FROM but %lld in the target; rolled back, the target is unchanged") \
	_(M_COPY_UNVERIFIED, "复制后的操作日志校验不通过，而源库校验通过；已撤销，目标未作改动：\n%s", "the copy's audit log does not verify, while FROM's does; rolled back, the target is unchanged:\n%s") \
	/* done, but the source's chain itself does not verify */ \
	_(M_COPY_AS_SOURCE, "已复制到 %s，但操作日志校验不通过——源库本身同样不通过，复制如实；请用 qingdan audit verify 检查源库：\n%s", "copied to %s, but the audit log does not verify — nor does FROM's, so the copy is faithful; check FROM with qingdan audit verify:\n%s") \
	_(M_BACKUP_AS_SOURCE, "已备份到 %s，但操作日志校验不通过——数据库本身同样不通过，备份如实；请用 qingdan audit verify 检查：\n%s", "backed up to %s, but the audit log does not verify — nor does the database's own, so the backup is faithful; check it with qingdan audit verify:\n%s") \
	/* progress and the summary */ \
	_(M_COPY_PROGRESS, "正在复制 %s：%lld/%lld…", "copying %s: %lld/%lld…") \
	_(M_COPY_VERIFYING, "正在校验复制的数据和操作日志…", "checking the copy and its audit log…") \
	_(M_COPY_DONE, "已复制 %s → %s：%d 张表，共 %lld 行；操作日志%s", "copied %s → %s: %d tables, %lld rows; audit log %s")

#endif

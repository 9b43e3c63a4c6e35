/* msg_audit.h — the strings of the audit anchor and paper anchors (audit.h)
 * and of the owner-is-lead verification rule: part of the catalogue of
 * msg.h, same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_AUDIT_H
#define QINGDAN_MSG_AUDIT_H

#define MSG_LIST_AUDIT(_) \
	/* the local anchor: refusal (seen, seq, code, file, reason) */ \
	_(M_ANCHOR_BROKEN, "操作日志已被截断或改写：本用户于 %s 见过第 %lld 条日志（%s），但文件 %s 中%s。请从备份恢复该文件，或运行 qingdan audit verify 检查；如果是管理员有意恢复了较旧的备份，运行 qingdan audit anchor --accept 重新确认", "the audit log was cut or rewritten: at %s this user saw log entry %lld (%s), but in %s %s. Restore the file from a backup, or run `qingdan audit verify` to investigate; if an admin knowingly restored an older backup, run `qingdan audit anchor --accept`") \
	_(M_ANCHOR_GONE, "已没有这一条", "that entry is gone") \
	_(M_ANCHOR_DIFFERS, "这一条已不同", "that entry is different") \
	_(M_ANCHOR_IDENTITY, "数据库标识（db_uuid）已改变，像是换成了另一个文件", "the database identity (db_uuid) changed, as if the file was swapped") \
	_(M_ANCHOR_STATE_BAD, "本机的日志锚点文件 %s 无法读取或已损坏，不能确认操作日志未被截断；请运行 qingdan audit verify 检查，确认无误后由管理员运行 qingdan audit anchor --accept 重新记录", "the local audit anchor %s cannot be read or is damaged, so a cut in the audit log cannot be ruled out; run `qingdan audit verify`, and once satisfied have an admin run `qingdan audit anchor --accept`") \
	_(M_ANCHOR_DIR_BAD, "警告：不能在 %s 保存日志锚点（%s）；本次不能发现日志被截断", "warning: cannot keep the audit anchor in %s (%s); a cut in the log cannot be noticed this time") \
	_(M_ANCHOR_DIR_NOT_OURS, "不是本用户的目录，或是符号链接", "not a directory of this user, or a symlink") \
	_(M_ANCHOR_NO_STATE, "没有保存日志锚点的本机目录（需要 HOME 或 XDG_STATE_HOME），或数据库在内存中", "there is no local folder for the audit anchor (set HOME or XDG_STATE_HOME), or the database is in memory") \
	/* audit anchor: the head to keep on paper */ \
	_(M_ANCHOR_SHOW_FILE, "数据库：%s", "database: %s") \
	_(M_ANCHOR_SHOW_UUID, "数据库标识：%s", "database identity: %s") \
	_(M_ANCHOR_SHOW_UNIT, "单位：%s", "unit: %s") \
	_(M_ANCHOR_SHOW_HEAD, "最新日志：第 %lld 条，时间 %s", "latest log entry: %lld, at %s") \
	_(M_ANCHOR_SHOW_HASH, "哈希：%s", "hash: %s") \
	_(M_ANCHOR_SHOW_CODE, "校验码：%s", "code: %s") \
	_(M_ANCHOR_SHOW_PAPER, "请把以上内容抄在纸上保存；日后核对：qingdan audit verify --anchor %lld:%s", "keep the above on paper; check it later with: qingdan audit verify --anchor %lld:%s") \
	_(M_ANCHOR_SHOW_LOCAL, "本机锚点：第 %lld 条（%s，记录于 %s）", "local anchor: entry %lld (%s, recorded %s)") \
	_(M_ANCHOR_SHOW_NO_LOCAL, "本机锚点：尚无", "local anchor: none yet") \
	_(M_ANCHOR_SHOW_STATE, "本机锚点文件：%s/ 下的 %s %s", "local anchor files: %s/ holds %s %s") \
	_(M_ANCHOR_EMPTY, "操作日志还是空的，没有可抄录的锚点", "the audit log is empty: there is no anchor to keep yet") \
	_(M_ANCHOR_ACCEPTED, "本机日志锚点已重新确认为第 %lld 条（%s）", "the local audit anchor is now entry %lld (%s)") \
	_(M_ANCHOR_ACCEPTED_EMPTY, "操作日志为空：本机日志锚点已清除", "the audit log is empty: the local audit anchor is cleared") \
	_(M_ANCHOR_WAS, "原为第 %lld 条（%s，记录于 %s）", "it was entry %lld (%s, recorded %s)") \
	_(M_ANCHOR_LOCAL_ONLY, "这只改变本用户在本机保存的记录，不写入数据库，也不记入操作日志", "this changes only this user's local record: nothing is written to the database or its audit log") \
	_(M_ACT_ACCEPT_ANCHOR, "重新确认日志锚点", "accept a restored audit log") \
	_(M_VERIFY_ANCHOR, "日志与本用户此前见到的不符：已被截断或改写（见上）", "the log does not hold what this user saw before: it was cut or rewritten (see above)") \
	/* audit verify --anchor */ \
	_(M_ANCHOR_BAD_PAPER, "锚点“%s”无效；请写成 序号:哈希（至少 16 位十六进制），如 audit anchor 所印", "invalid anchor \"%s\"; write SEQ:HASH (at least 16 hex digits) as audit anchor prints it") \
	_(M_ANCHOR_PAPER_OK, "锚点 %s 相符：第 1 至第 %lld 条日志未被改动", "anchor %s holds: log entries 1 to %lld are unchanged") \
	_(M_ANCHOR_PAPER_FAILED, "锚点 %s 不符：文件中%s；日志已被截断或改写", "anchor %s does not hold: in the file %s; the log was cut or rewritten") \
	/* owner and lead one person: no verifying one's own work */ \
	_(M_DENIED_SELF_VERIFY, "%s 既是事项 #%lld 的责任人又是牵头领导，不能自己审核销号；请管理员审核销号，或先更换牵头领导", "%s is both the owner and the lead of item #%lld and may not verify it alone: an admin must verify it, or change the lead first")

#endif

/* msg.h — every user-visible string, in Chinese and English, in one table.
 *
 * MSG_LIST is an X-macro: (id, 中文, English).  Chinese is the default;
 * `--lang en` switches.  Strings with % are printf formats: both languages
 * take the same arguments in the same order. */
#ifndef QINGDAN_MSG_H
#define QINGDAN_MSG_H

/* Each area keeps its strings in its own list, all part of this catalogue. */
#include "qingdan/msg_audit.h"
#include "qingdan/msg_io.h"
#include "qingdan/msg_pledge.h"
#include "qingdan/msg_tui.h"
#include "qingdan/msg_file.h"   /* issue 8: input and output files */
#include "qingdan/msg_pg.h"     /* issue 9: the PostgreSQL driver */
#include "qingdan/msg_copy.h"   /* issue 9: db copy */
#include "qingdan/msg_meeting_cli.h"   /* issue 11: meeting commands */
#include "qingdan/msg_meeting.h"   /* issue 11: the 组织生活 ledger */
#include "qingdan/msg_meeting_check.h"   /* issue 11: the year checked */
#include "qingdan/msg_meeting_tui.h"     /* issue 11: tab 7 组织生活 */
#include "qingdan/msg_problem_tui.h"     /* issue 12: tab 8 问题整改 */
#include "qingdan/msg_meeting_print.h"   /* issue 11: meeting print, import --meetings */
#include "qingdan/msg_problem_model.h"   /* issue 12: 问题清单 → 整改清单, the model */
#include "qingdan/msg_problem.h"   /* issue 12: problem commands */
#include "qingdan/msg_report.h"   /* issue 12: report, the year in figures */
#include "qingdan/msg_problem_print.h"   /* issue 12: problem print, import --problems */
#include "qingdan/msg_docprint.h"   /* issue 13 D: every character printed, the checklist paper */
#include "qingdan/msg_sheet.h"   /* issue 13: import of .xlsx */
#include "qingdan/msg_screen.h"  /* issue 14.5: a smoother screen */
#include "qingdan/msg_reimport.h"   /* issue 13: importing a list again */
#include "qingdan/msg_collate.h"   /* issue 13: pinyin and stroke order, lookup by pinyin */
#include "qingdan/msg_period.h"   /* issue 14: recurring items */
#include "qingdan/msg_due.h"     /* issue 13: due words */
#include "qingdan/msg_category.h"   /* issue 13: category add, category move */
#include "qingdan/msg_install.h"   /* issue 14.1: --version */
#include "qingdan/msg_remind.h"   /* issue 14.3: remind, item list --due-soon */
#include "qingdan/msg_restore.h"   /* issue 14.4: restore, 回收站, several items */
#include "qingdan/msg_edit.h"   /* issue 14.5: line editor, forms */

#define MSG_LIST(_) \
	/* storage */ \
	_(M_DB_ERROR, "数据库错误：%s", "database error: %s") \
	_(M_DB_OPEN_FAILED, "无法打开数据库 %s：%s", "cannot open database %s: %s") \
	_(M_NOT_QINGDAN, "%s 不是 qingdan 数据库（未作任何改动）；请用 --db 指定正确的文件", "%s is not a qingdan database (left untouched); give the right file with --db") \
	_(M_DB_CORRUPT, "%s 已损坏（未作任何改动）；请从备份恢复", "%s is corrupt (left untouched); restore it from a backup") \
	_(M_SCHEMA_NEWER, "%s 由更新版本的 qingdan 写入（数据版本 %d，本程序只认识到 %d），未作任何改动；请升级 qingdan", "%s was written by a newer qingdan (schema %d, this program knows up to %d); left untouched: upgrade qingdan") \
	_(M_DB_NEEDS_UPGRADE, "%s 需要升级数据结构，但文件只读；请用有写权限的账户打开一次", "%s needs a schema upgrade but is read-only; open it once as a user who can write it") \
	_(M_BACKUP_FAILED, "备份到 %s 失败：%s", "backup to %s failed: %s") \
	_(M_WORLD_WRITABLE, "警告：%s 对所有用户可写；建议 chmod 660", "warning: %s is writable by every user; consider chmod 660") \
	_(M_READONLY, "数据库只读，不能修改", "the database is read-only") \
	/* lookup */ \
	_(M_PERSON_NOT_FOUND, "找不到人员“%s”；用 person list 查看，或先 person add", "no person \"%s\"; see person list, or add them with person add") \
	_(M_PERSON_AMBIGUOUS, "“%s”有重名，请用编号指定：%s", "\"%s\" is ambiguous; name one by id: %s") \
	_(M_ORG_NOT_FOUND, "找不到组织“%s”；用 org list 查看", "no organisation \"%s\"; see org list") \
	_(M_ORG_EXISTS, "组织“%s”已存在", "organisation \"%s\" already exists") \
	_(M_ITEM_NOT_FOUND, "找不到事项 #%lld", "no item #%lld") \
	_(M_LOGIN_TAKEN, "登录名“%s”已被 #%lld 使用", "login \"%s\" is already used by #%lld") \
	/* validation */ \
	_(M_BAD_LEVEL, "组织级别“%s”无效；可用 party-group、organ-committee、branch", "invalid level \"%s\"; use party-group, organ-committee or branch") \
	_(M_BAD_DATE, "日期“%s”无效；请写成 2026-03-31、2026/3/31 或 2026年3月31日", "invalid date \"%s\"; write it as 2026-03-31, 2026/3/31 or 2026年3月31日") \
	_(M_BAD_STATUS, "状态“%s”无效；可用 planned、in_progress、submitted、done、cancelled", "invalid status \"%s\"; use planned, in_progress, submitted, done or cancelled") \
	_(M_BAD_YEAR, "年度“%s”无效", "invalid year \"%s\"") \
	_(M_EMPTY_FIELD, "%s 不能为空", "%s must not be empty") \
	_(M_BAD_TRANSITION, "事项 #%lld 不能从“%s”改为“%s”", "item #%lld cannot go from %s to %s") \
	_(M_REASON_REQUIRED, "%s需要填写原因（--reason）", "%s needs a reason (--reason)") \
	_(M_NOTHING_TO_CHANGE, "没有要修改的内容", "nothing to change") \
	_(M_ITEM_DELETED, "事项 #%lld 已删除", "item #%lld is deleted") \
	_(M_ITEM_CLOSED, "事项 #%lld 当前为“%s”，不能再修改", "item #%lld is %s and can no longer change") \
	_(M_CONFLICT, "事项 #%lld 已被他人修改（当前版本 %d，你编辑的是版本 %d）：%s %s %s；你的修改未保存，请重新打开后再改", "item #%lld was changed by someone else (now version %d, you edited version %d): %s %s %s; your change was not saved: reopen and retry") \
	_(M_YEAR_EXISTS, "%d 年度已有清单事项，不能复制；", "year %d already has list items; nothing copied") \
	_(M_YEAR_EMPTY, "%d 年度没有可复制的清单", "year %d has no lists to copy") \
	/* permissions */ \
	_(M_DENIED_ADMIN, "只有管理员可以%s（当前用户 %s）", "only an admin may %s (you are %s)") \
	_(M_DENIED_ITEM, "只有该事项的责任人、牵头领导或管理员可以%s（当前用户 %s）", "only the item's owner, lead or an admin may %s (you are %s)") \
	_(M_DENIED_LEAD, "只有牵头领导或管理员可以%s（当前用户 %s）", "only the lead or an admin may %s (you are %s)") \
	/* actions (for permission messages and audit) */ \
	_(M_ACT_MANAGE_ORGS, "管理组织", "manage organisations") \
	_(M_ACT_MANAGE_PEOPLE, "管理人员", "manage people") \
	_(M_ACT_EDIT_ITEMS, "新增或修改事项", "add or edit items") \
	_(M_ACT_START, "开始事项", "start an item") \
	_(M_ACT_SUBMIT, "提交审核", "submit an item") \
	_(M_ACT_VERIFY, "审核销号", "verify an item") \
	_(M_ACT_REJECT, "退回", "reject an item") \
	_(M_ACT_CANCEL, "取消事项", "cancel an item") \
	_(M_ACT_NOTE, "填写履责纪实", "add a note") \
	_(M_ACT_DELETE, "删除事项", "delete an item") \
	_(M_ACT_COPY_YEAR, "复制年度清单", "copy a year") \
	_(M_ACT_SETTINGS, "修改设置", "change settings") \
	/* status and level labels */ \
	_(M_ST_PLANNED, "未开始", "planned") \
	_(M_ST_IN_PROGRESS, "进行中", "in progress") \
	_(M_ST_SUBMITTED, "待审核", "submitted") \
	_(M_ST_DONE, "已销号", "done") \
	_(M_ST_CANCELLED, "已取消", "cancelled") \
	_(M_FLAG_OVERDUE, "逾期", "overdue") \
	_(M_FLAG_DUE_SOON, "临期", "due soon") \
	_(M_FLAG_LATE, "逾期完成", "done late") \
	_(M_LV_PARTY_GROUP, "党组", "Party group") \
	_(M_LV_ORGAN_COMMITTEE, "机关党委", "organ Party committee") \
	_(M_LV_BRANCH, "党支部", "Party branch") \
	_(M_NO_ACTOR, "（未登记的用户）", "(unregistered user)") \
	/* CLI */ \
	_(M_USAGE, "用法：qingdan [--db 文件|连接串] [--year 年] [--today 日期] [--lang zh|en] [命令 ...]", "usage: qingdan [--db FILE|URI] [--year YYYY] [--today YYYY-MM-DD] [--lang zh|en] [COMMAND ...]") \
	_(M_USAGE_COMMANDS, "命令：%s；qingdan help 命令 查看某个命令的用法，qingdan --version 查看版本", "commands: %s; qingdan help COMMAND shows one command's usage, qingdan --version the version") \
	_(M_GROUP_NEEDS_SUB, "“%s”需要子命令：", "\"%s\" needs a subcommand:") \
	_(M_UNKNOWN_SUB, "“%s”没有子命令“%s”；可用：", "\"%s\" has no subcommand \"%s\"; there are:") \
	_(M_USAGE_PREFIX, "用法：", "usage:") \
	_(M_UNKNOWN_COMMAND, "未知命令“%s”；qingdan help 查看可用命令", "unknown command \"%s\"; see qingdan help") \
	_(M_UNKNOWN_OPTION, "%s：未知选项“%s”", "%s: unknown option \"%s\"") \
	_(M_MISSING_ARG, "%s：选项 %s 需要一个值", "%s: option %s needs a value") \
	_(M_MISSING_OPERAND, "%s：缺少参数；用法：%s", "%s: missing argument; usage: %s") \
	_(M_EXTRA_OPERAND, "%s：多余的参数“%s”", "%s: unexpected argument \"%s\"") \
	_(M_BAD_FORMAT, "输出格式“%s”无效；可用 table、tsv、csv、json", "invalid format \"%s\"; use table, tsv, csv or json") \
	_(M_BAD_LANG, "语言“%s”无效；可用 zh 或 en", "invalid language \"%s\"; use zh or en") \
	_(M_NO_TERMINAL, "没有终端，无法打开界面；请使用子命令，如 qingdan item list（qingdan help 查看全部）", "no terminal for the interactive screen; use a subcommand such as qingdan item list (see qingdan help)") \
	_(M_TUI_NOT_YET, "交互界面尚未提供；请使用子命令（qingdan help）", "the interactive screen is not available yet; use the subcommands (qingdan help)") \
	_(M_INIT_DONE, "已创建 %s", "created %s") \
	_(M_DEMO_EXISTS, "%s 已有数据，演示数据只能装入新文件", "%s already has data; demo data goes into a new file only") \
	_(M_BACKUP_DONE, "已备份到 %s", "backed up to %s") \
	_(M_YEAR_COPIED, "已从 %3$d 年复制 %1$d 张清单、%2$d 项事项到 %4$d 年", "copied %d lists with %d items from %d to %d") \
	/* settings */ \
	_(M_SETTING_UNKNOWN, "没有设置项“%s”；可用：unit_name（单位名称）、due_soon_days（临期天数）、printer（打印机）、hours_norm（党员年度学时）、hours_norm_leader（书记和班子成员年度学时）", "no setting \"%s\"; known: unit_name, due_soon_days, printer, hours_norm, hours_norm_leader") \
	_(M_SETTING_BAD_DAYS, "临期天数“%s”无效；请写 0 到 365 之间的整数", "invalid due_soon_days \"%s\"; give a whole number from 0 to 365") \
	_(M_SET_UNIT_NAME, "单位名称（打印在清单上）", "unit name (printed on checklists)") \
	_(M_SET_DUE_SOON, "临期天数（到期前几天标为临期，默认 7）", "days before due that count as due soon (default 7)") \
	_(M_SET_PRINTER, "界面打印使用的打印机（空为默认打印机）", "printer the screen prints to (empty: the default)") \
	/* item show */ \
	_(M_SHOW_ITEM, "事项 #%lld · %d年度 · %s · 第 %d 项", "item #%lld · %d · %s · no. %d") \
	_(M_SHOW_CATEGORY, "类别", "category") \
	_(M_SHOW_CONTENT, "责任内容", "content") \
	_(M_SHOW_MEASURES, "工作措施", "measures") \
	_(M_SHOW_STANDARD, "完成标准", "standard") \
	_(M_SHOW_OWNER, "责任人", "owner") \
	_(M_SHOW_LEAD, "牵头领导", "lead") \
	_(M_SHOW_DUE, "完成时限", "due") \
	_(M_SHOW_STATUS, "状态", "status") \
	_(M_SHOW_DONE_ON, "销号日期", "done on") \
	_(M_SHOW_VERSION, "版本", "version") \
	_(M_SHOW_UPDATED, "更新于", "updated") \
	_(M_SHOW_DELETED, "已删除于", "deleted") \
	_(M_SHOW_NOTES, "履责纪实", "notes") \
	_(M_SHOW_NO_NOTES, "（暂无）", "(none)") \
	_(M_NONE, "（无）", "(none)") \
	/* audit */ \
	_(M_VERIFY_OK, "校验通过：%lld 条日志，%lld 条记录一致", "verified: %lld log entries, %lld records consistent") \
	_(M_VERIFY_ALTERED, "日志第 %lld 条被改动", "log entry %lld was altered") \
	_(M_VERIFY_MISSING, "日志第 %lld 条之前缺少条目（被删除）", "log entries before %lld are missing (deleted)") \
	_(M_VERIFY_INSERTED, "日志第 %lld 条是插入的（不在链上）", "log entry %lld was inserted (not on the chain)") \
	_(M_VERIFY_RECORD, "%s #%lld 在 qingdan 之外被修改（与日志第 %lld 条不符）", "%s #%lld was changed outside qingdan (does not match log entry %lld)") \
	_(M_VERIFY_UNLOGGED, "%s #%lld 没有日志记录（在 qingdan 之外加入）", "%s #%lld has no log entry (added outside qingdan)") \
	_(M_VERIFY_GONE, "%s #%lld 已从文件中删除（日志第 %lld 条）", "%s #%lld was removed from the file (log entry %lld)") \
	_(M_VERIFY_FAILED, "校验失败：发现 %d 处问题", "verification failed: %d problems") \
	_(M_BAD_CODE, "校验码“%s”无效", "invalid verification code \"%s\"") \
	_(M_CODE_OK, "校验码 %s 有效：打印于 %s，所印内容此后未被改动", "code %s is valid: printed %s, and what it covers is unchanged since") \
	_(M_CODE_CHANGED, "校验码 %s 所印的 %s #%lld 此后已改动", "since code %s was printed, %s #%lld has changed") \
	_(M_CODE_UNKNOWN, "校验码 %s 不是本文件打印的", "code %s was not printed from this file") \
	/* h6 (issue 8 item 9): ids, the no-create rule, option values, detail text */ \
	_(M_BAD_ID, "无效的编号“%s”：应为正整数，如 12 或 #12", "invalid id \"%s\": give a positive whole number such as 12 or #12") \
	_(M_DB_MISSING, "数据库文件 %s 不存在；先运行 qingdan init（或用 --db 指定已有的文件）", "database file %s does not exist; run qingdan init first (or name an existing file with --db)") \
	_(M_BAD_VERSION, "%s：版本号“%s”无效：应为正整数（item show 的“版本”）", "%s: invalid version \"%s\": give a positive whole number (the version item show prints)") \
	_(M_BAD_CHOICE, "%s：%s 的值“%s”无效；可用 %s", "%s: %s cannot be \"%s\"; use %s") \
	_(M_YES, "是", "yes") \
	_(M_NO, "否", "no") \
	_(M_DETAIL_RECORDS, "%d 条记录", "%d records") \
	/* issue 8 §5–6 (h4): clean text, names, homonyms, person merge */ \
	_(M_ARG_NOT_UTF8, "第 %d 个参数“%s”不是有效的 UTF-8 文本；请检查终端或脚本的字符编码", "argument %d \"%s\" is not valid UTF-8; check the character encoding of your terminal or script") \
	_(M_OPT_NOT_UTF8, "第 %d 个参数（%s 之后）“%s”不是有效的 UTF-8 文本；请检查终端或脚本的字符编码", "argument %d (after %s) \"%s\" is not valid UTF-8; check the character encoding of your terminal or script") \
	_(M_NAME_NOT_UTF8, "名称不是有效的 UTF-8 文本", "the name is not valid UTF-8") \
	_(M_NAME_BLANK, "%s不能为空（只有空格或不可见字符也算空）", "%s must not be blank (spaces and invisible characters alone count as blank)") \
	_(M_PERSON_NO_FIT, "没有职务或支部含“%2$s”的“%1$s”；同名的有：%3$s", "no \"%1$s\" has a post or branch containing \"%2$s\"; people of that name: %3$s") \
	_(M_PERSON_ID_NAME, "#%lld 是“%s”，与“%s”不符", "#%lld is \"%s\", which does not match \"%s\"") \
	_(M_MERGE_SELF, "不能把人员并入其本人；请给出两个不同的人", "cannot merge a person into themselves; name two different people") \
	_(M_MERGE_LOGINS, "#%lld（登录名 %s）与 #%lld（登录名 %s）都有登录名；请先用 person set WHO --login '' 清除不用的那个", "#%lld (login %s) and #%lld (login %s) both have a login; clear the unused one first with person set WHO --login ''") \
	_(M_MERGE_DONE, "已将 #%lld %s 的 %d 条记录并入 #%lld %s；#%lld 已停用", "moved %3$d records of #%1$lld %2$s onto #%4$lld %5$s; #%6$lld is now inactive") \
	MSG_LIST_IO(_) \
	MSG_LIST_PLEDGE(_) \
	MSG_LIST_TUI(_) \
	MSG_LIST_AUDIT(_) \
	MSG_LIST_FILE(_) \
	MSG_LIST_PG(_) \
	MSG_LIST_COPY(_) \
	MSG_LIST_MEETING_CLI(_) \
	MSG_LIST_MEETING(_) \
	MSG_LIST_MEETING_CHECK(_) \
	MSG_LIST_MEETING_TUI(_) \
	MSG_LIST_PROBLEM_TUI(_) \
	MSG_LIST_MEETING_PRINT(_) \
	MSG_LIST_PROBLEM_MODEL(_) \
	MSG_LIST_PROBLEM_CLI(_) \
	MSG_LIST_REPORT(_) \
	MSG_LIST_PROBLEM_PRINT(_) \
	MSG_LIST_DOCPRINT(_) \
	MSG_LIST_SHEET(_) \
	MSG_LIST_SCREEN(_) \
	MSG_LIST_REIMPORT(_) \
	MSG_LIST_COLLATE(_) \
	MSG_LIST_DUE(_) \
	MSG_LIST_CATEGORY(_) \
	MSG_LIST_INSTALL(_) \
	MSG_LIST_REMIND(_) \
	MSG_LIST_RESTORE(_) \
	MSG_LIST_PERIOD(_) \
	MSG_LIST_EDIT(_) \
	/* a busy file (issue 8.4) */ \
	_(M_DB_BUSY_WAIT, "数据库正忙，等待中…已等 %d 秒", "the database is busy, waiting… %d s") \
	_(M_DB_BUSY_WAIT_WHO, "数据库正忙，等待中…已等 %d 秒：%s正在写入", "the database is busy, waiting… %d s: %s is writing") \
	_(M_DB_BUSY_HOLDER, "%s 的 %s（进程 %ld）", "%s's %s (process %ld)") \
	_(M_DB_BUSY_PID, "另一个程序（进程 %ld）", "another program (process %ld)") \
	_(M_DB_BUSY, "%s 正被 %s占用，等了 %d 秒仍未释放，未作改动；等它完成后再试，或请该用户退出", "%s is held by %s and was not released within %d s; nothing was changed; try again when it has finished, or ask that user to quit") \
	_(M_DB_BUSY_UNKNOWN, "%s 正被另一个程序占用，等了 %d 秒仍未释放，未作改动；查不到是哪个进程（可能在别的机器或容器里），请稍后再试", "%s is held by another program and was not released within %d s; nothing was changed; which process holds it cannot be found (it may be on another machine or in a container); try again later")

/* Column headers of the human `table` format (tsv/csv/json keep the keys). */
#define COLUMN_LIST(_) \
	_("id", "编号", "id") _("org", "组织", "org") _("year", "年度", "year") \
	_("seq", "序号", "seq") _("category", "类别", "category") _("content", "责任内容", "content") \
	_("owner", "责任人", "owner") _("lead", "牵头领导", "lead") _("due", "完成时限", "due") \
	_("status", "状态", "status") _("flags", "标记", "flags") _("name", "名称", "name") \
	_("level", "级别", "level") _("parent", "上级", "parent") _("items", "事项", "items") \
	_("post", "职务", "post") _("login", "登录名", "login") _("admin", "管理员", "admin") \
	_("active", "在职", "active") _("done", "已销号", "done") _("overdue", "逾期", "overdue") \
	_("group", "分组", "group") _("total", "合计", "total") _("late", "逾期完成", "late") \
	_("completion", "完成率%", "completion%") _("pledges_signed", "责任书已签", "pledges signed") \
	_("pledges_issued", "责任书已发", "pledges issued") \
	_("meetings", "会议活动", "meetings") _("meeting_hours", "会议学时", "meeting hours") \
	_("participants", "参加人次", "participants") _("periods_ok", "按期召开", "periods held") \
	_("periods_short", "人数不足", "periods short") _("periods_missing", "缺开", "periods missing") \
	_("periods_open", "进行中", "periods open") _("at", "时间", "at") \
	_("person", "人员", "person") _("action", "操作", "action") _("entity", "对象", "entity") \
	_("entity_id", "对象编号", "entity id") _("detail", "详情", "detail") \
	_("note", "纪实内容", "note") _("every", "周期", "repeats") _("periods", "已完成周期", "periods done") \
	_("key", "设置项", "key") _("value", "值", "value") _("meaning", "说明", "meaning") \
	COLUMN_LIST_MEETING(_) \
	COLUMN_LIST_PROBLEM(_) \
	COLUMN_LIST_REPORT(_) \
	COLUMN_LIST_CATEGORY(_) \
	COLUMN_LIST_RESTORE(_)

/* The header label of a column key in the current language (key if unknown). */
const char *msg_column(const char *key);

/* Labels of record fields (the keys of the audit detail JSON and of
 * `show --format json`), by entity ("*" for every entity): (entity, key,
 * 中文, English).  An entity's own label wins over the "*" one. */
#define FIELD_LIST(_) \
	_("person", "name", "姓名", "name") _("*", "name", "名称", "name") \
	_("*", "list_id", "清单", "list") _("*", "seq", "序号", "no.") \
	_("*", "category", "类别", "category") _("*", "content", "责任内容", "content") \
	_("*", "measures", "工作措施", "measures") _("*", "standard", "完成标准", "standard") \
	_("*", "due", "完成时限", "due") _("*", "due_text", "时限说明", "due text") \
	_("*", "owner_id", "责任人", "owner") _("*", "lead_id", "牵头领导", "lead") \
	_("*", "status", "状态", "status") _("*", "done_on", "销号日期", "done on") \
	_("*", "version", "版本", "version") _("*", "created_at", "创建于", "created") \
	_("*", "updated_at", "更新于", "updated") _("*", "deleted_at", "删除于", "deleted") \
	_("*", "reason", "原因", "reason") _("*", "post", "职务", "post") \
	_("*", "org_id", "所在组织", "organisation") _("*", "login", "登录名", "login") \
	_("*", "is_admin", "管理员", "admin") _("*", "active", "在职", "active") \
	_("*", "level", "级别", "level") _("*", "parent_id", "上级组织", "parent") \
	_("*", "sort", "排序", "order") _("*", "year", "年度", "year") _("*", "title", "标题", "title") \
	_("list", "state", "清单状态", "list state") _("*", "item_id", "事项", "item") \
	_("*", "on_date", "日期", "date") _("*", "person_id", "人员", "person") \
	_("*", "text", "内容", "text") _("*", "body", "正文", "text") \
	_("*", "issuer_id", "甲方", "issuer") _("*", "signer_id", "乙方", "signer") \
	_("*", "sign_due", "签订期限", "sign by") _("*", "body_sha256", "正文 SHA-256", "text SHA-256") \
	_("*", "issuer_signed_on", "甲方签字日期", "issuer signed on") \
	_("*", "issuer_signed_by", "甲方签字人", "issuer signed by") \
	_("*", "issuer_method", "甲方签字方式", "issuer's method") \
	_("*", "issuer_proxy", "甲方代签", "issuer proxy") \
	_("*", "issuer_proxy_note", "甲方代签说明", "issuer proxy note") \
	_("*", "issuer_recorded_by", "甲方签字登记人", "issuer recorded by") \
	_("*", "signer_signed_on", "乙方签字日期", "signer signed on") \
	_("*", "signer_signed_by", "乙方签字人", "signer signed by") \
	_("*", "signer_method", "乙方签字方式", "signer's method") \
	_("*", "signer_proxy", "乙方代签", "signer proxy") \
	_("*", "signer_proxy_note", "乙方代签说明", "signer proxy note") \
	_("*", "signer_recorded_by", "乙方签字登记人", "signer recorded by") \
	_("*", "grade", "考核等次", "grade") _("*", "score", "分数", "score") \
	_("*", "assessed_on", "考核日期", "assessed on") _("*", "assess_note", "考核说明", "assessment note") \
	_("*", "void_reason", "作废原因", "void reason") _("*", "successor_id", "后续责任书", "successor") \
	_("*", "key", "设置项", "key") _("*", "value", "值", "value") \
	_("*", "what", "打印内容", "printed") _("*", "records", "所印记录", "records printed") \
	_("*", "notes", "履责纪实", "notes") _("*", "org", "组织", "org") \
	_("*", "owner", "责任人", "owner") _("*", "lead", "牵头领导", "lead") \
	_("*", "flags", "标记", "flags") \
	_("meeting", "type", "会议类型", "meeting type") _("meeting_rule", "type", "会议类型", "meeting type") \
	_("*", "starts", "开始时间", "starts") _("*", "place", "地点", "place") \
	_("*", "host_id", "主持人", "host") _("*", "recorder_id", "记录人", "recorder") \
	_("*", "hours", "时长（小时）", "hours") _("*", "cell", "党小组", "Party cell") \
	_("*", "summary", "会议内容", "summary") _("*", "decisions", "议定事项", "decisions") \
	_("*", "meeting_id", "会议", "meeting") _("*", "party", "政治面貌", "Party standing") \
	_("*", "committee", "支委职务", "committee role") _("*", "kind", "材料类别", "kind") \
	_("*", "every", "周期", "every") _("*", "min_count", "每期次数", "a period") \
	_("*", "quorum", "法定人数", "quorum") _("attendance", "status", "出席情况", "attendance") \
	_("problem", "source", "问题来源", "source") _("problem", "raised_on", "发现时间", "raised on") \
	_("problem", "text", "问题描述", "problem") _("problem", "raiser_id", "反映人", "raiser") \
	_("problem", "raiser_name", "反映人（外部）", "raiser (outside)") \
	_("problem", "contact", "联系方式", "contact") _("problem", "closed_on", "销号日期", "closed on") \
	_("problem", "closed_by", "销号人", "closed by") _("*", "problem_id", "问题", "problem") \
	_("problem_feedback", "by_id", "回访人", "visited by") \
	_("problem_feedback", "result", "回访情况", "result") \
	_("problem_feedback", "satisfied", "是否满意", "satisfied") \
	_("problem_feedback", "on_date", "回访日期", "visited on") \
	_("item", "every", "周期", "repeats") _("item_period", "period", "周期", "period") \
	_("item_period", "recorded_by", "登记人", "recorded by") \
	_("item_period", "done_on", "完成日期", "done on") _("item_period", "note", "说明", "note")

/* The label of a record field in the current language (key if unknown). */
const char *msg_field(const char *entity, const char *key);

/* The name of an entity ("item" → 事项) in the current language. */
#define ENTITY_LIST(_) \
	_("item", "事项", "item") _("person", "人员", "person") _("org", "组织", "organisation") \
	_("list", "清单", "list") _("note", "履责纪实", "note") _("pledge", "责任书", "pledge") \
	_("setting", "设置", "setting") _("print", "打印", "print") \
	_("member", "党员信息", "Party member") _("meeting", "会议活动", "meeting") \
	_("attendance", "出席记录", "attendance") _("meeting_note", "会议材料", "meeting evidence") \
	_("item_meeting", "事项关联会议", "item's meeting") _("meeting_rule", "会议规则", "meeting rule") \
	_("problem", "问题", "problem") _("problem_measure", "整改措施", "rectification measure") \
	_("problem_feedback", "回访", "follow-up visit") _("category", "类别", "category") \
	_("item_period", "事项周期", "item period")
const char *msg_entity(const char *entity);

enum msg_id {
#define MSG_ENUM_(id, zh, en) id,
	MSG_LIST(MSG_ENUM_)
#undef MSG_ENUM_
	M__COUNT
};

/* The string in the current language. */
const char *msg(enum msg_id id);
void msg_set_english(int english);
int msg_english(void);

#endif

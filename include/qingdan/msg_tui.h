/* msg_tui.h — the strings of the interactive screen: part of the catalogue of msg.h,
 * same form (id, 中文, English); every line ends with a backslash.
 * Fixed layout text avoids East Asian "ambiguous" characters (× — … · ↑ ↓),
 * which some terminals draw two columns wide. */
#ifndef QINGDAN_MSG_TUI_H
#define QINGDAN_MSG_TUI_H

#define MSG_LIST_TUI(_) \
	_(M_TUI_NONE, "", "") \
	/* key line hints */ \
	_(M_TUI_K_HELP, "帮助", "help") \
	_(M_TUI_K_ADD, "新增", "add") \
	_(M_TUI_K_EDIT, "编辑", "edit") \
	_(M_TUI_K_ASSIGN, "指派", "assign") \
	_(M_TUI_K_STATUS, "状态", "status") \
	_(M_TUI_K_NOTE, "纪实", "note") \
	_(M_TUI_K_SEARCH, "搜索", "search") \
	_(M_TUI_K_FILTER, "筛选", "filter") \
	_(M_TUI_K_PRINT, "打印", "print") \
	_(M_TUI_K_QUIT, "退出", "quit") \
	/* help screen */ \
	_(M_TUI_HELP_TITLE, "帮助（q 或 Esc 返回）", "Help (q or Esc to go back)") \
	_(M_TUI_G_MOVE, "移动", "Moving") \
	_(M_TUI_G_VIEW, "视图", "Views") \
	_(M_TUI_G_ITEM, "事项", "Items") \
	_(M_TUI_G_FIND, "查找", "Finding") \
	_(M_TUI_G_OTHER, "其他", "Other") \
	_(M_TUI_H_DOWN, "下移一行", "down one row") \
	_(M_TUI_H_UP, "上移一行", "up one row") \
	_(M_TUI_H_PAGE_DOWN, "下翻一页", "down one page") \
	_(M_TUI_H_PAGE_UP, "上翻一页", "up one page") \
	_(M_TUI_H_HOME, "到第一行", "to the first row") \
	_(M_TUI_H_END, "到最后一行", "to the last row") \
	_(M_TUI_H_OPEN, "打开：事项全文、个人清单、统计行", "open: an item in full, a person's checklist, a stats row") \
	_(M_TUI_H_BACK, "返回上一屏（帮助、个人清单、全文）", "back from help, a checklist or an item in full") \
	_(M_TUI_H_NEXT_VIEW, "下一个标签页", "next tab") \
	_(M_TUI_H_PREV_VIEW, "上一个标签页", "previous tab") \
	_(M_TUI_H_VIEW_PARTY, "党组清单", "the Party group's list") \
	_(M_TUI_H_VIEW_COMMITTEE, "机关党委清单", "the organ Party committee's list") \
	_(M_TUI_H_VIEW_BRANCH, "党支部清单（在此页再按一次：选择支部）", "a Party branch's list (again: pick the branch)") \
	_(M_TUI_H_VIEW_PEOPLE, "人员及其事项数", "people and their counts") \
	_(M_TUI_H_VIEW_PLEDGES, "责任书", "pledges") \
	_(M_TUI_H_VIEW_STATS, "统计：完成率、逾期、责任书签订", "statistics: completion, overdue, pledges signed") \
	_(M_TUI_H_BRANCH, "选择党支部", "pick the Party branch") \
	_(M_TUI_H_HELP, "本帮助", "this help") \
	_(M_TUI_H_ADD, "新增事项（管理员）", "add an item (admin)") \
	_(M_TUI_H_EDIT, "编辑事项（管理员）", "edit the item (admin)") \
	_(M_TUI_H_DELETE, "删除事项（管理员，需确认）", "delete the item (admin, asks first)") \
	_(M_TUI_H_ASSIGN, "指派责任人和牵头领导（管理员）", "assign owner and lead (admin)") \
	_(M_TUI_H_STATUS, "改变状态：开始、提交、销号、退回、取消", "change the status: start, submit, verify, reject, cancel") \
	_(M_TUI_H_NOTE, "添加履责纪实", "add a note of what was done") \
	_(M_TUI_H_SEARCH, "搜索责任内容（边输入边筛选）", "search the content (narrows as you type)") \
	_(M_TUI_H_FILTER, "筛选：状态、责任人、逾期、类别", "filter: status, owner, overdue, category") \
	_(M_TUI_H_CLEAR_FILTER, "清除筛选和搜索", "clear filters and search") \
	_(M_TUI_H_SORT, "排序：序号、完成时限、状态（统计页：切换分组）", "sort by seq, due date, status (stats: switch grouping)") \
	_(M_TUI_H_YEAR, "切换年度", "switch the year") \
	_(M_TUI_H_PRINT, "打印清单：本人、本组织或全部，到打印机或 PDF 文件", "print: this person, this org or everyone, to a printer or a PDF") \
	_(M_TUI_H_PROMPT, "按名称执行操作，如 :status 进行中", "run an action by name, e.g. :status in_progress") \
	_(M_TUI_H_RELOAD, "重新读取数据", "read the data again") \
	_(M_TUI_H_REDRAW, "重画屏幕", "redraw the screen") \
	_(M_TUI_H_QUIT, "退出（在帮助、个人清单中为返回）", "quit (in help or a checklist: back)") \
	_(M_TUI_HELP_MORE, "表单：Tab 或上下键换项，Enter 到下一项，最后一项上 Enter 保存，Ctrl-S 随时保存，Esc 取消。\n人员字段：Enter 或直接输入姓名，打开人员选择（边输入边查找）；Backspace 清空。\n鼠标：单击选中行或标签页，滚轮上下翻动。\n: 提示符：操作名加参数，Tab 补全，例如 :status 已销号、:note 已完成检查、:filter overdue、:sort due、:year 2025、:branch 第一党支部。\n颜色：逾期红色，临期黄色，已销号绿色，已取消暗色；设置 NO_COLOR 时用粗体和下划线。", "Forms: Tab or Up/Down between fields, Enter to the next, Enter on the last saves, Ctrl-S saves anywhere, Esc cancels.\nPerson fields: Enter, or type a name, opens the people picker (narrows as you type); Backspace clears.\nMouse: click selects a row or a tab; the wheel scrolls.\nThe : prompt takes an action name and its argument, Tab completes: :status done, :note checked, :filter overdue, :sort due, :year 2025, :branch NAME.\nColours: overdue red, due soon yellow, done green, cancelled dim; with NO_COLOR bold and underline instead.") \
	/* frame */ \
	_(M_TUI_YEAR_LABEL, "%d年度", "%d") \
	_(M_TUI_ROLE_ADMIN, "管理员", "admin") \
	_(M_TUI_ROLE_READONLY_FILE, "只读", "read-only") \
	_(M_TUI_ROLE_UNKNOWN, "未登记，只读", "unregistered, read-only") \
	_(M_TUI_TAB_PEOPLE, "人员", "People") \
	_(M_TUI_TAB_PLEDGES, "责任书", "Pledges") \
	_(M_TUI_TAB_STATS, "统计", "Stats") \
	_(M_TUI_TOO_SMALL, "终端太小：至少需要 %dx%d，当前 %dx%d", "terminal too small: needs at least %dx%d, now %dx%d") \
	_(M_TUI_NO_TERM, "无法使用此终端（TERM 未设置或无法识别）；请使用子命令，如 qingdan item list", "cannot use this terminal (TERM unset or unknown); use a subcommand such as qingdan item list") \
	_(M_TUI_RELOADED, "其他用户修改了数据，已刷新", "another session changed the data; reloaded") \
	_(M_TUI_RELOADED_BY_USER, "已重新读取", "reloaded") \
	_(M_TUI_READONLY_FILE, "只读：数据库文件不可写，可以查看，不能修改", "read-only: the database file cannot be written; you can look but not change") \
	_(M_TUI_READONLY_USER, "只读：%s 不是管理员，只能推进本人负责的事项并记录纪实", "read-only: %s is not an admin and may only move and annotate their own items") \
	_(M_TUI_NOT_HERE, "这里不能使用“%s”", "\"%s\" does not apply here") \
	_(M_TUI_UNKNOWN_ACTION, "没有“%s”这个操作；按 F1 查看帮助", "no action \"%s\"; F1 shows the help") \
	_(M_TUI_PROMPT_YEAR, "年度：", "year: ") \
	_(M_TUI_YEAR_SET, "已切换到 %d 年度", "now showing %d") \
	_(M_TUI_PRINT_NOT_YET, "打印功能尚未提供（not yet）", "printing: not yet available") \
	_(M_TUI_PRINT_TITLE, "打印 %d年度个人党建责任清单：范围", "Print the %d checklists: whose") \
	_(M_TUI_PRINT_PERSON, "本人（%s）", "this person (%s)") \
	_(M_TUI_PRINT_ORG, "本组织（%s）", "this org (%s)") \
	_(M_TUI_PRINT_MEETING, "会议记录（#%lld）", "the record of meeting #%lld") \
	_(M_TUI_PRINT_LEDGER, "组织生活台账（%s）", "the meetings ledger of %s") \
	_(M_TUI_PRINT_PROBLEMS, "问题清单和整改清单（%s）", "the problems and their rectification of %s") \
	_(M_TUI_PRINT_ALL, "全部（所有人员）", "everyone") \
	_(M_TUI_PRINT_PLEDGE, "责任书 #%lld", "pledge #%lld") \
	_(M_TUI_PRINT_PLEDGES, "本年度全部责任书", "every pledge of the year") \
	_(M_TUI_PRINT_FORM, "打印 %s", "Print: %s") \
	_(M_TUI_PRINT_DEST, "输出", "to") \
	_(M_TUI_PRINT_TO_LP, "打印机", "printer") \
	_(M_TUI_PRINT_TO_FILE, "PDF 文件", "PDF file") \
	_(M_TUI_PRINT_PRINTER, "打印机（空为默认）", "printer (empty: default)") \
	_(M_TUI_PRINT_PATH, "文件", "file") \
	_(M_TUI_PRINT_NEED_PATH, "请填写 PDF 文件名", "give a name for the PDF file") \
	_(M_TUI_PRINT_FILE_ALL, "全部", "all") \
	/* lists */ \
	_(M_TUI_COL_LIST, "清单", "list") \
	_(M_TUI_COL_SEQ, "序号", "no.") \
	_(M_TUI_COL_FLAGS, "标记", "flags") \
	_(M_TUI_SUMMARY, "共%d项 逾期%d 完成%d%%", "%d items, %d overdue, %d%% done") \
	_(M_TUI_CHECKLIST_TITLE, "%s 的责任清单（%d年度，任责任人或牵头领导的事项）", "%s's checklist (%d, items as owner or lead)") \
	_(M_TUI_DETAIL, "详情", "details") \
	_(M_TUI_DETAIL_TITLE, "详情 #%lld  %s 第%d项", "item #%lld  %s no. %d") \
	_(M_TUI_LIST_EMPTY, "本清单暂无事项；按 a 新增", "this list has no items yet; a adds one") \
	_(M_TUI_NONE_MATCH, "没有符合筛选条件的事项", "no items match the filters") \
	_(M_TUI_NOT_FOUND, "没有找到", "nothing found") \
	_(M_TUI_NO_ORG, "还没有这个组织；党支部用 qingdan org add 名称 --level branch 添加", "no such organisation yet; add a branch with qingdan org add NAME --level branch") \
	_(M_TUI_LIST_TIP, "Enter 查看全文  / 搜索  f 筛选  S 排序  : 按名称执行操作", "Enter shows the item in full  / search  f filter  S sort  : run an action by name") \
	_(M_TUI_FILTERS, "筛选：", "filters:") \
	_(M_TUI_ONLY_OVERDUE, "仅逾期", "overdue only") \
	_(M_TUI_CLEAR_HINT, "（F 清除）", "(F clears)") \
	_(M_TUI_FILTERS_CLEARED, "已清除筛选和搜索", "filters and search cleared") \
	_(M_TUI_SORTED_BY, "排序：", "sorted by ") \
	_(M_TUI_SORT_SEQ, "序号", "seq") \
	_(M_TUI_SORT_DUE, "完成时限", "due") \
	_(M_TUI_SORT_STATUS, "状态", "status") \
	_(M_TUI_BAD_SORT, "排序方式“%s”无效；可用 seq、due、status", "invalid sort \"%s\"; use seq, due or status") \
	_(M_TUI_BAD_FILTER, "无法识别的筛选条件“%s”；可用 overdue、status=…、owner=…、category=…", "unknown filter \"%s\"; use overdue, status=…, owner=…, category=…") \
	_(M_TUI_ANY, "全部", "any") \
	_(M_TUI_FOUND, "找到 %d 项含“%s”", "%d items contain \"%s\"") \
	/* item work */ \
	_(M_TUI_NO_SELECTION, "没有选中的事项", "no item selected") \
	_(M_TUI_ADD_IN_LIST, "请在清单页（1 至 3）新增事项", "add items from a list tab (1 to 3)") \
	_(M_TUI_DUE_TEXT, "时限说明", "due note") \
	_(M_TUI_FORM_ADD, "新增事项（%s，%d年度）", "New item (%s, %d)") \
	_(M_TUI_FORM_EDIT, "编辑事项 #%lld（%s 第%d项）", "Edit item #%lld (%s no. %d)") \
	_(M_TUI_FORM_ASSIGN, "指派事项 #%lld（%s 第%d项）", "Assign item #%lld (%s no. %d)") \
	_(M_TUI_FORM_FILTER, "筛选", "Filter") \
	_(M_TUI_FORM_KEYS, "Tab 换项  Enter 下一项（末项保存）  Ctrl-S 保存  Esc 取消", "Tab next field  Enter next (saves on the last)  Ctrl-S save  Esc cancel") \
	_(M_TUI_FORM_PICK, "  （Enter 选择）", "  (Enter picks)") \
	_(M_TUI_ADDED, "已新增事项 #%lld", "added item #%lld") \
	_(M_TUI_SAVED, "已保存事项 #%lld", "saved item #%lld") \
	_(M_TUI_DELETED, "已删除事项 #%lld", "deleted item #%lld") \
	_(M_TUI_MOVED, "事项 #%lld 已改为“%s”", "item #%lld is now %s") \
	_(M_TUI_NOTED, "已为事项 #%lld 记录履责纪实", "note added to item #%lld") \
	_(M_TUI_CONFIRM_DELETE, "删除事项 #%lld“%s”？(y/N) ", "delete item #%lld \"%s\"? (y/N) ") \
	_(M_TUI_PROMPT_REASON, "改为“%s”的原因：", "reason for %s: ") \
	_(M_TUI_PROMPT_NOTE, "履责纪实 #%lld（%s）：", "note on #%lld (%s): ") \
	_(M_TUI_PICK_STATUS, "事项 #%lld（%s）改为", "item #%lld (%s) to") \
	_(M_TUI_PICK_BRANCH, "选择党支部", "Pick a Party branch") \
	_(M_TUI_PICK_SEARCH, "查找：", "find: ") \
	_(M_TUI_PICK_NONE, "（没有匹配项）", "(no match)") \
	_(M_TUI_PICK_KEYS, " Enter 选定  Esc 取消  输入文字查找 ", " Enter picks  Esc cancels  type to narrow ") \
	/* people, stats, pledges, pager */ \
	_(M_TUI_COL_NAME, "姓名", "name") \
	_(M_TUI_COL_POST, "职务", "post") \
	_(M_TUI_COL_ORG, "所在组织", "organisation") \
	_(M_TUI_COL_ITEMS, "事项", "items") \
	_(M_TUI_NO_PEOPLE, "还没有人员", "no people yet") \
	_(M_TUI_PEOPLE_SUMMARY, "共%d人", "%d people") \
	_(M_TUI_PEOPLE_TIP, "Enter 查看此人的责任清单  / 按姓名或职务查找", "Enter opens the person's checklist  / finds by name or post") \
	_(M_TUI_STATS_BY_LIST, "按清单（完成率 = 已销号 / 未取消）", "by list (done of not cancelled)") \
	_(M_TUI_STATS_BY_BRANCH, "按党支部", "by Party branch") \
	_(M_TUI_STATS_BY_PERSON, "按责任人", "by owner") \
	_(M_TUI_STATS_ROW, "%3d%%  %d/%d  逾期%d", "%3d%%  %d/%d  %d overdue") \
	_(M_TUI_STATS_TIP, "S 切换按清单或按责任人  Enter 打开", "S switches lists / owners  Enter opens") \
	_(M_TUI_PLEDGES_SOON, "责任书（签订、考核、打印）将在这里提供；目前请使用 qingdan pledge 命令", "pledges (signing, assessment, printing) will be here; for now use qingdan pledge") \
	_(M_TUI_PAGER_TIP, "上下键或 PgUp/PgDn 滚动  q 或 Esc 返回", "Up/Down or PgUp/PgDn scroll  q or Esc back")

#endif

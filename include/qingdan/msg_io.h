/* msg_io.h — the strings of import, export and print: part of the catalogue of msg.h,
 * same form (id, 中文, English); every line ends with a backslash.
 *
 * Import messages about one place in a file start "%s:%ld: " (file, line)
 * so editors and people can jump to it. */
#ifndef QINGDAN_MSG_IO_H
#define QINGDAN_MSG_IO_H

#define MSG_LIST_IO(_) \
	/* import: the file as a whole */ \
	_(M_IO_READ_FAILED, "%s: 无法读取：%s", "%s: cannot read: %s") \
	_(M_IO_CSV_UTF16, "%s:%ld: 文件是 UTF-16 编码（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”", "%s:%ld: the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\" or \"CSV (comma delimited)\"") \
	_(M_IO_CSV_ENCODING, "%s:%ld: 无法识别的编码：这一行既不是 UTF-8 也不是 GB18030/GBK；请在 Excel/WPS 中另存为“CSV UTF-8”", "%s:%ld: unknown encoding: this line is neither UTF-8 nor GB18030/GBK; save the sheet again as \"CSV UTF-8\"") \
	_(M_IO_CSV_UNTERMINATED, "%s:%ld: 第 %ld 行开始的引号没有闭合（整个文件未导入）", "%s:%ld: the quote opened on line %ld is never closed (nothing imported)") \
	_(M_IO_CSV_TOOLONG, "%s:%ld: 字段或行太长（单个字段超过 1 MB）", "%s:%ld: a field or record is too long (over 1 MB in one field)") \
	_(M_IO_CSV_TOOLONG_QUOTE, "%s:%ld: 第 %ld 行开始的带引号字段太长，多半是引号没有闭合", "%s:%ld: the quoted field that starts on line %ld is too long; most likely its quote is never closed") \
	_(M_IO_CSV_TOOMANY, "%s:%ld: 这一行的列数太多", "%s:%ld: too many fields on this line") \
	_(M_IO_CSV_CHANGED, "%s:%ld: 读取过程中文件被修改；请等保存完毕后重新导入", "%s:%ld: the file changed while it was read; import it again once it is saved") \
	_(M_IO_EMPTY_FILE, "%s: 文件是空的：没有表头，也没有数据", "%s: the file is empty: no header and no rows") \
	_(M_IO_NO_CONTENT_COL, "%s:%ld: 找不到“责任内容”列；第一行应是表头，如：组织,类别,责任内容,工作措施,完成标准,责任人,牵头领导,完成时限,状态", "%s:%ld: no \"content\" column; the first line should be the header, e.g. org,category,content,measures,standard,owner,lead,due,status") \
	_(M_IO_NO_ORG_COL, "%s:%ld: 没有“组织”列；请加上这一列，或用 --org 指定组织", "%s:%ld: no \"org\" column; add one, or name the organisation with --org") \
	_(M_IO_DUP_COL, "%s:%ld: “%s”列出现了两次（第 %d 列和第 %d 列）", "%s:%ld: column \"%s\" appears twice (columns %d and %d)") \
	_(M_IO_UNKNOWN_COL, "%s:%ld: 提示：忽略不认识的列“%s”", "%s:%ld: note: ignoring unknown column \"%s\"") \
	_(M_IO_SKIP_TITLE, "%s:%ld: 提示：跳过表头前的标题行", "%s:%ld: note: skipping a title line before the header") \
	_(M_IO_NOT_ADMIN, "只有管理员可以导入（当前用户 %s）；可以先用 --dry-run 检查文件", "only an admin may import (you are %s); --dry-run checks a file without writing") \
	/* import: one row */ \
	_(M_IO_ROW, "%s:%ld: %s", "%s:%ld: %s") \
	_(M_IO_ROW_NO_ORG, "没有填写组织", "no organisation given") \
	_(M_IO_ROW_NO_CONTENT, "责任内容为空", "the content is empty") \
	_(M_IO_ROW_BAD_STATUS, "状态“%s”无效，可用 未开始、进行中、待审核、已销号、已取消", "invalid status \"%s\"; use planned, in_progress, submitted, done or cancelled") \
	_(M_IO_ROW_BAD_DONE, "销号日期“%s”无效", "invalid done date \"%s\"") \
	_(M_IO_ROW_AMBIGUOUS, "%s“%s”有重名：%s；请写成 姓名（职务）、姓名（支部）或 #编号", "%s \"%s\" is ambiguous: %s; write NAME（post）, NAME（branch） or #ID") \
	_(M_IO_ROW_NO_SUCH_ORG, "找不到组织“%s”；请改正名称，或先添加：qingdan org add %s --level branch", "no organisation \"%s\"; correct the name, or add it first: qingdan org add %s --level branch") \
	_(M_IO_ROW_NO_ID, "%s“%s”：没有这个编号的人员", "%s \"%s\": no person has that id") \
	_(M_IO_ROW_SEP, "；", "; ") \
	_(M_IO_WARN_DUE, "%s:%ld: 警告：完成时限“%s”不是日期，已作为时限说明保存", "%s:%ld: warning: due \"%s\" is not a date; kept as the due text") \
	_(M_IO_WARN_DONE_ON, "%s:%ld: 警告：只有已销号的事项才有销号日期，已忽略“%s”", "%s:%ld: warning: only done items have a done date; \"%s\" ignored") \
	_(M_IO_NEW_PERSON, "%s:%ld: 提示：人员“%s”不在名单中，将新建", "%s:%ld: note: \"%s\" is not on the staff list and will be added") \
	/* import: the summary */ \
	_(M_IO_IMPORTED, "已导入 %ld 项到 %d 年度清单（%s，%d 个组织）", "imported %ld items into the %d lists (%s, %d organisations)") \
	_(M_IO_DRY_OK, "检查通过，未写入：可导入 %ld 项到 %d 年度清单（%s，%d 个组织）", "check passed, nothing written: %ld items would go into the %d lists (%s, %d organisations)") \
	_(M_IO_NEW_PEOPLE, "，新建人员 %ld 人", ", %ld people added") \
	_(M_IO_WOULD_NEW_PEOPLE, "，将新建人员 %ld 人", ", %ld people would be added") \
	_(M_IO_WARNINGS, "，警告 %ld 条", ", %ld warnings") \
	_(M_IO_REFUSED, "%s：%ld 行有误，未导入任何内容；改正后重新导入", "%s: %ld bad rows; nothing was imported: fix them and import again") \
	_(M_IO_DRY_REFUSED, "%s：%ld 行有误（检查模式，未写入）", "%s: %ld bad rows (check only, nothing written)") \
	_(M_IO_FAILED, "%s：导入失败，未导入任何内容", "%s: import failed; nothing was imported") \
	_(M_IO_PROGRESS, "导入 %s：%d%%，%ld 行", "importing %s: %d%%, %ld rows") \
	/* export */ \
	_(M_IO_BAD_EXPORT_FORMAT, "导出格式“%s”无效；可用 csv、json、xlsx", "invalid export format \"%s\"; use csv, json or xlsx") \
	_(M_IO_WRITE_FAILED, "无法写入 %s：%s", "cannot write %s: %s") \
	_(M_IO_XLSX_FAILED, "生成 xlsx 失败：%s", "cannot make the xlsx file: %s") \
	_(M_IO_BINARY_TTY, "%s 是二进制格式，不能输出到终端；请用 -o 指定文件", "%s is a binary format and will not go to a terminal; name a file with -o") \
	_(M_IO_EXPORTED, "已导出 %ld 项到 %s", "exported %ld items to %s") \
	_(M_IO_SHEET_TITLE, "%d年度%s党建责任清单", "%2$s: Party-building list %1$d") \
	/* print */ \
	_(M_IO_PRINT_WHO, "请指定 --person、--org 或 --all 中的一个", "name one of --person, --org or --all") \
	_(M_IO_BAD_PRINT_FORMAT, "打印格式“%s”无效；可用 text、pdf", "invalid print format \"%s\"; use text or pdf") \
	_(M_IO_BAD_WIDTH, "宽度“%s”无效；请给 24 到 1000 之间的数", "invalid width \"%s\"; give a number from 24 to 1000") \
	_(M_IO_LP_TEXT, "--lp 总是发送 PDF（纯文本经 CUPS 打印时中文会成方框）；请去掉 --format text", "--lp always sends PDF (plain text printed through CUPS shows Chinese as boxes); drop --format text") \
	_(M_IO_NO_PEOPLE, "没有要打印的人员", "nobody to print") \
	_(M_IO_PDF_FAILED, "生成 PDF 失败：%s", "cannot make the PDF: %s") \
	_(M_IO_LP_EXEC, "无法运行 lp：%s；请安装 CUPS 客户端（cups-bsd 或 cups-client）", "cannot run lp: %s; install the CUPS client (cups-bsd or cups-client)") \
	_(M_IO_LP_FAILED, "打印失败（lp 退出码 %d）：%s", "printing failed (lp exit status %d): %s") \
	_(M_IO_LP_SENT, "已发送到打印机 %s：%d 人。%s", "sent to printer %s: %d people. %s") \
	_(M_IO_LP_ONLY, "--copies 和 --duplex 只用于 --lp（发送到打印机时）", "--copies and --duplex go with --lp (sending to a printer)") \
	_(M_IO_BAD_COPIES, "份数“%s”无效；请给 1 到 %d 之间的数", "invalid number of copies \"%s\"; give a number from 1 to %d") \
	_(M_IO_LP_DEFAULT, "（默认打印机）", "(default printer)") \
	_(M_IO_PRINTED, "已输出 %d 人的清单到 %s", "wrote the checklists of %d people to %s") \
	_(M_IO_PRINT_TITLE, "%d年度个人党建责任清单", "Personal Party-building checklist %d") \
	_(M_IO_PRINT_UNIT, "单位", "Unit") \
	_(M_IO_PRINT_NAME, "姓名", "Name") \
	_(M_IO_PRINT_POST, "职务", "Post") \
	_(M_IO_PRINT_BRANCH, "所在支部", "Branch") \
	_(M_IO_PRINT_SECTION, "%s、%s责任清单", "%s. List of %s") \
	_(M_IO_PRINT_PLEDGES, "%s、责任书", "%s. Pledges") \
	_(M_IO_PRINT_NONE, "（无）", "(none)") \
	_(M_IO_PRINT_LEAD, "〔牵头〕", " [lead]") \
	_(M_IO_PRINT_SIGN, "本人签字：＿＿＿＿＿＿  日期：＿＿＿＿＿＿", "Signature: ____________  Date: ____________") \
	_(M_IO_PRINT_CODE, "校验码：%s", "Verification code: %s") \
	_(M_IO_COL_SEQ, "序号", "No.") \
	_(M_IO_COL_CONTENT, "责任内容", "Content") \
	_(M_IO_COL_STANDARD, "完成标准", "Standard") \
	_(M_IO_COL_DUE, "完成时限", "Due") \
	_(M_IO_COL_STATUS, "状态", "Status") \
	_(M_IO_COL_CHECK, "确认", "Done") \
	_(M_IO_COL_PLEDGE, "责任书", "Pledge") \
	_(M_IO_COL_ISSUER, "甲方", "Issuer") \
	_(M_IO_COL_SIGNER, "乙方", "Signer") \
	_(M_IO_COL_PROXY, "代签", "Proxy") \
	_(M_IO_PROXY_ISSUER, "甲方代签", "issuer by proxy") \
	_(M_IO_PROXY_SIGNER, "乙方代签", "signer by proxy") \
	_(M_IO_PL_DRAFT, "拟订", "draft") \
	_(M_IO_PL_ISSUED, "待签", "issued") \
	_(M_IO_PL_SIGNED, "已签订", "signed") \
	_(M_IO_PL_ASSESSED, "已考核", "assessed") \
	_(M_IO_PL_ARCHIVED, "归档", "archived") \
	_(M_IO_PL_VOID, "作废", "void") \
	_(M_IO_PL_OVERDUE, "逾期未签", "overdue") \
	/* issue 10 item 1 (h7): the print module qingdan-print.so (plugin.h) */ \
	_(M_PLUGIN_MISSING, "找不到打印模块 %s（已查找：%s：%s）；PDF 和 xlsx 需要它：请把它放在 qingdan 程序旁边，或用 QINGDAN_LIBDIR 指明所在文件夹", "cannot find the print module %s (searched: %s: %s); PDF and xlsx need it: put it beside the qingdan program, or name its folder in QINGDAN_LIBDIR") \
	_(M_PLUGIN_LOAD, "无法加载打印模块 %s：%s", "cannot load the print module %s: %s") \
	_(M_PLUGIN_VERSION, "打印模块 %s 与本程序不配套（模块接口版本 %d，本程序需要 %d，或来自另一次构建）；请重新安装 qingdan", "the print module %s does not match this program (module interface %d, this program needs %d, or another build); reinstall qingdan")

/* The columns of the list file that import reads and export writes:
 * (key, 中文 header, English header).  Export writes the header of the
 * current language; import knows both, and the aliases in import.c. */
#define IO_COLUMN_LIST(_) \
	_(IO_ORG, "组织", "org") \
	_(IO_SEQ, "序号", "seq") \
	_(IO_CATEGORY, "类别", "category") \
	_(IO_CONTENT, "责任内容", "content") \
	_(IO_MEASURES, "工作措施", "measures") \
	_(IO_STANDARD, "完成标准", "standard") \
	_(IO_OWNER, "责任人", "owner") \
	_(IO_LEAD, "牵头领导", "lead") \
	_(IO_DUE, "完成时限", "due") \
	_(IO_DUE_TEXT, "时限说明", "due_text") \
	_(IO_STATUS, "状态", "status") \
	_(IO_DONE_ON, "销号日期", "done_on") \
	_(IO_EVERY, "周期", "every")

#endif

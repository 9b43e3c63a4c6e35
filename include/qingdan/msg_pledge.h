/* msg_pledge.h — the strings of pledges (责任书): part of the catalogue of msg.h,
 * same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_PLEDGE_H
#define QINGDAN_MSG_PLEDGE_H

#define MSG_LIST_PLEDGE(_) \
	/* states, parties, methods */ \
	_(M_PL_ST_DRAFT, "拟订", "draft") \
	_(M_PL_ST_ISSUED, "待签", "issued") \
	_(M_PL_ST_SIGNED, "已签订", "signed") \
	_(M_PL_ST_ASSESSED, "已考核", "assessed") \
	_(M_PL_ST_ARCHIVED, "归档", "archived") \
	_(M_PL_ST_VOID, "作废", "void") \
	_(M_PL_FLAG_OVERDUE, "逾期未签", "overdue") \
	_(M_PL_PROXY, "代签", "proxy") \
	_(M_PL_ISSUER, "甲方", "issuer") \
	_(M_PL_SIGNER, "乙方", "signer") \
	_(M_PL_METHOD_PAPER, "纸质", "on paper") \
	_(M_PL_METHOD_TUI, "本人电子签字", "electronically, in person") \
	/* field names */ \
	_(M_PL_F_TITLE, "标题", "title") \
	_(M_PL_F_DUE, "签订期限", "sign by") \
	_(M_PL_F_STATUS, "状态", "status") \
	_(M_PL_F_BODY, "正文", "text") \
	_(M_PL_F_SIG, "%s签字", "%s signature") \
	_(M_PL_F_ASSESS, "考核", "assessment") \
	_(M_PL_F_VOID, "作废原因", "void reason") \
	_(M_PL_F_SUCCESSOR, "后续责任书", "successor") \
	_(M_PL_F_PREDECESSOR, "前一版", "replaces") \
	_(M_PL_F_HASH, "正文 SHA-256", "text SHA-256") \
	_(M_PL_F_VERSION, "版本", "version") \
	_(M_PL_F_UPDATED, "更新于", "updated") \
	_(M_PL_F_ID, "编号", "no.") \
	_(M_PL_F_YEAR, "年度", "year") \
	/* actions (permission and state messages) */ \
	_(M_PL_ACT_ADD, "拟订责任书", "add pledges") \
	_(M_PL_ACT_EDIT, "修改责任书", "edit a pledge") \
	_(M_PL_ACT_ISSUE, "下发", "issue") \
	_(M_PL_ACT_SIGN, "签字", "sign") \
	_(M_PL_ACT_ASSESS, "考核", "assess") \
	_(M_PL_ACT_ARCHIVE, "归档", "archive") \
	_(M_PL_ACT_VOID, "作废", "void") \
	/* refusals */ \
	_(M_PL_NOT_FOUND, "找不到责任书 #%lld；用 pledge list 查看", "no pledge #%lld; see pledge list") \
	_(M_PL_BAD_STATUS, "责任书状态“%s”无效；可用 draft、issued、signed、assessed、archived、void", "invalid pledge status \"%s\"; use draft, issued, signed, assessed, archived or void") \
	_(M_PL_BAD_PARTY, "签字方“%s”无效；可用 signer（乙方）或 issuer（甲方）", "invalid party \"%s\"; use signer (乙方) or issuer (甲方)") \
	_(M_PL_BAD_METHOD, "签字方式“%s”无效；可用 paper 或 tui", "invalid method \"%s\"; use paper or tui") \
	_(M_PL_BAD_GRADE, "考核等次“%s”无效；可用 优秀、合格、基本合格、不合格", "invalid grade \"%s\"; use 优秀, 合格, 基本合格 or 不合格") \
	_(M_PL_BAD_SCORE, "分数“%s”无效；请填 0 到 100 之间的数", "invalid score \"%s\"; give a number from 0 to 100") \
	_(M_PL_BAD_TRANSITION, "责任书 #%lld 当前为“%s”，不能%s", "pledge #%lld is %s: it cannot %s") \
	_(M_PL_NOT_ISSUED, "责任书 #%lld 尚未下发（拟订），不能签字；请先下发：pledge issue %lld", "pledge #%lld is a draft and cannot be signed; issue it first: pledge issue %lld") \
	_(M_PL_ALREADY_SIGNED, "责任书 #%lld 的%s已于 %s 签字，不能重复签字", "pledge #%lld: the %s signed on %s already; a signature is recorded once") \
	_(M_PL_FROZEN, "责任书 #%lld 已有签字，内容已锁定（正文 SHA-256 已存）；要改内容，请作废并重新下发：pledge reissue %lld --reason 原因", "pledge #%lld has a signature, so its content is frozen (its SHA-256 is stored); to change it, void it and issue a successor: pledge reissue %lld --reason REASON") \
	_(M_PL_BODY_CHANGED, "责任书 #%lld 的正文与首次签字时不一致（在 qingdan 之外被改动），不能再签字；请运行 audit verify 并作废重发", "the text of pledge #%lld differs from what was first signed (changed outside qingdan); no more signatures: run audit verify, then void and reissue it") \
	_(M_PL_EMPTY_BODY, "责任书 #%lld 没有正文，不能下发；请先补上：pledge set %lld --body-file 文件", "pledge #%lld has no text and cannot be issued; add it first: pledge set %lld --body-file FILE") \
	_(M_PL_EMPTY_BODY_NEW, "没有正文的责任书不能下发；请用 --body-file 给出正文", "a pledge without text cannot be issued; give the text with --body-file") \
	_(M_PL_SELF, "%s 不能与自己签订责任书（甲方乙方是同一人）", "%s cannot make a pledge with themself (issuer and signer are the same person)") \
	_(M_PL_DENIED_SIGN, "只有本人或管理员可以签署责任书 #%lld 的%s（%s）；当前用户 %s", "only the party in person or an admin may sign pledge #%lld as %s (%s); you are %s") \
	_(M_PL_DENIED_PROXY, "只有管理员可以登记他人代为签字（代签）；当前用户 %s", "only an admin may record a signature made by someone else (proxy); you are %s") \
	_(M_PL_PROXY_NEEDS_NOTE, "%s 不是%s本人（%s），这属于代签；请用 --proxy 说明情况", "%s is not the %s (%s) in person: that is a proxy signature; describe it with --proxy NOTE") \
	_(M_PL_TUI_NOT_SELF, "电子签字只能由%s本人（%s）登录后完成", "an electronic (tui) signature can only be made by the %s (%s) logged in as themself") \
	_(M_PL_TUI_TODAY, "电子签字只能签当天（%s）", "an electronic signature is dated today (%s)") \
	_(M_PL_SIGN_FUTURE, "签字日期 %s 晚于今天，不能登记", "signing date %s is in the future") \
	_(M_PL_SUCCESSOR_SELF, "责任书不能是自己的后续", "a pledge cannot be its own successor") \
	_(M_PL_SUCCESSOR_VOID, "后续责任书 #%lld 已作废", "successor pledge #%lld is void") \
	_(M_PL_CONFLICT, "责任书 #%lld 已被他人修改；你的修改未保存，请刷新后重试", "pledge #%lld was changed by someone else; your change was not saved: reload and retry") \
	_(M_PL_STALE, "责任书 #%lld 已被他人修改（当前版本 %d，你看到的是版本 %d）；你的修改未保存，请刷新后重试", "pledge #%lld was changed by someone else (now version %d, you saw version %d); your change was not saved: reload and retry") \
	_(M_PL_NO_SIGNERS, "没有指定乙方；请用 --signer、--signers-org 或 --signers-post", "no signer given; use --signer, --signers-org or --signers-post") \
	_(M_PL_NO_MATCH, "没有在职人员符合条件 %s", "no active person matches %s") \
	_(M_PL_NONE_ADDED, "没有新增责任书：名单上的人都是甲方本人或已有同名责任书", "no pledge added: everyone listed is the issuer or already holds a pledge of this title") \
	_(M_PL_SKIP_ISSUER, "跳过 %s：是甲方本人", "skipped %s: the issuer") \
	_(M_PL_SKIP_DUP, "跳过 %s：已有同名责任书 #%lld（%s）", "skipped %s: already holds pledge #%lld (%s) of this title") \
	_(M_PL_BODY_READ, "无法读取正文文件 %s：%s", "cannot read the text file %s: %s") \
	_(M_PL_BODY_NOT_UTF8, "正文文件 %s 不是 UTF-8 文本；请在 WPS 或记事本里另存为 UTF-8", "the text file %s is not UTF-8; save it as UTF-8") \
	_(M_PL_BAD_ID, "责任书编号“%s”无效", "invalid pledge id \"%s\"") \
	/* progress line */ \
	_(M_PL_PROGRESS, "已签订 %d/%d", "signed %d/%d") \
	_(M_PL_PROGRESS_OVERDUE, "逾期未签 %d", "overdue %d") \
	_(M_PL_PROGRESS_PROXY, "代签 %d", "proxy %d") \
	_(M_PL_PROGRESS_DRAFTS, "拟订 %d", "drafts %d") \
	/* pledge show */ \
	_(M_PL_SHOW_HEAD, "责任书 #%lld · %d年度 · %s", "pledge #%lld · %d · %s") \
	_(M_PL_SIG_DESC, "%s %s 签字（%s，%s 登记）", "%s, signed by %s (%s, recorded by %s)") \
	_(M_PL_SIG_UNKNOWN, "他人", "someone else") \
	_(M_PL_SIG_NONE, "未签", "not signed") \
	_(M_PL_PROXY_DESC, "%s代签：%s", "%s signed by proxy: %s") \
	_(M_PL_SCORE, "%s 分", "%s points") \
	_(M_PL_HASH_OK, "与签字时一致", "as signed") \
	_(M_PL_HASH_BAD, "与签字时不一致：正文已在 qingdan 之外被改动", "DIFFERS from what was signed: the text was changed outside qingdan") \
	_(M_PL_HASH_NONE, "（尚未签字，未锁定）", "(not signed yet, not frozen)") \
	/* CLI */ \
	_(M_PL_PRINTED, "已生成 %s（校验码 %s）", "wrote %s (verification code %s)") \
	_(M_PL_PRINTED_N, "已生成 %s：%d 份责任书（每份的校验码印在其页脚）", "wrote %s: %d pledges (each with its verification code in its footer)") \
	_(M_PL_LP_SENT_N, "已发送到打印机 %s：%d 份责任书。%s", "sent to printer %s: %d pledges. %s") \
	_(M_PL_PRINT_WHICH, "请给出责任书编号（可多个），或 --all（本年度全部），或 --status S（本年度该状态的）", "name pledge ids (one or more), or --all (every pledge of the year), or --status S (those of the year in that state)") \
	_(M_PL_PRINT_NONE, "%d 年度没有%s责任书；用 pledge list 查看", "no pledge of %d%s; see pledge list") \
	_(M_PL_PRINT_NONE_STATUS, "状态为“%s”的", " in state \"%s\"") \
	/* print */ \
	_(M_PL_DOC_SIGN_ISSUER, "甲方（盖章）：\n\n负责人（签字）：%s\n日期：%s", "Party A (seal):\n\nfor Party A (signature): %s\ndate: %s") \
	_(M_PL_DOC_SIGN_SIGNER, "\n\n乙方（签字）：%s\n日期：%s", "\n\nParty B (signature): %s\ndate: %s") \
	_(M_PL_F_METHOD, "签字方式", "signed") \
	_(M_PL_DOC_BLANK_NAME, "＿＿＿＿＿＿＿＿", "________________") \
	_(M_PL_DOC_BLANK_DATE, "＿＿＿＿年＿＿月＿＿日", "____-__-__") \
	_(M_PL_DOC_WARNING, "注意", "attention") \
	_(M_PL_DOC_VOID, "本责任书已作废：%s", "this pledge is VOID: %s") \
	_(M_PL_DOC_VOID_NEXT, "（由 #%lld 代替）", " (replaced by #%lld)") \
	_(M_PL_DOC_CODE, "校验码：%s", "verification code: %s") \
	_(M_PL_DOC_SECTION, "责任书", "Pledges") \
	_(M_PL_COL_ROLE, "本人为", "role") \
	_(M_PL_COL_OTHER, "对方", "other party") \
	_(M_PL_COL_SIGNED, "签订日期", "signed") \
	_(M_PL_COL_NOTE, "备注", "note") \
	/* pledge list table headers (tsv/csv/json keep the English keys) */ \
	_(M_PL_COL_ISSUER_SIGNED, "甲方签字", "issuer signed") \
	_(M_PL_COL_SIGNER_SIGNED, "乙方签字", "signer signed") \
	_(M_PL_COL_PROXY_NOTE, "代签说明", "proxy note") \
	_(M_PL_COL_GRADE, "考核等次", "grade") \
	_(M_PL_COL_SCORE, "分数", "score") \
	_(M_PL_COL_FLAGS, "标记", "flags") \
	MSG_LIST_PLEDGE_TUI(_)

/* The strings of the pledge view of the interactive screen. */
#define MSG_LIST_PLEDGE_TUI(_) \
	_(M_PL_TUI_COL_SIGS, "签字", "signed") \
	_(M_PL_TUI_A, "甲", "I ") \
	_(M_PL_TUI_B, "乙", "S ") \
	_(M_PL_TUI_UNSIGNED, "未签", "--") \
	_(M_PL_TUI_DETAIL, "责任书 #%lld · %s", "pledge #%lld · %s") \
	_(M_PL_TUI_EMPTY, "本年度还没有责任书；按 a 新增（可一次下发给多人）", "no pledges this year; press a to add one (or one for each of many signers)") \
	_(M_PL_TUI_NONE_MATCH, "没有符合条件的责任书；按 F 清除筛选", "no pledge matches; F clears the filter") \
	_(M_PL_TUI_TIP, "Enter 全文  s 签字/考核/作废等  a 新增(可批量)  e 修改  d 作废  p 打印  f 筛选  / 查找", "Enter full text  s sign/assess/void etc.  a add (batch)  e edit  d void  p print  f filter  / find") \
	_(M_PL_TUI_FILTERED, "筛选：%s（F 清除）", "filter: %s (F clears)") \
	_(M_PL_TUI_FILTER_TITLE, "筛选责任书", "filter pledges") \
	_(M_PL_TUI_FILTERS_ARE, "可用筛选：all、issued、overdue、signed、draft、proxy、void、mine", "filters: all, issued, overdue, signed, draft, proxy, void, mine") \
	_(M_PL_TUI_Q_ALL, "全部", "all") \
	_(M_PL_TUI_Q_MINE, "与我有关", "mine") \
	_(M_PL_TUI_STEP_TITLE, "责任书 #%lld（%s）：下一步", "pledge #%lld (%s): next step") \
	_(M_PL_TUI_STEPS, "可用步骤：issue、sign、assess、archive、void、reissue", "steps: issue, sign, assess, archive, void, reissue") \
	_(M_PL_TUI_REISSUE, "作废并重新下发", "void and reissue") \
	_(M_PL_TUI_NOTHING, "没有选中的责任书", "no pledge selected") \
	_(M_PL_TUI_SEARCH_PROMPT, "查找（#编号，或标题、姓名的一部分）：", "find (#id, or part of a title or name): ") \
	_(M_PL_TUI_NOT_FOUND, "没有责任书 #%lld（或不在当前筛选里）", "no pledge #%lld (or not in this filter)") \
	/* the signature dialog */ \
	_(M_PL_TUI_SIGN_TITLE, "签字 · #%lld %s", "sign · #%lld %s") \
	_(M_PL_TUI_F_PARTY, "签字方", "party") \
	_(M_PL_TUI_F_ON, "签字日期", "date") \
	_(M_PL_TUI_F_BY, "实际签字人", "actually signed by") \
	_(M_PL_TUI_F_PROXY, "代签", "proxy (代签)") \
	_(M_PL_TUI_F_NOTE, "代签说明", "proxy note") \
	_(M_PL_TUI_NOTE_NEEDED, "代签必须写明情况：谁替谁签、为什么", "a proxy signature needs a note: who signed for whom, and why") \
	_(M_PL_TUI_SIGNED, "已签字：责任书 #%lld 的%s", "signed: pledge #%lld, the %s") \
	_(M_PL_TUI_SIGNED_BOTH, "已签字：责任书 #%lld 双方均已签字，已签订", "signed: both parties have signed pledge #%lld, it is in force") \
	/* the other dialogs */ \
	_(M_PL_TUI_ASSESS_TITLE, "考核 · #%lld %s", "assess · #%lld %s") \
	_(M_PL_TUI_F_ASSESS_ON, "考核日期", "assessed on") \
	_(M_PL_TUI_F_REMARK, "说明", "note") \
	_(M_PL_TUI_ASSESSED, "已考核：责任书 #%lld %s", "assessed: pledge #%lld %s") \
	_(M_PL_TUI_VOID_PROMPT, "作废 #%lld，原因：", "void #%lld, reason: ") \
	_(M_PL_TUI_VOIDED, "已作废：责任书 #%lld", "voided: pledge #%lld") \
	_(M_PL_TUI_REISSUE_TITLE, "作废并重新下发 · #%lld %s", "void and reissue · #%lld %s") \
	_(M_PL_TUI_F_BODY_KEEP, "新正文文件（空=不变）", "new text file (empty: keep)") \
	_(M_PL_TUI_REISSUED, "已作废 #%lld，重新下发为 #%lld", "voided #%lld, reissued as #%lld") \
	_(M_PL_TUI_ISSUED, "已下发：责任书 #%lld", "issued: pledge #%lld") \
	_(M_PL_TUI_ARCHIVE_Q, "归档责任书 #%lld？(y/N)", "archive pledge #%lld? (y/N)") \
	_(M_PL_TUI_ARCHIVED, "已归档：责任书 #%lld", "archived: pledge #%lld") \
	_(M_PL_TUI_ADD_TITLE, "新增责任书（一人，或按组织、职务批量）", "add pledges (one signer, or by organisation or post)") \
	_(M_PL_TUI_F_SIGNER_ONE, "乙方（一人）", "signer (one)") \
	_(M_PL_TUI_F_SIGNER_ORG, "乙方：组织全体", "signers: everyone of") \
	_(M_PL_TUI_F_SIGNER_POST, "乙方：职务含（如 班子成员）", "signers: post contains") \
	_(M_PL_TUI_F_BODY_FILE, "正文文件", "text file") \
	_(M_PL_TUI_F_ISSUE, "立即下发", "issue now") \
	_(M_PL_TUI_ANY_ORG, "（不限）", "(any)") \
	_(M_PL_TUI_NO_SIGNERS, "没有选中乙方：请选一人，或按组织、职务选人", "no signer: choose one person, or an organisation or post") \
	_(M_PL_TUI_ADDED, "已新增 %d 份责任书（跳过 %d 人：甲方本人或已有同名责任书）", "added %d pledges (skipped %d: the issuer, or holders of this title)") \
	_(M_PL_TUI_EDIT_TITLE, "修改 · #%lld %s", "edit · #%lld %s") \
	_(M_PL_TUI_SAVED, "已保存：责任书 #%lld", "saved: pledge #%lld")

#endif

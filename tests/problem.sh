# tests/problem.sh — 问题清单 → 整改清单 on the command line (issue 12):
# problem add (a raiser of the file, an outside name with a contact,
# anonymous; a meeting link), list in the four formats and its filters,
# show with the measures and the 回访 history, set (stale edits), measure
# (an item of the org's 整改清单, not of the duty lists), feedback, close
# and close --undo, delete; bad input refused with nothing written; who may
# write; and the issue's "Done when" branch: a 公开电话 problem with two
# measures cannot be 销号 before both are done and the 回访 is recorded,
# each refusal's message checked.  --today pinned; both backends.
. "$(dirname "$0")/lib.sh"
TODAY=2026-06-30
tab=$(printf '\t')
line() { printf '%s\n' "$OUT" | sed -n "$1p"; }
row_where() { printf '%s\n' "$OUT" | awk -F'\t' -v f="$1" -v v="$2" '$f == v'; }
count() { run dbsql "$1"; printf '%s' "$OUT"; }

newdb problem
run qd init
qd org add 第一党支部 --level branch --parent 机关党委 >/dev/null
qd org add 第二党支部 --level branch --parent 机关党委 >/dev/null
qd person add 李书记 --org 第一党支部 --post 支部书记 --committee secretary >/dev/null
qd person add 王组织 --org 第一党支部 --committee organization >/dev/null
qd person add 张三 --org 第一党支部 >/dev/null
qd person add 王五 --org 第一党支部 >/dev/null

# ---- add: the three kinds of raiser ----
run qd problem add --org 第一党支部 --source phone --text 办事窗口午间无人值守 --on 2026-03-02 \
	--raised-by 陈群众 --contact 13800000000 --category 作风
check "add: an outside raiser" is "$RC" 0
P1=$OUT
check "add: prints the id" test "$P1" -gt 0
check "add: the outside name and contact stored" \
	is "$(count "SELECT coalesce(raiser_id, 0), raiser_name, contact FROM problem WHERE id = $P1")" \
	"0|陈群众|13800000000"
run qd problem add --org 第一党支部 --source 组织生活会查摆 --text 学习记录不全 --raised-by 张三
check "add: a raiser of the file, a source by its label" is "$RC" 0
P2=$OUT
run dbsql "SELECT p.source, s.name, p.raiser_name FROM problem p JOIN person s ON s.id = p.raiser_id WHERE p.id = $P2"
check "add: the person is the raiser" is "$OUT" "org-life|张三|"
run qd problem add --org 第二党支部 --source box --text 会议室长期占用 --anonymous --on 2026/4/1
check "add: anonymous" is "$RC" 0
P3=$OUT
run dbsql "SELECT coalesce(raiser_id, 0), raiser_name, raised_on, year FROM problem WHERE id = $P3"
check "add: anonymous has no raiser; any date form" is "$OUT" "0||2026-04-01|2026"

# ---- add: bad input refused, nothing written ----
before=$(count "SELECT count(*) FROM problem")
run qd problem add --org 第一党支部 --text 无来源
check "add without --source: usage" is "$RC" 2
check "add without --source: says the usage" has "$ERR" "problem add --org ORG --source SRC"
run qd problem add --org 第一党支部 --source 热线 --text x
check "add: bad source refused" is "$RC" 2
check "add: bad source lists the sources" has "$ERR" "phone（公开电话）"
run qd problem add --org 第一党支部 --source phone --text x --on 2026-02-30
check "add: bad date refused" is "$RC" 2
check "add: bad date says how to write it" has "$ERR" "2026-02-30"
run qd problem add --org 第一党支部 --source phone --text x --anonymous --raised-by 陈群众
check "add: anonymous and a raiser refused" is "$RC" 2
check "add: anonymous and a raiser: says why" has "$ERR" "--anonymous"
run qd problem add --org 第一党支部 --source phone --text x --anonymous --contact 123
check "add: anonymous with a contact refused" is "$RC" 2
check "add: anonymous with a contact: what to do" has "$ERR" "--contact"
run qd problem add --org 第一党支部 --source phone --text x --raised-by '#999'
check "add: a raiser id not of the file refused" is "$RC" 1
check "add: a raiser id: says so" has "$ERR" "#999"
run qd problem add --org 第九党支部 --source phone --text x
check "add: unknown org refused" is "$RC" 1
check "add: unknown org named" has "$ERR" "第九党支部"
run qd problem add --org 第一党支部 --source phone --text x --meeting abc
check "add: bad --meeting refused" is "$RC" 2
check "add: bad --meeting: says what to give" has "$ERR" "meeting list"
run qd problem add --org 第一党支部 --source phone --text x --meeting 999
check "add: a meeting not in the file refused" is "$RC" 1
check "add: a meeting not in the file: named" has "$ERR" "#999"
check "add: nothing written by the refusals" is "$(count "SELECT count(*) FROM problem")" "$before"

# ---- the meeting link ----
M=$(qd meeting add --org 第一党支部 --type org-life --on 2026-01-20 --title 年度组织生活会)
run qd problem add --org 第一党支部 --source org-life --text 批评与自我批评不够 --meeting "$M" --on 2026-01-20
check "add --meeting: linked" is "$RC" 0
P4=$OUT
run qd problem show "$P4"
check "show: the meeting it was found at" has "$OUT" "查摆会议：#$M 2026-01-20 组织生活会 年度组织生活会"
run qd problem add --org 第二党支部 --source org-life --text x --meeting "$M"
check "add: a meeting of another branch refused" is "$RC" 1
check "add: another branch's meeting: says whose" has "$ERR" "第一党支部"

# ---- measures: items of the 整改清单 ----
run qd problem measure "$P1" --text 建立午间轮值制度 --owner 张三 --lead 李书记 --due 2026-07-31 --standard 轮值表上墙
check "measure: added" is "$RC" 0
I1=$OUT
run qd problem measure "$P1" --text 公示值班电话 --owner 王五 --lead 李书记 --due 2026-05-31
check "measure: a second one" is "$RC" 0
I2=$OUT
run dbsql "SELECT l.kind, l.year FROM item i JOIN list l ON l.id = i.list_id WHERE i.id = $I1"
check "measure: an item of the rectify list" is "$OUT" "rectify|2026"
run qd problem measure "$P1" --text x --due 2026-07-31
check "measure without --owner: usage" is "$RC" 2
run qd problem measure "$P1" --text x --owner 张三 --due 明天
check "measure: bad --due refused" is "$RC" 2
run qd problem measure 999 --text x --owner 张三 --due 2026-07-31
check "measure: no such problem" is "$RC" 1
check "measure: no such problem named" has "$ERR" "#999"
check "measure: nothing more written" is "$(count "SELECT count(*) FROM problem_measure")" 2
run qd item list --format tsv
check "item list: no measure among the duty items" hasnt "$OUT" "轮值"
run qd item list --kind rectify --format tsv
check "item list --kind rectify: the measures" has "$OUT" "建立午间轮值制度"
run qd item show "$I1"
check "item show: a measure is an item" has "$OUT" "轮值表上墙"

# ---- list ----
run qd problem list --format tsv
check "list: the header" is "$(line 1)" \
	"id${tab}org${tab}source${tab}raised_on${tab}category${tab}text${tab}status${tab}measures${tab}done_measures${tab}overdue"
check "list: the phone problem" is "$(row_where 1 "$P1")" \
	"$P1${tab}第一党支部${tab}phone${tab}2026-03-02${tab}作风${tab}办事窗口午间无人值守${tab}open${tab}2${tab}0${tab}1"
check "list: four problems" is "$(printf '%s\n' "$OUT" | sed 1d | grep -c .)" 4
run qd problem list --source box --format tsv
check "list --source box" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f1)" "$P3"
run qd problem list --org 第二党支部 --format tsv
check "list --org" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f1)" "$P3"
run qd problem list --overdue --format tsv
check "list --overdue" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f1)" "$P1"
run qd problem list --person 王五 --format tsv
check "list --person: problems with their measures" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f1)" "$P1"
run qd problem list --status 待整改 --format tsv
check "list --status by label" is "$(printf '%s\n' "$OUT" | sed 1d | grep -c .)" 4
run qd problem list --status done
check "list: bad --status refused" is "$RC" 2
check "list: bad --status lists them" has "$ERR" "rectifying"
run qd problem list --source 热线
check "list: bad --source refused" is "$RC" 2
run qd problem list
check "list table: Chinese headers" has "$(line 1)" "来源"
check "list table: source label" has "$OUT" "公开电话"
check "list table: status label" has "$OUT" "待整改"
run qd problem list --format csv
check "list csv: header" is "$(line 1 | tr -d '\r')" "id,org,source,raised_on,category,text,status,measures,done_measures,overdue"
run qd problem list --format json
check "list json: keys and numbers" has "$OUT" "\"source\":\"phone\",\"raised_on\":\"2026-03-02\""
check "list json: counts are numbers" has "$OUT" "\"measures\":2,\"done_measures\":0,\"overdue\":1"
check "list json: the status a string" has "$OUT" "\"status\":\"open\","
check "list json: every text a string" is "$(printf '%s' "$OUT" | sed 's/:null//g' | grep -c ':[a-z]')" 0
run qd problem list --all-years --year 2025 --format tsv
check "list --all-years" is "$(printf '%s\n' "$OUT" | sed 1d | grep -c .)" 4
run qd problem list --year 2025 --format tsv
check "list: another year is empty" is "$(printf '%s\n' "$OUT" | sed 1d | grep -c .)" 0

# ---- show ----
run qd problem show "$P1"
check "show: head" is "$(line 1)" "问题 #$P1 · 第一党支部 · 公开电话 · 2026-03-02"
check "show: outside raiser" has "$OUT" "反映人：陈群众（文件外）"
check "show: contact" has "$OUT" "联系方式：13800000000"
check "show: progress" has "$OUT" "整改进度：整改措施 2 项，已完成 0 项，逾期 1 项"
check "show: measure with owner, lead, due" has "$OUT" "#$I1 未开始  责任人 张三，牵头领导 李书记，时限 2026-07-31"
check "show: overdue measure flagged" has "$OUT" "#$I2 未开始 · 逾期  责任人 王五，牵头领导 李书记，时限 2026-05-31"
check "show: the measure's text" has "$OUT" "建立午间轮值制度"
check "show: no 回访 yet" has "$OUT" "回访记录：（无）"
run qd problem show "$P3"
check "show: anonymous" has "$OUT" "反映人：匿名"
check "show: anonymous needs no 回访" has "$OUT" "匿名反映，无需回访"
check "show: no measures, how to add" has "$OUT" "problem measure $P3"
run qd problem show "$P1" --format tsv
check "show tsv: header" is "$(line 1 | cut -f1-11)" \
	"id${tab}org${tab}year${tab}source${tab}raised_on${tab}category${tab}text${tab}raiser${tab}contact${tab}meeting${tab}status"
run qd problem show "$P1" --format json
check "show json: one object" has "$OUT" "{\"id\":$P1,"
check "show json: the measures" has "$OUT" "\"measure_items\":[{\"id\":$I1,\"status\":\"planned\""
check "show json: needs feedback" has "$OUT" "\"needs_feedback\":1"
check "show json: every text a string" is "$(printf '%s' "$OUT" | sed 's/:null//g' | grep -c ':[a-z]')" 0
run qd problem show 999
check "show: no such problem" is "$RC" 1
check "show: no such problem says so" has "$ERR" "#999"

# ---- set ----
run qd problem set "$P2" --text 学习记录不全、不及时 --category 学习
check "set: text and category" is "$RC" 0
run dbsql "SELECT text, category, version FROM problem WHERE id = $P2"
check "set: stored, version bumped" is "$OUT" "学习记录不全、不及时|学习|2"
run qd problem set "$P2" --text 再改 --if-version 1
check "set: a stale version refused" is "$RC" 1
check "set: stale says which version" has "$ERR" "2"
run qd problem set "$P2" --anonymous
check "set --anonymous: the raiser cleared" is "$RC" 0
run dbsql "SELECT coalesce(raiser_id, 0), raiser_name FROM problem WHERE id = $P2"
check "set --anonymous: nobody" is "$OUT" "0|"
run qd problem set "$P2" --raised-by 王五
run dbsql "SELECT s.name FROM problem p JOIN person s ON s.id = p.raiser_id WHERE p.id = $P2"
check "set --raised-by: a person again" is "$OUT" "王五"
run qd problem set "$P4" --meeting none
check "set --meeting none: unlinked" is "$(count "SELECT coalesce(meeting_id, 0) FROM problem WHERE id = $P4")" 0
run qd problem set "$P2"
check "set: nothing to change" is "$RC" 1
check "set: says nothing to change" has "$ERR" "没有要修改的内容"
run qd problem set "$P2" --source 热线
check "set: bad source refused" is "$RC" 2
check "set: text unchanged by the refusal" is "$(count "SELECT text FROM problem WHERE id = $P2")" "学习记录不全、不及时"

# ---- delete ----
run qd problem delete "$P1"
check "delete: refused while it has measures" is "$RC" 1
check "delete: says why and what to do" has "$ERR" "item delete"
run qd problem delete "$P4"
check "delete: a problem without measures" is "$RC" 0
run qd problem list --format tsv
check "delete: gone from the list" is "$(row_where 1 "$P4")" ""

# ---- Done when: a 公开电话 problem with two measures ----
close_says() { run qd problem close "$P1"; }
close_says
check "close: refused, no measure done" is "$RC" 1
check "close: 2 of 2 not done" has "$ERR" "问题 #$P1 的 2 项整改措施中还有 2 项未销号，不能销号"
qd item set "$I1" --status in_progress >/dev/null
qd item set "$I1" --status submitted >/dev/null
run qd item set "$I1" --status done
check "first measure done" is "$RC" 0
run qd problem list --format tsv
check "one done: rectifying" is "$(row_where 1 "$P1" | cut -f7-9)" "rectifying${tab}2${tab}1"
close_says
check "close: refused, one measure left" is "$RC" 1
check "close: 1 of 2 not done" has "$ERR" "问题 #$P1 的 2 项整改措施中还有 1 项未销号，不能销号"
qd item set "$I2" --status in_progress >/dev/null
qd item set "$I2" --status submitted >/dev/null
qd item set "$I2" --status done >/dev/null
run qd problem list --status rectified --format tsv
check "both done: rectified" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f1)" "$P1"
close_says
check "close: refused, no 回访" is "$RC" 1
check "close: the 回访 is needed first" has "$ERR" "问题 #$P1 由陈群众反映，须先回访并记录（problem feedback）才能销号"
run qd problem show "$P1"
check "show: why it cannot be closed yet" has "$OUT" "暂不能销号"
check "show (a read-only open): the rule's reason, not 只读" has "$OUT" "须先回访并记录"
run qd problem feedback "$P1" --by 李书记 --result 值班仍有空档 --satisfied maybe
check "feedback: bad --satisfied refused" is "$RC" 2
check "feedback: bad --satisfied: yes or no" has "$ERR" "yes"
run qd problem feedback "$P1" --by 李书记 --satisfied no
check "feedback without --result: usage" is "$RC" 2
check "feedback: refusals wrote nothing" is "$(count "SELECT count(*) FROM problem_feedback")" 0
run qd problem feedback "$P1" --by 李书记 --result 值班仍有空档 --satisfied no --on 2026-06-10
check "feedback: unsatisfied recorded" is "$RC" 0
close_says
check "close: refused, the raiser not satisfied" is "$RC" 1
check "close: unsatisfied says so" has "$ERR" "问题 #$P1 最近一次回访（2026-06-10）反映人不满意"
run qd problem feedback "$P1" --by 王组织 --result 群众认可 --satisfied yes --on 2026-06-20
check "feedback: satisfied recorded" is "$RC" 0
run qd problem show "$P1"
check "show: the 回访 history, oldest first" has "$OUT" "回访记录：
  2026-06-10 李书记：不满意 值班仍有空档
  2026-06-20 王组织：满意 群众认可"
check "show: measures done" has "$OUT" "#$I1 已销号  责任人 张三"
run qd problem close "$P1" --on 2026-06-25
check "close: now 销号" is "$RC" 0
run qd problem list --status closed --format tsv
check "closed: listed as closed" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f1)" "$P1"
run qd problem show "$P1"
check "show: closed on" has "$OUT" "销号：2026-06-25 已销号"
close_says
check "close again: refused" is "$RC" 1
check "close again: when it was closed" has "$ERR" "已于 2026-06-25 销号"
run qd problem set "$P1" --text 改
check "set: a closed problem refused" is "$RC" 1
check "set: closed says to reopen" has "$ERR" "problem close --undo"
run qd problem close "$P1" --undo
check "close --undo: reopened" is "$RC" 0
run qd problem list --format tsv
check "reopened: rectified again" is "$(row_where 1 "$P1" | cut -f7)" "rectified"
run qd problem close "$P1" --undo
check "close --undo of an open problem refused" is "$RC" 1
check "close --undo: says it is not closed" has "$ERR" "尚未销号"

# an anonymous problem needs no 回访
run qd problem measure "$P3" --text 会议室预约登记 --owner 王五 --due 2026-06-01
I3=$OUT
run qd problem feedback "$P3" --by 李书记 --result x --satisfied yes
check "feedback on an anonymous problem refused" is "$RC" 1
check "feedback anonymous: says none needed" has "$ERR" "匿名反映"
qd item set "$I3" --status in_progress >/dev/null
qd item set "$I3" --status submitted >/dev/null
qd item set "$I3" --status done >/dev/null
run qd problem close "$P3"
check "close: anonymous, measures done, no 回访 needed" is "$RC" 0

# ---- who may write ----
me=$(id -un)
qd person add 管理员 --login qd-nobody-admin --admin >/dev/null
run dbsql "UPDATE person SET login = '$me' WHERE name = '张三'"
run qd problem add --org 第一党支部 --source self --text 成员不可登记
check "a plain member may not add a problem" is "$RC" 1
check "a plain member: who may" has "$ERR" "书记、副书记、组织委员"
run qd problem list --format tsv
check "a plain member reads" is "$RC" 0
run dbsql "UPDATE person SET login = NULL WHERE name = '张三'; UPDATE person SET login = '$me' WHERE name = '王组织'"
run qd problem add --org 第一党支部 --source self --text 组织委员登记
check "the 组织委员 adds a problem of the branch" is "$RC" 0
P5=$OUT
run qd problem add --org 第二党支部 --source self --text 别的支部
check "the 组织委员 may not add another branch's" is "$RC" 1
run qd problem measure "$P5" --text x --owner 张三 --due 2026-07-31
check "a measure is admin only" is "$RC" 1
run dbsql "UPDATE person SET login = NULL WHERE name = '王组织'; UPDATE person SET login = '$me' WHERE name = '李书记'"
run qd problem close "$P1"
check "the lead of every measure closes" is "$RC" 0
run qd problem close "$P1" --undo
check "reopen is admin only" is "$RC" 1
run dbsql "UPDATE person SET login = NULL WHERE name = '李书记'"

run qd audit verify
check "audit verify after it all" is "$RC" 0
finish

# tests/meeting.sh — the 组织生活 ledger on the command line (issue 11):
# person --party/--committee/--group, meeting add/attend/set/delete/show/
# list/note/rules/check/members/hours/stats, item link --meeting, the four
# formats, bad input refused with nothing written, who may record; and the
# issue's "Done when" end to end: a branch of 7 members with a 3-person
# committee, 支委会 in January and February but not March, a 支部党员大会 in
# Q1 with 3 of 7 present, one member absent from everything for six
# months.  --today pinned to 2026-07-15; both backends (lib.sh newdb).
. "$(dirname "$0")/lib.sh"
TODAY=2026-07-15
tab=$(printf '\t')
# line N (1-based) of $OUT
line() { printf '%s\n' "$OUT" | sed -n "$1p"; }
# the row of $OUT whose field F is V
row_where() { printf '%s\n' "$OUT" | awk -F'\t' -v f="$1" -v v="$2" '$f == v'; }

newdb meeting
run qd init
run qd org add 第一党支部 --level branch --parent 机关党委
check "branch added" is "$RC" 0
run qd person add 李书记 --org 第一党支部 --post 支部书记 --committee secretary
check "person add --committee" is "$RC" 0
qd person add 王组织 --org 第一党支部 --committee 组织委员 >/dev/null
qd person add 张委员 --org 第一党支部 --committee member >/dev/null
for p in 赵一 钱二 孙三 周四; do qd person add "$p" --org 第一党支部 >/dev/null; done
run qd person add 吴群众 --org 第一党支部 --party none
check "person add --party none" is "$RC" 0
run qd person add 郑某 --org 第一党支部 --party 党员
check "bad --party refused" is "$RC" 2
check "bad --party: says what to use" has "$ERR" "probationary"
run dbsql "SELECT count(*) FROM person WHERE name = '郑某'"
check "bad --party: nobody added" is "$OUT" 0
run qd person set 孙三 --group 第一党小组
check "person set --group" is "$RC" 0
run qd person set 孙三 --committee 主任
check "bad --committee refused" is "$RC" 2

run qd person list --format tsv
check "person list: new columns at the end" is "$(line 1)" \
	"id${tab}name${tab}post${tab}org${tab}login${tab}admin${tab}active${tab}items${tab}done${tab}overdue${tab}party${tab}committee${tab}cell"
check "person list: the secretary" is "$(row_where 2 李书记 | cut -f11-)" "full${tab}secretary${tab}"
check "person list: the cell" is "$(row_where 2 孙三 | cut -f11-)" "full${tab}${tab}第一党小组"
check "person list: a non-member" is "$(row_where 2 吴群众 | cut -f11)" "none"
run qd person list
check "person list table: labels" has "$OUT" "组织委员"
check "person list table: 群众" has "$OUT" "群众"

# ---- rules ----
run qd meeting rules --format tsv
check "rules listed" is "$RC" 0
check "rules header" is "$(line 1)" "level${tab}type${tab}every${tab}min${tab}quorum"
check "rules: 支委会 monthly, more than half" has "$OUT" "branch${tab}committee${tab}month${tab}1${tab}>1/2"
check "rules: 党员大会 quarterly" has "$OUT" "branch${tab}members${tab}quarter${tab}1${tab}>1/2"
run qd meeting rules --set council --level branch --every 每年 --min 0
check "rules --set" is "$RC" 0
run qd meeting rules --set council --level branch --every weekly
check "rules: bad --every refused" is "$RC" 2
check "rules: bad --every says what to use" has "$ERR" "quarter"
run qd meeting rules --set council --every month
check "rules --set needs --level" is "$RC" 2
run qd meeting rules --set lecture --level branch --quorum 多数
check "rules: bad --quorum refused" is "$RC" 2
run qd meeting rules --format tsv
check "rules: the change kept" has "$OUT" "branch${tab}council${tab}year${tab}0${tab}"
check "rules: a refused change wrote nothing" hasnt "$OUT" "branch${tab}lecture${tab}quarter${tab}1${tab}>"

# ---- the "Done when" branch ----
B=第一党支部
M1=$(qd meeting add --org $B --type theme-day --on 2026-01-08 --title "主题党日：重温入党誓词" --host 李书记 --recorder 王组织 --hours 2)
check "meeting add prints the id" is "$(printf '%s' "$M1" | tr -d 0-9)" ""
run qd meeting attend "$M1" 李书记 王组织 张委员 赵一 钱二 孙三
check "attend: present" is "$RC" 0
run qd meeting attend "$M1" 周四 --as absent
check "attend: absent" is "$RC" 0
C1=$(qd meeting add --org $B --type committee --on 2026-01-10 --title "1月支委会")
C2=$(qd meeting add --org $B --type 支委会 --on 2026年2月12日 --title "2月支委会" --hours 1.5)
qd meeting attend "$C1" 李书记 王组织 张委员
qd meeting attend "$C2" 李书记 王组织 张委员 --as late
G=$(qd meeting add --org $B --type members --on 2026-03-20 --title "一季度党员大会" --host 李书记)
run qd meeting attend "$G" 李书记 王组织 张委员
check "党员大会: 3 present" is "$RC" 0
run qd meeting attend "$G" 赵一 --as leave --reason 出差
check "党员大会: one on leave" is "$RC" 0
M2=$(qd meeting add --org $B --type theme-day --on 2026-06-05 --title "主题党日：志愿服务" --hours 3)
qd meeting attend "$M2" 李书记 王组织 张委员 赵一 钱二 孙三

# all or nothing: one unknown name, nobody recorded
run qd meeting attend "$M2" 周四 无名氏
check "attend: an unknown name refused" is "$RC" 1
check "attend: says who" has "$ERR" "无名氏"
run dbsql "SELECT count(*) FROM attendance a JOIN person p ON p.id = a.person_id WHERE p.name = '周四' AND a.meeting_id = $M2"
check "attend: nothing written" is "$OUT" 0
run qd meeting attend "$M2" 周四 --as 到场
check "attend: bad --as refused" is "$RC" 2
run qd meeting add --org $B --type 座谈会 --on 2026-05-01
check "add: bad type refused" is "$RC" 2
check "add: the types listed" has "$ERR" "theme-day"
run qd --lang en meeting add --org $B --type 座谈会 --on 2026-05-01
check "add: bad type in English" has "$ERR" "invalid meeting type"
run qd meeting add --org $B --type committee --on 2026-02-30
check "add: bad date refused" is "$RC" 1
run qd meeting add --org $B --type committee
check "add: --on required" is "$RC" 2
run dbsql "SELECT count(*) FROM meeting"
check "refused adds wrote nothing" is "$OUT" 5

run qd meeting list --format tsv
check "list runs" is "$RC" 0
check "list header (issue's columns)" is "$(line 1)" \
	"id${tab}org${tab}type${tab}date${tab}title${tab}host${tab}expected${tab}present${tab}leave${tab}absent${tab}quorum"
check "list: 5 meetings" is "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')" 5
check "list: 党员大会 3 of 7, short" is "$(row_where 1 "$G" | cut -f3-)" \
	"members${tab}2026-03-20${tab}一季度党员大会${tab}李书记${tab}7${tab}3${tab}1${tab}3${tab}short"
check "list: 支委会 3 of 3, ok" is "$(row_where 1 "$C1" | cut -f7-)" "3${tab}3${tab}0${tab}0${tab}ok"
check "list: late counts present" is "$(row_where 1 "$C2" | cut -f7-8)" "3${tab}3"
check "list: 主题党日 no quorum rule" is "$(row_where 1 "$M1" | cut -f7-)" "7${tab}6${tab}0${tab}1${tab}n/a"
run qd meeting list --type committee --format tsv
check "list --type" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ')" "$C1 $C2 "
run qd meeting list --from 2026-03-01 --to 2026/6/30 --format tsv
check "list --from --to" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ')" "$G $M2 "
run qd meeting list --person 周四 --format tsv
check "list --person: where recorded" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ')" "$M1 "
run qd meeting list --format csv
check "list csv" is "$(line 1)" "id,org,type,date,title,host,expected,present,leave,absent,quorum$(printf '\r')"
run qd meeting list --format json
check "list json: numbers and codes" has "$OUT" "\"expected\":7,\"present\":3,\"leave\":1,\"absent\":3,\"quorum\":\"short\""
run qd meeting list
check "list table: Chinese headers" has "$(line 1)" "应到"
check "list table: labels" has "$OUT" "支部党员大会"
check "list table: 不足" has "$OUT" "不足"

# ---- the check ----
run qd meeting check --org $B --format tsv
check "check runs" is "$RC" 0
check "check header" is "$(line 1)" "org${tab}type${tab}period${tab}required${tab}held${tab}status"
check "check: January 支委会 ok" is "$(row_where 3 2026-01 | awk -F'\t' '$2 == "committee"')" \
	"$B${tab}committee${tab}2026-01${tab}1${tab}1${tab}ok"
check "check: March 支委会 missing" is "$(row_where 3 2026-03 | awk -F'\t' '$2 == "committee"')" \
	"$B${tab}committee${tab}2026-03${tab}1${tab}0${tab}missing"
check "check: Q1 党员大会 short" is "$(row_where 3 2026-Q1 | awk -F'\t' '$2 == "members"')" \
	"$B${tab}members${tab}2026-Q1${tab}1${tab}1${tab}short"
check "check: July open" is "$(row_where 3 2026-07 | awk -F'\t' '$2 == "committee"' | cut -f6)" open
check "check: council not required (min 0)" hasnt "$OUT" "council"
run qd meeting check --org $B
check "check table: labels" has "$OUT" "不足法定人数"
run qd --year 2025 meeting check --org $B --format tsv
check "check --year 2025: all missing" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f6 | sort -u)" missing

# ---- members at risk ----
run qd meeting members --org $B --format tsv
check "members header" is "$(line 1)" "person${tab}org${tab}last_attended${tab}months_without${tab}flag"
check "members: 周四 first, alarm" is "$(line 2 | cut -f1,5)" "周四${tab}alarm"
check "members: 周四 never attended" is "$(line 2 | cut -f3)" ""
check "members: 周四 six months" is "$(line 2 | cut -f4)" 6
check "members: 赵一 last attended in June" is "$(row_where 1 赵一 | cut -f3-)" "2026-06-05${tab}1${tab}"
check "members: not the non-member" hasnt "$OUT" "吴群众"
run qd meeting members --org $B
check "members table: 告警" has "$OUT" "告警"

# ---- hours ----
run qd meeting hours --org $B --format tsv
check "hours header" is "$(line 1)" "person${tab}org${tab}hours${tab}norm${tab}leader"
check "hours: 赵一 attended 2 + 3 h of 32" is "$(row_where 1 赵一 | cut -f3-)" "5${tab}32${tab}0"
check "hours: the secretary's norm" is "$(row_where 1 李书记 | cut -f4-)" "56${tab}1"

# ---- stats agree with list ----
run qd meeting list --format tsv
LIST_N=$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')
LIST_P=$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '{s += $8} END {print s}')
LIST_C=$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$3 == "committee"' | wc -l | tr -d ' ')
run qd meeting stats --format tsv
check "stats header" is "$(line 1)" "type${tab}count${tab}hours${tab}participants"
check "stats: count matches list" is "$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '{s += $2} END {print s}')" "$LIST_N"
check "stats: participants match list" is "$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '{s += $4} END {print s}')" "$LIST_P"
check "stats: 支委会 count matches list" is "$(row_where 1 committee | cut -f2)" "$LIST_C"
check "stats: 主题党日 hours" is "$(row_where 1 theme-day | cut -f2-)" "2${tab}5${tab}12"
run qd meeting stats --by org --format tsv
check "stats --by org" is "$(row_where 1 $B | cut -f2,4)" "$LIST_N${tab}$LIST_P"
run qd meeting stats --by person
check "stats: bad --by refused" is "$RC" 2

# ---- show, set, note, delete ----
run qd meeting show "$G"
check "show runs" is "$RC" 0
check "show: head" has "$(line 1)" "会议 #$G · $B · 支部党员大会 · 2026-03-20"
check "show: counts" has "$OUT" "应到 7，实到 3"
check "show: quorum" has "$OUT" "不足（有表决权 3/7"
check "show: the absent listed" has "$OUT" "周四  缺席（未登记）"
check "show: leave with reason" has "$OUT" "赵一  请假：出差"
run qd meeting show "$G" --format json
check "show json: one object" has "$OUT" "{\"id\":$G,"
check "show json: counts" has "$OUT" "\"expected\":7,\"present\":3"
run qd meeting show "$G" --format tsv
check "show tsv: header and one row" is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 2
printf '一、传达学习上级精神\r\n二、讨论发展对象\r\n\r\n' >"$T/summary.txt"
run qd meeting set "$G" --summary-file "$T/summary.txt" --place 三楼会议室 --recorder 王组织
check "set: summary file" is "$RC" 0
run qd meeting show "$G"
check "set: summary stored without CR" has "$OUT" "议程与纪要：一、传达学习上级精神"
check "set: place" has "$OUT" "地点：三楼会议室"
printf '\262\342\312\324\n' >"$T/gbk.txt"
run qd meeting set "$G" --summary-file "$T/gbk.txt"
check "set: GBK file refused" is "$RC" 1
check "set: says UTF-8" has "$ERR" "UTF-8"
run qd meeting set "$G"
check "set: nothing to change" is "$RC" 1
run qd meeting set "$G" --title x --if-version 1
check "set: stale version refused" is "$RC" 1
run qd meeting note "$G" "签到表扫描件，档案盒 3" --kind signin
check "note" is "$RC" 0
run qd meeting note "$G" x --kind 录像
check "note: bad kind refused" is "$RC" 2
run qd meeting show "$G"
check "show: evidence" has "$OUT" "签到表扫描件，档案盒 3"

ITEM=$(qd item add --org $B --content "严格落实三会一课制度" --owner 李书记)
run qd item link "$ITEM" --meeting "$G"
check "item link" is "$RC" 0
run qd item show "$ITEM"
check "item show: the meeting" has "$OUT" "#$G 2026-03-20 支部党员大会"
run qd meeting show "$G"
check "meeting show: the item" has "$OUT" "#$ITEM"
run qd item link "$ITEM"
check "item link needs --meeting" is "$RC" 2
run qd item link "$ITEM" --meeting "$G" --unlink
check "item unlink" is "$RC" 0
run qd item show "$ITEM"
check "item show: unlinked" hasnt "$OUT" "#$G 2026"

X=$(qd meeting add --org $B --type other --on 2026-07-01 --title 删除测试)
run qd meeting delete "$X" 99999
check "delete: a missing id refuses all" is "$RC" 1
run qd meeting list --type other --format tsv
check "delete: nothing deleted" has "$OUT" "删除测试"
run qd meeting delete "$X"
check "delete" is "$RC" 0
run qd meeting list --type other --format tsv
check "delete: gone from the list" hasnt "$OUT" "删除测试"
run qd meeting show 0
check "show: bad id" is "$RC" 2

run qd audit verify
check "audit verifies" is "$RC" 0
run dbsql "SELECT count(*) FROM audit WHERE entity IN ('meeting','attendance','meeting_note','item_meeting','member','meeting_rule')"
check "audit rows written" [ "$OUT" -gt 20 ]

# ---- who may record ----
run dbsql "UPDATE person SET login = '$(id -un)' WHERE name = '周四'"
run qd person add 管理员 --login qd-nobody-admin --admin
run qd meeting add --org $B --type committee --on 2026-07-02
check "a plain member may not record" is "$RC" 1
run qd meeting attend "$M2" 周四
check "a plain member may not record attendance" is "$RC" 1
run qd meeting list --format tsv
check "a plain member reads" is "$RC" 0
run qd meeting rules --set lecture --level branch --min 2
check "a plain member may not change rules" is "$RC" 1
run dbsql "UPDATE person SET login = NULL WHERE name = '周四'; UPDATE person SET login = '$(id -un)' WHERE name = '王组织'"
run qd meeting add --org $B --type committee --on 2026-07-02 --title 7月支委会
check "the 组织委员 records" is "$RC" 0
run qd meeting attend "$M2" 周四 --as leave --reason 病假
check "the 组织委员 records attendance" is "$RC" 0
run qd person set 周四 --party probationary
check "member changes are admin only" is "$RC" 1

finish

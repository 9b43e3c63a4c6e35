#!/bin/sh
# tests/screen.sh — the CLI side of a smoother screen (issue 14.5, second
# half): `item show` gives the latest 退回 or 取消 reason with its date
# and who, as the TUI's detail pane does.
. "$(dirname "$0")/lib.sh"

demo_db
run qd item show 16
check "no reason before any 退回" hasnt "$OUT" 原因
run qd item set 16 --status in_progress --reason "会议记录不全"
check "退回 with a reason" is "$RC" 0
run qd item show 16
check "show: the 退回 reason" has "$OUT" "退回原因：会议记录不全（"
check "show: a date" [ -n "$(printf '%s\n' "$OUT" | grep -E '退回原因：会议记录不全（[0-9]{4}-[0-9]{2}-[0-9]{2} 王芳）')" ]
run qd item set 16 --status cancelled --reason "派驻组调整，不再单列"
run qd item show 16
check "show: the latest reason, now the 取消" has "$OUT" "取消原因：派驻组调整，不再单列（"
check "show: only the latest" hasnt "$OUT" 会议记录不全
run qd --lang en item show 16
check "show in English" has "$OUT" "reason to cancel:"

# ---- two 王伟: told apart as export writes them (姓名（职务）) ----
run qd item set 1 --owner "王伟（数据）"
check "assign the second 王伟" is "$RC" 0
run qd item show 1
check "show: the homonym with the post" has "$OUT" "责任人：王伟（组织委员、数据管理处副处长）"
check "show: a unique name bare" has "$OUT" "牵头领导：赵立新"

# ---- the start of a name names one person; several are listed ----
run qd person add 阿卜杜·热合曼 --post 科员
run qd item set 4 --owner 阿卜
check "--owner by a unique start of the name" is "$RC" 0
run qd item show 4
check "…owner set" has "$OUT" "责任人：阿卜杜·热合曼"
run qd item set 4 --owner 王
check "a start fitting several: refused" is "$RC" 1
check "…listing them" has "$ERR" "以“王”开头的人员不止一位，请写全名或用编号指定：#8 王芳"
run qd item set 4 --owner 谁也不是
check "no one: not found as before" has "$ERR" "找不到人员“谁也不是”"
finish

#!/bin/sh
# tests/restore.sh — undoing the common mistakes (issue 14 point 4): a
# deleted item restored with `item restore` is back in every listing
# (item list, stats, print, export), audited as its own action (恢复 in
# `audit list`), refused for an id that is not deleted or does not exist,
# all or nothing for several ids; the 回收站 `item list --deleted` with when
# and by whom; `item set` of several ids in one transaction, each change
# audited on its own.  Both backends.
. "$(dirname "$0")/lib.sh"
ME=$(id -un)
count() { dbsql "SELECT count(*) FROM audit"; }

newdb restore
qd init 2>/dev/null
qd person add 李明 --org 党组 >/dev/null
qd person add 王芳 --org 党组 >/dev/null
A=$(qd item add --org 党组 --content 回收甲 --owner 李明)
B=$(qd item add --org 党组 --content 回收乙 --owner 李明)
C=$(qd item add --org 党组 --content 回收丙 --owner 李明)
qd item delete "$A"
qd item delete "$C"

# ---- deleted: gone from the listings, in the 回收站 ----
run qd item list --format tsv
check "deleted items not listed" hasnt "$OUT" "回收甲"
run qd item list --deleted --format tsv
check "--deleted: exit 0" is "$RC" 0
check "--deleted: the columns" is "$(printf '%s\n' "$OUT" | head -1)" \
	"$(printf 'id\torg\tyear\tseq\tcategory\tcontent\towner\tstatus\tdeleted_at\tdeleted_by')"
check "--deleted: two rows" is "$(printf '%s\n' "$OUT" | sed 1d | wc -l)" 2
check "--deleted: 回收甲 with who deleted it" has "$OUT" "$(printf '回收甲\t李明\tplanned\t')"
check "--deleted: …by whom" has "$(printf '%s\n' "$OUT" | grep 回收甲)" "$(printf '\t%s' "$ME")"
check "--deleted: …and when" has "$(printf '%s\n' "$OUT" | grep 回收甲 | cut -f9)" "T"
check "--deleted: not the live item" hasnt "$OUT" "回收乙"
run qd item list --deleted
check "--deleted table: Chinese headers" has "$OUT" "删除时间"
check "--deleted table: 删除人" has "$OUT" "删除人"
run qd item list --deleted --all-years --org 党组 --format tsv
check "--deleted --all-years --org: both" is "$(printf '%s\n' "$OUT" | sed 1d | wc -l)" 2
run qd item list --deleted --org 机关党委 --format tsv
check "--deleted --org: another org has none" is "$(printf '%s\n' "$OUT" | sed 1d | wc -l)" 0
run qd item list --deleted --owner 李明
check "--deleted --owner: usage error" is "$RC" 2
check "…names the option" has "$ERR" "--deleted 不能与 --owner 同用"
run qd item list --deleted --due-soon
check "--deleted --due-soon: usage error" is "$RC" 2
run qd item list --deleted --format json
check "--deleted json" has "$OUT" '"deleted_by":'
run qd stats --format tsv
check "stats counts 1 live item" has "$OUT" "$(printf '党组\t1\t')"

# ---- refusals write nothing ----
N=$(count)
run qd item restore "$B"
check "restore a live item: exit 1" is "$RC" 1
check "…says it is not deleted" is "$ERR" "qingdan: 事项 #$B 没有被删除，无需恢复；已删除的事项见 item list --deleted"
run qd item restore 999
check "restore no such id: exit 1" is "$RC" 1
check "…says so" is "$ERR" "qingdan: 找不到事项 #999"
run qd item restore x1
check "restore a bad id: usage error" is "$RC" 2
run qd item restore "$C" "$B"
check "restore C B: refused as a whole" is "$RC" 1
check "…names B" has "$ERR" "事项 #$B 没有被删除"
check "…nothing audited" is "$(count)" "$N"
run qd item list --deleted --format tsv
check "…C still deleted" has "$OUT" "回收丙"
run qd --lang en item restore "$B"
check "English refusal" has "$ERR" "item #$B is not deleted"

# ---- restore: back in every listing, audited as 恢复 ----
run qd item restore "$A"
check "restore: exit 0" is "$RC" 0
check "…silent" is "$OUT" ""
check "…one audit row" is "$(count)" "$((N + 1))"
check "…action restore" is "$(dbsql "SELECT action FROM audit ORDER BY seq DESC LIMIT 1")" "restore"
run qd item list --format tsv
check "item list has it again" has "$OUT" "回收甲"
run qd item list --deleted --format tsv
check "回收站 no longer has it" hasnt "$OUT" "回收甲"
run qd stats --format tsv
check "stats counts it" has "$OUT" "$(printf '党组\t2\t')"
run qd print --org 党组
check "print has it" has "$OUT" "回收甲"
check "print still leaves out C" hasnt "$OUT" "回收丙"
CODE=$(printf '%s\n' "$OUT" | sed -n 's/.*校验码：\([0-9a-f-]*\).*/\1/p' | head -1)
check "print gave a code" [ -n "$CODE" ]
run qd audit verify --code "$CODE"
check "the print code of the restored item verifies" is "$RC" 0
run qd export --format csv
check "export has it" has "$OUT" "回收甲"
run qd audit list --entity item --id "$A"
check "audit list: 恢复 with when it had been deleted" has "$OUT" "恢复（原删除于 "
check "audit list: the delete before it" has "$OUT" "删除于：（无） → "
run qd --lang en audit list --entity item --id "$A" --format tsv
check "audit list tsv: the action" has "$OUT" "$(printf '\trestore\titem\t%s\t' "$A")"
run qd --lang en audit list --entity item --id "$A"
check "audit list en: restored" has "$OUT" "restored (had been deleted"
run qd item show "$A"
check "item show: no 已删除于 line" hasnt "$OUT" "已删除于"
run qd audit verify
check "audit verify after restore" is "$RC" 0
run qd item set "$A" --status in_progress
check "a restored item can move on" is "$RC" 0

# ---- item set of several ids ----
N=$(count)
run qd item set "$A" "$B" "$C" --owner 王芳
check "set A B C, C deleted: refused" is "$RC" 1
check "…names C and why" is "$ERR" "qingdan: 事项 #$C 未能修改，3 个事项都未改动：事项 #$C 已删除"
check "…nothing written" is "$(count)" "$N"
check "…A keeps its owner" is "$(qd item list --format tsv | grep 回收甲 | cut -f7)" "李明"
run qd item restore "$C"
N=$(count)
run qd item set "$A" "$B" "$C" --owner 王芳 --due 第三季度
check "set A B C: exit 0" is "$RC" 0
run qd item list --format tsv --owner 王芳
check "…all three 王芳" is "$(printf '%s\n' "$OUT" | sed 1d | wc -l)" 3
check "…due words of each: 2026-09-30" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f9 | sort -u)" "2026-09-30"
check "…one audit row each" is "$(count)" "$((N + 3))"
check "…each its own item" is "$(dbsql "SELECT count(DISTINCT entity_id) FROM audit WHERE seq > $N AND action = 'set'")" 3
N=$(count)
run qd item set "$B" "$C" "$A" --status submitted
check "set B C A --status submitted: B is planned, refused" is "$RC" 1
check "…names B" is "$ERR" "qingdan: 事项 #$B 未能修改，3 个事项都未改动：事项 #$B 不能从“未开始”改为“待审核”"
check "…nothing written" is "$(count)" "$N"
run qd item set "$B" "$C" --status in_progress --lead 李明
check "fields and status for two: exit 0" is "$RC" 0
check "…four audit rows" is "$(count)" "$((N + 4))"
run qd item set "$B" "$C" --if-version 2 --owner 李明
check "--if-version with two ids: usage error" is "$RC" 2
check "…says why" has "$ERR" "--if-version 只能用于一个事项，这里给了 2 个编号"
run qd item set "$B" 999 --content 新
check "an unknown id among several" is "$RC" 1
check "…named" is "$ERR" "qingdan: 事项 #999 未能修改，2 个事项都未改动：找不到事项 #999"
run qd item set "$B" "$C" --due 13月
check "bad due words for several: refused" is "$RC" 1
check "…nothing written" is "$(count)" "$((N + 4))"
# one id: the messages as before
run qd item set 999 --status done
check "one id: the message unchanged" is "$ERR" "qingdan: 找不到事项 #999"
run qd item set "$B" --status done
check "one id: the move message unchanged" is "$ERR" "qingdan: 事项 #$B 不能从“进行中”改为“已销号”"
run qd audit verify
check "audit verify at the end" is "$RC" 0
finish

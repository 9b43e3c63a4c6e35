#!/bin/sh
# tests/category.sh — the order of categories (issue 13): `category list`
# prints the category table in its order; `stats --by category` groups in
# that order (政治建设 思想建设 组织建设 作风建设 纪律建设 制度建设), a
# category not in the table after them, by name.
. "$(dirname "$0")/lib.sh"

newdb cat
qd init 2>/dev/null
cd "$T" || exit 1
cat > cat.csv <<'CSV'
组织,类别,责任内容
党组,制度建设,甲
党组,其他工作,乙
党组,纪律建设,丙
党组,作风建设,丁
党组,组织建设,戊
党组,思想建设,己
党组,政治建设,庚
党组,基层治理,辛
党组,政治建设,壬
CSV
run qd import cat.csv
check "import ok" is "$RC" 0
run qd category list --format tsv
check "list: header" is "$(printf '%s\n' "$OUT" | head -1)" "$(printf 'id\tname\tsort\titems')"
check "list: the six in order with their items" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f2,4 | tr '\t\n' ': ')" \
	"政治建设:2 思想建设:1 组织建设:1 作风建设:1 纪律建设:1 制度建设:1 "
run qd category list --format csv
check "list: csv" has "$OUT" "1,政治建设,10,2"
run qd category list --format json
check "list: json" has "$OUT" '{"id":1,"name":"政治建设","sort":10,"items":2}'
run qd category list
check "list: table headers" has "$OUT" "名称"
run qd stats --by category --format tsv
check "stats: table order, then the others by name" \
	is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f2,3 | tr '\t\n' ': ')" \
	"政治建设:2 思想建设:1 组织建设:1 作风建设:1 纪律建设:1 制度建设:1 其他工作:1 基层治理:1 "
# an office's order: move 制度建设 first behind qingdan's back (no command yet)
dbsql "UPDATE category SET sort = 5 WHERE name = '制度建设'" >/dev/null
run qd stats --by category --format tsv
check "stats: follows the table" is "$(printf '%s\n' "$OUT" | tail -n +2 | head -2 | cut -f2 | tr '\n' ' ')" "制度建设 政治建设 "
run qd category list --format tsv
check "list: follows the table" is "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f2)" "制度建设"

# ---- category add, category move (through the model, audited) ----
newdb catmove
qd init 2>/dev/null
run qd import "$T/cat.csv"
check "move: import ok" is "$RC" 0
run qd category move 纪律建设 --first
check "move: ok" is "$RC" 0
check "move: says where" has "$ERR" "已将类别“纪律建设”移到第 1 位（共 6 个）"
run qd stats --by category --format tsv
check "move: stats --by category lists 纪律建设 first" \
	is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f2 | tr '\n' ' ')" \
	"纪律建设 政治建设 思想建设 组织建设 作风建设 制度建设 其他工作 基层治理 "
run qd category list --format tsv
check "move: renumbered 10, 20, …" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f2,3 | tr '\t\n' ': ')" \
	"纪律建设:10 政治建设:20 思想建设:30 组织建设:40 作风建设:50 制度建设:60 "
run qd category move 纪律建设 --first
check "move: already there" has "$ERR" "已在第 1 位"
check "move: already there is not an error" is "$RC" 0
run qd category move 纪律建设 --after 制度建设
check "move --after: ok" is "$RC" 0
run qd category list --format tsv
check "move --after: last" is "$(printf '%s\n' "$OUT" | tail -1 | cut -f2,3)" "$(printf '纪律建设\t60')"
run qd category add 其他工作
check "add: id" is "$OUT" "7"
check "add: says where" has "$ERR" "第 7 位（共 7 个）"
run qd category add 基层治理 --after 政治建设
check "add --after: ok" is "$RC" 0
run qd category add 党的领导 --first
check "add --first: ok" is "$RC" 0
run qd stats --by category --format tsv
check "add: the items' categories take their places" \
	is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f2 | tr '\n' ' ')" \
	"政治建设 基层治理 思想建设 组织建设 作风建设 制度建设 纪律建设 其他工作 "
run qd category list --format tsv
check "add: in the list, with its items" is "$(printf '%s\n' "$OUT" | sed -n 2,3p | cut -f2,3,4 | tr '\t\n' ': ')" \
	"党的领导:10:0 政治建设:20:2 "
# refusals: a clear message, nothing written
before=$(dbsql "SELECT count(*) FROM audit")
run qd category add 纪律建设
check "add existing: refused" is "$RC" 1
check "add existing: says so" has "$ERR" "类别“纪律建设”已存在"
run qd category add ""
check "add blank: refused" has "$ERR" "类别名称不能为空"
run qd category add "$(printf '甲\t乙')"
check "add control: refused" has "$ERR" "控制字符（第 2 个字符，U+0009）"
run qd category add 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一
check "add long: refused" has "$ERR" "太长（31 个字符，最多 30 个）"
run qd category add 新的 --after 没有的
check "add after unknown: refused" is "$RC" 1
check "add after unknown: names the categories" has "$ERR" "没有类别“没有的”；现有类别：党的领导、政治建设、"
run qd category add 新的 --after 政治建设 --first
check "add --after --first: usage" is "$RC" 2
run qd category move 纪律建设
check "move without a place: usage" is "$RC" 2
check "move without a place: says what" has "$ERR" "--after 类别 或 --first"
run qd category move 没有的 --first
check "move unknown: refused" has "$ERR" "没有类别“没有的”"
run qd category move 纪律建设 --after 纪律建设
check "move after itself: refused" has "$ERR" "不能把类别“纪律建设”移到它自己之后"
check "refusals: nothing written" is "$(dbsql "SELECT count(*) FROM audit")" "$before"
check "refusals: no half-added row" is "$(dbsql "SELECT count(*) FROM category WHERE name = '新的'")" "0"
run qd audit list --format tsv
check "audited: the move" has "$OUT" "$(printf 'set\tcategory')"
check "audited: the add" has "$OUT" "$(printf 'add\tcategory')"
run qd audit verify
check "audit verify holds" is "$RC" 0
run qd --lang en category move 纪律建设 --first
check "english" has "$ERR" "moved category \"纪律建设\" to position 1 (of 9)"
finish

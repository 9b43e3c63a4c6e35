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
finish

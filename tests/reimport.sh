#!/bin/sh
# tests/reimport.sh — importing a list file again (issue 13.1) through the
# real binary: the same file twice is refused with nothing written and the
# two modes named; --update --dry-run shows exactly the one edited cell and
# writes nothing; --update applies it as one audited edit; --append doubles
# the list; qingdan's own export (csv and xlsx) is recognised, an edited
# 责任内容 found by its 序号; new rows are added, a closed item is not
# changed, a blank cell leaves its field, a status is never changed.
. "$(dirname "$0")/lib.sh"
FIX=$(cd "$(dirname "$0")/data/xlsx" && pwd)
cd "$T" || exit 1
cp "$FIX/items.csv" items.csv

fresh() { newdb "$1"; qd init >/dev/null 2>&1; }
nitems() { qd item list --format tsv | tail -n +2 | wc -l | tr -d ' '; }
naudit() { qd audit list --format tsv | tail -n +2 | wc -l | tr -d ' '; }

# ---- the same file twice ----
fresh twice
run qd import items.csv
check "first import: 6 items" is "$(nitems)" 6
A0=$(naudit)
run qd import items.csv
check "again: refused" is "$RC" 1
check "again: nothing written" is "$(nitems)" 6
check "again: no audit row" is "$(naudit)" "$A0"
check "again: how many rows are in the list" has "$ERR" "items.csv：6 行中有 6 行已在 2026 年度清单中"
check "again: the first rows, FILE:ROW → ID" has "$ERR" "items.csv:3 → #1，items.csv:4 → #2，items.csv:6 → #3……"
check "again: names --update" has "$ERR" "--update"
check "again: names --append" has "$ERR" "--append"
check "again: says nothing was written" has "$ERR" "未写入任何内容"
run qd import items.csv --dry-run
check "again, --dry-run: refused as the import would be" is "$RC" 1
check "again, --dry-run: says so" has "$ERR" "检查模式，未写入；这样导入会被拒绝"
run qd --lang en import items.csv
check "again, English: the count and both modes" \
	has "$ERR" "items.csv: 6 of the 6 rows are already in the 2026 lists"
check "again, English: --update and --append" has "$ERR" "use --update to update"

# ---- one cell edited: --update --dry-run, then --update ----
sed 's/全年不少于2次/全年不少于3次/' items.csv >edited.csv
run qd import edited.csv --update --dry-run
check "update dry: passes" is "$RC" 0
check "update dry: the one change, ID field old → new" \
	is "$(printf '%s\n' "$OUT" | grep ' → ')" "edited.csv:8: #4 完成标准：“全年不少于2次” → “全年不少于3次”"
check "update dry: the plan's summary" has "$OUT" "1 项更新，0 项新增，5 项不变"
check "update dry: nothing written, said" has "$OUT" "检查通过，未写入：将更新 1 项、新增 0 项到 2026 年度清单"
check "update dry: no audit row" is "$(naudit)" "$A0"
run qd item show 4
check "update dry: the item as it was" has "$OUT" "完成标准：全年不少于2次"
run qd import edited.csv --update
check "update: passes" is "$RC" 0
check "update: shows the change before the summary" \
	has "$OUT" "edited.csv:8: #4 完成标准：“全年不少于2次” → “全年不少于3次”
1 项更新，0 项新增，5 项不变
已更新 1 项、新增 0 项到 2026 年度清单"
check "update: no item added" is "$(nitems)" 6
run qd item show 4
check "update: item show has the new value" has "$OUT" "完成标准：全年不少于3次"
check "update: one audit row" is "$(naudit)" $((A0 + 1))
run qd audit list --entity item --id 4 --format tsv
check "update: it is an edit of item 4" has "$(printf '%s\n' "$OUT" | tail -n 1)" "	set	"
run qd audit verify
check "update: the audit chain verifies" is "$RC" 0
run qd import edited.csv --update
check "update again: nothing to change" has "$OUT" "0 项更新，0 项新增，6 项不变"
check "update again: no audit row" is "$(naudit)" $((A0 + 1))

# ---- --append: the old behaviour, asked for ----
run qd import items.csv --append
check "append: passes" is "$RC" 0
check "append: six more" has "$OUT" "已导入 6 项到 2026 年度清单"
check "append: the list doubled" is "$(nitems)" 12

# ---- the options ----
run qd import items.csv --update --append
check "--update with --append: usage error" is "$RC" 2
check "--update with --append: says so" has "$ERR" "--update 和 --append 只能选一个"
run qd import --meetings items.csv --update
check "--update with --meetings: usage error" is "$RC" 2
run qd help import
check "help import lists --update|--append" has "$OUT" "import FILE|- [--sheet NAME] [--org ORG] [--update|--append] [--dry-run]"

# ---- rows not in the list import as before; a mix with --update ----
fresh mix
qd import items.csv >/dev/null 2>&1
printf '序号,组织,责任内容,责任人\n1,党组,全新的一项,张建国\n' >other.csv
run qd import other.csv
check "no matching row: imported as today" is "$RC" 0
check "no matching row: one more" is "$(nitems)" 7
# a new row, an edited owner, a blank cell and another status
{
	head -n 3 items.csv | tail -n 1 | sed 's/,张建国,李明,/,王小红,李明,/'
	printf '7,党组,,第三行的新事项,,,,,2026-10-01,,\n'
	printf '2,党组,思想建设,党组理论学习中心组学习每年不少于12次,,,,,,进行中,\n'
} >rows.body
{ head -n 2 items.csv; cat rows.body; } >mix.csv
run qd import mix.csv --update --dry-run
check "mix dry: the owner's change" has "$OUT" "mix.csv:3: #1 责任人：“张建国” → “王小红”"
check "mix dry: blank cells change nothing" is "$(printf '%s\n' "$OUT" | grep -c ' → ')" 1
check "mix dry: one updated, one added, one unchanged" has "$OUT" "1 项更新，1 项新增，1 项不变"
check "mix dry: a status is noted, not changed" \
	has "$ERR" "mix.csv:5: 提示：#2 的状态在文件中为“进行中”，清单中为“未开始”；导入不改变状态"
run qd import mix.csv --update
check "mix: passes" is "$RC" 0
check "mix: the new row added" is "$(nitems)" 8
run qd item show 1
check "mix: the owner changed" has "$OUT" "责任人：王小红"
run qd item show 2
check "mix: the status kept" has "$OUT" "未开始"
check "mix: a blank cell kept the value" has "$OUT" "按年度计划开展集体学习"

# a closed item is not changed: the file is refused, naming the row
sed 's/修订并印发/修订并印发全文/' items.csv >closed.csv
run qd import closed.csv --update
check "closed: refused" is "$RC" 1
check "closed: the row and the item named" has "$ERR" "closed.csv:10: 对应的事项 #6 当前为“已销号”，不能再修改（本行改了工作措施）"
run qd item show 6
check "closed: unchanged" hasnt "$OUT" "修订并印发全文"

# ---- whatever the file type: LibreOffice's xlsx of the same sheet ----
fresh lo
qd import items.csv >/dev/null 2>&1
run qd import "$FIX/items.xlsx"
check "xlsx of an imported csv: refused" is "$RC" 1
check "xlsx of an imported csv: FILE:SHEET:ROW → ID" has "$ERR" "items.xlsx:items:3 → #1"
sed 's/全年不少于2次/全年不少于3次/' items.csv >lo.csv
qd import lo.csv --update >/dev/null 2>&1
run qd import "$FIX/items.xlsx" --update --dry-run
check "xlsx --update: the cell the xlsx has back" has "$OUT" "items.xlsx:items:7: #4 完成标准：“全年不少于3次” → “全年不少于2次”"
check "xlsx --update: one change" has "$OUT" "1 项更新，0 项新增，5 项不变"

# rows renumbered: a row takes an item by 序号 whose content a later row has
fresh renum
qd import items.csv >/dev/null 2>&1
qd export --format csv -o renum0.csv 2>/dev/null
{
	head -n 1 renum0.csv
	printf '党组,2,思想建设,插入的新事项,按年度计划开展集体学习,,,,,,,\n'
	tail -n +3 renum0.csv
} >renum.csv
run qd import renum.csv --update --dry-run
check "renumbered: refused" is "$RC" 1
check "renumbered: both rows named" has "$ERR" "renum.csv:3: 与第 2 行对应同一事项 #2"

# ---- qingdan's own export, read back ----
fresh own
qd import items.csv >/dev/null 2>&1
qd export --format csv -o own.csv 2>/dev/null
run qd import own.csv
check "own csv: refused" is "$RC" 1
check "own csv: every row found" has "$ERR" "own.csv：6 行中有 6 行已在 2026 年度清单中"
run qd import own.csv --update --dry-run
check "own csv: nothing would change" has "$OUT" "0 项更新，0 项新增，6 项不变"
# 责任内容 edited: found by its 序号
sed 's/党组理论学习中心组学习每年不少于12次/党组理论学习中心组每年集体学习不少于12次/' own.csv >own2.csv
run qd import own2.csv --update --dry-run
check "own csv, content edited: found by 序号" \
	has "$OUT" "own2.csv:3: #2 责任内容：“党组理论学习中心组学习每年不少于12次” → “党组理论学习中心组每年集体学习不少于12次”"
check "own csv, content edited: one update, nothing added" has "$OUT" "1 项更新，0 项新增，5 项不变"
run qd import own2.csv --update
check "own csv, content edited: applied" is "$(nitems)" 6
run qd item show 2
check "own csv, content edited: item show" has "$OUT" "党组理论学习中心组每年集体学习不少于12次"

qd export --format xlsx -o own.xlsx 2>/dev/null
run qd import own.xlsx
check "own xlsx: refused" is "$RC" 1
check "own xlsx: FILE:SHEET:ROW → ID" has "$ERR" "own.xlsx:党组:2 → #1"
run qd import own.xlsx --sheet 机关党委 --update --dry-run
check "own xlsx, second sheet: nothing would change" has "$OUT" "0 项更新，0 项新增，3 项不变"
check "own xlsx: nothing written" is "$(nitems)" 6
finish

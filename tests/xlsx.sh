#!/bin/sh
# tests/xlsx.sh — import of .xlsx (issue 13.1) through the real binary and
# its sheet module qingdan-sheet.so: the workbooks LibreOffice made from
# the CSV fixtures of tests/data/xlsx (make_xlsx.sh there) import with the
# same result as the CSVs, for items, sign-in sheets and problem lists;
# messages say FILE:SHEET:ROW; a title row, merged cells and date cells;
# --sheet; qingdan's own export read back; damaged files, .xls and a .xlsx
# that is not one refused with nothing written; the program itself does
# not link minizip or expat and loads the module only to read a workbook;
# the export's row heights follow the wrapped line count.
. "$(dirname "$0")/lib.sh"
FIX=$(cd "$(dirname "$0")/data/xlsx" && pwd)
BUILD=${QD_BUILD:-$(pwd)/build}
ELF=$BUILD/qingdan
cd "$FIX" || exit 1

fresh() { newdb "$1"; qd init >/dev/null 2>&1; }
items() { qd item list --format tsv; }
nitems() { items | tail -n +2 | wc -l | tr -d ' '; }

# ---- the same list as CSV and as LibreOffice's xlsx ----
fresh csv
run qd import items.csv
check "items.csv imports" is "$RC" 0
CSV_ITEMS=$(items)
fresh xlsx
run qd import items.xlsx
check "items.xlsx imports" is "$RC" 0
check "xlsx: summary as for the CSV, XLSX named" \
	has "$OUT" "已导入 6 项到 2026 年度清单（XLSX，2 个组织），新建人员 4 人，警告 1 条"
check "xlsx: the same items as the CSV" is "$(items)" "$CSV_ITEMS"
check "xlsx: the title row skipped, FILE:SHEET:ROW" has "$ERR" "items.xlsx:items:1: 提示：跳过表头前的标题行"
check "xlsx: unknown column noted at its row" has "$ERR" "items.xlsx:items:2: 提示：忽略不认识的列“备注”"
check "xlsx: words in the due column warned" \
	has "$ERR" "items.xlsx:items:3: 警告：完成时限“长期坚持”不是日期，已作为时限说明保存"
check "xlsx: a date cell read as a date" has "$(items)" "2026-06-30	cancelled"
run qd audit verify
check "xlsx: every record audited" is "$RC" 0

# merged 组织 cells, a merged title, dates as date cells in two formats
fresh mcsv
qd import merged.csv >/dev/null 2>&1
M_CSV=$(items)
fresh mxlsx
run qd import merged.xlsx
check "merged.xlsx imports" is "$RC" 0
check "merged: five items, two orgs" has "$OUT" "已导入 5 项到 2026 年度清单（XLSX，2 个组织）"
check "merged: the same items as its CSV" is "$(items)" "$M_CSV"
check "merged: 党组 fills its three rows" is "$(items | grep -c '	党组	')" 3
check "merged: 2026年3月31日 date cell" has "$(items)" "2026-03-31"
check "merged: the title row skipped" has "$ERR" "merged.xlsx:2026清单:1: 提示：跳过表头前的标题行"
run qd item show 2
check "merged: rich text joined" has "$OUT" "学习贯彻党的二十大精神"
check "merged: a formula's text" has "$OUT" "全年不少于12次"

# a bad row: FILE:SHEET:ROW, nothing written
fresh bad
run qd import merged.xlsx --org 不存在的组织
check "bad: --org unknown refused" is "$RC" 1
printf 'x' >/dev/null

# ---- --sheet ----
fresh sheets
run qd import sheets.xlsx
check "sheets: the first sheet (a note) has no header" is "$RC" 1
check "sheets: says so at FILE:SHEET:ROW" has "$ERR" "sheets.xlsx:说明:1: 找不到“责任内容”列"
run qd import sheets.xlsx --sheet 清单
check "--sheet: imports" is "$RC" 0
check "--sheet: that sheet's item" has "$(items)" "另一张表里的事项"
check "--sheet: its rows named" has "$ERR" "sheets.xlsx:清单:2:"
run qd import sheets.xlsx --sheet 清单2
check "--sheet unknown: exit 1" is "$RC" 1
check "--sheet unknown: lists the sheets" has "$ERR" "sheets.xlsx：没有名为“清单2”的工作表；工作表有：说明、清单、备用"
run qd import items.csv --sheet 清单
check "--sheet on a CSV: refused" has "$ERR" "items.csv 是 CSV 文件，没有工作表；--sheet 只用于 .xlsx 文件"
run qd --lang en import sheets.xlsx --sheet x
check "--sheet unknown: in English" has "$ERR" "no sheet named \"x\"; the sheets are: 说明, 清单, 备用"
check "one item after all that" is "$(nitems)" 1

# ---- refused whole: nothing written ----
fresh refuse
refused() {   # refused NAME FILE EXPECTED-STDERR
	run qd import "$2"
	check "$1: exit 1" is "$RC" 1
	check "$1: message" has "$ERR" "$3"
	check "$1: nothing written" is "$(nitems)" 0
}
refused ".xls" items.xls "items.xls 是旧版 Excel 97-2003 工作簿（.xls），不能直接导入；请在 WPS/Excel/LibreOffice 中打开，“另存为” .xlsx 或 CSV UTF-8 后再导入"
cp items.csv "$T/text.xlsx"
refused "not a zip" "$T/text.xlsx" "text.xlsx：扩展名是 .xlsx，但文件不是 xlsx 工作簿（不是 zip 格式）"
head -c 3000 items.xlsx >"$T/cut.xlsx"
refused "cut short" "$T/cut.xlsx" "cut.xlsx：xlsx 文件已损坏，无法解压"
# a zip that is no workbook (an .ods, a .docx…)
sqlite3 :memory: "SELECT writefile('$T/other.xlsx', zipfile('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'))" >/dev/null
refused "no workbook" "$T/other.xlsx" "other.xlsx：文件缺少 xl/workbook.xml，不是 Excel 工作簿（.xlsx）"
# malformed XML in the sheet: a copy with its sheet replaced
sqlite3 :memory: "SELECT writefile('$T/xml.xlsx', zipfile(name, CASE WHEN name = 'xl/worksheets/sheet1.xml' THEN CAST('<worksheet><sheetData><row r=\"1\"><c><v>1</c></row>' AS BLOB) ELSE data END)) FROM zipfile('$FIX/items.xlsx')" >/dev/null
refused "bad XML" "$T/xml.xlsx" "xml.xlsx：xl/worksheets/sheet1.xml 第 1 行 XML 格式错误"
# a bad row in a workbook: all or nothing, the row named
sqlite3 :memory: "SELECT writefile('$T/row.xlsx', zipfile(name, CASE WHEN name = 'xl/worksheets/sheet1.xml' THEN CAST(replace(CAST(data AS TEXT), '<c r=\"J3\" s=\"1\" t=\"s\"><v>', '<c r=\"J3\" t=\"inlineStr\"><is><t>半完成</t></is></c><c r=\"Z3\"><v>') AS BLOB) ELSE data END)) FROM zipfile('$FIX/items.xlsx')" >/dev/null
run qd import "$T/row.xlsx"
check "bad row: exit 1" is "$RC" 1
check "bad row: FILE:SHEET:ROW and why" has "$ERR" "row.xlsx:items:3: 状态“半完成”无效"
check "bad row: nothing written" is "$(nitems)" 0

# ---- sign-in sheets and problem lists from xlsx ----
demo_db ma
qd import --meetings meetings.csv >/dev/null 2>&1
MEET_CSV=$(qd meeting list --format tsv)
demo_db mb
run qd import --meetings meetings.xlsx
check "meetings.xlsx imports" is "$RC" 0
check "meetings.xlsx: summary" has "$OUT" "已导入 2 次会议、10 条出席记录（XLSX）"
check "meetings.xlsx: the same meetings as the CSV" is "$(qd meeting list --format tsv)" "$MEET_CSV"
demo_db pa
qd import --problems problems.csv >/dev/null 2>&1
PROB_CSV=$(qd problem list --format tsv)
demo_db pb
run qd import --problems problems.xlsx
check "problems.xlsx imports" is "$RC" 0
check "problems.xlsx: summary" has "$OUT" "已导入 4 个问题、3 项整改措施（XLSX）"
check "problems.xlsx: the same problems as the CSV" is "$(qd problem list --format tsv)" "$PROB_CSV"
run qd import --problems sheets.xlsx --sheet 无
check "--problems --sheet unknown: lists the sheets" has "$ERR" "工作表有：说明、清单、备用"

# ---- qingdan's own export read back ----
demo_db own
run qd export --format xlsx -o "$T/own.xlsx"
check "export xlsx: done" is "$RC" 0
FIRST=$(sqlite3 :memory: "SELECT data FROM zipfile('$T/own.xlsx') WHERE name = 'xl/workbook.xml'" |
	grep -o '<sheet name="[^"]*"' | head -n 1 | cut -d '"' -f 2)
OWN=$(qd item list --format tsv | awk -F '\t' -v o="$FIRST" 'NR == 1 || $2 == o' | cut -f 2-)
fresh back
run qd import "$T/own.xlsx"
check "own export: imports" is "$RC" 0
check "own export: the first sheet is the first list ($FIRST)" has "$ERR" "own.xlsx:$FIRST:"
check "own export: the same items as exported" is "$(items | cut -f 2-)" "$OWN"

# ---- row heights of the export (wrapped 工作措施 must not spill) ----
SHEET1=$(sqlite3 :memory: "SELECT data FROM zipfile('$T/own.xlsx') WHERE name = 'xl/worksheets/sheet1.xml'")
check "export: the header row's height" has "$SHEET1" '<row r="1" ht="20" customHeight="1"'
fresh tall
qd org add 党组 --level party-group >/dev/null 2>&1
qd item add --org 党组 --content 短 >/dev/null 2>&1
qd item add --org 党组 --content 长 --measures "$(printf '第一行\n第二行\n第三行')" >/dev/null 2>&1
qd item add --org 党组 --content "$(printf '%060d' 0 | sed 's/0/很长的责任内容/g' | cut -c 1-300)" >/dev/null 2>&1
run qd export --format xlsx -o "$T/tall.xlsx"
TALL=$(sqlite3 :memory: "SELECT data FROM zipfile('$T/tall.xlsx') WHERE name = 'xl/worksheets/sheet1.xml'")
check "export: a one-line row keeps the default height" has "$TALL" '<row r="2">'
check "export: three lines → 48 pt" has "$TALL" '<row r="3" ht="48" customHeight="1"'
check "export: 100 CJK characters in a 48-wide column wrap to 5 lines → 78 pt" \
	has "$TALL" '<row r="4" ht="78" customHeight="1"'

# ---- the module: loaded only to read a workbook ----
needed=$(readelf -d "$ELF" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
for lib in minizip expat; do
	check "program: does not link $lib ($needed)" hasnt "$needed" "lib$lib"
done
SO=$BUILD/qingdan-sheet.so
so_needed=$(readelf -d "$SO" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
check "module: links minizip and expat" has "$so_needed" "libminizip"
check "module: links expat" has "$so_needed" "libexpat"
check "module: exports its entry point only" \
	is "$(nm -D --defined-only "$SO" | awk '$2 == "T" { print $3 }')" qingdan_sheet_plugin
fresh load
check "CSV import maps no sheet module" \
	is "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$DB" import items.csv --dry-run 2>&1 >/dev/null |
		grep -cE 'file=(libminizip|libexpat|qingdan-sheet)')" 0
check "xlsx import maps the module beside the program" \
	has "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$DB" import items.xlsx --dry-run 2>&1 >/dev/null)" \
	"file=$SO"
BIN=$(qd_without_module qingdan-sheet.so)
mkdir -p "$T/empty"
run env QINGDAN_LIBDIR="$T/empty" "$BIN/qingdan" --today "$TODAY" --db "$DB" import items.xlsx
if [ "$RC" -eq 0 ]; then
	echo "ok   (skipped: a module is installed in the compiled-in folder)"
else
	check "no module: refused (exit 1)" is "$RC" 1
	check "no module: names the files searched" has "$ERR" "$T/empty/qingdan-sheet.so, $BIN/qingdan-sheet.so"
	check "no module: says what to do" has "$ERR" "QINGDAN_LIBDIR"
	run env QINGDAN_LIBDIR="$T/empty" "$BIN/qingdan" --today "$TODAY" --db "$DB" import items.csv --dry-run
	check "no module: CSV still imports" is "$RC" 0
fi

finish

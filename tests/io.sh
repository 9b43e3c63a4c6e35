#!/bin/sh
# tests/io.sh — import, export and print through the real binary: the
# fixtures of tests/data/import (GBK/CRLF as Excel writes it, BOM, the
# malformed ones each with its message), round trips (csv, json), xlsx,
# the checklist as text and as PDF (pdftotext, pdfinfo, pdffonts), and
# --lp through a stub lp on PATH that records its arguments.
. "$(dirname "$0")/lib.sh"
FIX=$(cd "$(dirname "$0")/data/import" && pwd)
# Under ASan or valgrind: fontconfig leaks a few bytes parsing fonts.conf
# (its own, in libexpat callbacks); qingdan frees its font map (doc_pdf.c).

fresh_db() {
	newdb "${1:-fresh}"
	qd init 2>/dev/null
}

items() { qd item list --format tsv | tail -n +2 | wc -l | tr -d ' '; }

# ---- import: what Excel/WPS writes on Chinese Windows ----
fresh_db
cd "$FIX" || exit 1
run qd import excel_gbk.csv
check "gbk: imported in one step" is "$RC" 0
check "gbk: summary names encoding, orgs, new people, warnings" \
	has "$OUT" "已导入 6 项到 2026 年度清单（GB18030，2 个组织），新建人员 4 人，警告 1 条"
check "gbk: title line skipped" has "$ERR" "excel_gbk.csv:1: 提示：跳过表头前的标题行"
check "gbk: unknown column noted" has "$ERR" "excel_gbk.csv:2: 提示：忽略不认识的列“备注”"
check "gbk: words in the due column kept, with a warning" \
	has "$ERR" "excel_gbk.csv:3: 警告：完成时限“长期坚持”不是日期，已作为时限说明保存"
check "gbk: new people reported at first sight" has "$ERR" "excel_gbk.csv:6: 提示：人员“王小红”不在名单中，将新建"
run qd item list --format tsv
check "gbk: dates in every form" has "$OUT" "2026-12-31	planned"
check "gbk: 2026/3/31 and 已销号" has "$OUT" "王小红	李明	2026-03-31	done"
check "gbk: 2026.9.30 and 待审核" has "$OUT" "2026-09-30	submitted"
check "gbk: 已完成 is done" has "$OUT" "修订党组工作规则	张建国	李明	2026-05-20	done"
check "gbk: doubled quotes" has "$OUT" '落实"三会一课"制度'
run qd item show 3
check "gbk: line break inside a quoted cell kept" has "$OUT" "支部委员会每月1次
党员大会每季度1次"
run qd item show 1
check "gbk: comma inside a quoted cell kept" has "$OUT" "党组会议第一议题学习,结合实际研究落实措施"
check "gbk: due text" has "$OUT" "长期坚持"
run qd audit verify
check "gbk: every record audited" is "$RC" 0

run qd import utf8_bom_lf.csv
check "bom/lf: English headers in any order, codes" has "$OUT" "已导入 3 项到 2026 年度清单（UTF-8 (BOM)，2 个组织），新建人员 3 人"
run qd import utf8_crlf_no_org.csv
check "no org column: refused" is "$RC" 1
check "no org column: says to use --org" has "$ERR" "utf8_crlf_no_org.csv:1: 没有“组织”列；请加上这一列，或用 --org 指定组织"
run qd import utf8_crlf_no_org.csv --org 机关党委
check "no org column: --org" has "$OUT" "已导入 2 项到 2026 年度清单（UTF-8，1 个组织），新建人员 1 人"
check "total after three files" is "$(items)" 11

# ---- import: refused whole, with line numbers ----
bad() {   # bad NAME FILE EXPECTED-STDERR
	before=$(items)
	run qd import "$2"
	check "$1: exit 1" is "$RC" 1
	check "$1: message" has "$ERR" "$3"
	check "$1: nothing written" is "$(items)" "$before"
}
bad "unterminated quote" bad_unterminated.csv "bad_unterminated.csv:3: 第 3 行开始的引号没有闭合"
bad "neither UTF-8 nor GBK" bad_encoding.csv "bad_encoding.csv:3: 无法识别的编码：这一行既不是 UTF-8 也不是 GB18030/GBK"
bad "missing content column" bad_no_content.csv "bad_no_content.csv:1: 找不到“责任内容”列"
bad "unknown status" bad_status.csv "bad_status.csv:3: 状态“已完工”无效"
bad "empty file" empty.csv "empty.csv: 文件是空的"
bad "several bad rows" bad_rows.csv "bad_rows.csv：4 行有误，未导入任何内容"
check "bad rows: line 3" has "$ERR" "bad_rows.csv:3: 找不到组织“第九党支部”"
check "bad rows: line 4" has "$ERR" "bad_rows.csv:4: 责任内容为空"
check "bad rows: line 6" has "$ERR" "bad_rows.csv:6: 状态“搁置”无效"
check "bad rows: line 7" has "$ERR" "bad_rows.csv:7: 销号日期“2026-13-45”无效"
check "bad rows: good lines not named" hasnt "$ERR" "bad_rows.csv:5: 找"
run qd person list --format tsv
check "bad rows: the new people were not kept" hasnt "$OUT" "张三"
run qd import bad_rows.csv --dry-run
check "dry run: same verdict" has "$ERR" "4 行有误（检查模式，未写入）"
run qd import utf8_crlf_no_org.csv --org 党组 --dry-run
check "dry run: passes" has "$OUT" "检查通过，未写入：可导入 2 项"
check "dry run: wrote nothing" is "$(items)" 11
run qd import nosuchfile.csv
check "missing file" has "$ERR" "nosuchfile.csv: 无法读取："
cd "$T" || exit 1

# ---- people named twice, in the demo ----
demo_db demo
run qd import "$FIX/ambiguous.csv"
check "ambiguous name: a row error with the candidates" has "$ERR" "ambiguous.csv:2: 责任人“王伟”有重名：#"
check "ambiguous name: 姓名（职务） resolves" hasnt "$ERR" "ambiguous.csv:3:"
check "no such #ID" has "$ERR" "ambiguous.csv:4: 责任人“#99999”：没有这个编号的人员"

# ---- export → import round trips ----
run qd export -o "$T/a.csv"
check "export csv to a file" has "$ERR" "已导出 63 项到"
check "export csv: BOM and header" is "$(head -c 40 "$T/a.csv" | od -An -tx1 | head -1 | tr -d ' ' | cut -c1-6)" "efbbbf"
check "export csv: CRLF" is "$(head -1 "$T/a.csv" | od -An -c | grep -c '\\r')" 1
check "export csv: homonyms told apart" has "$(cat "$T/a.csv")" "王伟（组织委员、数据管理处副处长）"
qd export --format json >"$T/a.json"
A=$DB
fresh_db b
qd org list --format tsv --db "$A" | tail -n +4 | cut -f2 | while read -r o; do
	qd org add "$o" --level branch --parent 机关党委 >/dev/null
done
run qd import "$T/a.csv"
check "round trip: import" is "$RC" 0
qd export -o "$T/b.csv" 2>/dev/null
run cmp "$T/a.csv" "$T/b.csv"
check "round trip: csv export → import → export is the same file" is "$RC" 0
qd export --format json >"$T/b.json"
strip='SELECT json_group_array(json_remove(value, "$.notes")) FROM json_each(readfile(?1))'
ja=$(sqlite3 :memory: "$(echo "$strip" | sed "s|?1|'$T/a.json'|")")
jb=$(sqlite3 :memory: "$(echo "$strip" | sed "s|?1|'$T/b.json'|")")
check "round trip: json the same (notes stay behind)" is "$ja" "$jb"
check "round trip: json has 63 items" is "$(sqlite3 :memory: "SELECT json_array_length(readfile('$T/a.json'))")" 63
check "json: notes exported" is "$(sqlite3 :memory: "SELECT json_array_length(readfile('$T/a.json'), '\$[0].notes')")" 3
check "json: status codes" has "$(cat "$T/a.json")" '"status":"in_progress"'

# ---- xlsx ----
DB=$A
run qd export --format xlsx -o "$T/a.xlsx"
check "xlsx: written" is "$RC" 0
zq() { sqlite3 :memory: "$1"; }
check "xlsx: one sheet per list" is "$(zq "SELECT count(*) FROM zipfile('$T/a.xlsx') WHERE name LIKE 'xl/worksheets/sheet%.xml'")" 6
wb=$(zq "SELECT data FROM zipfile('$T/a.xlsx') WHERE name = 'xl/workbook.xml'")
check "xlsx: sheets named by org" has "$wb" 'name="离退休干部党支部"'
s1=$(zq "SELECT data FROM zipfile('$T/a.xlsx') WHERE name = 'xl/worksheets/sheet1.xml'")
check "xlsx: frozen header" has "$s1" 'state="frozen"'
check "xlsx: column widths set" has "$s1" '<col min="4" max="4" width='
check "xlsx: header row" has "$s1" '<t>责任内容</t>'
check "xlsx: dates are dates" has "$(zq "SELECT data FROM zipfile('$T/a.xlsx') WHERE name = 'xl/styles.xml'")" 'formatCode="yyyy-mm-dd"'
run qd export --format xls
check "export: bad format" is "$RC" 2

# ---- print: text ----
run qd print --person 孙丽华
check "text: title" has "$OUT" "2026年度个人党建责任清单"
check "text: header fields" has "$OUT" "单位：示范市政务服务管理局   姓名：孙丽华   职务：党组成员、副局长"
check "text: a section per list" has "$OUT" "三、机关第三党支部（政策法规）责任清单"
check "text: pledges with proxy" has "$OUT" "乙方代签"
check "text: signature" has "$OUT" "本人签字：＿＿＿＿＿＿"
check "text: the reviewer's signature" has "$OUT" "审核人（支部书记）签字：＿＿＿＿＿＿"
check "text: page and code" has "$OUT" "第 1 页 共 1 页"
code=$(printf '%s\n' "$OUT" | sed -n 's/.*校验码：\([0-9a-f-]*\).*/\1/p')
check "text: the 校验码 is SEQ-HASH16 (64 bits)" is "$(expr "x$code" : 'x[0-9][0-9]*-[0-9a-f]\{16\}$')" "$((${#code} + 1))"
run qd audit verify --code "$code"
check "text: the 校验码 verifies" is "$RC" 0
run qd print --person 孙丽华 --width 120
w=$(printf '%s\n' "$OUT" | grep '^+' | head -1)
check "text: --width 120" is "${#w}" 120
run qd print --person 孙丽华 --width 10
check "text: bad width" is "$RC" 2
run qd print --org 机关第一党支部（办公室）
org_people=$(printf '%s\n' "$OUT" | grep -c '个人党建责任清单')
check "text: --org, members and those with items in its list" test "$org_people" -ge 7
check "text: --org, a form feed between people" is "$(printf '%s' "$OUT" | tr -cd '\f' | wc -c | tr -d ' ')" $((org_people - 1))
run qd print
check "print: needs a scope" is "$RC" 2

# ---- print: PDF ----
run qd print --person 赵立新 -o "$T/z.pdf"
check "pdf: written" is "$RC" 0
txt=$(pdftotext "$T/z.pdf" - | tr -d ' \n')
missing=0
qd item list --person 赵立新 --format tsv | tail -n +2 | cut -f6 | tr -d ' ' >"$T/contents"
n=$(wc -l <"$T/contents" | tr -d ' ')
while read -r c; do has "$txt" "$c" || missing=$((missing + 1)); done <"$T/contents"
check "pdf: every item of the person (owner or lead) is in the text ($n)" is "$missing" 0
check "pdf: items from all three lists" has "$txt" "一、党组责任清单"
check "pdf: his 整改措施 (the demo's measures) their own section" has "$txt" "四、整改措施"
check "pdf: pledges" has "$txt" "五、责任书"
check "pdf: A4" has "$(pdfinfo "$T/z.pdf")" "595.28 x 841.89 pts (A4)"
pages=$(pdfinfo "$T/z.pdf" | sed -n 's/^Pages: *//p')
check "pdf: page label on each page" has "$txt" "第${pages}页共${pages}页"
fonts=$(pdffonts "$T/z.pdf")
check "pdf: the CJK fonts are embedded" is "$(printf '%s\n' "$fonts" | grep -c 'CJK.* yes yes yes')" "$(printf '%s\n' "$fonts" | grep -c CJK)"
check "pdf: the Song body face" has "$fonts" "NotoSerifCJKsc-Regular"

# a long checklist: the table header repeats on every continuation page
for i in $(seq 1 45); do
	qd item add --org 党组 --content "第${i}项长期任务：坚持把学习贯彻党的创新理论作为首要政治任务，持续推进学习型机关建设" \
		--standard "每季度形成学习台账" --owner 宋卫东 --due 2026-12-31 >/dev/null
done
run qd print --person 宋卫东 -o "$T/s.pdf"
pages=$(pdfinfo "$T/s.pdf" | sed -n 's/^Pages: *//p')
check "pdf: long list spans pages" test "$pages" -ge 3
bad_pages=0
for p in $(seq 1 "$pages"); do
	pt=$(pdftotext -f "$p" -l "$p" "$T/s.pdf" - | tr -d ' \n')
	has "$pt" "第${p}页共${pages}页" || bad_pages=$((bad_pages + 1))
	if [ "$p" -lt "$pages" ]; then has "$pt" "责任内容" || bad_pages=$((bad_pages + 1)); fi
done
check "pdf: header and page label on every page" is "$bad_pages" 0
check "pdf: all 45 added items" is "$(pdftotext "$T/s.pdf" - | tr -d ' \n' | grep -ao '项长期任务' | wc -l | tr -d ' ')" 45

run qd print --org 机关第一党支部（办公室） --format pdf -o "$T/o.pdf"
check "pdf: --org, one checklist a person" has "$ERR" "已输出 $org_people 人的清单到"
check "pdf: --org, page numbers restart per person" is "$(pdftotext "$T/o.pdf" - | tr -d ' ' | grep -ao '第1页共' | wc -l | tr -d ' ')" "$org_people"
check "pdf: --org, every person" is "$(pdftotext "$T/o.pdf" - | grep -ac '个人党建责任清单')" "$org_people"
run qd print --all --include-empty -o "$T/all.pdf"
check "pdf: --all --include-empty by file name" is "$(pdftotext "$T/all.pdf" - | grep -ac '个人党建责任清单')" "$(qd person list --format tsv | tail -n +2 | awk -F'\t' '$7 == 1' | wc -l | tr -d ' ')"
qd print --person 赵立新 --format pdf >"$T/stdout.pdf" 2>/dev/null
check "pdf: to stdout" is "$(head -c 5 "$T/stdout.pdf")" "%PDF-"

# ---- --lp through a stub lp ----
mkdir -p "$T/bin"
cat >"$T/bin/lp" <<EOF
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >"$T/lp.args"
for a in "\$@"; do last=\$a; done
cp "\$last" "$T/lp.pdf"
[ -n "\${LP_FAIL:-}" ] && { echo "lp: The printer or class does not exist." >&2; exit 1; }
echo "request id is 办公室打印机-7 (1 file(s))"
EOF
chmod +x "$T/bin/lp"
PATH="$T/bin:$PATH" run qd print --person 赵立新 --lp 办公室打印机
check "lp: sent" is "$RC" 0
check "lp: says where" has "$ERR" "已发送到打印机 办公室打印机：1 人。request id is 办公室打印机-7"
args=$(tr '\n' ' ' <"$T/lp.args")
check "lp: printer and A4" has "$args" "-d 办公室打印机 -o media=A4 -t 2026年度个人党建责任清单 "
check "lp: a PDF was sent" has "$(pdftotext "$T/lp.pdf" -)" "赵立新"
PATH="$T/bin:$PATH" run qd print --org 党组 --lp
# (one argument a line: -d alone, not inside the scratch file's random name)
check "lp: default printer" [ "$(grep -cx -- -d "$T/lp.args")" = 0 ]
PATH="$T/bin:$PATH" LP_FAIL=1 run qd print --person 赵立新 --lp X
check "lp: failure reported" has "$ERR" "打印失败（lp 退出码 1）：lp: The printer or class does not exist."
run qd print --person 赵立新 --lp --format text
check "lp: never plain text" is "$RC" 2
mkdir -p "$T/nolp"     # a PATH without lp (but with valgrind, if QD_BIN needs it)
if v=$(command -v valgrind); then
	for f in "$v" "$v.bin"; do [ -e "$f" ] && ln -sf "$f" "$T/nolp/"; done
fi
ERR=$(PATH="$T/nolp" "$QD" --today "$TODAY" --db "$DB" print --person 赵立新 --lp 2>&1)
check "lp: missing lp" has "$ERR" "无法运行 lp"

# ---- a big file: a progress line on stderr ----
fresh_db big
awk 'BEGIN { print "组织,责任内容,工作措施,责任人,完成时限,状态";
	for (i = 1; i <= 30000; i++)
		printf "党组,第%d项：落实三会一课制度，按季度报送情况，形成专题报告,制定方案，每月调度一次，建立工作台账,张%d,2026-%02d-28,进行中\n", i, i % 50, i % 12 + 1 }' >"$T/big.csv"
run qd import "$T/big.csv" --dry-run
check "big file: progress on stderr" has "$ERR" "导入 $T/big.csv：100%，30000 行"
check "big file: progress in steps of 10%" test "$(printf '%s\n' "$ERR" | grep -c "^导入 $T/big.csv：")" -ge 8
check "big file: checked" has "$OUT" "可导入 30000 项"

# ---- a big load: item's indexes dropped for it and made again in bulk ----
indexes() {
	dbsql "SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'item' ORDER BY name" \
		"SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE tablename = 'item' ORDER BY indexname"
}
idx_before=$(indexes)
run qd import "$T/big.csv"
check "bulk: 30000 rows imported" has "$OUT" "已导入 30000 项"
check "bulk: progress goes to 100% once, over both passes" \
	test "$(printf '%s\n' "$ERR" | grep -c "：100%")" -eq 1
check "bulk: every item index is there again, as it was" is "$(indexes)" "$idx_before"
if sqlite_only "bulk: PRAGMA integrity_check and EXPLAIN QUERY PLAN"; then
	check "bulk: the file is sound" is "$(sqlite3 "$DB" "PRAGMA integrity_check")" "ok"
	check "bulk: the owner index serves a person's list" \
		has "$(sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT id, status FROM item WHERE owner_id = 3")" "item_owner"
fi
check "bulk: search finds the new rows" \
	is "$(qd item list --search 第29999项 --format tsv | tail -n +2 | wc -l | tr -d ' ')" 1
run qd audit verify
check "bulk: the audit chain verifies" is "$RC" 0
# the same with a bad last row: nothing written, the indexes as they were
fresh_db bulkbad
idx_before=$(indexes)
{ cat "$T/big.csv"; echo "党组,最后一行,,张1,2026-13-40,进行中"; echo "党组,,,张1,,进行中"; } >"$T/bigbad.csv"
run qd import "$T/bigbad.csv"
check "bulk: a bad row refuses the whole file" has "$ERR" "行有误，未导入任何内容"
check "bulk: nothing written" is "$(items)" 0
check "bulk: indexes as they were" is "$(indexes)" "$idx_before"

finish

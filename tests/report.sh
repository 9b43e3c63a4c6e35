# tests/report.sh — `report` (issue 12 §5, §6) end to end on the demo, on
# both backends: every number of the sentences equals a count taken
# independently with `item list`, `pledge list`, `meeting list` / `meeting
# check` and `problem list`; --detail names the records behind each figure;
# md and English; --org counts the org and those under it; the PDF passes
# pdftotext and its 校验码 verifies (and stops verifying when a counted
# record changes); the assessment sheet (csv, tsv, xlsx) against the same
# counts and the weights of the settings; zero denominators say 无; bad
# input writes nothing.  --today pinned to 2026-11-15.
. "$(dirname "$0")/lib.sh"

TODAY=2026-11-15
tab=$(printf '\t')
demo_db report
check "demo made" is "$?" 0

# a few problems of our own, whatever the demo has: a caller's, rectified,
# visited and closed; an anonymous one; one half done
run qd problem add --org 机关第一党支部（办公室） --source phone --text 办事窗口排队时间长 \
	--raised-by 张先生 --contact 13800000000 --on 2026-03-02
P1=$OUT
run qd problem add --org 机关第二党支部（业务处室） --source box --text 意见箱：材料一次告知不清 \
	--anonymous --on 2026-04-01
run qd problem add --org 机关第二党支部（业务处室） --source self --text 台账不全 --on 2026-05-01
P3=$OUT
owner=$(qd person list --format tsv | sed -n 2p | cut -f2)
run qd problem measure "$P1" --text 增设叫号窗口 --owner "$owner" --due 2026-06-30
M1=$OUT
# a measure is an item: planned → in progress → submitted → done
finish_item() {
	for st in in_progress submitted done; do
		run qd item set "$1" --status "$st"
	done
}
finish_item "$M1"
run qd problem feedback "$P1" --by "$owner" --result 已改进 --satisfied yes --on 2026-07-01
run qd problem close "$P1" --on 2026-07-02
check "the caller's problem closed" is "$RC" 0
run qd problem measure "$P3" --text 补齐台账 --owner "$owner" --due 2026-12-31
run qd problem measure "$P3" --text 建立月查制度 --owner "$owner" --due 2026-12-31
finish_item "$OUT"
check "a measure done" is "$RC" 0

# ---- the counts, taken independently ----
rows() { printf '%s\n' "$1" | sed 1d | grep -c . ; }
ITEMS=$(qd item list --format tsv)
n_all=$(rows "$ITEMS")
n_cancelled=$(printf '%s\n' "$ITEMS" | awk -F'\t' 'NR > 1 && $10 == "cancelled"' | grep -c .)
n_items=$((n_all - n_cancelled))
n_done=$(rows "$(qd item list --status done --format tsv)")
n_late=$(printf '%s\n' "$ITEMS" | awk -F'\t' 'NR > 1 && $10 == "done" && $11 ~ /(^|,)late(,|$)/' | grep -c .)
n_ontime=$((n_done - n_late))
n_overdue=$(rows "$(qd item list --overdue --format tsv)")
PLEDGES=$(qd pledge list --format tsv)
n_issued=$(printf '%s\n' "$PLEDGES" | awk -F'\t' 'NR > 1 && $7 ~ /^(issued|signed|assessed|archived)$/' | grep -c .)
n_signed=$(printf '%s\n' "$PLEDGES" | awk -F'\t' 'NR > 1 && $7 ~ /^(signed|assessed|archived)$/' | grep -c .)
n_proxy=$(qd pledge list --proxy --format tsv | awk -F'\t' 'NR > 1 && $7 !~ /^(void|draft)$/' | grep -c .)
n_meetings=$(rows "$(qd meeting list --format tsv)")
CHECKS=$(qd meeting check --format tsv)
n_periods=$(rows "$CHECKS")
n_ok=$(printf '%s\n' "$CHECKS" | awk -F'\t' 'NR > 1 && $NF == "ok"' | grep -c .)
PROBLEMS=$(qd problem list --format tsv)
n_problems=$(rows "$PROBLEMS")
n_rectified=$(printf '%s\n' "$PROBLEMS" | awk -F'\t' 'NR > 1 && ($7 == "rectified" || $7 == "closed")' | grep -c .)
n_closed=$(rows "$(qd problem list --status closed --format tsv)")
n_phone=$(rows "$(qd problem list --source phone --format tsv)")
check "the demo has something to count" is "$([ "$n_items" -gt 20 ] && [ "$n_done" -gt 0 ] &&
	[ "$n_overdue" -gt 0 ] && [ "$n_issued" -gt 0 ] && [ "$n_meetings" -gt 0 ] &&
	[ "$n_problems" -ge 3 ] && echo yes)" yes
check "the header of meeting check ends in status" is \
	"$(printf '%s\n' "$CHECKS" | sed -n 1p | awk -F'\t' '{print $NF}')" status

# ---- the sentences ----
run qd report
check "report runs" is "$RC" 0
R=$OUT
check "items" has "$R" "截至2026年11月15日，三张清单共列责任事项${n_items}项〔见 item list --year 2026〕"
check "items done" has "$R" "已销号${n_done}项〔见 item list --year 2026 --status done〕"
check "done on time and late" has "$R" "其中按期销号${n_ontime}项，逾期销号${n_late}项"
check "overdue" has "$R" "逾期未销号${n_overdue}项〔见 item list --year 2026 --overdue〕"
check "cancelled apart" has "$R" "另有已取消事项${n_cancelled}项"
check "the rate" has "$R" "销号率$(awk -v a="$n_done" -v b="$n_items" 'BEGIN { p = int(a * 1000 / b + 0.5) / 10; s = sprintf("%.1f", p); sub(/\.0$/, "", s); print s }')%"
check "pledges" has "$R" "全年发出责任书${n_issued}份〔见 pledge progress --year 2026〕，已签订${n_signed}份"
check "proxy" has "$R" "其中代签${n_proxy}份〔见 pledge list --year 2026 --proxy〕"
check "meetings against the rules" has "$R" "应召开会议${n_periods}次（按周期计）〔见 meeting check --year 2026〕，按期召开${n_ok}次"
check "meetings held" has "$R" "全年共召开各类会议和活动${n_meetings}次〔见 meeting list --year 2026〕"
check "problems" has "$R" "全年收集问题${n_problems}个〔见 problem list --year 2026〕，其中公开电话${n_phone}个"
check "rectified" has "$R" "已整改${n_rectified}个"
check "closed" has "$R" "其中已销号${n_closed}个"
check "no NaN anywhere" hasnt "$R" "nan"
code=$(printf '%s\n' "$R" | sed -n 's/^校验码：\(.*\)$/\1/p')
check "the code is the last figure" is "$(printf '%s\n' "$R" | tail -1)" \
	"以上数据依据的记录可用 qingdan audit verify --code $code 核对。"
run qd audit verify --code "$code"
check "its code verifies" is "$RC" 0
# the per-level sentence: 党组's items, counted with item list --org
n_group=$(qd item list --org 党组 --format tsv | awk -F'\t' 'NR > 1 && $10 != "cancelled"' | grep -c .)
check "by level" has "$R" "分级看，党组清单${n_group}项"

# ---- --detail names the records behind each figure ----
run qd report --detail
check "detail runs" is "$RC" 0
D=$OUT
# the block of a figure: the lines after "NAME（N）：" up to the next heading
block() { printf '%s\n' "$D" | awk -v h="$1" 'index($0, h) == 1 { on = 1; next } on && /^    / { print; next } on { exit }'; }
check "done: a block of its size" is "$(block "已销号（${n_done}）：" | grep -c '^    #')" "$n_done"
missing=
for id in $(qd item list --status done --format tsv | sed 1d | cut -f1); do
	block "已销号（${n_done}）：" | grep -q "^    #$id " || missing="$missing $id"
done
check "done: every done item named" is "$missing" ""
missing=
for id in $(qd item list --overdue --format tsv | sed 1d | cut -f1); do
	block "逾期未销号（${n_overdue}）：" | grep -q "^    #$id " || missing="$missing $id"
done
check "overdue: every overdue item named" is "$missing" ""
missing=
for id in $(qd pledge list --proxy --format tsv | awk -F'\t' 'NR > 1 && $7 !~ /^(void|draft)$/ { print $1 }'); do
	block "代签（${n_proxy}）：" | grep -q "^    #$id " || missing="$missing $id"
done
check "proxy: every proxy pledge named" is "$missing" ""
check "problems: the closed one named" has "$(block "已销号问题（${n_closed}）：")" "#$P1 "
check "meetings: a block of its size" is "$(block "会议和活动（${n_meetings}）：" | grep -c '^    #')" "$n_meetings"
check "periods: one line each" is "$(block "应召开（按周期）（${n_periods}）：" | grep -c .)" "$n_periods"
check "the same sentences as without --detail" has "$D" "$(printf '%s\n' "$R" | sed -n 4p)"

# ---- md, English ----
run qd report --format md
check "md headings" has "$OUT" "## 一、责任清单落实情况"
check "md title" is "$(printf '%s\n' "$OUT" | sed -n 1p)" "# 示范市政务服务管理局2026年度党建工作主要数据"
run qd report --format md --detail
check "md detail as a list" has "$OUT" "- **已销号（${n_done}）：**"
run qd --lang en report
check "English" has "$OUT" "the three lists hold ${n_items} items [see item list --year 2026]"
check "English rates" hasnt "$OUT" "无"

# ---- one org and those under it ----
run qd report --org 机关党委
check "one org runs" is "$RC" 0
n_org=0
for o in 机关党委 机关第一党支部（办公室） 机关第二党支部（业务处室） 机关第三党支部（政策法规） 离退休干部党支部; do
	k=$(qd item list --org "$o" --format tsv | awk -F'\t' 'NR > 1 && $10 != "cancelled"' | grep -c .)
	n_org=$((n_org + k))
done
check "the org and its branches" has "$OUT" "三张清单共列责任事项${n_org}项〔见 item list --year 2026 --org 机关党委〕"
check "the title names the org" is "$(printf '%s\n' "$OUT" | sed -n 1p)" "机关党委2026年度党建工作主要数据"
n_org_problems=$(rows "$(qd problem list --org 机关第二党支部（业务处室） --format tsv)")
run qd report --org 机关第二党支部（业务处室）
check "a branch's problems" has "$OUT" "全年收集问题${n_org_problems}个"
run qd report --org 没有这个组织
check "an unknown org: refused" is "$RC" 1
check "an unknown org: says so" has "$ERR" "没有这个组织"

# ---- PDF: pdftotext finds the sentences, the code verifies ----
run qd report --format pdf -o "$T/report.pdf" --detail
check "pdf written" is "$RC" 0
pcode=$(printf '%s' "$ERR" | sed -n 's/.*校验码 \([0-9a-f-]*\)）.*/\1/p')
check "pdf: the code told" is "$([ -n "$pcode" ] && echo yes)" yes
if command -v pdftotext >/dev/null 2>&1; then
	txt=$(pdftotext "$T/report.pdf" - | tr -d '\n')
	check "pdf: the items sentence" has "$txt" "三张清单共列责任事项${n_items}项"
	check "pdf: the pledges sentence" has "$txt" "全年发出责任书${n_issued}份"
	check "pdf: the problems sentence" has "$txt" "全年收集问题${n_problems}个"
	check "pdf: the code on the page" has "$txt" "校验码：$pcode"
else
	SKIP=$((SKIP + 1))
	echo "skip pdftotext (not installed)"
fi
run qd audit verify --code "$pcode"
check "pdf: its code verifies" is "$RC" 0
run qd report -o "$T/report.pdf"
check "an existing file: refused" is "$RC" 1
check "an existing file: says --force" has "$ERR" "--force"
check "an existing file: left as it was" is "$(head -c 4 "$T/report.pdf")" "%PDF"
run qd report -o "$T/r.md"
check "-o FILE.md is md" has "$(cat "$T/r.md")" "## 二、责任书签订和考核情况"
run qd report --format docx
check "a bad format: usage error" is "$RC" 2
check "a bad format: names the formats" has "$ERR" "text、md、pdf"

# a counted record changed behind the paper: the code no longer verifies
first=$(qd item list --format tsv | sed -n 2p | cut -f1)
run qd item set "$first" --content 改过的内容
run qd audit verify --code "$pcode"
check "a changed item: the code fails" is "$RC" 1

# ---- the assessment sheet ----
run qd report --assess --format tsv
check "assess runs" is "$RC" 0
A=$OUT
check "assess header" is "$(printf '%s\n' "$A" | sed -n 1p)" \
	"id${tab}kind${tab}name${tab}org${tab}items${tab}ontime${tab}late${tab}overdue${tab}ontime_rate${tab}pledges${tab}signed${tab}graded${tab}grade${tab}pledge_rate${tab}periods${tab}held${tab}meeting_rate${tab}hours${tab}norm${tab}problems${tab}rectified${tab}rectify_rate${tab}score"
n_orgs=$(rows "$(qd org list --format tsv)")
check "one row per org" is "$(printf '%s\n' "$A" | awk -F'\t' '$2 == "org"' | grep -c .)" "$n_orgs"
row=$(printf '%s\n' "$A" | awk -F'\t' '$2 == "org" && $3 == "党组"')
check "党组's items" is "$(printf '%s' "$row" | cut -f5)" "$n_group"
o_over=$(qd item list --org 党组 --overdue --format tsv | sed 1d | grep -c .)
check "党组's overdue" is "$(printf '%s' "$row" | cut -f8)" "$o_over"
b2=$(printf '%s\n' "$A" | awk -F'\t' '$2 == "org" && $3 == "机关第二党支部（业务处室）"')
n_b2=$(qd problem list --org 机关第二党支部（业务处室） --format tsv | sed 1d | grep -c .)
check "a branch's problems in the sheet" is "$(printf '%s' "$b2" | cut -f20)" "$n_b2"
check "a person's row" is "$(printf '%s\n' "$A" | awk -F'\t' '$2 == "person"' | grep -c .)" \
	"$(printf '%s\n' "$A" | awk -F'\t' '$2 == "person"' | grep -c .)"
pid=$(qd person list --format tsv | awk -F'\t' -v n="$owner" '$2 == n { print $1; exit }')
p_items=$(qd item list --owner "#$pid" --format tsv | awk -F'\t' 'NR > 1 && $10 != "cancelled"' | grep -c .)
prow=$(printf '%s\n' "$A" | awk -F'\t' -v id="$pid" '$2 == "person" && $1 == id')
check "a person's items are those they own" is "$(printf '%s' "$prow" | cut -f5)" "$p_items"
p_problems=$(qd problem list --person "#$pid" --format tsv | sed 1d | grep -c .)
check "a person's problems: those with their measures" is "$(printf '%s' "$prow" | cut -f20)" "$p_problems"
check "… and the person has some (the demo's and this test's)" test "$p_problems" -ge 2
score=$(printf '%s' "$row" | cut -f23)
run qd setting assess_weight_items 0
check "a weight set" is "$RC" 0
run qd report --assess --format tsv
row2=$(printf '%s\n' "$OUT" | awk -F'\t' '$2 == "org" && $3 == "党组"')
check "the weights change the score" is "$([ "$(printf '%s' "$row2" | cut -f23)" != "$score" ] && echo yes)" yes
run qd setting assess_weight_items 很多
check "a bad weight: usage error" is "$RC" 2
check "a bad weight: says why" has "$ERR" "0 到 1000"
run qd setting assess_weight_items
check "a bad weight: nothing written" is "$OUT" 0
run qd report --assess -o "$T/assess.csv"
check "csv to a file" is "$RC" 0
check "csv: a BOM for Excel" is "$(head -c 3 "$T/assess.csv" | od -An -tx1 | tr -d ' ')" efbbbf
check "csv header" is "$(sed -n 1p "$T/assess.csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')" \
	"id,kind,name,org,items,ontime,late,overdue,ontime_rate,pledges,signed,graded,grade,pledge_rate,periods,held,meeting_rate,hours,norm,problems,rectified,rectify_rate,score"
check "csv: told how many rows" has "$ERR" "（$(sed 1d "$T/assess.csv" | grep -c .) 行）"
run qd report --assess --format xlsx -o "$T/assess.xlsx"
check "xlsx written" is "$RC" 0
check "xlsx is a zip" is "$(head -c 2 "$T/assess.xlsx")" "PK"
if command -v unzip >/dev/null 2>&1; then
	check "xlsx holds the sheet" has "$(unzip -p "$T/assess.xlsx" xl/sharedStrings.xml)" "党组"
fi
run qd report --assess -o "$T/assess.xlsx"
check "xlsx by name, existing: refused" is "$RC" 1
run qd report --assess --format pdf
check "assess in pdf: usage error" is "$RC" 2

# ---- an empty year: words, never NaN ----
newdb empty
run qd init
run qd report
check "empty: runs" is "$RC" 0
check "empty: no item" has "$OUT" "三张清单尚未列入责任事项"
check "empty: no pledge" has "$OUT" "全年尚未发出责任书"
check "empty: no problem" has "$OUT" "全年未收集到问题"
check "empty: no nan" hasnt "$OUT" "nan"
run qd report --assess --format tsv
check "empty: the sheet has the orgs" is "$(printf '%s\n' "$OUT" | sed 1d | grep -c .)" 2
check "empty: rates without a denominator are blank" is "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f9)" ""

finish

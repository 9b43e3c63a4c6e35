# tests/pledge_demo.sh — issue 5's "done when", end to end on the demo:
# issue the 一岗双责 pledge to all 班子成员 in one step, record paper
# signatures (one by proxy), let one signer sign in the interactive screen
# as themself, assess one, void and re-issue one; then pledge list
# --overdue, progress and stats give the right counts, the printed
# pledge's code verifies, and editing the signed text with the sqlite3
# shell makes audit verify fail.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TUI_DRIVER=${QD_BUILD:-$ROOT/build}/tests/t_pledge_tui
nl='
'
count() { printf '%s\n' "$1" | grep -c .; }
col() { printf '%s\n' "$OUT" | awk -F'\t' -v id="$1" -v c="$2" '$1 == id {print $c}'; }

demo_db
sed "s/YEAR/2026/g" "$ROOT/data/demo/pledge_body.txt" | sed '1,2d; /^甲方（签字）/,$d' > "$T/body.txt"
TITLE='《2026年度党风廉政建设“一岗双责”责任书（分工调整后）》'

# ---- 30 June: one step to every 班子成员 ----
run qd pledge add --title "$TITLE" --issuer 赵立新 --signers-post 班子成员 \
	--body-file "$T/body.txt" --due 2026-07-10 --issue
check "one step: exit 0" is "$RC" 0
check "four pledges, ids one a line" is "$OUT" "18${nl}19${nl}20${nl}21"
check "the issuer himself is skipped" has "$ERR" "跳过 赵立新：是甲方本人"
run qd pledge list --issuer 赵立新 --status issued --format tsv
check "all four issued, due 10 July" is "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 + 0 >= 18 {print $5 "/" $6}' | tr '\n' ' ')" \
	"周海燕/2026-07-10 陈晓东/2026-07-10 王伟/2026-07-10 孙丽华/2026-07-10 "
# 18 周海燕, 19 陈晓东, 20 王伟#1, 21 孙丽华

# ---- paper signatures, recorded by the officer ----
TODAY=2026-07-03
for id in 18 19 20 21; do
	run qd pledge sign $id --party issuer --on 2026-07-02
	check "issuer signs #$id on paper" is "$RC" 0
done
run qd pledge sign 19 --party signer --on 2026-07-03
check "陈晓东 signs on paper" is "$RC" 0
run qd pledge sign 21 --party signer --on 2026-07-03 --by 郑国强 \
	--proxy "孙丽华同志在外学习，由郑国强代签，已要求返岗后本人补签"
check "孙丽华's signature by proxy" is "$RC" 0

# ---- 周海燕 signs in the interactive screen as herself ----
run qd person set 周海燕 --login zhouhaiyan
check "周海燕 gets a login" is "$RC" 0
check "the headless TUI driver is built ($TUI_DRIVER)" [ -x "$TUI_DRIVER" ]
run ${QD_VALGRIND:-} "$TUI_DRIVER" drive "$DB" zhouhaiyan 2026-07-03 \
	'view-pledges' ':search #18' ':status sign' '<C-s>'
check "TUI: signing as herself succeeds" is "$RC" 0
check "TUI: the status line says so" has "$OUT" "已签字：责任书 #18"
check "TUI: the screen shows her part signed" has "$OUT" "乙方签字：2026-07-03 周海燕 签字（本人电子签字"
run qd pledge show 18
check "周海燕: signed in person, electronically" has "$OUT" "乙方签字：2026-07-03 周海燕 签字（本人电子签字，周海燕 登记）"
check "…and the pledge is signed" has "$OUT" "2026年度 · 已签订"

# ---- assess one, void and re-issue one ----
run qd pledge assess 19 --grade 优秀 --score 95 --note "履责纪实完整"
check "assess 陈晓东's" is "$RC" 0
run qd pledge reissue 20 --reason "王伟同志分工调整，按新分工重新签订" --due 2026-07-12
check "void and re-issue 王伟's in one step" is "$RC" 0
NEW=$OUT
check "the successor's id" is "$NEW" 22
run qd pledge show 20
check "old one void with its reason" has "$OUT" "作废原因：王伟同志分工调整"
check "old one names its successor" has "$OUT" "后续责任书：#22"
run qd pledge show 22
check "successor issued, nobody signed yet" has "$OUT" "· 待签"

# ---- 15 July: who is late ----
TODAY=2026-07-15
run qd pledge list --overdue --format tsv
check "overdue: the re-issued one and three of the demo" is \
	"$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ')" "3 8 9 22 "
run qd pledge list --format tsv
check "proxy flagged in the listing" is "$(col 21 11)" 1
check "proxy note in the listing" has "$(col 21 12)" "由郑国强代签"
run qd pledge progress
check "progress: 13 of 17 signed, 4 overdue, 2 proxies" is "$OUT" "已签订 13/17 · 逾期未签 4 · 代签 2 · 拟订 2"
run qd stats --format tsv
# signers by branch: 周海燕 1st, 陈晓东/王伟 2nd, 孙丽华 3rd
check "stats header has pledge columns" has "$(printf '%s\n' "$OUT" | head -1)" "$(printf 'pledges_signed\tpledges_issued')"
check "stats: 1st branch 5 of 5" is "$(col 3 8)/$(col 3 9)" "5/5"
check "stats: 2nd branch 5 of 7" is "$(col 4 8)/$(col 4 9)" "5/7"
check "stats: 3rd branch 3 of 4" is "$(col 5 8)/$(col 5 9)" "3/4"

# ---- print, verify, tamper ----
run qd pledge print 21 -o "$T/p21.pdf"
check "print the proxy-signed pledge" is "$RC" 0
CODE=$(printf '%s' "$ERR" | sed -n 's/.*校验码 \([0-9]*-[0-9a-f]*\)）.*/\1/p')
if command -v pdftotext >/dev/null; then
	TXT=$(pdftotext "$T/p21.pdf" - 2>/dev/null | tr -d ' \n')
	check "pdf: the title" has "$TXT" "2026年度党风廉政建设“一岗双责”责任书（分工调整后）"
	check "pdf: both signature dates" has "$TXT" "日期：2026年7月2日"
	check "pdf: the proxy warning" has "$TXT" "乙方代签"
	check "pdf: the code" has "$TXT" "$CODE"
fi
run qd audit verify --code "$CODE"
check "the printed code verifies" is "$RC" 0
run qd audit verify
check "the whole chain verifies" is "$RC" 0
dbsql "UPDATE pledge SET body = replace(body, '每半年至少专题研究1次', '每年研究1次') WHERE id = 19"
run qd audit verify
check "editing the signed text with sqlite3: verify exit 1" is "$RC" 1
check "…names the pledge" has "$ERR" "责任书 #19"
run qd audit verify --code "$CODE"
check "the untouched pledge's code still verifies" is "$RC" 0
run qd pledge show 19
check "show: the text differs from what was signed" has "$OUT" "与签字时不一致"

finish

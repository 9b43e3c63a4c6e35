# tests/pledge.sh — `qingdan pledge …` (DESIGN §5, issue 5) against the demo
# year and fresh files, --today pinned: every command's success path, its
# refusals and exit codes, the listing contract, proxy display, batch
# issue, print and its code, tampering, and enforced-mode permissions.
. "$(dirname "$0")/lib.sh"

nl='
'
line() { printf '%s\n' "$1" | sed -n "${2}p"; }
count() { printf '%s\n' "$1" | grep -c .; }

demo_db
printf '一、乙方对分管领域党风廉政建设负主要领导责任。\n\n二、按要求述责述廉。\n' > "$T/body.txt"

# ---- listing contract ----
run qd pledge list --format tsv
check "list tsv header" is "$(line "$OUT" 1)" "$(printf 'id\tyear\ttitle\tissuer\tsigner\tdue\tstatus\tflags\tissuer_signed\tsigner_signed\tproxy\tproxy_note\tgrade\tscore\tsuccessor')"
check "demo has 17 pledges" is "$(count "$OUT")" 18
check "every row has 15 columns" [ -z "$(printf '%s\n' "$OUT" | awk -F'\t' 'NF != 15')" ]
for st in draft issued signed assessed archived void; do
	check "demo has a $st pledge" has "$OUT" "$(printf '\t%s\t' $st)"
done
check "proxy column 1 for 孙丽华" has "$OUT" "$(printf '\t孙丽华\t2026-03-07\tsigned\t\t2026-03-04\t2026-03-05\t1\t孙丽华同志外出参加培训')"
check "score as a number" has "$OUT" "$(printf '\t基本合格\t78\t')"
check "void links its successor" has "$OUT" "$(printf '\tvoid\t\t\t\t0\t\t\t\t5')"
run qd pledge list --overdue --format tsv
check "overdue: two issued past due" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ')" "3 9 "
check "overdue flag" [ -z "$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$8 != "overdue" || $7 != "issued"')" ]
run qd pledge list --status 待签 --format tsv
check "status filter in Chinese" is "$(count "$OUT")" 4
run qd pledge list --status open
check "bad status is a usage error" is "$RC" 2
run qd pledge list --signer 林涛 --format tsv
check "signer filter" [ -z "$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$5 != "林涛"')" ]
check "signer filter finds 4" is "$(count "$OUT")" 5
run qd pledge list --proxy --format tsv
check "--proxy: only 孙丽华's" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1)" 2
run qd pledge list --search 作风纪律 --format tsv
check "--search in titles" is "$(count "$OUT")" 5
run qd pledge list --search 钱振华 --format tsv
check "--search in names" is "$(count "$OUT")" 3
run qd pledge list --format csv
check "csv header" has "$(line "$OUT" 1)" "id,year,title,issuer,signer,due,status,flags"
run qd pledge list --format json --signer 孙丽华
printf '%s' "$OUT" > "$T/p.json"
check "json valid" is "$(sqlite3 :memory: "select json_valid(readfile('$T/p.json'))")" 1
check "json keys and number id" has "$OUT" '"id":2,"year":2026'
check "json proxy" has "$OUT" '"proxy":1'
run qd pledge list
check "table: Chinese labels" has "$OUT" 已签订
check "table: proxy shown" has "$OUT" 代签
check "table: overdue shown" has "$OUT" 逾期未签
check "table: no English codes" hasnt "$OUT" signed
run qd --lang en pledge list
check "table in English" has "$OUT" "overdue"
run qd pledge progress
check "progress line" is "$OUT" "已签订 10/13 · 逾期未签 2 · 代签 1 · 拟订 2"

# ---- show ----
run qd pledge show 2
check "show proxy line" has "$OUT" "代签：乙方代签：孙丽华同志外出参加培训"
check "show signatures" has "$OUT" "甲方签字：2026-03-04 赵立新 签字（纸质，王芳 登记）"
check "show frozen hash ok" has "$OUT" "与签字时一致"
check "show no colour into a pipe" hasnt "$OUT" "$(printf '\033')"
run qd pledge show 4
check "show void reason" has "$OUT" "作废原因：责任内容漏列"
check "show successor" has "$OUT" "后续责任书：#5"
run qd pledge show 5
check "show predecessor" has "$OUT" "前一版：#4"
run qd pledge show 99
check "show unknown is exit 1" is "$RC" 1
check "show unknown says so" has "$ERR" "找不到责任书 #99"
run qd pledge show abc
check "show bad id is usage" is "$RC" 2

# ---- add: one, batch ----
run qd pledge add --title 单份 --issuer 周海燕 --signer 林涛
check "add prints the id" is "$OUT" 18
run qd pledge show 18
check "add makes a draft" has "$OUT" "2026年度 · 拟订"
run qd pledge add --title 支部书记责任书 --issuer 周海燕 --signers-post 支部书记 --body-file "$T/body.txt" --due 2026-07-15 --issue
check "batch by post exit 0" is "$RC" 0
check "batch prints ids one a line" is "$OUT" "19${nl}20${nl}21${nl}22"
run qd pledge list --format tsv
check "batch: the four branch secretaries" is "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 >= 19 && $1 <= 22 {print $5}' | tr '\n' ' ')" "郑国强 林涛 宋卫东 钱振华 "
check "batch: issued" [ -z "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 >= 19 && $1 <= 22 && $7 != "issued"')" ]
check "batch: due" [ -z "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 >= 19 && $1 <= 22 && $6 != "2026-07-15"')" ]
run qd pledge add --title 支部书记责任书 --issuer 周海燕 --signers-post 支部书记 --body-file "$T/body.txt"
check "the same batch again adds nothing" is "$RC" 1
check "…and says who is skipped" has "$ERR" "跳过 林涛：已有同名责任书 #20（待签）"
check "…and prints no id" is "$OUT" ""
run qd pledge add --title 班子责任书 --issuer 赵立新 --signers-post 班子成员 --body-file "$T/body.txt"
check "班子成员: four, the issuer skipped" is "$(count "$OUT")" 4
check "issuer skipped notice" has "$ERR" "跳过 赵立新：是甲方本人"
run qd pledge add --title 多人 --issuer 周海燕 --signer 杨静 --signer 刘洋 --signer 杨静
check "repeated --signer, each once" is "$(count "$OUT")" 2
run qd pledge add --title 离退休 --issuer 周海燕 --signers-org 离退休干部党支部
check "--signers-org" is "$(count "$OUT")" 7
run qd pledge add --title 纪检 --issuer 周海燕 --signers-post '纪检委员|组织委员'
check "post alternatives" is "$(count "$OUT")" 8
run qd pledge add --title 无人 --issuer 周海燕 --signers-post 不存在
check "no match is exit 1" is "$RC" 1
check "no match says the rule" has "$ERR" 不存在
run qd pledge add --title 无乙方 --issuer 周海燕
check "no signer is a usage error" is "$RC" 2
run qd pledge add --issuer 周海燕 --signer 林涛
check "no title is a usage error" is "$RC" 2
run qd pledge add --title x --issuer 没这人 --signer 林涛
check "unknown issuer exit 1" is "$RC" 1
run qd pledge add --title x --issuer 周海燕 --signer 王伟
check "ambiguous signer lists both" has "$ERR" "#4 王伟"
run qd pledge add --title x --issuer 周海燕 --signer 林涛 --issue
check "issue without text refused" is "$RC" 1
check "…saying to give --body-file" has "$ERR" "--body-file"
run qd pledge add --title x --issuer 周海燕 --signer 林涛 --body-file "$T/none.txt"
check "missing body file exit 1" is "$RC" 1
printf 'GBK \262\342\312\324\n' > "$T/gbk.txt"
run qd pledge add --title x --issuer 周海燕 --signer 林涛 --body-file "$T/gbk.txt"
check "non-UTF-8 text refused" has "$ERR" "不是 UTF-8"
printf '\357\273\277第一条\r\n第二条\r\n\r\n' > "$T/bom.txt"
run qd pledge add --title BOM --issuer 周海燕 --signer 林涛 --body-file "$T/bom.txt"
BOM=$OUT
run qd pledge show "$BOM"
check "BOM and CRLF cleaned" has "$OUT" "正文：${nl}第一条${nl}第二条"
run qd pledge add --title x --issuer 周海燕 --signer 林涛 --due 明天
check "bad due refused" is "$RC" 1

# ---- issue, set ----
run qd pledge issue 18
check "issue an empty text refused" is "$RC" 1
check "…names the fix" has "$ERR" "pledge set 18 --body-file"
run qd pledge set 18 --body-file "$T/body.txt" --due 2026-06-01
check "set a draft" is "$RC" 0
D1=$(qd pledge add --title 草稿一 --issuer 周海燕 --signer 林涛 --body-file "$T/body.txt")
D2=$(qd pledge add --title 草稿二 --issuer 周海燕 --signer 林涛 --body-file "$T/body.txt")
run qd pledge issue "$D1" 6 "$D2"
check "issue several: one bad, none issued" is "$RC" 1
check "…and says which" has "$ERR" "责任书 #6 当前为“已签订”，不能下发"
run qd pledge show "$D1"
check "…the first is still a draft" has "$OUT" 拟订
run qd pledge issue 18 "$D1" "$D2"
check "issue several" is "$RC" 0
run qd pledge list --overdue --format tsv
check "18 now overdue (due 2026-06-01)" has "$OUT" "$(printf '18\t2026\t单份')"
run qd pledge set 1 --title 改标题
check "set a signed pledge refused" is "$RC" 1
check "…frozen, use reissue" has "$ERR" "pledge reissue 1"

# ---- sign ----
run qd pledge sign 10 --party signer
check "sign a draft refused" is "$RC" 1
check "…not issued" has "$ERR" "尚未下发"
run qd pledge sign 1 --party signer
check "sign twice refused" is "$RC" 1
check "…already signed" has "$ERR" "已于 2026-03-04 签字"
run qd pledge sign 19 --party both
check "bad party is usage" is "$RC" 2
run qd pledge sign 19 --party signer --on 2026-07-02
check "future date refused" is "$RC" 1
run qd pledge sign 19 --party signer --by 杨静
check "someone else without --proxy refused" is "$RC" 1
check "…calls it 代签" has "$ERR" 代签
run qd pledge sign 19 --party signer --on 2026/6/28 --by 杨静 --proxy "郑国强出差，杨静代签"
check "proxy signature recorded" is "$RC" 0
run qd pledge sign 19 --party issuer --on 2026-06-28
run qd pledge show 19
check "both signed: 已签订" has "$OUT" "2026年度 · 已签订"
check "proxy note shown" has "$OUT" "代签：乙方代签：郑国强出差，杨静代签"
check "actual signer shown" has "$OUT" "2026-06-28 杨静 签字（纸质"
run qd pledge list --format tsv
check "proxy in tsv" has "$OUT" "$(printf '19\t2026\t支部书记责任书\t周海燕\t郑国强\t2026-07-15\tsigned\t\t2026-06-28\t2026-06-28\t1\t郑国强出差，杨静代签')"
run qd pledge sign 20 --party signer --method fax
check "bad method is usage" is "$RC" 2
run qd pledge sign 20 --party signer --method tui
check "admin cannot e-sign for another" is "$RC" 1

# ---- assess, archive, void, reissue ----
run qd pledge assess 19 --grade 良好
check "bad grade is usage" is "$RC" 2
run qd pledge assess 19 --grade 合格 --score 120
check "bad score is usage" is "$RC" 2
run qd pledge assess 20 --grade 合格
check "assess unsigned refused" is "$RC" 1
run qd pledge assess 19 --grade 优秀 --score 92.5 --note 台账完整
check "assess" is "$RC" 0
run qd pledge list --status assessed --format tsv
check "assessed with grade and score" has "$OUT" "$(printf '\t优秀\t92.5\t')"
run qd pledge archive 19 1
check "archive all-or-nothing (1 not assessed)" is "$RC" 1
run qd pledge archive 19
check "archive" is "$RC" 0
run qd pledge void 19 --reason 误发
check "void archived refused" is "$RC" 1
check "…says why" has "$ERR" "当前为“归档”，不能作废"
run qd pledge void 20
check "void without reason refused" is "$RC" 1
check "…asks for --reason" has "$ERR" "--reason"
run qd pledge void 20 --reason 人员调整 --successor 20
check "void with itself as successor refused" is "$RC" 1
run qd pledge void 20 --reason 人员调整
check "void" is "$RC" 0
run qd pledge void 20 --reason 再次
check "void twice refused" is "$RC" 1
run qd pledge sign 21 --party issuer
printf '一、乙方对分管领域党风廉政建设负主要领导责任（修订）。\n' > "$T/body2.txt"
run qd pledge reissue 21 --reason 正文修订 --body-file "$T/body2.txt"
check "reissue prints the new id" is "$RC:$(count "$OUT")" "0:1"
NEW=$OUT
run qd pledge show 21
check "old one void" has "$OUT" "作废原因：正文修订"
check "old one names successor" has "$OUT" "后续责任书：#$NEW"
check "old text kept as signed" hasnt "$OUT" 修订）。
run qd pledge show "$NEW"
check "successor issued" has "$OUT" "· 待签"
check "successor new text" has "$OUT" "（修订）"
check "successor names predecessor" has "$OUT" "前一版：#21"
check "successor unsigned" has "$OUT" "甲方签字：未签"

# ---- print and the code ----
cd "$T"
run qd pledge print 2
check "print writes pledge-2.pdf" [ -s "$T/pledge-2.pdf" ]
check "print names the file and code" has "$ERR" "已生成 pledge-2.pdf（校验码 "
CODE=$(printf '%s' "$ERR" | sed -n 's/.*校验码 \([0-9]*-[0-9a-f]*\)）.*/\1/p')
check "code looks like SEQ-HASH16 (64 bits)" is "$(expr "x$CODE" : 'x[0-9][0-9]*-[0-9a-f]\{16\}$')" "$((${#CODE} + 1))"
check "pdf is a PDF" is "$(head -c 5 "$T/pledge-2.pdf")" "%PDF-"
if command -v pdftotext >/dev/null; then
	TXT=$(pdftotext "$T/pledge-2.pdf" - 2>/dev/null | tr -d ' \n')
	check "pdf: title" has "$TXT" "2026年度党风廉政建设“一岗双责”责任书"
	check "pdf: parties" has "$TXT" "甲方：赵立新（党组书记、局长）"
	check "pdf: body" has "$TXT" "每年到联系党支部讲党课不少于1次"
	check "pdf: signature dates" has "$TXT" "日期：2026年3月5日"
	check "pdf: proxy warning" has "$TXT" "乙方代签"
	check "pdf: the code" has "$TXT" "$CODE"
fi
run qd audit verify --code "$CODE"
check "code verifies" is "$RC" 0
check "…says unchanged" has "$OUT" "此后未被改动"
run qd pledge print 1 -o "$T/one.pdf"
check "print -o" [ -s "$T/one.pdf" ]
run qd pledge print 1 --format text --width 60
check "text print to stdout" has "$OUT" "负责人（签字）：赵立新"
check "text print has a code" has "$OUT" "校验码："
check "text width 60" [ -z "$(printf '%s\n' "$OUT" | awk 'length($0) > 200')" ]
run qd pledge print 99
check "print unknown exit 1" is "$RC" 1
run qd pledge print 1 --format doc
check "print bad format is usage" is "$RC" 2
cd - >/dev/null

# ---- tampering ----
run qd audit verify
check "verify clean before" is "$RC" 0
dbcopy clean
CLEAN=$COPY
dbsql "UPDATE pledge SET body = replace(body, '不少于1次', '不少于半次') WHERE id = 2"
run qd audit verify
check "edited signed body: verify exit 1" is "$RC" 1
check "…names the pledge" has "$ERR" "责任书 #2"
run qd audit verify --code "$CODE"
check "edited body: code check exit 1" is "$RC" 1
run qd pledge show 2
check "show says the text differs" has "$OUT" "与签字时不一致"
dbrestore "$CLEAN"
dbsql "UPDATE pledge SET signer_signed_on = '2026-02-01' WHERE id = 1"
run qd audit verify
check "edited signature date: verify exit 1" is "$RC" 1
dbrestore "$CLEAN"

# ---- enforced mode: the OS user becomes a non-admin signer ----
run qd pledge add --title 干事责任书 --issuer 周海燕 --signer 王芳 --body-file "$T/body.txt" --issue
MINE=$OUT
run qd person set 王芳 --admin no
check "demote the demo officer (李红梅 stays admin)" is "$RC" 0
run qd pledge sign 3 --party signer
check "non-admin signing someone else's: refused" is "$RC" 1
check "…says only the party or an admin" has "$ERR" "只有本人或管理员"
run qd pledge sign "$MINE" --party issuer
check "non-admin signing the other party: refused" is "$RC" 1
run qd pledge sign "$MINE" --party signer --proxy 代签
check "non-admin proxy refused" is "$RC" 1
run qd pledge sign "$MINE" --party signer --on 2026-06-01
check "e-signature is dated today" is "$RC" 1
run qd pledge add --title x --issuer 周海燕 --signer 林涛
check "non-admin add refused" is "$RC" 1
run qd pledge void 3 --reason x
check "non-admin void refused" is "$RC" 1
run qd audit list --entity pledge --id 3 --format tsv
N3=$(count "$OUT")
run qd pledge sign "$MINE" --party signer
check "own party signs" is "$RC" 0
run qd pledge show "$MINE"
check "…electronically, in person" has "$OUT" "2026-06-30 王芳 签字（本人电子签字，王芳 登记）"
run qd audit list --entity pledge --id 3 --format tsv
check "refusals wrote nothing" is "$(count "$OUT")" "$N3"
run qd pledge list --format tsv
check "everyone may read" is "$RC" 0
run qd audit verify
check "chain intact after all this" is "$RC" 0

finish

#!/bin/sh
# tests/recurring.sh — recurring items (issue 14 point 2): --every on add
# and set, `item period ID PERIOD done|undone`, the current period's
# deadline driving 逾期/临期, 销号 once every period is done, the periods in
# item show, item list --periods, export/import (周期) and the import of
# 每月/每季度 words; every write audited.  Both backends.
. "$(dirname "$0")/lib.sh"

# a --periods listing without its due_text column (the 12th), to match rows
nodt() { printf '%s\n' "$1" | cut -f1-11,13-; }

TODAY=2026-07-07
newdb recurring
qd init 2>/dev/null
qd person add 张三 >/dev/null
qd person add 李四 >/dev/null

# ---- the Done-when check: Q1 done, Q2 not, on 7 July ----
run qd item add --org 党组 --content "每季度召开党建工作领导小组会议" --owner 张三 --lead 李四 --every quarter
check "add --every quarter: exit 0" is "$RC" 0
Q=$OUT
run qd item period "$Q" Q1 done --on 2026-03-25 --note 已召开第一季度会议
check "period Q1 done: exit 0" is "$RC" 0
run qd item show "$Q"
check "show: 逾期 on 7 July (Q2 not done)" has "$OUT" "逾期"
check "show: Q1✓ Q2✗" has "$OUT" "周期：每季度 Q1✓ Q2✗ Q3· Q4·"
check "show: the due is Q2's last day" has "$OUT" "完成时限：2026-06-30"
run qd item list --overdue --format tsv
check "list --overdue has it" has "$OUT" "每季度召开党建工作领导小组会议"
run qd item show "$Q" --format json
check "show json: every" has "$OUT" '"every":"quarter"'
run qd remind --person 张三
check "remind: overdue by Q2's last day" has "$OUT" "2026-06-30 到期，逾期 7 天；Q2 未完成"
check "remind: Q3 (ends 30 September) not yet named" hasnt "$OUT" "Q3"
run qd remind --person 李四 --days 90 --format json
check "remind json: the lead too, Q2 and Q3 within 90 days" has "$OUT" '"periods":"Q2 Q3"' 
run qd item list --periods --format tsv
check "list --periods: every and periods at the end" is "$(printf '%s\n' "$OUT" | head -1)" "$(printf 'id\torg\tyear\tseq\tcategory\tcontent\towner\tlead\tdue\tstatus\tflags\tdue_text\tevery\tperiods')"
check "list --periods: quarter, Q1 done" has "$(nodt "$OUT")" "$(printf 'overdue\tquarter\tQ1')"
run qd item list --format tsv
check "list without --periods: the 12 columns (due_text last)" is "$(printf '%s\n' "$OUT" | head -1 | awk -F'\t' '{print NF}')" 12

# Q2 done late: not overdue any more; Q3 ends 30 September, not due soon on 7 July
run qd item period "$Q" Q2 done --on 2026-07-06
run qd item show "$Q"
check "Q2 done: not overdue" hasnt "$OUT" "逾期"
check "Q2 done: Q1✓ Q2✓ Q3·" has "$OUT" "Q1✓ Q2✓ Q3· Q4·"
check "Q2 done: due moves to Q3" has "$OUT" "完成时限：2026-09-30"
run "$QD" --today 2026-09-25 --db "$DB" item list --format tsv
check "Q3 ends within due_soon_days: 临期" has "$OUT" "$(printf '2026-09-30\tplanned\tdue_soon')"
run "$QD" --today 2026-10-01 --db "$DB" item show "$Q"
check "Q3 missed on 1 October: Q3✗ and 逾期" has "$OUT" "Q3✗"
check "Q3 missed: 逾期" has "$OUT" "逾期"

# undone puts the deadline back
run qd item period "$Q" Q2 undone
check "undone: exit 0" is "$RC" 0
run qd item show "$Q"
check "undone: Q2✗ again" has "$OUT" "Q1✓ Q2✗"

# ---- errors: the period must be the item's kind ----
run qd item period "$Q" 3 done
check "a month on a quarterly item: exit 1" is "$RC" 1
check "a month on a quarterly item: says so" has "$ERR" "不是它的周期；请写 Q1–Q4"
run qd item period "$Q" Q5 done
check "Q5: usage error" is "$RC" 2
check "Q5: says what is valid" has "$ERR" "Q1–Q4（季度）"
run qd item period "$Q" Q3 maybe
check "neither done nor undone: usage error" is "$RC" 2
run qd item period "$Q" Q3 done --on 2026-02-30
check "impossible --on: exit 2 or 1" [ "$RC" -ne 0 ]
run qd item set "$Q" --due 2026-12-31
check "--due on a recurring item: refused" is "$RC" 1
check "--due refused: says why" has "$ERR" "完成时限由各周期决定"
run qd item add --org 党组 --content 一次性事项 --due 2026-08-31
ONE=$OUT
run qd item period "$ONE" Q1 done
check "period of an item that does not repeat: exit 1" is "$RC" 1
check "not recurring: says how" has "$ERR" "--every month|quarter|half|year"
run qd item add --org 党组 --content 坏周期 --every weekly
check "--every weekly: usage error" is "$RC" 2
check "--every weekly: names the choices" has "$ERR" "month（每月）"
run qd item list --format tsv
check "bad --every wrote nothing" hasnt "$OUT" 坏周期

# ---- set --every and none ----
run qd item set "$ONE" --every month
check "set --every month: exit 0" is "$RC" 0
run qd item show "$ONE"
check "monthly: 1✓…: January to June missed on 7 July" has "$OUT" "周期：每月 1✗ 2✗ 3✗ 4✗ 5✗ 6✗ 7· 8·"
run qd item set "$ONE" --every none
run qd item show "$ONE"
check "--every none: no 周期 line" hasnt "$OUT" "周期："
run qd item set "$ONE" --due 2026-08-31
check "--every none: --due allowed again" is "$RC" 0

# ---- every period done: 销号 ----
run qd item add --org 党组 --content 每半年报告一次 --owner 张三 --every half
H=$OUT
qd item period "$H" H1 done --on 2026-06-20 >/dev/null
run qd item period "$H" H2 done --on 2026-07-07
check "H2 done: exit 0" is "$RC" 0
run qd item show "$H" --format tsv
check "all periods done: done" has "$OUT" "$(printf '\tdone\t')"
run qd item period "$H" H2 undone
check "a closed item's period: refused" is "$RC" 1
run qd item add --org 党组 --content 每年一次 --every year
Y=$OUT
run qd item period "$Y" Y done --on 2026-07-01
run qd item show "$Y"
check "yearly: Y done closes it" has "$OUT" "已销号"
check "yearly: Y✓" has "$OUT" "每年 Y✓"

# ---- year copy: a recurring item repeats next year, its periods new ----
run qd year copy 2026 2027
check "year copy: exit 0" is "$RC" 0
run "$QD" --today 2027-01-10 --db "$DB" --year 2027 item list --periods --format tsv
check "year copy: quarterly in 2027, nothing done, due 2027-03-31" has "$(nodt "$OUT")" "$(printf '每季度召开党建工作领导小组会议\t张三\t李四\t2027-03-31\tplanned\t\tquarter\t')"

# ---- audit: every write recorded, the chain holds ----
run qd audit list --entity item_period
check "audit: item_period entries" [ "$(printf '%s\n' "$OUT" | grep -c 事项周期)" -ge 5 ]
run qd audit verify
check "audit verify: ok" is "$RC" 0

# ---- export → import keeps the 周期 ----
run qd export -o "$T/r.csv"
check "export: 周期 header" has "$(head -1 "$T/r.csv")" "周期"
check "export: 每季度 cell" has "$(cat "$T/r.csv")" "每季度"
A=$DB
newdb recurring_b
qd init 2>/dev/null
run qd import "$T/r.csv"
check "import of the export: exit 0" is "$RC" 0
run qd item list --periods --format tsv
check "import: quarterly again" has "$(nodt "$OUT")" "$(printf '每季度召开党建工作领导小组会议\t张三\t李四\t2026-03-31\tplanned\toverdue\tquarter')"
check "import: the one-off stays one-off" has "$(nodt "$OUT")" "$(printf '一次性事项\t\t\t2026-08-31\tplanned\t\t\t')"
qd export -o "$T/r2.csv" 2>/dev/null
check "export → import → export: the 周期 column the same" is "$(cut -d, -f4,13 "$T/r.csv")" "$(cut -d, -f4,13 "$T/r2.csv")"
check "export → import: a closed half-yearly item keeps its kind" has "$(cat "$T/r2.csv")" "每半年报告一次"
check "export: 13 columns" is "$(head -1 "$T/r.csv" | awk -F, '{print NF}')" 13

# ---- import reads 每月 / 每季度 / 按季度 / 每半年 / 每年 from undated rows ----
newdb recurring_c
qd init 2>/dev/null
cat > "$T/words.csv" <<'CSV'
组织,责任内容,工作措施,完成时限
党组,每月研究一次基层党建工作,,
党组,召开党建工作领导小组会议,每季度至少召开一次,
党组,听取支部书记述职,,按季度
党组,开展专题党课,,每半年
党组,召开民主生活会,,每年
党组,按期换届,,2026-11-30
党组,落实“三会一课”制度，每季度报送,,2026年12月
党组,坚持长期学习,,长期坚持
CSV
run qd import "$T/words.csv"
check "words import: exit 0" is "$RC" 0
check "words import: 长期坚持 still warned" has "$ERR" "长期坚持"
check "words import: 每半年 not warned" hasnt "$ERR" "每半年"
run qd item list --periods --format tsv
check "每月 in the content → month" has "$(nodt "$OUT")" "$(printf '每月研究一次基层党建工作\t\t\t2026-01-31\tplanned\toverdue\tmonth')"
check "每季度至少 in the measures → quarter" has "$(nodt "$OUT")" "$(printf '召开党建工作领导小组会议\t\t\t2026-03-31\tplanned\toverdue\tquarter')"
check "按季度 in 完成时限 → quarter" has "$(nodt "$OUT")" "$(printf '听取支部书记述职\t\t\t2026-03-31\tplanned\toverdue\tquarter')"
check "每半年 → half" has "$(nodt "$OUT")" "$(printf '开展专题党课\t\t\t2026-06-30\tplanned\toverdue\thalf')"
check "每年 → year" has "$(nodt "$OUT")" "$(printf '召开民主生活会\t\t\t2026-12-31\tplanned\t\tyear')"
check "a dated row stays one-off" has "$(nodt "$OUT")" "$(printf '按期换届\t\t\t2026-11-30\tplanned\t\t\t')"
check "a dated row with 每季度 in its content stays one-off" has "$(nodt "$OUT")" "$(printf '2026-12-31\tplanned\t\t\t')"
check "长期坚持 does not repeat" has "$(nodt "$OUT")" "$(printf '坚持长期学习\t\t\t\tplanned\t\t\t')"

finish

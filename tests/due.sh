#!/bin/sh
# tests/due.sh — due words (issue 13 item 5): 6月底前, 第三季度, 上半年,
# 年底前, 2026年12月 in the 完成时限 column of an import and in
# `item add/set --due` become the period's last day, the words kept as the
# due text; an impossible date refuses the whole import;
# 长期坚持 stays text with a warning; 每季度 makes the item recurring
# (tests/recurring.sh).
. "$(dirname "$0")/lib.sh"

newdb due
qd init 2>/dev/null
cd "$T" || exit 1
cat > due.csv <<'CSV'
组织,类别,责任内容,完成时限,时限说明
党组,政治建设,任务甲,6月底前,
党组,思想建设,任务乙,第三季度,
党组,组织建设,任务丙,上半年,
党组,作风建设,任务丁,年底前,
党组,纪律建设,任务戊,2026年12月,按季度报送
党组,制度建设,任务己,长期坚持,
党组,制度建设,任务庚,每季度,
CSV
run qd import due.csv
check "import: exit 0" is "$RC" 0
check "import: 7 items" has "$OUT" "已导入 7 项"
check "import: 长期坚持 warned" has "$ERR" "due.csv:7: 警告：完成时限“长期坚持”不是日期"
check "import: 每季度 not warned: the item repeats (tests/recurring.sh)" hasnt "$ERR" "due.csv:8:"
check "import: due words not warned" hasnt "$ERR" "6月底前"
run qd item list --format tsv
check "list: 6月底前 → 2026-06-30" has "$OUT" "$(printf '任务甲\t\t\t2026-06-30')"
check "list: 第三季度 → 2026-09-30" has "$OUT" "$(printf '任务乙\t\t\t2026-09-30')"
check "list: 上半年 → 2026-06-30" has "$OUT" "$(printf '任务丙\t\t\t2026-06-30')"
check "list: 年底前 → 2026-12-31" has "$OUT" "$(printf '任务丁\t\t\t2026-12-31')"
check "list: 2026年12月 → 2026-12-31" has "$OUT" "$(printf '任务戊\t\t\t2026-12-31')"
check "list: 长期坚持 has no date" has "$OUT" "$(printf '任务己\t\t\t\t')"
run qd item show 1
check "show: date and the words" has "$OUT" "2026-06-30（6月底前）"
run qd item show 5
check "show: words joined with the 时限说明 cell" has "$OUT" "2026-12-31（2026年12月；按季度报送）"
run qd item show 6
check "show: 长期坚持 kept as text" has "$OUT" "长期坚持"

# overdue once --today is past the period's last day
run "$QD" --today 2026-07-01 --db "$DB" item list --overdue --format tsv
check "overdue: 6月底前 and 上半年 on 07-01 (and 每季度, its Q1 not done)" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f6 | tr '\n' ' ')" "任务甲 任务丙 任务庚 "
run "$QD" --today 2026-06-30 --db "$DB" item list --overdue --format tsv
check "overdue: none on the last day itself (but the missed Q1 of 每季度)" is "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f6 | tr '\n' ' ')" "任务庚 "
run "$QD" --today 2026-10-01 --db "$DB" item show 2
check "show: 第三季度 逾期 on 10-01" has "$OUT" "逾期"

# an impossible date: the whole file refused, nothing written
cat > bad.csv <<'CSV'
组织,类别,责任内容,完成时限
党组,政治建设,好的一行,6月底前
党组,政治建设,坏的一行,2026/2/30
CSV
run qd import bad.csv
check "impossible: exit 1" is "$RC" 1
check "impossible: FILE:LINE, the cell, what to write" \
	has "$ERR" "bad.csv:3: 完成时限“2026/2/30”不是存在的日期；请写真实的日期（如 2026-06-30）或时限"
run qd item list --format tsv
check "impossible: nothing written" is "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')" 7
printf '组织,责任内容,完成时限\n党组,x,13月\n' > bad13.csv
run qd import bad13.csv
check "impossible: 13月 refused" has "$ERR" "bad13.csv:2: 完成时限“13月”不是存在的日期"

# item add / set --due WORDS
run qd item add --org 党组 --content 任务辛 --due 第三季度
check "add --due 第三季度: ok" is "$RC" 0
ID=$OUT
run qd item show "$ID"
check "add: 2026-09-30 and the words" has "$OUT" "2026-09-30（第三季度）"
run qd item add --org 党组 --content 任务壬 --due 年底前 --due-text 以通知为准
run qd item show "$OUT"
check "add: --due-text wins" has "$OUT" "2026-12-31（以通知为准）"
run qd item add --org 党组 --content 任务癸 --due 2026/2/30
check "add: impossible refused" is "$RC" 1
check "add: impossible message" has "$ERR" "完成时限“2026/2/30”不是存在的日期"
run qd item add --org 党组 --content 任务癸 --due 长期坚持
check "add: words not a period refused" is "$RC" 1
check "add: says to use --due-text" has "$ERR" "--due-text"
run "$QD" --today 2026-06-30 --year 2028 --db "$DB" item add --org 党组 --content 闰年 --due 2月底
check "add: 2月底 of working year 2028" is "$RC" 0
run qd item show "$OUT"
check "add: 2028-02-29" has "$OUT" "2028-02-29（2月底）"
run qd item set "$ID" --due 一季度末
check "set --due 一季度末: ok" is "$RC" 0
run qd item show "$ID"
check "set: 2026-03-31 and the words" has "$OUT" "2026-03-31（一季度末）"
run qd item set "$ID" --due 第五季度
check "set: impossible refused" is "$RC" 1
run qd item show "$ID"
check "set: unchanged after refusal" has "$OUT" "2026-03-31（一季度末）"
run qd item set "$ID" --due 2026-05-01
run qd item show "$ID"
check "set: a plain date keeps the due text" has "$OUT" "2026-05-01（一季度末）"
run qd audit verify
check "audited" is "$RC" 0
finish

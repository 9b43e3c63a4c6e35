# tests/problem_print.sh — `problem print` (issue 12 §4: an org's 问题清单 and
# 整改清单 as one table, text and A4 PDF through pdftotext, the 回访, the
# 校验码 and its check, lp), the per-person checklist's own section of
# rectification measures, and the demo's problems (every source, measures
# in every state, 回访 satisfied and not, one closed, two linked to their
# meetings); --today pinned, on either backend.
. "$(dirname "$0")/lib.sh"

B1='机关第一党支部（办公室）'
B2='机关第二党支部（业务处室）'
demo_db
# ---- the demo's problems ----
check "demo: 10 problems" is "$(dbsql "SELECT count(*) FROM problem")" 10
check "demo: one from every source" is "$(dbsql "SELECT count(DISTINCT source) FROM problem")" 10
check "demo: 14 measures" is "$(dbsql "SELECT count(*) FROM problem_measure")" 14
check "demo: measures in every state" \
	is "$(dbsql "SELECT count(DISTINCT i.status) FROM problem_measure pm JOIN item i ON i.id = pm.item_id")" 5
check "demo: measures are items of 整改清单 lists" \
	is "$(dbsql "SELECT count(*) FROM problem_measure pm JOIN item i ON i.id = pm.item_id JOIN list l ON l.id = i.list_id WHERE l.kind = 'rectify'")" 14
check "demo: a measure overdue" \
	is "$(dbsql "SELECT count(*) FROM problem_measure pm JOIN item i ON i.id = pm.item_id WHERE i.due < '$TODAY' AND i.status IN ('planned','in_progress','submitted')")" 1
check "demo: a measure done late" \
	is "$(dbsql "SELECT count(*) FROM problem_measure pm JOIN item i ON i.id = pm.item_id WHERE i.status = 'done' AND i.done_on > i.due")" 1
check "demo: the cancelled measure has its reason" \
	has "$(dbsql "SELECT detail FROM audit WHERE entity = 'item' AND action = 'cancelled'")" "市委网信办"
check "demo: 回访 satisfied and not" \
	is "$(dbsql "SELECT group_concat(satisfied, ',') FROM (SELECT satisfied FROM problem_feedback ORDER BY satisfied)" \
		"SELECT string_agg(satisfied::text, ',' ORDER BY satisfied) FROM problem_feedback")" "0,1"
check "demo: one closed" is "$(dbsql "SELECT count(*) FROM problem WHERE closed_on IS NOT NULL")" 1
check "demo: two found at their meetings" \
	is "$(dbsql "SELECT count(*) FROM problem p JOIN meeting m ON m.id = p.meeting_id WHERE m.type IN ('org-life', 'democratic-life') AND m.on_date = p.raised_on")" 2
check "demo: the 组织生活会 of branch 2" \
	is "$(dbsql "SELECT count(*) FROM meeting m JOIN org o ON o.id = m.org_id WHERE m.type = 'org-life' AND o.name = '$B2'")" 1
PHONE=$(dbsql "SELECT id FROM problem WHERE source = 'phone'")
check "demo: the 公开电话 problem has two measures" \
	is "$(dbsql "SELECT count(*) FROM problem_measure WHERE problem_id = $PHONE")" 2
check "demo: …and an outside raiser" is "$(dbsql "SELECT raiser_name FROM problem WHERE id = $PHONE")" 张先生
check "demo: …and no 回访 yet" is "$(dbsql "SELECT count(*) FROM problem_feedback WHERE problem_id = $PHONE")" 0
run qd audit verify
check "demo chain verifies" is "$RC" 0

# ---- the list on paper, text ----
run qd problem print --org 机关党委 --format text --width 240
check "text exit 0" is "$RC" 0
check "title" has "$OUT" "机关党委 2026 年问题清单和整改清单"
check "counts: problems" has "$OUT" "问题：3 个"
check "counts: measures" has "$OUT" "整改措施：4 项"
check "counts: rectified" has "$OUT" "已整改：1 个"
check "the columns 问题 | 来源 | 整改措施 | 责任人 | 时限 | 完成情况" \
	is "$(printf '%s\n' "$OUT" | grep -c '^| *问题 *| *来源 *| *整改措施 *| *责任人 *| *时限 *| *完成情况 *|$')" 1
check "the 公开电话 problem" has "$OUT" "政务服务大厅窗口午休时段无人值守"
check "…its source and raiser" has "$OUT" "反映人：张先生"
check "…its first measure" has "$OUT" "推行午间延时服务，窗口实行轮岗值守"
check "…owner and lead" has "$OUT" "牵头：陈晓东"
check "…the measure done, with its day" has "$OUT" "已销号（"
check "…its second measure in progress" has "$OUT" "进行中"
check "…a 回访 due" has "$OUT" "待回访"
check "an unsatisfied 回访" has "$OUT" "回访：不满意"
check "the 回访 table" has "$OUT" "回访情况"
check "…its result" has "$OUT" "希望在机关内网公示"
check "a problem without measures says so" has "$OUT" "（尚未制定整改措施）"
check "an anonymous-free list names raisers" has "$OUT" "反映人：罗文"
check "signature line" has "$OUT" "审核人（签字）"
check "another org's problem absent" hasnt "$OUT" "意识形态"
CODE=$(printf '%s\n' "$OUT" | sed -n 's/.*校验码：\([0-9a-f-]*\).*/\1/p' | tail -1)
check "code looks like SEQ-HASH" is "$(expr "x$CODE" : 'x[0-9][0-9]*-[0-9a-f]\{16\}$')" "$((${#CODE} + 1))"
run qd audit verify --code "$CODE"
check "code verifies" is "$RC" 0

run qd problem print --org 党组 --format text --width 240
check "党组: the overdue measure's row in red" has "$OUT" "! 2. 落实意识形态工作责任制有差距"
check "党组: the overdue count" has "$OUT" "逾期措施：1 项"
check "党组: the cancelled measure" has "$OUT" "已取消"
check "党组: found at the 民主生活会" has "$OUT" "民主生活会"
check "党组: the meeting named" has "$OUT" "会议 #"
run qd problem print --org "$B2" --format text --width 240
check "branch 2: the closed problem" has "$OUT" "〔已销号 2026-06-27〕"
check "branch 2: satisfied 回访" has "$OUT" "回访：满意"
check "branch 2: counts closed" has "$OUT" "已销号：1 个"
run qd problem print --org "$B1" --year 2025 --format text
check "a year without problems says so" has "$OUT" "本年度没有登记问题。"
C2=$(printf '%s\n' "$OUT" | sed -n 's/.*校验码：\([0-9a-f-]*\).*/\1/p' | tail -1)
run qd audit verify --code "$C2"
check "…and its code verifies too" is "$RC" 0
run qd --lang en problem print --org 机关党委 --format text --width 200
check "in English" has "$OUT" "problems and their rectification, 2026"
check "in English: the source label" has "$OUT" "raised by: 张先生"

# the code covers the measures and the 回访: a record changed behind
# qingdan's back fails the check of the paper printed before
dbcopy before
M1=$(dbsql "SELECT min(item_id) FROM problem_measure WHERE problem_id = $PHONE")
dbsql "UPDATE item SET content = '篡改的措施' WHERE id = $M1" >/dev/null
run qd audit verify --code "$CODE"
check "a tampered measure fails the code" is "$RC" 1
dbrestore "$COPY"
dbsql "UPDATE problem_feedback SET result = '篡改' WHERE problem_id IN (SELECT id FROM problem WHERE source = 'mail')" >/dev/null
run qd audit verify --code "$CODE"
check "a tampered 回访 fails the code" is "$RC" 1
dbrestore "$COPY"
run qd audit verify --code "$CODE"
check "restored: the code verifies again" is "$RC" 0

# ---- PDF ----
cd "$T"
run qd problem print --org 机关党委
check "pdf by default to problems-ORG-YEAR.pdf" is "$RC" 0
ORG2=$(dbsql "SELECT id FROM org WHERE name = '机关党委'")
check "…says the file and code" has "$ERR" "已生成 problems-$ORG2-2026.pdf（校验码 "
check "pdf is a PDF" is "$(head -c 5 "$T/problems-$ORG2-2026.pdf")" "%PDF-"
run qd problem print --org 机关党委
check "existing file refused" is "$RC" 1
run qd problem print --org 机关党委 --force
check "--force replaces" is "$RC" 0
PCODE=$(printf '%s\n' "$ERR" | sed -n 's/.*校验码 \([0-9a-f-]*\)）.*/\1/p')
if command -v pdftotext >/dev/null; then
	TXT=$(pdftotext "$T/problems-$ORG2-2026.pdf" - 2>/dev/null | tr -d ' \n')
	check "pdf: title" has "$TXT" "机关党委2026年问题清单和整改清单"
	for w in 问题 来源 整改措施 责任人 时限 完成情况 公开电话 张先生 林涛 徐丽 黄志刚 朱晓燕 电子信箱 回访情况; do
		check "pdf: $w" has "$TXT" "$w"
	done
	check "pdf: the code" has "$TXT" "校验码：$PCODE"
	run qd audit verify --code "$PCODE"
	check "pdf code verifies" is "$RC" 0
	run qd problem print --org 党组 -o "$T/dz.pdf"
	check "党组 pdf" has "$(pdftotext "$T/dz.pdf" - | tr -d ' \n')" "党组2026年问题清单和整改清单"
fi
cd - >/dev/null

# ---- usage ----
run qd problem print
check "no --org is usage" is "$RC" 2
check "…says so" has "$ERR" "problem print 需要 --org ORG"
run qd problem print --org 机关党委 --year 26x
check "bad year is usage" is "$RC" 2
run qd problem print --org 机关党委 --format doc
check "bad format is usage" is "$RC" 2
run qd problem print --org 机关党委 --lp --format text
check "lp never text" is "$RC" 2
run qd problem print --org 不存在的组织 --format text
check "unknown org exit 1" is "$RC" 1
check "…says which" has "$ERR" "不存在的组织"

# ---- --lp through a stub lp ----
mkdir -p "$T/bin"
cat >"$T/bin/lp" <<LP
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >"$T/lp.args"
for a in "\$@"; do last=\$a; done
cp "\$last" "$T/lp.pdf"
echo "request id is 办公室打印机-9 (1 file(s))"
LP
chmod +x "$T/bin/lp"
PATH="$T/bin:$PATH" run qd problem print --org 机关党委 --lp 办公室打印机
check "lp: sent" is "$RC" 0
check "lp: says where" has "$ERR" "已发送到打印机 办公室打印机"
check "lp: printer and A4" has "$(tr '\n' ' ' <"$T/lp.args")" "-d 办公室打印机 -o media=A4"
check "lp: a PDF" is "$(head -c 5 "$T/lp.pdf")" "%PDF-"

# ---- the per-person checklist: the measures as their own section ----
run qd print --person 林涛 --format text --width 280
check "checklist exit 0" is "$RC" 0
check "林涛: a section of measures" has "$OUT" "、整改措施"
check "林涛: the measure he owns" has "$OUT" "推行午间延时服务，窗口实行轮岗值守"
check "林涛: the problem it rectifies" has "$OUT" "政务服务大厅窗口午休时段无人值守"
check "林涛: measures of several orgs name their org" has "$OUT" "机关党委：政务服务大厅"
check "林涛: the measure he leads, marked" has "$OUT" "每月抽查一次值守情况〔牵头〕"
check "林涛: a measure is not in the lists' sections" \
	hasnt "$(printf '%s\n' "$OUT" | sed '/、整改措施/,$d')" "推行午间延时服务"
check "林涛: the section before the pledges" \
	is "$(printf '%s\n' "$OUT" | grep -n -e '、整改措施' -e '责任书' | head -1 | grep -c 整改措施)" 1
LCODE=$(printf '%s\n' "$OUT" | sed -n 's/.*校验码：\([0-9a-f-]*\).*/\1/p' | tail -1)
run qd audit verify --code "$LCODE"
check "checklist code verifies" is "$RC" 0
dbcopy printed
dbsql "UPDATE item SET standard = '篡改' WHERE id = $M1" >/dev/null
run qd audit verify --code "$LCODE"
check "checklist code covers the measures" is "$RC" 1
dbrestore "$COPY"
run qd print --person 陈晓东 --format text --width 280
check "陈晓东 leads a measure" has "$OUT" "推行午间延时服务，窗口实行轮岗值守〔牵头〕"
run qd print --person 蔡明亮 --format text
check "no measures: no such section" hasnt "$OUT" "整改措施"
if command -v pdftotext >/dev/null; then
	run qd print --person 林涛 -o "$T/lt.pdf"
	check "checklist pdf: the section" has "$(pdftotext "$T/lt.pdf" - | tr -d ' \n')" "整改措施"
fi

finish

# tests/meeting_print.sh — `meeting print` (the 会议记录 sheet and the yearly
# 台账, text and PDF, 校验码, lp), `import --meetings` (a sign-in sheet in
# UTF-8 and GBK, every bad row named FILE:LINE, all or nothing) and the
# demo's meetings (issue 11 §7), --today pinned, on either backend.
. "$(dirname "$0")/lib.sh"

nl='
'
B1='机关第一党支部（办公室）'
nmeet() { dbsql "SELECT count(*) FROM meeting"; }
natt() { dbsql "SELECT count(*) FROM attendance"; }

demo_db
# ---- the demo's ledger ----
check "demo: 22 meetings" is "$(nmeet)" 22
check "demo: standings from posts" is "$(dbsql "SELECT count(*) FROM member WHERE committee <> ''")" 16
run qd meeting print --org "$B1" --format text
check "ledger text exit 0" is "$RC" 0
check "ledger: title" has "$OUT" "$B1 2026 年组织生活台账"
check "ledger: 15 meetings of branch 1" has "$OUT" "会议次数：15"
check "ledger: the short 支部党员大会 in red" has "$OUT" "! 2026-03-20 | 支部党员大会"
check "ledger: no March 支委会" hasnt "$OUT" "2026-03-08"
check "ledger: a code" has "$OUT" "校验码："
check "ledger: signature line" has "$OUT" "书记（签字）"
run qd --lang en meeting print --org "$B1" --year 2026 --format text
check "ledger in English" has "$OUT" "meetings and activities of 2026"
run qd meeting print --org 离退休干部党支部 --year 2026 --format text
check "ledger of no meetings says so" has "$OUT" "本年度没有登记会议。"

# ---- the record sheet ----
run qd meeting print 6 --format text --width 100
check "sheet text exit 0" is "$RC" 0
check "sheet: title by type" has "$OUT" "支部党员大会会议记录"
check "sheet: host and recorder" has "$OUT" "主持人：郑国强"
check "sheet: present with names" has "$OUT" "实到：3 人：郑国强、刘洋、杨静"
check "sheet: leave with names" has "$OUT" "请假：1 人：吴敏"
check "sheet: absent counted" has "$OUT" "缺席：8 人："
check "sheet: quorum short" has "$OUT" "法定人数：不足"
check "sheet: leave reason" has "$OUT" "因公出差"
check "sheet: signature lines" has "$OUT" "记录人（签字）"
check "sheet: evidence" has "$OUT" "签到表"
CODE=$(printf '%s\n' "$OUT" | sed -n 's/.*校验码：\([0-9a-f-]*\).*/\1/p' | tail -1)
check "sheet code looks like SEQ-HASH" is "$(expr "x$CODE" : 'x[0-9][0-9]*-[0-9a-f]\{16\}$')" "$((${#CODE} + 1))"
run qd audit verify --code "$CODE"
check "sheet code verifies" is "$RC" 0
cd "$T"
run qd meeting print 6
check "pdf by default to meeting-6.pdf" is "$RC" 0
check "…says the file and code" has "$ERR" "已生成 meeting-6.pdf（校验码 "
check "pdf is a PDF" is "$(head -c 5 "$T/meeting-6.pdf")" "%PDF-"
run qd meeting print 6
check "existing file refused" is "$RC" 1
run qd meeting print 6 --force
check "--force replaces" is "$RC" 0
if command -v pdftotext >/dev/null; then
	TXT=$(pdftotext "$T/meeting-6.pdf" - 2>/dev/null | tr -d ' \n')
	check "pdf: title" has "$TXT" "支部党员大会会议记录"
	for who in 郑国强 刘洋 杨静 吴敏 赵立新 周海燕 李红梅 王芳 黄志刚 欧阳娜娜 何雪 蔡明亮; do
		check "pdf: attendee $who" has "$TXT" "$who"
	done
	check "pdf: the code" has "$TXT" "校验码"
	run qd meeting print --org "$B1" -o "$T/ledger.pdf"
	check "ledger pdf" has "$(pdftotext "$T/ledger.pdf" - | tr -d ' \n')" "2026年组织生活台账"
fi
cd - >/dev/null
run qd meeting print 999 --format text
check "unknown meeting exit 1" is "$RC" 1
check "…says which" has "$ERR" "#999"
run qd meeting print
check "no id nor org is usage" is "$RC" 2
run qd meeting print 6 --org "$B1"
check "both id and org is usage" is "$RC" 2
run qd meeting print --org "$B1" --year 26x
check "bad year is usage" is "$RC" 2
run qd meeting print 6 --format doc
check "bad format is usage" is "$RC" 2
run qd meeting print 6 --lp --format text
check "lp never text" is "$RC" 2

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
PATH="$T/bin:$PATH" run qd meeting print 6 --lp 办公室打印机
check "lp: sent" is "$RC" 0
check "lp: says where" has "$ERR" "已发送到打印机 办公室打印机"
check "lp: printer and A4" has "$(tr '\n' ' ' <"$T/lp.args")" "-d 办公室打印机 -o media=A4"
check "lp: a PDF" is "$(head -c 5 "$T/lp.pdf")" "%PDF-"

# ---- import --meetings ----
cat >"$T/sheet.csv" <<CSV
2026年签到汇总
组织,类型,日期,主题,主持人,记录人,出席,请假,缺席
$B1,支委会,2026-03-09,补开三月支委会,郑国强,刘洋,"郑国强、刘洋、杨静",黄志刚,
$B1,theme-day,2026/6/28,七一主题党日,郑国强,杨静,"郑国强,刘洋，杨静、吴敏",何雪,蔡明亮
CSV
run qd import --meetings "$T/sheet.csv" --dry-run
check "dry run exit 0" is "$RC" 0
check "dry run says so" has "$OUT" "检查通过：可导入 2 次会议、10 条出席记录"
check "dry run wrote nothing" is "$(nmeet)" 22
A0=$(natt)
run qd import --meetings "$T/sheet.csv"
check "import exit 0" is "$RC" 0
check "import summary" has "$OUT" "已导入 2 次会议、10 条出席记录（UTF-8）"
check "two meetings more" is "$(nmeet)" 24
check "ten attendance rows more" is "$(natt)" $((A0 + 10))
check "import: the date read" is "$(dbsql "SELECT on_date FROM meeting WHERE id = 24")" 2026-06-28
check "import: audit rows" is "$(dbsql "SELECT count(*) FROM audit WHERE entity = 'attendance' AND entity_id IN (SELECT id FROM attendance WHERE meeting_id IN (23, 24))")" 10
run qd meeting print 23 --format text
check "imported meeting prints" has "$OUT" "请假：1 人：黄志刚"
run qd audit verify
check "chain verifies after import" is "$RC" 0

# GBK (as Excel on Chinese Windows saves it)
if command -v iconv >/dev/null; then
	sed -n '2,3p' "$T/sheet.csv" | sed 's/补开三月支委会/GBK支委会/' | iconv -f UTF-8 -t GBK >"$T/gbk.csv"
	run qd import --meetings "$T/gbk.csv"
	check "gbk import exit 0" is "$RC" 0
	check "gbk: encoding named" has "$OUT" "GB18030"
	check "gbk: title read" is "$(dbsql "SELECT title FROM meeting WHERE id = 25")" GBK支委会
fi

# headers as a template marks them: a trailing ＊ or *, a note in （…）
# (the same reading as the lists' import)
sed -e '2s/组织,类型,日期/组织＊,类型*,日期（必填）/' -e '2s/出席,/出席(签名),/' "$T/sheet.csv" >"$T/marked.csv"
run qd import --meetings "$T/marked.csv" --dry-run
check "marked headers read" has "$OUT" "检查通过：可导入 2 次会议、10 条出席记录"

# every bad row named, nothing written
cat >"$T/bad.csv" <<CSV
组织,类型,日期,主题,主持人,记录人,出席,请假,缺席
$B1,committee,2026-04-30,好的一行,郑国强,刘洋,郑国强,,
$B1,茶话会,2026-13-01,坏的一行,无名氏,刘洋,"郑国强、郑国强",,
不存在的支部,committee,2026-05-01,,,,,,
$B1,,,没有类型和日期,,,,,
CSV
N0=$(nmeet)
run qd import --meetings "$T/bad.csv"
check "bad file exit 1" is "$RC" 1
check "bad type at line 3" has "$ERR" "bad.csv:3: 会议类型“茶话会”无效"
check "bad date at line 3" has "$ERR" "日期“2026-13-01”无效"
check "unknown host at line 3" has "$ERR" "主持人“无名氏”不在人员名单上"
check "a name twice at line 3" has "$ERR" "“郑国强”在本行出现了两次"
check "unknown org at line 4" has "$ERR" "bad.csv:4: 找不到组织“不存在的支部”"
check "missing type and date at line 5" has "$ERR" "bad.csv:5: 没有填写会议类型；没有填写日期"
check "good line 2 not reported" hasnt "$ERR" "bad.csv:2:"
check "summary counts 3 bad rows" has "$ERR" "3 行有错误，未导入任何会议"
check "all or nothing" is "$(nmeet)" "$N0"
run qd --lang en import --meetings "$T/bad.csv"
check "errors in English" has "$ERR" "bad.csv:3: invalid meeting type"
printf '日期,主题\n2026-01-01,x\n' >"$T/nohead.csv"
run qd import --meetings "$T/nohead.csv"
check "no header found" has "$ERR" "找不到表头"
printf '类型,日期,主题\ncommittee,2026-01-01,x\n' >"$T/noorg.csv"
run qd import --meetings "$T/noorg.csv"
check "no org column" has "$ERR" "noorg.csv:1: 缺少“组织”列"
run qd import --meetings "$T/sheet.csv" --org "$B1"
check "--meetings with --org is usage" is "$RC" 2
run qd import --meetings "$T/missing.csv"
check "missing file exit non-zero" [ "$RC" -ne 0 ]

# the recorder's rights: the demo officer made a plain member may not
# import meetings of branch 1 (she is none of its 书记/副书记/组织委员)
run qd person set 王芳 --admin no
check "demote the demo officer" is "$RC" 0
N0=$(nmeet)
run qd import --meetings "$T/sheet.csv"
check "a non-recorder is refused" is "$RC" 1
check "…says who may" has "$ERR" "sheet.csv:3: 不能登记$B1的会议"
check "…and writes nothing" is "$(nmeet)" "$N0"
# a dry run (read-only) checks the right too, so it never says 检查通过 for a
# sheet the real run would refuse
run qd import --meetings "$T/sheet.csv" --dry-run
check "a dry run says the same" is "$RC" 1
check "…at the same line" has "$ERR" "sheet.csv:3: 不能登记$B1的会议"
check "…and writes nothing" is "$(nmeet)" "$N0"

finish

#!/bin/sh
# tests/print_glyphs.sh — issue 13 items 3 and 4 (the checklist half):
# every character of a real-world name printed (Extension B ideographs
# 𠀀𪚥𡃁, emoji with a skin tone 王👍🏻芳) — back from pdftotext, drawn on
# the page (pdftoppm: the glyphs' area differs from both blank and a hex
# box), the fonts embedded (pdffonts); a character no font has named in a
# warning; a U+202E in a name reversing nothing; a tab as spaces; the
# checklist paper's columns, 2026年3月31日, two signature lines, a cancelled
# item without a box; print --all with and without --include-empty.
. "$(dirname "$0")/lib.sh"

B1='机关第一党支部（办公室）'
demo_db
qd person add '𠀀𪚥𡃁' --post 科员 --org "$B1" >/dev/null
qd person add '王👍🏻芳' --post 科员 --org "$B1" >/dev/null
qd person add '周空白' --post 科员 --org "$B1" >/dev/null
qd person add '私用' --org "$B1" >/dev/null
qd person add "$(printf '\342\200\256')阿里木" --post 科员 --org "$B1" >/dev/null
qd item add --org "$B1" --content "$(printf '学习\t制度\n第二行')" --measures '每月一次集中学习' \
	--standard '形成台账' --owner '𠀀𪚥𡃁' --due 2026-03-31 >/dev/null
qd item add --org "$B1" --content '落实谈心谈话' --owner '王👍🏻芳' --due 2026-12-31 >/dev/null
id=$(qd item add --org "$B1" --content '已撤销的事项' --owner '王👍🏻芳' --due 2026-05-31)
qd item set "$id" --status cancelled --reason 工作调整 >/dev/null
qd item add --org "$B1" --content "$(printf '私用区字符\356\200\200在此')" --owner '私用' >/dev/null
qd item add --org "$B1" --content '倒序测试' --owner '阿里木' >/dev/null

# ---- every character back from the PDF ----
run qd print --person '𠀀𪚥𡃁' -o "$T/a.pdf"
check "ext-b: printed" is "$RC" 0
check "ext-b: no warning" hasnt "$ERR" "无法显示"
txt=$(pdftotext "$T/a.pdf" -)
check "ext-b: pdftotext has 𠀀𪚥𡃁" has "$txt" "𠀀𪚥𡃁"
fonts=$(pdffonts "$T/a.pdf")
check "ext-b: HanaMin embedded" has "$fonts" "HanaMin"
check "ext-b: the Song body face embedded" has "$fonts" "NotoSerifCJKsc-Regular"
run qd print --person '王👍🏻芳' -o "$T/b.pdf"
check "emoji: printed, no warning" is "$RC:$(has "$ERR" 无法显示 && echo warned)" "0:"
check "emoji: pdftotext has 王👍🏻芳 (skin tone kept)" has "$(pdftotext "$T/b.pdf" - | tr -d ' ')" "王👍🏻芳"
check "emoji: an outline emoji font embedded" has "$(pdffonts "$T/b.pdf")" "Symbola"
check "emoji: the digits stay in the text face" has "$(pdftotext "$T/b.pdf" -)" "2026年度个人党建责任清单"

# ---- drawn on the page: the name's area is neither blank nor hex boxes ----
# three one-person papers that differ only in the name: 𪚥, none, U+E000 (a box)
qd person add '𪚥' --org "$B1" >/dev/null
qd person add '□' --org "$B1" >/dev/null
qd person add "$(printf '\356\200\200')" --org "$B1" >/dev/null
render() { # WHO FILE: the top of page 1 as grey pixels, the code line cropped off
	qd print --person "$1" -o "$T/$2.pdf" 2>/dev/null
	pdftoppm -r 40 -gray -f 1 -l 1 -y 0 -H 80 -W 400 "$T/$2.pdf" >"$T/$2.pgm"
}
render '𪚥' g1
render '□' g2
render "$(printf '\356\200\200')" g3
check "page: 𪚥 is drawn (not blank)" test -s "$T/g1.pgm"
check "page: 𪚥 differs from a box" sh -c "! cmp -s '$T/g1.pgm' '$T/g3.pgm'"
check "page: 𪚥 differs from □" sh -c "! cmp -s '$T/g1.pgm' '$T/g2.pgm'"
check "page: the three papers' other pixels agree (same layout)" \
	is "$(wc -c <"$T/g1.pgm")" "$(wc -c <"$T/g3.pgm")"

# ---- a character no font has: named in a warning ----
run qd print --person '私用' -o "$T/p.pdf"
check "missing: still printed" is "$RC" 0
check "missing: the warning names the character and its code point" \
	has "$ERR" "$T/p.pdf：警告：以下字符无法显示：$(printf '\356\200\200') (U+E000)"
check "missing: says what to do" has "$ERR" "fonts-hanazono"
run qd print --person '私用' --format text
check "missing: text has no such warning" hasnt "$ERR" "无法显示"

# ---- bidi: a U+202E in a name reverses nothing ----
run qd print --person '阿里木' -o "$T/r.pdf"
hdr=$(pdftotext -layout "$T/r.pdf" - | grep '姓名')
check "bidi: the header reads in order" has "$hdr" "姓名："
check "bidi: the name reads in order" has "$hdr" "阿里木"
check "bidi: the label before the value" test "${hdr%%姓名*}" != "$hdr"
check "bidi: no reversed name" hasnt "$(pdftotext "$T/r.pdf" -)" "木里阿"
check "bidi: the item reads in order" has "$(pdftotext "$T/r.pdf" -)" "倒序测试"

# ---- the checklist paper ----
lay=$(pdftotext -layout "$T/a.pdf" -)
for col in 责任内容 工作措施 完成标准 完成时限 完成情况 确认; do
	check "paper: column $col" has "$lay" "$col"
done
check "paper: the columns in order on one line" \
	test -n "$(printf '%s\n' "$lay" | grep '责任内容.*工作措施.*完成标准.*完成时限.*完成情况.*确认')"
check "paper: 工作措施 printed" has "$lay" "每月一次集中学习"
check "paper: the date as 2026年3月31日" has "$lay" "2026年3月31日"
check "paper: no ISO date" hasnt "$lay" "2026-03-31"
check "paper: tab as spaces" test -n "$(printf "%s\n" "$lay" | grep "学习 \+制度")"
check "paper: no U+FFFD for the tab" hasnt "$lay" "�"
check "paper: newline as a line break" test -n "$(printf '%s\n' "$lay" | grep '^ *第二行')"
check "paper: 本人 signature" has "$lay" "本人签字"
check "paper: 审核人（支部书记） signature" has "$lay" "审核人（支部书记）签字"
check "paper: two date lines" is "$(printf '%s\n' "$lay" | grep -c '日期：.*日期：')" 1
check "paper: the branch on one line" has "$lay" "所在支部： 机关第一党支部（办公室）"
check "paper: 校验码 kept" has "$lay" "校验码："
lb=$(pdftotext -layout "$T/b.pdf" -)
check "paper: a cancelled item says 已取消" test -n "$(printf '%s\n' "$lb" | grep '已撤销的事项.*已取消')"
check "paper: one box, for the live item only" is "$(printf '%s\n' "$lb" | grep -o '☐' | wc -l | tr -d ' ')" 1
run qd print --person '王👍🏻芳'
check "text: the columns" has "$OUT" "完成情况"
# (at 80 columns the 确认 column may wrap 已取消 onto two lines)
check "text: cancelled without a box" test -n "$(printf '%s\n' "$OUT" | grep '已撤销的事项.*已取' | grep -v '\[ \]')"
check "text: one box" is "$(printf '%s\n' "$OUT" | grep -o '\[ \]' | wc -l | tr -d ' ')" 1
run qd print --person '𠀀𪚥𡃁'
check "text: tab as spaces" has "$OUT" "学习    制度"
check "text: the date as 2026年3月31日" has "$OUT" "2026年3月31日"

# ---- print --all skips the people with nothing ----
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
run qd print --all -o "$T/all.pdf"
check "all: printed" is "$RC" 0
n_all=$(pdftotext "$T/all.pdf" - | grep -ac '个人党建责任清单')
check "all: 周空白 (nothing) left out" hasnt "$(pdftotext "$T/all.pdf" -)" "周空白"
run qd print --all --include-empty -o "$T/alle.pdf"
check "all --include-empty: printed" is "$RC" 0
check "all --include-empty: 周空白 in" has "$(pdftotext "$T/alle.pdf" -)" "周空白"
n_empty=$(pdftotext "$T/alle.pdf" - | grep -ac '个人党建责任清单')
active=$(qd person list --format tsv | tail -n +2 | awk -F'\t' '$7 == 1' | wc -l | tr -d ' ')
check "all --include-empty: everyone active" is "$n_empty" "$active"
check "all: fewer checklists than with --include-empty" test "$n_all" -lt "$n_empty"
check "all: fewer pages too" test "$(pages "$T/all.pdf")" -lt "$(pages "$T/alle.pdf")"
check "all: the count reported" has "$ERR" "已输出 $n_empty 人的清单到"
run qd print --all --include-empty --format text
check "all --include-empty: text too" is "$(printf '%s\n' "$OUT" | grep -c '个人党建责任清单')" "$active"
newdb empty
qd init >/dev/null 2>&1
qd person add 孤单 >/dev/null
run qd print --all
check "all: nobody with anything: says so, names --include-empty" has "$ERR" "--include-empty"
check "all: nobody with anything: exit status" test "$RC" -ne 0
run qd print --all --include-empty
check "all: --include-empty prints the blank one" has "$OUT" "孤单"
finish

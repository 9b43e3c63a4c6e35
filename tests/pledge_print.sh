# tests/pledge_print.sh — `pledge print` as an office prints its 责任书
# (issue 13 §4): many pledges in one document (ids, --all, --status), each
# with its own pages and 校验码; the signature areas (甲方（盖章）, 乙方)
# never alone on a page, the record line in the footer; --lp with the
# `printer` setting as its default, --copies and --duplex, shared by every
# print command.  --today pinned, on either backend.
. "$(dirname "$0")/lib.sh"

demo_db
nlist() { qd pledge list "$@" --format tsv | tail -n +2 | wc -l | tr -d ' '; }

# ---- many pledges in one document ----
run qd pledge print 1 2 --format text
check "two ids: exit 0" is "$RC" 0
check "two ids: two groups" is "$(printf '%s' "$OUT" | grep -c '校验码：')" 2
check "two ids: a form feed between" is "$(printf '%s' "$OUT" | tr -cd '\f' | wc -c | tr -d ' ')" 1
CODES=$(printf '%s' "$OUT" | sed -n 's/.*校验码：\([0-9]*-[0-9a-f]*\).*/\1/p')
C1=$(printf '%s\n' "$CODES" | sed -n 1p) C2=$(printf '%s\n' "$CODES" | sed -n 2p)
check "two ids: two codes" [ -n "$C1" ] && [ "$C1" != "$C2" ]
run qd audit verify --code "$C1"
check "first code verifies" is "$RC" 0
run qd audit verify --code "$C2"
check "second code verifies" is "$RC" 0
check "record line of #1" has "$OUT$(qd pledge print 1 2 --format text)" "编号 #1 · 年度 2026"
check "record line of #2" has "$(qd pledge print 1 2 --format text)" "编号 #2 · 年度 2026"

ALL=$(nlist)
run qd pledge print --all -o "$T/all.pdf"
check "--all: exit 0" is "$RC" 0
check "--all: says how many" has "$ERR" "已生成 $T/all.pdf：$ALL 份责任书"
if command -v pdftotext >/dev/null; then
	check "--all: one code per pledge" is "$(pdftotext "$T/all.pdf" - | grep -c '校验码：')" \
		"$(pdfinfo "$T/all.pdf" | sed -n 's/^Pages: *//p')"
fi
SIGNED=$(nlist --status 已签订)
run qd pledge print --status 已签订 --format text
check "--status: exit 0" is "$RC" 0
check "--status: the signed ones only" is "$(printf '%s' "$OUT" | grep -c '状态 已签订')" "$SIGNED"
check "--status: none other" hasnt "$OUT" "状态 待签"

# ---- refusals write nothing ----
run qd pledge print
check "no selector: usage" is "$RC" 2
check "no selector: says the three forms" has "$ERR" "--all"
run qd pledge print 1 --all
check "ids and --all: usage" is "$RC" 2
run qd pledge print --status 签了
check "bad status: usage" is "$RC" 2
run qd pledge print 999 -o "$T/none.pdf"
check "unknown id: refused" [ "$RC" -ne 0 ]
check "unknown id: no file" [ ! -e "$T/none.pdf" ]
check "unknown id: no temporary left" is "$(ls "$T" | grep -c 'none\.pdf')" 0
run qd --year 2025 pledge print --status 归档 -o "$T/none.pdf"
check "none in that state: refused" [ "$RC" -ne 0 ]
check "none in that state: says so" has "$ERR" "2025 年度没有状态为“归档”的责任书"
check "none in that state: no file" [ ! -e "$T/none.pdf" ]
run qd --year 2025 pledge print --all --format text
check "none that year: says so" has "$ERR" "2025 年度没有责任书"
run qd pledge print 1 --copies 2 -o "$T/c.pdf"
check "--copies without --lp: usage" is "$RC" 2
check "--copies without --lp: says why" has "$ERR" "只用于 --lp"
run qd pledge print 1 --lp --copies 0
check "--copies 0: usage" is "$RC" 2
run qd pledge print 1 --lp --copies 100
check "--copies 100: usage" is "$RC" 2
check "--copies 100: the range" has "$ERR" "1 到 99"
run qd print --all --duplex
check "print --duplex without --lp: usage" is "$RC" 2

# ---- lp: the printer setting, copies, duplex ----
mkdir -p "$T/bin"
cat >"$T/bin/lp" <<LP
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >"$T/lp.args"
echo request id is P-7
LP
chmod +x "$T/bin/lp"
lpargs() { tr '\n' ' ' <"$T/lp.args"; }
PATH="$T/bin:$PATH" run qd pledge print 1 --lp
check "lp: default printer" is "$RC" 0
check "lp: no -d without a setting" hasnt "$(lpargs)" "-d "
check "lp: one copy, one side" hasnt "$(lpargs)" "-n "
qd setting printer 党建办打印机 >/dev/null
PATH="$T/bin:$PATH" run qd pledge print --lp 1 2
check "lp: ids after --lp are ids" is "$RC" 0
check "lp: the setting is the default" has "$(lpargs)" "-d 党建办打印机"
check "lp: says how many" has "$ERR" "已发送到打印机 党建办打印机：2 份责任书。request id is P-7"
PATH="$T/bin:$PATH" run qd pledge print 1 --lp 三楼打印机 --copies 3 --duplex
check "lp: a named printer wins" has "$(lpargs)" "-d 三楼打印机 -n 3 -o media=A4 -o sides=two-sided-long-edge"
PATH="$T/bin:$PATH" run qd pledge print --lp=12 1
check "lp: --lp=NAME for a printer named like an id" has "$(lpargs)" "-d 12 "
PATH="$T/bin:$PATH" run qd print --person 陈晓东 --lp --copies 2
check "print: the setting and copies" has "$(lpargs)" "-d 党建办打印机 -n 2 -o media=A4"
PATH="$T/bin:$PATH" run qd meeting print 6 --lp --duplex
check "meeting print: the setting and duplex" has "$(lpargs)" "-d 党建办打印机 -o media=A4 -o sides=two-sided-long-edge"
PATH="$T/bin:$PATH" run qd problem print --org 机关第一党支部（办公室） --lp --copies 2
check "problem print: copies" has "$(lpargs)" "-d 党建办打印机 -n 2"

# ---- the signatures never stand alone on a page ----
# A body of k paragraphs, k growing until the signatures no longer fit on
# page 1: on every paper the last page holds the last paragraph and both
# signature areas; while the body leaves room, everything is on page 1;
# the record line is in the footer of every page.
if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then
	ID=$(qd pledge add --title 版面测试 --issuer 赵立新 --signer 陈晓东 2>/dev/null)
	one=0 two=0 k=0 alone=0 lastpara=0 footer=0
	while [ $k -lt 60 ] && [ $two -lt 2 ]; do
		k=$((k + 3))
		: >"$T/body.txt"
		i=1
		while [ $i -le $k ]; do
			echo "第${i}段：压紧压实全面从严治党主体责任，落实一岗双责，抓好分管领域党风廉政建设。" >>"$T/body.txt"
			i=$((i + 1))
		done
		qd pledge set "$ID" --body-file "$T/body.txt" >/dev/null 2>&1
		qd pledge print "$ID" -o "$T/k.pdf" --force 2>/dev/null
		n=$(pdfinfo "$T/k.pdf" | sed -n 's/^Pages: *//p')
		last=$(pdftotext -f "$n" -l "$n" "$T/k.pdf" - | tr -d ' \n')
		case $last in *乙方（签字）*) ;; *) alone=$((alone + 1)) ;; esac
		case $last in *"第${k}段"*) ;; *) lastpara=$((lastpara + 1)) ;; esac
		p=1
		while [ $p -le "$n" ]; do
			case $(pdftotext -f $p -l $p "$T/k.pdf" - | tr -d ' \n') in
			*"编号#$ID·年度2026"*) ;; *) footer=$((footer + 1)) ;;
			esac
			p=$((p + 1))
		done
		if [ "$n" = 1 ]; then one=$((one + 1)); else two=$((two + 1)); fi
		if [ "$n" = 2 ] && [ $two = 1 ]; then
			first=$(pdftotext -f 1 -l 1 "$T/k.pdf" - | tr -d ' \n')
			check "at the break: page 1 has no signature" hasnt "$first" "乙方（签字）"
			check "at the break: the last paragraph moved with them" hasnt "$first" "第${k}段"
		fi
	done
	check "one-page bodies were tried" [ $one -ge 2 ]
	check "two-page bodies were tried" [ $two -ge 2 ]
	check "the signatures are on the page of the last paragraph" is "$lastpara" 0
	check "both signature areas on the last page" is "$alone" 0
	check "the record line on every page" is "$footer" 0
	check "甲方 has its seal area" has "$(pdftotext "$T/k.pdf" - | tr -d ' \n')" "甲方（盖章）："
fi

finish

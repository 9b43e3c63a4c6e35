#!/bin/sh
# tests/remind.sh — reminders (issue 14.3): `remind --person X` lists
# exactly X's overdue and due-soon items (what `item list --person X
# --overdue` and `--due-soon` list), the pledges waiting for X's signature,
# the meetings X's branch still owes this period when X sits on its
# committee; everyone's run holds the same blocks; text and JSON; errors.
# On the demo, with today pinned at 2026-07-07 and again at 2026-11-20.
. "$(dirname "$0")/lib.sh"

TODAY=2026-07-07
demo_db remind

# JSON is read with jq; without it those checks are counted skipped
if command -v jq >/dev/null 2>&1; then HAVE_JQ=1; else HAVE_JQ=; fi
jq_check() {
	[ -n "$HAVE_JQ" ] && { check "$@"; return; }
	SKIP=$((SKIP + 1))
	echo "skip $1 (jq not installed)"
}
json_ok() {
	if [ -n "$HAVE_JQ" ]; then printf '%s' "$1" | jq . >/dev/null 2>&1
	else printf '%s' "$1" | python3 -m json.tool >/dev/null 2>&1; fi
}

run qd remind
check "remind: exit 0" is "$RC" 0
check "remind: a block dated today" has "$OUT" "截至 2026-07-07 的待办："
check "remind: headings" has "$OUT" "  逾期 "
check "remind: no stderr" is "$ERR" ""
ALL_TEXT=$OUT

run qd remind --format json
check "remind json: exit 0" is "$RC" 0
check "remind json: parses" json_ok "$OUT"
ALL_JSON=$OUT

ids() { sort -n | tr '\n' ' '; }

# every active person, on both days: remind's items are item list's
PEOPLE=$(qd person list --format tsv | awk -F'\t' 'NR > 1 && $7 == 1 {print $1}')
for day in 2026-07-07 2026-11-20; do
	TODAY=$day
	all=$(qd remind --format json)
	bad= busy=0
	for id in $PEOPLE; do
		want_o=$(qd item list --person "#$id" --overdue --format tsv | awk 'NR > 1 {print $1}' | ids)
		want_s=$(qd item list --person "#$id" --due-soon --format tsv | awk 'NR > 1 {print $1}' | ids)
		one=$(qd remind --person "#$id" --format json)
		[ -n "$HAVE_JQ" ] || continue
		got_o=$(printf '%s' "$one" | jq -r '.[0].overdue[].id' | ids)
		got_s=$(printf '%s' "$one" | jq -r '.[0].due_soon[].id' | ids)
		[ "$got_o" = "$want_o" ] || bad="$bad #$id overdue [$got_o] != [$want_o];"
		[ "$got_s" = "$want_s" ] || bad="$bad #$id due soon [$got_s] != [$want_s];"
		# everyone's run holds the same block (or none when there is nothing)
		mine=$(printf '%s' "$all" | jq -c ".[] | select(.id == $id)")
		blk=$(printf '%s' "$one" | jq -c '.[0] | select((.overdue + .due_soon + .pledges + .meetings) | length > 0)')
		[ "$mine" = "$blk" ] || bad="$bad #$id block differs in the whole run;"
		[ -z "$want_o$want_s" ] || busy=$((busy + 1))
	done
	jq_check "$day: every person's overdue and due-soon are item list's" is "$bad" ""
	jq_check "$day: people with items to do" [ "$busy" -ge 3 ]
done
TODAY=2026-07-07

# one person in text: 李红梅 by her initials
run qd remind --person lhm
check "person: exit 0" is "$RC" 0
check "person: found by initials" has "$OUT" "李红梅（机关第一党支部（办公室）·机关党委专职副书记） 截至 2026-07-07 的待办："
check "person: overdue heading" has "$OUT" "  逾期 2 项："
check "person: an overdue line" has "$OUT" "#26 机关党委 按时足额收缴党费，每半年公布党费收缴情况  2026-07-04 到期，逾期 3 天"
check "person: a cut content ends in …" has "$OUT" "#29 机关党委 开展党员组织关系排查，核对全国党员管理…  2026-07-12 到期，还剩 5 天"
check "person: due soon heading with the days" has "$OUT" "  临期 1 项（7 天内到期）："
check "person: only hers" is "$(printf '%s\n' "$OUT" | grep -c '截至')" 1
check "person: the same block in everyone's run" has "$ALL_TEXT" "$OUT"
check "person: text is valid UTF-8" sh -c 'printf "%s" "$1" | python3 -c "import sys; sys.stdin.buffer.read().decode(\"utf-8\")"' _ "$OUT"

# --days widens due soon, as the setting does for item list
run qd remind --person lhm --days 60 --format json
W60=$(printf '%s' "$OUT" | jq -r '.[0].due_soon[].id' 2>/dev/null | ids)
qd setting due_soon_days 60 >/dev/null 2>&1
L60=$(qd item list --person lhm --due-soon --format tsv | awk 'NR > 1 {print $1}' | ids)
qd setting due_soon_days 7 >/dev/null 2>&1
jq_check "--days 60: more due soon" [ "$(printf '%s' "$W60" | wc -w)" -gt 1 ]
jq_check "--days 60: item list --due-soon with due_soon_days 60" is "$W60" "$L60"
run qd remind --person lhm --days 60
check "--days 60: heading" has "$OUT" "天内到期）"
check "--days 60: the 60" has "$OUT" "（60 天内到期）"

# nobody to do: no block in the whole run; named: 暂无待办
run qd remind --person 何雪
check "nothing: exit 0" is "$RC" 0
check "nothing: 暂无待办" has "$OUT" "暂无待办"
check "nothing: not in everyone's run" hasnt "$ALL_TEXT" "何雪（"
run qd remind --person 何雪 --format json
jq_check "nothing json: one block of empty lists" is \
	"$(printf '%s' "$OUT" | jq -c '.[0] | [.person, .overdue, .due_soon, .pledges, .meetings]' 2>/dev/null)" \
	'["何雪",[],[],[],[]]'

# pledges: every issued pledge not signed by a party is waiting on that party
WANT_PL=$(qd pledge list --status issued --format json | jq -r '.[] |
	(select(.signer_signed == "") | "\(.signer)|\(.id)|signer"),
	(select(.issuer_signed == "" and .issuer != .signer) | "\(.issuer)|\(.id)|issuer")' | sort | tr '\n' ' ')
GOT_PL=$(printf '%s' "$ALL_JSON" | jq -r '.[] | .person as $p | .pledges[] | "\($p)|\(.id)|\(.party)"' | sort | tr '\n' ' ')
jq_check "pledges: waiting ones are pledge list's issued, unsigned ones" is "$GOT_PL" "$WANT_PL"
jq_check "pledges: some are waiting" [ "$(printf '%s' "$GOT_PL" | wc -w)" -ge 2 ]
run qd remind --person 赵立新
check "pledges: the issuer's line, overdue" has "$OUT" "#3 《2026年度党风廉政建设“一岗双责”责任书》（甲方）  签订期限 2026-07-01，逾期未签 6 天"
check "pledges: heading" has "$OUT" "  待签责任书 "
run qd remind --person 赵立新 --format json
jq_check "pledges json: overdue flag and party" is \
	"$(printf '%s' "$OUT" | jq -c '.[0].pledges[] | select(.id == 3) | [.party, .sign_due, .overdue, .days_left]' 2>/dev/null)" \
	'["issuer","2026-07-01",true,-6]'

# meetings: a 书记 gets meeting check's rows of the period holding today
for day in 2026-07-07 2026-11-20; do
	TODAY=$day
	case $day in
	2026-07-07) periods='["2026-07","2026-Q3"]' ;;
	*) periods='["2026-11","2026-Q4","2026-H2","2026"]' ;;
	esac
	WANT_M=$(qd meeting check --org '机关第一党支部（办公室）' --format json |
		jq -r ".[] | select(.status != \"ok\") | select(.period as \$p | $periods | index(\$p)) | \"\(.type) \(.period)\"" | sort | tr '\n' ' ')
	GOT_M=$(qd remind --person 郑国强 --format json | jq -r '.[0].meetings[] | "\(.type) \(.period)"' | sort | tr '\n' ' ')
	jq_check "$day meetings: the 书记's are meeting check's open rows of now" is "$GOT_M" "$WANT_M"
	jq_check "$day meetings: some" [ "$(printf '%s' "$GOT_M" | wc -w)" -ge 2 ]
	GOT_N=$(qd remind --person 李红梅 --format json | jq -c '.[0].meetings')
	jq_check "$day meetings: none without a committee role" is "$GOT_N" "[]"
done
TODAY=2026-07-07
run qd remind --person 郑国强
check "meetings: heading" has "$OUT" "  本期未开会议 "
check "meetings: a line" has "$OUT" "机关第一党支部（办公室） 支委会 2026-07：已开 0 次"
check "meetings: a year rule is not named in July" hasnt "$OUT" "组织生活会 2026："
# take the committee role away: no meetings
qd person set 郑国强 --committee none >/dev/null 2>&1
run qd remind --person 郑国强
check "meetings: gone with the role" hasnt "$OUT" "本期未开会议"

# item list --due-soon: only 临期 rows, none overdue
run qd item list --due-soon --format tsv
check "item list --due-soon: exit 0" is "$RC" 0
check "item list --due-soon: rows" [ "$(printf '%s\n' "$OUT" | wc -l)" -ge 3 ]
check "item list --due-soon: every row due soon" is \
	"$(printf '%s\n' "$OUT" | awk -F'\t' 'NR > 1 && $11 != "due_soon"' | wc -l)" 0
check "item list --due-soon: as many as the flags say" is "$(printf '%s\n' "$OUT" | awk 'NR > 1' | wc -l)" \
	"$(qd item list --format tsv | awk -F'\t' 'NR > 1 && $11 == "due_soon"' | wc -l)"

# errors: usage, exit 2, nothing on stdout
run qd remind --days x
check "--days x: exit 2" is "$RC" 2
check "--days x: says so" has "$ERR" "--days 的值“x”无效"
check "--days x: no stdout" is "$OUT" ""
run qd remind --days 400
check "--days 400: exit 2" is "$RC" 2
run qd remind --format csv
check "--format csv: exit 2" is "$RC" 2
check "--format csv: names the choices" has "$ERR" "可用 text、json"
run qd remind --person 不存在的人
check "unknown person: exit 1" is "$RC" 1
check "unknown person: says so" has "$ERR" "找不到人员“不存在的人”"
run qd remind --help
check "--help: usage" has "$OUT" "qingdan remind [--person WHO] [--days N] [--format text|json]"
run qd --lang en remind --person lhm
check "english: heading" has "$OUT" "overdue, 2:"

finish

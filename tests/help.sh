# tests/help.sh — the command line as a Unix program reads it (issue 14
# §1): `qingdan help CMD` and `CMD --help` print that command's usage;
# every option a usage line names is one its parser takes, and every
# option the parser takes is on its usage line (`qingdan __options CMD`
# prints what the parser takes), so help, man page and completion — all
# made from the usage lines — cannot drift from the parser; --opt=value
# and -- are understood.
. "$(dirname "$0")/lib.sh"

# ---- help per command ----
run qd help item
check "help item: exit 0" is "$RC" 0
check "help item: item add" has "$OUT" "qingdan item add --org ORG"
check "help item: nothing of pledge" hasnt "$OUT" "qingdan pledge"
ITEM=$OUT
run qd help pledge
check "help pledge differs from help item" [ "$OUT" != "$ITEM" ]
check "help pledge: pledge print" has "$OUT" "qingdan pledge print (ID … | --all | --status S)"
run qd help item add
check "help item add: one line" is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 1
run qd item --help
check "item --help: exit 0" is "$RC" 0
check "item --help: the group's lines" is "$OUT" "$ITEM"
run qd item
check "item alone: usage error" is "$RC" 2
check "item alone: says a subcommand is needed" has "$ERR" "“item”需要子命令"
check "item alone: lists them" has "$ERR" "qingdan item list"
run qd item frob
check "unknown subcommand: exit 2" is "$RC" 2
check "unknown subcommand: named" has "$ERR" "“item”没有子命令“frob”"
run qd help frob
check "help of no command: exit 2" is "$RC" 2
run qd item add --help
check "item add --help: exit 0" is "$RC" 0
check "item add --help: its usage" has "$OUT" "item add --org ORG --content TEXT"
run qd help
check "help: every group in the command list" has "$OUT" "category, person"
check "help: report and problem listed" has "$(printf '%s' "$OUT" | head -2)" "problem, report"

# ---- the usage lines and the parsers agree ----
# (the global options --db --year --today --lang stand anywhere; --output
# is -o's long form; --format and --help are every command's)
opts_of() { grep -oE -- '(^|[ [(|])--?[a-z][a-z-]*' | sed 's/^[ [(|]//' |
	sed 's/^--output$/-o/' | grep -vxE -- '--format|--help|-h|--db|--year|--today|--lang' | sort -u; }
bad=0 n=0
qd help | grep '^  qingdan ' | while read -r _ w1 w2 _; do
	if qd help "$w1" "$w2" >/dev/null 2>&1; then cmd="$w1 $w2"; else cmd=$w1; fi
	echo "$cmd"
done | sort -u >"$T/cmds"
while read -r cmd; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	usage=$(qd help $cmd | opts_of)
	# shellcheck disable=SC2086
	parsed=$(qd __options $cmd 2>/dev/null | opts_of)
	if [ "$usage" != "$parsed" ]; then
		bad=$((bad + 1))
		echo "  $cmd: usage [$(echo $usage)] parser [$(echo $parsed)]"
	fi
done <"$T/cmds"
check "every command was compared" [ "$n" -ge 50 ]
check "usage lines name exactly what the parsers take" is "$bad" 0
run qd __options item add
check "__options: a real list" has "$OUT" "--due-text"

# ---- --opt=value and -- ----
newdb
qd org add 党组 --level party-group >/dev/null 2>&1
qd person add 张三 --org 党组 >/dev/null 2>&1
run qd item add --org=党组 --content=学习贯彻 --owner=张三 --due=2026-09-30
check "--opt=value: added" is "$RC" 0
run qd item list --format=tsv
check "--format=tsv" has "$OUT" "学习贯彻"
check "--opt=value: the due date" has "$OUT" "2026-09-30"
run qd item add --org 党组 --content "a=b" --owner 张三
check "= inside a value is kept" is "$RC" 0
run qd item list --search "a=b" --format tsv
check "… and found" has "$OUT" "a=b"
run qd item note 1 -- --这条备注以短横开头
check "--: a value that starts with a dash" is "$RC" 0
run qd item show 1
check "… is the note" has "$OUT" "--这条备注以短横开头"
run qd "--db=$DB" item list --format tsv
check "--db=FILE" has "$OUT" "学习贯彻"

finish

# tests/duty.sh — the 三张清单 are the duty lists (issue 12): an item of
# an org's 整改清单 (a list of kind 'rectify', a problem's measure) never
# shows in item list, its search, stats (every --by), org and person list
# counts, print or export, and year copy leaves it behind; `item list
# --kind rectify|all` and `stats --kind rectify|all` show it.  The rectify
# list and its item are made behind qingdan's back (dbsql), as problem
# measure would make them.  Both backends (lib.sh newdb).
. "$(dirname "$0")/lib.sh"
tab=$(printf '\t')
line() { printf '%s\n' "$OUT" | sed -n "$1p"; }
rows() { printf '%s\n' "$OUT" | sed 1d | grep -c . ; }

newdb duty
run qd init
qd org add 第一党支部 --level branch --parent 机关党委 >/dev/null
qd person add 张三 --org 第一党支部 >/dev/null
qd person add 李四 --post 上级联系领导 >/dev/null
run qd item add --org 第一党支部 --content 落实三会一课责任事项 --owner 张三 --due 2026-12-31
check "duty item added" is "$RC" 0
duty=$OUT
# the rectify list of the same org and year, with one overdue measure
# owned by 张三 and led by 李四 (the only item 李四, of no org, has)
dbsql "INSERT INTO list(org_id, year, title, kind) SELECT id, 2026, '2026年度第一党支部整改清单', 'rectify'
	FROM org WHERE name = '第一党支部';
INSERT INTO item(list_id, seq, category, content, owner_id, lead_id, status, due, created_at, updated_at)
	SELECT l.id, 1, '整改', '建立公开电话整改台账措施', (SELECT id FROM person WHERE name = '张三'),
	(SELECT id FROM person WHERE name = '李四'), 'planned', '2026-01-31',
	'2026-01-02 09:00:00', '2026-01-02 09:00:00' FROM list l WHERE l.kind = 'rectify';"
if [ -z "$QD_TEST_PG" ]; then
	sqlite3 "$DB" "INSERT INTO item_fts(rowid, content) SELECT id, content FROM item
		WHERE content = '建立公开电话整改台账措施'"
fi
run dbsql "SELECT id FROM item WHERE content = '建立公开电话整改台账措施'"
measure=$OUT
check "fixture: the measure exists" test -n "$measure"

# ---- item list ----
run qd item list --format tsv
check "item list: duty only" is "$(rows)" 1
check "item list: the duty item" has "$OUT" "落实三会一课责任事项"
check "item list: no measure" hasnt "$OUT" "整改台账"
run qd item list --kind duty --format tsv
check "item list --kind duty: duty only" is "$(rows)" 1
run qd item list --kind rectify --format tsv
check "item list --kind rectify: the measure only" is "$(rows)" 1
check "item list --kind rectify: its id" is "$(line 2 | cut -f1)" "$measure"
run qd item list --kind all --format tsv
check "item list --kind all: both" is "$(rows)" 2
run qd item list --kind 整改 --format tsv
check "item list: bad --kind refused" is "$RC" 2
check "item list: bad --kind says what to use" has "$ERR" "duty, rectify, all"
for f in "--person 李四" "--owner 张三" "--overdue" "--search 公开电话" "--search 台账" \
	"--org 第一党支部" "--category 整改" "--all-years"; do
	# shellcheck disable=SC2086
	run qd item list $f --format tsv
	check "item list $f: no measure" hasnt "$OUT" "整改台账"
	# shellcheck disable=SC2086
	run qd item list $f --kind rectify --format tsv
	check "item list $f --kind rectify: the measure" has "$OUT" "整改台账"
done
run qd item show "$measure" --format tsv
check "item show: a measure is shown by its id" has "$OUT" "整改台账"

# ---- stats ----
run qd stats --by org --format tsv
check "stats by org: one item" has "$OUT" "第一党支部${tab}1${tab}0${tab}0"
run qd stats --by person --format tsv
check "stats by person: 张三 one item" has "$OUT" "张三${tab}1${tab}0${tab}0"
run qd stats --by category --format tsv
check "stats by category: no 整改 group" hasnt "$OUT" "整改"
run qd stats --by org --kind rectify --format tsv
check "stats --kind rectify by org: one overdue" has "$OUT" "第一党支部${tab}1${tab}0${tab}1"
run qd stats --by person --kind all --format tsv
check "stats --kind all by person: 张三 two" has "$OUT" "张三${tab}2${tab}0${tab}1"
run qd stats --by category --kind rectify --format tsv
check "stats --kind rectify by category: 整改" has "$OUT" "整改${tab}1"
run qd stats --kind 全部
check "stats: bad --kind refused" is "$RC" 2
check "stats: bad --kind says what to use" has "$ERR" "duty, rectify, all"

# ---- org and person counts ----
run qd org list --format tsv
check "org list: one item" has "$OUT" "第一党支部${tab}branch${tab}机关党委${tab}1"
run qd person list --format tsv
check "person list: 张三 one item, none overdue" has "$OUT" "张三${tab}${tab}第一党支部${tab}${tab}0${tab}1${tab}1${tab}0${tab}0"
check "person list: 李四 none" has "$OUT" "李四${tab}上级联系领导${tab}${tab}${tab}0${tab}1${tab}0${tab}0${tab}0"

# ---- print and export ----
run qd print --person 张三 --format text -o "$T/zhang.txt"
check "print --person: written" is "$RC" 0
check "print --person: the duty item" has "$(cat "$T/zhang.txt")" "落实三会一课"
check "print --person: no measure" hasnt "$(cat "$T/zhang.txt")" "整改台账"
run qd print --org 第一党支部 --format text -o "$T/org.txt"
check "print --org: 李四 (only a measure) not printed" hasnt "$(cat "$T/org.txt")" "李四"
check "print --org: no measure" hasnt "$(cat "$T/org.txt")" "整改台账"
for fmt in csv json; do
	run qd export --format "$fmt" -o "$T/x.$fmt"
	check "export $fmt: written" is "$RC" 0
	check "export $fmt: the duty item" has "$(cat "$T/x.$fmt")" "落实三会一课"
	check "export $fmt: no measure" hasnt "$(cat "$T/x.$fmt")" "整改台账"
done

# ---- year copy: the duty lists only ----
run qd year copy 2026 2027
check "year copy" is "$RC" 0
run dbsql "SELECT count(*) FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2027"
check "year copy: the duty item only" is "$OUT" 1
run dbsql "SELECT count(*) FROM list WHERE year = 2027 AND kind = 'rectify'"
check "year copy: no rectify list" is "$OUT" 0

# ---- item add goes to the duty list, not the rectify one ----
run qd item add --org 第一党支部 --content 第二项责任事项
check "item add after a rectify list" is "$RC" 0
run dbsql "SELECT l.kind FROM item i JOIN list l ON l.id = i.list_id WHERE i.id = $OUT"
check "item add: to the duty list" is "$OUT" duty

finish

#!/bin/sh
# tests/dbcopy.sh — `db copy FROM TO` and `backup` through the same path
# (issue 9 §5), with the real binary:
#  - a demo database copied gives the same item, person, pledge, org and
#    audit listings and stats, its chain verifies, and a write goes on
#    from there; the one-line summary names tables and rows; stdout stays
#    empty;
#  - a non-empty target is refused (exit 1, what to do) and left as it was;
#    a missing FROM says so and creates nothing; FROM = TO is refused; a
#    copy with a wrong number of operands is a usage error;
#  - a progress line on a terminal (a pty through script(1)), none
#    otherwise;
#  - a source changed behind qingdan is copied as it is, and the message
#    says that its own chain fails the same way (exit 1);
#  - SQLite → TARGET → SQLite gives back the same `item list --format tsv`
#    and a verifying chain, TARGET being a PostgreSQL database under
#    QD_TEST_PG (`make test-pg`), else a SQLite file; backup of TARGET
#    writes a SQLite file that verifies.
. "$(dirname "$0")/lib.sh"

# newdb NAME sets DB to a fresh target (tests/lib.sh; this fallback for a
# lib.sh without it gives a path that does not exist yet)
if ! type newdb >/dev/null 2>&1; then
	newdb() { DB="$T/${1:-db}.db"; rm -f "$DB"*; }
fi

# views DB: what the listings show of a database, in one text
views() {
	for v in "item list --format tsv" "item list --all-years --format tsv" "person list --format tsv" \
		"org list --format tsv" "pledge list --all-years --format tsv" "audit list --format tsv" \
		"stats --by person --format tsv" "setting"; do
		echo "== $v"
		# shellcheck disable=SC2086
		"$QD" --today "$TODAY" --db "$1" $v 2>&1
	done
}

# ---- a demo database, copied ----
SRC="$T/office.db"
"$QD" --today "$TODAY" --db "$SRC" init --demo 2>/dev/null
newdb copy
DST=$DB
run "$QD" db copy "$SRC" "$DST"
check "copy: exit 0" is "$RC" 0
check "copy: stdout stays empty" is "$OUT" ""
check "copy: one line naming tables and rows" has "$ERR" "已复制 $SRC → $DST：20 张表，共"
check "copy: says the chain verified" has "$ERR" "操作日志校验通过"
check "copy: no progress line without a terminal" hasnt "$ERR" "正在复制"
views "$SRC" >"$T/src.views"
views "$DST" >"$T/dst.views"
check "copy: the same listings" cmp -s "$T/src.views" "$T/dst.views"
check "copy: listings are not empty" test "$(grep -c . "$T/dst.views")" -gt 200
run "$QD" --db "$DST" audit verify
check "copy: audit verify passes on the copy" is "$RC" 0
check "copy: every record checked" has "$OUT" "校验通过"
run "$QD" --db "$DST" --today "$TODAY" item list --search 理论学习 --format tsv
check "copy: search finds what the source finds" is "$OUT" "$("$QD" --today "$TODAY" --db "$SRC" item list --search 理论学习 --format tsv)"
check "copy: search finds something" test "$(printf '%s\n' "$OUT" | wc -l)" -gt 1

# ---- refusals ----
views "$DST" >"$T/before.views"
run "$QD" db copy "$SRC" "$DST"
check "non-empty target: exit 1" is "$RC" 1
check "non-empty target: says why and what to do" has "$ERR" "不是空库（setting 表已有数据），未作改动；db copy 只复制到空库"
views "$DST" >"$T/after.views"
check "non-empty target: left as it was" cmp -s "$T/before.views" "$T/after.views"

run "$QD" db copy "$T/nope.db" "$T/new.db"
check "missing FROM: exit 1" is "$RC" 1
check "missing FROM: says so" has "$ERR" "源库 $T/nope.db 不存在，未作任何改动"
check "missing FROM: nothing created" test ! -e "$T/new.db"
check "missing FROM: nothing created beside" is "$(ls -A "$T" | grep -c 'new\.db')" 0

run "$QD" db copy "$SRC" "$T/./office.db"
check "FROM = TO: exit 1" is "$RC" 1
check "FROM = TO: says so" has "$ERR" "同一个数据库"

run "$QD" db copy "$SRC"
check "one operand: usage error" is "$RC" 2
run "$QD" db copy "$SRC" "$T/a.db" "$T/b.db"
check "three operands: usage error" is "$RC" 2
check "three operands: nothing created" test ! -e "$T/a.db"
run "$QD" --lang en db copy "$SRC" "$DST"
check "english: the refusal" has "$ERR" "is not empty (table setting has rows); nothing was changed"

# ---- progress on a terminal ----
rm -f "$T/tty.db"
run script -qec "'$QD' db copy '$SRC' '$T/tty.db'" /dev/null
check "tty: progress per table" has "$OUT" "正在复制 item：77/77…"
check "tty: the check announced" has "$OUT" "正在校验复制的数据和操作日志…"
check "tty: the line is cleared before the summary" has "$OUT" "$(printf '\r\033[Kqingdan: 已复制')"

# ---- a source changed behind qingdan ----
sqlite3 "$SRC" "UPDATE item SET content = '在 qingdan 之外改过' WHERE id = 5"
newdb tampered
run "$QD" db copy "$SRC" "$DB"
check "tampered source: exit 1" is "$RC" 1
check "tampered source: the copy is faithful and says so" has "$ERR" "源库本身同样不通过，复制如实"
check "tampered source: names the record" has "$ERR" "事项 #5 在 qingdan 之外被修改"
run "$QD" --today "$TODAY" --db "$DB" item show 5 --format tsv
check "tampered source: copied as it is" has "$OUT" "在 qingdan 之外改过"
sqlite3 "$SRC" "UPDATE item SET content = (SELECT json_extract(detail, '\$.content') FROM audit WHERE entity = 'item' AND entity_id = 5 AND action = 'add') WHERE id = 5"
run "$QD" --db "$SRC" audit verify
check "tampered source: put back" is "$RC" 0

# ---- SQLite → target → SQLite, and backup of the target ----
newdb round
MID=$DB
run "$QD" db copy "$SRC" "$MID"
check "round trip: there" is "$RC" 0
run "$QD" db copy "$MID" "$T/back.db"
check "round trip: back" is "$RC" 0
check "round trip: the same item list" is "$("$QD" --today "$TODAY" --db "$T/back.db" item list --format tsv)" "$("$QD" --today "$TODAY" --db "$SRC" item list --format tsv)"
views "$T/back.db" >"$T/back.views"
check "round trip: the same listings" cmp -s "$T/src.views" "$T/back.views"
run "$QD" --db "$T/back.db" audit verify
check "round trip: the chain verifies" is "$RC" 0
run "$QD" --db "$MID" backup "$T/mid-backup.db"
check "backup of the target: exit 0" is "$RC" 0
check "backup of the target: says so" has "$ERR" "已备份到 $T/mid-backup.db"
check "backup of the target: a SQLite file" is "$(head -c 15 "$T/mid-backup.db")" "SQLite format 3"
run "$QD" --db "$T/mid-backup.db" audit verify
check "backup of the target: it verifies" is "$RC" 0
run "$QD" --db "$MID" backup "$T/mid-backup.db"
check "backup again: refused without --force" is "$RC" 1
check "backup again: says so" has "$ERR" "已存在；要替换请加 --force"

# ---- a write on a copy ----
# A copy is the same database (its db_uuid came along), so this user's
# audit anchor follows it: once a copied file has moved on, the source looks
# cut off behind it and is refused, as an old backup is — nobody goes on
# working on the file that was moved.  (back.db: a SQLite file in both
# modes; a server database keeps no local anchor.)
# (every item: item list shows the duty lists, the demo's measures come after them)
LAST=$("$QD" --today "$TODAY" --db "$SRC" item list --all-years --kind all --format tsv | cut -f1 | sort -n | tail -n 1)
run "$QD" --today "$TODAY" --db "$T/back.db" item add --org 机关党委 --content "复制之后的新事项"
check "write on the copy: the next id" is "$OUT" "$((LAST + 1))"
run "$QD" --db "$T/back.db" audit verify
check "write on the copy: the chain goes on verifying" is "$RC" 0
run "$QD" --today "$TODAY" --db "$SRC" item list
check "write on the copy: the source is refused as stale" is "$RC" 1
check "write on the copy: says why" has "$ERR" "操作日志已被截断或改写"
run "$QD" --db "$SRC" audit verify
check "write on the copy: the source can still be inspected" has "$OUT$ERR" "已被截断或改写"

finish

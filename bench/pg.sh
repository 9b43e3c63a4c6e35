#!/bin/sh
# bench/pg.sh — issue 9 §7: the figures of DESIGN §8 on PostgreSQL beside
# SQLite, in one run, on the same data.  A throwaway cluster (fsync off, Unix
# socket: the server's own costs, not a disk's or a network's) gets the
# dataset by `qingdan db copy` (timed too).  Each command runs interleaved
# with its twin on the other backend and with the bare query on each
# (sqlite3, psql: process start, connection and the same rows), by
# bench/race.c; then the screen's first paint and key latency
# (bench/tui_bench.c) on both; then the statements each command sends to
# the server (the server's own statement log), which must not grow with
# the rows shown.
#   sh bench/pg.sh            (M: 50k items this year, 200 people)
#   PG_BENCH_SIZE=L sh bench/pg.sh   (the L file of bench/run.sh; the copy takes minutes)
#   PG_TUI=0 leaves out the screen (BENCH_QUICK does)
set -eu
cd "$(dirname "$0")/.."
SIZE=${PG_BENCH_SIZE:-M}
B=build/bench
QD=$PWD/build/qingdan
N=${N:-21}
make -s build/qingdan build/qingdan-print.so build/bench/gen build/bench/race build/bench/tui_bench >/dev/null
mkdir -p "$B"
F=$B/$SIZE.db
if [ ! -s "$F" ]; then
	echo "building the $SIZE dataset..."
	rm -f "$F"*
	build/bench/gen "$SIZE" "$F" 2>/dev/null
fi
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
C=$(mktemp -d "${TMPDIR:-/tmp}/qdpgbench.XXXXXX")
SOCK=$(sh scripts/pg_cluster.sh start "$C" $$)
trap 'sh scripts/pg_cluster.sh stop "$C"; rm -rf "$C"' EXIT INT TERM
psql -X -q -h "$SOCK" -d postgres -c 'CREATE DATABASE qdbench'
U="postgresql:///qdbench?host=$SOCK"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

s=$(date +%s%N)
"$QD" db copy "$F" "$U" 2>/dev/null
e=$(date +%s%N)
ROWS=$(sqlite3 "$F" "SELECT (SELECT count(*) FROM item) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM note) + (SELECT count(*) FROM person)")
echo "== $SIZE: db copy SQLite → PostgreSQL of $ROWS rows (items, notes, people, log) in $(((e - s) / 1000000)) ms, verified"
psql -X -q -h "$SOCK" -d qdbench -c 'ANALYZE'

OWNER=$(sqlite3 "$F" "SELECT i.owner_id FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2026 AND i.owner_id IS NOT NULL LIMIT 1 OFFSET 77")
BARE="SELECT i.id, o.name, l.year, i.seq, i.category, i.content, ow.name, ld.name, i.due, i.status FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id WHERE i.owner_id = $OWNER AND l.year = 2026 AND i.deleted_at IS NULL ORDER BY o.sort, i.seq"
BARE_ST="SELECT owner_id, status, count(*) FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2026 GROUP BY owner_id, status"

# race N: qingdan on SQLite, qingdan on PostgreSQL, sqlite3 bare, psql bare
race4() {
	what=$1 bare=$2
	shift 2
	set -- $(build/bench/race "$N" "$QD" --db "$F" --today 2026-06-30 "$@" -- \
		"$QD" --db "$U" --today 2026-06-30 "$@" -- \
		sqlite3 -readonly "$F" "$bare" -- psql -X -At -d "$U" -c "$bare")
	printf '%-28s  SQLite %7.2f ms (%s× sqlite3 %.2f)   PostgreSQL %7.2f ms (%s× psql %.2f)   PG/SQLite %s×\n' \
		"$what" "$1" "$(ratio "$1" "$9")" "$9" "$5" "$(ratio "$5" "${13}")" "${13}" "$(ratio "$5" "$1")"
}
echo "== interleaved, $N rounds each, median wall time of the whole process"
race4 "item list --owner (#$OWNER)" "$BARE" item list --owner "#$OWNER" --format tsv
race4 "stats --by person" "$BARE_ST" stats --by person --format tsv

if [ "${PG_TUI:-1}" != 0 ]; then
	echo "== the screen (bench/tui_bench.c)"
	printf '   SQLite:     '
	build/bench/tui_bench "$QD" "$F" | head -n 2 | tr '\n' ' '
	echo
	printf '   PostgreSQL: '
	build/bench/tui_bench "$QD" "$U" | head -n 2 | tr '\n' ' '
	echo
fi

# statements per command: the server logs every statement of this database
psql -X -q -h "$SOCK" -d postgres -c "ALTER DATABASE qdbench SET log_statement = 'all'"
count() {
	log=$C/server.log
	before=$(grep -c 'LOG:  \(statement\|execute\)' "$log" || true)
	"$QD" --db "$U" --today 2026-06-30 "$@" >/dev/null 2>&1
	after=$(grep -c 'LOG:  \(statement\|execute\)' "$log" || true)
	echo $((after - before))
}
echo "== statements sent to the server per command (connection set-up included)"
for args in "item list --owner #$OWNER" "item list" "stats --by person" "person list" "pledge list" "print --person #$OWNER"; do
	# shellcheck disable=SC2086
	n=$(count $args)
	printf '   %-34s %4d\n' "$args" "$n"
done
ITEMS=$(psql -X -At -d "$U" -c "SELECT count(*) FROM item")
echo "   (item list prints $ITEMS rows: the count does not grow with them)"

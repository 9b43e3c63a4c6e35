#!/bin/sh
# bench/run.sh — benchmarks of DESIGN §8, each against a baseline measured
# in the same run (figures are ratios; machines are shared and noisy).
#   L dataset: build/bench/L.db, made by bench/gen once (about a minute).
# Runs every bench/*.sh besides this one afterwards (TUI, import, print).
set -eu
cd "$(dirname "$0")/.."
B=build/bench
QD=./qingdan
mkdir -p "$B"
if [ ! -s "$B/L.db" ]; then
	echo "building the L dataset (100k people, 1M items, 10 years)..."
	rm -f "$B/L.db"*
	build/bench/gen L "$B/L.db"
fi
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai

# median wall time in ms of N runs of a command (output discarded)
median_ms() {
	n=$1
	shift
	i=0
	while [ $i -lt "$n" ]; do
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s%N)
		echo $(((e - s) / 1000))
		i=$((i + 1))
	done | sort -n | awk '{a[NR] = $1} END {printf "%.2f", a[int((NR + 1) / 2)] / 1000}'
}

# one owner with items in the current year
OWNER=$(sqlite3 "$B/L.db" "SELECT i.owner_id FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2026 LIMIT 1 OFFSET 777")
BARE="SELECT i.id, o.name, l.year, i.seq, i.category, i.content, ow.name, ld.name, i.due, i.status FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id WHERE i.owner_id = $OWNER AND l.year = 2026 AND i.deleted_at IS NULL ORDER BY o.sort, i.seq"
ROWS=$($QD --db "$B/L.db" --today 2026-06-30 item list --owner "#$OWNER" --format tsv | tail -n +2 | wc -l)
BROWS=$(sqlite3 "$B/L.db" "$BARE" | wc -l)
T_QD=$(median_ms 21 $QD --db "$B/L.db" --today 2026-06-30 item list --owner "#$OWNER" --format tsv)
T_SQL=$(median_ms 21 sqlite3 "$B/L.db" "$BARE")
echo "item list --owner (L, $ROWS rows; bare sqlite3 $BROWS rows): qingdan $T_QD ms, sqlite3 $T_SQL ms, ratio $(echo "$T_QD $T_SQL" | awk '{printf "%.2f", $1 / $2}')"

T_ST=$(median_ms 5 $QD --db "$B/L.db" --today 2026-06-30 stats --by person --format tsv)
BARE_ST="SELECT owner_id, status, count(*) FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2026 GROUP BY owner_id, status"
T_BST=$(median_ms 5 sqlite3 "$B/L.db" "$BARE_ST")
echo "stats --by person (L): qingdan $T_ST ms, bare GROUP BY $T_BST ms, ratio $(echo "$T_ST $T_BST" | awk '{printf "%.2f", $1 / $2}') (bar < 100 ms: $(echo "$T_ST" | awk '{print ($1 < 100) ? "met" : "MISSED"}'))"

T_S=$(median_ms 9 $QD --db "$B/L.db" --today 2026-06-30 item list --search 理论学习中心组 --format tsv)
# the floor: the same rows by the same SQL (FTS kept to the year's ids) in sqlite3
RANGE=$(sqlite3 "$B/L.db" "SELECT min(id) || ' AND ' || max(id) FROM item WHERE list_id IN (SELECT id FROM list WHERE year = 2026)")
BARE_S="SELECT i.id, o.name, l.year, i.seq, i.category, i.content, coalesce(ow.name, ''), coalesce(ld.name, ''), i.due, i.status FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id WHERE i.deleted_at IS NULL AND l.year = 2026 AND i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH '\"理论学习中心组\"' AND rowid BETWEEN $RANGE) ORDER BY o.sort, o.id, l.year, i.seq"
T_BS=$(median_ms 9 sqlite3 "$B/L.db" "$BARE_S")
echo "item list --search (3+ chars, FTS5 trigram, all of 2026): qingdan $T_S ms, sqlite3 same rows $T_BS ms, ratio $(echo "$T_S $T_BS" | awk '{printf "%.2f (bar <= 1.5: %s)", $1 / $2, ($1 / $2 <= 1.5) ? "met" : "MISSED"}')"
for f in tsv table; do
	/usr/bin/time -f "%M" -o "$B/rss" $QD --db "$B/L.db" --today 2026-06-30 item list --search 建立工作台账 --all-years --format $f >/dev/null
	echo "peak RSS, item list --search 建立工作台账 --all-years --format $f (166k rows): $(($(cat "$B/rss") / 1024)) MB"
done
build/bench/search_bench "$B/L.db"

for b in bench/*.sh; do
	[ "$b" = bench/run.sh ] || sh "$b"
done

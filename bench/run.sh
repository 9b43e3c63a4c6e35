#!/bin/sh
# bench/run.sh — `make bench`: the benchmarks of DESIGN §8 and issue 10,
# each against a baseline measured in the same run (figures are ratios;
# machines are shared and noisy), ending with the issue's table
# (bench/table.sh): operation | qingdan | Taskwarrior | floor | bar | met?
#
#   L dataset (100k people, 1M items, 10 years): QD_BENCH_L=FILE copies a
#     shared one to build/bench/L.db once (print writes its codes into
#     the file, so the bench never opens a shared file); without it
#     bench/gen L makes it (about five minutes).
#   BENCH_QUICK=1: fewer rounds everywhere, import at 100k rows, no
#     screen on PostgreSQL.
# Import at 1M is one interleaved pair here (sh bench/io.sh alone: 3).
#   BENCH_ONLY="peers print": only those scripts (and the table of what
#     they measured).
# Here: item list --owner, stats --by person and item list --search on L,
# each interleaved with its sqlite3 floor (bench/race.c); then every
# bench/*.sh (startup, tui, print, peers, io, pg, and any new one), each
# one's output kept in build/bench/log/NAME.log for the table.  Print
# codes go to anchors in a private folder (XDG_STATE_HOME), never the
# user's; work folders go to build/bench/tmp.
set -eu
cd "$(dirname "$0")/.."
T0=$(date +%s)
B=build/bench
QD=./qingdan
LOG=$B/log
mkdir -p "$B" "$LOG"
# a run of some scripts (BENCH_ONLY) keeps the others' logs: the table
# then mixes runs, and says which log each row comes from
if [ -z "${BENCH_ONLY:-}" ]; then
	rm -f "$LOG"/*.log "$LOG"/*.txt
fi
if [ ! -s "$B/L.db" ]; then
	if [ -n "${QD_BENCH_L:-}" ] && [ -s "$QD_BENCH_L" ]; then
		echo "copying the L dataset from $QD_BENCH_L..."
		rm -f "$B/L.db"*
		cp "$QD_BENCH_L" "$B/L.db"
	else
		echo "building the L dataset (100k people, 1M items, 10 years)..."
		rm -f "$B/L.db"*
		build/bench/gen L "$B/L.db"
	fi
fi
# the scripts' work folders (mktemp) and the anchors of print codes: here,
# out of a shared /tmp that others may sweep
mkdir -p "$B/tmp"
STATE=$(mktemp -d "$PWD/$B/tmp/state.XXXXXX")
# a trap on TERM alone would run and carry on: exit, and EXIT cleans up
trap 'rm -rf "$STATE"' EXIT
trap 'exit 130' INT TERM HUP
export TMPDIR="$PWD/$B/tmp" XDG_STATE_HOME="$STATE" LC_ALL=C.UTF-8 TZ=Asia/Shanghai
# rounds: here (R, RS for the slower commands), startup, print --all,
# pg, and import (rows, pairs); peers.sh reads BENCH_QUICK itself
if [ -n "${BENCH_QUICK:-}" ]; then
	R=7 RS=5
	export BENCH_QUICK N_STARTUP=15 N_PRINT=3 N_PG=5 N_IO=100000 R_IO=1 PG_TUI=0
else
	R=21 RS=9
	export N_STARTUP=41 N_PRINT=5 N_PG=21 N_IO=1000000 R_IO=1
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# race N CMD… -- CMD…: the medians, one per command (bench/race.c)
medians() { build/bench/race "$@" | awk '{ print $1 }' | tr '\n' ' '; }

if [ -z "${BENCH_ONLY:-}" ]; then
	{
	# one owner with items in the current year
	OWNER=$(sqlite3 -readonly "$B/L.db" "SELECT i.owner_id FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2026 LIMIT 1 OFFSET 777")
	BARE="SELECT i.id, o.name, l.year, i.seq, i.category, i.content, ow.name, ld.name, i.due, i.status FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id WHERE i.owner_id = $OWNER AND l.year = 2026 AND i.deleted_at IS NULL ORDER BY o.sort, i.seq"
	ROWS=$($QD --db "$B/L.db" --today 2026-06-30 item list --owner "#$OWNER" --format tsv | tail -n +2 | wc -l)
	set -- $(medians "$R" $QD --db "$B/L.db" --today 2026-06-30 item list --owner "#$OWNER" --format tsv -- \
		sqlite3 -readonly "$B/L.db" "$BARE")
	echo "item list --owner (L, $ROWS rows), $R interleaved rounds: qingdan $1 ms, sqlite3 $2 ms, ratio $(ratio "$1" "$2")"
	echo "owner $1 $2" >>"$LOG/run.txt"

	BARE_ST="SELECT owner_id, status, count(*) FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2026 GROUP BY owner_id, status"
	set -- $(medians "$RS" $QD --db "$B/L.db" --today 2026-06-30 stats --by person --format tsv -- \
		sqlite3 -readonly "$B/L.db" "$BARE_ST")
	echo "stats --by person (L), $RS interleaved rounds: qingdan $1 ms, bare GROUP BY $2 ms, ratio $(ratio "$1" "$2") (bar < 100 ms: $(echo "$1" | awk '{print ($1 < 100) ? "met" : "MISSED"}'))"
	echo "stats $1 $2" >>"$LOG/run.txt"

	# the floor: the same rows by the same SQL (FTS kept to the year's ids) in sqlite3
	RANGE=$(sqlite3 -readonly "$B/L.db" "SELECT min(id) || ' AND ' || max(id) FROM item WHERE list_id IN (SELECT id FROM list WHERE year = 2026)")
	BARE_S="SELECT i.id, o.name, l.year, i.seq, i.category, i.content, coalesce(ow.name, ''), coalesce(ld.name, ''), i.due, i.status FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id WHERE i.deleted_at IS NULL AND l.year = 2026 AND i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH '\"理论学习中心组\"' AND rowid BETWEEN $RANGE) ORDER BY o.sort, o.id, l.year, i.seq"
	set -- $(medians "$RS" $QD --db "$B/L.db" --today 2026-06-30 item list --search 理论学习中心组 --format tsv -- \
		sqlite3 -readonly "$B/L.db" "$BARE_S")
	echo "item list --search (3+ chars, FTS5 trigram, all of 2026), $RS interleaved rounds: qingdan $1 ms, sqlite3 same rows $2 ms, ratio $(ratio "$1" "$2" | awk '{printf "%s (bar <= 1.5: %s)", $1, ($1 <= 1.5) ? "met" : "MISSED"}')"
	echo "search $1 $2" >>"$LOG/run.txt"
	for f in tsv table; do
		/usr/bin/time -f "%M" -o "$B/rss" $QD --db "$B/L.db" --today 2026-06-30 item list --search 建立工作台账 --all-years --format $f >/dev/null
		echo "peak RSS, item list --search 建立工作台账 --all-years --format $f (166k rows): $(($(cat "$B/rss") / 1024)) MB"
		echo "rss_$f $(($(cat "$B/rss") / 1024))" >>"$LOG/run.txt"
	done
	build/bench/search_bench "$B/L.db"
	} 2>&1 | tee "$LOG/run.log"
fi

# the scripts, cheapest first; any other bench/*.sh after them
order="startup tui print peers io pg"
for b in bench/*.sh; do
	n=$(basename "$b" .sh)
	case " $order run table " in *" $n "*) ;; *) order="$order $n" ;; esac
done
for n in $order; do
	[ -f "bench/$n.sh" ] || continue
	case " ${BENCH_ONLY:-$order} " in *" $n "*) ;; *) continue ;; esac
	s=$(date +%s)
	echo "== bench/$n.sh"
	case $n in
	startup) N=$N_STARTUP TUI=0 sh bench/startup.sh ;;
	print) N=$N_PRINT sh bench/print.sh ;;
	peers) rm -f "$LOG/peers.txt"; PEERS_OUT=$PWD/$LOG/peers.txt sh bench/peers.sh ;;
	io) N=$N_IO R=$R_IO sh bench/io.sh ;;
	pg) N=$N_PG sh bench/pg.sh ;;
	*) sh "bench/$n.sh" ;;
	esac 2>&1 | tee "$LOG/$n.log"
	echo "   (bench/$n.sh: $(($(date +%s) - s)) s)"
done

echo
sh bench/table.sh "$LOG" "$B/L.db"
echo
echo "make bench took $(($(date +%s) - T0)) s${BENCH_QUICK:+ (BENCH_QUICK)}"

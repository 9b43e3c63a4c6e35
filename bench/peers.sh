#!/bin/sh
# bench/peers.sh — qingdan beside Taskwarrior 2.6 (the peer users would
# pick, notes/performance.md) and the floor (the sqlite3 CLI running the
# same SQL and writing the same rows) on the same 50k items (bench/gen M:
# 6 orgs, 200 people, this year).  Run by bench/run.sh.
#
# Per operation — one person's list, add an item, mark one done, count —
# the three run interleaved (qingdan, Taskwarrior, floor, qingdan, …), a
# fresh process each, PEER_RUNS times (default 11; 3 with BENCH_QUICK=1),
# each exec'd straight by build/bench/run1 (no shell around any of them:
# a wrapper's start-up, the same for all three, would squeeze the
# ratios); the table gives the medians and the ratios.  PEERS_OUT=FILE
# also writes one line per operation there, "op qd tw floor" in ms, wall
# then CPU (bench/table.sh reads it).  Bars (issue 10.6): ≥ 100× faster than
# Taskwarrior, within 1.5× the floor.
#
# Taskwarrior gets the items through `task import` (project = org, the
# owner in a UDA `owner`), in a temporary TASKDATA/TASKRC, with its
# defaults except confirmation=off.  Its `list` shows the pending tasks of
# the owner; qingdan's list (and the floor's) every item of the owner's
# year, so qingdan writes more rows.  If `task` is missing it is installed
# with apt-get when running as root, else its columns say so.
set -eu
cd "$(dirname "$0")/.."

B=build/bench
QD=${PEER_QD:-$PWD/qingdan}
if [ -n "${BENCH_QUICK:-}" ]; then RUNS=${PEER_RUNS:-3}; else RUNS=${PEER_RUNS:-11}; fi
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
mkdir -p "$B"
[ -s "$B/M.db" ] || build/bench/gen M "$B/M.db"

if ! command -v task >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "peers: installing taskwarrior (apt-get)..."
	apt-get install -y -qq taskwarrior >/dev/null 2>&1 || true
fi
TW=
if command -v task >/dev/null 2>&1; then
	TW=$(command -v task)
else
	echo "peers: taskwarrior is not installed and cannot be installed here; its columns are empty"
fi

W=$(mktemp -d "${TMPDIR:-/tmp}/qd-peers.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
cp "$B/M.db" "$W/qd.db"
cp "$B/M.db" "$W/floor.db"
Q="$QD --db $W/qd.db --today 2026-06-30"
F="sqlite3 $W/floor.db"

# the person: the owner of the 17th item; the org of its list
OWNER=$($F "SELECT owner_id FROM item ORDER BY id LIMIT 1 OFFSET 16")
ORG=$($F "SELECT o.name FROM org o JOIN list l ON l.org_id = o.id ORDER BY o.id DESC LIMIT 1")
LIST=$($F "SELECT l.id FROM list l JOIN org o ON o.id = l.org_id WHERE o.name = '$ORG'")
# items to mark done: submitted ones, one per run, the same for qingdan and the floor
$F "SELECT id FROM item WHERE status = 'submitted' ORDER BY id LIMIT $RUNS" > "$W/done-ids"

# the floor's SQL: what qingdan's listing and stats run (store_list.c)
FLAGS="rtrim(CASE WHEN i.due < '2026-06-30' AND i.status IN ('planned','in_progress','submitted') THEN 'overdue,' ELSE '' END || CASE WHEN i.due >= '2026-06-30' AND i.due <= '2026-07-07' AND i.status IN ('planned','in_progress','submitted') THEN 'due_soon,' ELSE '' END || CASE WHEN i.status = 'done' AND i.done_on > i.due THEN 'late,' ELSE '' END, ',')"
LIST_SQL="SELECT i.id, o.name, l.year, i.seq, i.category, i.content, coalesce(ow.name, ''), coalesce(ld.name, ''), coalesce(i.due, ''), i.status, $FLAGS FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id WHERE i.deleted_at IS NULL AND l.year = 2026 AND i.owner_id = $OWNER ORDER BY o.sort, o.id, l.year, i.seq"
COUNTS="count(i.id), count(CASE WHEN i.status = 'done' THEN 1 END), count(CASE WHEN i.due < '2026-06-30' AND i.status IN ('planned','in_progress','submitted') THEN 1 END), count(CASE WHEN i.status = 'done' AND i.done_on > i.due THEN 1 END), coalesce(CAST(round(100.0 * count(CASE WHEN i.status = 'done' THEN 1 END) / nullif(count(CASE WHEN i.status <> 'cancelled' THEN 1 END), 0)) AS INTEGER), 0)"
COUNT_SQL="SELECT o.id, o.name, $COUNTS, (SELECT count(*) FROM pledge g JOIN person sp ON sp.id = g.signer_id WHERE g.year = 2026 AND sp.org_id = o.id AND g.status IN ('signed','assessed','archived')), (SELECT count(*) FROM pledge g JOIN person sp ON sp.id = g.signer_id WHERE g.year = 2026 AND sp.org_id = o.id AND g.status IN ('issued','signed','assessed','archived')) FROM org o LEFT JOIN list l ON l.org_id = o.id AND l.year = 2026 LEFT JOIN item i ON i.list_id = l.id AND i.deleted_at IS NULL GROUP BY o.id ORDER BY o.sort, o.id"
NOW="strftime('%Y-%m-%dT%H:%M:%SZ','now')"

if [ -n "$TW" ]; then
	export TASKDATA="$W/tw" TASKRC="$W/taskrc"
	mkdir -p "$TASKDATA"
	printf 'data.location=%s\nconfirmation=off\nnews.version=2.6.2\nuda.owner.type=string\nuda.owner.label=Owner\n' \
		"$TASKDATA" > "$TASKRC"
	$F "SELECT json_group_array(CASE WHEN i.status IN ('done','cancelled') THEN json_object('description', i.content, 'project', o.name, 'owner', 'p' || i.owner_id, 'status', 'completed', 'entry', '20260101T000000Z', 'end', strftime('%Y%m%dT000000Z', coalesce(i.done_on, i.due)), 'due', strftime('%Y%m%dT000000Z', i.due)) ELSE json_object('description', i.content, 'project', o.name, 'owner', 'p' || i.owner_id, 'status', 'pending', 'entry', '20260101T000000Z', 'due', strftime('%Y%m%dT000000Z', i.due)) END) FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id WHERE i.deleted_at IS NULL ORDER BY i.id" > "$W/tw.json"
	s=$(date +%s%N)
	task import "$W/tw.json" >/dev/null 2>&1
	e=$(date +%s%N)
	echo "peers: taskwarrior imported $(task status:pending count 2>/dev/null) pending of $(($(task status:completed count 2>/dev/null) + $(task status:pending count 2>/dev/null))) tasks in $(((e - s) / 1000000)) ms"
fi

# One timed run of operation $1 by program $2 (qd, tw, floor), run k:
# "WALL_US CPU_US" or "fail" (build/bench/run1 execs the argv itself).
R1=build/bench/run1
run_one() {
	content="按季度召开党员大会第${k}次"
	id=$(sed -n "${k}p" "$W/done-ids")
	# shellcheck disable=SC2086
	case $2_$1 in
	qd_list) $R1 $Q item list --owner "#$OWNER" --format tsv ;;
	tw_list) $R1 task owner:"p$OWNER" list ;;
	floor_list) $R1 $F "$LIST_SQL" ;;
	qd_add) $R1 $Q item add --org "$ORG" --content "$content" --owner "#$OWNER" --due 2026-09-30 ;;
	tw_add) $R1 task add project:"$ORG" owner:"p$OWNER" due:2026-09-30 -- "$content" ;;
	floor_add) $R1 $F "INSERT INTO item(list_id, seq, content, owner_id, due, created_at, updated_at) VALUES ($LIST, (SELECT coalesce(max(seq), 0) + 1 FROM item WHERE list_id = $LIST), '$content', $OWNER, '2026-09-30', $NOW, $NOW) RETURNING id" ;;
	qd_done) $R1 $Q item set "$id" --status done ;;
	tw_done) $R1 task "$k" done ;;
	floor_done) $R1 $F "UPDATE item SET status = 'done', done_on = '2026-06-30', version = version + 1, updated_at = $NOW WHERE id = $id AND status = 'submitted' RETURNING id" ;;
	qd_count) $R1 $Q stats --format tsv ;;
	tw_count) $R1 task status:pending count ;;
	floor_count) $R1 $F "$COUNT_SQL" ;;
	# print every person's checklist: Taskwarrior's nearest is one export
	# (then a grouping script, not timed); the floor is bench/print.sh's
	qd_print) $R1 $Q print --all -o "$W/all.txt" --force ;;
	tw_print) $R1 task export ;;
	floor_print) echo "-" ;;
	esac
}

# median of column c (1 wall, 2 CPU) of a file of run1 lines, in ms
median() {
	grep -v fail "$1" | awk -v c="$2" '{print $c}' | sort -n |
		awk '{a[NR] = $1} END {if (NR) printf "%.1f", a[int((NR + 1) / 2)] / 1000; else printf "-"}'
}

# op NAME: RUNS interleaved runs of qd_NAME, tw_NAME, floor_NAME (k = run)
op() {
	: > "$W/$1.qd"
	: > "$W/$1.tw"
	: > "$W/$1.floor"
	k=1
	while [ $k -le "$RUNS" ]; do
		run_one "$1" qd >> "$W/$1.qd"
		[ -z "$TW" ] || run_one "$1" tw >> "$W/$1.tw"
		run_one "$1" floor >> "$W/$1.floor"
		k=$((k + 1))
	done
	fails=$(cat "$W/$1.qd" "$W/$1.tw" "$W/$1.floor" | grep -c fail || true)
	sed -i '/^-$/d' "$W/$1.floor"
	[ "$fails" = 0 ] || echo "peers: $1: $fails runs failed (left out)"
}

ROWS_QD=$($Q item list --owner "#$OWNER" --format tsv | tail -n +2 | wc -l)
ROWS_F=$($F "$LIST_SQL" | wc -l)
ROWS_TW=-
[ -z "$TW" ] || ROWS_TW=$(task rc.verbose=nothing owner:"p$OWNER" list 2>/dev/null | grep -c . || true)
echo "peers: per-person list rows: qingdan $ROWS_QD, floor $ROWS_F, taskwarrior $ROWS_TW (pending only)"

for o in list add done count; do
	op $o
done
# print --all takes seconds a run: PRINT_RUNS (3; 1 with BENCH_QUICK) rounds
RUNS_ALL=$RUNS
if [ -n "${BENCH_QUICK:-}" ]; then RUNS=${PRINT_RUNS:-1}; else RUNS=${PRINT_RUNS:-3}; fi
op print
RUNS=$RUNS_ALL

table() {
	echo
	echo "## qingdan, Taskwarrior and the floor, 50k items: $2 ($RUNS interleaved runs each, median ms)"
	echo
	echo "| operation | qingdan | TW | floor | ×TW | ×floor | bar |"
	echo "|---|---|---|---|---|---|---|"
	for o in list add done count; do
		case $o in
		list) label="per-person list" ;;
		add) label="add an item" ;;
		done) label="mark one done" ;;
		count) label="count (stats / task count)" ;;
		esac
		echo "$label $(median "$W/$o.qd" "$1") $(median "$W/$o.tw" "$1") $(median "$W/$o.floor" "$1")" |
		awk '{
			n = NF; q = $(n-2); t = $(n-1); f = $n; $(n-2) = $(n-1) = $n = ""; sub(/ +$/, "")
			xt = (t == "-" || q == "-") ? "-" : sprintf("%.0f", t / q)
			xf = (f == "-" || q == "-") ? "-" : sprintf("%.2f", q / f)
			ok = (xt == "-" || xt + 0 >= 100) && (xf == "-" || xf + 0 <= 1.5)
			printf "| %s | %s | %s | %s | %s | %s | %s |\n", $0, q, t, f, xt, xf,
			       ok ? "met" : "MISSED (≥100× TW, ≤1.5× floor)"
		}'
	done
}
table 1 "wall clock"
table 2 "CPU (user + system), which a loaded machine disturbs less"
# every run changed what it should: the qingdan and floor items marked done
left_qd=$(sqlite3 "$W/qd.db" "SELECT count(*) FROM item WHERE id IN ($(paste -sd, "$W/done-ids")) AND status <> 'done'")
left_f=$($F "SELECT count(*) FROM item WHERE id IN ($(paste -sd, "$W/done-ids")) AND status <> 'done'")
[ "$left_qd$left_f" = 00 ] || echo "peers: items left not done: qingdan $left_qd, floor $left_f"
if [ -n "${PEERS_OUT:-}" ]; then
	: >"$PEERS_OUT"
	for o in list add done count print; do
		echo "$o $(median "$W/$o.qd" 1) $(median "$W/$o.tw" 1) $(median "$W/$o.floor" 1)" \
			"$(median "$W/$o.qd" 2) $(median "$W/$o.tw" 2) $(median "$W/$o.floor" 2)" >>"$PEERS_OUT"
	done
fi

#!/bin/sh
# tests/pg_roles.sh — issue 9 §3 end to end: `db grant|revoke` and the rules
# the server itself enforces for a member's role, through qingdan and
# through psql behind its back.  On a SQLite file only the refusal of
# `db grant` runs; the rest needs the cluster of `make test-pg`.
. "$(dirname "$0")/lib.sh"

demo_db roles
run qd db grant someone
if [ -n "$QD_TEST_PG" ]; then
	check "db grant on a server needs a person? no: it says the role reads only" has "$ERR" "只能查看"
else
	check "db grant on a SQLite file: refused, exit 1" is "$RC" 1
	check "db grant on a SQLite file: says why" has "$ERR" "只用于 PostgreSQL"
fi

if ! pg_only "server roles"; then
	finish
	exit $?
fi

# a member of the office with a login of this run, owning item A; item B
# belongs to someone else
M=qdm$$
run qd person add 测试成员 --login "$M" --org 机关第一党支部（办公室）
check "person with a login added" is "$RC" 0
A=$(qd item add --org 党组 --content "成员自己的事项" --owner 测试成员 --due 2026-09-30)
B=$(qd item add --org 党组 --content "别人的事项" --owner 郑国强 --due 2026-09-30)
run qd db grant "$M"
check "db grant creates the login role" has "$ERR" "已新建登录角色 $M"
hasnt "$ERR" "只能查看" && check "no warning when a person has the login" true
run qd db grant "$M"
check "db grant again: unchanged" has "$ERR" "本来就可以使用"
run qd db grant 'bad name'
check "db grant of a login with a space: exit 1" is "$RC" 1

MDB="$DB&user=$M"
msql() { "$PSQL" -X -A -t -h "$QD_TEST_PG" -U "$M" -d "$(_pgname "$DB")" -c "$1" 2>&1; }

# through qingdan, as the member
run "$QD" --today "$TODAY" --db "$MDB" item set "$A" --status in_progress
check "member moves its own item" is "$RC" 0
run "$QD" --today "$TODAY" --db "$MDB" item set "$B" --status in_progress
check "member may not move another's item (the model says why)" is "$RC" 1
run "$QD" --today "$TODAY" --db "$MDB" person add 冒名 --admin
check "member may not add people" is "$RC" 1
run "$QD" --today "$TODAY" --db "$MDB" db grant "$M"
check "member may not grant roles" is "$RC" 1

# through psql, as the member: the server refuses
OUT=$(msql "UPDATE item SET content = 'x' WHERE id = $B")
check "psql: UPDATE of another's item changes no row" is "$OUT" "UPDATE 0"
OUT=$(msql "DELETE FROM audit")
check "psql: DELETE FROM audit denied" has "$OUT" "permission denied"
OUT=$(msql "UPDATE audit SET login = 'x'")
check "psql: UPDATE audit denied" has "$OUT" "permission denied"
OUT=$(msql "TRUNCATE audit")
check "psql: TRUNCATE audit denied" has "$OUT" "permission denied"
OUT=$(msql "UPDATE person SET is_admin = 1 WHERE login = '$M'")
check "psql: a member cannot make itself admin" has "$OUT" "ERROR"
OUT=$(msql "UPDATE setting SET value = 'x'")
check "psql: settings refused" has "$OUT" "ERROR"
run qd audit verify
check "the chain still verifies after the refused attempts" is "$RC" 0

# a member's change to its own item behind qingdan's back is caught
OUT=$(msql "UPDATE item SET content = '偷偷改过' WHERE id = $A")
check "psql: the member may change its own item row" is "$OUT" "UPDATE 1"
run qd audit verify
check "audit verify catches it" is "$RC" 1
check "audit verify names the item" has "$OUT$ERR" "事项 #$A 在 qingdan 之外被修改"

# the 组织生活 ledger (issue 11, schema 5): the server's own rule of who
# records meetings — a plain member cannot; the org's 组织委员 can, its
# meetings with their attendance; not another org's, nor members or rules
ORG1=$(dbsql "SELECT id FROM org WHERE name = '机关第一党支部（办公室）'")
ORG2=$(dbsql "SELECT id FROM org WHERE name = '机关第二党支部（业务处室）'")
PID=$(dbsql "SELECT id FROM person WHERE login = '$M'")
meeting_of() {
	echo "INSERT INTO meeting(org_id, type, on_date, created_at, updated_at) VALUES ($1, 'theme-day', '2026-05-01', 'x', 'x')"
}
OUT=$(msql "$(meeting_of "$ORG1")")
check "psql: a plain member cannot add a meeting" has "$OUT" "row-level security"
dbsql "INSERT INTO member(person_id, party, committee) VALUES ($PID, 'full', 'organization')" >/dev/null
OUT=$(msql "$(meeting_of "$ORG1") RETURNING id")
check "psql: the org's 组织委员 adds its meeting" has "$OUT" "INSERT 0 1"
MID=$(printf '%s\n' "$OUT" | sed -n 1p)
OUT=$(msql "INSERT INTO attendance(meeting_id, person_id, status) VALUES ($MID, $PID, 'present')")
check "psql: … and records its attendance" is "$OUT" "INSERT 0 1"
OUT=$(msql "$(meeting_of "$ORG2")")
check "psql: not another org's meeting" has "$OUT" "row-level security"
OUT=$(msql "UPDATE meeting SET org_id = $ORG2 WHERE id = $MID")
check "psql: nor move its meeting to another org" has "$OUT" "row-level security"
OTHER=$(dbsql "INSERT INTO meeting(org_id, type, on_date, created_at, updated_at) VALUES ($ORG2, 'members', '2026-05-02', 'x', 'x') RETURNING id" | sed -n 1p)
OUT=$(msql "UPDATE meeting SET title = 'x' WHERE id = $OTHER")
check "psql: another org's meeting changes no row" is "$OUT" "UPDATE 0"
OUT=$(msql "INSERT INTO attendance(meeting_id, person_id, status) VALUES ($OTHER, $PID, 'present')")
check "psql: nor its attendance" has "$OUT" "row-level security"
OUT=$(msql "UPDATE member SET committee = 'secretary' WHERE person_id = $PID")
check "psql: members are the admins' (the 组织委员 cannot promote itself)" has "$OUT" "ERROR"
OUT=$(msql "UPDATE meeting_rule SET min_count = 0")
check "psql: rules are the admins'" has "$OUT" "ERROR"
dbsql "UPDATE member SET committee = '' WHERE person_id = $PID" >/dev/null
OUT=$(msql "UPDATE meeting SET title = 'x' WHERE id = $MID")
check "psql: without the role, no more writes" is "$OUT" "UPDATE 0"

# 问题清单 → 整改清单 (issue 12, schema 6): the org's recorder adds its
# problems and their 回访, a plain member cannot; measures (items and their
# links) are the admins'; the lead of every measure may close a problem
problem_of() {
	echo "INSERT INTO problem(org_id, year, source, raised_on, text, raiser_name, created_at, updated_at) VALUES ($1, 2026, 'phone', '2026-05-01', '窗口推诿', '张群众', 'x', 'x')"
}
OUT=$(msql "$(problem_of "$ORG1")")
check "psql: a plain member cannot add a problem" has "$OUT" "row-level security"
dbsql "UPDATE member SET committee = 'organization' WHERE person_id = $PID" >/dev/null
OUT=$(msql "$(problem_of "$ORG1") RETURNING id")
check "psql: the org's 组织委员 adds its problem" has "$OUT" "INSERT 0 1"
PB=$(printf '%s\n' "$OUT" | sed -n 1p)
OUT=$(msql "INSERT INTO problem_feedback(problem_id, on_date, by_id, result, satisfied, created_at) VALUES ($PB, '2026-06-01', $PID, '满意', 1, 'x')")
check "psql: … and records its 回访" is "$OUT" "INSERT 0 1"
OUT=$(msql "$(problem_of "$ORG2")")
check "psql: not another org's problem" has "$OUT" "row-level security"
# the org's 2026 整改清单: the demo's, or a new one
L=$(dbsql "INSERT INTO list(org_id, year, title, kind) VALUES ($ORG1, 2026, '整改清单', 'rectify') ON CONFLICT (org_id, year, kind) DO UPDATE SET title = list.title RETURNING id" | sed -n 1p)
I=$(dbsql "INSERT INTO item(list_id, seq, content, owner_id, lead_id, status, done_on, due, created_at, updated_at) VALUES ($L, 1, '立行立改', $PID, $PID, 'done', '2026-06-01', '2026-09-30', 'x', 'x') RETURNING id" | sed -n 1p)
OUT=$(msql "INSERT INTO problem_measure(problem_id, item_id) VALUES ($PB, $I)")
check "psql: measures are the admins' (even the 组织委员's)" has "$OUT" "ERROR"
OUT=$(msql "DELETE FROM problem WHERE id = $PB")
check "psql: deleting a problem is the admins'" has "$OUT" "ERROR"
dbsql "INSERT INTO problem_measure(problem_id, item_id) VALUES ($PB, $I)" >/dev/null
dbsql "UPDATE member SET committee = '' WHERE person_id = $PID" >/dev/null
OUT=$(msql "INSERT INTO problem_feedback(problem_id, on_date, by_id, result, satisfied, created_at) VALUES ($PB, '2026-06-02', $PID, '满意', 1, 'x')")
check "psql: a plain member records no 回访" has "$OUT" "row-level security"
OTHERPB=$(dbsql "$(problem_of "$ORG1") RETURNING id" | sed -n 1p)
OUT=$(msql "UPDATE problem SET closed_on = '2026-07-01' WHERE id = $OTHERPB")
check "psql: a plain member closes no problem it does not lead" is "$OUT" "UPDATE 0"
OUT=$(msql "UPDATE problem SET closed_on = '2026-07-01', closed_by = $PID WHERE id = $PB")
check "psql: the lead of its measures closes the problem" is "$OUT" "UPDATE 1"

# revoke: the role stays, its access goes
run qd db revoke "$M"
check "db revoke" has "$ERR" "已收回角色 $M"
run "$QD" --today "$TODAY" --db "$MDB" item list
check "a revoked role can no longer read" is "$RC" 1
run qd db revoke "$M"
check "db revoke again: unchanged" has "$ERR" "本来就不能使用"
"$PSQL" -X -q -h "$QD_TEST_PG" -d postgres -c "DROP OWNED BY \"$M\"; DROP ROLE \"$M\"" \
	>/dev/null 2>&1 || true
finish

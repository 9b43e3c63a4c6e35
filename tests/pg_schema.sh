#!/bin/sh
# tests/pg_schema.sh — the PostgreSQL schema (src/store/schema_pg.c) on a
# live server, through psql: migrations 1..N applied as a non-superuser
# owner, then what DESIGN §4 forbids refused by the server itself for
# member roles (row security, the audit table's privileges, admin-only
# tables), the owner's and an admin's writes let through, db grant/revoke
# (qd_grant, qd_revoke) with and without CREATEROLE, and NOTIFY qingdan.
#
# QD_TEST_PG_SOCK: the socket folder of a running cluster where every role
# connects without a password (initdb -A trust in the recipe of
# notes/testing.md) and ${QD_TEST_PG_SUPER:-postgres} is a superuser; each
# run makes its own databases and roles (suffix: the shell's pid) and drops
# them at the end.  Without it only the statements are checked.  The printer: build/tests/t_pg_schema
# (make build/tests/t_pg_schema), or QD_T_PG_SCHEMA.
. "$(dirname "$0")/lib.sh"
TPG=${QD_T_PG_SCHEMA:-build/tests/t_pg_schema}

sql_printed() { [ "$RC" -eq 0 ] && has "$OUT" "CREATE TABLE item(" && has "$OUT" "COMMIT;"; }
run "$TPG" --sql
check "statements non-empty" sql_printed
if [ -z "${QD_TEST_PG_SOCK:-}" ]; then
	finish
	exit
fi

SOCK=$QD_TEST_PG_SOCK
SUPER=${QD_TEST_PG_SUPER:-postgres}
U=$$
DBN=qdt_schema_$U
DB2="Qdt办公-$U"          # not a plain name: the group's gets a hash
OWNER=qdt_owner_$U
OWNER2=qdt_owner2_$U
DB3=qdt_notrgm_$U OWNER3=qdt_owner3_$U
ALICE=qdt_alice_$U BOB=qdt_bob_$U CAROL=qdt_carol_$U DAVE=qdt_dave_$U
GROUP=qingdan_$DBN

# pg ROLE DATABASE ARGS…: psql as ROLE, stopping at the first error; the
# command tags (UPDATE 0) stay in the output, notices and errors on stderr.
pg() {
	_r=$1 _d=$2
	shift 2
	psql -X -A -t -v ON_ERROR_STOP=1 "host=$SOCK dbname=$_d user=$_r" "$@"
}
# by ROLE SQL: one statement on the test database, into OUT/ERR/RC.
by() { run pg "$1" "$DBN" -c "$2"; }
super() { pg "$SUPER" postgres -q "$@"; }

cleanup() {
	super -c "DROP DATABASE IF EXISTS $DBN WITH (FORCE)" \
	      -c "DROP DATABASE IF EXISTS \"$DB2\" WITH (FORCE)" \
	      -c "DROP DATABASE IF EXISTS $DB3 WITH (FORCE)" >/dev/null 2>&1
	for r in "$ALICE" "$BOB" "$CAROL" "$DAVE" "$GROUP" "qingdan_$DB3" "$OWNER" "$OWNER2" "$OWNER3"; do
		super -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1
	done
	super -t -c "SELECT rolname FROM pg_roles WHERE rolname LIKE 'qingdan\\_qdt\\_$U\\_%'" 2>/dev/null |
		while read -r r; do [ -n "$r" ] && super -c "DROP ROLE \"$r\"" >/dev/null 2>&1; done
}
trap 'cleanup; rm -rf "$T"' EXIT

ok() { [ "$RC" -eq 0 ]; }
tag() { [ "$RC" -eq 0 ] && [ "$OUT" = "$1" ]; }
refused() { [ "$RC" -ne 0 ] && has "$ERR" "$1"; }

# ---- the schema, as an owner that may create roles ----
super -c "CREATE ROLE $OWNER LOGIN CREATEROLE" -c "CREATE DATABASE $DBN OWNER $OWNER"
"$TPG" --sql >"$T/schema.sql"
run pg "$OWNER" "$DBN" -q -f "$T/schema.sql"
check "migrations 1..N apply as the owner" ok
by "$OWNER" "SELECT value FROM qingdan_meta WHERE key = 'member_role'"
check "the member group's name is recorded" tag "$GROUP"
by "$OWNER" "SELECT rolcanlogin FROM pg_roles WHERE rolname = '$GROUP'"
check "…and the group exists, without LOGIN" tag "f"
by "$OWNER" "SELECT count(*) FROM pg_class WHERE relowner <> (SELECT oid FROM pg_roles WHERE rolname = '$OWNER')
	AND relnamespace = 'public'::regnamespace AND relname IN
	('setting','org','person','list','item','note','pledge','audit','qingdan_meta','upgrade_task')"
check "the owner owns every table" tag "0"
by "$OWNER" "SELECT indexdef FROM pg_indexes WHERE indexname = 'item_trgm'"
check "the trigram index is on coalesce(search_text, content)" has "$OUT" "gin (COALESCE(search_text, content) gin_trgm_ops)"

cat >"$T/data.sql" <<EOF
INSERT INTO org(id, name, level) VALUES (1, '机关党委', 'organ-committee');
INSERT INTO person(id, name, org_id, login, is_admin) VALUES
  (1, '李娜', 1, '$ALICE', 0), (2, '王伟', 1, '$BOB', 0), (3, '赵立新', 1, '$CAROL', 1),
  (4, '陈静', 1, NULL, 0);
INSERT INTO list(id, org_id, year) VALUES (1, 1, 2026);
INSERT INTO item(id, list_id, seq, content, owner_id, lead_id, created_at, updated_at) VALUES
  (1, 1, 1, '学习贯彻党的二十大精神', 1, 3, 't', 't'),
  (2, 1, 2, '王伟的事项', 2, 3, 't', 't'),
  (3, 1, 3, '李娜分管的事项', 2, 1, 't', 't');
INSERT INTO pledge(id, year, title, issuer_id, signer_id, status, created_at, updated_at) VALUES
  (1, 2026, '李娜的责任书', 3, 1, 'issued', 't', 't'),
  (2, 2026, '王伟的责任书', 3, 2, 'issued', 't', 't');
INSERT INTO setting(key, value) VALUES ('unit_name', '某单位');
INSERT INTO audit(at, login, action, entity, entity_id, detail, digest, prev_hash, hash)
  VALUES ('t', '$OWNER', 'add', 'item', 1, '{}', 'd', '', 'h');
EOF
run pg "$OWNER" "$DBN" -q -f "$T/data.sql"
check "the owner writes rows with their ids" ok

# ---- db grant, through the program's statement ----
sed 's/?1/:'"'"'login'"'"'/' >"$T/grant.sql" <<EOF
$("$TPG" --grant);
EOF
sed 's/?1/:'"'"'login'"'"'/' >"$T/revoke.sql" <<EOF
$("$TPG" --revoke);
EOF
grant() { run pg "$1" "$DBN" -v login="$2" -f "$T/grant.sql"; }
revoke() { run pg "$1" "$DBN" -v login="$2" -f "$T/revoke.sql"; }
grant "$OWNER" "$ALICE"
check "db grant creates a missing role" tag "created"
grant "$OWNER" "$BOB"
grant "$OWNER" "$CAROL"
grant "$OWNER" "$ALICE"
check "db grant of a member: unchanged" tag "unchanged"
super -c "CREATE ROLE $DAVE NOLOGIN"
grant "$OWNER" "$DAVE"
check "db grant of a NOLOGIN role enables it" tag "enabled"
grant "$OWNER" "$GROUP"
check "the group cannot be its own member" refused "cannot be a member login"

# ---- a member: row scope of items, pledges and notes ----
by "$ALICE" "UPDATE item SET content = 'x' WHERE id = 2"
check "a member's UPDATE of someone else's item: 0 rows" tag "UPDATE 0"
by "$ALICE" "UPDATE item SET status = 'in_progress', version = version + 1 WHERE id = 1"
check "a member's UPDATE of its own item: 1 row" tag "UPDATE 1"
by "$ALICE" "UPDATE item SET status = 'in_progress' WHERE id = 3"
check "…and of an item it leads: 1 row" tag "UPDATE 1"
by "$ALICE" "UPDATE item SET owner_id = 2, lead_id = 2 WHERE id = 1"
check "a member cannot hand its item out of its scope" refused "row-level security"
by "$ALICE" "SELECT count(*) FROM item"
check "a member reads every item" tag "3"
by "$ALICE" "INSERT INTO item(list_id, seq, content, created_at, updated_at) VALUES (1, 9, 'x', 't', 't')"
check "a member may not add items" refused "only an admin may insert item"
by "$ALICE" "DELETE FROM item WHERE id = 1"
check "a member may not delete items, even its own" refused "only an admin may delete item"
by "$ALICE" "TRUNCATE item"
check "a member may not truncate items" refused "permission denied"
by "$ALICE" "UPDATE pledge SET status = 'signed' WHERE id = 1"
check "a member signs its own pledge" tag "UPDATE 1"
by "$ALICE" "UPDATE pledge SET status = 'void' WHERE id = 2"
check "…not someone else's: 0 rows" tag "UPDATE 0"
by "$ALICE" "INSERT INTO note(item_id, on_date, person_id, text, created_at) VALUES (1, '2026-06-30', 1, '已开展', 't')"
check "a member notes its own item" tag "INSERT 0 1"
by "$ALICE" "INSERT INTO note(item_id, on_date, person_id, text, created_at) VALUES (2, '2026-06-30', 1, 'x', 't')"
check "…not someone else's" refused "row-level security"
by "$ALICE" "INSERT INTO note(item_id, on_date, person_id, text, created_at) VALUES (1, '2026-06-30', 2, 'x', 't')"
check "…nor in another's name" refused "row-level security"
by "$ALICE" "UPDATE note SET text = 'x'"
check "notes are not edited by members" refused "only an admin may update note"

# ---- a member: the audit table and the admins' tables ----
by "$ALICE" "DELETE FROM audit"
check "a member's DELETE FROM audit: permission denied" refused "permission denied for table audit"
by "$ALICE" "UPDATE audit SET hash = 'x'"
check "a member's UPDATE audit: permission denied" refused "permission denied for table audit"
by "$ALICE" "TRUNCATE audit"
check "a member's TRUNCATE audit: permission denied" refused "permission denied for table audit"
by "$ALICE" "INSERT INTO audit(at, login, action, entity, entity_id, detail, digest, prev_hash, hash)
	VALUES ('t', '$ALICE', 'note', 'item', 1, '{}', 'd', 'h', 'h2')"
check "a member appends to the audit" tag "INSERT 0 1"
by "$ALICE" "INSERT INTO person(name) VALUES ('x')"
check "a member's INSERT INTO person: denied" refused "only an admin may insert person"
by "$ALICE" "UPDATE person SET login = '$CAROL' || 'x' WHERE id = 1"
check "a member cannot change its own login" refused "only an admin may update person"
by "$ALICE" "UPDATE setting SET value = 'x'"
check "a member's UPDATE setting: denied" refused "only an admin may update setting"
by "$ALICE" "UPDATE org SET name = 'x'"
check "a member's UPDATE org: denied" refused "only an admin may update org"
by "$ALICE" "INSERT INTO list(org_id, year) VALUES (1, 2027)"
check "a member's INSERT INTO list: denied" refused "only an admin may insert list"
by "$ALICE" "DELETE FROM upgrade_task"
check "a member's DELETE FROM upgrade_task: denied" refused "only an admin may delete upgrade_task"
by "$ALICE" "SELECT nextval('item_id_seq')"
check "identity sequences are not members' to draw" refused "permission denied for sequence"
by "$ALICE" "INSERT INTO audit(at, login, action, entity, entity_id, detail, digest, prev_hash, hash)
	VALUES ('t', '$ALICE', 'note', 'item', 1, '{}', 'd', 'h2', 'h3');
	SELECT lastval() = (SELECT max(seq) FROM audit)"
check "…but lastval() tells a member the id of its insert" tag "INSERT 0 1
t"
# SECURITY DEFINER functions read our person table, not one of the caller's
by "$ALICE" "CREATE TEMP TABLE person(id bigint, login text, is_admin int, active int);
	INSERT INTO pg_temp.person VALUES (1, session_user, 1, 1);
	UPDATE public.setting SET value = 'x'"
check "a temporary person table does not make an admin" refused "only an admin may update setting"
by "$ALICE" "SET search_path = pg_temp, public; SELECT qd_is_admin()"
check "…whatever the caller's search_path" tag "SET
f"

# ---- an admin, and the owner ----
by "$CAROL" "UPDATE person SET post = '书记' WHERE id = 1"
check "an admin may update a person" tag "UPDATE 1"
by "$CAROL" "INSERT INTO setting(key, value) VALUES ('unit_name', '新单位')
	ON CONFLICT(key) DO UPDATE SET value = excluded.value"
check "an admin may change a setting" tag "INSERT 0 1"
by "$CAROL" "UPDATE item SET content = '改' WHERE id = 2"
check "an admin may update any item" tag "UPDATE 1"
by "$CAROL" "UPDATE audit SET hash = 'x'"
check "an admin's UPDATE audit: permission denied" refused "permission denied for table audit"
by "$CAROL" "DELETE FROM audit"
check "an admin's DELETE FROM audit: permission denied" refused "permission denied for table audit"
by "$CAROL" "TRUNCATE audit"
check "an admin's TRUNCATE audit: permission denied" refused "permission denied for table audit"
by "$OWNER" "UPDATE setting SET value = '某单位'"
check "the owner writes without a person of its own" tag "UPDATE 1"
by "$OWNER" "UPDATE audit SET hash = hash WHERE seq = 1"
check "the owner alone may touch the audit table" tag "UPDATE 1"
by "$DAVE" "UPDATE item SET status = 'done'"
check "a member without a person changes nothing" tag "UPDATE 0"

# open mode (DESIGN §4): while no active admin has a login, everyone is one
by "$OWNER" "UPDATE person SET is_admin = 0 WHERE id = 3"
by "$ALICE" "UPDATE setting SET value = '某单位'"
check "open mode: a member may change a setting" tag "UPDATE 1"
by "$OWNER" "UPDATE person SET is_admin = 1 WHERE id = 3"
by "$ALICE" "UPDATE setting SET value = '某单位'"
check "…and not once an admin has a login again" refused "only an admin may update setting"

# ---- search through the trigram index ----
by "$ALICE" "SET enable_seqscan = off;
	EXPLAIN SELECT id FROM item WHERE coalesce(search_text, content) LIKE '%二十大%'"
check "a Chinese substring search uses item_trgm" has "$OUT" "Bitmap Index Scan on item_trgm"
by "$ALICE" "SELECT id FROM item WHERE coalesce(search_text, content) LIKE '%二十大%'"
check "…and finds the item" tag "1"

# ---- NOTIFY qingdan: a member's note reaches a listener ----
NOTE_SQL="INSERT INTO note(item_id, on_date, person_id, text, created_at) VALUES (1, '2026-06-30', 1, '又一条', 't')"
cat >"$T/listen.sql" <<EOF
LISTEN qingdan;
\\! psql -X -q "host=$SOCK dbname=$DBN user=$ALICE" -c "$NOTE_SQL"
SELECT 1;
SELECT pg_sleep(0.1);
SELECT pg_sleep(0.5);
EOF
run pg "$BOB" "$DBN" -f "$T/listen.sql"
check "LISTEN qingdan hears a note added" has "$OUT" 'notification "qingdan" with payload "note" received'
cat >"$T/listen.sql" <<EOF
LISTEN qingdan;
BEGIN;
$NOTE_SQL;
SELECT 1;
ROLLBACK;
SELECT pg_sleep(0.2);
EOF
run pg "$ALICE" "$DBN" -f "$T/listen.sql"
check "…and nothing of a rolled-back one" hasnt "$OUT" 'notification "qingdan"'

# ---- db revoke ----
revoke "$OWNER" "$BOB"
check "db revoke takes the membership" tag "revoked"
revoke "$OWNER" "$BOB"
check "…once" tag "unchanged"
by "$BOB" "SELECT count(*) FROM item"
check "a revoked login reads nothing" refused "permission denied for table item"
by "$OWNER" "SELECT rolcanlogin FROM pg_roles WHERE rolname = '$BOB'"
check "…and its role is kept" tag "t"
revoke "$OWNER" "qdt_nobody_$U"
check "db revoke of an unknown role says so" refused "there is no role qdt_nobody_$U"
grant "$ALICE" "$DAVE"
check "db grant by a role without CREATEROLE: refused, saying why" refused "needs CREATEROLE"

# ---- an owner that may not create roles: the migration still runs ----
# (in a database whose own collation is not byte order, when ICU is there)
super -c "CREATE ROLE $OWNER2 LOGIN"
super -c "CREATE DATABASE \"$DB2\" OWNER $OWNER2 TEMPLATE template0
	LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C.UTF-8'" 2>/dev/null ||
	super -c "CREATE DATABASE \"$DB2\" OWNER $OWNER2"
run pg "$OWNER2" "$DB2" -q -f "$T/schema.sql"
check "migrations apply for an owner without CREATEROLE" ok
check "…and say the group is left to db grant" has "$ERR" "may not create the member role"
run pg "$OWNER2" "$DB2" -c "SELECT value FROM qingdan_meta WHERE key = 'member_role'"
G2=$OUT
named() { printf '%s\n' "$G2" | grep -Eqx "qingdan_qdt_${U}_[0-9a-f]{8}"; }
check "a database name that is not plain gets a hashed group name" named
run pg "$OWNER2" "$DB2" -v VERBOSITY=verbose -v login="$DAVE" -f "$T/grant.sql"
check "db grant there: refused with SQLSTATE 42501" refused "42501"
check "…naming what is missing" has "$ERR" "needs CREATEROLE"
super -c "ALTER ROLE $OWNER2 CREATEROLE"
run pg "$OWNER2" "$DB2" -v login="$CAROL" -f "$T/grant.sql"
check "with CREATEROLE the first db grant makes the group" tag "granted"
run pg "$CAROL" "$DB2" -c "SELECT count(*) FROM audit"
check "…with the members' privileges" tag "0"
run pg "$CAROL" "$DB2" -c "DELETE FROM audit"
check "…and the audit's rules" refused "permission denied for table audit"

# text orders by bytes, as on SQLite, whatever the database's collation
run pg "$OWNER2" "$DB2" -c "SELECT string_agg(x, ',' ORDER BY x) FROM (VALUES ('a'), ('B')) v(x)"
if [ "$OUT" = "a,B" ]; then
	run pg "$OWNER2" "$DB2" -q -c "INSERT INTO org(name, level) VALUES
		('a', 'branch'), ('B', 'branch'), ('党委', 'branch'), ('Z', 'branch'), ('ab', 'branch')" \
		-c "SELECT string_agg(name, ',' ORDER BY name) FROM org"
	check "names sort in byte order under an ICU database collation" tag "B,Z,a,ab,党委"
else
	echo "ok   (skipped: no ICU collation to sort differently from bytes)"
fi

# ---- no pg_trgm to be had (no CREATE on the database): no index, no failure ----
super -c "CREATE ROLE $OWNER3 LOGIN" -c "CREATE DATABASE $DB3"
pg "$SUPER" "$DB3" -q -c "GRANT CREATE ON SCHEMA public TO $OWNER3"
run pg "$OWNER3" "$DB3" -q -f "$T/schema.sql"
check "migrations apply where pg_trgm cannot be created" ok
check "…saying search goes without an index" has "$ERR" "no pg_trgm"
run pg "$OWNER3" "$DB3" -c "SELECT count(*) FROM pg_indexes WHERE indexname = 'item_trgm'"
check "…and there is none" tag "0"

finish

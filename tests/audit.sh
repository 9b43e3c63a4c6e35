#!/bin/sh
# tests/audit.sh — what the audit log proves, through the real binary with
# HOME (and so the state folder ~/.local/state/qingdan) pinned inside $T:
# a tail cut made with the sqlite3 shell is reported by the next command of
# a user who had seen the later head; a whole-chain recompute too (python3,
# when present; t_anchor.c does it always); audit anchor and a paper anchor;
# --accept; 16-hex print codes with the old 8-hex ones still verifying; and
# an owner who is also the lead cannot verify (销号) alone.  The tampering
# goes through dbsql (the sqlite3 shell, or psql on make test-pg).
. "$(dirname "$0")/lib.sh"
STATE="$HOME/.local/state/qingdan"
head_seq() { dbsql "SELECT max(seq) FROM audit"; }

# ---- a fresh user works; the anchor follows every write ----
newdb office
run qd init
check "init on a fresh state folder" is "$RC" 0
check "state folder is private" is "$(stat -c %a "$STATE")" 700
run qd item add --org 党组 --content 第一项
run qd item add --org 党组 --content 第二项
run qd item add --org 党组 --content 第三项
ID3=$OUT
check "writes work" is "$RC" 0
SEEN=$(head_seq)
run qd audit anchor
check "audit anchor exit 0" is "$RC" 0
HASH=$(dbsql "SELECT hash FROM audit WHERE seq = $SEEN")
check "anchor: the head's seq and time" has "$OUT" "最新日志：第 $SEEN 条，时间 "
check "anchor: the full hash" has "$OUT" "哈希：$HASH"
check "anchor: the code, SEQ-16 hex" has "$OUT" "校验码：$SEEN-$(printf '%.16s' "$HASH")"
check "anchor: the unit" has "$OUT" "单位："
check "anchor: how to check the paper" has "$OUT" "audit verify --anchor $SEEN:$HASH"
check "anchor: this user's local anchor" has "$OUT" "本机锚点：第 $SEEN 条"
check "anchor: where it is kept" has "$OUT" "本机锚点文件：$STATE/ 下的 p-"
PAPER="$SEEN:$HASH"
run qd audit verify --anchor "$PAPER"
check "paper anchor holds" is "$RC" 0
check "…says so" has "$OUT" "相符"
run qd audit verify --anchor "$SEEN-$(printf '%.16s' "$HASH")"
check "paper anchor in code form holds" is "$RC" 0
run qd audit verify --anchor "$SEEN:$(printf '%.8s' "$HASH")"
check "32-bit paper anchor refused" is "$RC" 1
dbcopy before-cut
BEFORE_CUT=$COPY

# ---- a tail cut with the sqlite3 shell ----
dbsql "DELETE FROM audit WHERE seq > $((SEEN - 1)); DELETE FROM item WHERE id = $ID3"
run qd item list
check "tail cut: next command refused" is "$RC" 1
check "…says the log was cut or rewritten" has "$ERR" "操作日志已被截断或改写"
check "…names what was seen" has "$ERR" "见过第 $SEEN 条日志"
check "…says what to do" has "$ERR" "audit anchor --accept"
check "…prints nothing" is "$OUT" ""
run qd item add --org 党组 --content 截断后
check "tail cut: writes refused" is "$RC" 1
check "…and nothing written" is "$(head_seq)" "$((SEEN - 1))"
run "$QD" --lang en --today "$TODAY" --db "$DB" item list
check "tail cut: English message" has "$ERR" "the audit log was cut or rewritten"
run qd audit verify
check "tail cut: audit verify fails" is "$RC" 1
check "…with the warning" has "$ERR" "截断或改写"
run qd audit list --format tsv
check "tail cut: audit list still runs" is "$RC" 0
check "…and warns" has "$ERR" "截断或改写"
run qd audit verify --anchor "$PAPER"
check "tail cut: paper anchor fails" is "$RC" 1
check "…entry gone" has "$ERR" "已没有这一条"
# another user who never saw the later head is not refused
run env HOME="$T/other" "$QD" --today "$TODAY" --db "$DB" item list
check "a fresh user is not refused" is "$RC" 0
check "…no warning" is "$ERR" ""

# ---- --accept re-bases after a deliberate restore ----
run qd audit anchor --accept
check "accept exit 0" is "$RC" 0
check "…now the file's head" has "$OUT" "重新确认为第 $((SEEN - 1)) 条"
check "…it was" has "$OUT" "原为第 $SEEN 条"
check "…changes only the local state" has "$OUT" "不写入数据库，也不记入操作日志"
check "…and the log is not written" is "$(head_seq)" "$((SEEN - 1))"
run qd item list
check "after accept: works" is "$RC" 0
check "…no warning" is "$ERR" ""
run qd item add --org 党组 --content 恢复后
check "after accept: writes work" is "$RC" 0

# ---- restoring the older copy of a file is a rollback too ----
run qd item add --org 党组 --content 再写一项
dbrestore "$BEFORE_CUT"
run qd item list
check "an older copy put back: refused" is "$RC" 1

# ---- a whole-chain recompute (python3 has hashlib and sqlite3) ----
if ! sqlite_only "whole-chain recompute with python's sqlite3"; then
	:
elif python3 -c 'import hashlib, sqlite3' 2>/dev/null; then
	newdb rewrite
	run qd init
	run qd item add --org 党组 --content 原来的内容
	run qd item add --org 党组 --content 另一项
	run qd audit anchor
	SEEN=$(head_seq)
	PAPER="$SEEN:$(dbsql "SELECT hash FROM audit WHERE seq = $SEEN")"
	python3 - "$DB" <<'EOF'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sha = lambda s: hashlib.sha256(s.encode()).hexdigest()
db.execute("UPDATE item SET content = '改写后的内容' WHERE id = 1")
canon = db.execute("SELECT json_object('id', t.id, 'list_id', t.list_id, 'seq', t.seq, "
    "'category', t.category, 'content', t.content, 'measures', t.measures, "
    "'standard', t.standard, 'due', t.due, 'due_text', t.due_text, "
    "'owner_id', t.owner_id, 'lead_id', t.lead_id, 'status', t.status, "
    "'done_on', t.done_on, 'version', t.version, 'created_at', t.created_at, "
    "'updated_at', t.updated_at, 'deleted_at', t.deleted_at) FROM item t WHERE id = 1").fetchone()[0]
db.execute("UPDATE audit SET digest = ? WHERE seq = (SELECT max(seq) FROM audit "
           "WHERE entity = 'item' AND entity_id = 1)", (sha(canon),))
prev = "0" * 64
for r in db.execute("SELECT seq, at, login, coalesce(person_id, 0), action, entity, entity_id, "
                    "detail, digest FROM audit ORDER BY seq").fetchall():
    h = sha(prev + "\n" + "\x1f".join(str(x) for x in r))
    db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, r[0]))
    prev = h
db.commit()
EOF
	run env HOME="$T/third" "$QD" --today "$TODAY" --db "$DB" audit verify
	check "recompute: audit verify alone is fooled" is "$RC" 0
	run qd item list
	check "recompute: the anchor refuses" is "$RC" 1
	check "…that entry differs" has "$ERR" "这一条已不同"
	run env HOME="$T/third" "$QD" --today "$TODAY" --db "$DB" audit verify --anchor "$PAPER"
	check "recompute: the paper anchor fails too" is "$RC" 1
else
	echo "skip recompute (no python3): t_anchor.c covers it"
fi

# ---- print codes: 64 bits; old 8-hex codes still verify ----
demo_db
run qd print --person 孙丽华
CODE=$(printf '%s\n' "$OUT" | sed -n 's/.*校验码：\([0-9a-f-]*\).*/\1/p')
check "a code was printed" [ -n "$CODE" ]
check "code is SEQ- and 16 hex digits" is "$(expr "$CODE" : '[0-9][0-9]*-[0-9a-f]\{16\}$')" "${#CODE}"
run qd audit verify --code "$CODE"
check "the code verifies" is "$RC" 0
OLD=${CODE%????????}
run qd audit verify --code "$OLD"
check "an old 8-hex code still verifies" is "$RC" 0
run qd audit verify --code "${CODE%?}"
check "a 15-hex code is refused" is "$RC" 1
check "…as invalid" has "$ERR" "无效"

# ---- owner who is also the lead cannot verify alone ----
newdb self
run qd init
run qd person add 李四 --login "$(id -un)"
run qd item add --org 党组 --content 自己牵头的事项 --owner 李四 --lead 李四
SELF=$OUT
run qd item set "$SELF" --status in_progress
run qd item set "$SELF" --status submitted
check "owner-lead submits" is "$RC" 0
run qd person add 管理员 --login qd-test-admin --admin
run qd item set "$SELF" --status done
check "owner-lead verifying alone: refused" is "$RC" 1
check "…says why" has "$ERR" "既是事项 #$SELF 的责任人又是牵头领导，不能自己审核销号"
run qd item show "$SELF"
check "…still submitted" has "$OUT" "状态：待审核"

finish

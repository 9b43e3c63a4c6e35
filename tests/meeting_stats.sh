# tests/meeting_stats.sh — what issue 11 §4–5 adds to commands that were
# there before: `stats` gains the meeting ledger's totals by org (appended
# after the columns it always had), and the settings hours_norm and
# hours_norm_leader (the yearly training norms of `meeting hours`).  The
# meetings are written behind qingdan's back (dbsql), so this test needs
# nothing of `meeting add`; --today pinned to 2026-06-30, both backends.
. "$(dirname "$0")/lib.sh"

tab=$(printf '\t')
newdb stats
run qd init
run qd org add 第一党支部 --level branch --parent 机关党委
check "branch added" is "$RC" 0
for p in 李书记 王组织 张委员; do
	run qd person add "$p" --org 第一党支部
done
B="(SELECT id FROM org WHERE name = '第一党支部')"
P="(SELECT id FROM person WHERE name ="
run dbsql "INSERT INTO meeting(org_id, type, on_date, hours, created_at, updated_at) VALUES
  ($B, 'committee', '2026-01-15', 2, '2026-01-15T00:00:00Z', '2026-01-15T00:00:00Z'),
  ($B, 'committee', '2026-02-12', 1.5, '2026-02-12T00:00:00Z', '2026-02-12T00:00:00Z'),
  ($B, 'theme-day', '2025-05-01', 3, '2025-05-01T00:00:00Z', '2025-05-01T00:00:00Z'),
  ($B, 'theme-day', '2026-03-01', 9, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');
UPDATE meeting SET deleted_at = '2026-03-02T00:00:00Z' WHERE on_date = '2026-03-01';
INSERT INTO attendance(meeting_id, person_id, status)
  SELECT m.id, p.id, CASE WHEN m.on_date = '2026-02-12' THEN 'late' ELSE 'present' END
  FROM meeting m, person p WHERE (m.on_date = '2026-01-15' AND p.org_id = $B)
  OR (m.on_date = '2026-02-12' AND p.name = '李书记');"
check "meetings written" is "$RC" 0

# ---- stats: the old columns first, then the ledger's ----
run qd stats --format tsv
check "stats runs" is "$RC" 0
check "stats header: old columns, then the ledger's" is "$(printf '%s\n' "$OUT" | sed -n 1p)" \
	"id${tab}group${tab}total${tab}done${tab}overdue${tab}late${tab}completion${tab}pledges_signed${tab}pledges_issued${tab}meetings${tab}meeting_hours${tab}participants${tab}periods_ok${tab}periods_short${tab}periods_missing${tab}periods_open"
row=$(printf '%s\n' "$OUT" | grep "${tab}第一党支部${tab}")
# 2 meetings of 2026 (not 2025's, not the deleted one), 3.5 h, 3 + 1 people;
# periods at 30 June: 支委会 Jan Feb ok, Mar–May missing; 党小组会 and 主题党日
# Jan–May missing; 党员大会 and 党课 Q1 missing; the rest open (46 in all)
check "branch row: meetings, hours, participants, periods" is "$(printf '%s' "$row" | cut -f10-)" \
	"2${tab}3.5${tab}4${tab}2${tab}0${tab}15${tab}29"
check "branch row keeps its old columns" is "$(printf '%s' "$row" | cut -f3)" 0
row=$(printf '%s\n' "$OUT" | grep "${tab}党组${tab}")
# 党组: 民主生活会 yearly (open), 中心组学习 quarterly (Q1 missing, Q2–Q4 open)
check "党组 row" is "$(printf '%s' "$row" | cut -f10-)" "0${tab}0${tab}0${tab}0${tab}0${tab}1${tab}4"
run qd stats --format json
check "stats json has the new keys" has "$OUT" '"meetings":2,"meeting_hours":3.5,"participants":4'
check "stats json stays json" has "$OUT" '"periods_open":29}'
run qd stats --by category --format tsv
check "by category: the new columns empty" is "$(printf '%s\n' "$OUT" | sed -n 1p | awk -F'\t' '{print NF}')" 16
run qd --year 2025 stats --format tsv
row=$(printf '%s\n' "$OUT" | grep "${tab}第一党支部${tab}")
check "stats of 2025: the 2025 meeting" is "$(printf '%s' "$row" | cut -f10-12)" "1${tab}3${tab}0"
run qd stats
check "stats table labels the new columns" has "$OUT" "会议活动"
run qd --lang en stats
check "stats table in English" has "$OUT" "participants"

# ---- the hours norms ----
run qd setting --format tsv
check "settings list the norms" has "$OUT" "hours_norm${tab}${tab}"
check "settings list the leaders' norm" has "$OUT" "hours_norm_leader${tab}"
run qd setting hours_norm 40
check "hours_norm set" is "$RC" 0
run qd setting hours_norm
check "hours_norm read back" is "$OUT" 40
run qd setting hours_norm_leader 60.5
check "a fraction is fine" is "$RC" 0
for bad in abc -3 1001 '40h' ' 40'; do
	run qd setting hours_norm "$bad"
	check "hours_norm '$bad' refused" is "$RC" 2
done
check "the refusal says what to write" has "$ERR" "0 到 1000"
run qd setting hours_norm
check "a refused value changed nothing" is "$OUT" 40
run qd --lang en setting hours_norm_leader x
check "the refusal in English" has "$ERR" "from 0 to 1000"
run qd setting hours_norm ''
check "'' goes back to the default" is "$RC" 0
run qd setting nosuch
check "unknown setting names the norms" has "$ERR" "hours_norm_leader"

finish

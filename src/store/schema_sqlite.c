/* schema_sqlite.c — the numbered schema migrations of the SQLite dialect
 * (schema_pg.c has the same numbers for PostgreSQL).
 *
 * Migration N takes a database from user_version N-1 to N.  Each runs in its
 * own transaction (db.c).  Never edit a migration that has shipped: add the
 * next one.  Tables are STRICT; dates are ISO text, timestamps UTC ISO-8601. */
#include "schema.h"

#include "qingdan/db.h"

#include <stddef.h>

/* Each migration is a NULL-terminated list of statements. */
static const char *const migration1[] = {
	"CREATE TABLE setting(\n"
	"  key TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL\n"
	") STRICT;\n",
	"CREATE TABLE org(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL UNIQUE,\n"
	"  level TEXT NOT NULL CHECK(level IN ('party-group','organ-committee','branch')),\n"
	"  parent_id INTEGER REFERENCES org(id),\n"
	"  sort INTEGER NOT NULL DEFAULT 0\n"
	") STRICT;\n",
	"CREATE TABLE person(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL,\n"
	"  post TEXT NOT NULL DEFAULT '',\n"
	"  org_id INTEGER REFERENCES org(id),\n"
	"  login TEXT UNIQUE,\n"
	"  is_admin INTEGER NOT NULL DEFAULT 0 CHECK(is_admin IN (0,1)),\n"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK(active IN (0,1))\n"
	") STRICT;\n",
	"CREATE INDEX person_name ON person(name);\n",
	"CREATE INDEX person_org ON person(org_id, name);\n",
	"CREATE TABLE list(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  org_id INTEGER NOT NULL REFERENCES org(id),\n"
	"  year INTEGER NOT NULL,\n"
	"  title TEXT NOT NULL DEFAULT '',\n"
	"  state TEXT NOT NULL DEFAULT 'draft' CHECK(state IN ('draft','approved','archived')),\n"
	"  UNIQUE(org_id, year)\n"
	") STRICT;\n",
	"CREATE INDEX list_year ON list(year, org_id);\n",
	"CREATE TABLE item(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  list_id INTEGER NOT NULL REFERENCES list(id),\n"
	"  seq INTEGER NOT NULL,\n"
	"  category TEXT NOT NULL DEFAULT '',\n"
	"  content TEXT NOT NULL,\n"
	"  measures TEXT NOT NULL DEFAULT '',\n"
	"  standard TEXT NOT NULL DEFAULT '',\n"
	"  due TEXT,\n"
	"  due_text TEXT NOT NULL DEFAULT '',\n"
	"  owner_id INTEGER REFERENCES person(id),\n"
	"  lead_id INTEGER REFERENCES person(id),\n"
	"  status TEXT NOT NULL DEFAULT 'planned'\n"
	"    CHECK(status IN ('planned','in_progress','submitted','done','cancelled')),\n"
	"  done_on TEXT,\n"
	"  version INTEGER NOT NULL DEFAULT 1,\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  deleted_at TEXT\n"
	") STRICT;\n",
	"CREATE INDEX item_list ON item(list_id, seq);\n",
	/* covering index for per-person lists and person x status counts */
	"CREATE INDEX item_owner ON item(owner_id, status, due);\n",
	"CREATE INDEX item_lead ON item(lead_id, status, due);\n",
	"CREATE INDEX item_due ON item(due);\n",
	"CREATE TABLE note(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  item_id INTEGER NOT NULL REFERENCES item(id),\n"
	"  on_date TEXT NOT NULL,\n"
	"  person_id INTEGER REFERENCES person(id),\n"
	"  text TEXT NOT NULL,\n"
	"  created_at TEXT NOT NULL\n"
	") STRICT;\n",
	"CREATE INDEX note_item ON note(item_id, on_date);\n",
	"CREATE TABLE pledge(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  year INTEGER NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  body TEXT NOT NULL DEFAULT '',\n"
	"  issuer_id INTEGER NOT NULL REFERENCES person(id),\n"
	"  signer_id INTEGER NOT NULL REFERENCES person(id),\n"
	"  sign_due TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'draft'\n"
	"    CHECK(status IN ('draft','issued','signed','assessed','archived','void')),\n"
	"  body_sha256 TEXT,\n"
	"  issuer_signed_on TEXT,\n"
	"  issuer_signed_by INTEGER REFERENCES person(id),\n"
	"  issuer_method TEXT CHECK(issuer_method IN ('paper','tui')),\n"
	"  issuer_proxy INTEGER NOT NULL DEFAULT 0,\n"
	"  issuer_proxy_note TEXT,\n"
	"  issuer_recorded_by INTEGER REFERENCES person(id),\n"
	"  signer_signed_on TEXT,\n"
	"  signer_signed_by INTEGER REFERENCES person(id),\n"
	"  signer_method TEXT CHECK(signer_method IN ('paper','tui')),\n"
	"  signer_proxy INTEGER NOT NULL DEFAULT 0,\n"
	"  signer_proxy_note TEXT,\n"
	"  signer_recorded_by INTEGER REFERENCES person(id),\n"
	"  grade TEXT,\n"
	"  score REAL,\n"
	"  assessed_on TEXT,\n"
	"  assess_note TEXT,\n"
	"  void_reason TEXT,\n"
	"  successor_id INTEGER REFERENCES pledge(id),\n"
	"  version INTEGER NOT NULL DEFAULT 1,\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL\n"
	") STRICT;\n",
	"CREATE INDEX pledge_year ON pledge(year, status);\n",
	"CREATE INDEX pledge_signer ON pledge(signer_id);\n",
	"CREATE INDEX pledge_issuer ON pledge(issuer_id);\n",
	"CREATE TABLE audit(\n"
	"  seq INTEGER PRIMARY KEY,\n"
	"  at TEXT NOT NULL,\n"
	"  login TEXT NOT NULL,\n"
	"  person_id INTEGER,\n"
	"  action TEXT NOT NULL,\n"
	"  entity TEXT NOT NULL,\n"
	"  entity_id INTEGER NOT NULL,\n"
	"  detail TEXT NOT NULL,\n"
	"  digest TEXT NOT NULL,\n"
	"  prev_hash TEXT NOT NULL,\n"
	"  hash TEXT NOT NULL\n"
	") STRICT;\n",
	"CREATE INDEX audit_entity ON audit(entity, entity_id, seq);\n",
	"CREATE VIRTUAL TABLE item_fts USING fts5(content, content='item',\n"
	"  content_rowid='id', tokenize='trigram');\n",
	/* new items are indexed at commit, all at once (db.c, store_fts_flush):
	 * an FTS5 insert per statement costs a segment flush each */
	"CREATE TRIGGER item_fts_ad AFTER DELETE ON item BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, content) VALUES ('delete', old.id, old.content);\n"
	"END;\n",
	"CREATE TRIGGER item_fts_au AFTER UPDATE OF content ON item BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, content) VALUES ('delete', old.id, old.content);\n"
	"  INSERT INTO item_fts(rowid, content) VALUES (new.id, new.content);\n"
	"END;\n",
	NULL,
};

/* 2: a covering index for the year's counts (stats by person, the people
 * view): 1M items by person went from 0.31 s to 0.13 s. */
static const char *const migration2[] = {
	"CREATE INDEX item_stats ON item(list_id, owner_id, status, due, done_on, deleted_at);",
	NULL,
};

/* 3: the owner and lead indexes also cover a person's counts for a year
 * (people view, checklists): a lead of 20k items a year took up to 212 ms a
 * page, 7 ms with these.  ANALYZE (sampled, bounded) lets the planner see it. */
static const char *const migration3[] = {
	"DROP INDEX item_owner;",
	"CREATE INDEX item_owner ON item(owner_id, list_id, status, due, deleted_at);",
	"DROP INDEX item_lead;",
	"CREATE INDEX item_lead ON item(lead_id, list_id, status, due, deleted_at, owner_id);",
	"PRAGMA analysis_limit = 1000;",
	"ANALYZE;",
	NULL,
};

/* 4: search and names in one normal form (norm.h).  The trigram index
 * holds item content folded by qd_norm() — a function of the connection
 * (store_functions) — and item.search_text keeps that folded text where it
 * differs from what the user wrote (NULL, the usual case, when it does
 * not), so the triggers can remove exactly what was indexed without calling
 * qd_norm: a change made with the sqlite3 shell leaves the index stale for
 * that item, never inconsistent.  The people's and orgs' names are folded by
 * the model, which audits each change (upgrade_task, run at open). */
static const char *const migration4[] = {
	"ALTER TABLE item ADD COLUMN search_text TEXT;",
	"UPDATE item SET search_text = nullif(qd_norm(content), content);",
	"DROP TRIGGER item_fts_ad;",
	"DROP TRIGGER item_fts_au;",
	"DROP TABLE item_fts;",
	"CREATE VIEW item_search(id, content) AS\n"
	"  SELECT id, coalesce(search_text, content) FROM item;\n",
	"CREATE VIRTUAL TABLE item_fts USING fts5(content, content='item_search',\n"
	"  content_rowid='id', tokenize='trigram');\n",
	"INSERT INTO item_fts(item_fts) VALUES ('rebuild');",
	"CREATE TRIGGER item_fts_ad AFTER DELETE ON item BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, content)\n"
	"    VALUES ('delete', old.id, coalesce(old.search_text, old.content));\n"
	"END;\n",
	"CREATE TRIGGER item_fts_au AFTER UPDATE OF content, search_text ON item BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, content)\n"
	"    VALUES ('delete', old.id, coalesce(old.search_text, old.content));\n"
	"  INSERT INTO item_fts(rowid, content) VALUES (new.id, coalesce(new.search_text, new.content));\n"
	"END;\n",
	/* data fixes that need the model's rules and the audit chain */
	"CREATE TABLE upgrade_task(name TEXT PRIMARY KEY) STRICT;",
	"INSERT INTO upgrade_task SELECT 'normalise_names' "
	"WHERE EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM org);",
	NULL,
};

/* 5: the 组织生活 ledger (issue 11).  member holds a person's Party
 * standing, branch committee role and 党小组 (a person without a row is a
 * full member with neither): a table of its own, so the canonical text of
 * person, and every digest over it, stays as it is.  meeting is one
 * meeting or activity of an org (soft-deleted, like items); attendance one
 * person's presence at it (an expected member with no row counts as
 * absent); meeting_note its evidence lines (minutes, sign-in sheet,
 * photos: a path or archive reference), append-only like notes;
 * item_meeting the meetings an item names as its evidence; meeting_rule
 * how often each type is due per org level and its quorum ('' none,
 * '>1/2' more than half, '>=2/3' at least two thirds of those expected),
 * with the 条例 defaults of notes/ledger.md. */
#define MEETING_TYPES \
	"'members','committee','group','lecture','theme-day','org-life','democratic-life'," \
	"'review','study-group','training','council','double-report','talk','other'"
static const char *const migration5[] = {
	"CREATE TABLE member(\n"
	"  person_id INTEGER PRIMARY KEY REFERENCES person(id),\n"
	"  party TEXT NOT NULL DEFAULT 'full' CHECK(party IN ('full','probationary','none')),\n"
	"  committee TEXT NOT NULL DEFAULT '' CHECK(committee IN\n"
	"    ('','secretary','deputy','organization','publicity','discipline','member')),\n"
	"  cell TEXT NOT NULL DEFAULT ''\n"
	") STRICT;\n",
	"CREATE TABLE meeting(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  org_id INTEGER NOT NULL REFERENCES org(id),\n"
	"  type TEXT NOT NULL CHECK(type IN (" MEETING_TYPES ")),\n"
	"  on_date TEXT NOT NULL,\n"
	"  starts TEXT NOT NULL DEFAULT '',\n"
	"  title TEXT NOT NULL DEFAULT '',\n"
	"  place TEXT NOT NULL DEFAULT '',\n"
	"  host_id INTEGER REFERENCES person(id),\n"
	"  recorder_id INTEGER REFERENCES person(id),\n"
	"  hours REAL,\n"
	"  cell TEXT NOT NULL DEFAULT '',\n"
	"  summary TEXT NOT NULL DEFAULT '',\n"
	"  decisions TEXT NOT NULL DEFAULT '',\n"
	"  version INTEGER NOT NULL DEFAULT 1,\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  deleted_at TEXT\n"
	") STRICT;\n",
	"CREATE INDEX meeting_org ON meeting(org_id, on_date);\n",
	"CREATE INDEX meeting_date ON meeting(on_date, type);\n",
	"CREATE TABLE attendance(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),\n"
	"  person_id INTEGER NOT NULL REFERENCES person(id),\n"
	"  status TEXT NOT NULL CHECK(status IN ('present','leave','absent','late','observer')),\n"
	"  reason TEXT NOT NULL DEFAULT '',\n"
	"  UNIQUE(meeting_id, person_id)\n"
	") STRICT;\n",
	"CREATE INDEX attendance_person ON attendance(person_id, status, meeting_id);\n",
	"CREATE TABLE meeting_note(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),\n"
	"  on_date TEXT NOT NULL,\n"
	"  person_id INTEGER REFERENCES person(id),\n"
	"  kind TEXT NOT NULL DEFAULT '',\n"
	"  text TEXT NOT NULL,\n"
	"  created_at TEXT NOT NULL\n"
	") STRICT;\n",
	"CREATE INDEX meeting_note_meeting ON meeting_note(meeting_id, on_date);\n",
	"CREATE TABLE item_meeting(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  item_id INTEGER NOT NULL REFERENCES item(id),\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),\n"
	"  UNIQUE(item_id, meeting_id)\n"
	") STRICT;\n",
	"CREATE INDEX item_meeting_meeting ON item_meeting(meeting_id);\n",
	"CREATE TABLE meeting_rule(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  level TEXT NOT NULL CHECK(level IN ('party-group','organ-committee','branch')),\n"
	"  type TEXT NOT NULL CHECK(type IN (" MEETING_TYPES ")),\n"
	"  every TEXT NOT NULL CHECK(every IN ('month','quarter','half','year')),\n"
	"  min_count INTEGER NOT NULL DEFAULT 1 CHECK(min_count >= 0),\n"
	"  quorum TEXT NOT NULL DEFAULT '',\n"
	"  UNIQUE(level, type)\n"
	") STRICT;\n",
	MEETING_RULE_DEFAULTS,
	NULL,
};

/* 6: 问题清单 → 整改清单 (issue 12).  A list gains its kind: 'duty', the
 * responsibility list every list was until now, or 'rectify', the org's
 * 整改清单 for the year, whose items are the measures of its problems (the
 * item model as it is: status machine, owner and lead, notes, flags).  The
 * one-list-per-org-and-year key becomes one per kind, so list is rebuilt
 * (SQLite cannot change a table constraint); its ids stay, so item's
 * references hold.  sq_pre_migrate turns foreign keys off around the
 * migrations, as SQLite's table rebuild requires.  list's canonical text
 * (store_audit.c) keeps its five columns: every digest in use is over them,
 * and a list's kind never changes after it is made.
 *
 * A problem's status is not stored: it follows from its measures and its
 * closing (problem.h), so nothing can disagree.  The raiser is a person of
 * the file (raiser_id), an outside name with a contact (raiser_name), or
 * nobody (anonymous). */
static const char *const migration6[] = {
	"CREATE TABLE list_new(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  org_id INTEGER NOT NULL REFERENCES org(id),\n"
	"  year INTEGER NOT NULL,\n"
	"  title TEXT NOT NULL DEFAULT '',\n"
	"  state TEXT NOT NULL DEFAULT 'draft' CHECK(state IN ('draft','approved','archived')),\n"
	"  kind TEXT NOT NULL DEFAULT 'duty' CHECK(kind IN ('duty','rectify')),\n"
	"  UNIQUE(org_id, year, kind)\n"
	") STRICT;\n",
	"INSERT INTO list_new(id, org_id, year, title, state)\n"
	"  SELECT id, org_id, year, title, state FROM list;\n",
	"DROP TABLE list;\n",
	"ALTER TABLE list_new RENAME TO list;\n",
	"CREATE INDEX list_year ON list(year, org_id);\n",
	"CREATE TABLE problem(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  org_id INTEGER NOT NULL REFERENCES org(id),\n"
	"  year INTEGER NOT NULL,\n"
	"  source TEXT NOT NULL CHECK(source IN (" PROBLEM_SOURCES ")),\n"
	"  raised_on TEXT NOT NULL,\n"
	"  category TEXT NOT NULL DEFAULT '',\n"
	"  text TEXT NOT NULL,\n"
	"  raiser_id INTEGER REFERENCES person(id),\n"
	"  raiser_name TEXT NOT NULL DEFAULT '',\n"
	"  contact TEXT NOT NULL DEFAULT '',\n"
	"  meeting_id INTEGER REFERENCES meeting(id),\n"
	"  closed_on TEXT,\n"
	"  closed_by INTEGER REFERENCES person(id),\n"
	"  version INTEGER NOT NULL DEFAULT 1,\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  deleted_at TEXT\n"
	") STRICT;\n",
	"CREATE INDEX problem_org ON problem(org_id, year);\n",
	"CREATE INDEX problem_year ON problem(year, source);\n",
	"CREATE INDEX problem_meeting ON problem(meeting_id) WHERE meeting_id IS NOT NULL;\n",
	"CREATE TABLE problem_measure(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  problem_id INTEGER NOT NULL REFERENCES problem(id),\n"
	"  item_id INTEGER NOT NULL UNIQUE REFERENCES item(id)\n"
	") STRICT;\n",
	"CREATE INDEX problem_measure_problem ON problem_measure(problem_id);\n",
	"CREATE TABLE problem_feedback(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  problem_id INTEGER NOT NULL REFERENCES problem(id),\n"
	"  on_date TEXT NOT NULL,\n"
	"  by_id INTEGER REFERENCES person(id),\n"
	"  result TEXT NOT NULL,\n"
	"  satisfied INTEGER NOT NULL CHECK(satisfied IN (0,1)),\n"
	"  created_at TEXT NOT NULL\n"
	") STRICT;\n",
	"CREATE INDEX problem_feedback_problem ON problem_feedback(problem_id, on_date);\n",
	NULL,
};

/* 7: Chinese order (issue 13).  A person's sort_key is the ICU collation
 * key of the name under the setting name_order (pinyin by default, or
 * stroke), hex-encoded so that byte order is text order on both dialects
 * and db copy moves it as text; pinyin is the full reading, lower-case
 * ASCII syllables separated by one space ("zhao guo qiang"), initials
 * their first letters ("zgq").  All three are derived from the name by the
 * model (collate.h) whenever a name is written, never typed; the
 * upgrade task 'person_sort_keys' fills them for the people already in a
 * file (and again when ICU's collation version or name_order changes).
 * They are not part of person's canonical text: the digests in use stay.
 * category holds the categories of items in their canonical order; an
 * item still carries its category as text (a category not in the table
 * sorts after every one that is). */
static const char *const migration7[] = {
	"ALTER TABLE person ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';\n",
	"ALTER TABLE person ADD COLUMN pinyin TEXT NOT NULL DEFAULT '';\n",
	"ALTER TABLE person ADD COLUMN initials TEXT NOT NULL DEFAULT '';\n",
	"CREATE INDEX person_sort ON person(sort_key, id);\n",
	"CREATE INDEX person_initials ON person(initials);\n",
	"CREATE TABLE category(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL UNIQUE,\n"
	"  sort INTEGER NOT NULL\n"
	") STRICT;\n",
	CATEGORY_DEFAULTS,
	"INSERT OR IGNORE INTO upgrade_task SELECT 'person_sort_keys' "
	"WHERE EXISTS (SELECT 1 FROM person);\n",
	NULL,
};

/* 8: importing a list again (issue 13) finds the item a row stands for by
 * its organisation's list and its content in normal form (norm.h, the form
 * coalesce(search_text, content) holds); the key is that form's first 64
 * characters, the full text is compared after it (store_io_match).  By
 * position it uses item_list. */
static const char *const migration8[] = {
	"CREATE INDEX item_match ON item(list_id, (substr(coalesce(search_text, content), 1, 64)));\n",
	NULL,
};

/* 9: the screen's people view in name order (issue 13): it pages by
 * (org, sort_key, id), the order of person list within each org, on this
 * index (a seek per page, people without an org under org_id IS NULL). */
static const char *const migration9[] = {
	"CREATE INDEX person_org_sort ON person(org_id, sort_key, id);\n",
	NULL,
};

/* 10: recurring items (issue 14).  item.every is how often an item
 * repeats within its list's year ('month', 'quarter', 'half', 'year'; NULL
 * for an item that does not); item_period holds one completion record per
 * period of the year: period is '1'…'12', 'Q1'…'Q4', 'H1', 'H2' or 'Y'
 * (period.h), done_on NULL when the period was marked undone again.  An
 * item's due is derived from them by the model: the last day of its first
 * period not done (every flag and count reads due as before).  every is
 * not part of item's canonical text (the digests in use stay); its changes
 * are in the audit detail, and each period is an audited record. */
static const char *const migration10[] = {
	"ALTER TABLE item ADD COLUMN every TEXT CHECK(every IN ('month','quarter','half','year'));\n",
	"CREATE TABLE item_period(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  item_id INTEGER NOT NULL REFERENCES item(id),\n"
	"  period TEXT NOT NULL,\n"
	"  done_on TEXT,\n"
	"  note TEXT NOT NULL DEFAULT '',\n"
	"  recorded_by INTEGER REFERENCES person(id),\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  UNIQUE(item_id, period)\n"
	") STRICT;\n",
	NULL,
};

/* 11: a person's label among people of the same name (PERSON_REF in
 * store_impl.h: 王伟（办公室）) looks for another 王伟 of the same post
 * here, and of the same org on person_org — with only person(name) it
 * walked every 王伟 for every row shown (issue 10: the screen's first
 * page on 100k people, 22 of its 32 ms).  And person_sort carries the name,
 * so `stats --by person` reads everyone in name order off the index alone
 * (100k people: 200 → 80 ms; a table lookup per person before).  And the
 * people with a login get an index of their own: ANALYZE counts the NULL
 * logins of everyone else as one value, so after it the planner judged
 * login's UNIQUE index useless and every command looked its actor up by
 * reading the whole person table (18 ms at 100k people). */
static const char *const migration11[] = {
	"CREATE INDEX person_name_post ON person(name, post);\n",
	"DROP INDEX person_sort;\n",
	"CREATE INDEX person_sort ON person(sort_key, id, name);\n",
	"CREATE INDEX person_login ON person(login) WHERE login IS NOT NULL;\n",
	NULL,
};

static const char *const *const migrations[] = {
	migration1, /* the whole model of DESIGN §3 */
	migration2,
	migration3,
	migration4,
	migration5,
	migration6,
	migration7,
	migration8,
	migration9,
	migration10,
	migration11,
};

int schema_latest(void)
{
	return (int)(sizeof(migrations) / sizeof(migrations[0]));
}

const char *const *schema_migration(int dialect, int version)
{
	if (version < 1 || version > schema_latest())
		return NULL;
	if (dialect == DB_PG)
		return schema_pg_migration(version);
	return migrations[version - 1];
}

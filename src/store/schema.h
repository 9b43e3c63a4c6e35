/* schema.h — private to the storage module: the numbered migrations. */
#ifndef QINGDAN_SCHEMA_H
#define QINGDAN_SCHEMA_H

/* 'QDN1': PRAGMA application_id of every qingdan file. */
#define QD_APPLICATION_ID 0x51444E31

int schema_latest(void);
/* The statements taking version N-1 to N in a dialect (enum db_dialect),
 * NULL-terminated. */
const char *const *schema_migration(int dialect, int version);
/* PostgreSQL's (schema_pg.c). */
const char *const *schema_pg_migration(int version);

/* Migration 5's rules of meetings, the same on both dialects: the 条例
 * defaults of notes/ledger.md (the 党课 and 例会 ones are local policy
 * the office edits with `meeting rules --set`). */
#define MEETING_RULE_DEFAULTS \
	"INSERT INTO meeting_rule(level, type, every, min_count, quorum) VALUES\n" \
	"  ('branch', 'committee', 'month', 1, '>1/2'),\n" \
	"  ('branch', 'group', 'month', 1, ''),\n" \
	"  ('branch', 'members', 'quarter', 1, '>1/2'),\n" \
	"  ('branch', 'lecture', 'quarter', 1, ''),\n" \
	"  ('branch', 'theme-day', 'month', 1, ''),\n" \
	"  ('branch', 'org-life', 'year', 1, ''),\n" \
	"  ('branch', 'review', 'year', 1, ''),\n" \
	"  ('party-group', 'democratic-life', 'year', 1, '>=2/3'),\n" \
	"  ('party-group', 'study-group', 'quarter', 1, ''),\n" \
	"  ('organ-committee', 'council', 'month', 1, '');\n"

/* Migration 6's sources of a problem (problem.h), the same on both dialects. */
#define PROBLEM_SOURCES \
	"'phone','mail','box','org-life','democratic-life','inspection','superior','self'," \
	"'visit','other'"

/* Migration 7's six default categories (issue 13), in their canonical order
 * (政治→思想→组织→作风→纪律→制度), the same on both dialects; sort leaves
 * room between them for an office's own. */
#define CATEGORY_DEFAULTS \
	"INSERT INTO category(name, sort) VALUES\n" \
	"  ('政治建设', 10), ('思想建设', 20), ('组织建设', 30),\n" \
	"  ('作风建设', 40), ('纪律建设', 50), ('制度建设', 60);\n"

#endif

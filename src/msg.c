/* msg.c — the catalogue behind msg.h.  The language is process state set
 * once at start-up (--lang), like the locale. */
#include "qingdan/msg.h"

#include <string.h>

static const char *const zh[] = {
#define MSG_ZH_(id, z, e) z,
	MSG_LIST(MSG_ZH_)
#undef MSG_ZH_
};

static const char *const en[] = {
#define MSG_EN_(id, z, e) e,
	MSG_LIST(MSG_EN_)
#undef MSG_EN_
};

static int english;

void msg_set_english(int e)
{
	english = e;
}

int msg_english(void)
{
	return english;
}

const char *msg(enum msg_id id)
{
	if ((unsigned)id >= M__COUNT)
		return "?";
	return english ? en[id] : zh[id];
}

const char *msg_column(const char *key)
{
	static const struct {
		const char *key, *zh, *en;
	} cols[] = {
#define MSG_COL_(k, z, e) {k, z, e},
		COLUMN_LIST(MSG_COL_)
#undef MSG_COL_
	};
	for (unsigned i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (strcmp(cols[i].key, key) == 0)
			return english ? cols[i].en : cols[i].zh;
	return key;
}

const char *msg_field(const char *entity, const char *key)
{
	static const struct {
		const char *entity, *key, *zh, *en;
	} fields[] = {
#define MSG_FIELD_(n, k, z, e) {n, k, z, e},
		FIELD_LIST(MSG_FIELD_)
#undef MSG_FIELD_
	};
	int found = -1;
	for (unsigned i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (strcmp(fields[i].key, key) != 0)
			continue;
		if (entity && strcmp(fields[i].entity, entity) == 0) {
			found = (int)i;
			break;
		}
		if (found < 0 && strcmp(fields[i].entity, "*") == 0)
			found = (int)i;
	}
	if (found < 0)
		return key;
	return english ? fields[found].en : fields[found].zh;
}

const char *msg_entity(const char *entity)
{
	static const struct {
		const char *key, *zh, *en;
	} names[] = {
#define MSG_ENTITY_(k, z, e) {k, z, e},
		ENTITY_LIST(MSG_ENTITY_)
#undef MSG_ENTITY_
	};
	for (unsigned i = 0; entity && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].key, entity) == 0)
			return english ? names[i].en : names[i].zh;
	return entity ? entity : "";
}

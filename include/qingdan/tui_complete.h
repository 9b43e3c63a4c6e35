/* tui_complete.h — Tab completion of a person's name in a ':' command
 * (issue 14.5): `:assign 阿卜` → `:assign 阿卜杜·热合曼`, `:filter owner=zg`
 * → `owner=郑国强`; several people: the longest common start and the
 * candidates, homonyms told apart as export names them (王伟（组织委员）). */
#ifndef QINGDAN_TUI_COMPLETE_H
#define QINGDAN_TUI_COMPLETE_H

#include "qingdan/tui.h"

/* The command line typed completed: 0 when it has no person argument to
 * complete (the caller completes action names), else 1 with *line the new
 * text (malloc'd; the same text when nothing could be added) and
 * *shown the candidates to show (malloc'd, or NULL when one or none). */
int tui_complete_person(struct tui *t, const char *typed, char **line, char **shown);

#endif

/* msg_edit.h — the strings of the TUI line editor and forms (issue 14.5:
 * text by grapheme cluster, Esc on an edited form): part of the catalogue
 * of msg.h, same form (id, 中文, English); every line ends with a
 * backslash. */
#ifndef QINGDAN_MSG_EDIT_H
#define QINGDAN_MSG_EDIT_H

#define MSG_LIST_EDIT(_) \
	_(M_TUI_FORM_DISCARD, "放弃修改？(y/n)", "Discard the changes? (y/n)") \

#endif

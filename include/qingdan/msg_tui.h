/* msg_tui.h — the strings of the interactive screen: part of the catalogue of msg.h,
 * same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_TUI_H
#define QINGDAN_MSG_TUI_H

#define MSG_LIST_TUI(_) \
	_(M_TUI__FIRST, "", "")

#endif

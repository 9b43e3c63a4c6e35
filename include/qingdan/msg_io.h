/* msg_io.h — the strings of import, export and print: part of the catalogue of msg.h,
 * same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_IO_H
#define QINGDAN_MSG_IO_H

#define MSG_LIST_IO(_) \
	_(M_IO__FIRST, "", "")

#endif

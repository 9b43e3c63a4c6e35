/* msg_install.h — the strings of installing and of the shell (issue 14
 * point 1): `qingdan --version`.  Part of the catalogue of msg.h, same form
 * (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_INSTALL_H
#define QINGDAN_MSG_INSTALL_H

#define MSG_LIST_INSTALL(_) \
	_(M_VERSION, "qingdan %s\nSQLite %s", "qingdan %s\nSQLite %s")

#endif

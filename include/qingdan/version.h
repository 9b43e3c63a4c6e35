/* version.h — qingdan's version, defined here once: `qingdan --version`
 * prints it (cli_complete.c).  Raise it with each release. */
#ifndef QINGDAN_VERSION_H
#define QINGDAN_VERSION_H

#define QD_VERSION "0.14.0"

#endif

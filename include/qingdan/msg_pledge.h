/* msg_pledge.h — the strings of pledges (责任书): part of the catalogue of msg.h,
 * same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_PLEDGE_H
#define QINGDAN_MSG_PLEDGE_H

#define MSG_LIST_PLEDGE(_) \
	_(M_PLEDGE__FIRST, "", "")

#endif

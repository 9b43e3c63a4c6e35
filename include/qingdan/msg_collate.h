/* msg_collate.h — the strings of Chinese order and pinyin lookup (issue
 * 13, item 2: the collation module qingdan-icu.so, the setting name_order,
 * the keys of a name): part of the catalogue of msg.h, same form (id,
 * 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_COLLATE_H
#define QINGDAN_MSG_COLLATE_H

#define MSG_LIST_COLLATE(_) \
	_(M_CO_MOD_MISSING, "找不到排序模块 %s（已查找：%s：%s）；按拼音或笔画排序、用拼音查人需要它：请把它放在 qingdan 程序旁边，或用 QINGDAN_LIBDIR 指明所在文件夹", "cannot find the collation module %s (searched: %s: %s); pinyin or stroke order and lookup by pinyin need it: put it beside the qingdan program, or name its folder in QINGDAN_LIBDIR") \
	_(M_CO_MOD_LOAD, "无法加载排序模块 %s：%s", "cannot load the collation module %s: %s") \
	_(M_CO_MOD_VERSION, "排序模块 %s 与本程序不配套（模块接口版本 %d，本程序需要 %d，或来自另一次构建）；请重新安装 qingdan", "the collation module %s does not match this program (module interface %d, this program needs %d, or another build); reinstall qingdan") \
	_(M_CO_ICU, "ICU 出错（%s：%s）", "ICU failed (%s: %s)") \
	_(M_CO_TOO_LONG, "姓名太长（超过 %d 个字符），无法排序", "the name is too long to sort (over %d characters)") \
	_(M_CO_NO_KEYS, "警告：姓名已保存，但没有拼音和排序键（按姓名编码排序，不能用拼音查找）：%s", "warning: the names were saved without pinyin and sort keys (they sort by code point and cannot be found by pinyin): %s") \
	_(M_CO_BAD_ORDER, "姓名排序“%s”无效；请写 pinyin（拼音）或 stroke（姓氏笔画）", "invalid name_order \"%s\"; give pinyin or stroke") \
	_(M_SET_NAME_ORDER, "姓名排序：pinyin（拼音，默认）或 stroke（姓氏笔画）", "order of names: pinyin (the default) or stroke (姓氏笔画)")

#endif

/* sheet_entry.c — the entry point of the sheet module qingdan-sheet.so
 * (sheet.h): the table of its functions, stamped like the print module's
 * (plugin.h); the one symbol the module exports. */
#include "qingdan/sheet.h"

#include "qingdan/msg.h"

__attribute__((visibility("default"))) const struct qd_sheet_plugin *qingdan_sheet_plugin(void)
{
	static const struct qd_sheet_plugin table = {
		.stamp = {.version = QD_SHEET_VERSION, .size = sizeof table, .nmsg = M__COUNT},
		.open = sheet_xlsx_open,
		.next = sheet_xlsx_next,
		.rewind = sheet_xlsx_rewind,
		.sheet_name = sheet_xlsx_name,
		.bytes_read = sheet_xlsx_bytes_read,
		.total_bytes = sheet_xlsx_total_bytes,
		.close = sheet_xlsx_close,
	};
	return &table;
}

/* plugin_entry.c — the entry point of the print module qingdan-print.so
 * (plugin.h): the table of its functions, stamped with the interface
 * version, the table's size and the catalogue's size, which plugin.c checks
 * before it uses any of them.  The module is built with hidden visibility;
 * this is the one symbol it exports. */
#include "qingdan/plugin.h"

#include "qingdan/msg.h"

__attribute__((visibility("default"))) const struct qd_print_plugin *qingdan_print_plugin(void)
{
	static const struct qd_print_plugin table = {
		.stamp = {.version = QD_PLUGIN_VERSION, .size = sizeof table, .nmsg = M__COUNT},
		.render_pdf = doc_pdf_render,
		.xlsx_open = export_xlsx_open,
		.xlsx_row = export_xlsx_row,
		.xlsx_close = export_xlsx_close,
		.xlsx_table = export_xlsx_table,
	};
	return &table;
}

/* cli_io.c — `qingdan import`, `export` and `print`. */
#include "cli.h"

const struct cli_command cli_io_commands[] = {
	{NULL, NULL, NULL, NULL},
};

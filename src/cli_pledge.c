/* cli_pledge.c — `qingdan pledge …`. */
#include "cli.h"

const struct cli_command cli_pledge_commands[] = {
	{NULL, NULL, NULL, NULL},
};

/* main.c — qingdan's entry point.  Start reading at cli_main() (cli.c):
 * it parses the global options, opens the database through the model and
 * runs one command, or the interactive screen when there is none. */
#include "cli.h"
#include "qingdan/tui.h"

/* The interactive screen, when no command is given on a terminal. */
static int run_tui(struct cli *c)
{
	return tui_run(&c->q);
}

int main(int argc, char **argv)
{
	cli_tui_hook = run_tui;
	return cli_main(argc, argv);
}

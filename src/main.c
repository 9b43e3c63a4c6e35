/* main.c — qingdan's entry point.  Start reading at cli_main() (cli.c):
 * it parses the global options, opens the database through the model and
 * runs one command, or the interactive screen when there is none. */
#include "cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}

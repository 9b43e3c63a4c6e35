/* fuzz_csv.c — libFuzzer target for the CSV reader (src/csv.c); not part of
 * the test suite (t_csv.c runs a short randomized smoke instead).  Each input
 * is written to a temporary file, opened and read to the end; the reader
 * must neither crash nor leak, and must uphold its record contract.
 *
 *   clang -std=c11 -g -O1 -D_DEFAULT_SOURCE -Iinclude \
 *     -fsanitize=fuzzer,address,undefined -o /tmp/fuzz_csv \
 *     tests/fuzz_csv.c src/csv.c src/util.c
 *   mkdir -p /tmp/csv-corpus && cp tests/data/csv/[a-z]*.csv /tmp/csv-corpus/
 *   /tmp/fuzz_csv -max_total_time=300 -max_len=4096 /tmp/csv-corpus
 *
 * With gcc it compiles as an object (gcc -c); there is no main. */
#include "qingdan/csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];
static int fd = -1;

static void cleanup(void)
{
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fd < 0) {
		strcpy(path, "/tmp/fuzz_csv_XXXXXX");
		fd = mkstemp(path);
		if (fd < 0)
			abort();
		atexit(cleanup);
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();

	struct csv_fail f;
	struct csv_reader *r = csv_open(path, &f);
	if (!r) {
		if (f.code != CSV_ERR_ENCODING && f.code != CSV_ERR_UTF16)
			abort();
		return 0;
	}
	struct csv_record rec;
	long prev = 0;
	int rc;
	while ((rc = csv_next(r, &rec, &f)) == 1) {
		if (rec.nfields < 1 || rec.line <= prev)
			abort();
		prev = rec.line;
		for (int i = 0; i < rec.nfields; i++)
			if (!rec.fields[i] || strlen(rec.fields[i]) > (size_t)CSV_MAX_FIELD)
				abort();
	}
	if (rc < 0 && f.code != CSV_ERR_UNTERMINATED && f.code != CSV_ERR_TOOLONG &&
	    f.code != CSV_ERR_TOOMANY)
		abort();
	if (csv_next(r, &rec, &f) != rc)   /* EOF and errors are sticky */
		abort();
	csv_close(&r);
	return 0;
}

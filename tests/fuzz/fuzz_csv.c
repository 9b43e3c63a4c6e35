/* fuzz_csv.c — libFuzzer target for the CSV reader (src/csv.c): each input
 * is written to a file of our own folder, opened and read to the end.
 * tests/t_csv.c runs a short randomized smoke of the same in the suite.
 *
 * Invariants (csv.h's record contract): a file that does not open says
 * why (encoding, UTF-16); records have >= 1 field, rising line numbers,
 * fields of well-formed UTF-8 within CSV_MAX_FIELD; the only errors are
 * an unterminated quote, a field or a record too long; EOF and errors are
 * sticky; nothing leaks. */
#include "qingdan/csv.h"

#include "fuzz.h"

static char *path;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	if (!path)
		path = fuzz_path("in.csv");
	fuzz_write(path, data, size);

	struct csv_fail f;
	struct csv_reader *r = csv_open(path, &f);
	if (!r) {
		FUZZ_CHECK(f.code == CSV_ERR_ENCODING || f.code == CSV_ERR_UTF16);
		return 0;
	}
	struct csv_record rec;
	long prev = 0;
	int rc;
	while ((rc = csv_next(r, &rec, &f)) == 1) {
		fuzz_check_record(&rec, &prev);
	}
	FUZZ_CHECK(rc == 0 || f.code == CSV_ERR_UNTERMINATED || f.code == CSV_ERR_TOOLONG ||
		   f.code == CSV_ERR_TOOMANY);
	FUZZ_CHECK(csv_next(r, &rec, &f) == rc);   /* EOF and errors are sticky */
	csv_close(&r);
	return 0;
}

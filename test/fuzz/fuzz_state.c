/*-------------------------------------------------------------------------
 *
 * fuzz_state.c
 *	  libFuzzer harness for the four readers of states from outside: the
 *	  text and binary forms of jss_state and of jss_asof_state.
 *
 * Every input goes to all four readers: as a C string (up to its first
 * NUL, as the type input functions see a cstring) to StateParseText and
 * AsOfParseText, and as raw bytes to StateDecodeBinary and
 * AsOfDecodeBinary.  One harness rather than four, so that one corpus of
 * readable files (text states, binary states, near misses; no selector
 * byte in front) serves all of them, and a mutation of one form that
 * happens to be another is tried as such.  A reader refuses most inputs
 * within a few bytes, so four calls per input cost little.
 *
 * Each state a reader accepts must pass every invariant of fuzz_check.c
 * (check, text and binary round trips, prefixes refused, final functions
 * and merge clean under the sanitizers).
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "fuzz_check.h"

/* Try the input in every reader; check every state one accepts. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t		text_len = nul ? (size_t) (nul - data) : size;
	JssState	s;
	JssAsOfState a;

	if (ParseStateText((const char *) data, text_len, &s) == NULL)
		CheckState(&s);
	if (ParseAsOfText((const char *) data, text_len, &a) == NULL)
		CheckAsOf(&a);

	/* the binary readers see exactly the bytes of the message */
	s.vl_len_ = 0;
	if (StateDecodeBinary(data, size, &s) == NULL)
		CheckState(&s);
	a.vl_len_ = 0;
	if (AsOfDecodeBinary(data, size, &a) == NULL)
		CheckAsOf(&a);
	return 0;
}

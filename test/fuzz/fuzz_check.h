/*-------------------------------------------------------------------------
 *
 * fuzz_check.h
 *	  The invariants the fuzz harnesses check on every state they obtain
 *	  (fuzz_check.c).  A broken invariant abort()s, which libFuzzer reports
 *	  as a crash and saves the input for.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSS_FUZZ_CHECK_H
#define JSS_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "asof_state.h"
#include "state.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Whether CheckState/CheckAsOf also try every proper prefix of the text. */
extern bool fuzz_check_prefixes;

extern void Fail(const char *what, const char *detail, const char *text);
extern const char *ParseStateText(const char *text, size_t len, JssState *s);
extern const char *ParseAsOfText(const char *text, size_t len, JssAsOfState *a);
extern void CheckState(const JssState *s);
extern void CheckAsOf(const JssAsOfState *a);

#endif							/* JSS_FUZZ_CHECK_H */

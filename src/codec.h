/*-------------------------------------------------------------------------
 *
 * codec.h
 *	  Building blocks of the text and binary forms of jss's state types,
 *	  in plain C: writers that append to a buffer, and a strict text
 *	  cursor that records the first problem it meets.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSS_CODEC_H
#define JSS_CODEC_H

#include "wideint.h"

/* Text writers: each appends at p and returns the new end. */
extern char *PutUnsigned(char *p, uint64_t v, int min_digits);
extern char *PutString(char *p, const char *s);
extern char *PutTimestamp(char *p, int64_t ts);
extern char *PutOptionalTimestamp(char *p, bool present, int64_t ts);
extern char *PutInt128(char *p, JssInt128 v);
extern char *PutInt192(char *p, const Int192 *v);

/* Text reader: a cursor and the first problem found (a sentence), or NULL. */
typedef struct TextCursor
{
	const char *p;
	const char *error;
} TextCursor;

extern void ReadVersion(TextCursor *c, int64_t *version);
extern void ReadCount(TextCursor *c, const char *key, int64_t *v);
extern void ReadInt128(TextCursor *c, const char *key, JssInt128 *v);
extern void ReadInt192(TextCursor *c, const char *key, Int192 *v);
extern void ReadOptionalTimestamp(TextCursor *c, const char *key, bool *present, int64_t *ts);
extern void ReadEnd(TextCursor *c);

/* Binary writers and readers, network byte order. */
extern unsigned char *PutBE16(unsigned char *p, uint16_t v);
extern unsigned char *PutBE64(unsigned char *p, uint64_t v);
extern unsigned char *PutBE128(unsigned char *p, JssInt128 v);
extern unsigned char *PutBE192(unsigned char *p, const Int192 *v);
extern const unsigned char *GetBE16(const unsigned char *p, uint16_t *v);
extern const unsigned char *GetBE64(const unsigned char *p, int64_t *v);
extern const unsigned char *GetBE128(const unsigned char *p, JssInt128 *v);
extern const unsigned char *GetBE192(const unsigned char *p, Int192 *v);

#endif							/* JSS_CODEC_H */

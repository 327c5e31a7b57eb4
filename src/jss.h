/*-------------------------------------------------------------------------
 *
 * jss.h
 *	  Declarations shared by the SQL-callable files of the jss extension.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSS_H
#define JSS_H

#include "postgres.h"

#include "fmgr.h"
#include "datatype/timestamp.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"				/* SET_VARSIZE and friends moved here in 16 */
#endif
#include "state.h"
#include "asof_state.h"

/* jss_state values are plain-storage varlenas, but detoast anyway. */
#define DatumGetJssStateP(X)		((JssState *) PG_DETOAST_DATUM(X))
#define PG_GETARG_JSS_STATE_P(n)	DatumGetJssStateP(PG_GETARG_DATUM(n))
#define PG_RETURN_JSS_STATE_P(x)	PG_RETURN_POINTER(x)

extern JssState *JssStateNew(MemoryContext context);
extern JssState *JssStateCopy(MemoryContext context, const JssState *src);
extern void JssCheckStateArg(const JssState *s, const char *argname);
extern JssAsOfState *JssAsOfStateNew(MemoryContext context);
extern void JssCheckAsOfStateArg(const JssAsOfState *s);
extern JssState *JssStateArg(FunctionCallInfo fcinfo);
extern void JssCheckPriorArgs(double prior_weight, double prior_mean, int32 min_contracts);
extern void JssReportTooManyContracts(void);
extern int64 JssOutcomeArg(FunctionCallInfo fcinfo, int argno);
extern int64 JssWeightArg(FunctionCallInfo fcinfo, int argno);
extern TimestampTz JssTimeArg(FunctionCallInfo fcinfo, int argno, const char *argname);
extern char *JssFloat8Text(double v);

/* Shared by the input/output functions of jss_state and jss_asof_state. */
struct StringInfoData;
extern const unsigned char *JssReceiveBytes(struct StringInfoData *buf, size_t *len);
extern bytea *JssSendBytes(const unsigned char *bytes, size_t len);
extern void JssReportBadText(const char *type_name, const char *str, const char *problem);
extern void JssReportBadBinary(const char *type_name, const char *problem);

#endif							/* JSS_H */

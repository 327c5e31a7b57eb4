# Makefile for the jss PostgreSQL extension (PGXS)
#
#   make            build against the PostgreSQL whose pg_config is found, or
#                   PG_CONFIG=...; needs its postgresql-server-dev-NN, which
#                   `make test` and `make demo` install
#   make install    install into that PostgreSQL
#   make test       install what is missing, build, install, run every suite
#   make test-versions  build and test in Debian chroots, one per other
#                   supported PostgreSQL major and a 32-bit one (slow the
#                   first time: it makes the chroots, then reuses them)
#   make demo       install what is missing, build, install, run the demo report
#   make stress     the long reliability runs (fuzzing, load, memory checking)
#   make bench      the benchmark suites, one node and sharded (slow: not part
#                   of make test, which runs their smoke modes)
#   make installcheck   the pg_regress suites only, against a running server
#   make deb        the Debian packages, into build/deb (on Debian, as root or with sudo)

EXTENSION = jss
MODULE_big = jss
OBJS = \
	src/jss.o \
	src/wideint.o \
	src/state.o \
	src/calendar.o \
	src/codec.o \
	src/state_format.o \
	src/state_io.o \
	src/state_compare.o \
	src/aggregates.o \
	src/accessors.o \
	src/outcome.o \
	src/band.o \
	src/moving.o \
	src/asof_state.o \
	src/asof.o \
	src/history.o \
	src/explain.o
DATA = src/jss--1.0.sql src/jss--1.1.sql src/jss--1.0--1.1.sql
PGFILEDESC = "jss - Job Success Scores for PostgreSQL"

REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))

PG_CPPFLAGS = -I$(srcdir)/src -DJSS_SERVER_BUILD
# make JSS_INT128_FALLBACK=1: 128-bit sums in two 64-bit limbs even where
# the compiler has a 128-bit integer (src/int128.h), to test them on amd64
PG_CPPFLAGS += $(if $(JSS_INT128_FALLBACK),-DJSS_INT128_FALLBACK)
# Warnings are errors in our own builds; debian/rules builds with JSS_WERROR=
# empty, so that a newer compiler's new warning does not fail a package build.
JSS_WERROR ?= -Werror
PG_CFLAGS = -Wall -Wextra $(JSS_WERROR)

PG_CONFIG ?= pg_config

# The default goal: build.  Declared before PGXS so that a machine without
# the server headers gets a clear message rather than a missing-file error.
all:

.PHONY: test test-versions demo bench stress prereqs

test:
	test/run

test-versions:
	test/versions/run

demo:
	test/demo

bench:
	test/prereqs
	$(MAKE) -s install
	test/bench/run
	test/bench/shard

stress:
	test/run --stress

prereqs:
	test/prereqs

.PHONY: deb
deb: ; test/deb/build build/deb

ifneq ($(wildcard $(shell $(PG_CONFIG) --includedir-server 2>/dev/null)/postgres.h),)
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Floating point in SSE2 registers on 32-bit x86.  jss promises the same
# bits on every platform, so each float8 operation must be rounded once, to
# double, as on amd64 and every other 64-bit platform.  A compiler that
# targets 32-bit x86 without SSE2 math (Debian's i386, for one: it defines
# __i386__ and not __SSE2_MATH__) does float8 arithmetic in the x87's
# 80-bit registers, and under -fexcess-precision=standard (PostgreSQL's
# flags) a result rounded first to 64 bits and then to 53 can differ from
# the correctly rounded one in its last bit.  -mfpmath=sse makes that
# compiler round every operation to double, as amd64's does.  The cost: jss
# then needs a CPU with SSE2 (the Pentium III, the Athlon XP and older x86
# CPUs are not supported).  The test reads the compiler's own predefined
# macros, with PostgreSQL's flags, rather than naming platforms.
# SSE2 code may keep 16-byte values on the stack, which the original i386
# ABI aligns to 4 bytes only; some environments still run code on such
# stacks (under QEMU's user mode a signal handler's frame is, and so is
# everything a server process started from one runs, parallel workers
# included).  -mstackrealign makes each function that needs more align its
# own frame instead of assuming its caller did.
JSS_FP_MACROS := $(filter __i386__ __SSE2_MATH__,$(shell $(CC) $(CFLAGS) -dM -E -x c /dev/null 2>/dev/null))
ifeq ($(JSS_FP_MACROS),__i386__)
JSS_SSE2_FLAGS = -msse2 -mfpmath=sse -mstackrealign
override CFLAGS += $(JSS_SSE2_FLAGS)
override BITCODE_CFLAGS += $(JSS_SSE2_FLAGS)
endif
else
PG_MAJOR := $(shell $(PG_CONFIG) --version 2>/dev/null | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
PG_MAJOR := $(or $(PG_MAJOR),NN)
all installcheck install:
	@echo "The server headers of PostgreSQL $(PG_MAJOR) are missing: run 'make test'" >&2
	@echo "or 'make demo', which install postgresql-server-dev-$(PG_MAJOR), or 'make prereqs'." >&2
	@exit 1
endif

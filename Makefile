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
else
PG_MAJOR := $(shell $(PG_CONFIG) --version 2>/dev/null | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
PG_MAJOR := $(or $(PG_MAJOR),NN)
all installcheck install:
	@echo "The server headers of PostgreSQL $(PG_MAJOR) are missing: run 'make test'" >&2
	@echo "or 'make demo', which install postgresql-server-dev-$(PG_MAJOR), or 'make prereqs'." >&2
	@exit 1
endif

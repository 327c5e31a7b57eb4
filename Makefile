# Makefile for the jss PostgreSQL extension (PGXS)
#
#   make            build (needs postgresql-server-dev-15; `make test` installs it)
#   make install    install into the PostgreSQL found by pg_config
#   make test       install what is missing, build, install, run every suite
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

PG_CPPFLAGS = -I$(srcdir)/src
# Warnings are errors in our own builds; debian/rules builds with JSS_WERROR=
# empty, so that a newer compiler's new warning does not fail a package build.
JSS_WERROR ?= -Werror
PG_CFLAGS = -Wall -Wextra $(JSS_WERROR)

PG_CONFIG ?= pg_config

# The default goal: build.  Declared before PGXS so that a machine without
# the server headers gets a clear message rather than a missing-file error.
all:

.PHONY: test demo bench stress prereqs

test:
	test/run

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
all installcheck install:
	@echo "PostgreSQL server headers are missing: run 'make test' or 'make demo'," >&2
	@echo "which install postgresql-server-dev-15, or run 'make prereqs'." >&2
	@exit 1
endif

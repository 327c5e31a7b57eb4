# test/lib/pg.sh: the PostgreSQL that the build and every suite use, named
# once.  It is the one whose pg_config is $PG_CONFIG, by default the first
# pg_config on PATH (on Debian, postgresql-common's wrapper, which picks the
# newest major installed).  Sourced by test/prereqs, test/run and each suite
# that starts a server or names its directories; no script names a major.
#
#   PG_CONFIG       the pg_config used; exported, so that make and every
#                   sub-script agree on it
#   PG_MAJOR        its major version: 15, 17, 18 ...
#   PG_BINDIR       its programs (initdb, pg_ctl, postgres, pgbench)
#   PG_PKGLIBDIR    its library directory (where jss.so is installed)
#   PG_SHAREDIR     its share directory (extension/ holds jss's scripts)
#   throwaway_cluster [pg_virtualenv options] command...
#                   pg_virtualenv for this major (by default pg_virtualenv
#                   takes the newest server installed, which need not be it)
# shellcheck shell=bash

PG_CONFIG=${PG_CONFIG:-pg_config}
export PG_CONFIG

if ! PG_MAJOR=$("$PG_CONFIG" --version 2>/dev/null); then
	echo "test/lib/pg.sh: '$PG_CONFIG --version' failed: is PostgreSQL installed?" >&2
	return 1 2>/dev/null || exit 1
fi
# "PostgreSQL 17.12 (Debian 17.12-1)", "PostgreSQL 18.6", "PostgreSQL 19devel"
PG_MAJOR=${PG_MAJOR#PostgreSQL }
PG_MAJOR=${PG_MAJOR%%[!0-9]*}
PG_BINDIR=$("$PG_CONFIG" --bindir)
PG_PKGLIBDIR=$("$PG_CONFIG" --pkglibdir)
PG_SHAREDIR=$("$PG_CONFIG" --sharedir)
export PG_MAJOR

throwaway_cluster() {
	pg_virtualenv -v "$PG_MAJOR" "$@"
}

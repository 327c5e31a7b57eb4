# test/lib/cluster.sh: private PostgreSQL trees and throwaway clusters, for
# the suites that need a special build of jss (valgrind, sanitizers, fake
# versions) and so must never install it over the system-wide copy.  Sourced
# by test/memcheck/run, test/upgrade/run.  Run as root; servers run as postgres.
#
#   pgtree_make ROOT        copy the system PostgreSQL that test/lib/pg.sh names
#                           (binaries, libraries, share) into ROOT with the same
#                           relative layout: the binaries are relocatable, so
#                           ROOT's pg_config, initdb and postgres use ROOT's lib
#                           and share directories.  Sets PGTREE_BIN and
#                           PGTREE_PKGLIBDIR; fails unless pg_config points
#                           inside ROOT.
#   jss_build_into BUILD [make variables...]
#                           copy this checkout's sources (no object files) into
#                           BUILD, build them there and install into the tree
#   cluster_init DATADIR    initdb as postgres (trust, loopback only)
#   cluster_start DATADIR PORT LOG [prefix command...]
#                           start postgres on 127.0.0.1:PORT, optionally under a
#                           prefix (env ..., valgrind ...); wait until it answers
#   cluster_stop DATADIR    stop it (fast, then immediate, then the postmaster's pid)
#   free_port               print a TCP port nothing listens on
#   cluster_cleanup         stop every cluster started here and remove the
#                           directories made by tmpdir; scripts trap it on EXIT
#   tmpdir VAR              mktemp -d, readable by postgres, into VAR; removed
#                           by cluster_cleanup (KEEP_TMP=1 keeps it)

CLUSTER_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$CLUSTER_REPO/test/lib/pg.sh"
# Debian's layout: /usr/lib/postgresql/NN/{bin,lib}, /usr/share/postgresql/NN
PGSYS_LIB=$(dirname "$PG_BINDIR")
PGSYS_SHARE=$PG_SHAREDIR
PGSYS_INCLUDE=/usr/include/postgresql
CLUSTER_STARTED=()
CLUSTER_TMPDIRS=()

tmpdir() {	# tmpdir VAR (not in $(...): the list of directories must be kept)
	local _d
	_d=$(mktemp -d "${TMPDIR:-/tmp}/jss-test.XXXXXX") || return 1
	chmod 755 "$_d"
	CLUSTER_TMPDIRS+=("$_d")
	printf -v "$1" '%s' "$_d"
}

pgtree_make() {
	local root=$1
	mkdir -p "$root$(dirname "$PGSYS_LIB")" "$root$(dirname "$PGSYS_SHARE")" "$root/usr/include" || return 1
	cp -a "$PGSYS_LIB" "$root$(dirname "$PGSYS_LIB")/" || return 1
	cp -a "$PGSYS_SHARE" "$root$(dirname "$PGSYS_SHARE")/" || return 1
	# headers are only read: a link is enough
	ln -sfn "$PGSYS_INCLUDE" "$root/usr/include/postgresql"
	PGTREE_BIN=$root$PG_BINDIR
	PGTREE_PKGLIBDIR=$root$PG_PKGLIBDIR
	# the copy may hold the system's jss: the tree starts without it
	rm -f "$PGTREE_PKGLIBDIR/jss.so" "$root$PGSYS_SHARE/extension/jss"*
	rm -rf "$PGTREE_PKGLIBDIR/bitcode/jss"*
	local d
	for d in pkglibdir sharedir bindir includedir-server; do
		case $("$PGTREE_BIN/pg_config" --"$d") in
		"$root"/*) ;;
		*)
			echo "pgtree_make: pg_config --$d is outside $root" >&2
			return 1
			;;
		esac
	done
}

jss_build_into() {
	local build=$1
	shift
	mkdir -p "$build" || return 1
	tar -C "$CLUSTER_REPO" --exclude='*.o' --exclude='*.bc' --exclude='*.so' \
		-cf - src Makefile jss.control sql expected | tar -C "$build" -xf - || return 1
	make -C "$build" -s PG_CONFIG="$PGTREE_BIN/pg_config" "$@" >"$build/build.log" 2>&1 &&
		make -C "$build" -s PG_CONFIG="$PGTREE_BIN/pg_config" "$@" install >>"$build/build.log" 2>&1 ||
		{ cat "$build/build.log" >&2; return 1; }
}

cluster_init() {
	local data=$1
	mkdir -p "$data" && chown postgres: "$data" && chmod 700 "$data" || return 1
	runuser -u postgres -- "$PGTREE_BIN/initdb" -D "$data" -U postgres --auth=trust \
		--no-sync -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 ||
		{ cat "$data.initdb.log" >&2; return 1; }
}

free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 30000))
		[ -z "$(ss -Htan "sport = :$p")" ] && { echo "$p"; return; }
	done
}

cluster_start() {
	local data=$1 port=$2 log=$3 i
	shift 3
	touch "$log" && chown postgres: "$log"
	CLUSTER_STARTED+=("$data")
	runuser -u postgres -- "$@" "$PGTREE_BIN/postgres" -D "$data" -p "$port" \
		-c listen_addresses=127.0.0.1 -c unix_socket_directories="$data" \
		-c jit=off -c fsync=off -c logging_collector=off >>"$log" 2>&1 &
	for i in $(seq 1 600); do
		"$PGTREE_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && return 0
		if ! kill -0 $! 2>/dev/null; then
			echo "cluster_start: postgres exited; its log:" >&2
			tail -20 "$log" >&2
			return 1
		fi
		sleep 0.5
	done
	echo "cluster_start: postgres did not answer within 300 s" >&2
	return 1
}

cluster_stop() {
	local data=$1 pid
	[ -f "$data/postmaster.pid" ] || return 0
	runuser -u postgres -- "$PGTREE_BIN/pg_ctl" stop -D "$data" -m fast -w -t 300 >/dev/null 2>&1 ||
		runuser -u postgres -- "$PGTREE_BIN/pg_ctl" stop -D "$data" -m immediate -w -t 60 >/dev/null 2>&1
	if [ -f "$data/postmaster.pid" ]; then
		pid=$(head -1 "$data/postmaster.pid")
		[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
		sleep 1
	fi
	return 0
}

cluster_cleanup() {
	local d
	for d in "${CLUSTER_STARTED[@]}"; do
		cluster_stop "$d"
	done
	CLUSTER_STARTED=()
	for d in "${CLUSTER_TMPDIRS[@]}"; do
		[ -n "${KEEP_TMP:-}" ] && { echo "kept $d" >&2; continue; }
		rm -rf "$d"
	done
	CLUSTER_TMPDIRS=()
}

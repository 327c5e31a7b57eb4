# test/shard/clusters.bash: throwaway PostgreSQL clusters on loopback
# ports, for test/shard/run and test/bench/shard (sourced, not run).
#
#   clusters_init              a private directory (mktemp -d) for the data
#                              directories, sockets and logs; traps EXIT, INT
#                              and TERM so that every cluster started is
#                              stopped and the directory removed, whatever
#                              happens (a failure, Ctrl-C, kill)
#   cluster_start NAME [-c name=value ...]
#                              initdb (trust authentication, C locale, UTF8)
#                              and pg_ctl start as the postgres user, on the
#                              first free port from 54900 up (the next one
#                              if another server takes it first); sets
#                              cluster_port[NAME]
#   clusters_stop              pg_ctl stop -m fast (then -m immediate) of
#                              every cluster whose data directory is in the
#                              private directory (also one started in a
#                              subshell)
#   qn NAME [psql args...]     psql to the database "postgres" of cluster NAME
#                              (TCP on 127.0.0.1, user postgres, ON_ERROR_STOP)
#   clusters_left              prints the data directories of our clusters
#                              whose postmaster still runs (none, normally)
#
# PostgreSQL refuses to run as root: initdb and pg_ctl run under
# `runuser -u postgres --`, so the directory is made writable for it.
# shellcheck shell=bash

source test/lib/pg.sh || exit 1
pg_bin=$PG_BINDIR
cluster_dir=
cluster_names=()
declare -A cluster_port=()

as_postgres() { runuser -u postgres -- "$@"; }

clusters_init() {
	cluster_dir=$(mktemp -d /tmp/jss-shard.XXXXXX) || return 1
	chown postgres: "$cluster_dir" || return 1
	trap 'clusters_cleanup' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

clusters_cleanup() {
	clusters_stop
	[ -n "$cluster_dir" ] && rm -rf "$cluster_dir"
}

# port_free PORT: nothing accepts connections on 127.0.0.1:PORT.
port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

cluster_start() {
	local name=$1 data port tries
	shift
	data=$cluster_dir/$name
	as_postgres "$pg_bin/initdb" -D "$data" -U postgres --auth=trust --locale=C -E UTF8 \
		>"$cluster_dir/$name.initdb.log" 2>&1 || {
		cat "$cluster_dir/$name.initdb.log"
		return 1
	}
	port=${cluster_next_port:-54900}
	for tries in $(seq 20); do
		while ! port_free "$port"; do
			port=$((port + 1))
		done
		cluster_names+=("$name")
		if as_postgres "$pg_bin/pg_ctl" -D "$data" -l "$cluster_dir/$name.log" -w -t 60 \
			-o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$cluster_dir $*" \
			start >/dev/null; then
			cluster_port[$name]=$port
			cluster_next_port=$((port + 1))
			return 0
		fi
		unset 'cluster_names[-1]'
		if ! grep -q 'could not bind\|already in use\|could not create lock file' "$cluster_dir/$name.log"; then
			echo "pg_ctl start of $name failed (try $tries):"
			tail -20 "$cluster_dir/$name.log"
			return 1
		fi
		port=$((port + 1))	# another server took it between the probe and the start
	done
	return 1
}

clusters_stop() {
	local pidfile data
	[ -n "$cluster_dir" ] || return 0
	for pidfile in "$cluster_dir"/*/postmaster.pid; do
		[ -f "$pidfile" ] || continue
		data=$(dirname "$pidfile")
		as_postgres "$pg_bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
			as_postgres "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
	done
	cluster_names=()
}

clusters_left() {
	local pidfile
	for pidfile in "$cluster_dir"/*/postmaster.pid; do
		[ -f "$pidfile" ] && kill -0 "$(head -1 "$pidfile")" 2>/dev/null && dirname "$pidfile"
	done
	return 0
}

qn() {
	local name=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${cluster_port[$name]}" -U postgres -d postgres "$@"
}

#!/bin/sh
# A throwaway PostgreSQL cluster for the test suite (`make test-pg`, issue 9).
#   scripts/pg_cluster.sh start DIR [OWNER_PID]   initdb in DIR/data, start it,
#                                                 print the socket folder
#   scripts/pg_cluster.sh stop DIR                stop it (-m immediate)
# The server runs as an unprivileged OS user: as root the `postgres` user of
# the postgresql package (or `qdtest`, made with useradd when neither
# exists); otherwise the caller itself.  Unix socket only, in DIR/sock
# (listen_addresses=''), trust authentication (the tests connect with several
# role names), fsync=off; the caller's own login gets a superuser role, so
# libpq's default user works.  With OWNER_PID a guard stops the cluster once
# that process has gone, however it ended (even kill -9).  Time limits are
# multiplied by QD_TIME_SCALE as in tests/lib.sh.  Needs no terminal and no
# stdin (CI).  The caller removes DIR afterwards.
set -u
PG_BIN=${PG_BIN:-$(pg_config --bindir 2>/dev/null)}
[ -x "$PG_BIN/initdb" ] || PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
SCALE=${QD_TIME_SCALE:-1}
ME=$(id -un)

die() { echo "pg_cluster: $*" >&2; exit 1; }

[ $# -ge 2 ] || die "usage: $0 start DIR [OWNER_PID] | stop DIR"
cmd=$1 dir=$2
[ -x "$PG_BIN/initdb" ] || die "no PostgreSQL server binaries (initdb) found; install postgresql (scripts/deps.sh)"
case "$dir" in /*) ;; *) dir=$(pwd)/$dir ;; esac

# The OS user that owns and runs the server; as() runs a command as it.
if [ "$(id -u)" -eq 0 ]; then
	if id postgres >/dev/null 2>&1; then
		PGUSER_OS=postgres
	else
		PGUSER_OS=qdtest
		id qdtest >/dev/null 2>&1 || useradd -r -M -d /nonexistent -s /usr/sbin/nologin qdtest ||
			die "cannot create the OS user qdtest"
	fi
	as() { runuser -u "$PGUSER_OS" -- "$@"; }
else
	PGUSER_OS=$ME
	as() { "$@"; }
fi

# pg_ctl is called as $PGUSER_OS from a folder it may not read (root's cwd).
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd / || exit 1

stop() {
	[ -f "$dir/data/postmaster.pid" ] || return 0
	as "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t $((30 * SCALE)) stop >/dev/null 2>&1
	# a server that pg_ctl could not stop in time: its postmaster by pid
	if [ -f "$dir/data/postmaster.pid" ]; then
		pid=$(head -n 1 "$dir/data/postmaster.pid")
		case "$pid" in '' | *[!0-9]*) ;; *) kill -9 "$pid" 2>/dev/null ;; esac
		rm -f "$dir/data/postmaster.pid"
	fi
	return 0
}

case "$cmd" in
start)
	mkdir -p "$dir" || die "cannot create $dir"
	[ ! -e "$dir/data" ] || die "$dir/data exists already; stop and remove the old cluster first"
	mkdir -p "$dir/data" "$dir/sock" || die "cannot create $dir/data"
	# the server user needs its folder; the test processes (any user) the socket
	chmod 755 "$dir" "$dir/sock" && chmod 700 "$dir/data"
	[ "$PGUSER_OS" = "$ME" ] || chown -R "$PGUSER_OS" "$dir" || die "cannot give $dir to $PGUSER_OS"
	if ! as timeout $((120 * SCALE)) "$PG_BIN/initdb" -D "$dir/data" -E UTF8 --locale=C.UTF-8 -A trust \
		>"$dir/initdb.log" 2>&1; then
		cat "$dir/initdb.log" >&2
		die "initdb failed in $dir/data"
	fi
	if ! as "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t $((60 * SCALE)) \
		-o "-k $dir/sock -c listen_addresses='' -c fsync=off" \
		start >/dev/null 2>&1; then
		tail -n 20 "$dir/server.log" >&2
		stop
		die "the server in $dir did not start"
	fi
	if [ "$ME" != "$PGUSER_OS" ]; then
		as "$PG_BIN/createuser" -h "$dir/sock" -s "$ME" 2>"$dir/createuser.log" || {
			cat "$dir/createuser.log" >&2
			stop
			die "cannot create the role $ME"
		}
	fi
	# libpq's default database is the role's name; give it one.
	as "$PG_BIN/createdb" -h "$dir/sock" -O "$ME" "$ME" 2>/dev/null
	if [ $# -ge 3 ]; then
		owner=$3
		# the guard: its own session, no inherited descriptors (a pipe kept
		# open would hold up `make | tee`), polls once a second
		setsid sh "$self" guard "$dir" "$owner" </dev/null >/dev/null 2>&1 &
	fi
	echo "$dir/sock"
	;;
guard)
	owner=${3:-}
	[ -n "$owner" ] || exit 1
	while kill -0 "$owner" 2>/dev/null && [ -f "$dir/data/postmaster.pid" ]; do
		sleep 1
	done
	stop
	;;
stop)
	stop
	;;
*)
	die "usage: $0 start DIR [OWNER_PID] | stop DIR"
	;;
esac

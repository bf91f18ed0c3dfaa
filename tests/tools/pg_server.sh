#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests: `start DIR` makes a fresh cluster in
# DIR that listens only on a Unix socket inside DIR (no TCP port, so it never clashes
# with another server) and writes its connection URL to DIR/url; `stop DIR` stops it and
# removes DIR. Run as root it runs the server as the `postgres` user, as PostgreSQL
# requires. Needs Debian's postgresql package (scripts/setup.sh installs it for tests).
set -euo pipefail
cmd=${1:-}
dir=${2:-}
[[ -n $cmd && -n $dir ]] || { echo "usage: pg_server.sh start|stop DIR" >&2; exit 2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z $bindir || ! -x $bindir/initdb ]]; then
  echo "pg_server.sh: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi
as_owner() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $cmd in
  start)
    if [[ -f $dir/data/postmaster.pid ]]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [[ $(id -u) == 0 ]] && chown postgres "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U cloudcomply --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: the tests kill clients, never the machine, and a test server need not
    # survive a power cut.
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=100" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bindir/createdb" -h "$dir" -U cloudcomply cloudcomply_test
    echo "postgresql://cloudcomply@/cloudcomply_test?host=$dir" >"$dir/url"
    echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running in $dir"
    ;;
  stop)
    if [[ -d $dir/data ]]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg_server.sh start|stop DIR" >&2
    exit 2
    ;;
esac

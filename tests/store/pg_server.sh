#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests (a CTest fixture):
#   pg_server.sh start STATE   initdb + pg_ctl start on a private Unix socket (no TCP port), then
#                              writes the server's URL to STATE
#   pg_server.sh stop STATE    stops it and removes its files
#   pg_server.sh kill STATE    stops it the hard way (pg_ctl -m immediate: no checkpoint, open
#                              transactions cut), as a crash or a power cut of the server would
#   pg_server.sh restart STATE starts it again after kill (crash recovery), waiting until it answers
# PostgreSQL refuses to run as root: under root the cluster belongs to the postgres user.
# When no server can be started, start writes why to STATE.unavailable and succeeds, so that the
# tests skip with that message; with KIOSK_REQUIRE_POSTGRES=1 (CI) it fails instead.
set -euo pipefail
command="$1"
state="$2"

unavailable() {
  echo "$1" >"$state.unavailable"
  echo "pg_server.sh: $1" >&2
  if [ "${KIOSK_REQUIRE_POSTGRES:-0}" = 1 ]; then exit 1; fi
  exit 0
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
start)
  rm -f "$state" "$state.unavailable" "$state.dir"
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$bindir" ] && [ -x "$bindir/initdb" ] ||
    unavailable "no PostgreSQL server installed (/usr/lib/postgresql/*/bin/initdb): run .ci/setup"
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    unavailable "running as root and there is no postgres user to run the server as"
  fi
  # Under /tmp: the socket path must stay short, and the postgres user must reach it.
  dir="$(mktemp -d /tmp/kiosk-pg.XXXXXX)"
  echo "$dir" >"$state.dir"
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  as_server_user "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
    unavailable "initdb failed: $(tail -n 3 "$dir/initdb.log" | tr '\n' ' ')"
  # fsync off: these databases are thrown away, and a killed server (the crash test) still finds
  # its committed transactions in the operating system's cache.
  as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off -c max_connections=100" start >/dev/null ||
    unavailable "the PostgreSQL server did not start: $(tail -n 3 "$dir/server.log" | tr '\n' ' ')"
  echo "postgresql:///postgres?host=$dir&user=postgres" >"$state"
  echo "$bindir" >"$state.bin"
  ;;
kill | restart)
  dir="$(cat "$state.dir")"
  bindir="$(cat "$state.bin")"
  if [ "$command" = kill ]; then
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  else
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off -c max_connections=100" start >/dev/null
  fi
  ;;
stop)
  [ -f "$state.dir" ] || exit 0
  dir="$(cat "$state.dir")"
  bindir="$(cat "$state.bin" 2>/dev/null || true)"
  if [ -n "$bindir" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$state" "$state.dir" "$state.bin" "$state.unavailable"
  ;;
*)
  echo "usage: pg_server.sh start|stop|kill|restart STATE" >&2
  exit 2
  ;;
esac

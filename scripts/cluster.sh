#!/usr/bin/env bash
# Throwaway PostgreSQL 15 clusters for running and testing the extension.
# Source this file, then: cluster_start DIR PORT; ...; cluster_stop DIR
# Exports PGHOST (the socket directory), PGPORT, PGUSER=postgres.

PG_BIN=${PG_BIN:-$(pg_config --bindir)}

# Runs a command as the cluster owner: postgres when we are root (initdb
# refuses root), ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cluster_start() {
  local dir=$1 port=$2 listen=${3:-}
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  {
    echo "port = $port"
    echo "listen_addresses = '${listen}'"
    echo "unix_socket_directories = '$dir'"
    echo "fsync = off"
    echo "max_connections = 60"
    echo "log_min_messages = warning"
    echo "timezone = 'UTC'"
  } | as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
  if [ -n "${CLUSTER_EXTRA_CONF:-}" ]; then
    printf '%s\n' "$CLUSTER_EXTRA_CONF" | as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
  fi
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  export PGHOST=$dir PGPORT=$port PGUSER=postgres
}

cluster_stop() {
  local dir=$1
  [ -d "$dir/data" ] && as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

cluster_restart() {
  local dir=$1
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null
}

# Shared helpers of the bench/ scripts. Source from the repository root.

# Unless PGDATABASE is set, starts a throwaway cluster tuned for bulk loads
# (stopped and removed on exit) and creates database NAME in it.
#   bench_cluster NAME PORT [SHARED_BUFFERS] [MAX_WAL_SIZE] [EXTRA_CONF]
bench_cluster() {
  [ -n "${PGDATABASE:-}" ] && return 0
  source ./scripts/cluster.sh
  BENCH_DIR=$(mktemp -d "/tmp/$1.XXXXXX")
  trap 'cluster_stop "$BENCH_DIR"; rm -rf "$BENCH_DIR"' EXIT
  CLUSTER_EXTRA_CONF="shared_buffers = '${3:-1GB}'
max_wal_size = '${4:-8GB}'
synchronous_commit = off
${5:-}" cluster_start "$BENCH_DIR" "$2"
  createdb "$1"
  export PGDATABASE=$1
}

# Prints the seconds one statement took (server-side clock), in a fresh
# session; with a TABLE, after TRUNCATE TABLE and a CHECKPOINT.
#   time_sql TABLE|"" SQL
time_sql() {
  {
    [ -n "$1" ] && echo "TRUNCATE $1; CHECKPOINT;"
    echo "SELECT clock_timestamp() AS t0 \\gset"
    echo "$2;"
    echo "SELECT extract(epoch FROM clock_timestamp() - :'t0');"
  } | psql -X -At -q -v ON_ERROR_STOP=1 | tail -1
}

# The median of the numbers on standard input, one per line.
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

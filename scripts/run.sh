#!/usr/bin/env bash
# Runs training_data_export on a fresh Debian 12 machine: installs the
# dependencies, builds and installs the extension, and starts a throwaway
# local PostgreSQL 15 cluster (database "tde", extension created), ready for
# psql. Ctrl-C stops the cluster and deletes it.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
make -j"${JOBS:-2}" >/tmp/tde-build.log 2>&1 || { cat /tmp/tde-build.log; exit 1; }
$SUDO make install >/dev/null

PORT=${TDE_PORT:-54321}
DIR=$(mktemp -d /tmp/tde-run.XXXXXX)
source ./scripts/cluster.sh
cleanup() { cluster_stop "$DIR"; rm -rf "$DIR"; echo "cluster stopped and removed"; }
trap cleanup EXIT
trap 'exit 0' INT TERM
cluster_start "$DIR" "$PORT" "localhost"
createdb tde
psql -X -q -d tde -c "CREATE EXTENSION training_data_export"

cat <<MSG

training_data_export is running in a throwaway cluster (data in $DIR).

  psql -h localhost -p $PORT -U postgres tde

  tde=# SELECT * FROM tde_add_pair(natural_language_query => 'Show me all users',
                                   sql_query => 'SELECT * FROM users');
  tde=# SELECT * FROM tde_list_pairs(successful_only => true, limit_rows => 10);

Press Ctrl-C to stop and delete the cluster.
MSG
while true; do sleep 3600; done

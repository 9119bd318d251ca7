#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build, run and test
# training_data_export. Idempotent; uses sudo when not root.
set -euo pipefail

PACKAGES=(
  build-essential clang-14 llvm-14
  postgresql-15 postgresql-server-dev-15 postgresql-client-15 postgresql-contrib
  libre2-dev libssl-dev libgtest-dev libpq-dev publicsuffix
  libphonenumber-dev libmicrohttpd-dev postgresql-15-cron libclang-rt-14-dev
  python3 jq curl
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Do not let the Debian package start (or create) a system cluster we do not use.
$SUDO mkdir -p /etc/postgresql-common/createcluster.d
echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/tde-no-main.conf >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Gives the local PostgreSQL 15 server the optional extensions the platform schema uses when
# present (pg_partman, pgaudit, pg_stat_statements), so the PostgreSQL suite exercises that
# path too. Idempotent; run as root on the CI machine before the PostgreSQL test run.
set -euo pipefail

packages=(postgresql-15-partman postgresql-15-pgaudit)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

wanted="pgaudit,pg_stat_statements,pg_partman_bgw"
current="$(psql -U postgres -h 127.0.0.1 -Atc 'show shared_preload_libraries' | tr -d ' ')"
if [[ "$current" != "$wanted" ]]; then
  # Unquoted list: quoted, ALTER SYSTEM would store it as one library name.
  psql -U postgres -h 127.0.0.1 -qc "ALTER SYSTEM SET shared_preload_libraries = pgaudit, pg_stat_statements, pg_partman_bgw"
  cluster="$(ls /etc/postgresql)"
  pg_ctlcluster --skip-systemctl-redirect "$cluster" main restart
fi

for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -q && exit 0
  sleep 1
done
echo "PostgreSQL did not come back after the restart" >&2
exit 1

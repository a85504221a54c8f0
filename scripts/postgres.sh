#!/usr/bin/env bash
# Makes sure PostgreSQL runs on this machine with the role wvdv (password wvdv), installing it
# when missing (Debian, as root). Used by .ci/run and scripts/cluster.sh.
# `bash scripts/postgres.sh DATABASE` also creates that database when it does not exist.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi
PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^$PG_VERSION main$"; then
    pg_createcluster "$PG_VERSION" main >/dev/null
fi
pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
su postgres -c "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname='wvdv'\" | grep -q 1 || psql -qc \"CREATE ROLE wvdv LOGIN SUPERUSER PASSWORD 'wvdv'\""
if [ -n "${1:-}" ]; then
    su postgres -c "psql -qtc \"SELECT 1 FROM pg_database WHERE datname='$1'\" | grep -q 1 || createdb -O wvdv '$1'"
fi

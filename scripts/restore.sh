#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an EMPTY database and a media folder.
# Usage: DATABASE_URL=postgres://.../new_empty_db DJANGO_MEDIA_ROOT=/srv/wvdv/media \
#        bash scripts/restore.sh BACKUP_DIR/wvdv-<time>.dump BACKUP_DIR/wvdv-<time>-media.tar.gz
# Create the empty database first (createdb -O wvdv wvdv_restored). Afterwards run
# `manage.py migrate` (a no-op when the code matches the backup) and restart the service.
set -euo pipefail
cd "$(dirname "$0")/.."

dump="${1:?usage: restore.sh DUMP MEDIA_TARBALL}"
media="${2:?usage: restore.sh DUMP MEDIA_TARBALL}"
: "${DATABASE_URL:?set DATABASE_URL to the empty database to restore into}"
MEDIA_ROOT="${DJANGO_MEDIA_ROOT:-$PWD/media}"

tables=$(psql --no-psqlrc --tuples-only --no-align "$DATABASE_URL" \
    --command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
    echo "restore.sh: the database is not empty ($tables tables); restore into a new database" >&2
    exit 1
fi
pg_restore --no-owner --no-acl --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$dump"
mkdir -p "$MEDIA_ROOT"
tar --extract --gzip --file="$media" --directory="$MEDIA_ROOT"
echo "restored $dump and $media"

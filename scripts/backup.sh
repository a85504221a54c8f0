#!/usr/bin/env bash
# Backs up the site: a PostgreSQL dump (custom format) and a tarball of the uploaded media.
# Usage: DATABASE_URL=postgres://... DJANGO_MEDIA_ROOT=/srv/wvdv/media BACKUP_DIR=/var/backups/wvdv \
#        bash scripts/backup.sh
# Writes BACKUP_DIR/wvdv-<UTC time>.dump and BACKUP_DIR/wvdv-<UTC time>-media.tar.gz, and removes
# backups older than BACKUP_KEEP_DAYS (default 30). Prints the two file names.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
MEDIA_ROOT="${DJANGO_MEDIA_ROOT:-$PWD/media}"
BACKUP_DIR="${BACKUP_DIR:-$PWD/backups}"
KEEP_DAYS="${BACKUP_KEEP_DAYS:-30}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"

mkdir -p "$BACKUP_DIR"
umask 077
dump="$BACKUP_DIR/wvdv-$STAMP.dump"
media="$BACKUP_DIR/wvdv-$STAMP-media.tar.gz"

pg_dump --format=custom --no-owner --no-acl --file="$dump.partial" "$DATABASE_URL"
mv "$dump.partial" "$dump"
mkdir -p "$MEDIA_ROOT"
tar --create --gzip --file="$media.partial" --directory="$MEDIA_ROOT" .
mv "$media.partial" "$media"

find "$BACKUP_DIR" -maxdepth 1 -name 'wvdv-*' -mtime +"$KEEP_DAYS" -delete
echo "$dump"
echo "$media"

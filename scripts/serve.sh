#!/usr/bin/env bash
# Installs everything and serves the site with demo content on SQLite at http://127.0.0.1:8000/,
# with the background worker and the scheduler of periodic jobs (mails are printed on the console).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install.sh
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_demo_content
if [ -n "${DEMO_ADMIN_PASSWORD:-}" ]; then
    .venv/bin/python manage.py create_demo_admin --password "$DEMO_ADMIN_PASSWORD"
fi
# Background jobs (mail, scheduled publishing) run next to the server and stop with it.
.venv/bin/python manage.py db_worker --no-reload &
worker=$!
.venv/bin/python manage.py run_scheduler &
scheduler=$!
trap 'kill "$worker" "$scheduler" 2>/dev/null || true' EXIT
.venv/bin/python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"

#!/usr/bin/env bash
# Installs everything and serves the site with demo content on SQLite at http://127.0.0.1:8000/
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install.sh
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_demo_content
if [ -n "${DEMO_ADMIN_PASSWORD:-}" ]; then
    .venv/bin/python manage.py create_demo_admin --password "$DEMO_ADMIN_PASSWORD"
fi
exec .venv/bin/python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"

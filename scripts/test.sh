#!/usr/bin/env bash
# Installs everything (Python packages, Debian's chromium for browser tests) and runs all tests.
# Extra arguments go to pytest. DATABASE_URL selects PostgreSQL; the default is SQLite.
# --setup-only: install and run the checks, but no tests (.ci/run runs them itself).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install.sh test
if [ -d tests/browser ] && [ ! -x /usr/bin/chromium ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v xgettext >/dev/null || ! command -v msgmerge >/dev/null; then
    # GNU gettext: tests/test_i18n_strings.py runs makemessages to find untranslated strings.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
fi
.venv/bin/python manage.py makemigrations --check --dry-run >/dev/null
.venv/bin/python manage.py check --fail-level WARNING
if [ "${1:-}" = "--setup-only" ]; then
    exit 0
fi
exec .venv/bin/pytest "$@"

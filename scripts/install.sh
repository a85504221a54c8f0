#!/usr/bin/env bash
# Creates .venv with the pinned dependencies and compiles the interface translations.
# Usage: bash scripts/install.sh [extra]   (extra: "test" adds the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv 2>/dev/null || {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv .venv
    }
fi
.venv/bin/pip install --quiet --upgrade pip
if [ "${1:-}" = "test" ]; then
    .venv/bin/pip install --quiet -e ".[test]"
else
    .venv/bin/pip install --quiet -e .
fi
.venv/bin/python manage.py compile_translations

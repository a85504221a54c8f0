#!/usr/bin/env bash
# Creates .venv with the pinned dependencies and compiles the interface translations.
# Usage: bash scripts/install.sh [extra]   (extra: "test" adds the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
if [ "${1:-}" = "test" ]; then
    .venv/bin/pip install --quiet -e ".[test]"
else
    .venv/bin/pip install --quiet -e .
fi
.venv/bin/python manage.py compile_translations

#!/usr/bin/env bash
# Creates .venv with the locked dependencies and compiles the interface translations.
# Usage: bash scripts/install.sh [extra]   (extra: "test" adds the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv 2>/dev/null || {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv .venv
    }
fi
# Every package pinned with its hashes (scripts/lock.sh writes the lock files from pyproject.toml),
# then the project itself, which brings nothing more.
lock=requirements.lock
if [ "${1:-}" = "test" ]; then
    lock=requirements-test.lock
fi
.venv/bin/python -m pip install --quiet --require-hashes -r "$lock"
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
.venv/bin/python manage.py compile_translations

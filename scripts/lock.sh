#!/usr/bin/env bash
# Writes the lock files from pyproject.toml, the one source of the pins; the one way to update them:
#   requirements.lock       the site (dependencies) and the build backend (build-system.requires)
#   requirements-test.lock  the same plus the "test" extra, at the same versions
# Every package they pull in is pinned with its hashes, for each Python that requires-python
# allows (markers select per version). scripts/install.sh installs from them with --require-hashes.
# Usage: bash scripts/lock.sh   (after changing a pin in pyproject.toml; commit all three files)
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "uv==$UV_VERSION"

# The build backend, so that installing the project itself needs nothing unpinned.
python3 -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' >"$work/build.in"

compile() {
    "$work/venv/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
        --custom-compile-command "bash scripts/lock.sh" "$@"
}
compile pyproject.toml "$work/build.in" -o requirements.lock
compile pyproject.toml "$work/build.in" --extra test --constraint requirements.lock \
    -o requirements-test.lock

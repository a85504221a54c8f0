#!/usr/bin/env bash
# A long fuzzing run of every public endpoint (tests/fuzz/): random seeds, EXAMPLES per endpoint,
# each failing example counted; prints examples and failures per endpoint at the end.
# Usage: bash scripts/fuzz.sh [EXAMPLES (default 10000)] [ENDPOINT ...]   (names: tests/fuzz/endpoints.py)
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-10000}"
shift || true
tests=(tests/fuzz/test_fuzz_public.py)
if [ "$#" -gt 0 ]; then
    tests=()
    for endpoint in "$@"; do
        tests+=("tests/fuzz/test_fuzz_public.py::PublicEndpointFuzz::test_$endpoint")
    done
fi
FUZZ_EXAMPLES="$examples" exec nice -n 10 .venv/bin/pytest "${tests[@]}" -q -p no:warnings

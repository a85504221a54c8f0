#!/usr/bin/env bash
# A long fuzzing run of every public endpoint (tests/fuzz/): random seeds, EXAMPLES per endpoint,
# each failing example counted; prints examples, failures and seconds per endpoint at the end.
# Usage: bash scripts/fuzz.sh [EXAMPLES (default 10000)] [ENDPOINT ...]   (names: tests/fuzz/endpoints.py)
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-10000}"
shift || true
fuzz_class=tests/fuzz/test_fuzz_public.py::PublicEndpointFuzz
tests=("$fuzz_class")
if [ "$#" -gt 0 ]; then
    tests=()
    for endpoint in "$@"; do
        tests+=("$fuzz_class::test_$endpoint")
    done
fi
FUZZ_EXAMPLES="$examples" exec nice -n 10 .venv/bin/pytest "${tests[@]}" -q -p no:warnings

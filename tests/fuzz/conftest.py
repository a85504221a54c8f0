"""The fuzzer's settings and its closing table of examples per endpoint.

The suite runs a fixed-seed, bounded number of examples per endpoint (tests/fuzz/config.py). A
long run: `bash scripts/fuzz.sh 10000` (FUZZ_EXAMPLES=10000 for the quick class): random seeds,
every failing example counted instead of stopping at the first.
"""

from .stats import STATS


def pytest_terminal_summary(terminalreporter):
    if not STATS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("fuzzed endpoints")
    write(f"{'endpoint':28} {'examples':>9} {'failing':>8} {'seconds':>8}")
    for name, stats in sorted(STATS.items()):
        write(f"{name:28} {stats.examples:>9} {stats.failing:>8} {stats.seconds:>8.1f}")
        for failure in stats.first_failures:
            write(f"    {failure}")
    total = sum(stats.examples for stats in STATS.values())
    failing = sum(stats.failing for stats in STATS.values())
    write(f"{'total':28} {total:>9} {failing:>8}")

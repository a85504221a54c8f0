"""How many examples the fuzzer runs and how (see conftest.py for the long run).

Two fixed-seed tiers run in the suite: a quick one on every run (the whole tests/fuzz directory
in well under two minutes on SQLite) and a deep one of 60 examples per endpoint,
marked slow. A long run (FUZZ_EXAMPLES set, scripts/fuzz.sh) uses random seeds instead.
"""

import os

from hypothesis import HealthCheck, Phase, settings

QUICK_EXAMPLES = 20
DEEP_EXAMPLES = 60  # about 2 minutes of CPU in CI; raise it for a deeper fixed-seed run
LONG_RUN = "FUZZ_EXAMPLES" in os.environ
LONG_RUN_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 0))


def fuzz_settings(examples, weight=1.0):
    """Hypothesis settings of one endpoint: `weight` scales the suite's examples (slow posts
    run fewer in the suite; a long run gives every endpoint the same number)."""
    examples = LONG_RUN_EXAMPLES if LONG_RUN else max(10, round(examples * weight))
    return settings(
        max_examples=examples,
        derandomize=not LONG_RUN,
        # No "explain" phase: it reruns a failing example many times to list covered lines.
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )

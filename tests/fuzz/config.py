"""How many examples the fuzzer runs and how (see conftest.py for the long run)."""

import os

from hypothesis import HealthCheck, Phase, settings

SUITE_EXAMPLES = 100
LONG_RUN = "FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", SUITE_EXAMPLES))


def fuzz_settings(weight=1.0):
    """Hypothesis settings of one endpoint: `weight` scales the suite's examples (slow posts
    run fewer in the suite; a long run gives every endpoint the same number)."""
    examples = EXAMPLES if LONG_RUN else max(10, round(EXAMPLES * weight))
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

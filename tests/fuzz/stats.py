"""Examples run and failing examples per endpoint, printed at the end of a run (conftest.py)."""

import time
from collections import defaultdict


class EndpointStats:
    def __init__(self):
        self.examples = 0
        self.failing = 0
        self.seconds = 0.0
        self.first_failures = []


STATS = defaultdict(EndpointStats)


class timed_example:
    """Counts one example of an endpoint and the time it took."""

    def __init__(self, endpoint_name):
        self.stats = STATS[endpoint_name]

    def __enter__(self):
        self.started = time.monotonic()
        return self.stats

    def __exit__(self, *exc_info):
        self.stats.examples += 1
        self.stats.seconds += time.monotonic() - self.started

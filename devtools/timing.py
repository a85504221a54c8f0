"""Timing for the benchmark commands: how long one thing takes, and percentiles of many runs."""

import contextlib
import statistics
import time


def percentile(values, pct):
    """The pct-th percentile (1 to 99) of `values`, interpolated between the nearest two."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


class Stopwatch:
    """`with Stopwatch() as watch: ...`, then `watch.seconds` or `watch.milliseconds`."""

    def __enter__(self):
        self.started = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc_info):
        self.seconds = time.perf_counter() - self.started

    @property
    def milliseconds(self):
        return self.seconds * 1000


class Timings:
    """Milliseconds of repeated runs: `with timings.run(): ...` adds one."""

    def __init__(self):
        self.values = []

    @contextlib.contextmanager
    def run(self):
        with Stopwatch() as watch:
            yield
        self.values.append(watch.milliseconds)

    def extend(self, other):
        self.values.extend(other.values)

    def percentile(self, pct):
        return percentile(self.values, pct)

    def summary(self):
        return (
            f"p50 {self.percentile(50):.1f} ms, p95 {self.percentile(95):.1f} ms, "
            f"max {max(self.values):.1f} ms"
        )

"""The live server of the browser tests survives requests that arrive together.

Every request shares the test's in-memory SQLite connection. The figures page truncates dates to
days with one of Django's SQL functions written in Python; two threads running such queries on
one connection at once stop for ever (Python's lock against SQLite's). With a server that answers
in threads this test never ends; the server of conftest.py answers one request at a time."""

import threading
import time
import urllib.request

PARALLEL = 4
SECONDS = 3


def test_requests_that_arrive_together_are_all_answered(demo_server):
    url = f"{demo_server.url}/nl/edities/2026/cijfers/"
    statuses = []

    def keep_asking():
        stop = time.monotonic() + SECONDS
        while time.monotonic() < stop:
            with urllib.request.urlopen(url, timeout=30) as response:
                statuses.append(response.status)

    askers = [threading.Thread(target=keep_asking) for _ in range(PARALLEL)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join()
    assert len(statuses) >= PARALLEL
    assert set(statuses) == {200}

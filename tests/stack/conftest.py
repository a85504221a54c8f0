"""The tests of the whole stack (pytest marker "stack"): they start it with scripts/cluster.sh
(idempotent) and talk to Varnish, the nodes, Redis and PostgreSQL as visitors and editors do.
`pytest -m stack tests/stack` runs them (.ci/run does, in a step of its own); any other run
leaves them out."""

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
CLUSTER = ["bash", str(ROOT / "scripts" / "cluster.sh")]
CLUSTER_DIR = Path(os.environ.get("CLUSTER_DIR", ROOT / ".cluster"))
VARNISH = f"http://127.0.0.1:{os.environ.get('VARNISH_PORT', '8281')}"
FIRST_NODE_PORT = int(os.environ.get("CLUSTER_PORT", "8220"))
NODES = [f"http://127.0.0.1:{FIRST_NODE_PORT + number}" for number in range(2)]


def pytest_collection_modifyitems(config, items):
    if "stack" in (config.getoption("markexpr") or ""):
        return
    kept = [item for item in items if "stack" not in item.keywords]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


def cluster(*arguments):
    return subprocess.run(
        [*CLUSTER, *arguments], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout


@pytest.fixture(scope="session")
def stack():
    cluster("start")
    wait_for(lambda: requests.get(f"{VARNISH}/health/", timeout=2).status_code == 200, 30)
    return VARNISH


class Editor:
    def __init__(self):
        code = f"exec(open({str(ROOT / 'tests' / 'stack' / 'editor.py')!r}).read())"
        self.process = subprocess.Popen(
            [*CLUSTER, "manage", "shell", "--no-imports", "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )

    def run(self, code):
        """Run code in the editor's process; returns the value it leaves in `result`."""
        self.process.stdin.write(json.dumps({"code": code}) + "\n")
        self.process.stdin.flush()
        for line in self.process.stdout:
            if line.startswith("EDITOR-ANSWER "):
                answer = json.loads(line.removeprefix("EDITOR-ANSWER "))
                assert "error" not in answer, answer.get("error")
                return answer["result"]
        raise AssertionError("the editor's process ended")

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def editor(stack):
    editor = Editor()
    yield editor
    editor.close()


def wait_for(condition, seconds):
    """True as soon as condition() is; False when `seconds` have passed without."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if condition():
                return True
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)

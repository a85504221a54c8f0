"""An editor at work on the running stack: a Django process with the stack's settings (one more
node), started by tests/stack/conftest.py with `scripts/cluster.sh manage shell -c`. It reads
one line of JSON per request ({"code": ...}), runs the code and answers one line of JSON with
the value of `result`."""

import json
import sys
import traceback

for line in sys.stdin:
    namespace = {}
    try:
        exec(json.loads(line)["code"], namespace)  # noqa: S102 (the tests' own code)
        answer = {"result": namespace.get("result")}
    except Exception:  # noqa: BLE001 (sent back to the test, which fails with it)
        answer = {"error": traceback.format_exc()}
    print("EDITOR-ANSWER " + json.dumps(answer, default=str), flush=True)

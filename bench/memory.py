"""Sluis runs timed in a fresh child process each, as a user's command runs: no fake,
permutation table, memo or worker is left over from an earlier run. The child reports the
seconds of the run itself (not of importing Python); its peak resident memory is read from
its own resource usage when it is reaped (the largest of it and the workers it reaped), so
other children of the bench (the text baselines) do not count."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_SCRIPT = "import sys; from bench.memory import _child; _child(*sys.argv[1:])"


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_mib: float
    passed: bool  # verify: whether the copy passed every check; anonymize: True


def _child(kind: str, source: str, target: str, policy_path: str) -> None:
    from bench.flat_speed import KEY, WORKERS, _sluis
    from sluis.model.policy_file import parse_policy
    from sluis.verify import VerifyOptions, verify

    policy_text = Path(policy_path).read_text(encoding="utf-8")
    start = time.perf_counter()
    passed = True
    if kind == "anonymize":
        _sluis(source, target, policy_text)
    else:
        options = VerifyOptions(workers=WORKERS)
        report = verify(
            source, target, parse_policy(policy_text), key=KEY.material, options=options
        )
        passed = report.passed
    print(json.dumps({"seconds": time.perf_counter() - start, "passed": passed}))


def in_child(kind: str, source: str, target: str, policy_path: Path) -> ChildRun:
    """``anonymize`` ``source`` into ``target``, or ``verify`` that copy, in a child."""
    child = subprocess.Popen(
        [sys.executable, "-c", _SCRIPT, kind, source, target, str(policy_path)],
        cwd=Path(__file__).parent.parent,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    result = json.loads(output.strip().splitlines()[-1])
    return ChildRun(result["seconds"], usage.ru_maxrss / 1024, result["passed"])


def median_run(
    kind: str,
    source: str,
    target: str,
    policy_path: Path,
    repeats: int,
    setup: Callable[[], object] | None = None,
) -> ChildRun:
    """The median seconds of ``repeats`` child runs, their largest peak, and whether all
    passed; ``setup`` runs before each (untimed)."""
    runs = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        runs.append(in_child(kind, source, target, policy_path))
    print(f"  {kind}: {', '.join(f'{r.seconds:.2f}' for r in runs)} s", file=sys.stderr)
    return ChildRun(
        statistics.median(r.seconds for r in runs),
        max(r.peak_mib for r in runs),
        all(r.passed for r in runs),
    )

"""Sluis runs timed in a fresh child process each, as a user's command runs: no fake,
permutation table, memo or worker is left over from an earlier run. The child reports the
seconds of the run itself (not of importing Python) and its resident memory, measured from
inside: its own high-water mark (``VmHWM``) and, sampled every ``_EVERY`` seconds, the
resident memory of it and its worker processes together (shared pages counted once).

Not the ``ru_maxrss`` that ``wait4`` reports: Linux carries the parent's high-water mark
into a child at ``exec``, so a child of a bench that built a large database in-process
would report the bench's peak, not its own.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

_SCRIPT = "import sys; from bench.memory import _child; _child(*sys.argv[1:])"
_EVERY = 0.2  # seconds between samples of the processes' resident memory


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_mib: float  # the run's processes together (main and workers), sampled
    passed: bool  # verify: whether the copy passed every check; anonymize: True
    main_mib: float = 0.0  # the main process alone, exact


def _status_kib(pid: int | str, field: str, file: str = "status") -> int:
    """A ``kB`` field of ``/proc/PID/status`` (or another such file); 0 for a process that
    has gone."""
    try:
        with Path(f"/proc/{pid}/{file}").open(encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def _descendants(root: int) -> Iterator[int]:
    """Every live process below ``root`` (workers, the fork server and its children)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii")
        except (FileNotFoundError, ProcessLookupError):
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the name in brackets may hold spaces
        children.setdefault(ppid, []).append(int(entry.name))
    stack = list(children.get(root, ()))
    while stack:
        pid = stack.pop()
        yield pid
        stack.extend(children.get(pid, ()))


class _Watch(threading.Thread):
    """Samples the resident memory of this process and its descendants together: their
    proportional set sizes, so pages the workers share count once."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kib = 0
        self._done = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._done.wait(_EVERY):
            pids = [me, *_descendants(me)]
            rss = sum(_status_kib(p, "Pss", "smaps_rollup") for p in pids)
            self.peak_kib = max(self.peak_kib, rss)

    def stop(self) -> int:
        """The peak in KiB, at least this process's own high-water mark."""
        self._done.set()
        self.join()
        return max(self.peak_kib, _status_kib("self", "VmHWM"))


def _child(kind: str, source: str, target: str, policy_path: str) -> None:
    from bench.flat_speed import KEY, WORKERS, _sluis
    from sluis.model.policy_file import parse_policy
    from sluis.verify import VerifyOptions, verify

    policy_text = Path(policy_path).read_text(encoding="utf-8")
    watch = _Watch()
    watch.start()
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
    seconds = time.perf_counter() - start
    peak = watch.stop()
    main = _status_kib("self", "VmHWM")
    print(json.dumps({"seconds": seconds, "passed": passed, "peak": peak, "main": main}))


def in_child(kind: str, source: str, target: str, policy_path: Path) -> ChildRun:
    """``anonymize`` ``source`` into ``target``, or ``verify`` that copy, in a child."""
    child = subprocess.run(
        [sys.executable, "-c", _SCRIPT, kind, source, target, str(policy_path)],
        cwd=Path(__file__).parent.parent,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    return ChildRun(
        result["seconds"], result["peak"] / 1024, result["passed"], result["main"] / 1024
    )


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
        max(r.main_mib for r in runs),
    )

"""Peak resident memory of one anonymize run, measured in a fresh child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_SCRIPT = (
    "import sys; from pathlib import Path; from bench.memory import anonymize; "
    "anonymize(sys.argv[1], sys.argv[2], Path(sys.argv[3]).read_text())"
)


def anonymize(source: str, target: str, policy_text: str) -> None:
    """The keyed run of the benches, with every core (imported by the child)."""
    from bench.flat_speed import _sluis

    _sluis(source, target, policy_text)


def peak_mib(source: Path, target: Path, policy_path: Path) -> float:
    """Peak resident memory of anonymizing ``source`` into ``target``, read from the child's
    own resource usage when it is reaped (the largest of it and the workers it reaped); other
    children of this process (the text baselines) do not count."""
    target.unlink(missing_ok=True)
    child = subprocess.Popen(
        [sys.executable, "-c", _SCRIPT, str(source), str(target), str(policy_path)],
        cwd=Path(__file__).parent.parent,
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    return usage.ru_maxrss / 1024

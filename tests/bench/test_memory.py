"""The bench's memory figure is the child run's own, not the bench process's high-water mark
(which Linux hands on to a child at ``exec``, so ``wait4`` would report it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.flat_table import build_flat_db
from bench.memory import _descendants, in_child
from sluis.discover.scanner import scan
from sluis.model.policy_draft import draft_policy

HELD_MIB = 768


def test_a_child_run_reports_its_own_memory_not_the_bench_processes(tmp_path: Path) -> None:
    source = build_flat_db(tmp_path / "flat.db", 300)
    policy = tmp_path / "policy.yaml"
    policy.write_text(draft_policy(scan(str(source))), encoding="utf-8")
    held = bytearray(HELD_MIB * 1024 * 1024)
    held[::4096] = b"\1" * len(range(0, len(held), 4096))  # resident, not just reserved

    run = in_child("anonymize", str(source), str(tmp_path / "copy.db"), policy)

    assert run.passed and run.seconds > 0
    assert 0 < run.main_mib <= run.peak_mib
    assert run.main_mib < HELD_MIB / 2, "the child reported the bench process's memory"
    del held


def test_descendants_finds_a_grandchild() -> None:
    script = "import subprocess, sys; subprocess.run(['sleep', '30'])"
    child = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    try:
        for _ in range(200):
            grandchildren = list(_descendants(child.pid))
            if grandchildren:
                break
            time.sleep(0.05)
        assert len(grandchildren) == 1  # the sleep
        mine = set(_descendants(os.getpid()))  # this process may have other children too
        assert {child.pid, *grandchildren} <= mine
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()

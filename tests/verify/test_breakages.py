"""Every broken copy in breakages.yaml fails by the named check; the correct copy passes."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.model.policy_file import parse_policy
from sluis.verify import VerifyOptions, verify
from sluis.workers import StartingPool
from tests.conftest import SqliteFactory
from tests.verify.copies import write_pair

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "breakages.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_breakage_fails_by_the_right_check(case: dict[str, Any], sqlite_db: SqliteFactory) -> None:
    source, target, policy_path = write_pair(sqlite_db, case["edits"])
    policy = parse_policy(policy_path.read_text(encoding="utf-8"))
    report = verify(str(source), str(target), policy)
    failed = set(report.failed_checks())
    expected = set(case["fails"])
    assert expected <= failed, f"expected {sorted(expected)} to fail, failed {sorted(failed)}"
    if case.get("only"):
        assert failed == expected, f"only {sorted(expected)} may fail, failed {sorted(failed)}"
    assert report.passed is (not expected)


# Leaks, coincidences and a clean copy: each path of the leak check's judgement.
PARALLEL = [c for c in CASES if c["id"] in {
    "correct-copy", "plain-copy-of-the-source", "original-bsn-left-in-a-note",
    "another-persons-bsn-in-a-note", "original-email-inside-json",
}]  # fmt: skip


@pytest.mark.parametrize("case", PARALLEL, ids=[c["id"] for c in PARALLEL])
def test_worker_processes_judge_as_one_process_does(
    case: dict[str, Any], sqlite_db: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target, policy_path = write_pair(sqlite_db, case["edits"])
    policy = parse_policy(policy_path.read_text(encoding="utf-8"))
    key = bytes(range(32))
    alone = verify(str(source), str(target), policy, key=key, options=VerifyOptions(batch_rows=4))
    sent = 0
    started = StartingPool.started

    def waited(pool: StartingPool) -> ProcessPoolExecutor:
        """Every batch to a worker: wait for them rather than take the batch here."""
        nonlocal sent
        pool.start()
        deadline = time.monotonic() + 120
        while (executor := started(pool)) is None:
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.05)
        sent += 1
        return executor

    monkeypatch.setattr(StartingPool, "started", waited)
    shared = verify(
        str(source), str(target), policy, key=key, options=VerifyOptions(batch_rows=4, workers=2)
    )
    assert sent > 1
    assert shared.checks == alone.checks

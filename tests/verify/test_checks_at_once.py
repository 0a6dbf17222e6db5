"""The leak check runs beside the others, which read through connections of their own."""

from __future__ import annotations

import threading
from pathlib import Path
from types import ModuleType

import pytest

from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from sluis.verify.checks import CHECKS
from sluis.verify.context import VerifyContext
from tests.conftest import SqliteFactory
from tests.verify.copies import write_pair


def test_checks_report_in_order_each_on_a_connection_of_its_thread(
    sqlite_db: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str, int, int]] = []

    def recorded(check: ModuleType) -> None:
        run = check.run

        def wrapped(ctx: VerifyContext) -> object:
            thread = threading.current_thread().name
            seen.append((check.CODE, thread, id(ctx.source), id(ctx.target)))
            return run(ctx)

        monkeypatch.setattr(check, "run", wrapped)

    for check in CHECKS:
        recorded(check)
    source, target, policy_path = write_pair(sqlite_db, [])
    report = verify(str(source), str(target), parse_policy(Path(policy_path).read_text()))

    assert report.passed
    assert [r.code for r in report.checks] == [c.CODE for c in CHECKS]
    leak = next(s for s in seen if s[0] == CHECKS[0].CODE)
    others = [s for s in seen if s[0] != CHECKS[0].CODE]
    assert len(others) == len(CHECKS) - 1
    # Connections are not shared between threads: the other checks have sources of their own.
    assert all(o[1] != leak[1] for o in others)
    assert all(o[2] != leak[2] and o[3] != leak[3] for o in others)

"""The DPIA register: versions, derived outdated status and what is due."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.errors import InputError
from sluis.registers.dpia import (
    DpiaStatus,
    approve_dpia,
    dpia_due,
    list_activities,
    list_dpias,
    record_dpia,
    set_activity_version,
)
from sluis.registers.store import RegisterStore

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "dpia_cases.yaml").read_text(encoding="utf-8")
)
NOW = datetime(2025, 6, 1, 10, tzinfo=UTC)


@dataclass
class MemoryRecorder:
    calls: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)

    def record_change(
        self, *, register: str, action: str, activity_id: str, subject_ids: Sequence[str]
    ) -> None:
        self.calls.append((register, action, activity_id, tuple(subject_ids)))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RegisterStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'registers.db'}"
    else:
        url = request.getfixturevalue("pg_db")
    with RegisterStore.open(url) as opened:
        yield opened


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def test_due_cases(store: RegisterStore) -> None:
    # One database for all cases (a fresh PostgreSQL database each costs too much):
    # each case uses its own activity names, prefixed with its number.
    for number, case in enumerate(CASES["due"]):
        prefix = f"c{number}-"
        recorded: list[int] = []
        for step in case["steps"]:
            if "set_version" in step:
                activity, version = step["set_version"]
                set_activity_version(store, prefix + activity, version, now=NOW)
            elif "record" in step:
                given = step["record"]
                dpia = record_dpia(
                    store,
                    activity_id=prefix + given["activity"],
                    assessed_on=date.fromisoformat(given["date"]),
                    status=DpiaStatus(given.get("status", "draft")),
                    version=given.get("version"),
                    review_by=_day(given.get("review_by")),
                    now=NOW,
                )
                recorded.append(dpia.id)
            else:
                approve_dpia(store, recorded[step["approve"] - 1])
        due = [
            (item.activity_id.removeprefix(prefix), item.reason.value)
            for item in dpia_due(store, now=NOW)
            if item.activity_id.startswith(prefix)
        ]
        assert due == [tuple(pair) for pair in case["expect"]], case["name"]
        if "statuses" in case:
            statuses = {d.id: d.status.value for d in list_dpias(store)}
            assert [statuses[i] for i in recorded] == case["statuses"], case["name"]


def test_changes_are_recorded(store: RegisterStore) -> None:
    recorder = MemoryRecorder()
    assert set_activity_version(store, "act", "1", recorder=recorder, now=NOW)
    assert not set_activity_version(store, "act", "1", recorder=recorder, now=NOW)
    dpia = record_dpia(store, activity_id="act", assessed_on=date(2025, 1, 1), recorder=recorder)
    approve_dpia(store, dpia.id, recorder=recorder)
    assert recorder.calls == [
        ("dpia", "activity-version", "act", ()),
        ("dpia", "record", "act", ()),
        ("dpia", "approve", "act", ()),
    ]
    [activity] = list_activities(store)
    assert (activity.activity_id, activity.version, activity.changed_at) == ("act", "1", NOW)


def test_invalid_operations(store: RegisterStore) -> None:
    with pytest.raises(InputError, match="has no version yet"):
        record_dpia(store, activity_id="new", assessed_on=date(2025, 1, 1))
    with pytest.raises(InputError, match="derived"):
        record_dpia(
            store,
            activity_id="new",
            assessed_on=date(2025, 1, 1),
            status=DpiaStatus.OUTDATED,
            version="1",
        )
    dpia = record_dpia(
        store,
        activity_id="new",
        assessed_on=date(2025, 1, 1),
        status=DpiaStatus.APPROVED,
        version="1",
    )
    with pytest.raises(InputError, match="only a draft"):
        approve_dpia(store, dpia.id)
    with pytest.raises(InputError, match="no DPIA 99"):
        approve_dpia(store, 99)
    with pytest.raises(InputError, match="an id and a version"):
        set_activity_version(store, "new", " ")

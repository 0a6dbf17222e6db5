"""Shared test data: a small organization and a compact way to write accesses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sluis.registers.access import AccessRecord, Action, Outcome
from sluis.registers.snooping import Assignment, Context, Employee, Subject

ZONE = ZoneInfo("Europe/Amsterdam")

EMPLOYEES = (
    Employee("E1", "team-a", "S-E1", "H1"),
    Employee("E2", "team-a", "S-E2", "H2"),
    Employee("E3", "helpdesk", "S-E3", "H3"),
    Employee("E4", "team-b", "S-E4", "H4"),
)
ACTIVE = date(2025, 2, 1)
SUBJECTS = (
    *(Subject(f"S-E{n}", f"H{n}", last_activity=ACTIVE) for n in range(1, 5)),
    Subject("S-FAM1", "H1", last_activity=ACTIVE),
    Subject("S-VIP", "H-V", vip=True, last_activity=ACTIVE),
    Subject("S-OLD", "H-O", last_activity=date(2015, 1, 1)),
    *(Subject(f"S-{n}", f"H-{n}", last_activity=ACTIVE) for n in range(1, 100)),
)


def assignment(row: Mapping[str, Any]) -> Assignment:
    return Assignment(
        subject=row["subject"],
        opened=row["opened"],
        closed=row.get("closed"),
        unit=row.get("unit"),
        employee=row.get("employee"),
    )


def context(assignments: Iterable[Mapping[str, Any]] = ()) -> Context:
    return Context.build(EMPLOYEES, SUBJECTS, [assignment(a) for a in assignments])


def moment(text: str) -> datetime:
    at = datetime.fromisoformat(text)
    return at if at.tzinfo else at.replace(tzinfo=ZONE)


def record(
    trace_id: str,
    actor: str,
    at: datetime,
    subjects: Iterable[str],
    action: Action = Action.VIEW,
) -> AccessRecord:
    unit = next(e.unit for e in EMPLOYEES if e.id == actor)
    return AccessRecord(
        trace_id=trace_id,
        at=at,
        actor=actor,
        role="caseworker",
        unit=unit,
        action=action,
        outcome=Outcome.GRANTED,
        subjects=tuple(subjects),
        data_categories=("identity",),
        purpose="benefits",
    )


def expand(row: Mapping[str, Any]) -> list[AccessRecord]:
    """One YAML access row as records: ``repeat`` copies or ``distinct`` subjects
    (``S-<n>`` counting up), ``every_seconds`` apart, ids suffixed ``-0``, ``-1``, ..."""
    action = Action(row.get("action", "view"))
    at = moment(row["at"])
    step = timedelta(seconds=row.get("every_seconds", 0))
    if "repeat" in row:
        return [
            record(f"{row['id']}-{i}", row["actor"], at + i * step, row["subjects"], action)
            for i in range(row["repeat"])
        ]
    if "distinct" in row:
        first = int(row["subjects"][0].split("-")[1])
        return [
            record(f"{row['id']}-{i}", row["actor"], at + i * step, [f"S-{first + i}"], action)
            for i in range(row["distinct"])
        ]
    return [record(row["id"], row["actor"], at, row["subjects"], action)]

"""What the organization knows about its employees, clients and cases, as the review needs it.

The context is three CSV files in one folder, each with a header row (UTF-8, comma separated;
column order free, extra columns refused):

``employees.csv``
    ``id`` (the actor id in access records), ``unit`` (team), ``subject`` (the employee's
    own subject pseudonym, may be empty), ``household`` (household/address pseudonym, may be
    empty).
``subjects.csv``
    ``subject`` (pseudonym), ``household`` (may be empty), ``vip`` (``true``/``false``),
    ``last_activity`` (``YYYY-MM-DD``, may be empty). An optional column ``inactive``
    (``true``/``false``) marks inactive clients outright.
``assignments.csv``
    ``subject``, ``unit`` and/or ``employee`` (at least one), ``opened`` and ``closed``
    (``YYYY-MM-DD``; ``closed`` empty while open). An optional column ``kind`` says
    ``case`` (default) or ``assignment``.

Every value is a pseudonym or code; loading fails closed on the first bad row with an
:class:`InputError` naming file, line and column, never the value.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sluis.errors import InputError

EMPLOYEES_FILE = "employees.csv"
SUBJECTS_FILE = "subjects.csv"
ASSIGNMENTS_FILE = "assignments.csv"


@dataclass(frozen=True)
class Employee:
    """An actor: ``subject`` and ``household`` are the employee's own pseudonyms, if known."""

    id: str
    unit: str
    subject: str | None = None
    household: str | None = None


@dataclass(frozen=True)
class Subject:
    """A person whose data the organization holds."""

    id: str
    household: str | None = None
    vip: bool = False
    last_activity: date | None = None
    inactive: bool = False


@dataclass(frozen=True)
class Assignment:
    """A case or assignment: ``unit`` and/or ``employee`` work on ``subject`` from ``opened``
    through ``closed`` (both inclusive; None while open)."""

    subject: str
    opened: date
    closed: date | None = None
    unit: str | None = None
    employee: str | None = None
    kind: str = "case"


@dataclass(frozen=True)
class Context:
    """The three tables, indexed for the review; build with :meth:`build`."""

    employees: Mapping[str, Employee]
    subjects: Mapping[str, Subject]
    assignments: Mapping[str, tuple[Assignment, ...]]
    employees_by_subject: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        employees: Iterable[Employee],
        subjects: Iterable[Subject],
        assignments: Iterable[Assignment],
    ) -> Context:
        by_id = {e.id: e for e in employees}
        by_subject: dict[str, list[Assignment]] = defaultdict(list)
        for assignment in assignments:
            by_subject[assignment.subject].append(assignment)
        own: dict[str, list[str]] = defaultdict(list)
        for employee in by_id.values():
            if employee.subject:
                own[employee.subject].append(employee.id)
        return cls(
            employees=by_id,
            subjects={s.id: s for s in subjects},
            assignments={k: tuple(v) for k, v in by_subject.items()},
            employees_by_subject={k: tuple(v) for k, v in own.items()},
        )

    def household_of(self, subject: str) -> str | None:
        known = self.subjects.get(subject)
        return known.household if known else None


_TRUE = {"true", "1", "yes", "ja", "y"}
_FALSE = {"false", "0", "no", "nee", "n", ""}


def _rows(path: Path, required: set[str], optional: set[str]) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise InputError(f"context file {path.name} is missing")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = set(reader.fieldnames or ())
            missing = sorted(required - header)
            if missing:
                raise InputError(f"{path.name}: missing column '{missing[0]}'")
            extra = sorted(header - required - optional)
            if extra:
                raise InputError(f"{path.name}: unknown column '{extra[0][:40]}'")
            rows = []
            for row in reader:
                if None in row or any(v is None for v in row.values()):
                    raise InputError(f"{path.name} line {reader.line_num}: wrong number of fields")
                rows.append((reader.line_num, {k: v.strip() for k, v in row.items()}))
            return rows
    except UnicodeDecodeError:
        raise InputError(f"{path.name} is not UTF-8 text") from None
    except csv.Error:
        raise InputError(f"{path.name}: not valid CSV") from None


def _flag(value: str, where: str, column: str) -> bool:
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise InputError(f"{where}: column '{column}' must be true or false")


def _day(value: str, where: str, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{where}: column '{column}' is not a YYYY-MM-DD date") from None


def _need(value: str, where: str, column: str) -> str:
    if not value:
        raise InputError(f"{where}: column '{column}' is empty")
    return value


def load_context(folder: Path) -> Context:
    """Read ``employees.csv``, ``subjects.csv`` and ``assignments.csv`` from ``folder``."""
    if not folder.is_dir():
        raise InputError(f"context folder {folder.name} does not exist")
    employees = []
    path = folder / EMPLOYEES_FILE
    for line, row in _rows(path, {"id", "unit", "subject", "household"}, set()):
        where = f"{path.name} line {line}"
        employees.append(
            Employee(
                id=_need(row["id"], where, "id"),
                unit=_need(row["unit"], where, "unit"),
                subject=row["subject"] or None,
                household=row["household"] or None,
            )
        )
    subjects = []
    path = folder / SUBJECTS_FILE
    for line, row in _rows(path, {"subject", "household", "vip", "last_activity"}, {"inactive"}):
        where = f"{path.name} line {line}"
        subjects.append(
            Subject(
                id=_need(row["subject"], where, "subject"),
                household=row["household"] or None,
                vip=_flag(row["vip"], where, "vip"),
                last_activity=_day(row["last_activity"], where, "last_activity"),
                inactive=_flag(row.get("inactive", ""), where, "inactive"),
            )
        )
    assignments = []
    path = folder / ASSIGNMENTS_FILE
    required = {"subject", "unit", "employee", "opened", "closed"}
    for line, row in _rows(path, required, {"kind"}):
        where = f"{path.name} line {line}"
        opened = _day(_need(row["opened"], where, "opened"), where, "opened")
        closed = _day(row["closed"], where, "closed")
        assert opened is not None  # _need refused the empty value
        if closed is not None and closed < opened:
            raise InputError(f"{where}: 'closed' is before 'opened'")
        if not row["unit"] and not row["employee"]:
            raise InputError(f"{where}: give 'unit', 'employee' or both")
        kind = row.get("kind") or "case"
        if kind not in {"case", "assignment"}:
            raise InputError(f"{where}: column 'kind' must be case or assignment")
        assignments.append(
            Assignment(
                subject=_need(row["subject"], where, "subject"),
                opened=opened,
                closed=closed,
                unit=row["unit"] or None,
                employee=row["employee"] or None,
                kind=kind,
            )
        )
    return Context.build(employees, subjects, assignments)


def write_context(folder: Path, context: Context) -> None:
    """Write ``context`` as the three CSV files :func:`load_context` reads."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / EMPLOYEES_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "unit", "subject", "household"])
        for e in context.employees.values():
            writer.writerow([e.id, e.unit, e.subject or "", e.household or ""])
    with (folder / SUBJECTS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["subject", "household", "vip", "last_activity", "inactive"])
        for s in context.subjects.values():
            last = s.last_activity.isoformat() if s.last_activity else ""
            writer.writerow(
                [s.id, s.household or "", str(s.vip).lower(), last, str(s.inactive).lower()]
            )
    with (folder / ASSIGNMENTS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["subject", "unit", "employee", "opened", "closed", "kind"])
        for group in context.assignments.values():
            for a in group:
                closed = a.closed.isoformat() if a.closed else ""
                writer.writerow(
                    [
                        a.subject,
                        a.unit or "",
                        a.employee or "",
                        a.opened.isoformat(),
                        closed,
                        a.kind,
                    ]
                )

"""Step one of the review: which subjects of an access does the actor's work explain?

A subject is *explained* for an access when it has a case or assignment, open on the
access's day (in the organization's time zone), for the actor or for the actor's unit. The
unit is the one in the access record or the one in ``employees.csv``; either counts.
A few days before opening (intake) and after closing (follow-up) count as open too.

A search shows a result list, not a file: it is explained when at least one hit is. Any
other access is explained when every subject in it is. An explained access is not
suspicious in itself, but rules such as self-lookup still apply to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sluis.errors import InputError
from sluis.registers.access import AccessRecord, Action
from sluis.registers.snooping.context import Assignment, Context, Employee


@dataclass(frozen=True)
class ExplainOptions:
    """``timezone``: IANA name the organization's days and office hours are in."""

    before_open_days: int = 1
    after_close_days: int = 14
    timezone: str = "Europe/Amsterdam"

    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError(f"unknown time zone {self.timezone!r}") from None


@dataclass(frozen=True)
class Access:
    """One access record with what the review learnt about it.

    ``local``: the access time in the organization's zone; ``employee``: the actor's
    context row, if any; ``unexplained``: the subjects no case or assignment explains.
    """

    index: int
    record: AccessRecord
    local: datetime
    employee: Employee | None
    unexplained: frozenset[str]

    @property
    def explained(self) -> bool:
        subjects = self.record.subjects
        if not subjects:
            return True
        if self.record.action is Action.SEARCH:
            return len(self.unexplained) < len(set(subjects))
        return not self.unexplained

    @property
    def day(self) -> date:
        return self.local.date()


def covers(
    assignment: Assignment, actor: str, units: frozenset[str], day: date, o: ExplainOptions
) -> bool:
    """Whether ``assignment`` explains an access by ``actor`` (in ``units``) on ``day``."""
    if assignment.employee != actor and (assignment.unit is None or assignment.unit not in units):
        return False
    if day < assignment.opened - timedelta(days=o.before_open_days):
        return False
    return assignment.closed is None or day <= assignment.closed + timedelta(
        days=o.after_close_days
    )


def annotate(
    records: Iterable[AccessRecord], context: Context, options: ExplainOptions | None = None
) -> Iterator[Access]:
    """Each record with its explanation, in input order (``index`` counts from 0)."""
    opts = options or ExplainOptions()
    zone = opts.zone()
    for index, record in enumerate(records):
        local = record.at.astimezone(zone)
        employee = context.employees.get(record.actor)
        units = frozenset({record.unit} | ({employee.unit} if employee else set()))
        day = local.date()
        unexplained = frozenset(
            subject
            for subject in record.subjects
            if not any(
                covers(a, record.actor, units, day, opts)
                for a in context.assignments.get(subject, ())
            )
        )
        yield Access(index, record, local, employee, unexplained)

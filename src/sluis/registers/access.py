"""One access to personal data by an employee, as the access audit records it.

An access record is linked to the processing log by ``trace_id``. Subjects are keyed
pseudonyms (:mod:`sluis.registers.pseudonym`); actors are employee ids, which are shown to
auditors but never to citizens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Action(StrEnum):
    VIEW = "view"
    SEARCH = "search"
    EXPORT = "export"
    PRINT = "print"
    UPDATE = "update"


class Outcome(StrEnum):
    GRANTED = "granted"
    DENIED = "denied"
    ERROR = "error"


@dataclass(frozen=True)
class AccessRecord:
    """Who did what to whose data, when, why, and under which authorization rule.

    ``subjects``: pseudonymous ids of every person whose data was shown or touched (a
    search lists all hits). ``break_glass_reason`` is set exactly when the actor overrode
    the normal authorization. ``on_behalf_of``: the employee or organization the actor
    acted for, if any. Times carry a time zone.
    """

    trace_id: str
    at: datetime
    actor: str
    role: str
    unit: str
    action: Action
    outcome: Outcome
    subjects: tuple[str, ...]
    data_categories: tuple[str, ...]
    purpose: str
    case_reason: str | None = None
    authorization_rule: str | None = None
    on_behalf_of: str | None = None
    break_glass_reason: str | None = None
    workstation: str | None = None

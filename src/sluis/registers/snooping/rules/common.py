"""Helpers the rules share: which actions open files, subject lookups, per-access flagging."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sluis.registers.access import Action
from sluis.registers.snooping.context import Context
from sluis.registers.snooping.explain import Access
from sluis.registers.snooping.rules.base import RuleInput

#: Actions that show a person's file; a search result list is left out because its hits
#: are often coincidental (a shared surname), and the bulk-search rule covers searches.
FILE_OR_EXPORT = frozenset({Action.VIEW, Action.UPDATE, Action.PRINT, Action.EXPORT})


def flag_each(data: RuleInput, predicate: Callable[[Access], bool]) -> frozenset[int]:
    """The indexes of the accesses for which ``predicate`` holds."""
    return frozenset(a.index for a in data.accesses if predicate(a))


def is_inactive(context: Context, subject: str, day: date, after_days: int) -> bool:
    """Whether ``subject`` is marked inactive or had no activity for ``after_days`` days."""
    known = context.subjects.get(subject)
    if known is None:
        return False
    if known.inactive:
        return True
    last = known.last_activity
    return last is not None and day - last > timedelta(days=after_days)

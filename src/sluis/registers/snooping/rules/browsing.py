"""SN109: curious browsing: on one day an employee opens far more unexplained files than is
normal for their unit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sluis.registers.snooping.baseline import FILE_ACTIONS, unit_of
from sluis.registers.snooping.rules.base import RuleInput


@dataclass(frozen=True)
class BrowsingOptions:
    """Flags an actor's day with more than ``max(min_files, factor × unit baseline)``
    distinct unexplained files opened; every unexplained file access of that day is flagged."""

    weight: float = 1.0
    min_files: int = 4
    factor: float = 2.0


@dataclass(frozen=True)
class Browsing:
    options: BrowsingOptions = field(default_factory=BrowsingOptions)
    code: str = "SN109"
    name: str = "browsing"
    reason: str = "the employee opened many more files without a case in one day than is usual"

    @property
    def weight(self) -> float:
        return self.options.weight

    def flag(self, data: RuleInput) -> frozenset[int]:
        files: dict[tuple[str, date], set[str]] = defaultdict(set)
        indexes: dict[tuple[str, date], list[int]] = defaultdict(list)
        units: dict[tuple[str, date], str] = {}
        for access in data.accesses:
            if access.record.action not in FILE_ACTIONS or access.explained:
                continue
            key = (access.record.actor, access.day)
            files[key].update(access.unexplained)
            indexes[key].append(access.index)
            units[key] = unit_of(access)
        flagged: set[int] = set()
        for key, opened in files.items():
            limit = max(
                self.options.min_files, self.options.factor * data.baseline.daily(units[key])
            )
            if len(opened) > limit:
                flagged.update(indexes[key])
        return frozenset(flagged)


BROWSING = Browsing()

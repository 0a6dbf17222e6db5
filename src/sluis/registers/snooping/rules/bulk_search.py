"""SN106: an employee runs many searches in a short time, or one search with very many hits."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from sluis.registers.access import Action
from sluis.registers.snooping.explain import Access
from sluis.registers.snooping.rules.base import RuleInput


@dataclass(frozen=True)
class BulkSearchOptions:
    """More than ``max_searches`` searches by one actor within ``window_minutes``, or one
    search listing more than ``max_hits`` subjects."""

    weight: float = 1.5
    window_minutes: int = 60
    max_searches: int = 50
    max_hits: int = 500


@dataclass(frozen=True)
class BulkSearch:
    options: BulkSearchOptions = field(default_factory=BulkSearchOptions)
    code: str = "SN106"
    name: str = "bulk-search"
    reason: str = "the employee ran an unusually large number of searches in a short time"

    @property
    def weight(self) -> float:
        return self.options.weight

    def flag(self, data: RuleInput) -> frozenset[int]:
        opts = self.options
        window = timedelta(minutes=opts.window_minutes)
        by_actor: dict[str, list[Access]] = defaultdict(list)
        flagged: set[int] = set()
        for access in data.accesses:
            if access.record.action is Action.SEARCH:
                by_actor[access.record.actor].append(access)
                if len(access.record.subjects) > opts.max_hits:
                    flagged.add(access.index)
        for searches in by_actor.values():
            searches.sort(key=lambda a: a.record.at)
            start = 0
            for end in range(len(searches)):
                while searches[end].record.at - searches[start].record.at > window:
                    start += 1
                if end - start + 1 > opts.max_searches:
                    flagged.update(a.index for a in searches[start : end + 1])
        return frozenset(flagged)


BULK_SEARCH = BulkSearch()

"""What is normal for a unit: how often its work is unexplained, how many unexplained files
an employee of it opens on a normal day.

A helpdesk answers calls from people who have no case yet, so most of its accesses are
unexplained; for a team of caseworkers an unexplained access is rare. The review weighs an
unexplained access by how unusual it is for the actor's unit. The baseline is learnt from a
log (usually the one under review, or an earlier period) and then held fixed while scoring.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sluis.registers.access import Action
from sluis.registers.snooping.explain import Access

#: Actions that open a person's file (searches list hits; exports have their own rule).
FILE_ACTIONS = frozenset({Action.VIEW, Action.UPDATE, Action.PRINT})


@dataclass(frozen=True)
class BaselineOptions:
    """Units with fewer than ``min_accesses`` accesses get no baseline (treated as strict)."""

    min_accesses: int = 200
    quantile: float = 0.95


@dataclass(frozen=True)
class Baseline:
    """Per unit: ``unexplained_share`` in [0, 1] and ``daily_unexplained`` (the quantile of
    distinct unexplained files one employee opens per working day). Unknown units: 0."""

    unexplained_share: Mapping[str, float] = field(default_factory=dict)
    daily_unexplained: Mapping[str, float] = field(default_factory=dict)

    def share(self, unit: str) -> float:
        return self.unexplained_share.get(unit, 0.0)

    def daily(self, unit: str) -> float:
        return self.daily_unexplained.get(unit, 0.0)


def unit_of(access: Access) -> str:
    """The unit a baseline is kept for: the context's, else the record's."""
    return access.employee.unit if access.employee else access.record.unit


def learn_baseline(accesses: Iterable[Access], options: BaselineOptions | None = None) -> Baseline:
    """The baseline of ``accesses`` (one pass; memory grows with actors × days)."""
    opts = options or BaselineOptions()
    total: dict[str, int] = defaultdict(int)
    unexplained: dict[str, int] = defaultdict(int)
    per_day: dict[tuple[str, str, date], set[str]] = {}
    for access in accesses:
        unit = unit_of(access)
        total[unit] += 1
        key = (unit, access.record.actor, access.day)
        files = per_day.setdefault(key, set())
        if not access.explained:
            unexplained[unit] += 1
            if access.record.action in FILE_ACTIONS:
                files.update(access.unexplained)
    counts: dict[str, list[int]] = defaultdict(list)
    for (unit, _actor, _day), files in per_day.items():
        counts[unit].append(len(files))
    shares, daily = {}, {}
    for unit, n in total.items():
        if n < opts.min_accesses:
            continue
        shares[unit] = unexplained[unit] / n
        ordered = sorted(counts[unit])
        position = min(len(ordered) - 1, math.ceil(opts.quantile * len(ordered)) - 1)
        daily[unit] = float(ordered[max(position, 0)])
    return Baseline(shares, daily)

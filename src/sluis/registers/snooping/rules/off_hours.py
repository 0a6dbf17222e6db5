"""SN108: an unexplained access outside office hours."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from sluis.registers.snooping.explain import Access
from sluis.registers.snooping.rules.base import RuleInput
from sluis.registers.snooping.rules.common import flag_each


@dataclass(frozen=True)
class OffHoursOptions:
    """Office hours are ``start`` (inclusive) to ``end`` (exclusive) in the organization's
    time zone, on ``workdays`` (0 = Monday)."""

    weight: float = 0.75
    start: time = time(7, 0)
    end: time = time(19, 0)
    workdays: frozenset[int] = frozenset(range(5))


@dataclass(frozen=True)
class OffHours:
    options: OffHoursOptions = field(default_factory=OffHoursOptions)
    code: str = "SN108"
    name: str = "off-hours"
    reason: str = "the employee opened files without a case outside office hours"

    @property
    def weight(self) -> float:
        return self.options.weight

    def flag(self, data: RuleInput) -> frozenset[int]:
        opts = self.options

        def after_hours(access: Access) -> bool:
            if access.explained:
                return False
            local = access.local
            if local.weekday() not in opts.workdays:
                return True
            return not opts.start <= local.time().replace(tzinfo=None) < opts.end

        return flag_each(data, after_hours)


OFF_HOURS = OffHours()

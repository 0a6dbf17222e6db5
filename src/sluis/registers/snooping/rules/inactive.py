"""SN105: an employee opens the file of an inactive client without a case for it.

A client is inactive when marked so, or when their last activity is more than
``inactive_after_days`` before the access. Inactive clients should be hidden; looking
them up needs a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sluis.registers.access import Action
from sluis.registers.snooping.explain import Access
from sluis.registers.snooping.rules.base import RuleInput
from sluis.registers.snooping.rules.common import FILE_OR_EXPORT, flag_each, is_inactive


@dataclass(frozen=True)
class InactiveOptions:
    weight: float = 1.5
    inactive_after_days: int = 730
    actions: frozenset[Action] = FILE_OR_EXPORT


@dataclass(frozen=True)
class Inactive:
    options: InactiveOptions = field(default_factory=InactiveOptions)
    code: str = "SN105"
    name: str = "inactive-client"
    reason: str = "the employee opened the file of an inactive client without a case for it"

    @property
    def weight(self) -> float:
        return self.options.weight

    def flag(self, data: RuleInput) -> frozenset[int]:
        after = self.options.inactive_after_days

        def dormant(access: Access) -> bool:
            if access.record.action not in self.options.actions:
                return False
            return any(is_inactive(data.context, s, access.day, after) for s in access.unexplained)

        return flag_each(data, dormant)


INACTIVE = Inactive()

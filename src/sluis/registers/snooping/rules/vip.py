"""SN104: an employee opens the file of a person on the VIP list without a case for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sluis.registers.access import Action
from sluis.registers.snooping.explain import Access
from sluis.registers.snooping.rules.base import RuleInput
from sluis.registers.snooping.rules.common import FILE_OR_EXPORT, flag_each


@dataclass(frozen=True)
class VipOptions:
    weight: float = 1.5
    actions: frozenset[Action] = FILE_OR_EXPORT


@dataclass(frozen=True)
class Vip:
    options: VipOptions = field(default_factory=VipOptions)
    code: str = "SN104"
    name: str = "vip"
    reason: str = "the employee opened the file of a listed prominent person without a case for it"

    @property
    def weight(self) -> float:
        return self.options.weight

    def flag(self, data: RuleInput) -> frozenset[int]:
        subjects = data.context.subjects

        def prominent(access: Access) -> bool:
            if access.record.action not in self.options.actions:
                return False
            return any(s in subjects and subjects[s].vip for s in access.unexplained)

        return flag_each(data, prominent)


VIP = Vip()

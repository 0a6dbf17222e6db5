"""SN101: an employee opens their own file."""

from __future__ import annotations

from dataclasses import dataclass, field

from sluis.registers.access import Action
from sluis.registers.snooping.explain import Access
from sluis.registers.snooping.rules.base import RuleInput
from sluis.registers.snooping.rules.common import FILE_OR_EXPORT, flag_each


@dataclass(frozen=True)
class SelfLookupOptions:
    weight: float = 3.0
    actions: frozenset[Action] = FILE_OR_EXPORT


@dataclass(frozen=True)
class SelfLookup:
    """Flags even explained accesses: an employee must not handle their own case."""

    options: SelfLookupOptions = field(default_factory=SelfLookupOptions)
    code: str = "SN101"
    name: str = "self-lookup"
    reason: str = "the employee opened their own file"

    @property
    def weight(self) -> float:
        return self.options.weight

    def flag(self, data: RuleInput) -> frozenset[int]:
        def own(access: Access) -> bool:
            employee = access.employee
            return (
                access.record.action in self.options.actions
                and employee is not None
                and employee.subject is not None
                and employee.subject in access.record.subjects
            )

        return flag_each(data, own)


SELF_LOOKUP = SelfLookup()

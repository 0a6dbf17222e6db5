"""SN102: an employee opens the file of someone in their own household or at their address."""

from __future__ import annotations

from dataclasses import dataclass, field

from sluis.registers.access import Action
from sluis.registers.snooping.explain import Access
from sluis.registers.snooping.rules.base import RuleInput
from sluis.registers.snooping.rules.common import FILE_OR_EXPORT, flag_each


@dataclass(frozen=True)
class HouseholdOptions:
    weight: float = 3.0
    actions: frozenset[Action] = FILE_OR_EXPORT


@dataclass(frozen=True)
class Household:
    """Flags even explained accesses: a case of one's own family is a conflict of interest."""

    options: HouseholdOptions = field(default_factory=HouseholdOptions)
    code: str = "SN102"
    name: str = "household"
    reason: str = "the employee opened the file of a member of their own household or address"

    @property
    def weight(self) -> float:
        return self.options.weight

    def flag(self, data: RuleInput) -> frozenset[int]:
        context = data.context

        def family(access: Access) -> bool:
            employee = access.employee
            if employee is None or not employee.household:
                return False
            if access.record.action not in self.options.actions:
                return False
            return any(
                subject != employee.subject and context.household_of(subject) == employee.household
                for subject in access.record.subjects
            )

        return flag_each(data, family)


HOUSEHOLD = Household()

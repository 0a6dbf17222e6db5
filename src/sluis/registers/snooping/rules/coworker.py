"""SN103: an employee opens a colleague's file without a case or assignment for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sluis.registers.access import Action
from sluis.registers.snooping.explain import Access
from sluis.registers.snooping.rules.base import RuleInput
from sluis.registers.snooping.rules.common import FILE_OR_EXPORT, flag_each


@dataclass(frozen=True)
class CoworkerOptions:
    """``same_unit_only``: count only colleagues of the actor's own unit."""

    weight: float = 1.5
    same_unit_only: bool = False
    actions: frozenset[Action] = FILE_OR_EXPORT


@dataclass(frozen=True)
class Coworker:
    options: CoworkerOptions = field(default_factory=CoworkerOptions)
    code: str = "SN103"
    name: str = "co-worker"
    reason: str = "the employee opened a colleague's file without a case or assignment for it"

    @property
    def weight(self) -> float:
        return self.options.weight

    def flag(self, data: RuleInput) -> frozenset[int]:
        context = data.context

        def colleague(access: Access) -> bool:
            if access.record.action not in self.options.actions:
                return False
            for subject in access.unexplained:
                for other in context.employees_by_subject.get(subject, ()):
                    if other == access.record.actor:
                        continue
                    if not self.options.same_unit_only:
                        return True
                    peer = context.employees.get(other)
                    mine = access.employee.unit if access.employee else access.record.unit
                    if peer is not None and peer.unit == mine:
                        return True
            return False

        return flag_each(data, colleague)


COWORKER = Coworker()

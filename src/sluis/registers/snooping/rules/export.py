"""SN107: an export or print run holds people without a case, or very many people."""

from __future__ import annotations

from dataclasses import dataclass, field

from sluis.registers.access import Action
from sluis.registers.snooping.explain import Access
from sluis.registers.snooping.rules.base import RuleInput
from sluis.registers.snooping.rules.common import flag_each


@dataclass(frozen=True)
class ExportOptions:
    """Flags an export with any unexplained subject, or with more than ``max_subjects``."""

    weight: float = 1.0
    max_subjects: int = 1000
    actions: frozenset[Action] = frozenset({Action.EXPORT})


@dataclass(frozen=True)
class Export:
    options: ExportOptions = field(default_factory=ExportOptions)
    code: str = "SN107"
    name: str = "export"
    reason: str = "the employee exported data of people without a case, or of very many people"

    @property
    def weight(self) -> float:
        return self.options.weight

    def flag(self, data: RuleInput) -> frozenset[int]:
        def suspect(access: Access) -> bool:
            if access.record.action not in self.options.actions:
                return False
            many = len(set(access.record.subjects)) > self.options.max_subjects
            return many or bool(access.unexplained)

        return flag_each(data, suspect)


EXPORT = Export()

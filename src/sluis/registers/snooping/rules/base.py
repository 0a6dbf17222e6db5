"""What every snooping rule is: a stable code, a name, typed options, a reason and a weight.

A rule looks at all accesses of one review at once (some rules need a window of an actor's
accesses) and returns the indexes of the accesses it flags. Rules must be *monotone in
explanation*: explaining more subjects may make a rule flag fewer accesses, never more,
so adding an explanation never raises a score. The reason is fixed text about the pattern,
never about the person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sluis.registers.snooping.baseline import Baseline
from sluis.registers.snooping.context import Context
from sluis.registers.snooping.explain import Access


@dataclass(frozen=True)
class RuleInput:
    """Everything a rule may look at; ``accesses`` are in input order."""

    accesses: Sequence[Access]
    context: Context
    baseline: Baseline


class Rule(Protocol):
    """A snooping rule; implementations are frozen dataclasses with an ``options`` field."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def reason(self) -> str: ...

    @property
    def weight(self) -> float: ...

    def flag(self, data: RuleInput) -> frozenset[int]:
        """Indexes (``Access.index``) of the accesses this rule flags."""
        ...

"""The contract every detector fulfils.

A detector recognizes one kind of personal value, by pattern plus checksum plus, where the
pattern alone is weak, context. It answers two questions: is this whole cell an instance
(``matches``), and where are instances inside free text (``find``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Span:
    """An instance found in text: ``text[start:end]``, never the text itself."""

    start: int
    end: int
    category: str
    detector: str
    score: float


class Detector(Protocol):
    """One identifier or entity.

    ``code`` is a stable short name (``bsn``); ``category`` a code from
    ``sluis.model.categories``; ``evidence`` describes the test in reports
    (``checksum:11-proef``). ``needs_context`` is true where a match alone is weak
    (a bare 10-digit number as V-nummer): the scanner then requires column-name evidence,
    and ``find`` only reports instances with a context word nearby.
    """

    code: str
    category: str
    evidence: str
    needs_context: bool

    def matches(self, value: str) -> bool:
        """True when the whole trimmed cell is an instance (any common notation)."""
        ...

    def find(self, text: str) -> Iterator[Span]:
        """Instances inside free text, each with a score in (0, 1]."""
        ...

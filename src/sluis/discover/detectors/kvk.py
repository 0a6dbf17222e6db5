"""KvK-nummer: the eight-digit Business Register number (a sequence number, no check digit).

For a sole trader (eenmanszaak) the register entry is personal data. Eight digits also
write dates (``12032024``), AGB codes and phone fragments, hence ``needs_context``:
``find`` reports a number only with a KvK word nearby.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._common import context_scorer, iter_spans, words_pattern
from sluis.discover.detectors.base import Span

_CELL = re.compile(r"\d{8}", re.ASCII)
_TEXT = re.compile(r"(?<![\w.\-])\d{8}(?![\w\-]|[.,]\d)", re.ASCII)
_KEYWORDS = words_pattern(
    [
        "kvk",
        "kvk-?nummer",
        "kvk-?nr\\.?",
        "kamer van koophandel",
        "handelsregister",
        "chamber of commerce",
    ]
)


@dataclass(frozen=True)
class KvkDetector:
    """KvK-nummer in a cell (eight digits) or text (with a KvK word)."""

    code: str = "kvk"
    category: str = "id.kvk"
    evidence: str = "pattern:8-digits+context"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        return _CELL.fullmatch(value.strip()) is not None

    def find(self, text: str) -> Iterator[Span]:
        scorer = context_scorer(text, _KEYWORDS, 0.9, before=40, after=10)
        return iter_spans(_TEXT, text, self.category, self.code, scorer)


DETECTOR = KvkDetector()

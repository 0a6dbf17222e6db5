"""V-nummer (vreemdelingennummer): the ten-digit number of a foreign national in the
vreemdelingenketen, printed as ``V-NR.`` on residence permits.

No check digit is publicly documented, and ten-digit numbers are everywhere (mobiles without
separators, A-nummers, case numbers), hence ``needs_context``: ``find`` reports a number
only with a V-nummer word nearby.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._common import context_scorer, iter_spans, words_pattern
from sluis.discover.detectors.base import Span

_CELL = re.compile(r"\d{10}", re.ASCII)
_TEXT = re.compile(r"(?<![\w.\-])\d{10}(?![\w\-]|[.,]\d)", re.ASCII)
_KEYWORDS = words_pattern(
    [
        "v-?nummer",
        "v-?nr\\.?",
        "vnr\\.?",
        "vreemdelingennummer",
        "vreemdelingen-nummer",
        "v-number",
    ]
)


@dataclass(frozen=True)
class VNumberDetector:
    """V-nummer in a cell (ten digits) or text (with a V-nummer word)."""

    code: str = "v_number"
    category: str = "id.v_number"
    evidence: str = "pattern:10-digits+context"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        return _CELL.fullmatch(value.strip()) is not None

    def find(self, text: str) -> Iterator[Span]:
        scorer = context_scorer(text, _KEYWORDS, 0.9, before=40, after=10)
        return iter_spans(_TEXT, text, self.category, self.code, scorer)


DETECTOR = VNumberDetector()

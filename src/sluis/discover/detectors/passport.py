"""Dutch passport or identity-card number (documentnummer).

Nine characters: two letters, six letters or digits, one digit; never the letter O. There is
no public check digit, and any nine-character upper-case token ending in a digit (hashes,
product codes) has this shape, hence ``needs_context``: ``find`` reports a number only with
a document word nearby.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._common import context_scorer, iter_spans, words_pattern
from sluis.discover.detectors.base import Span

_SHAPE = r"[A-NP-Z]{2}[A-NP-Z0-9]{6}\d"
_CELL = re.compile(_SHAPE, re.ASCII)
_TEXT = re.compile(rf"(?<![\w\-]){_SHAPE}(?![\w\-])", re.ASCII)
_HINT = _CELL  # where a match of _TEXT can start (without its lookbehind)
_KEYWORDS = words_pattern(
    [
        "paspoort",
        "paspoortnummer",
        "paspoortnr\\.?",
        "id-bewijs",
        "verblijfsdocument",
        "verblijfspas",
        "id-kaart",
        "id kaart",
        "identiteitskaart",
        "identiteitsbewijs",
        "legitimatie",
        "documentnummer",
        "documentnr\\.?",
        "reisdocument",
        "passport",
        "passport number",
        "identity card",
    ]
)


@dataclass(frozen=True)
class PassportDetector:
    """Document number in a cell (shape only; lower case accepted) or text (with context)."""

    code: str = "passport"
    category: str = "id.passport"
    evidence: str = "pattern:documentnummer"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        return _CELL.fullmatch(value.strip().upper()) is not None

    def find(self, text: str) -> Iterator[Span]:
        scorer = context_scorer(text, _KEYWORDS, 0.85, before=60, after=20)
        return iter_spans(_TEXT, text, self.category, self.code, scorer, _HINT)


DETECTOR = PassportDetector()

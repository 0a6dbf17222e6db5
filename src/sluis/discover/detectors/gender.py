"""Gender: ``M``/``V``/``F``/``X``/``O``, ``man``/``vrouw``, ``male``/``female``, ``onbekend``.

The value set is tiny and its one-letter codes occur in many other columns, so
``needs_context`` is true: a column counts as gender only with a column name that says
so. In free text only a value right after a gender word (``geslacht: V``) is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover import lexicon
from sluis.discover.detectors._common import contains_any, fold
from sluis.discover.detectors.base import Span
from sluis.discover.lexicon import normalize

_TEXT = re.compile(
    r"(?i)\b(?:geslacht|gender|sekse|sex)\s*[:=]?\s*"
    r"(?P<v>mannelijk|vrouwelijk|man|vrouw|male|female|onbekend|unknown|non-binair|m|v|f|x)\b"
)
_KEYS = ("geslacht", "gender", "sekse", "sex")


@dataclass(frozen=True)
class GenderDetector:
    code: str = "gender"
    category: str = "quasi.gender"
    evidence: str = "lexicon:gender-values"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        return normalize(value).rstrip(".") in lexicon.genders()

    def find(self, text: str) -> Iterator[Span]:
        if not contains_any(fold(text), _KEYS):
            return
        for m in _TEXT.finditer(text):
            yield Span(m.start("v"), m.end("v"), self.category, self.code, 0.9)


DETECTOR = GenderDetector()

"""Country of birth: country names in Dutch and English and ISO 3166 alpha-2/alpha-3 codes.

Two- and three-letter codes collide with many other short codes (and nationality columns
hold the same alpha-3 codes), so ``needs_context`` is true. In free text a country name
counts only right after a birth or origin word (``geboren in Syrië``, ``afkomstig uit``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover import lexicon
from sluis.discover.detectors._common import contains_any, fold
from sluis.discover.detectors.base import Span
from sluis.discover.detectors.city import phrase_spans
from sluis.discover.lexicon import normalize

_ORIGIN = re.compile(
    r"(?i)\b(?:geboren|geb\.|geboorteland|afkomstig|herkomst|gevlucht|gevlucht uit|uit|born|"
    r"country of birth|land van herkomst|land van geboorte|geboortelandcode)\b[^.\n]{0,12}$"
)

# Some part of every origin word, for a cheap test first.
_ANY_ORIGIN = ("geb", "herkomst", "afkomst", "gevlucht", "uit", "born", "country", "land")


@dataclass(frozen=True)
class CountryDetector:
    code: str = "country"
    category: str = "quasi.country_of_birth"
    evidence: str = "lexicon:countries+iso-3166"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        norm = normalize(" ".join(value.split()))
        return norm in lexicon.countries() or norm in lexicon.country_codes()

    def find(self, text: str) -> Iterator[Span]:
        if not contains_any(fold(text), _ANY_ORIGIN):
            return
        for start, end in phrase_spans(text, lexicon.countries()):
            if _ORIGIN.search(text, max(0, start - 40), start):
                yield Span(start, end, self.category, self.code, 0.75)


DETECTOR = CountryDetector()

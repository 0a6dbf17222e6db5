"""Nationality: adjectives and demonyms in Dutch and English (``Nederlandse``, ``Syrische``,
``Eritrean``), ISO 3166 alpha-3 codes as used in travel documents (``NLD``, ``SYR``), and
``staatloos``/``onbekend``.

Dutch nationality adjectives are ordinary adjectives too (``de Nederlandse overheid``) and
the codes are shared with country columns, so ``needs_context`` is true. In free text an
adjective counts only near a nationality word (``nationaliteit``, ``afkomstig``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from sluis.discover import lexicon
from sluis.discover.detectors._common import contains_any, fold, has_context, words_pattern
from sluis.discover.detectors.base import Span
from sluis.discover.detectors.city import phrase_spans
from sluis.discover.lexicon import normalize

_CONTEXT = words_pattern(
    ["nationaliteit", "nationaliteiten", "nationality", "afkomst", "afkomstig", "herkomst",
     "staatsburger", "staatsburgerschap", "citizenship", "citizen"]
)  # fmt: skip
# Every word of _CONTEXT contains one of these.
_HINTS = ("nationalit", "afkomst", "herkomst", "staatsburger", "citizen")


@cache
def _values() -> frozenset[str]:
    codes = frozenset(c for c in lexicon.country_codes() if len(c) == 3)
    return lexicon.nationalities() | codes


@dataclass(frozen=True)
class NationalityDetector:
    code: str = "nationality"
    category: str = "quasi.nationality"
    evidence: str = "lexicon:nationalities+iso-3166-alpha-3"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        return normalize(" ".join(value.split())) in _values()

    def find(self, text: str) -> Iterator[Span]:
        if not contains_any(fold(text), _HINTS) or _CONTEXT.search(text) is None:
            return
        for start, end in phrase_spans(text, lexicon.nationalities(), max_words=2):
            if has_context(text, start, end, _CONTEXT, before=40, after=25):
                yield Span(start, end, self.category, self.code, 0.8)


DETECTOR = NationalityDetector()

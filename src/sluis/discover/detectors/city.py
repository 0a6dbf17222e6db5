"""Places: Dutch municipalities, towns and villages, and major cities abroad (places of birth).

A cell matches when the whole value is a known place, in any case (``'s-Hertogenbosch``,
``Den Haag``, ``AMSTERDAM``, ``Aleppo``). The list is large enough that a column of other
words rarely passes, so no column name is required. In free text a place counts after a
postcode (``3511 AB Utrecht``) or a place word (``te``, ``in``, ``woonplaats``); after a
birth word (``geboren te``) it is reported as ``quasi.place_of_birth``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from sluis.discover import lexicon
from sluis.discover.detectors.base import Span
from sluis.discover.lexicon import normalize

_WORD = re.compile(r"(?:'[st][ -])?[^\W\d_][\w'’-]*")
_POSTCODE_BEFORE = re.compile(r"[1-9]\d{3}\s?[A-Z]{2}\s*,?\s*$")
_PLACE_WORD = re.compile(
    r"(?i)(?:\b(?:te|in|uit|naar|woonplaats|geboorteplaats|wonende|woonachtig|born|city)|"
    r"plaats van geboorte|place of birth)\s*:?\s*$"
)
_BIRTH_WORD = re.compile(r"(?i)\b(?:geboren|geb\.|geboorteplaats|born|place of birth)\W")


@cache
def places() -> frozenset[str]:
    """Dutch and foreign places, one set."""
    return lexicon.dutch_places() | lexicon.world_cities()


@lru_cache(maxsize=16)
def _first_words(known: frozenset[str]) -> tuple[frozenset[str], int]:
    """The first words of the phrases in ``known`` and the longest phrase's word count."""
    firsts = frozenset(p.split(" ", 1)[0].rstrip(".") for p in known)  # "st. willebrord"
    return firsts, max((p.count(" ") + 1 for p in known), default=0)


def phrase_spans(text: str, known: frozenset[str], max_words: int = 4) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of capitalized phrases of up to ``max_words`` words in ``known``,
    longest first, non-overlapping."""
    firsts, longest = _first_words(known)
    spans, words, starts = _words(text)
    heads = _HEADS
    count = len(words)
    after = 0  # the index after the last phrase found
    for i in starts:
        if i < after:
            continue
        first = words[i]
        head = heads.get(first)
        if head is None:
            head = _head(first)
        if head not in firsts:
            continue
        begin = spans[i][0]
        for n in range(min(max_words, longest, count - i), 0, -1):
            phrase = text[begin : spans[i + n - 1][1]]
            if "\n" in phrase or "  " in phrase:
                continue
            if normalize(phrase) in known:
                yield begin, spans[i + n - 1][1]
                after = i + n
                break


# Articles that open a place's name ("De Bilt", "Den Helder"), also when written small.
_ARTICLES = frozenset({"de", "den", "het", "ter", "ten"})
# One-entry memo of the words of a text: city, country and nationality read it in a row.
_WORDS_OF: dict[str, tuple[list[tuple[int, int]], list[str], list[int]]] = {}
# First normalized word of a word, per distinct word (bounded by clearing).
_HEADS: dict[str, str] = {}


def _words(text: str) -> tuple[list[tuple[int, int]], list[str], list[int]]:
    """Spans and text of the words, and the indexes of those that may open a phrase
    (capitalized, ``'s``/``'t``, or an article before a capitalized word)."""
    got = _WORDS_OF.get(text)
    if got is None:
        found = list(_WORD.finditer(text))
        words = [m.group() for m in found]
        starts = [
            i
            for i, w in enumerate(words)
            if w[0].isupper()
            or w[0] == "'"
            # "2560 AG de Woude": an article written small before a capitalized word
            or (w in _ARTICLES and i + 1 < len(words) and words[i + 1][0].isupper())
        ]
        got = ([m.span() for m in found], words, starts)
        _WORDS_OF.clear()
        _WORDS_OF[text] = got
    return got


def _head(word: str) -> str:
    if len(_HEADS) >= 1 << 16:
        _HEADS.clear()
    head = _HEADS[word] = normalize(word).split(" ", 1)[0]
    return head


@dataclass(frozen=True)
class CityDetector:
    code: str = "city"
    category: str = "location.city"
    evidence: str = "lexicon:places"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        return normalize(" ".join(value.split())) in places()

    def find(self, text: str) -> Iterator[Span]:
        for start, end in phrase_spans(text, places()):
            before = text[max(0, start - 40) : start]
            if _POSTCODE_BEFORE.search(before):
                yield Span(start, end, self.category, self.code, 0.85)
            elif _PLACE_WORD.search(before):
                birth = _BIRTH_WORD.search(before) is not None
                category = "quasi.place_of_birth" if birth else self.category
                yield Span(start, end, category, self.code, 0.7)


DETECTOR = CityDetector()

"""Surnames with or without particles: "de Vries", "El Amrani", "van der Berg", "YILMAZ".

Documented choice: a cell matches when a surname word is known or particle-led, and also
when it is merely shaped like a surname (letters, hyphens, apostrophes; at most three
words) and is not a common word, place, organization or street. That keeps surnames from
outside the lexicon findable in a column of surnames, at the price of matching other
single-word columns, so ``needs_context`` is true: the scanner also wants a column name.
In free text a surname is reported on its own only when the lexicon knows it and it is no
word ("Gesprek met Jansen"); else as part of a ``person.name`` span.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._names import cell_tokens, find_names, surname_cell
from sluis.discover.detectors.base import Span


@dataclass(frozen=True)
class LastNameDetector:
    code: str = "last_name"
    category: str = "person.last_name"
    evidence: str = "lexicon+shape:particles+surname"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        words = cell_tokens(value.strip())
        if "," in words:
            words = [w for w in words if w != ","]
        return surname_cell(words, unknown_ok=True)

    def find(self, text: str) -> Iterator[Span]:
        return (span for span in find_names(text) if span.category == self.category)


DETECTOR = LastNameDetector()

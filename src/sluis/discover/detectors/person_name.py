"""Full names of persons: a given name or initials plus a surname, in any common notation.

Cells: "Fatima El Amrani", "J. de Vries", "DE VRIES, JAN", "Vries, J. de". At least one
part must be known (a given name or initials first, or a known or particle-led surname
last), so two arbitrary capitalized words are not a name. Free text also uses salutations,
particles and shape (see ``_names``); a capitalized pair of unknown words mid-sentence scores 0.5.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._names import NAME, find_names, full_name_cell
from sluis.discover.detectors.base import Span


@dataclass(frozen=True)
class PersonNameDetector:
    code: str = "person_name"
    category: str = NAME
    evidence: str = "lexicon+shape:given-name+particles+surname"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        return full_name_cell(value.strip())

    def find(self, text: str) -> Iterator[Span]:
        return (span for span in find_names(text) if span.category == NAME)


DETECTOR = PersonNameDetector()

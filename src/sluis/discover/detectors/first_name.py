"""Given names: a cell of one to four known given names or initials ("Jan", "Anne-Marie",
"J.P.", "FATIMA"); in free text a lone known given name that is not a common word.

Unknown given names do not match a cell on their own: a column of them is found through
the full-name and surname detectors or by its column name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._names import FIRST, cell_tokens, find_names, given_names_cell
from sluis.discover.detectors.base import Span


@dataclass(frozen=True)
class FirstNameDetector:
    code: str = "first_name"
    category: str = FIRST
    evidence: str = "lexicon:given-names"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        words = cell_tokens(value.strip())
        return "," not in words and given_names_cell(words)

    def find(self, text: str) -> Iterator[Span]:
        return (span for span in find_names(text) if span.category == FIRST)


DETECTOR = FirstNameDetector()

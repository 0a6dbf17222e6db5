"""Phrases a source itself holds (its streets, the names of things it keeps), found in text
as whole runs of words, in any case."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

# A word, with its inner hyphens and apostrophes ("Tjon-A-Fat", "D'Souza").
WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")
MAX_WORDS = 5  # no street or name of a thing that is looked for is longer
# More distinct names than this are no lookup of things (schools, districts) but a register
# of firms or people: not looked for.
MAX_THINGS = 50_000


def phrase(value: str) -> str:
    """``value`` as a phrase is looked up: its words casefolded, one space apart."""
    return " ".join(WORD.findall(value.casefold()))


@dataclass(frozen=True)
class Phrases:
    """Phrases as :func:`phrase` writes them."""

    phrases: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, values: Iterable[object]) -> Phrases:
        """The phrases of the text values (of at most :data:`MAX_WORDS` words)."""
        found = (phrase(v) for v in values if isinstance(v, str))
        return cls(frozenset(p for p in found if p and p.count(" ") < MAX_WORDS))

    @cached_property
    def _starts(self) -> frozenset[str]:
        return frozenset(p.split(" ", 1)[0] for p in self.phrases)

    def runs(self, folded: list[str]) -> Iterator[tuple[int, int]]:
        """``(i, j)``: the longest run of casefolded words ``i`` to ``j`` from each start
        that is a phrase."""
        if not self.phrases:
            return
        starts = self._starts
        for i, word in enumerate(folded):
            if word not in starts:
                continue
            for j in range(min(len(folded), i + MAX_WORDS), i, -1):
                if " ".join(folded[i:j]) in self.phrases:
                    yield i, j
                    break

    def find(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each phrase in ``text``."""
        if not self.phrases:
            return []
        words = list(WORD.finditer(text))
        folded = [w.group().casefold() for w in words]
        return [(words[i].start(), words[j - 1].end()) for i, j in self.runs(folded)]


def kept_things(values: Iterable[object], people: frozenset[str] = frozenset()) -> Phrases:
    """The names of things a policy keeps though they read as names (schools under
    ``allow``), but those with a word of ``people`` (casefolded words of the source's name
    columns); none where there are more than :data:`MAX_THINGS`."""
    distinct = {v for v in values if isinstance(v, str)}
    if len(distinct) > MAX_THINGS:
        return Phrases()
    return Phrases.of(v for v in distinct if not any(w in people for w in phrase(v).split()))

"""Names and streets the source itself holds, so free text can be searched for them.

The free-text finder recognizes names by shape and context; a name it has never seen in a
bare note ("belde met Kovalchuk") can slip through. The people a database is about are
listed in its own name columns, so every word of those columns is looked for in its text
as well, and replaced by the fake its category gets; so are the streets of its address
columns, as whole phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import pyarrow as pa
import pyarrow.compute as pc

from sluis.discover import lexicon
from sluis.model.policy import Fake, JsonRule, Policy, Pseudonymize, RedactText, ReplaceBlob
from sluis.sources import Source

NAME_CATEGORIES = ("person.first_name", "person.last_name", "person.name")
STREET_CATEGORIES = ("location.street", "location.address")
_STREET = re.compile(r"[^\W\d_][^\d,]*[^\W\d_]")
_MAX_STREET_WORDS = 5
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")
# Shorter words collide with ordinary words and abbreviations far too often.
_MIN_LENGTH = 3


@dataclass(frozen=True)
class KnownNames:
    """Casefolded words of the source's name columns: given names and surnames."""

    first: frozenset[str] = field(default_factory=frozenset)
    last: frozenset[str] = field(default_factory=frozenset)
    streets: frozenset[str] = field(default_factory=frozenset)

    def category(self, word: str) -> str | None:
        folded = word.casefold()
        if folded in self.last:
            return "person.last_name"
        if folded in self.first:
            return "person.first_name"
        return None

    @cached_property
    def _street_starts(self) -> frozenset[str]:
        return frozenset(street.split(" ", 1)[0] for street in self.streets)

    def spans(self, text: str) -> Iterable[tuple[int, int, str]]:
        """``(start, end, category)`` of every known name word and street in ``text``."""
        words = list(_WORD.finditer(text))
        folded = [match.group().casefold() for match in words]
        last, first = self.last, self.first
        for match, word in zip(words, folded, strict=True):
            if word in last:
                yield match.start(), match.end(), "person.last_name"
            elif word in first:
                yield match.start(), match.end(), "person.first_name"
        if not self.streets:
            return
        starts = self._street_starts
        for i, word in enumerate(folded):
            if word not in starts:
                continue
            for j in range(min(len(words), i + _MAX_STREET_WORDS), i, -1):
                if " ".join(folded[i:j]) in self.streets:
                    yield words[i].start(), words[j - 1].end(), "location.street"
                    break


def reads_text(policy: Policy) -> bool:
    """Whether any rule searches free text (the only users of known names)."""
    return any(
        isinstance(rule, RedactText | ReplaceBlob | JsonRule)
        for table in policy.tables.values()
        for rule in table.columns.values()
    )


def collect(source: Source, policy: Policy, batch_rows: int = 65_536) -> KnownNames:
    """Read the source's name columns (those the policy fakes as names); nothing is read
    when no rule searches free text."""
    if not reads_text(policy):
        return KnownNames()
    # Dictionary words are left to the finder's context rules: a name column that holds
    # "Bijzondere bijstand" must not turn every "bijstand" in the notes into a name.
    common = lexicon.stopwords() | lexicon.common_words() | lexicon.particles()
    first: set[str] = set()
    last: set[str] = set()
    streets: set[str] = set()
    for table in source.schema().tables:
        rules = policy.tables[table.name].columns
        wanted = {
            name: rule.category
            for name, rule in rules.items()
            if isinstance(rule, Fake | Pseudonymize)
            and rule.category in NAME_CATEGORIES + STREET_CATEGORIES
        }
        if not wanted:
            continue
        for batch in source.batches(table.name, list(wanted), batch_rows=batch_rows):
            for name, category in wanted.items():
                values = _distinct(batch.column(name))
                if category in STREET_CATEGORIES:
                    streets.update(_streets(values))
                    continue
                words = _words(values, common)
                if category == "person.first_name":
                    first.update(words)
                elif category == "person.last_name":
                    last.update(words)
                else:
                    # A full name: the first word is a given name, the rest the surname.
                    for value in values:
                        parts = _words([value], common)
                        if parts:
                            first.add(parts[0])
                            last.update(parts[1:])
    return KnownNames(frozenset(first), frozenset(last), frozenset(streets))


def _distinct(column: pa.Array | pa.ChunkedArray) -> list[object]:
    return list(pc.unique(column).to_pylist())


def _streets(values: list[object]) -> list[str]:
    """The street part of street and address cells: the words before the house number."""
    out = []
    for value in values:
        if isinstance(value, str) and (match := _STREET.match(value.strip())):
            street = " ".join(match.group().split()).casefold()
            if len(street) >= _MIN_LENGTH + 2:
                out.append(street)
    return out


def _words(values: list[object], common: frozenset[str]) -> list[str]:
    out = []
    for value in values:
        if not isinstance(value, str):
            continue
        for match in _WORD.finditer(value):
            word = match.group().casefold()
            if len(word) >= _MIN_LENGTH and word not in common:
                out.append(word)
    return out

"""Dutch postcode: four digits 1000-9999, an optional space, two letters (never SA, SD, SS).

A postcode plus house number identifies an address, so it counts even without a street.
In a cell, and as the whole of a text (a JSON leaf), any case is accepted (``3511ab`` occurs in
databases, ``1500 MG`` is no dose there). In free text lower case
counts before a known place, after a postcode label or after a street's house number and a
comma; otherwise only upper case, and look-alikes are left out: a number followed by a
unit (``1500 MG``, unless a house number comes before it or a known place after it), and a
year followed by a legal form or a capitalized word (``in 2021 BV opgericht``, ``IN 2020 EN
2021``) unless a capitalized place name follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from sluis.discover import lexicon
from sluis.discover.detectors._common import hinted_finditer, iter_spans
from sluis.discover.detectors.base import Span
from sluis.discover.detectors.street import DETECTOR as STREET
from sluis.discover.lexicon import normalize

FORBIDDEN_LETTERS: frozenset[str] = frozenset({"SA", "SD", "SS"})

_CELL = re.compile(r"[1-9]\d{3} ?[A-Z]{2}", re.ASCII)
# In text one space, none, or (a typing slip) two: "7445  LE".
_TEXT = re.compile(
    r"(?<![\w.,\-])(?P<v>(?P<digits>[1-9]\d{3})(?P<space> {0,2})(?P<letters>[A-Z]{2}))(?![\w\-])"
    r"(?P<place>,? {1,2}(?P<town>[A-Z](?:[a-z'\-]|[A-Z]{2})[\w'\-]*(?: [A-Z][\w'\-]+)?))?",
    re.ASCII,
)
_HINT = re.compile(r"[1-9][0-9]{3} {0,2}[A-Z]{2}")  # where a match of _TEXT can start
_ANY_HINT = re.compile(r"[1-9][0-9]{3} {0,2}[A-Za-z]{2}")  # where _LOWER and _ANY_CASE can start
# Typed in lower case ("5835 od 's-hertogenbosch", "1139 wl Purmerend"): a postcode only with a
# known place after it.
_LOWER = re.compile(
    r"(?<![\w.,\-])(?P<v>(?P<digits>[1-9]\d{3}) {0,2}(?P<letters>[a-z]{2}))(?![\w\-]),?[ \t]{1,2}"
    r"(?P<town>[A-Za-z'][A-Za-z'\-]+(?:[ ][A-Za-z'\-]+){0,3})",
    re.ASCII,
)

# Any case after a postcode label or a house number ("postcode 5605iv", "Dorpsweg 8, 4921 wj").
_ANY_CASE = re.compile(
    r"(?<![\w.,\-])(?P<v>[1-9]\d{3} {0,2}(?P<letters>[A-Za-z]{2}))(?![\w\-])", re.ASCII
)
_LABEL_BEFORE = re.compile(
    r"(?i)(?<![\w])(?:postcode|post code|pc|zip(?: ?code)?)(?: is| was)?\s*[:=]?\s*$"
)
# Two-letter units and abbreviations written after a number.
_UNITS = frozenset({
    "MG", "KG", "GR", "CL", "DL", "ML", "CM", "MM", "KM", "KW", "MW", "GW", "KB", "MB", "GB",
    "TB", "PK", "HA", "EU", "PC", "PX", "DB", "HZ", "MS",
})  # fmt: skip
# The numbers that may be a year, and the legal forms, conjunctions and prepositions that
# follow a year in capitals.
_YEARS = (1900, 2099)
_AFTER_YEAR = frozenset({
    "BV", "NV", "CV", "EN", "OF", "IN", "OP", "NA", "TE", "TO", "AT", "ON", "BY", "VS", "UK",
    "NL", "AD", "BC", "VC", "OM", "DE", "ZO", "AL",
})  # fmt: skip


# A house number (with addition) right before: ``Kerkstraat 8a, 1234 MG`` or on the line above.
_AFTER_NUMBER = re.compile(r"\d(?:[ \-]?(?:[a-zA-Z]{1,3}|\d{1,4}))?,?[ \t]*\n?[ \t]*$")
# What separates an address line's house number from the postcode: a comma, a line break or
# one or two spaces (``Kerkstraat 12\n1139 wl``, ``Kerkstraat 12 1139 wl``).
_BEFORE_POSTCODE = re.compile(r"\S(?P<gap>,?[ \t]*\n[ \t]*|,?[ \t]{1,2})$")


def _after_street(text: str, start: int) -> bool:
    """A street with its house number (as the street detector reads it) ends right before
    ``start``, on the same line or the line above."""
    gap = _BEFORE_POSTCODE.search(text, max(0, start - 12), start)
    if gap is None:
        return False
    end = gap.start("gap")
    line = text.rfind("\n", 0, end) + 1
    before = text[max(line, end - 80) : end]
    return any(span.end == len(before) for span in STREET.find(before))


def _is_word(letters: str) -> bool:
    """Lower-case letters that read as a word or unit after a number (``is``, ``km``)."""
    return letters in lexicon.stopwords() or letters.upper() in _UNITS


def _in_address(text: str, match: re.Match[str]) -> bool:
    """Unit-like letters (``MG``, ``HA``) form a postcode after a house number or before a
    known place (``1649 DB Zwolle``)."""
    start = match.start()
    if _AFTER_NUMBER.search(text, max(0, start - 14), start) is not None:
        return True
    town = match.group("town")
    if town is None:
        return False
    places = lexicon.dutch_places()
    words = town.split()
    return normalize(words[0]) in places or normalize(" ".join(words)) in places


def _known_place(words: str) -> str:
    """The longest run of leading ``words`` that names a Dutch place, or ""."""
    places = lexicon.dutch_places()
    parts = words.split(" ")
    for n in range(len(parts), 0, -1):
        candidate = " ".join(parts[:n])
        if normalize(candidate) in places:
            return candidate
    return ""


def _may_be_year(digits: str) -> bool:
    return _YEARS[0] <= int(digits) <= _YEARS[1]


def _score(text: str, match: re.Match[str], floor: int) -> float | None:
    letters = match.group("letters")
    if letters in FORBIDDEN_LETTERS:
        return None
    place = match.group("place") is not None
    if match.group("space"):
        if letters in _UNITS and not _in_address(text, match):
            return None
        if _may_be_year(match.group("digits")) and letters in _AFTER_YEAR and not place:
            return None
    return 0.9 if place else 0.75


@dataclass(frozen=True)
class PostcodeDetector:
    """Postcode in a cell (any case) or text (upper case, look-alikes excluded)."""

    code: str = "postcode"
    category: str = "location.postcode"
    evidence: str = "pattern:postcode"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        cell = value.strip().upper()
        return _CELL.fullmatch(cell) is not None and cell[-2:] not in FORBIDDEN_LETTERS

    def find(self, text: str) -> Iterator[Span]:
        """Spans cover the postcode only, not the place name that raised the score; a postcode
        typed in lower case counts only before a known place, which is reported too."""
        whole = text.strip()
        if self.matches(whole):  # the whole text, in any case: a cell or a JSON leaf
            start = text.index(whole)
            yield Span(start, start + len(whole), self.category, self.code, 0.85)
            return
        yield from iter_spans(_TEXT, text, self.category, self.code, partial(_score, text), _HINT)
        found: set[int] = set()
        for m in hinted_finditer(_LOWER, _ANY_HINT, text):
            letters = m.group("letters").upper()
            year = _may_be_year(m.group("digits"))
            if letters in FORBIDDEN_LETTERS or (year and letters in _AFTER_YEAR):
                continue
            town = _known_place(m.group("town"))
            if town and not town.islower() and year and _is_word(m.group("letters")):
                continue  # "sinds 2019 is Utrecht": a year and a word before a place
            if town:
                found.add(m.start("v"))
                yield Span(m.start("v"), m.end("v"), self.category, self.code, 0.85)
                start = m.start("town")
                yield Span(start, start + len(town), "location.city", self.code, 0.85)
        for m in hinted_finditer(_ANY_CASE, _ANY_HINT, text):
            letters = m.group("letters")
            if letters.isupper() or letters.upper() in FORBIDDEN_LETTERS or m.start() in found:
                continue
            start = m.start()
            before = max(0, start - 20)
            if (
                _LABEL_BEFORE.search(text, before, start)
                or (_AFTER_NUMBER.search(text, before + 6, start) and "," in text[before:start])
                or _after_street(text, start)
            ):
                yield Span(m.start("v"), m.end("v"), self.category, self.code, 0.85)


DETECTOR = PostcodeDetector()

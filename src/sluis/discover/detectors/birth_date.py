"""Date of birth: a real calendar date, written the Dutch way, with a plausible birth year.

Cells: ``12-03-1985``, ``12-3-1985``, ``12/03/1985``, ``12.03.1985``, ISO ``1985-03-12``,
any of these followed by a midnight time (``00:00:00``, as database exports print dates),
``12 maart 1985``, ``12 mrt. 1985``, ``3e februari 1985``, and as Oracle prints dates, the
month abbreviated between dashes, Dutch or English, any case, two-digit years read as in
text (``16-NOV-05``, ``12-mrt-1987``, ``16-OKT-2005``). Day comes before month; in text
also the English ``28 August 1945``, ``6th of September 1990`` and ``September 21, 2002``.

The detector only knows that a value is a plausible date between 1900 and today; whether a
date column holds *birth* dates is decided by column-name evidence, hence
``needs_context``. In free text dates are reported regardless (two-digit years ``12-03-85``
included): near a trigger word (*geboren*, *geb.*, *geboortedatum*, *DOB*) with a high
score, elsewhere at 0.4 so that a policy can choose "all person-linked dates".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._common import (
    has_context,
    hinted_finditer,
    iter_spans,
    words_pattern,
)
from sluis.discover.detectors.base import Span

MONTHS: dict[str, int] = {
    "jan": 1, "januari": 1, "feb": 2, "februari": 2, "mrt": 3, "maa": 3, "maart": 3, "apr": 4,
    "april": 4, "mei": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "augustus": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
    "january": 1, "february": 2, "mar": 3, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "oct": 10, "october": 10,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MIDNIGHT = r"(?:[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?"

_NUMERIC = r"(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)"
# Year first: ISO, and as some exports write it with slashes or dots ("2009/03/23").
_ISO = r"(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{2})(?P=isep)(?P<id>\d{2})"
# Month abbreviated or named between dashes or slashes, as Oracle prints dates: "16-NOV-05",
# "16-nov-2005", "12-MRT-1987", "16/Oct/2005".
_ABBREVIATED = rf"(?P<ad>\d{{1,2}})(?P<asep>[-/])(?P<am>{_MONTH})(?P=asep)"
_WRITTEN = rf"(?P<wd>\d{{1,2}})(?:e|st|nd|rd|th)? (?:of )?(?P<wm>{_MONTH})\.?,? "
# English month first: "September 21, 2002".
_MONTH_FIRST = rf"(?P<fm>{_MONTH})\.? (?P<fd>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<fy>\d{{4}})"

_CELL = re.compile(
    rf"(?:{_NUMERIC}(?P<y>\d{{4}})|{_ISO}|{_WRITTEN}(?P<wy>\d{{4}})"
    rf"|{_ABBREVIATED}(?P<ay>\d{{4}}|\d{{2}})){_MIDNIGHT}",
    re.ASCII | re.IGNORECASE,
)
_TEXT = re.compile(
    rf"(?<![0-9A-Za-z.\-/])(?:{_NUMERIC}(?P<y>\d{{4}}|'?\d{{2}})|{_ISO}|{_WRITTEN}(?P<wy>\d{{4}}|'\d{{2}})"
    rf"|{_ABBREVIATED}(?P<ay>\d{{4}}|'?\d{{2}})|{_MONTH_FIRST})"
    r"(?![0-9A-Za-z\-/]|\.\d)",  # "_" around: a date in a file name
    re.ASCII | re.IGNORECASE,
)
# Where a match of _TEXT can start: "1-2", "2024-0", "3 m", "3e m", "6th of S", "May 2".
# The month name is spelled out: a hint that stopped at its first letter fired at every number
# before a word ("3 dagen"); that narrows only where _TEXT cannot match.
_DAY_FIRST_HINT = (
    r"[0-9]{1,4}(?:[-/.][0-9]|(?:(?:[eE]|st|nd|rd|th)? (?ai:of )?|[-/])(?ai:" + _MONTH + "))"
)
_MONTH_FIRST_TAIL = r" [0-9]{1,2}(?:st|nd|rd|th)?,? [0-9]{4}"
_HINT = re.compile(rf"{_DAY_FIRST_HINT}|[A-Za-z]{{3,9}}\.?{_MONTH_FIRST_TAIL}")
# Without the tail of "September 21, 2002" anywhere, only day-first dates can start: the
# second alternative (tried at every letter) is left out.
_HINT_DAY_FIRST = re.compile(_DAY_FIRST_HINT)
_MONTH_FIRST_GATE = re.compile(_MONTH_FIRST_TAIL)
_TRIGGERS = words_pattern(
    [
        "geboren",
        "geb\\.",
        "geb",
        "geboortedatum",
        "geboorte",
        "dob",
        "born",
        "date of birth",
        "birth date",
    ]
)


# Abbreviations of "geboren" and "date of birth" that count only right before the date
# (``gb 12-03-1985``, ``geb.dat.: 12-03-1985``): elsewhere ``gb`` is a gigabyte.
_ABBREVIATION = re.compile(
    r"(?i)(?:(?<![\w.])(?:gb|geb|gebd|gebdat|geb\.\s?dat|geb\.\s?datum|gd|d\.o\.b|dob)\.?"
    r"(?:\s?(?:op|on))?\s?[:=]?\s*\(?|(?<![\w*])\*\s?)$"
)


def _abbreviated(text: str, start: int) -> bool:
    return _ABBREVIATION.search(text, max(0, start - 16), start) is not None


def _year(text: str) -> int:
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    this_year = datetime.date.today().year
    year = 2000 + int(digits)
    return year if year <= this_year else year - 100


def parse(match: re.Match[str]) -> datetime.date | None:
    """The date a ``_CELL`` or ``_TEXT`` match stands for, if it is a real, plausible one."""
    groups = match.groupdict()
    try:
        if groups["y"] is not None:
            day, month, year = int(groups["d"]), int(groups["m"]), _year(groups["y"])
        elif groups["iy"] is not None:
            day, month, year = int(groups["id"]), int(groups["im"]), int(groups["iy"])
        elif groups["ay"] is not None:
            day, month, year = int(groups["ad"]), MONTHS[groups["am"].lower()], _year(groups["ay"])
        elif groups.get("fm") is not None:
            day, month, year = int(groups["fd"]), MONTHS[groups["fm"].lower()], int(groups["fy"])
        else:
            day = int(groups["wd"])
            month = MONTHS[groups["wm"].lower()]
            year = _year(groups["wy"])
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    if date.year < 1900 or date > datetime.date.today():
        return None
    return date


# ``19850312``: how registers (the BRP among them) store dates and file names carry them
# (``verslag_Jansen_20080115.pdf``). A KvK number rarely has a date's shape (a year of 19xx or
# 20xx, a month, a day: under 0.1% of them), so in text one is a date wherever it stands alone.
_COMPACT = re.compile(r"(19\d\d|20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])", re.ASCII)
_COMPACT_TEXT = re.compile(
    rf"(?<![0-9A-Za-z.\-/]){_COMPACT.pattern}(?![0-9A-Za-z\-/]|\.\d)", re.ASCII
)


def cell_date(value: str) -> datetime.date | None:
    """The plausible date a whole cell holds, in any notation ``matches`` accepts."""
    text = value.strip()
    compact = _COMPACT.fullmatch(text)
    if compact is not None:
        year, month, day = (int(g) for g in compact.groups())
        try:
            date = datetime.date(year, month, day)
        except ValueError:
            return None
        return date if date <= datetime.date.today() else None
    match = _CELL.fullmatch(text)
    return None if match is None else parse(match)


@dataclass(frozen=True)
class BirthDateDetector:
    """Plausible birth date in a cell or text (see the module docstring for formats)."""

    code: str = "birth_date"
    category: str = "person.birth_date"
    evidence: str = "calendar:date-1900-today"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        return cell_date(value) is not None

    def find(self, text: str) -> Iterator[Span]:
        def score(match: re.Match[str], floor: int) -> float | None:
            if parse(match) is None:
                return None
            if has_context(text, match.start(), match.end(), _TRIGGERS, 50, 0, floor):
                return 0.9
            if _abbreviated(text, match.start()):
                return 0.9
            return 0.4

        hint = _HINT if _MONTH_FIRST_GATE.search(text) else _HINT_DAY_FIRST
        yield from iter_spans(_TEXT, text, self.category, self.code, score, hint)
        for m in hinted_finditer(_COMPACT_TEXT, _COMPACT, text):
            if cell_date(m.group()) is None:
                continue
            cued = _abbreviated(text, m.start()) or has_context(
                text, m.start(), m.end(), _TRIGGERS, 50, 0, 0
            )
            yield Span(m.start(), m.end(), self.category, self.code, 0.9 if cued else 0.4)


DETECTOR = BirthDateDetector()

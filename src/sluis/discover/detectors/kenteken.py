"""Kenteken (Dutch licence plate): six characters in one of 14 side-codes.

The letter/digit shape of the six characters determines the side-code, and with it where the
two dashes go. From side-code 4 on, plates use no vowels and no C or Q, and some letter
groups are blocked (``SS``, ``SD``, ``NSB``, ``PVV``...). Cells may omit the dashes
(``12GBK3``); text must have them. Short codes like ``AB-12-34`` are also product and room
codes, hence ``needs_context``: ``find`` reports a plate only with a vehicle word nearby,
and then also one whose letters were never issued; without one, only a plate of side-code 4
or later whose letters follow the rules of issue, at a lower score. Right after "kenteken",
"nummerbord", a vehicle or a fine or permit text may leave the dashes out too ("kenteken
05VDL8", "Bezwaar boete 0RL335", "Vergunning GT800S").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._common import (
    context_scorer,
    has_context,
    iter_spans,
    words_pattern,
)
from sluis.discover.detectors.base import Span

# Side-codes 1..14, as letter (X) / digit (9) groups.
SIDE_CODES: tuple[tuple[str, str, str], ...] = (
    ("XX", "99", "99"),
    ("99", "99", "XX"),
    ("99", "XX", "99"),
    ("XX", "99", "XX"),
    ("XX", "XX", "99"),
    ("99", "XX", "XX"),
    ("99", "XXX", "9"),
    ("9", "XXX", "99"),
    ("XX", "999", "X"),
    ("X", "999", "XX"),
    ("XXX", "99", "X"),
    ("X", "99", "XXX"),
    ("9", "XX", "999"),
    ("999", "XX", "9"),
)
_BY_SHAPE = {"".join(groups): index + 1 for index, groups in enumerate(SIDE_CODES)}
_MODERN_LETTERS = frozenset("BDFGHJKLNPRSTVXZ")
_BLOCKED = frozenset({"GVD", "KKK", "NSB", "PKK", "PSV", "TBS", "SS", "SD", "PVV", "SGP", "VVD"})

_CELL = re.compile(r"[A-Z0-9]{1,3}-?[A-Z0-9]{2,3}-?[A-Z0-9]{1,3}", re.ASCII)
# In text also in small letters ("42-tx-ln"), as notes write plates.
_TEXT = re.compile(
    r"(?<![\w\-])[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}(?![\w\-])",
    re.ASCII | re.IGNORECASE,
)
_HINT = re.compile(r"[A-Za-z0-9]{1,3}-[A-Za-z0-9]{2,3}-[A-Za-z0-9]{1,3}")  # _TEXT's starts
_NAMED = re.compile(
    r"(?i:kenteken(?:plaat|nummer)?|nummerbord|auto|voertuig|boete|naheffing(?:saanslag)?"
    r"|(?:parkeer|bewoners)?vergunning)[\s:.]{1,3}([A-Za-z0-9]{6})(?![\w\-])"
)
_KEYWORDS = words_pattern(
    [
        "kenteken",
        "kentekens",
        "kentekenplaat",
        "nummerbord",
        "auto",
        "voertuig",
        "wagen",
        "bestelbus",
        "motor",
        "scooter",
        "brommer",
        "license plate",
        "licence plate",
        # Parking and its enforcement speak of the car without naming it.
        "parkeervergunning",
        "bewonersvergunning",
        "vergunning",
        "naheffing",
        "naheffingsaanslag",
        "parkeerbon",
        "boete",
        "bekeuring",
        "geparkeerd",
        "parkeren",
        "scanauto",
        "vehicle",
        "car",
    ]
)


def side_code(value: str, *, issued: bool = True) -> int | None:
    """The side-code (1..14) of a plate written with or without dashes, if it is valid;
    ``issued=False`` skips the letter rules of side-codes 4 and on (see ``find``)."""
    plate = value.strip().upper()
    if _CELL.fullmatch(plate) is None:
        return None
    compact = plate.replace("-", "")
    if len(compact) != 6:
        return None
    shape = "".join("9" if c.isdigit() else "X" for c in compact)
    code = _BY_SHAPE.get(shape)
    if code is None:
        return None
    groups = SIDE_CODES[code - 1]
    if "-" in plate and plate != "-".join(_split(compact, groups)):
        return None
    if issued and code >= 4 and not _modern_letters_ok(_split(compact, groups)):
        return None
    return code


def _split(compact: str, groups: tuple[str, str, str]) -> list[str]:
    first, second = len(groups[0]), len(groups[0]) + len(groups[1])
    return [compact[:first], compact[first:second], compact[second:]]


def _modern_letters_ok(parts: list[str]) -> bool:
    for part in parts:
        if part.isdigit():
            continue
        if not set(part) <= _MODERN_LETTERS:
            return False
        if part in _BLOCKED or "SS" in part or "SD" in part:
            return False
    return True


@dataclass(frozen=True)
class KentekenDetector:
    """Licence plate in a cell (dashes optional) or text (dashed, with a vehicle word)."""

    code: str = "kenteken"
    category: str = "id.license_plate"
    evidence: str = "pattern:rdw-side-codes"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        return side_code(value) is not None

    def find(self, text: str) -> Iterator[Span]:
        for match in _NAMED.finditer(text):
            plate = match.group(1).upper()
            if not plate.isalpha() and side_code(plate, issued=False) is not None:
                yield Span(match.start(1), match.end(1), self.category, self.code, 0.9)
        if _PLATE_WORD.search(text):
            # Near "kenteken" a plate without dashes of any side-code ("kenteken SV589H
            # wijzigen naar 62DJ06"); not one shaped like a postcode ("1234AB").
            for match in _BARE.finditer(text):
                plate = match.group().upper()
                code = None if plate.isalpha() else side_code(plate, issued=False)
                if code not in (None, _POSTCODE_SHAPED) and has_context(
                    text, match.start(), match.end(), _PLATE_WORD, 40, 30
                ):
                    yield Span(match.start(), match.end(), self.category, self.code, 0.8)
        if "_" in text:
            # A part of a file name ("HH-008_122854_63NHBD.jpg", a camera's photo): a plate
            # of the side-codes since 1978 whose letters follow the rules of issue.
            for match in _FILE_PART.finditer(text):
                if (side_code(match.group()) or 0) >= _MODERN:
                    yield Span(match.start(), match.end(), self.category, self.code, _IN_FILE)
        if text.count("-") < 2:  # every match of _TEXT has two hyphens
            return
        # Next to a vehicle word a plate-shaped code is a plate, also one with letters the RDW
        # does not issue (made-up test data, a typo): replacing it costs nothing.
        in_context = context_scorer(
            text,
            _KEYWORDS,
            0.9,
            before=40,
            after=30,
            valid=lambda v: side_code(v, issued=False) is not None,
        )

        def scorer(match: re.Match[str], floor: int) -> float | None:
            score = in_context(match, floor)
            if score is None and (side_code(match.group()) or 0) >= _MODERN:
                # Without one, a dashed plate of the side-codes since 1978, whose letters
                # follow the RDW's rules ("Vergunning LX-281-G loopt door"): few codes do.
                return _ALONE
            return score

        yield from iter_spans(_TEXT, text, self.category, self.code, scorer, _HINT)


# The first side-code whose letters follow the rules of issue, and the score of such a
# plate without a vehicle word nearby, or in a file name.
_MODERN = 4
_ALONE = 0.5
_IN_FILE = 0.6
# The words that name a plate itself, and a plate-shaped word without dashes.
_PLATE_WORD = re.compile(r"(?i)(?<!\w)(?:kenteken\w*|nummerbord\w*|licen[cs]e plates?)(?!\w)")
_BARE = re.compile(r"(?<![\w\-])[A-Za-z0-9]{6}(?![\w\-])")
_POSTCODE_SHAPED = 2  # 99-99-XX
_FILE_PART = re.compile(r"(?<=_)[A-Za-z0-9]{6}(?=[_.])|(?<![\w\-])[A-Za-z0-9]{6}(?=_)")


DETECTOR = KentekenDetector()

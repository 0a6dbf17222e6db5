"""Telephone number, Dutch numbering plan first, validated with libphonenumber (region NL).

Accepted notations: ``06-12345678``, ``+31 6 1234 5678``, ``0031 6 ...``, ``(020) 123 4567``,
``+31 (0)20 ...``, E.164 stored without plus (``31612345678``), and foreign numbers written
with ``+`` or ``00`` and a country code.

Phone-shaped but invalid: libphonenumber rejects mobiles starting ``060``, ``067`` and
``069``. Such values occur as typos and as test data. In a cell (``matches``) any ``06`` +
8 digits counts, because a mobile-shaped value in a column is a person's number more often
than not and failing closed costs little. In free text (``find``) only valid numbers are
reported: text is full of digit runs (IBAN tails, case and V-numbers). Numbers inside a valid
IBAN or starting with a date are never reported, nor are municipal ``14 0xx`` numbers in
text (they belong to no person). A nine-digit number without trunk zero (``612345678``) is not a
phone number here: it is indistinguishable from a BSN.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers

from sluis.discover.detectors import iban
from sluis.discover.detectors._common import (
    has_context,
    hinted_finditer,
    is_dotted_quad,
    words_pattern,
)
from sluis.discover.detectors.base import Span

_CELL = re.compile(r"(?:\+|\(?0)[\d ()./\-]{6,24}|31\d{9}", re.ASCII)
_NON_DIGIT = re.compile(r"\D", re.ASCII)
_MOBILE = re.compile(r"06\d{8}", re.ASCII)

_NL = (
    r"(?:(?:\+|00)31[ .\-]?(?:\(0\)[ .\-]?)?|\(?0)"
    r"(?:6[ .)\-]{0,3}(?:\d[ .)\-]{0,2}){7}\d|[1-57-9](?:[ .)\-]{0,3}\d){8})"
)
_SERVICE = r"0(?:800|900|906|909)[ .\-]?\d{4}(?:\d{3})?"
_FOREIGN = r"(?:\+|00)(?!31)[1-9](?:[ .\-/()]{0,2}\d){6,14}"
_TEXT = re.compile(rf"(?<![\w+])(?:{_NL}|{_SERVICE}|{_FOREIGN})(?!\d)", re.ASCII)
_HINT = re.compile(r"\+[1-9]|00[1-9]|\(0[1-9]|0[1-9]")  # where a match of _TEXT can start
# A date (and time) can read as a number: ``03-04-2023 12`` is 030 4202312 in Utrecht.
_DATE_START = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{2}", re.ASCII)
_GROUP_BREAK = re.compile(r"[ .\-/()]+\d*$", re.ASCII)

_KEYWORDS = words_pattern(
    ["tel", "tel\\.", "telefoon", "telefoonnummer", "mobiel", "gsm", "bel", "gebeld", "phone"]
)


def _valid_patterns() -> tuple[str, str]:
    """libphonenumber's rule for a valid Dutch national number, as two anchored regexes.

    Valid means: the general pattern matches and so does the pattern of at least one
    number type (each type's pattern fixes its lengths). ``tests`` compare the result with
    ``phonenumbers.is_valid_number`` on random numbers of every length.
    """
    meta = phonenumbers.PhoneMetadata.metadata_for_region("NL")
    assert meta is not None
    kinds = (
        meta.fixed_line, meta.mobile, meta.toll_free, meta.premium_rate, meta.shared_cost,
        meta.personal_number, meta.voip, meta.pager, meta.uan, meta.voicemail,
    )  # fmt: skip
    union = "|".join(
        f"(?:{d.national_number_pattern})" for d in kinds if d and d.national_number_pattern
    )
    assert meta.general_desc is not None
    return f"^(?:{meta.general_desc.national_number_pattern})$", f"^(?:{union})$"


VALID_GENERAL, VALID_ANY_TYPE = _valid_patterns()
_GENERAL_RE, _ANY_TYPE_RE = re.compile(VALID_GENERAL[1:-1]), re.compile(VALID_ANY_TYPE[1:-1])


def valid_national(national: str) -> bool:
    """Whether libphonenumber calls a Dutch national significant number (digits, no trunk
    zero) valid, decided by its own patterns without building a number."""
    return bool(_GENERAL_RE.fullmatch(national) and _ANY_TYPE_RE.fullmatch(national))


def national_form(value: str) -> str:
    """The digits of a Dutch number with trunk zero (``+31 (0)6 ...`` and ``31612345678``
    give ``06...``); empty for a number with another country code."""
    digits = _NON_DIGIT.sub("", value)
    if value.lstrip().startswith("00"):
        digits = digits[2:]
    elif not value.lstrip().startswith(("+", "31")):
        return digits
    if not digits.startswith("31"):
        return ""
    rest = digits[2:]
    return rest if rest.startswith("0") else "0" + rest


def is_valid(value: str) -> bool:
    """True when libphonenumber calls the number valid (read with region NL).

    A Dutch number skips libphonenumber's parser (most of its cost): its national form
    already gives the national significant number, checked against the library's patterns.
    """
    national = national_form(value)
    if len(national) > 2 and national[0] == "0" and national[1] != "0":
        return valid_national(national[1:])
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


@dataclass(frozen=True)
class PhoneDetector:
    """Telephone number in a cell or text (see the module docstring for invalid shapes)."""

    code: str = "phone"
    category: str = "contact.phone"
    evidence: str = "numbering-plan:libphonenumber"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        cell = value.strip()
        if _CELL.fullmatch(cell) is None or _DATE_START.match(cell) or is_dotted_quad(cell):
            return False
        count = sum(c.isdigit() for c in cell)
        if count < 8 or count > 15:
            return False
        return _MOBILE.fullmatch(national_form(cell)) is not None or is_valid(cell)

    def find(self, text: str) -> Iterator[Span]:
        ibans: list[tuple[int, int]] | None = None
        for match in hinted_finditer(_TEXT, _HINT, text):
            start = match.start()
            if _DATE_START.match(match.group()):
                continue
            end = _valid_end(match.group())
            if end is None:
                continue
            end += start
            if ibans is None:
                ibans = list(iban.spans(text))
            if any(s < end and start < e for s, e in ibans):
                continue
            keyword = has_context(text, start, end, _KEYWORDS, before=40, after=10)
            yield Span(start, end, self.category, self.code, 0.95 if keyword else 0.85)


def _valid_end(candidate: str) -> int | None:
    """Length of the longest valid number at the start of ``candidate``.

    A foreign number written in groups may run into a following number; up to three
    trailing groups are dropped before giving up.
    """
    for _ in range(4):
        if is_valid(candidate):
            return len(candidate)
        shorter = _GROUP_BREAK.sub("", candidate)
        if shorter == candidate or sum(c.isdigit() for c in shorter) < 7:
            return None
        candidate = shorter
    return None


DETECTOR = PhoneDetector()

"""Telephone number, Dutch numbering plan first, validated with libphonenumber (region NL).

Accepted notations: ``06-12345678``, ``+31 6 1234 5678``, ``0031 6 ...``, ``(020) 123 4567``,
``+31 (0)20 ...``, E.164 stored without plus (``31612345678``), and foreign numbers written
with ``+`` or ``00`` and a country code.

Unissued numbers: libphonenumber rejects mobiles starting ``060``, ``067`` and ``069`` and
many geographic ranges (``0123 456789``). Such values occur as typos and fill test data
(Faker's nl_NL numbers are random digits), so they count when written the way Dutch numbers
are written (``written_like_dutch``): ``+31``/``0031`` and nine digits (``+31 (0)6-…``), or
a trunk zero, a two- to four-digit prefix, a separator and the rest in groups of two or more
digits (``06-76027721``, ``06 97 12 34 56``, ``(012) 3456789``), ten digits in all. Grouped in
fours like an IBAN tail (``0417 1643 00``) is not that shape. A bare run of ten digits
(``0697123456``) may be a dossier number: in a cell only an ``06`` run counts, in text only
right after a phone word (``tel``, ``mobiel``, ``bel``…, no digit in between) or, for an
``06`` run, alone in brackets. Valid numbers need neither shape nor word. In a cell any
``06`` + 8 digits counts too.

Numbers inside a valid IBAN or starting with a date are never reported, nor are municipal
``14 0xx`` numbers in text (they belong to no person). A nine-digit number without trunk zero
(``612345678``) is not a phone number here: it is indistinguishable from a BSN.
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
# ``+31 06 …``: the trunk zero kept after the country code (never valid, often written).
_STRAY_TRUNK = r"(?:\+|00)31[ .\-]?(?:\(0\)[ .\-]?)?0(?:[ .\-]{0,2}\d){8,9}"
_TEXT = re.compile(rf"(?<![\w+])(?:{_NL}|{_SERVICE}|{_FOREIGN}|{_STRAY_TRUNK})(?!\d)", re.ASCII)
_HINT = re.compile(r"\+[1-9]|00[1-9]|\(0[1-9]|0[1-9]")  # where a match of _TEXT can start
# A date (and time) can read as a number: ``03-04-2023 12`` is 030 4202312 in Utrecht.
_DATE_START = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2\d{2}", re.ASCII)
# ``06.19.10.61.42``: five pairs of digits are a number written in pairs, not a date.
_PAIRS = re.compile(r"0\d([ .\-])\d\d(?:\1\d\d){3}", re.ASCII)
_GROUP_BREAK = re.compile(r"[ .\-/()]+\d*$", re.ASCII)

_KEYWORDS = words_pattern(
    ["tel", "tel\\.", "telefoon", "telefoonnummer", "mobiel", "gsm", "bel", "gebeld", "phone",
     "telnr", "tel\\.nr\\.?", "telefonisch", "mob", "mob\\.", "mobile", "bellen", "belt", "belde",
     "terugbellen", "bereikbaar", "bereiken", "whatsapp", "sms", "call", "called", "calls",
     "calling", "reach",
     "phoned", "rang", "cell", "texted"]
)  # fmt: skip
# How a Dutch number is written, issued or not (see the module docstring).
_WRITTEN = re.compile(
    r"(?:\+|00)31[ .\-]?(?:\(0\)[ .\-]?)?\d(?:[ .\-]?\d){8,9}"
    r"|\(0[1-9]\d{0,2}\)[ .\-]?\d{2,8}(?:[ .\-]\d{2,4}){0,3}"
    r"|0[1-9]\d{0,2}[ .\-]{1,3}\d{2,8}(?:[ .\-]\d{2,4}){0,3}",
    re.ASCII,
)
_IBAN_TAIL = re.compile(r"\d{4} \d{4} \d{2}", re.ASCII)
_BARE = re.compile(r"0[1-9]\d{8}", re.ASCII)
_CUE_BEFORE = 30  # characters between a phone word and a bare number
# Ten digits from a trunk zero in a phone's layout, whatever the area code ("(0013) 728733",
# "009-9105787": test data makes such numbers): a number only after a phone word.
_LAID_OUT = re.compile(
    r"(?<![\w+(])(?:\(0\d{2,3}\)[ \-]?|0\d{2,3}[ \-])\d{6,7}(?![\w\-])", re.ASCII
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


def written_like_dutch(value: str) -> bool:
    """True when ``value`` is written like a Dutch number with nine digits after the trunk
    zero, whether or not the numbering plan issues it (``06-76027721``, ``+31 6 97123456``);
    a bare digit run is not."""
    if _WRITTEN.fullmatch(value) is None or _IBAN_TAIL.fullmatch(value):
        return False
    digits = _NON_DIGIT.sub("", value.replace("(0)", ""))
    if value.startswith(("+", "0031")):  # nine digits after 31, or ten with a stray 0
        rest = digits[2:] if value[0] == "+" else digits[4:]
        return len(rest) == 9 or (len(rest) == 10 and rest[0] == "0")
    return len(digits) == 10 and digits[1] != "0"


def _cued(text: str, start: int, length: int) -> bool:
    """A phone word shortly before ``start``, with no digit between it and ``start``; or a
    mobile number alone in brackets ("dr. De Haan (0690043429)")."""
    if text[start - 1 : start] == "(" and text[start + length : start + length + 1] == ")":
        return text.startswith("06", start)
    window = text[max(0, start - _CUE_BEFORE) : start]
    ends = [m.end() for m in _KEYWORDS.finditer(window)]
    return bool(ends) and not any(c.isdigit() for c in window[ends[-1] :])


@dataclass(frozen=True)
class PhoneDetector:
    """Telephone number in a cell or text (see the module docstring for invalid shapes)."""

    code: str = "phone"
    category: str = "contact.phone"
    evidence: str = "numbering-plan:libphonenumber"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        cell = value.strip()
        if _CELL.fullmatch(cell) is None or _starts_with_date(cell) or is_dotted_quad(cell):
            return False
        count = sum(c.isdigit() for c in cell)
        if count < 8 or count > 15:
            return False
        return (
            _MOBILE.fullmatch(national_form(cell)) is not None
            or is_valid(cell)
            or written_like_dutch(cell)
        )

    def find(self, text: str) -> Iterator[Span]:
        ibans: list[tuple[int, int]] | None = None
        taken: list[tuple[int, int]] = []
        for match in hinted_finditer(_TEXT, _HINT, text):
            start = match.start()
            if _starts_with_date(match.group()):
                continue
            length = _valid_end(match.group())
            issued = length is not None
            if length is None:
                candidate = match.group()
                if candidate.startswith("(") and ")" not in candidate[:6]:
                    candidate, start = candidate[1:], start + 1  # "(06-76027721)"
                # A bare number needs a phone word, or to be the whole text (a search term).
                bare = _BARE.fullmatch(candidate) is not None and (
                    text.strip() == candidate or _cued(text, start, len(candidate))
                )
                if not (written_like_dutch(candidate) or bare):
                    continue
                length = len(candidate)
            end = start + length
            if ibans is None:
                ibans = list(iban.spans(text))
            if any(s < end and start < e for s, e in ibans):
                continue
            keyword = has_context(text, start, end, _KEYWORDS, before=40, after=10)
            score = (0.95 if keyword else 0.85) if issued else (0.9 if keyword else 0.75)
            taken.append((start, end))
            yield Span(start, end, self.category, self.code, score)
        for start, end in _laid_out(text):
            if not any(s < end and start < e for s, e in taken) and _cued(text, start, 0):
                yield Span(start, end, self.category, self.code, 0.7)


def _laid_out(text: str) -> Iterator[tuple[int, int]]:
    """Where ten digits from a trunk zero stand in a phone's layout (see ``_LAID_OUT``)."""
    if "0" not in text:
        return
    for match in _LAID_OUT.finditer(text):
        if sum(c.isdigit() for c in match.group()) == 10:
            yield match.span()


def _starts_with_date(candidate: str) -> bool:
    """Whether a match starts with a date (``03-04-2023 12`` is no number in Utrecht); a day
    or month out of range, or digits in pairs throughout, make it no date."""
    date = _DATE_START.match(candidate)
    if date is None or _PAIRS.match(candidate):
        return False
    return 1 <= int(date.group(1)) <= 31 and 1 <= int(date.group(3)) <= 12


def numbers_in(text: str) -> Iterator[str]:
    """Every number of ``text`` the finder may take for a phone number, as written, unscored
    and unchecked: a cheap superset of :meth:`PhoneDetector.find`'s spans (each match, and
    the shorter forms :func:`_valid_end` tries)."""
    for match in hinted_finditer(_TEXT, _HINT, text):
        candidate = match.group()
        if _starts_with_date(candidate):
            continue
        forms = _shortened(candidate)
        yield next(forms).lstrip("(")
        yield from forms
    for start, end in _laid_out(text):
        yield text[start:end]


def _valid_end(candidate: str) -> int | None:
    """Length of the longest valid number at the start of ``candidate``.

    A foreign number written in groups may run into a following number; up to three
    trailing groups are dropped before giving up.
    """
    return next((len(form) for form in _shortened(candidate) if is_valid(form)), None)


def _shortened(candidate: str) -> Iterator[str]:
    """``candidate``, then it without its last group, and so on: up to three groups, while
    seven digits are left."""
    yield candidate
    for _ in range(3):
        shorter = _GROUP_BREAK.sub("", candidate)
        if shorter == candidate or sum(c.isdigit() for c in shorter) < 7:
            return
        yield shorter
        candidate = shorter


DETECTOR = PhoneDetector()

"""Burgerservicenummer: nine digits passing the 11-proef (weights 9..2, -1).

Numbers from the sofinummer era are still written with eight digits (the leading zero
lost, often by a numeric column); they are padded back to nine. An onderwijsnummer uses
the same weights but a different remainder, so it never passes this check. An RSIN
passes the identical check: only context tells them apart (see ``rsin``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

import pyarrow as pa
import pyarrow.compute as pc

from sluis.discover.detectors._common import (
    has_context,
    is_ipv4,
    iter_spans,
    passes_eleven_proof,
    passes_eleven_proof_array,
    words_pattern,
)
from sluis.discover.detectors.base import Span

_CELL = re.compile(
    r"\d{8,9}|\d{4}([. \-])\d{2}\1\d{3}|\d{3}([. \-])\d{3}\2\d{3}|\d{3}-\d{2}-\d{4}"
    r"|\d{2}([. \-])\d{2}\3\d{2}\3\d{3}",
    re.ASCII,
)
# A loonheffingennummer: the employee's BSN, "L" and a two-digit sequence number
# (``123456782L01``), which payroll systems print on every payslip.
PAYROLL_SUFFIX = re.compile(r"[Ll]\d{2}$")
_PAYROLL_SCORE = 0.9
_PAYROLL = re.compile(r"(?<!\d)(\d{9})[Ll]\d{2}(?!\w)", re.ASCII)

# Not inside a longer word or number (``NL123456782B01`` is a btw-id), nor after a +31
# country code (a mobile without trunk zero).
_TEXT = re.compile(
    r"(?<![\w.\-])(?<!\+31 )(?<!\(0\))"
    r"(?:(?P<nine>\d{9}|\d{4}([.\-])\d{2}\2\d{3}|\d{3}([.\-])\d{3}\3\d{3}|\d{3}-\d{2}-\d{4}"
    r"|\d{2}([.\-])\d{2}\4\d{2}\4\d{3}"
    r"|(?<!\d )(?:\d{3} \d{3} \d{3}|\d{4} \d{2} \d{3}|\d{2} \d{2} \d{2} \d{3})(?! \d))"
    r"|(?P<eight>\d{8})|(?P<seven>\d{7}))"
    r"(?!\w)(?![.\-]\d)",
    re.ASCII,
)

# Where a match of _TEXT can start (without its lookbehinds): found much faster.
_HINT = re.compile(
    r"[0-9](?:[0-9]{6}|[0-9]{3}([. \-])[0-9]{2}\1[0-9]{3}|[0-9]{2}([. \-])[0-9]{3}\2[0-9]{3}"
    r"|[0-9]{2}-[0-9]{2}-[0-9]{4}|[0-9]([. \-])[0-9]{2}\3[0-9]{2}\3[0-9]{3})"
)
# Nine digits standing alone between the ``_``/``-`` separators of a file-name-like token
# (``paspoort_123456782.pdf``, ``intake-Jansen-J-bsn123456782.docx``): a separator or a
# glued ``bsn`` before, a separator, an extension or the token's end after.
_FILE = re.compile(
    r"(?:(?<=[_\-])|(?<![^\s/\\])|(?<=[_\-/ ]bsn)|(?<=[_\-/ ]BSN))(?P<v>\d{9})"
    r"(?=[_\-]|\.[A-Za-z][A-Za-z0-9]{1,4}(?![\w.])|\s|$)",
    re.ASCII,
)
_FILE_HINT = re.compile(r"[0-9]{9}")
_FILE_TOKEN = re.compile(r"[_\-]\w|\.[A-Za-z][A-Za-z0-9]{1,4}(?![\w.])")
_LAST_PART = re.compile(r"\.[A-Za-z][A-Za-z0-9]{1,4}(?![\w.])|\s|$")
_GLUED_KEYWORD = re.compile(r"bsn[_\-]?$", re.IGNORECASE)
_KEYWORDS = words_pattern(
    [
        "bsn",
        "bsn#",
        "bsn-nummer",
        "bsnnummer",
        "burgerservicenummer",
        "burger service nummer",
        "sofinummer",
        "sofi-nummer",
        "sofi",
        "persoonsnummer",
        "persoonsgebonden nummer",
        "uniek identificatienummer",
        "citizen service number",
    ]
)
# Words that make a passing 9-digit number something else.
_OTHER = words_pattern(
    [
        "rsin",
        "rekening",
        "rekeningnummer",
        "rek\\.?\\s?nr\\.?",
        "onderwijsnummer",
        "kvk",
        "zaaknummer",
        "dossiernummer",
        "factuurnummer",
        "ordernummer",
        "personeelsnummer",
        "personeelsnr",
        "pernr",
        "medewerkernummer",
        "werknemersnummer",
        "klantnummer",
        "klantnr",
        "relatienummer",
    ]
)


def without_payroll_suffix(cell: str) -> str:
    """A loonheffingennummer's BSN (``123456782L01``), or the stripped cell as it is."""
    return cell[:9] if len(cell) == 12 and PAYROLL_SUFFIX.search(cell) else cell


def normalize(value: str) -> str | None:
    """The nine-digit form of a cell written in a BSN notation, else ``None``."""
    cell = without_payroll_suffix(value.strip())
    if _CELL.fullmatch(cell) is None:
        return None
    return cell.replace(".", "").replace(" ", "").replace("-", "").zfill(9)


def plain_matches(texts: pa.Array) -> pa.Array:
    """Eight or nine plain digits that pass the 11-proef (null for a null), in Arrow: where
    this is true, :meth:`BsnDetector.matches` is too."""
    plain = pc.match_substring_regex(texts, r"^[0-9]{8,9}$")
    return pc.and_(plain, passes_eleven_proof_array(pc.utf8_lpad(texts, 9, "0")))


@dataclass(frozen=True)
class BsnDetector:
    """BSN in a cell or text: 9 or 8 digits, or grouped 4-2-3, 3-3-3 or 2-2-2-3 by dots,
    spaces or dashes (``1234.56.782``, ``1234 56 782``, ``123-456-782``, ``12.34.56.782``),
    or 3-2-4 by dashes as a social-security number is written elsewhere (``123-45-6782``).
    A 2-2-2-3 number that also reads as an IPv4 address (``57.18.37.141``) is a BSN in text
    only with a BSN keyword close by, and never as a whole cell."""

    code: str = "bsn"
    category: str = "id.bsn"
    evidence: str = "checksum:11-proef"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        if is_ipv4(value):
            return False
        digits = normalize(value)
        return digits is not None and passes_eleven_proof(digits)

    def find(self, text: str) -> Iterator[Span]:
        """Scores: 0.95 next to a BSN keyword (0.85 for eight digits, reported only then or
        as the whole text when no date, and for seven only right after one);
        0.5 bare (0.6 dotted); 0.2 right after a word naming another number (RSIN, rekening)."""
        yield from iter_spans(_TEXT, text, self.category, self.code, partial(_score, text), _HINT)
        for match in _PAYROLL.finditer(text):
            if passes_eleven_proof(match.group(1)):
                yield Span(match.start(1), match.end(1), self.category, self.code, _PAYROLL_SCORE)
        if "_" in text or "-" in text or "bsn" in text or "BSN" in text:
            yield from iter_spans(
                _FILE, text, self.category, self.code, partial(_file, text), _FILE_HINT
            )


# Characters between a BSN keyword and a seven-digit number it names ("BSN: 6955009").
_SEVEN_BEFORE = 12


def _score(text: str, match: re.Match[str], floor: int) -> float | None:
    digits = re.sub(r"\D", "", match.group()).zfill(9)
    if not passes_eleven_proof(digits):
        return None
    start, end = match.span()
    # A word naming another number right before it beats a BSN keyword further away.
    other = has_context(text, start, end, _OTHER, before=25, after=0, floor=floor)
    keyword = not other and has_context(
        text, start, end, _KEYWORDS, before=100, after=40, floor=floor
    )
    if match.group("eight") is not None:
        if keyword:
            return 0.85
        # A search term or field holding nothing else ("12345672" typed for 012345672).
        alone = text.strip() == match.group() and not _reads_as_date(match.group())
        return _ALONE_EIGHT if alone else None
    if match.group("seven") is not None:
        # Two leading zeros lost to a number column ("BSN 6955009"): right after the keyword.
        near = not other and has_context(text, start, end, _KEYWORDS, _SEVEN_BEFORE, 0, floor)
        return 0.85 if near else None
    if is_ipv4(match.group()):
        # ``57.18.37.141`` is an address unless a BSN keyword is close by.
        near = not other and has_context(text, start, end, _KEYWORDS, 40, 15, floor)
        return 0.95 if near else None
    if keyword:
        return 0.95
    if other:
        return 0.2
    return 0.6 if "." in match.group() else 0.4 if "-" in match.group() else 0.5


_ALONE_EIGHT = 0.45


def _reads_as_date(digits: str) -> bool:
    """Whether eight digits read as a date, ``jjjjmmdd`` or ``ddmmjjjj``."""
    readings = ((digits[:4], digits[4:6], digits[6:]), (digits[4:], digits[2:4], digits[:2]))
    for year, month, day in readings:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
        if 1850 <= int(year) <= 2100:
            return True
    return False


def _file(text: str, match: re.Match[str], floor: int) -> float | None:
    """A passing number in a file-name-like token (it has ``_``/``-`` joints or an extension):
    0.9 glued to ``bsn``, else scored as in running text."""
    digits = match.group("v")
    if not passes_eleven_proof(digits):
        return None
    start, end = match.span("v")
    token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    token_end = min(
        (i for i in (text.find(" ", end), text.find("\n", end)) if i != -1), default=len(text)
    )
    if _FILE_TOKEN.search(text, token_start, token_end) is None:
        return None
    if _GLUED_KEYWORD.search(text, max(0, start - 4), start) is not None:
        return 0.9
    if has_context(text, start, end, _OTHER, before=25, after=0, floor=floor):
        return 0.2
    if has_context(text, start, end, _KEYWORDS, 100, 40, floor):
        return 0.95
    # Without a keyword: as the name's first or last part 0.5; amid the parts
    # (``JANSEN_Piet_123456782_machtiging.pdf``) it is as often a case or document number,
    # 0.4, which free-text redaction still replaces (fail closed).
    first = start == 0 or text[start - 1] in " \t\n/\\"
    return 0.5 if first or _LAST_PART.match(text, end) else 0.4


DETECTOR = BsnDetector()

"""IBAN: ISO 13616 length per country and ISO 7064 mod 97-10 check digits.

A Dutch IBAN must also carry a real bank code (the first four letters of a Dutch BIC):
one in 97 random strings passes mod 97, and generators such as Faker produce valid check
digits with invented bank codes. Foreign IBANs (newcomers' home accounts) are accepted on
length and check digits alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors.base import Span

# Total IBAN length per country (ISO 13616 registry): EU/EEA plus common others.
LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28,
    "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip

# First four letters of BICs of banks that hold Dutch accounts.
NL_BANK_CODES: frozenset[str] = frozenset(
    {
        "ABNA", "ADYB", "AEGO", "ARSN", "ASNB", "BICK", "BKMG", "BNGH", "BNPA", "BUNQ",
        "CITI", "COBA", "DEUT", "DHBN", "FBHL", "FLOR", "FRGH", "FVLB", "GILL", "HAND",
        "HSBC", "INGB", "ISBK", "KASA", "KNAB", "KRED", "LPLN", "NNBA", "NWAB", "RABO",
        "RBOS", "RBRB", "SNSB", "SOGE", "TEBU", "TRIO", "UBSW", "UGBI", "VOWA", "ZWLB",
    }
)  # fmt: skip

# A=10 ... Z=35, as ISO 7064 reads letters.
_LETTER_VALUES = str.maketrans({chr(ord("A") + i): str(10 + i) for i in range(26)})

_CELL = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", re.ASCII)
_NL_BBAN = re.compile(r"[A-Z]{4}\d{10}", re.ASCII)

# Compact, or printed in groups of four, a space after the country allowed (``NL 91ABNA…``,
# ``NL91 ABNA0417164300``); dots or dashes may stand for the spaces, one kind throughout the
# groups. A Dutch IBAN may be grouped any way around its bank code (``NL19 RBRB 3694495339``,
# ``NL19RBRB 3694 4953 39``): its real bank code keeps that from matching words. The length
# is cut to the country's below.
_TEXT = re.compile(
    r"(?<![\w-])(?:[Nn][Ll][ .\-]?\d{2}[ .\-]?[A-Za-z]{4}(?:[ .\-]?\d){10}(?!\w)"
    r"|[A-Za-z]{2}[ .\-]?\d{2}(?: ?[A-Za-z0-9]{11,30}|(?P<sep>[ .\-])[A-Za-z0-9]{4}"
    r"(?:(?P=sep)[A-Za-z0-9]{4}){1,6}(?:(?P=sep)[A-Za-z0-9]{1,3})?)(?![\w-]))",
    re.ASCII,
)
_SEPARATORS = re.compile(r"[ .\-]")


def mod97(iban: str) -> int:
    """ISO 7064 mod 97-10 remainder of an upper-case IBAN (1 when the check digits are right)."""
    return int((iban[4:] + iban[:4]).translate(_LETTER_VALUES)) % 97


def is_valid(compact: str) -> bool:
    """True for an upper-case IBAN without spaces that passes every check above."""
    if _CELL.fullmatch(compact) is None:
        return False
    country = compact[:2]
    if LENGTHS.get(country) != len(compact):
        return False
    if country == "NL" and (
        _NL_BBAN.fullmatch(compact, 4) is None or compact[4:8] not in NL_BANK_CODES
    ):
        return False
    return mod97(compact) == 1


@dataclass(frozen=True)
class IbanDetector:
    """IBAN in a cell or text, compact or grouped, upper or lower case."""

    code: str = "iban"
    category: str = "finance.iban"
    evidence: str = "checksum:mod97+bank-code"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        return is_valid(_SEPARATORS.sub("", value.strip()).upper())

    def find(self, text: str) -> Iterator[Span]:
        for start, end in spans(text):
            yield Span(start, end, self.category, self.code, 0.95)


def spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each valid IBAN in ``text``; other detectors use it to step aside."""
    for match in _TEXT.finditer(text):
        end = _valid_prefix_end(match)
        if end is not None:
            yield match.start(), end


def _valid_prefix_end(match: re.Match[str]) -> int | None:
    """Where the IBAN inside ``match`` ends, when a valid one starts it at a group boundary.

    A grouped candidate may run into the next group of digits (``... 00 1234``); the
    country's length says where the IBAN stops.
    """
    raw = match.group()
    length = LENGTHS.get(raw[:2].upper())
    if length is None:
        return None
    seen = 0
    for offset, char in enumerate(raw):
        if char not in " .-":
            seen += 1
        if seen == length:
            end = offset + 1
            if end < len(raw) and raw[end] not in " .-":
                return None
            compact = _SEPARATORS.sub("", raw[:end]).upper()
            return match.start() + end if is_valid(compact) else None
    return None


DETECTOR = IbanDetector()

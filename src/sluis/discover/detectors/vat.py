"""Dutch btw-identificatienummer: ``NL`` + 9 digits + ``B`` + 2 digits.

Numbers issued to sole traders since 2020 pass mod 97-10 over ``NL`` + number; older
numbers (and the omzetbelastingnummer) are a BSN or RSIN + ``B`` + suffix and pass the
11-proef on the nine digits. Either check is accepted. A pre-2020 number of a sole trader
contains the BSN, so the whole number is treated as a personal identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._common import iter_spans, passes_eleven_proof
from sluis.discover.detectors.base import Span

_SEPARATORS = re.compile(r"[ .\-]")
_CELL = re.compile(r"NL(\d{9})B(\d{2})", re.ASCII)
_TEXT = re.compile(
    r"(?<![\w-])NL[ .]?(?:\d{9}|\d{4}\.\d{2}\.\d{3})[ .]?B[ .]?\d{2}(?![\w-])",
    re.ASCII | re.IGNORECASE,
)
_HINT = re.compile(r"[Nn][Ll][ .]?[0-9]")  # where a match of _TEXT can start


def is_valid(value: str) -> bool:
    """True for a btw-id in any spacing or case that passes mod 97 or the 11-proef."""
    compact = _SEPARATORS.sub("", value.strip()).upper()
    match = _CELL.fullmatch(compact)
    if match is None or match.group(2) == "00":
        return False
    digits = match.group(1)
    if passes_eleven_proof(digits):
        return True
    numeric = "".join(str(int(c, 36)) for c in compact)
    return digits != "000000000" and int(numeric) % 97 == 1


@dataclass(frozen=True)
class VatDetector:
    """btw-id in a cell or text."""

    code: str = "vat"
    category: str = "id.vat"
    evidence: str = "checksum:mod97|11-proef"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        return is_valid(value)

    def find(self, text: str) -> Iterator[Span]:
        return iter_spans(_TEXT, text, self.category, self.code, _score, _HINT)


def _score(match: re.Match[str], floor: int) -> float | None:
    return 0.95 if is_valid(match.group()) else None


DETECTOR = VatDetector()

"""Onderwijsnummer (DUO): nine digits starting ``10``, BSN weights, remainder 5 modulo 11.

Issued to pupils and students without a BSN (newcomers among them); it never passes the
BSN check, so diploma files need this detector alongside ``bsn``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._common import (
    compact,
    eleven_proof_remainder,
    has_context,
    is_dotted_quad,
    is_nine_ascii_digits,
    iter_spans,
    words_pattern,
)
from sluis.discover.detectors.base import Span

_TEXT = re.compile(r"(?<![\d.\-])10(?:\d{7}|\d{2}\.\d{2}\.\d{3})(?!\d)(?![.\-]\d)", re.ASCII)
_HINT = re.compile(r"10(?:[0-9]{7}|[0-9]{2}\.[0-9]{2}\.[0-9]{3})")  # _TEXT's starts
_KEYWORDS = words_pattern(["onderwijsnummer", "onderwijs-nummer", "own", "duo", "leerlingnummer"])


def is_valid(value: str) -> bool:
    """True for nine digits (dots or spaces allowed) starting 10 with remainder 5."""
    digits = compact(value)
    return (
        is_nine_ascii_digits(digits)
        and digits.startswith("10")
        and eleven_proof_remainder(digits) == 5
    )


@dataclass(frozen=True)
class OnderwijsnummerDetector:
    """Onderwijsnummer in a cell or text; in text a context word raises the score."""

    code: str = "onderwijsnummer"
    category: str = "id.onderwijsnummer"
    evidence: str = "checksum:11-proef-rest-5"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        return not is_dotted_quad(value) and is_valid(value)

    def find(self, text: str) -> Iterator[Span]:
        def score(match: re.Match[str], floor: int) -> float | None:
            if not is_valid(match.group()):
                return None
            start, end = match.span()
            return 0.95 if has_context(text, start, end, _KEYWORDS, before=80, floor=floor) else 0.6

        return iter_spans(_TEXT, text, self.category, self.code, score, _HINT)


DETECTOR = OnderwijsnummerDetector()

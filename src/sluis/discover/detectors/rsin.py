"""RSIN (Rechtspersonen en Samenwerkingsverbanden Informatienummer): nine digits passing the
same 11-proef as the BSN.

The check cannot tell an RSIN from a BSN; only a column name or a context word can, hence
``needs_context``: ``find`` reports a number only with an RSIN word nearby.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sluis.discover.detectors._common import (
    contains_any,
    context_scorer,
    fold,
    iter_spans,
    passes_eleven_proof,
    words_pattern,
)
from sluis.discover.detectors.base import Span

_CELL = re.compile(r"\d{8,9}|\d{4}\.\d{2}\.\d{3}", re.ASCII)
_TEXT = re.compile(r"(?<![\w.\-])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\w\-]|[.,]\d)", re.ASCII)
_HINT = re.compile(r"[0-9](?:[0-9]{8}|[0-9]{3}\.[0-9]{2}\.[0-9]{3})")  # _TEXT's starts
_KEYWORDS = words_pattern(["rsin", "rsin-?nummer", "fiscaal nummer", "fiscaalnummer"])
_GATE = ("rsin", "fiscaal")  # in every keyword


def _digits(value: str) -> str:
    return value.replace(".", "").zfill(9)


@dataclass(frozen=True)
class RsinDetector:
    """RSIN in a cell (9 or 8 digits, or dotted) or text (with an RSIN word)."""

    code: str = "rsin"
    category: str = "id.rsin"
    evidence: str = "checksum:11-proef+context"
    needs_context: bool = True

    def matches(self, value: str) -> bool:
        cell = value.strip()
        return _CELL.fullmatch(cell) is not None and passes_eleven_proof(_digits(cell))

    def find(self, text: str) -> Iterator[Span]:
        if not contains_any(fold(text), _GATE):
            return iter(())  # no RSIN word, so no number is reported
        scorer = context_scorer(
            text, _KEYWORDS, 0.9, valid=lambda v: passes_eleven_proof(_digits(v))
        )
        return iter_spans(_TEXT, text, self.category, self.code, scorer, _HINT)


DETECTOR = RsinDetector()

"""Personal data inside free text: notes, letters, e-mail bodies, file names.

Every registered detector reports its instances (identifiers, names, streets, places,
quasi-identifiers); overlapping instances are then resolved so each character belongs to at
most one span: a checksum-validated identifier wins (an IBAN over the phone number inside
it), otherwise the longer span, then the higher score.
"""

from __future__ import annotations

from sluis.discover.detectors import all_detectors
from sluis.discover.detectors.base import Span


def find_entities(text: str) -> list[Span]:
    """Non-overlapping instances of personal data in ``text``, in text order."""
    if not text or text.isspace():
        return []
    candidates: list[tuple[Span, bool]] = []
    for detector in all_detectors():
        validated = detector.evidence.startswith("checksum")
        candidates.extend(
            (span, validated)
            for span in detector.find(text)
            if 0 <= span.start < span.end <= len(text)
        )
    return resolve_overlaps(candidates, len(text))


def resolve_overlaps(candidates: list[tuple[Span, bool]], length: int) -> list[Span]:
    """Greedy choice by (checksum-validated, length, score); earlier start breaks ties."""
    ranked = sorted(
        candidates,
        key=lambda c: (not c[1], -(c[0].end - c[0].start), -c[0].score, c[0].start),
    )
    taken = bytearray(length)
    chosen: list[Span] = []
    for span, _validated in ranked:
        if any(taken[span.start : span.end]):
            continue
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        chosen.append(span)
    chosen.sort(key=lambda s: s.start)
    return chosen


def text_categories(text: str) -> set[str]:
    """The category codes of the personal data found in ``text``."""
    return {span.category for span in find_entities(text)}


__all__ = ["find_entities", "resolve_overlaps", "text_categories"]

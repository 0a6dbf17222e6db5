"""Personal data inside free text: notes, letters, e-mail bodies, file names.

Every registered detector reports its instances (identifiers, names, streets, places,
quasi-identifiers); names licensed by their context (``text_cues``) are added, and instances
that belong to an institution by their context (``text_filters``) are dropped. Overlapping
instances are then resolved so each character belongs to at most one span: a
checksum-validated identifier wins (an IBAN over the phone number inside it), then a name
licensed by context, otherwise the longer span, then the higher score.

Detectors that need a digit or an ``@`` are skipped on text without one, and results are
memoized per distinct text (bounded), since columns repeat their values.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sluis.discover.detectors import all_detectors
from sluis.discover.detectors.base import Detector, Span
from sluis.discover.text_cues import DETECTOR as CUE_DETECTOR
from sluis.discover.text_cues import find_context_names
from sluis.discover.text_filters import is_institutional, org_regions, po_box_regions

_DIGIT = re.compile(r"\d")
# Detectors whose every instance contains a digit, or an "@".
_NEEDS_DIGIT = frozenset(
    {"bsn", "iban", "vat", "onderwijsnummer", "postcode", "phone", "ip", "birth_date",
     "kenteken", "passport", "v_number", "kvk", "rsin"}
)  # fmt: skip
_NEEDS_AT = frozenset({"email"})
_CACHE_SIZE = 4096


@cache
def _detector_groups() -> tuple[tuple[Detector, ...], tuple[Detector, ...], tuple[Detector, ...]]:
    """(always run, digit only, ``@`` only)."""
    detectors = all_detectors()
    return (
        tuple(d for d in detectors if d.code not in _NEEDS_DIGIT | _NEEDS_AT),
        tuple(d for d in detectors if d.code in _NEEDS_DIGIT),
        tuple(d for d in detectors if d.code in _NEEDS_AT),
    )


def find_entities(text: str) -> list[Span]:
    """Non-overlapping instances of personal data in ``text``, in text order."""
    if not text or text.isspace():
        return []
    return list(_find(text))


@lru_cache(maxsize=_CACHE_SIZE)
def _find(text: str) -> tuple[Span, ...]:
    always, digit, at = _detector_groups()
    detectors = always
    if _DIGIT.search(text):
        detectors += digit
    if "@" in text:
        detectors += at
    boxes = po_box_regions(text) if "ostbus" in text or "ntwoordnummer" in text else []
    orgs = org_regions(text)
    candidates: list[tuple[Span, bool]] = []
    for detector in detectors:
        validated = detector.evidence.startswith("checksum")
        candidates.extend(
            (span, validated)
            for span in detector.find(text)
            if 0 <= span.start < span.end <= len(text)
            and not is_institutional(text, span, boxes, orgs)
        )
    candidates.extend(
        (span, False)
        for span in find_context_names(text)
        if 0 <= span.start < span.end <= len(text) and not is_institutional(text, span, [], orgs)
    )
    return tuple(resolve_overlaps(candidates, len(text)))


def resolve_overlaps(candidates: list[tuple[Span, bool]], length: int) -> list[Span]:
    """Greedy choice by (checksum-validated, licensed by context, length, score); earlier
    start breaks ties."""
    ranked = sorted(
        candidates,
        key=lambda c: (
            not c[1],
            c[0].detector != CUE_DETECTOR,
            -(c[0].end - c[0].start),
            -c[0].score,
            c[0].start,
        ),
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

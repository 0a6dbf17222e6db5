"""Value evidence: which share of a column's cells each detector recognizes."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa

from sluis.discover import lexicon
from sluis.discover.cells import Sample, sample
from sluis.discover.detectors import Detector, all_detectors
from sluis.discover.detectors._common import is_dotted_quad
from sluis.discover.detectors.birth_date import cell_date
from sluis.model.schema import Column, LogicalType

# Categories whose values are bare numbers, which a run of case numbers can imitate.
NUMERIC_IDS = frozenset(
    {"id.bsn", "id.rsin", "id.v_number", "id.kvk", "id.onderwijsnummer", "contact.phone"}
)
_CHECKSUM_WEIGHT = 1.0
_PATTERN_WEIGHT = 0.85
_NO_VALUE_TYPES = frozenset({LogicalType.BOOLEAN, LogicalType.BLOB})
_MIN_SEQUENCE = 20
_BIRTH_SPREAD_YEARS = 30


@dataclass(frozen=True)
class Shares:
    """Per detector code: the share of non-empty sampled cells it matched.

    ``birth_like`` says the cells are dates spread over generations, as birth dates are
    and event dates (created, decided, paid) are not.
    """

    cells: int
    by_detector: dict[str, float] = field(default_factory=dict)
    detectors: dict[str, Detector] = field(default_factory=dict)
    looks_sequential: bool = False
    birth_like: bool = False
    distinct: int = 0
    known_first: float = 0.0
    known_last: float = 0.0
    particles: float = 0.0
    two_part: float = 0.0

    @property
    def empty(self) -> bool:
        return self.cells == 0

    def share(self, category: str | None) -> float:
        """The best share of any detector of ``category``."""
        return max(
            (
                s
                for code, s in self.by_detector.items()
                if self.detectors[code].category == category
            ),
            default=0.0,
        )

    def best(self, *, standalone_only: bool) -> tuple[str | None, float]:
        """The category with the highest share; ``standalone_only`` skips detectors that
        need context."""
        best_code, best_share = None, 0.0
        for code, value in self.by_detector.items():
            detector = self.detectors[code]
            if standalone_only and detector.needs_context:
                continue
            if value > best_share:
                best_code, best_share = detector.category, value
        return best_code, best_share

    def weight(self, category: str) -> float:
        for detector in self.detectors.values():
            if detector.category == category:
                return _CHECKSUM_WEIGHT if "checksum" in detector.evidence else _PATTERN_WEIGHT
        return _PATTERN_WEIGHT


def detector_shares(column: Column, cells: pa.Array | pa.ChunkedArray | Sample) -> Shares:
    """Run every detector over the distinct non-empty cells of a sample."""
    if column.type in _NO_VALUE_TYPES:
        return Shares(cells=0)
    values = sample(cells).texts
    if not values:
        return Shares(cells=0)
    counts = Counter(values)
    total = len(values)
    detectors = {d.code: d for d in all_detectors()}
    shares: dict[str, float] = {}
    for code, detector in detectors.items():
        matches = detector.matches
        hits = sum(n for value, n in counts.items() if matches(value))
        if hits:
            shares[code] = hits / total
    birth_like = shares.get("birth_date", 0.0) >= 0.8 and _spread_like_births(counts)
    # Each distinct value normalized once, as words, for the three name shapes below.
    words = [(lexicon.normalize(v), n) for v, n in counts.items()]
    first, last = _known_names(words, total)
    particles = lexicon.particles()
    prefixes = sum(n for normal, n in words if normal in particles) / total
    two_part = sum(n for normal, n in words if _two_part(normal, particles)) / total
    return Shares(
        total,
        shares,
        detectors,
        _sequential(counts.keys()),
        birth_like,
        len(counts),
        first,
        last,
        prefixes,
        two_part,
    )


def _two_part(normal: str, particles: frozenset[str]) -> bool:
    """A given-name part and a surname part ("Jan Smit"), not "van Dijk" or one word;
    ``normal`` is the value as :func:`lexicon.normalize` gives it."""
    words = normal.split()
    return len(words) >= 2 and words[0] not in particles


def _known_names(normals: list[tuple[str, int]], total: int) -> tuple[float, float]:
    """Shares of cells whose first word is a known given name, and whose last word a
    known surname: what tells a column of first names from one of surnames. ``normals``
    holds each distinct normalized value with its count."""
    firsts, lasts = lexicon.first_names(), lexicon.last_names()
    first = last = 0
    for normal, n in normals:
        words = normal.split()
        if words:
            first += n * (words[0] in firsts)
            last += n * (words[-1] in lasts)
    return first / total, last / total


def _spread_like_births(counts: Counter[str]) -> bool:
    """Dates whose middle 80% span 30 years or more and whose median lies 20 years back."""
    years = sorted(
        date.year
        for value, n in counts.items()
        if (date := cell_date(value)) is not None
        for _ in range(n)
    )
    if len(years) < _MIN_SEQUENCE:
        return False
    low, middle, high = (years[int(q * (len(years) - 1))] for q in (0.1, 0.5, 0.9))
    return high - low >= _BIRTH_SPREAD_YEARS and middle <= dt.date.today().year - 20


def _sequential(values: Iterable[str]) -> bool:
    """True for numbers issued in order (case numbers, invoice numbers): dense or sharing
    one long prefix, unlike personal identifiers, which scatter over their whole range; or
    for codes of one pattern numbered so (:func:`_coded_in_sequence`)."""
    values = list(values)
    numbers = sorted(int(v) for v in values if v.isdigit())
    if len(numbers) < _MIN_SEQUENCE:
        return _coded_in_sequence([v for v in values if not v.isdigit()])
    span = numbers[-1] - numbers[0]
    if span < 100 * len(numbers):
        return True
    prefixes = Counter(str(n)[:4] for n in numbers)
    return prefixes.most_common(1)[0][1] >= 0.8 * len(numbers)


_DIGIT_RUN = re.compile(r"\d+")
_LAST_NUMBER = re.compile(r"(\d{3,})\D*$")
# The share of codes of the one pattern, and the most series per code.
_ONE_PATTERN, _SERIES_SHARE = 0.9, 0.1


def _coded_in_sequence(codes: list[str]) -> bool:
    """True for codes of one pattern whose last number counts up within each series (the
    code before it): "BZW/2023/00279", "NH-2024-000001"; not for dates or IP addresses."""
    found = []  # (code, series, number, pattern)
    for code in codes:
        last = _LAST_NUMBER.search(code)
        if last is not None:
            head = code[: last.start(1)]
            pattern = _DIGIT_RUN.sub("9", head) + code[last.end(1) :]
            found.append((code, head, int(last.group(1)), pattern))
    if len(found) < _MIN_SEQUENCE:
        return False
    pattern, count = Counter(p for *_, p in found).most_common(1)[0]
    example = next(code for code, *_, p in found if p == pattern)
    if count < _ONE_PATTERN * len(codes) or is_dotted_quad(example) or cell_date(example):
        return False
    series: dict[str, list[int]] = defaultdict(list)
    for _, head, number, _ in found:
        series[head].append(number)
    if len(series) > _SERIES_SHARE * len(found):
        return False
    return sum(max(s) - min(s) for s in series.values()) < 100 * len(found)


def describe(shares: Shares, limit: int = 3) -> list[str]:
    """Evidence lines such as ``values:bsn 98% (checksum:11-proef)``."""
    ranked = sorted(shares.by_detector.items(), key=lambda item: -item[1])
    lines = [
        f"values:{code} {round(100 * share)}% ({shares.detectors[code].evidence})"
        for code, share in ranked[:limit]
        if share >= 0.05
    ]
    if shares.looks_sequential:
        lines.append("shape:numbers issued in sequence")
    if shares.birth_like:
        lines.append("shape:dates spread over generations")
    return lines

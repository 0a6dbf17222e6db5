"""IP address (IPv4 dotted quad or IPv6), validated by the standard ``ipaddress`` module.

In text, version numbers look like addresses (``versie 1.2.3.4``): a candidate is skipped
when a version word is right before it, or when it is part of a longer dotted run.
Loopback and unspecified addresses identify no one and score low.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from sluis.discover.detectors._common import has_context, iter_spans, words_pattern
from sluis.discover.detectors.base import Span

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_V4 = rf"{_OCTET}(?:\.{_OCTET}){{3}}"
_TEXT_V4 = re.compile(rf"(?<![\w.:]){_V4}(?![\w]|\.\d)", re.ASCII)
# Hex groups with colons; at least two colons. ``ipaddress`` decides what is valid (a time
# such as ``12:30:00`` is not).
_TEXT_V6 = re.compile(
    rf"(?<![\w:.])(?:[0-9A-Fa-f]{{0,4}}:){{2,7}}(?:[0-9A-Fa-f]{{1,4}}|{_V4})?(?![\w:.])",
    re.ASCII,
)
# Cheap tests: what every IPv4 and IPv6 candidate contains.
_V4_HINT = re.compile(r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]")  # where one can start
_V6_HINT = re.compile(r":[0-9A-Fa-f]{0,4}:")
_VERSION = words_pattern(["v", "versie", "version", "release", "build", "ver\\."])


def parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address written in ``value``, or ``None`` (integers and networks are not addresses)."""
    cell = value.strip()
    if not cell or not (":" in cell or "." in cell):
        return None
    try:
        return ipaddress.ip_address(cell)
    except ValueError:
        return None


def _score(text: str, match: re.Match[str], floor: int) -> float | None:
    address = parse(match.group())
    if address is None:
        return None
    if has_context(text, match.start(), match.end(), _VERSION, 12, 0, floor):
        return None
    if address.is_loopback or address.is_unspecified:
        return 0.3
    return 0.85


@dataclass(frozen=True)
class IpDetector:
    """IPv4 or IPv6 address in a cell or text."""

    code: str = "ip"
    category: str = "network.ip"
    evidence: str = "parser:ipaddress"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        return parse(value) is not None

    def find(self, text: str) -> Iterator[Span]:
        score = partial(_score, text)
        if "." in text:
            yield from iter_spans(_TEXT_V4, text, self.category, self.code, score, _V4_HINT)
        if ":" in text and _V6_HINT.search(text) is not None:
            yield from iter_spans(_TEXT_V6, text, self.category, self.code, score)


DETECTOR = IpDetector()

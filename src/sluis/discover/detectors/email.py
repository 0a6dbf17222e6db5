"""E-mail address: the practical subset of RFC 5322 that people and systems actually use.

No quoted local parts, no IP-literal domains. The top-level domain must be 2 to 24 letters
(no public-suffix download: Sluis runs offline). In free text the common obfuscation
``naam [at] domein.nl`` / ``naam (at) domein (punt) nl`` is recognized too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from sluis.discover.detectors._common import iter_spans
from sluis.discover.detectors.base import Span

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_TLD = r"[A-Za-z]{2,24}"

_CELL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+{_TLD}", re.ASCII)
_MAX_ADDRESS, _MAX_LOCAL = 254, 64

# In text the local part is narrower: quotes and slashes there are punctuation, not address.
_TEXT_LOCAL = r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
# Letters of any script too, as mail servers accept them (RFC 6531): "müjde@…" whole, not "jde@…".
_TEXT = re.compile(
    r"(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*"
    rf"@(?:{_LABEL}\.)+{_TLD}(?![\w-])(?!\.[A-Za-z0-9])"
)
_OPEN = r"\s?[\[(<{]\s?"
_CLOSE = r"\s?[\])>}]\s?"
_OBFUSCATED = re.compile(
    rf"(?<![\w.%+-]){_TEXT_LOCAL}\s?(?:{_OPEN}(?:at|apenstaartje|@){_CLOSE}|\s(?:at|AT)\s)"
    rf"(?:{_LABEL}(?:\.|{_OPEN}(?:dot|punt){_CLOSE}))+{_TLD}(?![\w-])",
    re.ASCII,
)

# Cheap tests: what every obfuscated address contains ("[at]", " AT ").
_OBFUSCATED_AT = re.compile(r"[\[(<{]\s?(?:at|apenstaartje|@)\s?[\])>}]", re.ASCII)
_SPACED_AT = re.compile(r"\s(?:at|AT)\s", re.ASCII)
_LOCAL_PUNCTUATION = frozenset("_%+-.")


def plain_matches(texts: pa.Array) -> pa.Array:
    """Texts that are an address as written, no longer than allowed (null for a null), in
    Arrow: where this is true, :meth:`EmailDetector.matches` is too. The cell pattern has one
    "@", as every part of it excludes that character."""
    return pc.and_(
        pc.and_(
            pc.match_substring_regex(texts, f"^(?:{_CELL.pattern})$"),
            pc.less_equal(pc.utf8_length(texts), _MAX_ADDRESS),
        ),
        pc.less_equal(pc.find_substring(texts, "@"), _MAX_LOCAL),
    )


@dataclass(frozen=True)
class EmailDetector:
    """E-mail address in a cell (exact) or text (plain and obfuscated)."""

    code: str = "email"
    category: str = "contact.email"
    evidence: str = "pattern:rfc5322-subset+tld"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        cell = value.strip()
        if len(cell) > _MAX_ADDRESS or _CELL.fullmatch(cell) is None:
            return False
        local = cell.rpartition("@")[0]
        return len(local) <= _MAX_LOCAL

    def find(self, text: str) -> Iterator[Span]:
        at = text.find("@")
        if at != -1:
            # No address starts before the local part in front of the first "@".
            start = at
            while start > 0 and (
                text[start - 1].isalnum() or text[start - 1] in _LOCAL_PUNCTUATION
            ):
                start -= 1
            for m in _TEXT.finditer(text, start):
                yield Span(m.start(), m.end(), self.category, self.code, 0.95)
        if ("at" in text or "AT" in text) and (
            _SPACED_AT.search(text) is not None or _OBFUSCATED_AT.search(text) is not None
        ):
            yield from iter_spans(_OBFUSCATED, text, self.category, self.code, lambda m, floor: 0.8)


DETECTOR = EmailDetector()

"""Fake streets, cities and whole addresses: keyed choices from shipped lists.

A street keeps its house-number part's shape: ``Kerkstraat 12a`` becomes another street with
a keyed number (1-250) and, when the original had one, a keyed letter suffix. Cities come from
a list of Dutch places. :func:`address` writes ``Street 12, 1234 AB City`` where postcode and
city fit together (postcode digits inside a real range of that city). The same original
gives the same fake everywhere (case-insensitive); fakes are not guaranteed unique.
"""

from __future__ import annotations

import re

import pyarrow as pa

from sluis.anonymize.operators._arrow import map_text, remembered
from sluis.anonymize.operators._case import style
from sluis.anonymize.operators._lists import other_than, postcode_cities, values
from sluis.anonymize.operators.postcode import PAIRS
from sluis.anonymize.prf import Prf
from sluis.keys import Key

PURPOSE = "location.address"
# A street and house number with nothing after the number's addition: no postcode or place.
_STREET_ONLY = re.compile(r"[^\d,\n]*[^\W\d][^\d,\n]* \d+(?:[ \-]?[A-Za-z]{1,3}|[ \-]\d{1,4})?")
_STREET = re.compile(r"(?P<name>.*?[^\d\s])(?:(?P<space>\s+)(?P<number>\d+)(?P<rest>.*))?")


class AddressFaker:
    """Scalar fakes for street, city and address under one key."""

    def __init__(self, key: Key) -> None:
        self._prf = Prf(key.derive(PURPOSE))

    def _pick(self, tag: bytes, original: str, pool: tuple[str, ...]) -> str:
        normal = original.strip().lower()
        index = self._prf.integer(tag + normal.encode("utf-8"), len(pool))
        return style(original, other_than(normal, pool, index))

    def street(self, text: str) -> str:
        """A fake street with a keyed house number when the original has one."""
        match = _STREET.fullmatch(text.strip())
        if match is None:
            return self._pick(b"street/", text, values("streets"))
        name = self._pick(b"street/", match.group("name"), values("streets"))
        if match.group("number") is None:
            return name
        number = 1 + self._prf.integer(b"number/" + text.lower().encode("utf-8"), 250)
        rest = match.group("rest")
        suffix = ""
        if rest.strip():
            pick = self._prf.integer(b"suffix/" + text.encode("utf-8"), 8)
            if any(c.isalpha() for c in rest):
                letter = "abcdefgh"[pick]
                suffix = letter.upper() if any(c.isupper() for c in rest) else letter
            else:
                suffix = str(1 + pick)
            suffix = (" " if rest.startswith(" ") else "-" if rest.startswith("-") else "") + suffix
        return f"{name}{match.group('space')}{number}{suffix}"

    def city(self, text: str) -> str:
        """A fake Dutch place name in the original's case style."""
        return self._pick(b"city/", text, values("cities"))

    def address(self, text: str) -> str:
        """A whole fake address whose postcode fits its city; an address column holding only
        a street and house number (``addr1``) gets a fake street and number, no more."""
        if _STREET_ONLY.fullmatch(text.strip()):
            return self.street(text)
        normal = text.strip().lower().encode("utf-8")
        first, last, city = postcode_cities()[
            self._prf.integer(b"city-range/" + normal, len(postcode_cities()))
        ]
        digits = first + self._prf.integer(b"digits/" + normal, last - first + 1)
        pair = PAIRS[self._prf.integer(b"pair/" + normal, len(PAIRS))]
        street = self._pick(b"street/", text, values("streets"))
        number = 1 + self._prf.integer(b"number/" + normal, 250)
        separator = "\n" if "\n" in text else ", "
        return style(text, f"{street} {number}{separator}{digits} {pair} {city}")


def street(values_: pa.Array | pa.ChunkedArray, key: Key) -> pa.Array:
    """Replace streets (with or without house number) by keyed fakes."""
    return map_text(values_, AddressFaker(key).street, remembered(key, "street"))


def city(values_: pa.Array | pa.ChunkedArray, key: Key) -> pa.Array:
    """Replace place names by keyed Dutch place names."""
    return map_text(values_, AddressFaker(key).city, remembered(key, "city"))


def address(values_: pa.Array | pa.ChunkedArray, key: Key) -> pa.Array:
    """Replace whole addresses by keyed fake addresses (street, number, postcode, city)."""
    return map_text(values_, AddressFaker(key).address, remembered(key, "address"))

"""Dutch telephone-number pseudonyms of the same kind, valid per libphonenumber.

The national significant number is split into a kept prefix and permuted subscriber digits:
a mobile number keeps ``6`` and its next digit (``06-1…`` stays ``06-1…``), a geographic
number keeps its area code, other numbers (``085``, ``088``, ``0800``…) keep their first
three digits. The subscriber digits go through a keyed derangement per prefix that walks
until the whole number is valid, so unique numbers stay unique, stay valid and always change.
Notation is kept: the new national number replaces the trailing digits of the original text,
so ``+31 6 …``, ``0031…``, ``06-…`` and ``+31 (0)6 …`` keep their shape. Text that is no valid
Dutch number (``067…``, Faker's random ``0123 456789``) is replaced by a valid keyed mobile
number chosen by its digits in national form, whatever the notation, written into the same
notation (not guaranteed unique).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators._arrow import (
    as_array,
    is_text,
    per_distinct,
    permutation,
    restore_type,
)
from sluis.anonymize.permutation import Member
from sluis.anonymize.prf import Prf
from sluis.discover.detectors.phone import (
    VALID_ANY_TYPE,
    VALID_GENERAL,
    national_form,
    valid_national,
)
from sluis.keys import Key

PURPOSE = "contact.phone"
_MOBILE_PREFIXES = ("61", "62", "63", "64", "65")


@dataclass(frozen=True)
class _Parsed:
    prefix: str  # kept leading digits of the national significant number
    subscriber: int
    width: int  # number of subscriber digits


def _parse(text: str) -> _Parsed | None:
    """The kept prefix and subscriber digits of a valid Dutch number, else None."""
    national = _plain_national(text)
    if national is None:
        return _parse_with_library(text)
    if not valid_national(national):
        return None
    if _MOBILE_RE.fullmatch(national):
        keep = 2
    elif _FIXED_RE.fullmatch(national):
        keep = _area_code_length(national[:3])
    else:
        keep = min(3, len(national) - 2)
    return _Parsed(national[:keep], int(national[keep:]), len(national) - keep)


def _plain_national(text: str) -> str | None:
    """The national significant number of a plainly written number (``06-…``, ``+31 (0)6 …``,
    ``0031 …``); None for anything else, which goes to libphonenumber's parser instead."""
    stripped = text.strip()
    if not _PLAIN.fullmatch(stripped):
        return None
    digits = _NOT_DIGIT.sub("", stripped)
    if stripped.startswith("+"):
        rest = digits[2:] if digits.startswith("31") else None
    elif digits.startswith("0031"):
        rest = digits[4:]
    elif digits.startswith("0") and not digits.startswith("00"):
        return digits[1:] or None
    else:
        rest = None
    if rest is None:
        return None
    return (rest[1:] if rest.startswith("0") else rest) or None


@lru_cache(maxsize=1024)
def _area_code_length(first_three: str) -> int:
    probe = phonenumbers.PhoneNumber(country_code=31, national_number=int(first_three + "234567"))
    return phonenumbers.length_of_geographical_area_code(probe) or 3


def _parse_with_library(text: str) -> _Parsed | None:
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 31 or not phonenumbers.is_valid_number(number):
        return None
    national = str(number.national_number)
    kind = phonenumbers.number_type(number)
    if kind == phonenumbers.PhoneNumberType.MOBILE:
        keep = 2
    elif kind == phonenumbers.PhoneNumberType.FIXED_LINE:
        keep = phonenumbers.length_of_geographical_area_code(number) or 3
    else:
        keep = min(3, len(national) - 2)
    return _Parsed(national[:keep], int(national[keep:]), len(national) - keep)


_NL = phonenumbers.PhoneMetadata.metadata_for_region("NL")
assert _NL is not None and _NL.mobile and _NL.fixed_line
_MOBILE_RE = re.compile(str(_NL.mobile.national_number_pattern))
_FIXED_RE = re.compile(str(_NL.fixed_line.national_number_pattern))
_PLAIN = re.compile(r"\+?[0-9][0-9 \-.]*(?:\(0\)[0-9 \-.]*)?")
_NOT_DIGIT = re.compile(r"[^0-9]")


def valid_nationals(nationals: pa.Array) -> pa.Array:
    """Per Dutch national significant number (digits as text): valid per libphonenumber."""
    return pc.and_(
        pc.match_substring_regex(nationals, VALID_GENERAL),
        pc.match_substring_regex(nationals, VALID_ANY_TYPE),
    )


def _member(width: int) -> Member:
    def member(candidates: pa.Array, tweaks: pa.Array | None) -> pa.Array:
        assert tweaks is not None
        prefixes = pc.utf8_slice_codeunits(tweaks.cast(pa.string()), 1)
        subscribers = pc.utf8_lpad(candidates.cast(pa.string()), width, "0")
        return valid_nationals(pc.binary_join_element_wise(prefixes, subscribers, ""))

    return member


_MEMBERS = {width: _member(width) for width in range(1, 12)}


def _render(text: str, national: str) -> str:
    digits = sum(ch.isdigit() for ch in text)
    if digits < len(national):
        return "0" + national
    chars = list(text)
    position = len(national)
    for index in range(len(chars) - 1, -1, -1):
        if position == 0:
            break
        if chars[index].isdigit():
            position -= 1
            chars[index] = national[position]
    return "".join(chars)


def _fallback(prf: Prf, text: str) -> str:
    """A keyed mobile number for a number the plan does not issue, chosen by its digits, so
    ``06-76027721`` in a note and ``+31 6 76027721`` in a column get the same fake."""
    seed = national_form(text) or text
    value = prf.integer(b"invalid/" + seed.encode("utf-8"), 5 * 10**7)
    return _MOBILE_PREFIXES[value % 5] + str(value // 5).zfill(7)


def _distinct(distinct: pa.Array, key: Key) -> pa.Array:
    sub = key.derive(PURPOSE)
    texts: list[str] = distinct.to_pylist()
    parsed = [_parse(t) for t in texts]
    nationals: list[str | None] = [None] * len(texts)
    by_width: dict[int, list[int]] = {}
    for index, item in enumerate(parsed):
        if item is not None:
            by_width.setdefault(item.width, []).append(index)
    for width, indices in by_width.items():
        items = [parsed[i] for i in indices]
        perm = permutation(
            sub,
            f"subscriber/{width}",
            10**width,
            member=_MEMBERS[width],
            tweak_bound=10**5,
        )
        tweaks = pa.array([int("1" + p.prefix) for p in items if p is not None], pa.int64())
        subs = pa.array([p.subscriber for p in items if p is not None], pa.int64())
        new = perm.derange(subs, tweaks).to_pylist()
        for i, p, s in zip(indices, items, new, strict=True):
            assert p is not None
            nationals[i] = p.prefix + str(s).zfill(width)
    prf = Prf(sub)
    out = [
        _render(text, national if national is not None else _fallback(prf, text))
        for text, national in zip(texts, nationals, strict=True)
    ]
    return pa.array(out, pa.string())


def phone(values: pa.Array | pa.ChunkedArray, key: Key) -> pa.Array:
    """Replace Dutch phone numbers by keyed valid numbers of the same kind and notation."""
    array = as_array(values)
    original = array.type
    text = array if is_text(original) else array.cast(pa.string())
    result = per_distinct(text.cast(pa.string()), lambda d: _distinct(d, key))
    return restore_type(result, original) if is_text(original) else result

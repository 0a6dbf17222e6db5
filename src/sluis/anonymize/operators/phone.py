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
notation (not guaranteed unique). Given the numbers the source holds (:func:`detours`, see
:mod:`sluis.anonymize.taken`), neither kind of replacement equals one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
    scalar,
)
from sluis.anonymize.permutation import KeyedPermutation, Member
from sluis.anonymize.prf import Prf
from sluis.anonymize.taken import Detour, Detours, derange, encode, first_free, plan
from sluis.discover.detectors.phone import (
    VALID_ANY_TYPE,
    VALID_GENERAL,
    national_form,
)
from sluis.keys import Key

PURPOSE = "contact.phone"
_MOBILE_PREFIXES = ("61", "62", "63", "64", "65")


@dataclass(frozen=True)
class _Parsed:
    prefix: str  # kept leading digits of the national significant number
    subscriber: int
    width: int  # number of subscriber digits


def _parse_many(texts: list[str]) -> list[_Parsed | None]:
    """Per text, the kept prefix and subscriber digits of a valid Dutch number, else None.
    Plainly written numbers (``06-…``, ``+31 (0)6 …``, ``0031 …``) are read at once in Arrow
    against libphonenumber's own patterns; others go one by one to its parser."""
    array = pa.array(texts, pa.string())
    national = _plain_nationals(array)
    valid = pc.fill_null(valid_nationals(national), False)
    length = pc.utf8_length(national)
    keep = pc.if_else(
        pc.match_substring_regex(national, f"^(?:{_MOBILE_RE.pattern})$"),
        scalar(2),
        pc.if_else(
            pc.match_substring_regex(national, f"^(?:{_FIXED_RE.pattern})$"),
            _area_code_lengths(pc.utf8_slice_codeunits(national, 0, 3)),
            pc.min_element_wise(scalar(3), pc.subtract(length, scalar(2))),
        ),
    )
    rows = zip(
        texts,
        national.is_valid().to_pylist(),
        valid.to_pylist(),
        national.to_pylist(),
        keep.to_pylist(),
        strict=True,
    )
    out: list[_Parsed | None] = []
    for text, plain, ok, digits, kept in rows:
        if not plain:
            out.append(_parse_with_library(text))
        elif not ok:
            out.append(None)
        else:
            out.append(_Parsed(digits[:kept], int(digits[kept:]), len(digits) - kept))
    return out


def _plain_nationals(texts: pa.Array) -> pa.Array:
    """The national significant numbers of plainly written numbers; null for any other text."""
    stripped = pc.utf8_trim_whitespace(texts)
    digits = pc.replace_substring_regex(stripped, r"\D", "")
    plus = pc.starts_with(stripped, "+")
    international = pc.if_else(
        plus,
        pc.starts_with(digits, "31"),
        pc.starts_with(digits, "0031"),
    )
    rest = pc.if_else(plus, pc.utf8_slice_codeunits(digits, 2), pc.utf8_slice_codeunits(digits, 4))
    rest = pc.if_else(pc.starts_with(rest, "0"), pc.utf8_slice_codeunits(rest, 1), rest)
    trunk = pc.and_(
        pc.invert(plus),
        pc.and_(pc.starts_with(digits, "0"), pc.invert(pc.starts_with(digits, "00"))),
    )
    national = pc.if_else(
        trunk,
        pc.utf8_slice_codeunits(digits, 1),
        pc.if_else(international, rest, pa.scalar(None, pa.string())),
    )
    plain = pc.match_substring_regex(stripped, f"^(?:{_PLAIN})$")
    usable = pc.and_(plain, pc.greater(pc.utf8_length(national), scalar(0)))
    return pc.if_else(pc.fill_null(usable, False), national, pa.scalar(None, pa.string()))


def _area_code_lengths(first_three: pa.Array) -> pa.Array:
    """:func:`_area_code_length` of many three-digit starts (2 where there are fewer)."""
    distinct = pc.unique(first_three.drop_null())
    lengths = pa.array(
        [_area_code_length(f) if len(f) == 3 else 2 for f in distinct.to_pylist()], pa.int64()
    )
    return lengths.take(pc.index_in(first_three, value_set=distinct))


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
_PLAIN = r"\+?[0-9][0-9 \-.]*(?:\(0\)[0-9 \-.]*)?"


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


def _fallback(prf: Prf, text: str, detours: Detours | None) -> str:
    """A keyed mobile number for a number the plan does not issue, chosen by its digits, so
    ``06-76027721`` in a note and ``+31 6 76027721`` in a column get the same fake; drawn
    again while the source holds it."""
    seed = b"invalid/" + (national_form(text) or text).encode("utf-8")

    def draw(suffix: bytes) -> int:
        value = prf.integer(seed + suffix, 5 * 10**7)
        return _tweak(_MOBILE_PREFIXES[value % 5]) * 10**7 + value // 5

    encoded = first_free(draw, detours.get(_detour_name(7)) if detours else None)
    tweak, subscriber = divmod(encoded, 10**7)
    return str(tweak)[1:] + str(subscriber).zfill(7)


def _tweak(prefix: str) -> int:
    return int("1" + prefix)


def _detour_name(width: int) -> str:
    return f"{PURPOSE}/subscriber/{width}"


def _permutation(key: Key, width: int) -> KeyedPermutation:
    return permutation(
        key.derive(PURPOSE),
        f"subscriber/{width}",
        10**width,
        member=_MEMBERS[width],
        tweak_bound=10**5,
    )


def _by_width(parsed: list[_Parsed | None]) -> dict[int, list[int]]:
    """The positions of the parsed numbers, by number of subscriber digits."""
    by_width: dict[int, list[int]] = {}
    for index, item in enumerate(parsed):
        if item is not None:
            by_width.setdefault(item.width, []).append(index)
    return by_width


def _subscribers(items: list[_Parsed]) -> tuple[pa.Array, pa.Array]:
    tweaks = pa.array([_tweak(p.prefix) for p in items], pa.int64())
    return pa.array([p.subscriber for p in items], pa.int64()), tweaks


def _distinct(distinct: pa.Array, key: Key, detours: Detours | None) -> pa.Array:
    texts: list[str] = distinct.to_pylist()
    parsed = _parse_many(texts)
    nationals: list[str | None] = [None] * len(texts)
    for width, indices in _by_width(parsed).items():
        items = [p for i in indices if (p := parsed[i]) is not None]
        subs, tweaks = _subscribers(items)
        detour = detours.get(_detour_name(width)) if detours else None
        new = derange(_permutation(key, width), subs, tweaks, detour).to_pylist()
        for i, p, s in zip(indices, items, new, strict=True):
            assert p is not None
            nationals[i] = p.prefix + str(s).zfill(width)
    prf = Prf(key.derive(PURPOSE))
    out = [
        _render(text, national if national is not None else _fallback(prf, text, detours))
        for text, national in zip(texts, nationals, strict=True)
    ]
    return pa.array(out, pa.string())


def phone(values: pa.Array | pa.ChunkedArray, key: Key, detours: Detours | None = None) -> pa.Array:
    """Replace Dutch phone numbers by keyed valid numbers of the same kind and notation;
    with ``detours``, none equals a number the source holds."""
    array = as_array(values)
    original = array.type
    text = array if is_text(original) else array.cast(pa.string())
    result = per_distinct(text.cast(pa.string()), lambda d: _distinct(d, key, detours))
    return restore_type(result, original) if is_text(original) else result


def detours(values: Iterable[pa.Array], key: Key) -> dict[str, Detour]:
    """The detours around the valid Dutch numbers among ``values`` (texts in any notation,
    or integers); anything else is passed over."""
    texts: set[str] = set()
    for array in values:
        texts.update(pc.unique(array.drop_null().cast(pa.string())).to_pylist())
    parsed = _parse_many(sorted(texts))
    out = {}
    for width, indices in _by_width(parsed).items():
        items = [p for i in indices if (p := parsed[i]) is not None]
        subs, tweaks = _subscribers(items)
        perm = _permutation(key, width)
        out[_detour_name(width)] = plan(perm, encode(subs, tweaks, perm.domain_size), tweaked=True)
    return out

"""Independent validity checks for operator output (python-stdnum and libphonenumber)."""

from __future__ import annotations

import re

import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

_POSTCODE = re.compile(r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}")


def is_bsn(text: str) -> bool:
    return bool(stdnum_bsn.is_valid(text.zfill(9)))


def is_nl_iban(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    return compact.startswith("NL") and bool(stdnum_iban.is_valid(compact))


def is_phone(text: str) -> bool:
    return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, "NL")))


def is_postcode(text: str) -> bool:
    return _POSTCODE.fullmatch(text.upper()) is not None


CHECKS = {
    "bsn": is_bsn,
    "iban": is_nl_iban,
    "phone": is_phone,
    "postcode": is_postcode,
    "none": lambda text: True,
}


def bsn_valid_count(numbers: pa.Array) -> int:
    """How many integers pass the 11-proef, computed column-wise (for large batches)."""
    texts = pc.utf8_lpad(numbers.cast(pa.string()), 9, "0")
    total = pa.array([0] * len(numbers), pa.int64())
    for position, weight in enumerate((9, 8, 7, 6, 5, 4, 3, 2, -1)):
        digit = pc.utf8_slice_codeunits(texts, position, position + 1).cast(pa.int64())
        total = pc.add(total, pc.multiply(digit, pa.scalar(weight, pa.int64())))
    remainder = [t % 11 for t in total.to_pylist()]
    return sum(r == 0 for r in remainder) - sum(n == 0 for n in numbers.to_pylist())

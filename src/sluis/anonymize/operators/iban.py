"""NL IBAN pseudonyms: a real bank code, a keyed account number and correct mod-97 digits.

Valid NL IBANs map bijectively: the bank code is permuted among the twelve real codes below
(unknown codes get a keyed choice among them), the 10-digit account number goes through a
keyed derangement of ``[0, 10**10)``, so unique input stays unique and the account number
always changes. Notation is kept: compact or in groups of four, upper or lower case; an
account number written alone (7 to 10 digits) becomes the account number of the fake.
Anything that is not a valid NL IBAN (foreign, wrong check digits) is replaced by a keyed
hash into the NL IBAN space: deterministic, but without a uniqueness guarantee.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators._arrow import (
    as_array,
    is_text,
    merge,
    mod,
    per_distinct,
    permutation,
    restore_type,
    scalar,
    split,
)
from sluis.anonymize.prf import prf_ints
from sluis.keys import Key

PURPOSE = "finance.iban"
BANKS = (
    "ABNA",
    "INGB",
    "RABO",
    "SNSB",
    "ASNB",
    "RBRB",
    "TRIO",
    "KNAB",
    "BUNQ",
    "FVLB",
    "NNBA",
    "HAND",
)
_ACCOUNTS = 10**10
_LETTERS = pa.array([chr(c) for c in range(ord("A"), ord("Z") + 1)])
_SHAPE = r"^NL\d{2}[A-Z]{4}\d{10}$"
_ACCOUNT_ONLY = r"^[0-9]{7,10}$"


def _bank_number(banks: pa.Array) -> pa.Array:
    """The 8-digit number of a 4-letter code (A=10 ... Z=35), modulo 97."""
    total = pa.array([0] * len(banks), pa.int64())
    for position in range(4):
        letter = pc.utf8_slice_codeunits(banks, position, position + 1)
        total = pc.add(
            pc.multiply(total, scalar(100)),
            pc.add(pc.index_in(letter, _LETTERS).cast(pa.int64()), scalar(10)),
        )
    return mod(total.cast(pa.int64()), 97)


def _remainder(banks: pa.Array, accounts: pa.Array, check: pa.Array) -> pa.Array:
    # BBBB + account + "NL" + check  ->  bank * 10**16 + account * 10**6 + 2321 * 100 + check
    bank_part = pc.multiply(_bank_number(banks), scalar(pow(10, 16, 97)))
    account_part = pc.multiply(mod(accounts, 97), scalar(pow(10, 6, 97)))
    return mod(pc.add(pc.add(bank_part, account_part), pc.add(scalar(232100), check)), 97)


def _format(banks: pa.Array, accounts: pa.Array, spaced: pa.Array, lower: pa.Array) -> pa.Array:
    check = pc.subtract(
        scalar(98), _remainder(banks, accounts, pa.array([0] * len(banks), pa.int64()))
    )
    compact = pc.binary_join_element_wise(
        scalar("NL"),
        pc.utf8_lpad(check.cast(pa.string()), 2, "0"),
        banks,
        pc.utf8_lpad(accounts.cast(pa.string()), 10, "0"),
        scalar(""),
    )
    groups = [pc.utf8_slice_codeunits(compact, i, i + 4) for i in range(0, 18, 4)]
    grouped = pc.binary_join_element_wise(*groups, scalar(" "))
    out = pc.if_else(spaced, grouped, compact)
    return pc.if_else(lower, pc.utf8_lower(out), out)


def _distinct(distinct: pa.Array, key: Key) -> pa.Array:
    sub = key.derive(PURPOSE)
    compact = pc.utf8_upper(pc.replace_substring(pc.utf8_trim_whitespace(distinct), " ", ""))
    spaced = pc.match_substring(pc.utf8_trim_whitespace(distinct), " ")
    lower = pc.utf8_is_lower(distinct)
    banks = pc.utf8_slice_codeunits(compact, 4, 8)
    shaped = pc.match_substring_regex(compact, _SHAPE)
    accounts = pc.if_else(shaped, pc.utf8_slice_codeunits(compact, 8, 18), scalar("0")).cast(
        pa.int64()
    )
    checks = pc.if_else(shaped, pc.utf8_slice_codeunits(compact, 2, 4), scalar("0")).cast(
        pa.int64()
    )
    valid = pc.and_(
        shaped,
        pc.equal(
            _remainder(pc.if_else(shaped, banks, scalar("AAAA")), accounts, checks), scalar(1)
        ),
    )
    known = pc.and_(valid, pc.is_in(banks, pa.array(BANKS)))
    known_index, _ = split(known, pc.index_in(banks, pa.array(BANKS)).cast(pa.int64()))
    permuted = permutation(sub, "bank", len(BANKS)).forward(known_index)
    hashed_bank = prf_ints(sub, distinct.filter(pc.invert(known)), len(BANKS), context=b"bank/")
    bank_index = merge(known, permuted, hashed_bank)
    new_banks = pa.array(BANKS).take(bank_index)
    good_accounts, _ = split(valid, accounts)
    deranged = permutation(sub, "account", _ACCOUNTS).derange(good_accounts)
    hashed = prf_ints(sub, distinct.filter(pc.invert(valid)), _ACCOUNTS, context=b"account/")
    new_accounts = merge(valid, deranged, hashed)
    out = _format(new_banks, new_accounts, spaced, lower)
    bare = pc.match_substring_regex(pc.utf8_trim_whitespace(distinct), _ACCOUNT_ONLY)
    if not pc.any(bare).as_py():
        return out
    # An account number alone (a register's BANKN beside its IBAN): the same derangement,
    # so it stays the account of the IBAN's fake.
    numbers, _ = split(bare, pc.utf8_trim_whitespace(distinct).cast(pa.string()))
    accounts_alone = permutation(sub, "account", _ACCOUNTS).derange(numbers.cast(pa.int64()))
    return pc.replace_with_mask(out, bare, accounts_alone.cast(pa.string()))


def iban(values: pa.Array | pa.ChunkedArray, key: Key) -> pa.Array:
    """Replace IBANs by keyed, valid NL IBANs with a real bank code, in the same notation."""
    array = as_array(values)
    original = array.type
    text = array if is_text(original) else array.cast(pa.string())
    return restore_type(per_distinct(text.cast(pa.string()), lambda d: _distinct(d, key)), original)

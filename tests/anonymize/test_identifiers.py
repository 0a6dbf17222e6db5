"""Properties of the identifier operators: valid, unique, keyed, never the original."""

from __future__ import annotations

import random
from collections.abc import Callable

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.operators.bsn import bsn, check_sum
from sluis.anonymize.operators.generic import pseudonymize
from sluis.anonymize.operators.iban import BANKS, iban
from sluis.anonymize.operators.phone import phone
from sluis.anonymize.operators.postcode import PAIRS, postcode
from sluis.keys import Key
from tests.anonymize.checks import bsn_valid_count, is_bsn, is_nl_iban, is_phone, is_postcode

KEY = Key(b"\x11" * 32)
OTHER = Key(b"\x22" * 32)


def make_bsn(prefix: int) -> int | None:
    digits = f"{prefix:08d}"
    check = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
    return None if check == 10 or prefix == 0 else prefix * 10 + check


def make_iban(bank: str, account: int) -> str:
    digits = "".join(str(int(c, 36)) for c in f"{bank}{account:010d}NL00")
    return f"NL{98 - int(digits) % 97:02d}{bank}{account:010d}"


def unique_bsns(count: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    prefixes = pa.array(rng.sample(range(1, 10**8), count * 12 // 10), pa.int64())
    valid = prefixes.filter(pc.less(check_sum(prefixes), pa.scalar(10, pa.int64())))[:count]
    numbers = pc.add(pc.multiply(valid, pa.scalar(10, pa.int64())), check_sum(valid))
    return sorted(numbers.to_pylist())


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 10**8 - 1), max_size=50))
def test_check_sum_is_the_weighted_digit_sum_mod_11(prefixes: list[int]) -> None:
    expected = [
        sum(int(d) * w for d, w in zip(f"{p:08d}", range(9, 1, -1), strict=True)) % 11
        for p in prefixes
    ]
    assert check_sum(pa.array(prefixes, pa.int64())).to_pylist() == expected


def test_200k_unique_bsns_stay_unique_valid_and_changed() -> None:
    numbers = unique_bsns(200_000, seed=1)
    texts = pa.array([f"{n:09d}" for n in numbers])
    out = bsn(texts, KEY).to_pylist()
    assert len(set(out)) == len(out) == 200_000
    assert all(is_bsn(v) for v in out[::20])  # python-stdnum on a sample
    assert bsn_valid_count(pa.array([int(v) for v in out], pa.int64())) == 200_000
    unchanged = sum(a == b for a, b in zip(out, texts.to_pylist(), strict=True))
    assert unchanged == 0
    as_ints = bsn(pa.array(numbers, pa.int64()), KEY)
    assert as_ints.type == pa.int64()
    assert [f"{v:09d}" for v in as_ints.to_pylist()] == out  # int and text columns join


def test_bsn_keeps_eight_digit_block_and_integer_type() -> None:
    eight = [n for n in unique_bsns(3000, seed=2) if n < 10**8]
    out = bsn(pa.array(eight, pa.int32()), KEY)
    assert out.type == pa.int32()
    assert all(v < 10**8 and is_bsn(str(v)) for v in out.to_pylist())


def test_iban_bijection_on_a_batch() -> None:
    rng = random.Random(3)
    values = [make_iban(rng.choice(BANKS), a) for a in rng.sample(range(10**10), 3000)]
    out = iban(pa.array(values), KEY).to_pylist()
    assert len(set(out)) == len(out)
    assert all(is_nl_iban(v) and v[4:8] in BANKS for v in out)
    assert sum(a == b for a, b in zip(out, values, strict=True)) == 0


def test_an_account_number_alone_becomes_its_iban_fakes_account() -> None:
    """A register writes the account beside the IBAN (SAP's BANKN): the account's fake is the
    account of the IBAN's fake, not a whole IBAN in an account column."""
    rng = random.Random(5)
    accounts = rng.sample(range(10**6, 10**10), 500)
    ibans = [make_iban(rng.choice(BANKS), a) for a in accounts]
    faked_ibans = iban(pa.array(ibans), KEY).to_pylist()
    faked_accounts = iban(pa.array([str(a) for a in accounts]), KEY).to_pylist()
    assert faked_accounts == [str(int(v[8:])) for v in faked_ibans]
    assert not set(faked_accounts) & {str(a) for a in accounts}


def test_postcodes_all_of_one_area_stay_unique() -> None:
    codes = [f"{d} {p}" for d in (1011, 3511, 9999) for p in PAIRS]
    for keep in (False, True):
        out = postcode(pa.array(codes), KEY, keep_digits=keep).to_pylist()
        assert len(set(out)) == len(out) and all(is_postcode(v) for v in out)
        assert all(a != b for a, b in zip(out, codes, strict=True))
        if keep:
            assert [v[:4] for v in out] == [c[:4] for c in codes]


def test_mobile_numbers_stay_unique_and_valid() -> None:
    rng = random.Random(4)
    numbers = [f"06{rng.choice('12345')}{s:07d}" for s in rng.sample(range(10**7), 400)]
    out = phone(pa.array(numbers), KEY).to_pylist()
    assert len(set(out)) == len(set(numbers))
    assert all(is_phone(v) and v[:3] == n[:3] for v, n in zip(out, numbers, strict=True))
    assert sum(a == b for a, b in zip(out, numbers, strict=True)) == 0


OPERATORS: dict[str, tuple[Callable[[pa.Array, Key], pa.Array], st.SearchStrategy[str]]] = {
    "bsn": (bsn, st.integers(1, 10**8 - 1).map(make_bsn).filter(bool).map(lambda n: f"{n:09d}")),
    "iban": (
        iban,
        st.builds(make_iban, st.sampled_from(BANKS), st.integers(0, 10**10 - 1)),
    ),
    "postcode": (
        postcode,
        st.builds(lambda d, p: f"{d} {p}", st.integers(1000, 9999), st.sampled_from(PAIRS)),
    ),
    "pseudonymize": (pseudonymize, st.from_regex(r"[A-Z]{2}-?[0-9]{3,8}[a-z]?", fullmatch=True)),
}
VALID: dict[str, Callable[[str], bool]] = {
    "bsn": is_bsn,
    "iban": is_nl_iban,
    "postcode": is_postcode,
    "pseudonymize": lambda v: True,
}


@pytest.mark.parametrize("name", sorted(OPERATORS))
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_keyed_deterministic_valid_and_changed(name: str, data: st.DataObject) -> None:
    operator, strategy = OPERATORS[name]
    values = data.draw(st.lists(strategy, min_size=1, max_size=8, unique=True))
    array = pa.array([*values, None])
    first = operator(array, KEY).to_pylist()
    assert first == operator(array, KEY).to_pylist()
    assert first[-1] is None
    out = first[:-1]
    assert len(set(out)) == len(out)
    assert all(VALID[name](v) for v in out)
    assert sum(a == b for a, b in zip(out, values, strict=True)) == 0
    other = operator(array, OTHER).to_pylist()[:-1]
    assert other != out


def test_pseudonymize_keeps_character_classes() -> None:
    values = ["AB-123456-x", "V1234567890", "12345678901234567890123", "-"]
    out = pseudonymize(pa.array(values), KEY).to_pylist()
    for before, after in zip(values, out, strict=True):
        assert len(before) == len(after)
        for a, b in zip(before, after, strict=True):
            assert (a.isdigit(), a.isupper(), a.islower()) == (
                b.isdigit(),
                b.isupper(),
                b.islower(),
            )
    assert out[:3] != values[:3] and out[3] == "-"
    ints = pseudonymize(pa.array([7, 12345, -987, None], pa.int64()), KEY).to_pylist()
    assert ints[3] is None and [len(str(abs(v))) for v in ints[:3]] == [1, 5, 3] and ints[2] < 0

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.permutation import KeyedPermutation
from sluis.keys import Key

KEY = Key(bytes(32))


@pytest.mark.parametrize("size", [2, 3, 7, 10, 97, 256, 1000, 4099])
def test_exhaustive_bijection_and_derangement(size: int) -> None:
    perm = KeyedPermutation(KEY, size)
    domain = pa.array(range(size), pa.int64())
    image = perm.forward(domain)
    assert sorted(image.to_pylist()) == list(range(size))
    assert perm.inverse(image).to_pylist() == list(range(size))
    deranged = perm.derange(domain)
    assert sorted(deranged.to_pylist()) == list(range(size))
    assert not pc.any(pc.equal(deranged, domain)).as_py()
    assert perm.underange(deranged).to_pylist() == list(range(size))


def test_member_restriction_is_a_bijection_of_the_subset() -> None:
    def even(values: pa.Array, _tweak: pa.Array | None) -> pa.Array:
        return pc.equal(pc.bit_wise_and(values, 1), 0)

    perm = KeyedPermutation(KEY, 500, member=even)
    evens = pa.array(range(0, 500, 2), pa.int64())
    for image in (perm.forward(evens), perm.derange(evens)):
        assert sorted(image.to_pylist()) == evens.to_pylist()


def test_tweaks_give_independent_bijections() -> None:
    perm = KeyedPermutation(KEY, 300, tweak_bound=4)
    domain = pa.array(list(range(300)) * 2, pa.int64())
    tweaks = pa.array([1] * 300 + [3] * 300, pa.int64())
    image = perm.forward(domain, tweaks).to_pylist()
    assert sorted(image[:300]) == list(range(300)) == sorted(image[300:])
    assert image[:300] != image[300:]
    assert perm.inverse(pa.array(image, pa.int64()), tweaks).to_pylist() == domain.to_pylist()


def test_tabulated_and_direct_round_functions_agree() -> None:
    size = 90_000
    batch = pa.array(range(size), pa.int64())
    table = KeyedPermutation(KEY, size).forward(batch).to_pylist()
    fresh = KeyedPermutation(KEY, size)
    assert [fresh.forward(x) for x in (0, 17, 89_999)] == [table[0], table[17], table[89_999]]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="at least 8 rounds"):
        KeyedPermutation(KEY, 10, rounds=4)
    with pytest.raises(ValueError, match="outside the domain"):
        KeyedPermutation(KEY, 10).forward(10)


@settings(max_examples=25, deadline=None)
@given(
    material=st.binary(min_size=32, max_size=32),
    size=st.integers(min_value=2, max_value=10**15),
    data=st.data(),
)
def test_inverse_and_derange_properties(material: bytes, size: int, data: st.DataObject) -> None:
    perm = KeyedPermutation(Key(material), size)
    x = data.draw(st.integers(min_value=0, max_value=size - 1))
    y = perm.forward(x)
    assert 0 <= y < size and perm.inverse(y) == x
    d = perm.derange(x)
    assert d != x and 0 <= d < size and perm.underange(d) == x


@settings(max_examples=30, deadline=None)
@given(
    size=st.integers(min_value=1000, max_value=10**12), x=st.integers(min_value=0, max_value=900)
)
def test_other_key_other_permutation(size: int, x: int) -> None:
    a, b = KeyedPermutation(KEY, size), KeyedPermutation(Key(b"\1" * 32), size)
    xs = pa.array(range(x, x + 20), pa.int64())
    assert a.forward(xs).to_pylist() != b.forward(xs).to_pylist()

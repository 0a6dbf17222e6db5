"""RFC 6962 hashing, proofs and the frontier: published vectors, hand-built trees, properties."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from sluis.registers.merkle import (
    EMPTY_ROOT,
    Frontier,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    list_subtree,
    node_hash,
    perfect_subtree,
    root_of,
    verify_consistency,
    verify_inclusion,
)

# The leaves and roots of the RFC 6962 test tree used by Certificate Transparency
# implementations (sizes 1..8).
DATA = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    bytes(range(0x50, 0x58)),
    bytes(range(0x60, 0x70)),
]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
LEAVES = [leaf_hash(d) for d in DATA]


def sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def test_hashing_follows_rfc_6962_by_hand() -> None:
    a, b, c = (sha(b"\x00" + d) for d in (b"a", b"b", b"c"))
    assert [leaf_hash(x) for x in (b"a", b"b", b"c")] == [a, b, c]
    assert node_hash(a, b) == sha(b"\x01" + a + b)
    assert root_of([a, b, c]) == sha(b"\x01" + sha(b"\x01" + a + b) + c)
    assert root_of([]) == EMPTY_ROOT == sha(b"")


def test_roots_match_published_vectors() -> None:
    for size, expected in enumerate(ROOTS, 1):
        assert root_of(LEAVES[:size]).hex() == expected
        frontier = Frontier()
        for leaf in LEAVES[:size]:
            frontier.append(leaf)
        assert frontier.root().hex() == expected


def test_inclusion_proofs_by_hand() -> None:
    tree = list_subtree(LEAVES)
    h = LEAVES
    assert inclusion_proof(0, 1, tree) == []
    assert inclusion_proof(0, 3, tree) == [h[1], h[2]]
    assert inclusion_proof(6, 7, tree) == [node_hash(h[4], h[5]), root_of(h[:4])]
    assert inclusion_proof(3, 8, tree) == [h[2], node_hash(h[0], h[1]), root_of(h[4:8])]


def test_consistency_proofs_by_hand() -> None:
    tree = list_subtree(LEAVES)
    h = LEAVES
    # RFC 6962 §2.1.3 examples: tree of 7 leaves against sizes 3, 4 and 6.
    assert consistency_proof(3, 7, tree) == [
        h[2],
        h[3],
        node_hash(h[0], h[1]),
        root_of(h[4:7]),
    ]
    assert consistency_proof(4, 7, tree) == [root_of(h[4:7])]
    assert consistency_proof(6, 7, tree) == [node_hash(h[4], h[5]), h[6], root_of(h[:4])]
    for old in range(1, 8):
        proof = consistency_proof(old, 8, tree)
        assert verify_consistency(old, 8, root_of(h[:old]), root_of(h), proof)


def test_wrong_proofs_fail() -> None:
    tree = list_subtree(LEAVES)
    root = root_of(LEAVES)
    proof = inclusion_proof(5, 8, tree)
    assert verify_inclusion(5, 8, LEAVES[5], proof, root)
    assert not verify_inclusion(4, 8, LEAVES[5], proof, root)
    assert not verify_inclusion(5, 8, LEAVES[4], proof, root)
    assert not verify_inclusion(5, 8, LEAVES[5], proof, root_of(LEAVES[:7]))
    assert not verify_inclusion(5, 4, LEAVES[5], proof, root)
    assert not verify_inclusion(5, 8, LEAVES[5], proof[:-1], root)
    assert not verify_inclusion(8, 8, LEAVES[5], proof, root)
    assert not verify_consistency(3, 8, root_of(LEAVES[:3]), root, [])
    assert not verify_consistency(8, 3, root, root_of(LEAVES[:3]), [])


def test_frontier_reports_every_perfect_subtree() -> None:
    frontier, stored = Frontier(), {}
    for index, leaf in enumerate(LEAVES):
        stored[(0, index)] = leaf
        for level, idx, value in frontier.append(leaf):
            stored[(level, idx)] = value
    assert sorted(k for k in stored if k[0] > 0) == [
        (1, 0),
        (1, 1),
        (1, 2),
        (1, 3),
        (2, 0),
        (2, 1),
        (3, 0),
    ]
    assert stored[(3, 0)] == root_of(LEAVES)
    reloaded = Frontier.load(7, lambda level, idx: stored[(level, idx)])
    assert reloaded.root() == root_of(LEAVES[:7])


leaves_strategy = st.lists(st.binary(max_size=8), min_size=1, max_size=70).map(
    lambda items: [leaf_hash(i) for i in items]
)


@given(leaves_strategy, st.data())
def test_every_inclusion_proof_verifies(leaves: list[bytes], data: st.DataObject) -> None:
    size = data.draw(st.integers(1, len(leaves)))
    index = data.draw(st.integers(0, size - 1))
    root = root_of(leaves[:size])
    proof = inclusion_proof(index, size, list_subtree(leaves))
    assert verify_inclusion(index, size, leaves[index], proof, root)
    assert not verify_inclusion(index, size, leaf_hash(b"other"), proof, root)


@given(leaves_strategy, st.data())
def test_every_consistency_proof_verifies(leaves: list[bytes], data: st.DataObject) -> None:
    new = data.draw(st.integers(0, len(leaves)))
    old = data.draw(st.integers(0, new))
    proof = consistency_proof(old, new, list_subtree(leaves))
    old_root, new_root = root_of(leaves[:old]), root_of(leaves[:new])
    assert verify_consistency(old, new, old_root, new_root, proof)
    if 0 < old < new:
        assert not verify_consistency(old, new, leaf_hash(b"forged"), new_root, proof)
        assert not verify_consistency(old, new, old_root, leaf_hash(b"forged"), proof)


@given(leaves_strategy)
def test_stored_subtrees_give_the_same_proofs(leaves: list[bytes]) -> None:
    frontier, stored = Frontier(), {}
    for index, leaf in enumerate(leaves):
        stored[(0, index)] = leaf
        for level, idx, value in frontier.append(leaf):
            stored[(level, idx)] = value
    assert frontier.root() == root_of(leaves)
    from_store = perfect_subtree(lambda level, idx: stored[(level, idx)])
    in_memory = list_subtree(leaves)
    n = len(leaves)
    for index in range(n):
        assert inclusion_proof(index, n, from_store) == inclusion_proof(index, n, in_memory)
    for old in range(n + 1):
        assert consistency_proof(old, n, from_store) == consistency_proof(old, n, in_memory)

"""An append-only Merkle tree with RFC 6962 (Certificate Transparency) hashing.

Leaf hash ``SHA-256(0x00 || data)``, node hash ``SHA-256(0x01 || left || right)``, the
empty tree's root ``SHA-256("")``. A tree of ``n`` leaves splits at the largest power of
two below ``n`` (RFC 6962 §2.1). Proofs are built from a :data:`SubtreeHash` callable, so
the same code serves an in-memory list and a database holding perfect subtrees; they are
checked with the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, which need only hashes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

HASH_BYTES = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()

SubtreeHash = Callable[[int, int], bytes]
"""``(start, end) -> `` the RFC 6962 hash of leaves ``[start, end)``; ``start`` is a
multiple of the largest power of two not above ``end - start``."""


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """The largest power of two strictly below ``n`` (``n >= 2``)."""
    return 1 << ((n - 1).bit_length() - 1)


def is_perfect(start: int, end: int) -> bool:
    """Whether ``[start, end)`` is one perfect subtree: a power of two, aligned."""
    size = end - start
    return size > 0 and size & (size - 1) == 0 and start % size == 0


def root_of(leaves: Sequence[bytes]) -> bytes:
    """The root over leaf hashes ``leaves`` (not over raw data)."""
    if not leaves:
        return EMPTY_ROOT
    return list_subtree(leaves)(0, len(leaves))


def list_subtree(leaves: Sequence[bytes]) -> SubtreeHash:
    """A :data:`SubtreeHash` over an in-memory list of leaf hashes."""

    def subtree(start: int, end: int) -> bytes:
        if end - start == 1:
            return leaves[start]
        k = split_point(end - start)
        return node_hash(subtree(start, start + k), subtree(start + k, end))

    return subtree


def perfect_subtree(perfect: Callable[[int, int], bytes]) -> SubtreeHash:
    """A :data:`SubtreeHash` from ``perfect(level, index)``: the hash of the perfect
    subtree of ``2**level`` leaves starting at leaf ``index * 2**level``."""

    def subtree(start: int, end: int) -> bytes:
        if is_perfect(start, end):
            level = (end - start).bit_length() - 1
            return perfect(level, start >> level)
        k = split_point(end - start)
        return node_hash(subtree(start, start + k), subtree(start + k, end))

    return subtree


def inclusion_proof(index: int, size: int, subtree: SubtreeHash) -> list[bytes]:
    """The audit path of leaf ``index`` in the tree of the first ``size`` leaves."""
    if not 0 <= index < size:
        raise ValueError("leaf index outside the tree")

    def path(m: int, start: int, n: int) -> list[bytes]:
        if n == 1:
            return []
        k = split_point(n)
        if m < k:
            return [*path(m, start, k), subtree(start + k, start + n)]
        return [*path(m - k, start + k, n - k), subtree(start, start + k)]

    return path(index, 0, size)


def consistency_proof(old_size: int, new_size: int, subtree: SubtreeHash) -> list[bytes]:
    """The proof that the tree of ``old_size`` leaves is a prefix of that of ``new_size``."""
    if not 0 <= old_size <= new_size:
        raise ValueError("old tree size must lie between 0 and the new size")
    if old_size in (0, new_size):
        return []

    def subproof(m: int, start: int, n: int, complete: bool) -> list[bytes]:
        if m == n:
            return [] if complete else [subtree(start, start + n)]
        k = split_point(n)
        if m <= k:
            return [*subproof(m, start, k, complete), subtree(start + k, start + n)]
        return [*subproof(m - k, start + k, n - k, False), subtree(start, start + k)]

    return subproof(old_size, 0, new_size, True)


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    """Whether ``proof`` shows leaf hash ``leaf`` at ``index`` under ``root`` of ``size``."""
    if not 0 <= index < size:
        return False
    fn, sn, result = index, size - 1, leaf
    for sibling in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            result = node_hash(sibling, result)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            result = node_hash(result, sibling)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and result == root


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """Whether ``proof`` shows the tree ``(old_size, old_root)`` is a prefix of the other."""
    if not 0 <= old_size <= new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof and old_root == EMPTY_ROOT
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path = [old_root, *path]
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    first = second = path[0]
    for sibling in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            first = node_hash(sibling, first)
            second = node_hash(sibling, second)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            second = node_hash(second, sibling)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and first == old_root and second == new_root


@dataclass
class Frontier:
    """The compact range of a tree: hashes of its perfect subtrees, largest first.

    Appending a leaf costs O(log n) and reports every perfect subtree it completes, so a
    store can keep them and build any proof without reading all leaves.
    """

    size: int = 0
    hashes: list[bytes] = field(default_factory=list)

    @classmethod
    def load(cls, size: int, perfect: Callable[[int, int], bytes]) -> Frontier:
        """The frontier of the tree of ``size`` leaves, read through ``perfect``."""
        hashes, start = [], 0
        for level in range(size.bit_length() - 1, -1, -1):
            if size >> level & 1:
                hashes.append(perfect(level, start >> level))
                start += 1 << level
        return cls(size, hashes)

    def copy(self) -> Frontier:
        return Frontier(self.size, list(self.hashes))

    def append(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """Add leaf hash ``leaf``; returns the completed subtrees as ``(level, index, hash)``
        with level at least 1."""
        completed: list[tuple[int, int, bytes]] = []
        self.hashes.append(leaf)
        self.size += 1
        level, size = 0, self.size
        while size & 1 == 0:
            right = self.hashes.pop()
            left = self.hashes.pop()
            merged = node_hash(left, right)
            self.hashes.append(merged)
            level += 1
            size >>= 1
            completed.append((level, (self.size >> level) - 1, merged))
        return completed

    def root(self) -> bytes:
        if not self.hashes:
            return EMPTY_ROOT
        result = self.hashes[-1]
        for left in reversed(self.hashes[:-1]):
            result = node_hash(left, result)
        return result

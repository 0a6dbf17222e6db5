"""Both ends of a foreign key hold the same values, so they get the same category.

A column classified on its own can disagree with the column it refers to: ``handled_by``
reads as a person's name by its column name, while the ``username`` it refers to looks like
no known shape. Left alone, the drafted policy would keep one end and fake the other, which
breaks the join, or keep the personal data of both. The category of the referenced column
wins when it has one, else the referring column's; the change is written in the evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sluis.model.privacy_map import ColumnFinding, TableFinding
from sluis.model.schema import Schema


def agree_across_keys(schema: Schema, findings: Sequence[TableFinding]) -> tuple[TableFinding, ...]:
    """``findings`` with every foreign key's two ends in one category (tables not scanned
    are left out of it)."""
    found = {(t.name, c.name): c for t in findings for c in t.columns}
    pairs = [pair for pair in schema.key_pairs() if set(pair) <= found.keys()]
    changed = True
    while changed:  # a chain of keys passes a category on, one link per round
        changed = False
        for mine, theirs in pairs:
            changed |= _agree(found, mine, theirs)
    return tuple(
        replace(t, columns=tuple(found[(t.name, c.name)] for c in t.columns)) for t in findings
    )


def _agree(
    found: dict[tuple[str, str], ColumnFinding], mine: tuple[str, str], theirs: tuple[str, str]
) -> bool:
    local, remote = found[mine], found[theirs]
    if local.category == remote.category:
        return False
    if remote.category is not None:
        found[mine] = _taken(local, remote, f"key:refers to {theirs[0]}.{theirs[1]}")
    else:
        found[theirs] = _taken(remote, local, f"key:referred to by {mine[0]}.{mine[1]}")
    return True


def _taken(finding: ColumnFinding, other: ColumnFinding, why: str) -> ColumnFinding:
    """``finding`` in the category of ``other``, the column at the key's other end."""
    return replace(
        finding,
        category=other.category,
        confidence=max(finding.confidence, other.confidence),
        evidence=(f"{why} ({other.category})", *finding.evidence),
    )

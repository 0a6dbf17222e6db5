"""The result of a scan: per table and column, the category found and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ColumnFinding:
    """One column's classification.

    ``evidence`` items are ``kind:detail`` strings that name patterns and percentages,
    never values (``name:bsn``, ``checksum:11-proef 100%``). ``contains`` lists the
    categories found inside free text, JSON or documents. ``look_alike`` lists the
    categories the values resemble although the column was judged not personal (case
    numbers that pass the 11-proef, surnames inside company names): a reviewer must confirm
    that.
    """

    name: str
    type: str
    category: str | None
    confidence: float
    evidence: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    look_alike: tuple[str, ...] = ()

    @property
    def personal(self) -> bool:
        return self.category is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "category": self.category,
            "confidence": round(self.confidence, 3),
            "evidence": list(self.evidence),
            "contains": list(self.contains),
            "look_alike": list(self.look_alike),
        }


@dataclass(frozen=True)
class TableFinding:
    name: str
    rows: int
    columns: tuple[ColumnFinding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "rows": self.rows,
            "columns": [c.to_dict() for c in self.columns],
        }


@dataclass(frozen=True)
class PrivacyMap:
    """Where personal data is in one source. ``source`` is the URL without password."""

    source: str
    tables: tuple[TableFinding, ...] = field(default=())

    @property
    def personal_columns(self) -> list[tuple[str, ColumnFinding]]:
        return [(t.name, c) for t in self.tables for c in t.columns if c.personal]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "tables": [t.to_dict() for t in self.tables]}

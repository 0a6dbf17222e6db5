"""The shape of a source: tables, columns, keys and constraints."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class LogicalType(StrEnum):
    """Backend-neutral column type; the native type is kept beside it."""

    INTEGER = "integer"
    FLOAT = "float"
    DECIMAL = "decimal"
    TEXT = "text"
    BOOLEAN = "boolean"
    DATE = "date"
    TIMESTAMP = "timestamp"
    TIME = "time"
    BLOB = "blob"
    JSON = "json"
    OTHER = "other"


@dataclass(frozen=True)
class Column:
    name: str
    type: LogicalType
    native_type: str = ""
    nullable: bool = True
    # PostgreSQL numbers the rows itself: "always" or "by default" (a serial column too).
    identity: str = ""


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    unique: tuple[tuple[str, ...], ...] = field(default=())

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


@dataclass(frozen=True)
class Schema:
    tables: tuple[Table, ...]

    def table(self, name: str) -> Table:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    def key_pairs(self) -> list[tuple[tuple[str, str], tuple[str, str]]]:
        """Every column of a foreign key with the column it refers to, as
        ``((table, column), (referenced table, referenced column))``."""
        return [
            ((table.name, local), (fk.ref_table, remote))
            for table in self.tables
            for fk in table.foreign_keys
            for local, remote in zip(fk.columns, fk.ref_columns, strict=True)
        ]

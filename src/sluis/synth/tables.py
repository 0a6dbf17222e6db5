"""Declare tables once and write them as SQLite or PostgreSQL DDL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Logical column kinds and their native types per dialect.
_SQLITE = {
    "pk": "INTEGER PRIMARY KEY",
    "int": "INTEGER",
    "bigint": "INTEGER",
    "text": "TEXT",
    "date": "DATE",
    "ts": "TIMESTAMP",
    "money": "NUMERIC(10,2)",
    "blob": "BLOB",
    "json": "JSON",
}
_POSTGRES = {
    "pk": "integer PRIMARY KEY",
    "int": "integer",
    "bigint": "bigint",
    "text": "text",
    "date": "date",
    "ts": "timestamp",
    "money": "numeric(10,2)",
    "blob": "bytea",
    "json": "jsonb",
}


@dataclass(frozen=True)
class Col:
    name: str
    kind: str
    references: str = ""  # "table(column)" for a foreign key
    not_null: bool = False


@dataclass(frozen=True)
class TableDef:
    name: str
    columns: tuple[Col, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self, dialect: str) -> str:
        """``CREATE TABLE`` for ``sqlite`` or ``postgres``, foreign keys declared inline."""
        types = _SQLITE if dialect == "sqlite" else _POSTGRES
        parts = []
        for col in self.columns:
            line = f"{col.name} {types[col.kind]}"
            if col.not_null:
                line += " NOT NULL"
            if col.references:
                line += f" REFERENCES {col.references}"
            parts.append(line)
        return f"CREATE TABLE {self.name} (\n  " + ",\n  ".join(parts) + "\n)"

    def insert_sql(self) -> str:
        marks = ", ".join("?" for _ in self.columns)
        return f"INSERT INTO {self.name} ({', '.join(self.column_names)}) VALUES ({marks})"


def table(name: str, columns: Sequence[Col]) -> TableDef:
    return TableDef(name, tuple(columns))

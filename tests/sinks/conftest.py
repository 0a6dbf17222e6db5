"""Targets of every backend, each with a way to list what staging left behind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

BACKENDS = ("sqlite", "postgres", "parquet", "csv")


@dataclass
class Target:
    kind: str
    url: str
    residue: Callable[[], list[str]]


def _file_residue(folder: Path) -> Callable[[], list[str]]:
    return lambda: sorted(p.name for p in folder.iterdir() if ".sluis-" in p.name)


def _pg_residue(url: str) -> Callable[[], list[str]]:
    def residue() -> list[str]:
        with psycopg.connect(url, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'sluis\\_staging\\_%'"
            ).fetchall()
        return [str(r[0]) for r in rows]

    return residue


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Target:
    kind = str(request.param)
    if kind == "postgres":
        url = str(request.getfixturevalue("pg_db"))
        return Target(kind, url, _pg_residue(url))
    out = tmp_path / "out"
    out.mkdir()
    url = {"sqlite": f"{out / 'copy.db'}", "parquet": f"parquet:{out / 'copy'}"}.get(
        kind, f"csv:{out / 'copy'}"
    )
    return Target(kind, url, _file_residue(out))

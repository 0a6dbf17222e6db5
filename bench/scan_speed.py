"""How long ``sluis scan`` takes on a database of about 1 GB, against a plain full read.

The database is the demo schema scaled up: a pool of rows from the demo generator is
repeated with every column rotated by its own offset, so each copy holds new combinations
of values, while ids and foreign keys are shifted to stay consistent. It is built once
and kept in ``bench/out/`` (ignored by git).

Baselines in the same run: ``cat`` of the file to /dev/null (disk and page cache) and a
``SELECT *`` over every table with Python's ``sqlite3`` (what any full read costs).
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sluis.synth.demo import generate
from sluis.synth.tables import TableDef

OUT_DIR = Path(__file__).parent / "out"
DB_PATH = OUT_DIR / "speed.db"
TARGET_BYTES = 1_000_000_000
POOL_APPLICANTS = 10_000
GENERATOR_VERSION = 1
TARGET_SECONDS = 60.0
_SINGLE_COPY = {"landen", "diploma_niveaus", "employees"}


@dataclass(frozen=True)
class SpeedResult:
    size_bytes: int
    rows: int
    tables: int
    columns: int
    build_seconds: float  # 0 when the cached file was used
    cat_seconds: float
    select_seconds: float
    scan_seconds: float

    @property
    def ratio(self) -> float:
        return self.scan_seconds / self.select_seconds if self.select_seconds else 0.0

    @property
    def passed(self) -> bool:
        return self.scan_seconds < TARGET_SECONDS

    def lines(self) -> list[str]:
        built = f"built in {self.build_seconds:.0f} s" if self.build_seconds else "cached"
        return [
            f"- database: {self.size_bytes / 1e9:.2f} GB, {self.tables} tables, "
            f"{self.columns} columns, {self.rows:,} rows ({built})",
            f"- `sluis scan` (default options): **{self.scan_seconds:.1f} s** "
            f"(target < {TARGET_SECONDS:.0f} s)",
            f"- baseline `SELECT *` over every table (sqlite3): {self.select_seconds:.1f} s; "
            f"scan / full read = {self.ratio:.2f}",
            f"- baseline `cat` to /dev/null: {self.cat_seconds:.1f} s",
        ]


def _shift_columns(tdef: TableDef) -> tuple[list[int], list[int]]:
    """Indexes of columns to offset (ids and keys of repeated tables) and to rotate."""
    offset, rotate = [], []
    for i, col in enumerate(tdef.columns):
        ref_table = col.references.split("(")[0]
        if col.kind == "pk" or (ref_table and ref_table not in _SINGLE_COPY):
            offset.append(i)
        elif not (ref_table in _SINGLE_COPY and ref_table):
            rotate.append(i)
    return offset, rotate


def build(path: Path = DB_PATH, target_bytes: int = TARGET_BYTES, seed: int = 7) -> float:
    """Write the speed database; returns seconds taken. Replaces any file at ``path``."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    pools = list(generate(POOL_APPLICANTS, seed))
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    for tdef, rows in pools:
        conn.execute(tdef.ddl("sqlite").replace("code TEXT NOT NULL", "code TEXT PRIMARY KEY"))
        if tdef.name in _SINGLE_COPY:
            conn.executemany(tdef.insert_sql(), rows)
    conn.commit()
    repeated = [(t, r) for t, r in pools if t.name not in _SINGLE_COPY]
    rng = random.Random(seed)
    copy = 0
    while tmp.stat().st_size < target_bytes:
        for tdef, rows in repeated:
            offset_cols, rotate_cols = _shift_columns(tdef)
            columns: list[list[Any]] = [list(c) for c in zip(*rows, strict=True)]
            n = len(rows)
            for i in rotate_cols:
                k = rng.randrange(n) if copy else 0
                columns[i] = columns[i][k:] + columns[i][:k]
            for i in offset_cols:
                shift = copy * _pool_size(pools, tdef, i)
                columns[i] = [v + shift if v is not None else None for v in columns[i]]
            conn.executemany(tdef.insert_sql(), zip(*columns, strict=True))
        conn.commit()
        copy += 1
    conn.close()
    tmp.replace(path)
    _meta_path(path).write_text(json.dumps(_meta(target_bytes, seed)))
    return time.perf_counter() - started


def _pool_size(pools: list[tuple[TableDef, list[tuple[Any, ...]]]], tdef: TableDef, i: int) -> int:
    """Rows in the pool of the table that column ``i`` of ``tdef`` identifies or refers to."""
    col = tdef.columns[i]
    target = tdef.name if col.kind == "pk" else col.references.split("(")[0]
    return next(len(rows) for t, rows in pools if t.name == target)


def _meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _meta(target_bytes: int, seed: int) -> dict[str, int]:
    return {"version": GENERATOR_VERSION, "target_bytes": target_bytes, "seed": seed}


def ensure(path: Path = DB_PATH, target_bytes: int = TARGET_BYTES, seed: int = 7) -> float:
    """Build the database unless a matching cached copy exists; seconds spent building."""
    meta = _meta_path(path)
    if (
        path.exists()
        and meta.exists()
        and json.loads(meta.read_text()) == _meta(target_bytes, seed)
    ):
        return 0.0
    return build(path, target_bytes, seed)


def full_read(path: Path) -> tuple[float, int, int, int]:
    """Seconds to ``SELECT *`` every table, with the table, column and row counts."""
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = columns = 0
    names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for name in names:
        cursor = conn.execute(f'SELECT * FROM "{name}"')
        columns += len(cursor.description)
        while batch := cursor.fetchmany(10_000):
            rows += len(batch)
    conn.close()
    return time.perf_counter() - started, len(names), columns, rows


def cat_seconds(path: Path) -> float:
    started = time.perf_counter()
    subprocess.run(["cat", str(path)], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def run(path: Path = DB_PATH, target_bytes: int = TARGET_BYTES) -> SpeedResult:
    build_seconds = ensure(path, target_bytes)
    cat = cat_seconds(path)
    select, tables, columns, rows = full_read(path)
    from sluis.discover.scanner import ScanOptions, scan

    started = time.perf_counter()
    scan(str(path), ScanOptions())
    scan_time = time.perf_counter() - started
    return SpeedResult(
        size_bytes=path.stat().st_size,
        rows=rows,
        tables=tables,
        columns=columns,
        build_seconds=build_seconds,
        cat_seconds=cat,
        select_seconds=select,
        scan_seconds=scan_time,
    )


def main() -> int:
    result = run()
    print("\n".join(result.lines()))
    return 0 if result.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())

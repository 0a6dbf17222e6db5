"""Show one row of the synthetic demo before and after anonymization, side by side.

Only for the demo's invented data: on real data this would print personal values, so
it refuses any database that the demo generator did not write.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sluis.synth.demo import is_demo_db


def show(before: Path, after: Path, table: str = "applicants", row_id: int = 1) -> Table:
    """A rich table of the row with ``id = row_id`` in both databases."""
    with closing(sqlite3.connect(before)) as source, closing(sqlite3.connect(after)) as copy:
        if not is_demo_db(source):
            raise SystemExit(f"{before} is not the synthetic demo database; refusing to show rows")
        query = f'SELECT * FROM "{table}" WHERE id = ?'  # table comes from the demo's own names
        cursor = source.execute(query, (row_id,))
        names = [d[0] for d in cursor.description]
        original = cursor.fetchone()
        replaced = copy.execute(query, (row_id,)).fetchone()
    grid = Table(title=f"{table}, row {row_id}: synthetic production vs. anonymized copy")
    for header in ("column", "production (synthetic)", "test copy"):
        grid.add_column(header, overflow="fold")
    for name, old, new in zip(names, original, replaced, strict=True):
        style = None if old == new else "green"
        grid.add_row(name, _cell(old), _cell(new), style=style)
    return grid


def _cell(value: object) -> str:
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return "NULL" if value is None else str(value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sluis.synth.before_after")
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--table", default="applicants")
    parser.add_argument("--id", type=int, default=1)
    args = parser.parse_args(argv)
    Console(width=120).print(show(args.before, args.after, args.table, args.id))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

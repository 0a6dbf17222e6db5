"""BSNs written in the 2-2-2-3 grouping (``13.22.37.945``) keep it in the copy, so a pseudonym
may read as an IPv4 address (``57.18.37.141``); the rescan (V4) accounts for that and the
drafted copy publishes (before, V4 refused it)."""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from sluis.synth import identifiers
from tests.cli.drafted import drafted_copy

DDL = "CREATE TABLE klanten (id INTEGER PRIMARY KEY, bsn TEXT, woonplaats TEXT)"
_GROUPED = re.compile(r"\d\d\.\d\d\.\d\d\.\d\d\d")


def _rows() -> list[tuple[int, str, str]]:
    rng = random.Random(8)
    rows = []
    for i in range(1, 401):
        digits = identifiers.bsn(rng).zfill(9)
        dotted = f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
        rows.append((i, dotted, rng.choice(["Utrecht", "Zwolle", "Breda"])))
    return rows


def test_dotted_bsns_publish_in_their_notation(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    source = sqlite_db(DDL, {"klanten": _rows()})
    rules, target = drafted_copy(str(source), tmp_path)
    assert rules["klanten"]["columns"]["bsn"]["rule"] == "pseudonymize"
    with closing(sqlite3.connect(target)) as db:
        copied = [r[0] for r in db.execute("SELECT bsn FROM klanten ORDER BY id")]
    originals = [row[1] for row in _rows()]
    assert all(_GROUPED.fullmatch(c) for c in copied)
    assert not set(copied) & set(originals)
    ip_shaped = [c for c in copied if all(int(part) <= 255 for part in c.split("."))]
    assert ip_shaped, "no pseudonym reads as an IPv4 address: the case is not exercised"

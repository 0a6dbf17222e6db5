"""Affected persons come from data: a scan of the leaked dataset or a list of ids."""

from __future__ import annotations

import random
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.errors import InputError
from sluis.keys import Key
from sluis.registers.affected import FunctionSource, IdListSource, ScanSource
from sluis.registers.pseudonym import subject_pseudonym

KEY = Key(bytes(range(32)))


def bsn_from(seed: int) -> str:
    """A synthetic nine-digit number that passes the 11-proef."""
    rng = random.Random(seed)
    while True:
        digits = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


BSNS = [bsn_from(n) for n in range(6)]
NOT_A_BSN = "123456789"  # fails the 11-proef
# Rows of the leaked table: (id, bsn column, free-text note, amount)
ROWS = [
    (1, BSNS[0], "called back", 12.5),
    (2, BSNS[1], f"partner has bsn {BSNS[2]}", 3.0),
    (3, NOT_A_BSN, "no valid number here", 1.0),
    (4, BSNS[0], "second record of the same person", 2.0),
    (5, None, f"BSN: {BSNS[3]}", 4.0),
    (6, None, "nothing", 5.0),
]
EXPECTED = frozenset(subject_pseudonym(KEY, "bsn", b) for b in BSNS[:4])
EXPECTED_RECORDS = 4


def _sqlite(tmp_path: Path) -> str:
    path = tmp_path / "leaked.db"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE clients (id INTEGER PRIMARY KEY, bsn TEXT, note TEXT, amount REAL)"
        )
        db.executemany("INSERT INTO clients VALUES (?, ?, ?, ?)", ROWS)
    return f"sqlite:///{path}"


def _table() -> pa.Table:
    columns = list(zip(*ROWS, strict=True))
    return pa.table(
        {
            "id": pa.array(columns[0], pa.int64()),
            "bsn": pa.array(columns[1], pa.string()),
            "note": pa.array(columns[2], pa.string()),
            "amount": pa.array(columns[3], pa.float64()),
        }
    )


def _parquet(tmp_path: Path) -> str:
    (tmp_path / "leak").mkdir()
    pq.write_table(_table(), tmp_path / "leak" / "clients.parquet")
    return f"parquet:{tmp_path / 'leak'}"


def _csv(tmp_path: Path) -> str:
    folder = tmp_path / "leakcsv"
    folder.mkdir()
    lines = ["id,bsn,note,amount"] + [f"{i},{b or ''},{n},{a}" for i, b, n, a in ROWS]
    (folder / "clients.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"csv:{folder}"


def _postgres(tmp_path: Path, url: str) -> str:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE clients (id INTEGER PRIMARY KEY, bsn TEXT, note TEXT, amount REAL)"
        )
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO clients VALUES (%s, %s, %s, %s)", ROWS)
    return url


MAKERS: dict[str, Callable[[Path], str]] = {"sqlite": _sqlite, "parquet": _parquet, "csv": _csv}


@pytest.mark.parametrize("kind", ["sqlite", "parquet", "csv", "postgresql"])
def test_a_scan_finds_every_valid_bsn_in_cells_and_text(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if kind == "postgresql":
        url = _postgres(tmp_path, request.getfixturevalue("pg_db"))
    else:
        url = MAKERS[kind](tmp_path)
    found = ScanSource(url, KEY, batch_rows=2).derive()
    assert found.subject_ids == EXPECTED
    assert found.records == EXPECTED_RECORDS
    assert found.derivation.kind == "scan"
    description = found.derivation.description
    assert "4 records with a valid BSN, 4 distinct persons" in description
    assert "clients.bsn" in description and "clients.note" in description
    assert not any(b in description for b in [*BSNS, NOT_A_BSN])


def test_a_scan_can_be_narrowed_to_tables(tmp_path: Path) -> None:
    url = _sqlite(tmp_path)
    with pytest.raises(InputError, match="'nope' is not in the dataset"):
        ScanSource(url, KEY, tables=("nope",)).derive()
    assert ScanSource(url, KEY, tables=("clients",)).derive().persons == 4


def test_an_id_list_is_pseudonymized_and_checked(tmp_path: Path) -> None:
    good = tmp_path / "ids.txt"
    good.write_text(f"# affected\n{BSNS[0]}\n\n{BSNS[1]}\n{BSNS[0]}\n", encoding="utf-8")
    found = IdListSource(good, KEY).derive()
    assert found.subject_ids == {subject_pseudonym(KEY, "bsn", b) for b in BSNS[:2]}
    assert found.records is None
    assert "3 lines, 2 distinct persons" in found.derivation.description
    bad = tmp_path / "bad.txt"
    bad.write_text(f"{BSNS[0]}\n{NOT_A_BSN}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"lines 2\)") as caught:
        IdListSource(bad, KEY).derive()
    assert NOT_A_BSN not in str(caught.value)


def test_a_function_is_a_source_and_raw_ids_are_refused() -> None:
    pseudonyms = {subject_pseudonym(KEY, "bsn", b) for b in BSNS[:3]}
    source = FunctionSource("ledger", "disclosed to a municipality", lambda: pseudonyms)
    assert source.derive().persons == 3
    raw = FunctionSource("ledger", "raw ids by mistake", lambda: BSNS[:1])
    with pytest.raises(InputError, match="pseudonym") as caught:
        raw.derive()
    assert BSNS[0] not in str(caught.value)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=20))
def test_an_id_list_gives_one_pseudonym_per_distinct_person(seeds: list[int]) -> None:
    bsns = [bsn_from(s) for s in seeds]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ids.txt"
        path.write_text("\n".join(bsns) + "\n", encoding="utf-8")
        found = IdListSource(path, KEY).derive()
    assert found.persons == len(set(bsns))
    assert found.subject_ids == {subject_pseudonym(KEY, "bsn", b) for b in bsns}


def test_case_numbers_that_pass_the_eleven_proof_are_not_persons(tmp_path: Path) -> None:
    url = _sqlite(tmp_path)
    numbers = [(n,) for n in range(200_000_000, 200_000_060)]  # issued in sequence
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        db.execute("CREATE TABLE zaken (zaaknummer INTEGER)")
        db.executemany("INSERT INTO zaken VALUES (?)", numbers)
    found = ScanSource(url, KEY).derive()
    assert found.subject_ids == EXPECTED
    assert "zaken" not in found.derivation.description

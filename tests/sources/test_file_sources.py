"""Folders of Parquet and CSV files as sources."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sluis.errors import InputError, MissingTableError, SourceError
from sluis.model.schema import LogicalType
from sluis.sources import open_source
from sluis.sources.csv import sniff_delimiter


@pytest.fixture
def parquet_dir(tmp_path: Path) -> Path:
    people = pa.table(
        {
            "id": pa.array(range(1_000), pa.int64()),
            "name": pa.array([f"name {i}" for i in range(1_000)]),
            "score": pa.array([i / 3 for i in range(1_000)]),
            "born": pa.array([None] * 1_000, pa.date32()),
            "photo": pa.array([b"\x00"] * 1_000, pa.binary()),
        }
    )
    pq.write_table(people, tmp_path / "people.parquet", row_group_size=100)
    parts = tmp_path / "events"
    for year in (2023, 2024):
        (parts / f"year={year}").mkdir(parents=True)
        chunk = pa.table({"event": pa.array([f"e{year}-{i}" for i in range(50)])})
        pq.write_table(chunk, parts / f"year={year}" / "part-0.parquet")
    (tmp_path / "README.txt").write_text("not a table", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path


def test_parquet_schema(parquet_dir: Path) -> None:
    with open_source(f"parquet:{parquet_dir}") as source:
        schema = source.schema()
    assert [t.name for t in schema.tables] == ["events", "people"]
    people = schema.table("people")
    assert [(c.name, c.type) for c in people.columns] == [
        ("id", LogicalType.INTEGER),
        ("name", LogicalType.TEXT),
        ("score", LogicalType.FLOAT),
        ("born", LogicalType.DATE),
        ("photo", LogicalType.BLOB),
    ]
    assert people.primary_key == ()
    assert people.foreign_keys == ()
    events = schema.table("events")
    assert [c.name for c in events.columns] == ["event", "year"]


def test_parquet_batches(parquet_dir: Path) -> None:
    with open_source(f"parquet:{parquet_dir}") as source:
        assert source.row_count("people") == 1_000
        assert source.row_count("events") == 100
        batches = list(source.batches("people", ["score", "id"], batch_rows=64))
        assert all(0 < b.num_rows <= 64 for b in batches)
        assert len(batches) >= 16
        assert batches[0].schema.names == ["score", "id"]
        ids = pa.Table.from_batches(batches).column("id").to_pylist()
        assert sorted(ids) == list(range(1_000))
        limited = list(source.batches("people", batch_rows=30, limit=75))
        assert [b.num_rows for b in limited] == [30, 30, 15]


def test_parquet_rows_read_file_by_file_as_the_dataset_types_them(parquet_dir: Path) -> None:
    mixed = parquet_dir / "mixed"
    mixed.mkdir()
    pq.write_table(pa.table({"n": pa.array([1, 2], pa.int32())}), mixed / "a.parquet")
    pq.write_table(pa.table({"n": pa.array([3], pa.int64())}), mixed / "b.parquet")
    nested = pa.table({"a": pa.array([{"b": 5}, {"b": 6}]), "a.b": pa.array([1, 2])})
    pq.write_table(nested, parquet_dir / "dotted.parquet")
    with open_source(f"parquet:{parquet_dir}") as source:
        people = pa.Table.from_batches(source.batches("people", batch_rows=64))
        events = pa.Table.from_batches(source.batches("events"))  # a column from folder names
        numbers = pa.Table.from_batches(source.batches("mixed"))  # files typed apart
        typed = source.schema().table("mixed").column("n").native_type
        dotted = pa.Table.from_batches(source.batches("dotted", ["a.b"]))  # not the field b of a
    assert people.equals(pq.read_table(parquet_dir / "people.parquet"))
    assert sorted(events.column("year").to_pylist()) == [2023] * 50 + [2024] * 50
    assert str(numbers.column("n").type) == typed
    assert sorted(numbers.column("n").to_pylist()) == [1, 2, 3]
    assert dotted.column_names == ["a.b"] and dotted.column("a.b").to_pylist() == [1, 2]


def test_parquet_errors(parquet_dir: Path) -> None:
    (parquet_dir / "broken.parquet").write_bytes(b"not parquet at all")
    with open_source(f"parquet:{parquet_dir}") as source:
        with pytest.raises(MissingTableError):
            source.batches("absent")
        with pytest.raises(InputError, match="'nope'"):
            source.batches("people", ["nope"])
        with pytest.raises(SourceError, match="broken"):
            source.row_count("broken")
        with pytest.raises(SourceError, match="broken"):
            source.schema()
        assert source.row_count("people") == 1_000  # the other tables stay readable


BSN_CSV = "id,bsn,postcode,amount\n1,012345672,1234 AB,10.50\n2,,0101XY,7\n3,111222333,,\n"


@pytest.fixture
def csv_dir(tmp_path: Path) -> Path:
    (tmp_path / "people.csv").write_text(BSN_CSV, encoding="utf-8")
    (tmp_path / "semi.csv").write_text(
        'naam;woonplaats\n"Jansen; J.";Utrecht\nde Vries;\'s-Hertogenbosch\n',
        encoding="utf-8",
    )
    big = "n,code\n" + "".join(f"{i},{i:06d}\n" for i in range(5_000))
    (tmp_path / "big.csv").write_text(big, encoding="utf-8")
    return tmp_path


def test_csv_keeps_every_value_as_written(csv_dir: Path) -> None:
    with open_source(f"csv:{csv_dir}") as source:
        people = source.schema().table("people")
        assert [(c.name, c.type) for c in people.columns] == [
            ("id", LogicalType.TEXT),
            ("bsn", LogicalType.TEXT),
            ("postcode", LogicalType.TEXT),
            ("amount", LogicalType.TEXT),
        ]
        (batch,) = source.batches("people")
    names = ("id", "bsn", "postcode", "amount")
    assert batch.schema == pa.schema([(n, pa.string()) for n in names])
    assert batch.column("bsn").to_pylist() == ["012345672", "", "111222333"]
    assert batch.column("postcode").to_pylist() == ["1234 AB", "0101XY", ""]
    assert batch.column("amount").to_pylist() == ["10.50", "7", ""]


def test_csv_semicolon_delimiter(csv_dir: Path) -> None:
    with open_source(f"csv:{csv_dir}") as source:
        (batch,) = source.batches("semi")
    assert batch.schema.names == ["naam", "woonplaats"]
    assert batch.column("woonplaats").to_pylist() == ["Utrecht", "'s-Hertogenbosch"]


def test_csv_batches(csv_dir: Path) -> None:
    with open_source(f"csv:{csv_dir}") as source:
        assert sorted(t.name for t in source.schema().tables) == ["big", "people", "semi"]
        assert source.row_count("big") == 5_000
        batches = list(source.batches("big", ["code"], batch_rows=500))
        assert len(batches) >= 10
        assert all(0 < b.num_rows <= 500 for b in batches)
        codes = pa.Table.from_batches(batches).column("code").to_pylist()
        assert codes == [f"{i:06d}" for i in range(5_000)]
        assert sum(b.num_rows for b in source.batches("big", limit=1_234)) == 1_234
        with pytest.raises(MissingTableError):
            source.row_count("absent")


@pytest.mark.parametrize(
    ("header", "expected"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb", "\t"), ("a|b|c", "|"), ("single", ",")],
    ids=["comma", "semicolon", "tab", "pipe", "one-column"],
)
def test_sniff_delimiter(header: str, expected: str) -> None:
    assert sniff_delimiter(header) == expected


def test_csv_values_may_hold_line_breaks(tmp_path: Path) -> None:
    """Quoted values over several lines (pasted bank statements), more than one block of
    the reader: every row is read whole (before, a block that began inside a value split
    it into rows of its own)."""
    lines = "\n".join(
        f"2024-01-{d:02d};NL91ABNA0417164300;TERMIJN {d};-12,50" for d in range(1, 21)
    )
    statement = '"' + lines + '"'
    (tmp_path / "afschrift.csv").write_text(
        "id,tekst\n" + "".join(f"{i},{statement}\n" for i in range(3_000)), encoding="utf-8"
    )
    with open_source(f"csv:{tmp_path}") as source:
        rows = pa.Table.from_batches(list(source.batches("afschrift")))
    assert rows.num_rows == 3_000
    assert set(rows.column("tekst").to_pylist()) == {lines}

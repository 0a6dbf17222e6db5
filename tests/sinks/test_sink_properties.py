"""Invariants: any text survives a file sink unchanged; the staged PostgreSQL URL keeps
every option it was given."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.model.schema import Column, LogicalType, Schema, Table
from sluis.sinks import open_sink
from sluis.sinks.postgres import with_search_path
from sluis.sources import open_source

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
SCHEMA = Schema((Table("t", (Column("v", LogicalType.TEXT, "TEXT"),)),))


@settings(max_examples=25, deadline=None)
@given(values=st.lists(TEXT, min_size=1, max_size=20), kind=st.sampled_from(["sqlite", "csv"]))
def test_text_survives_a_round_trip(values: list[str], kind: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"{Path(tmp) / 'c.db'}" if kind == "sqlite" else f"csv:{Path(tmp) / 'c'}"
        with open_sink(url, SCHEMA) as sink:
            sink.create()
            sink.write("t", pa.record_batch({"v": pa.array(values, pa.string())}))
            sink.finish()
            sink.publish()
        with open_source(url) as source:
            back = [v for b in source.batches("t") for v in b.column(0).to_pylist()]
    assert back == values


@given(
    timeout=st.integers(1, 999),
    options=st.sampled_from([None, "-cstatement_timeout=5s"]),
    schema=st.from_regex(r"sluis_staging_[0-9a-f]{12}", fullmatch=True),
)
def test_search_path_is_added_to_the_options_given(
    timeout: int, options: str | None, schema: str
) -> None:
    url = f"postgresql://app:secret@db.example:5432/copy?connect_timeout={timeout}"
    if options:
        url += f"&options={options}"
    query = parse_qs(urlsplit(with_search_path(url, schema)).query)
    assert query["connect_timeout"] == [str(timeout)]
    expected = [o for o in (options, f"-csearch_path={schema}") if o]
    assert query["options"] == [" ".join(expected)]

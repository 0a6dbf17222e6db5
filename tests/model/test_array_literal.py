"""PostgreSQL array literals taken apart and put together again, against the rules and a
real server."""

from __future__ import annotations

import psycopg
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sluis.model import array_literal

CASES = [
    ("{}", []),
    ("{a,b}", ["a", "b"]),
    ('{"Kerkstraat 12","Dorp \\"x\\" weg",NULL}', ["Kerkstraat 12", 'Dorp "x" weg', None]),
    ('{ a , "NULL" , null }', ["a", "NULL", None]),
    ('{"a\\\\b","{c}",""}', ["a\\b", "{c}", ""]),
    ("{{1,2},{3,4}}", None),  # two dimensions: not taken apart
    ("[0:1]={a,b}", None),
    ("{a,,b}", None),
    ('{"a"b}', None),
    ('{"open}', None),
    ("Kerkstraat 12", None),
]


@pytest.mark.parametrize(("literal", "elements"), CASES)
def test_parse(literal: str, elements: list[str | None] | None) -> None:
    assert array_literal.parse(literal) == elements


@pytest.mark.parametrize(
    ("native", "array", "element"),
    [
        ("text[]", True, "text"),
        ("character varying(20)[]", True, "character varying(20)"),
        ("integer[][]", True, "integer"),
        ("text", False, "text"),
        ("varchar(9)", False, "varchar(9)"),
    ],
)
def test_array_types(native: str, array: bool, element: str) -> None:
    assert array_literal.is_array(native) is array
    assert array_literal.element_type(native) == element


elements = st.lists(st.one_of(st.none(), st.text(max_size=12)), max_size=6)


@given(elements)
def test_written_literals_read_back(values: list[str | None]) -> None:
    assert array_literal.parse(array_literal.write(values)) == values


def test_exploded_and_gathered_keep_each_cell_in_its_place() -> None:
    cells = pa.array(['{"Jan de Vries",NULL}', None, "{}", "{{a},{b}}", "{x,y,z}"])
    found, rows = array_literal.exploded(cells)
    assert rows.to_pylist() == [0, 0, 4, 4, 4]
    upper = pa.array([e.upper() if e else e for e in found.to_pylist()], pa.string())
    again = array_literal.gathered(cells, rows, upper).to_pylist()
    # The two-dimensional cell could not be replaced: it is not copied.
    assert again == ['{"JAN DE VRIES",NULL}', None, "{}", None, "{X,Y,Z}"]
    assert array_literal.joined(cells).to_pylist() == [
        "Jan de Vries",
        None,
        None,
        "{{a},{b}}",
        "x\ny\nz",
    ]


TRICKY = ["Kerkstraat 12", 'Dorp "x" weg', "a\\b", "{c}", "", "NULL", "null", " pad ", "é,ü"]


def test_postgresql_reads_what_is_written_and_writes_what_is_read(pg_db: str) -> None:
    values: list[str | None] = [*TRICKY, None]
    with psycopg.connect(pg_db) as conn:
        (printed,) = conn.execute("SELECT %s::text[]::text", [values]).fetchone()  # type: ignore[misc]
        assert array_literal.parse(printed) == values
        (read,) = conn.execute("SELECT %s::text[]", [array_literal.write(values)]).fetchone()  # type: ignore[misc]
        assert read == values

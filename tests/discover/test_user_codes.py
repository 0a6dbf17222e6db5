"""User codes of employees name them: a column of them is one of names."""

from __future__ import annotations

import pyarrow as pa
import pytest

from sluis.discover import user_codes
from sluis.discover.scanner import classify_column
from sluis.model.schema import Column, LogicalType


@pytest.mark.parametrize(
    ("value", "spells"),
    [
        ("JVBERG", True),  # J. van Berg
        ("AFEENSTRA", True),
        ("A.DGRAAF", True),  # A. de Graaf
        ("W.JANSSEN1", True),
        ("b.brouwer", True),
        ("K.VDMULDER", True),
        ("LOGIN", False),
        ("export", False),
        ("Jansen", False),  # a surname as written, no code
        ("JANSSEN", False),  # no initials before it
        ("j.vos", True),  # a short surname stands apart after the dot
        ("x.wu", True),
        ("jvos", False),  # too short a surname to tell, written together
        ("img.png", False),
        ("a.b", False),
        ("NAHEFFING", False),
    ],
)
def test_spells_surname(value: str, spells: bool) -> None:
    assert user_codes.spells_surname(value) is spells


CODES = ["WLAGERWEY", "JVBERG", "AFEENSTRA", "B.DHAAN", "g.brouwer", "S.MULDER", "j.vos",
         "t.steenbergen", "W.JANSSEN1", "M.KAMINSKI"]  # fmt: skip


def test_a_column_of_user_codes_is_one_of_names() -> None:
    found = classify_column(Column("usr", LogicalType.TEXT), pa.array(CODES * 30), is_key=False)
    assert found.category == "person.name"


# Codes of staff of many origins: short surnames written together ("lvos", "bkok"), letters
# beyond ASCII, surnames the lexicon lacks; a sixth of them.
SHORT = ["lvos", "bkok", "sbos", "jliu", "ł.kowalski", "ndewit", "jsmit", "f.intveld"]


def test_user_codes_of_short_and_foreign_surnames_are_one_of_names() -> None:
    cells = pa.array((CODES * 4 + SHORT) * 10)
    found = classify_column(Column("login", LogicalType.TEXT), cells, is_key=False)
    assert found.category == "person.name"


@pytest.mark.parametrize(
    ("name", "cells"),
    [
        ("actie", ["LOGIN", "EXPORT", "READ", "UPDATE", "DELETE", "SEARCH"]),
        ("status", ["open", "gesloten", "betaald", "herinnering", "invordering"]),
    ],
)
def test_words_in_one_case_are_no_user_codes(name: str, cells: list[str]) -> None:
    column = Column(name, LogicalType.TEXT)
    assert classify_column(column, pa.array(cells * 30), is_key=False).category is None

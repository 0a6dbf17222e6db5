"""The scan evaluation sets: labels cover every column, names are hand-written, traps exist."""

from __future__ import annotations

from pathlib import Path

import pytest
from stdnum.nl import bsn as std_bsn

from bench.eval_sets import DATABASES, FIRST_NAMES, SURNAMES, EvalSet, build_eval_sets
from sluis.model.categories import CATEGORIES
from tests.synth.labelled import assert_labels_cover, column_values, database_digest


@pytest.fixture(scope="module")
def eval_sets(tmp_path_factory: pytest.TempPathFactory) -> list[EvalSet]:
    return build_eval_sets(tmp_path_factory.mktemp("eval"), seed=11)


def test_at_least_four_databases(eval_sets: list[EvalSet]) -> None:
    assert len(eval_sets) >= 4
    assert len({s.name for s in eval_sets}) == len(eval_sets)


def test_labels_cover_every_column_of_every_table(eval_sets: list[EvalSet]) -> None:
    for eval_set in eval_sets:
        assert_labels_cover(eval_set)


def test_labels_are_known_categories() -> None:
    used = {
        label
        for spec in DATABASES
        for columns in spec.labels.values()
        for label in columns.values()
        if label is not None
    }
    assert used <= set(CATEGORIES)
    assert {"id.bsn", "finance.iban", "contact.email", "text.contains_pii"} <= used
    assert {"json.contains_pii", "blob.contains_pii", "person.name"} <= used


def test_every_database_has_columns_without_personal_data() -> None:
    for spec in DATABASES:
        nulls = sum(v is None for cols in spec.labels.values() for v in cols.values())
        assert nulls >= 5, spec.name


def test_name_lists_are_large_and_distinct() -> None:
    assert len(FIRST_NAMES) >= 300
    assert len(SURNAMES) >= 300
    assert len(set(FIRST_NAMES)) == len(FIRST_NAMES)
    assert len(set(SURNAMES)) == len(SURNAMES)


def _values(eval_set: EvalSet, table: str, column: str) -> list[object]:
    return [v for v in column_values(eval_set, table, column) if v is not None]


def test_traps_are_present(eval_sets: list[EvalSet]) -> None:
    by_name = {s.name: s for s in eval_sets}
    # Case numbers all pass the 11-proef and are labelled as not personal.
    cases = _values(by_name["aanvragen"], "applicant", "caseNo")
    assert by_name["aanvragen"].labels["applicant"]["caseNo"] is None
    assert sum(std_bsn.is_valid(str(v)) for v in cases) == len(cases)
    # BSNs stored as integers lose their leading zero.
    stored = _values(by_name["gemeente"], "inschrijving", "bsn")
    assert any(len(str(v)) == 8 for v in stored)
    assert sum(std_bsn.is_valid(str(v).zfill(9)) for v in stored) == len(stored)
    # Upper-case surnames and dd-mm-jjjj birth dates in text.
    last = [str(v) for v in _values(by_name["aanvragen"], "applicant", "lastName")]
    assert all(v == v.upper() for v in last)
    born = [str(v) for v in _values(by_name["aanvragen"], "applicant", "dateOfBirth")]
    assert all(len(v) == 10 and v[2] == "-" and v[5] == "-" for v in born)


def test_same_seed_same_files(eval_sets: list[EvalSet], tmp_path: Path) -> None:
    again = build_eval_sets(tmp_path, seed=11)
    assert [database_digest(s.path) for s in again] == [database_digest(s.path) for s in eval_sets]

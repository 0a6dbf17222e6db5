"""The holdout scan databases: labels cover every column, builds repeat, traps are present."""

from __future__ import annotations

from pathlib import Path

import pytest
from stdnum.nl import bsn as std_bsn

from bench.eval_sets import EvalSet
from bench.holdout_sets import DATABASES, FIRST_SEEN, FIRST_UNSEEN, build_holdout_sets
from sluis.model.categories import CATEGORIES
from tests.synth.labelled import assert_labels_cover, column_values, database_digest


@pytest.fixture(scope="module")
def holdout(tmp_path_factory: pytest.TempPathFactory) -> dict[str, EvalSet]:
    return {s.name: s for s in build_holdout_sets(tmp_path_factory.mktemp("holdout"), seed=23)}


def test_at_least_six_distinct_databases(holdout: dict[str, EvalSet]) -> None:
    assert len(holdout) >= 6
    assert len(holdout) == len(DATABASES)


def test_labels_cover_every_column_of_every_table(holdout: dict[str, EvalSet]) -> None:
    for eval_set in holdout.values():
        assert_labels_cover(eval_set, range(3_001))


def test_labels_are_known_categories_and_mixed() -> None:
    for spec in DATABASES:
        labels = [v for cols in spec.labels.values() for v in cols.values()]
        assert {v for v in labels if v is not None} <= set(CATEGORIES), spec.name
        assert sum(v is None for v in labels) >= 5, spec.name
        assert sum(v is not None for v in labels) >= 5, spec.name


def test_same_seed_same_files(holdout: dict[str, EvalSet], tmp_path: Path) -> None:
    again = build_holdout_sets(tmp_path, seed=23)
    assert [database_digest(s.path) for s in again] == [
        database_digest(holdout[s.name].path) for s in again
    ]


def test_most_people_have_names_from_the_unseen_list(holdout: dict[str, EvalSet]) -> None:
    firsts = [str(v) for v in column_values(holdout["hr_legacy"], "tblPersoon", "strFirstName")]
    unseen = set(FIRST_UNSEEN)
    assert not unseen & set(FIRST_SEEN)
    assert sum(f in unseen for f in firsts) / len(firsts) >= 0.5


def test_traps_are_present(holdout: dict[str, EvalSet]) -> None:
    # Sequential dossier numbers that all pass the 11-proef, labelled not personal.
    wide = holdout["brp_export"]
    dossiers = [int(str(v)) for v in column_values(wide, "EXP_PERS_W", "c02")]
    assert wide.labels["EXP_PERS_W"]["c02"] is None
    assert dossiers == sorted(dossiers)
    assert all(std_bsn.is_valid(str(v)) for v in dossiers)
    # BSNs stored as REAL floats.
    floats = column_values(holdout["hr_legacy"], "tblPersoon", "dblBSN")
    assert all(isinstance(v, float) for v in floats)
    assert all(std_bsn.is_valid(str(int(v)).zfill(9)) for v in floats if isinstance(v, float))
    # A NULL-heavy column: about 90 % NULL.
    second = column_values(holdout["saas_crm"], "customer", "phone_secondary")
    assert 0.8 <= sum(v is None for v in second) / len(second) <= 0.97
    # Empty tables exist and are labelled.
    assert column_values(holdout["saas_crm"], "export_job", "recipient_email") == []
    assert holdout["saas_crm"].labels["export_job"]["recipient_email"] == "contact.email"
    # Birth dates as yyyymmdd text.
    born = [str(v) for v in column_values(holdout["hr_legacy"], "tblPersoon", "dtmDOB")]
    assert all(len(v) == 8 and v.isdigit() for v in born)

"""The blind holdout databases: labels cover every column, builds repeat, traps are present."""

from __future__ import annotations

from pathlib import Path

import pytest
from stdnum.nl import bsn as std_bsn

from bench.blind_sets import (
    DATABASES,
    FIRST_SEEN,
    FIRST_UNSEEN,
    SURNAMES_SEEN,
    SURNAMES_UNSEEN,
    build_blind_sets,
)
from bench.eval_sets import EvalSet
from sluis.model.categories import CATEGORIES
from tests.synth.labelled import assert_labels_cover, column_values, database_digest

SEED = 37


@pytest.fixture(scope="module")
def blind(tmp_path_factory: pytest.TempPathFactory) -> dict[str, EvalSet]:
    return {s.name: s for s in build_blind_sets(tmp_path_factory.mktemp("blind"), seed=SEED)}


def test_at_least_six_distinct_databases(blind: dict[str, EvalSet]) -> None:
    assert len(blind) >= 6
    assert len(blind) == len(DATABASES)


def test_labels_cover_every_column_of_every_table(blind: dict[str, EvalSet]) -> None:
    for eval_set in blind.values():
        assert_labels_cover(eval_set, range(1, 2_001))


def test_labels_are_known_categories_and_mixed() -> None:
    for spec in DATABASES:
        labels = [v for cols in spec.labels.values() for v in cols.values()]
        assert {v for v in labels if v is not None} <= set(CATEGORIES), spec.name
        assert sum(v is None for v in labels) >= 5, spec.name
        assert sum(v is not None for v in labels) >= 5, spec.name


def test_same_seed_same_files(blind: dict[str, EvalSet], tmp_path: Path) -> None:
    again = build_blind_sets(tmp_path, seed=SEED)
    assert [database_digest(s.path) for s in again] == [
        database_digest(blind[s.name].path) for s in again
    ]


def test_name_lists_are_disjoint_and_most_people_unseen(blind: dict[str, EvalSet]) -> None:
    assert not set(FIRST_UNSEEN) & set(FIRST_SEEN)
    assert not set(SURNAMES_UNSEEN) & set(SURNAMES_SEEN)
    members = blind["library_saas"]
    firsts = [str(v) for v in column_values(members, "members", "given_name")]
    lasts = [str(v) for v in column_values(members, "members", "family_name")]
    unseen_first, unseen_last = set(FIRST_UNSEEN), set(SURNAMES_UNSEEN)
    assert sum(f in unseen_first for f in firsts) / len(firsts) >= 0.6
    assert sum(s in unseen_last for s in lasts) / len(lasts) >= 0.6


def test_traps_are_present(blind: dict[str, EvalSet]) -> None:
    # Sequential assessment numbers that all pass the 11-proef, labelled not personal.
    parking = blind["parkeervergunningen"]
    numbers = [int(str(v)) for v in column_values(parking, "scanregistratie", "naheffingsaanslag")]
    assert parking.labels["scanregistratie"]["naheffingsaanslag"] is None
    assert numbers == sorted(numbers)
    assert all(std_bsn.is_valid(str(n)) for n in numbers)
    # Hashed BSNs are labelled as BSNs; file checksums of the same shape are not.
    ggd, ind = blind["ggd_registratie"], blind["vreemdelingenzaken"]
    hashes = [str(v) for v in column_values(ggd, "dossier", "bsn_sha256")]
    assert all(len(h) == 64 for h in hashes)
    assert ggd.labels["dossier"]["bsn_sha256"] == "id.bsn"
    assert ind.labels["scan"]["sha256"] is None
    # PC4 only, in a person table (labelled) and for a building (not labelled).
    assert all(len(str(v)) == 4 for v in column_values(ggd, "dossier", "pc4"))
    assert ggd.labels["dossier"]["pc4"] == "location.postcode"
    assert ggd.labels["priklocatie"]["pc4"] is None
    # Positional columns kolom1..kolom25 and upper-case names without underscores.
    police = blind["incidentregistratie"]
    assert list(police.labels["BVH_EXPORT_2023"]) == [f"kolom{i}" for i in range(1, 26)]
    debt = blind["schuldhulp_export"]
    assert debt.labels["EXPORTCLIENTEN"]["GEBOORTEDATUMPARTNER"] == "person.birth_date"
    assert debt.labels["EXPORTCLIENTEN"]["TELEFOONNUMMERMOBIEL"] == "contact.phone"
    # Base64 documents in a text column.
    encoded = [str(v) for v in column_values(ind, "scan", "inhoud_b64")]
    assert all(v.isascii() and len(v) % 4 == 0 for v in encoded)

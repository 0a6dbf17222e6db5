"""The lexicon: normalization, the committed data files and their build script."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sluis.discover import lexicon

DATA = Path(lexicon.__file__).parent
TOOL = Path(__file__).parents[2] / "tools" / "build_lexicon.py"
LOADERS: dict[str, Callable[[], frozenset[str]]] = {
    "first_names": lexicon.first_names,
    "last_names": lexicon.last_names,
    "particles": lexicon.particles,
    "salutations": lexicon.salutations,
    "organizations": lexicon.organizations,
    "stopwords": lexicon.stopwords,
    "places_nl": lexicon.dutch_places,
    "places_world": lexicon.world_cities,
    "countries": lexicon.countries,
    "country_codes": lexicon.country_codes,
    "nationalities": lexicon.nationalities,
    "genders": lexicon.genders,
    "street_suffixes": lexicon.street_suffixes,
    "street_words": lexicon.street_words,
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" Çelik ", "celik"), ("YILMAZ", "yilmaz"), ("Yıldız", "yildiz"), ("Øster", "oster"),
     ("Syrië", "syrie"), ("in ’t Veld", "in 't veld"), ("Straße", "strasse"), ("", "")],
    ids=lambda v: "",
)  # fmt: skip
def test_normalize(raw: str, expected: str) -> None:
    assert lexicon.normalize(raw) == expected


@given(st.text(max_size=20))
def test_normalize_is_idempotent(text: str) -> None:
    once = lexicon.normalize(text)
    assert lexicon.normalize(once) == once


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_every_list_is_a_normalized_frozenset(name: str) -> None:
    entries = LOADERS[name]()
    assert isinstance(entries, frozenset)
    assert entries
    assert LOADERS[name]() is entries, "loaders are cached"
    assert all(lexicon.normalize(e) == e for e in entries)


@pytest.mark.parametrize(
    ("name", "entry"),
    [("first_names", "fatima"), ("first_names", "tesfay"), ("first_names", "hodan"),
     ("first_names", "mirwais"), ("first_names", "jan"), ("first_names", "oleksandr"),
     ("last_names", "amrani"), ("last_names", "yilmaz"), ("last_names", "vries"),
     ("last_names", "gebremedhin"), ("particles", "van der"), ("particles", "in 't"),
     ("particles", "al-"), ("places_nl", "'s-hertogenbosch"), ("places_nl", "den haag"),
     ("places_world", "asmara"), ("countries", "syrie"), ("countries", "eritrea"),
     ("country_codes", "nld"), ("country_codes", "nl"), ("nationalities", "syrische"),
     ("nationalities", "eritrean"), ("genders", "v"), ("genders", "onbekend"),
     ("street_suffixes", "gracht"), ("organizations", "albert heijn")],
)  # fmt: skip
def test_list_holds(name: str, entry: str) -> None:
    assert entry in LOADERS[name]()


def test_no_common_word_is_a_particle_free_surname_of_one_letter() -> None:
    assert not any(len(n) < 2 for n in lexicon.last_names())
    assert not lexicon.particles() & {"de gemeente", "het"}


def test_data_files_stay_compact() -> None:
    total = sum(path.stat().st_size for path in DATA.glob("*.txt"))
    assert total < 700_000


def test_committed_files_equal_the_build_output(tmp_path: Path) -> None:
    pytest.importorskip("faker")
    spec = importlib.util.spec_from_file_location("build_lexicon", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path, common=False)  # the common words need wordfreq and Hunspell
    built = sorted(p.name for p in tmp_path.glob("*.txt"))
    needs_dictionaries = ("common_words.txt", "english_words.txt")
    assert built == sorted(p.name for p in DATA.glob("*.txt") if p.name not in needs_dictionaries)
    for name in built:
        same = (tmp_path / name).read_bytes() == (DATA / name).read_bytes()
        assert same, f"{name} differs from the build output: run tools/build_lexicon.py"


def test_common_words_are_no_known_names_places_or_stopwords() -> None:
    common = lexicon.common_words()
    assert len(common) > 10_000
    known = lexicon.first_names() | lexicon.last_names() | lexicon.dutch_places()
    assert not common & (known | lexicon.stopwords())
    assert all(len(w) > 3 and w == lexicon.normalize(w) for w in common)

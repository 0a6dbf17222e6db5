"""Source URLs: parsing, errors that list the accepted forms, and password redaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from sluis.errors import SourceError, SourceUrlError
from sluis.sources import open_source, redact_url
from sluis.sources.url import SourceKind, parse_source_url

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "url_cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES["parse"], ids=lambda c: c["url"].strip())
def test_parse(case: dict[str, Any]) -> None:
    parsed = parse_source_url(case["url"])
    assert parsed.kind is SourceKind(case["kind"])
    assert parsed.location == case["location"]


@pytest.mark.parametrize("case", CASES["errors"], ids=lambda c: c["why"])
def test_unparseable_url_names_the_accepted_forms(case: dict[str, Any]) -> None:
    with pytest.raises(SourceUrlError) as raised:
        open_source(case["url"])
    message = str(raised.value)
    for form in ("sqlite:///", "postgresql://", "parquet:DIR", "csv:DIR"):
        assert form in message


@pytest.mark.parametrize("case", CASES["redact"], ids=lambda c: c["expected"])
def test_redact(case: dict[str, Any]) -> None:
    assert redact_url(case["url"]) == case["expected"]


def test_url_error_hides_the_password() -> None:
    with pytest.raises(SourceUrlError) as raised:
        open_source("mysql://user:hunter2hunter2@h/db")
    assert "hunter2" not in str(raised.value)


_PASSWORD_CHARS = st.characters(
    min_codepoint=33, max_codepoint=126, exclude_characters="?#&"
) | st.characters(min_codepoint=0xA0, max_codepoint=0x2FF)


@given(
    secret=st.text(_PASSWORD_CHARS, min_size=6, max_size=30),
    user=st.sampled_from(["u", "app_user", "x.y"]),
    query=st.sampled_from(["", "?sslmode=require", "?host=/run/pg&port=5433"]),
)
def test_redacted_url_never_contains_the_password(secret: str, user: str, query: str) -> None:
    secret = "Zq" + secret  # a prefix that occurs nowhere else in the URL
    for url in (
        f"postgresql://{user}:{secret}@db.example:5432/app{query}",
        f"postgres://{user}@db.example/app?password={secret}",
    ):
        assert secret not in redact_url(url)


def test_missing_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(SourceError, match="no SQLite database at"):
        open_source(f"sqlite:///{path}")
    assert not path.exists()  # opening must not create it


def test_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database, just text " * 20, encoding="utf-8")
    with pytest.raises(SourceError, match="not a readable SQLite database"):
        open_source(str(path))


@pytest.mark.parametrize("scheme", ["parquet", "csv"])
def test_missing_folder(tmp_path: Path, scheme: str) -> None:
    with pytest.raises(SourceError, match="no folder at"):
        open_source(f"{scheme}:{tmp_path / 'absent'}")

"""The wide-table bench's PostgreSQL part on a few hundred rows: the source load, both plain
copies, Sluis PostgreSQL → PostgreSQL, and the pynonymizer peer's answer without its environment
(the peer itself runs in the bench, whose environment the tests do not install)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from bench import flat_postgres, peer_pynonymizer
from bench.flat_postgres import FlatServer, PostgresSpeed
from bench.flat_speed import _sluis
from bench.flat_table import build_flat_db
from sluis.discover.scanner import scan
from sluis.model.policy_draft import draft_policy
from tests import pg

ROWS = 500


def _rows(url: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT * FROM persons ORDER BY id").fetchall()


@pytest.fixture(scope="module")
def flat_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_flat_db(tmp_path_factory.mktemp("flat") / "flat.db", ROWS)


@pytest.fixture
def flat(pg_server: pg.Server, flat_db: Path) -> FlatServer:
    return flat_postgres.load(pg_server, flat_db)


def test_load_keys_every_row(flat: FlatServer) -> None:
    assert flat.rows == ROWS
    assert flat_postgres.count(flat.source) == ROWS
    with psycopg.connect(flat.source) as conn:
        key = conn.execute(
            "SELECT count(*) FROM pg_constraint"
            " WHERE conrelid = 'persons'::regclass AND contype = 'p'"
        ).fetchone()
    assert key == (1,)


@pytest.mark.parametrize("copy", [flat_postgres.copy_binary, flat_postgres.copy_adbc])
def test_plain_copies_are_exact(flat: FlatServer, copy: object) -> None:
    target = flat.fresh("bench_plain")
    copy(flat.source, target)  # type: ignore[operator]
    assert _rows(target) == _rows(flat.source)


def test_sluis_postgres_to_postgres_replaces_identifiers(flat: FlatServer, flat_db: Path) -> None:
    target = flat.empty("bench_sluis")
    _sluis(flat.source, target, draft_policy(scan(str(flat_db))))
    before, after = _rows(flat.source), _rows(target)
    assert len(after) == ROWS
    assert [r[0] for r in after] == [r[0] for r in before]
    # column 1 is the BSN: no row keeps its own and the replacements stay unique
    assert not [a for a, b in zip(before, after, strict=True) if a[1] == b[1]]
    assert len({r[1] for r in after}) == len({r[1] for r in before})


def test_lines_name_the_faster_copy_and_the_target() -> None:
    speed = PostgresSpeed(
        binary_copy=2.0, adbc_copy=1.0, sluis=2.5, sluis_structured=1.5, peer="not measured: reason"
    )
    assert speed.plain == 1.0 and speed.plain_method == "ADBC"
    assert speed.met_target
    text = "\n".join(speed.lines(2))
    assert "ADBC, 1.00 s (binary COPY: 2.00 s)" in text
    assert "**2×** the plain copy (target ≤ 3×)" in text
    assert "without searching the note: 1.5 s = **1.5×** the plain copy" in text
    assert "- pynonymizer: not measured: reason" in text
    assert not PostgresSpeed(1.0, 1.5, 3.5, 1.0, "x").met_target


def test_peer_without_its_environment_says_why(
    flat: FlatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(peer_pynonymizer.ENV, raising=False)
    result = peer_pynonymizer.measure(flat.server, flat_postgres.SOURCE_DB, ROWS)
    assert isinstance(result, str) and peer_pynonymizer.ENV in result

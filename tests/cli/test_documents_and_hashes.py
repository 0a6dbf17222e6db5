"""Text documents under ``replace_blob`` and keyed hashes pass the rescan (V4): the
surrogates and hex the rules write look like identifiers now and then, by design.

Before, V4 reported the fake phone numbers ``replace_blob`` wrote into a redacted text
document, and a hash that happened to read as a number, so such copies never published.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from sluis.model.policy import Hash, Keep, Null, Pseudonymize, RedactText, ReplaceBlob, Rule
from sluis.synth import identifiers
from sluis.verify.checks.rescan import ANY, generated
from tests.cli.test_scan import run

DDL = """
CREATE TABLE dossiers (
    id INTEGER PRIMARY KEY,
    inhoud BLOB,
    kenmerk TEXT
);
"""
POLICY = """
version: 1
tables:
  dossiers:
    columns:
      id: {rule: keep, reason: "surrogate key"}
      inhoud: {rule: replace_blob}
      kenmerk: {rule: hash, length: 10}
"""


def _documents() -> list[tuple[int, bytes, str]]:
    rng = random.Random(5)
    rows = []
    for i in range(1, 201):
        letter = (
            f"Geachte mevrouw Jansen,\n\nU kunt ons bellen op {identifiers.phone(rng)}."
            f" Uw burgerservicenummer is {identifiers.bsn(rng)}.\n\nMet vriendelijke groet,\n"
            "Pieter de Vries"
        )
        rows.append((i, letter.encode("utf-8"), f"Z{i:06d}"))
    return rows


def anonymized(source: Path, tmp_path: Path) -> Path:
    """The published copy of ``source`` under ``POLICY``."""
    policy, key, target = tmp_path / "policy.yaml", tmp_path / "key", tmp_path / "copy.db"
    policy.write_text(POLICY, encoding="utf-8")
    assert run("keygen", "-o", str(key)).returncode == 0
    result = run(
        "anonymize", str(source), str(target), "--policy", str(policy), "--key-file", str(key)
    )
    assert result.returncode == 0, result.stderr
    return target


def test_redacted_documents_and_hashes_publish(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    target = anonymized(sqlite_db(DDL, {"dossiers": _documents()}), tmp_path)
    with closing(sqlite3.connect(target)) as db:
        documents = [bytes(r[0]).decode() for r in db.execute("SELECT inhoud FROM dossiers")]
    originals = {row[1].decode() for row in _documents()}
    assert len(documents) == 200
    assert not originals & set(documents)
    assert all("Met vriendelijke groet" in d for d in documents)  # redacted, still a letter


@pytest.mark.parametrize(
    ("rule", "accounted"),
    [
        (ReplaceBlob(rule="replace_blob"), {ANY}),
        (Hash(rule="hash", length=10), {ANY}),
        (RedactText(rule="redact_text"), {ANY}),
        (RedactText(rule="redact_text", tags=True), set()),
        (Null(rule="null"), set()),
        (Keep(rule="keep", reason="look-alikes", allow=["id.bsn"]), {"id.bsn"}),
        (Pseudonymize(rule="pseudonymize", category="id.bsn"), {"id.bsn", "id.rsin", "network.ip"}),
        (Pseudonymize(rule="pseudonymize", category="id.rsin"), {"id.rsin", "id.bsn"}),
        (Pseudonymize(rule="pseudonymize", category="contact.email"), {"contact.email"}),
    ],
)
def test_what_each_rule_accounts_for(rule: Rule, accounted: set[str]) -> None:
    assert generated(rule) == accounted

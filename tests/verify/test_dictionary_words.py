"""A surname that is also a dictionary word ("Kosten") in letters that use the word ("de
kosten van de reparatie"): alone in a redacted letter it is the word, no coincidence with the
person (before, V1 counted one in every letter and refused the copy). A surname that is no
word, left alone in the same letters, still counts."""

from __future__ import annotations

from sluis.verify import verify
from tests.conftest import SqliteFactory
from tests.verify.unchanged_notes import POLICY, pair


def _letter(word: str) -> str:
    return f"Geachte heer/mevrouw,\n\nDe {word} van de reparatie zijn voor u. Bel ons gerust."


def test_a_dictionary_word_alone_is_no_coincidence(sqlite_db: SqliteFactory) -> None:
    source, target = pair(sqlite_db, _letter("kosten"), "Kosten", rows=60, every=3)
    report = verify(str(source), str(target), POLICY)
    assert report.passed, report.failed_checks()


def test_a_surname_that_is_no_word_still_counts(sqlite_db: SqliteFactory) -> None:
    source, target = pair(sqlite_db, _letter("Wijnaldum"), "Wijnaldum", rows=60, every=3)
    assert "V1" in verify(str(source), str(target), POLICY).failed_checks()

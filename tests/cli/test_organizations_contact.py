"""An organization's own contact points (a role mailbox, an 088 service number) sit in a
contact column the draft replaces (the offices' phone, the recipient of incoming mail) and in
message bodies the finder keeps them in. They are no person's: the drafted copy publishes
with them kept in the bodies (before, V1 refused it as a leak of the column's values). The
offices' RSIN is pseudonymized as an RSIN, which passes the same 11-proef as a BSN: the
rescan (V4) accepts it (before, it refused it as an unaccounted BSN)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from sluis.synth.identifiers import bsn_checksum_ok
from sluis.synth.people import PersonFactory
from tests.cli.drafted import drafted_copy

DDL = """
CREATE TABLE vestigingen (id INTEGER PRIMARY KEY, naam TEXT, telefoon TEXT, rsin TEXT);
CREATE TABLE berichten (id INTEGER PRIMARY KEY, vestiging_id INTEGER REFERENCES vestigingen(id),
                        aan TEXT, onderwerp TEXT, body TEXT);
"""
DESK = "klantenservice@woonstichting-eendracht.nl"
SERVICE = "088 900 2500"


def _tables() -> dict[str, list[tuple[object, ...]]]:
    rsin = next(n for n in map(str, range(812345670, 812345699)) if bsn_checksum_ok(n))
    offices = [
        (1, "Hoofdkantoor", SERVICE, rsin),
        (2, "Wijkkantoor Noord", "088 900 2510", rsin),
    ]
    messages: list[tuple[object, ...]] = []
    factory = PersonFactory(12)
    for i in range(1, 241):
        person = factory.person()
        incoming = i % 2 == 0
        body = (
            f"Beste {person.first_name} {person.last_name},\n\nWij hebben uw melding ontvangen."
            f"\nVragen? Bel {SERVICE} of mail {DESK}.\n\nMet vriendelijke groet,\nKlantenservice"
        )
        if incoming:
            body = f"Hallo,\n\nMijn kraan lekt.\n\nMet vriendelijke groet,\n{person.full_name}"
        messages.append(
            (i, 1 + i % 2, DESK if incoming else person.email, "Reparatieverzoek", body)
        )
    return {"vestigingen": offices, "berichten": messages}


def test_an_organizations_contact_points_are_no_leak(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    source = sqlite_db(DDL, _tables())
    rules, target = drafted_copy(str(source), tmp_path)
    offices = rules["vestigingen"]["columns"]
    assert offices["telefoon"]["rule"] == offices["rsin"]["rule"] == "pseudonymize"
    assert rules["berichten"]["columns"]["aan"]["rule"] == "pseudonymize"
    with closing(sqlite3.connect(target)) as db:
        bodies = [r[0] for r in db.execute("SELECT body FROM berichten WHERE id % 2 = 1")]
        recipients = {r[0] for r in db.execute("SELECT aan FROM berichten")}
    assert all(SERVICE in body and DESK in body for body in bodies)
    assert DESK not in recipients  # the column's rule still replaced every value

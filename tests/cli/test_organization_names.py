"""Columns of firms and schools named after people ("Installatiebedrijf De Vries B.V.", "CBS
De Wegwijzer") and case numbers that pass the 11-proef by chance: the draft keeps them with
the look-alikes in ``allow``, and the drafted copy publishes with them unchanged (before, V1
refused the copy: the surnames are also tenants' names, the case numbers were found in notes
as BSNs; one tenant's account number has a case number's digits)."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from sluis.synth import identifiers
from sluis.synth.people import PersonFactory
from tests.cli.drafted import drafted_copy, policy_copy

DDL = """
CREATE TABLE huurders (id INTEGER PRIMARY KEY, voornaam TEXT, achternaam TEXT, school_kind TEXT,
                       iban TEXT);
CREATE TABLE reparaties (id INTEGER PRIMARY KEY, huurder_id INTEGER REFERENCES huurders(id),
                         leverancier TEXT, dossier_nr INTEGER, notitie TEXT);
"""
FIRMS = ("Installatiebedrijf De Vries B.V.", "Jansen Glas & Schade", "Van Dijk Loodgieters",
         "Smit Elektrotechniek", "Feenstra Verwarming", "Bakker Schilderwerken")  # fmt: skip
SCHOOLS = ("CBS De Wegwijzer", "OBS De Regenboog", "Gerrit Rietveld College",
           "Montessorischool Kastanjelaan", "SBO De Piramide")  # fmt: skip
SURNAMES = ("de Vries", "Jansen", "van Dijk", "Smit", "Feenstra", "Bakker")


def _tables() -> dict[str, list[tuple[object, ...]]]:
    rng = random.Random(4)
    factory = PersonFactory(4)
    tenants: list[tuple[object, ...]] = []
    repairs: list[tuple[object, ...]] = []
    for i in range(1, 301):
        person = factory.person()
        surname = SURNAMES[i % len(SURNAMES)] if i % 3 == 0 else person.last_name
        case = 200_000_000 + 7 * i
        # Tenant 3's account number is the digits of case 5.
        account = f"0{case + 14}" if i == 3 else None
        iban = (
            f"NL{identifiers.iban_check_digits('ABNA', account)}ABNA{account}"
            if account
            else identifiers.iban(rng)
        )
        tenants.append((i, person.first_name, surname, SCHOOLS[i % len(SCHOOLS)], iban))
        note = "Lekkage badkamer gemeld" + ("." if i == 5 else f", zie dossier {case}.")
        repairs.append((i, i, rng.choice(FIRMS), case, note))
    return {"huurders": tenants, "reparaties": repairs}


def test_firms_schools_and_case_numbers_are_kept_as_look_alikes(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    source = sqlite_db(DDL, _tables())
    rules, target = drafted_copy(str(source), tmp_path)
    firm_rule = rules["reparaties"]["columns"]["leverancier"]
    assert firm_rule["rule"] == "keep"
    assert {"person.last_name", "person.name"} <= set(firm_rule["allow"])
    assert rules["huurders"]["columns"]["school_kind"]["rule"] == "keep"
    case_rule = rules["reparaties"]["columns"]["dossier_nr"]
    assert case_rule["rule"] == "keep"
    assert {"id.bsn", "finance.iban"} <= set(case_rule["allow"])
    with closing(sqlite3.connect(target)) as db:
        firms = {r[0] for r in db.execute("SELECT leverancier FROM reparaties")}
        schools = {r[0] for r in db.execute("SELECT school_kind FROM huurders")}
    assert firms == set(FIRMS) and schools == set(SCHOOLS)


REFERRALS_POLICY = """
version: 1
tables:
  clienten:
    columns:
      id: {rule: keep, reason: "surrogate key"}
      achternaam: {rule: fake, category: person.last_name}
  verwijzingen:
    columns:
      id: {rule: keep, reason: "surrogate key"}
      client_id: {rule: keep, reason: "foreign key"}
      verwezen_naar: {rule: redact_text}
"""
PRACTICES = ("Kinderpraktijk Hoekstra & Yilmaz", "Logopediepraktijk Boukhari", "Trias VMBO",
             "Jeugdteam Wormerland", "GGD Amstelland-Zaan")  # fmt: skip


def test_practices_named_after_clients_surnames_publish_unchanged_in_free_text(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    """Half the clients bear a surname of a practice; the referrals name the practices and a
    mother. The practices stay, and V1 counts them neither as leaks nor as name coincidences
    though the mother's name is replaced."""
    clients = [(i, ("Hoekstra", "Yilmaz", "Boukhari")[i % 3] if i % 2 else f"Persoon{i}") for i in
               range(1, 201)]  # fmt: skip
    referrals = [
        (i, i, f"Aangemeld bij {PRACTICES[i % len(PRACTICES)]} door moeder Sanne Jansen.")
        for i in range(1, 201)
    ]
    source = sqlite_db(
        "CREATE TABLE clienten (id INTEGER PRIMARY KEY, achternaam TEXT);"
        "CREATE TABLE verwijzingen"
        " (id INTEGER PRIMARY KEY, client_id INTEGER, verwezen_naar TEXT);",
        {"clienten": clients, "verwijzingen": referrals},
    )
    target = policy_copy(str(source), REFERRALS_POLICY, "3c" * 32, tmp_path)
    with closing(sqlite3.connect(target)) as db:
        copied = [r[0] for r in db.execute("SELECT verwezen_naar FROM verwijzingen ORDER BY id")]
    assert all(PRACTICES[i % len(PRACTICES)] in c for i, c in enumerate(copied, start=1))
    assert not any("Sanne Jansen" in c for c in copied)


def test_an_organization_under_a_persons_json_key_stays_and_the_copy_publishes(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    """ "bewindvoerder": "Plan B Bewindvoering" is a firm under a key that names a person:
    the drafted copy keeps it there and in the payments that name it (V1 refused this copy
    before), while the contact person's name beside it is replaced, also one that ends in a
    firm's word ("Wolfswinkel")."""
    factory = PersonFactory(7)
    people = [factory.person() for _ in range(40)]
    dossiers = [
        (
            i,
            json.dumps(
                {
                    "termijnen": 6,
                    "contactpersoon": {"naam": "Jasmin Wolfswinkel" if i % 10 == 0 else
                                               f"{people[i % 40].first_name} "
                                               f"{people[i % 40].last_name}"},
                    "bewindvoerder": "Plan B Bewindvoering" if i % 2 else None,
                }
            ),
        )
        for i in range(1, 201)
    ]  # fmt: skip
    payments = [(i, i, "Storting Plan B Bewindvoering") for i in range(1, 201)]
    source = sqlite_db(
        "CREATE TABLE dossier (id INTEGER PRIMARY KEY, betaalregeling TEXT);"
        "CREATE TABLE betaling (id INTEGER PRIMARY KEY, dossier_id INTEGER"
        " REFERENCES dossier(id), omschr TEXT);",
        {"dossier": dossiers, "betaling": payments},
    )
    _, target = drafted_copy(str(source), tmp_path)
    with closing(sqlite3.connect(target)) as db:
        copied = [json.loads(r[0]) for r in db.execute("SELECT betaalregeling FROM dossier")]
        notes = {r[0] for r in db.execute("SELECT omschr FROM betaling")}
    firms = {d["bewindvoerder"] for d in copied if d["bewindvoerder"]}
    assert firms == {"Plan B Bewindvoering"} and notes == {"Storting Plan B Bewindvoering"}
    originals = {json.loads(d[1])["contactpersoon"]["naam"] for d in dossiers}
    assert not originals & {d["contactpersoon"]["naam"] for d in copied}

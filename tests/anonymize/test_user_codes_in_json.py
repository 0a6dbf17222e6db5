"""An HR event log names its actor by login (``{"actor": "t.vos"}``), the key of the users
table. The login written in JSON gets the fake the users table gave it: joins from the log
to the users hold, and a login with a short surname ("x.wu") is not left (a blind test found
0 of 5,958 actors equal to their user's fake, and 171 real logins kept)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from sluis.keys import Key
from tests.cli.drafted import policy_copy

POLICY = """
version: 1
tables:
  gebruikers:
    columns:
      login: {rule: fake, category: person.name}
      voornaam: {rule: fake, category: person.first_name}
      achternaam: {rule: fake, category: person.last_name}
  events:
    columns:
      id: {rule: keep, reason: key}
      login: {rule: fake, category: person.name}
      payload: {rule: json, default: {rule: redact_text}}
"""
GIVEN = ["Anna", "Piet", "Fatima", "Kees", "Sanne", "Wei", "Tom", "Eva", "Jan", "Noor"]
SURNAMES = ["Wu", "Vos", "Kok", "de Vries", "Jansen", "Li", "Bakker", "Ng", "Smit", "Bos"]


def test_a_login_in_json_gets_its_users_fake(tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    with closing(sqlite3.connect(source)) as db:
        db.executescript(
            "CREATE TABLE gebruikers (login TEXT PRIMARY KEY, voornaam TEXT, achternaam TEXT);"
            "CREATE TABLE events (id INTEGER PRIMARY KEY, login TEXT REFERENCES"
            " gebruikers(login), payload TEXT);"
        )
        logins = []
        for i in range(200):
            first, last = GIVEN[i % 10], SURNAMES[(i // 10) % 10]
            initials = first[: 1 + i // 100].lower()  # "t.vos", then "to.vos"
            login = f"{initials}.{last.replace(' ', '').lower()}"
            logins.append(login)
            db.execute("INSERT INTO gebruikers VALUES (?, ?, ?)", (login, first, last))
        for i in range(600):
            login = logins[(i * 7) % len(logins)]
            payload = {"actor": login, "type": "wijziging", "fte": 0.8}
            db.execute("INSERT INTO events VALUES (?, ?, ?)", (i, login, json.dumps(payload)))
        db.commit()
    copy = policy_copy(str(source), POLICY, Key.generate().to_text(), tmp_path / "out")
    with closing(sqlite3.connect(copy)) as db:
        pairs = [
            (login, json.loads(p)["actor"])
            for login, p in db.execute("SELECT login, payload FROM events")
        ]
        faked = {login for (login,) in db.execute("SELECT login FROM gebruikers")}
    assert len(pairs) == 600
    assert sum(actor in logins for _, actor in pairs) == 0
    assert all(actor == login and login in faked for login, actor in pairs)

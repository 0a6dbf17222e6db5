"""presidio-structured, the peer issue 6 names, on the wide table's Parquet file.

It runs in the baselines' interpreter (``SLUIS_BASELINE_PYTHON``), never in Sluis's own
environment: ``python bench/peer_structured.py --worker FILE ROWS`` anonymizes the first
``ROWS`` rows and prints the seconds as JSON. The column-to-entity mapping is given, not
detected (its detection needs a language model, which may not be downloaded here), so the
figure is anonymization only; operators are per-value Faker fakes, a hash for the BSN and a
replacement for the note (presidio-structured does not search inside cells). Only the
standard library is imported at the top, so this file runs in either environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ENV = "SLUIS_BASELINE_PYTHON"
SAMPLE = 10_000


def measure(parquet: Path, rows: int) -> tuple[float, str] | str:
    """(seconds for ``rows`` rows, extrapolated from a sample; version), or why not."""
    python = os.environ.get(ENV)
    if not python:
        return f"not measured: {ENV} is unset (run 'make bench')"
    sample = min(SAMPLE, rows)
    done = subprocess.run(
        [python, __file__, "--worker", str(parquet), str(sample)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return f"not measured: the worker exited {done.returncode}"
    result = json.loads(done.stdout)
    return result["seconds"] * rows / result["rows"], result["version"]


def worker(parquet: str, sample: int) -> int:
    import pandas as pd  # type: ignore[import-not-found,import-untyped,unused-ignore]
    from faker import Faker
    from presidio_anonymizer.entities import (  # type: ignore[import-not-found,unused-ignore]
        OperatorConfig,
    )
    from presidio_structured import (  # type: ignore[import-not-found,unused-ignore]
        StructuredAnalysis,
        StructuredEngine,
    )

    frame = pd.read_parquet(parquet).head(sample)
    fake = Faker("nl_NL")
    fake.seed_instance(1)
    mapping = {
        "bsn": "ID", "voornaam": "FIRST", "achternaam": "LAST", "straat": "STREET",
        "postcode": "POSTCODE", "woonplaats": "CITY", "geboortedatum": "DATE",
        "email": "EMAIL", "notitie": "NOTE",
    }  # fmt: skip

    def custom(make: object) -> OperatorConfig:
        return OperatorConfig("custom", {"lambda": lambda _value: make()})  # type: ignore[operator]

    operators = {
        "ID": OperatorConfig("hash", {}),
        "FIRST": custom(fake.first_name),
        "LAST": custom(fake.last_name),
        "STREET": custom(fake.street_address),
        "POSTCODE": custom(fake.postcode),
        "CITY": custom(fake.city),
        "DATE": custom(lambda: fake.date_of_birth().isoformat()),
        "EMAIL": custom(fake.email),
        "NOTE": OperatorConfig("replace", {"new_value": "<NOTE>"}),
    }
    engine = StructuredEngine()
    start = time.perf_counter()
    engine.anonymize(frame, StructuredAnalysis(entity_mapping=mapping), operators=operators)
    seconds = time.perf_counter() - start
    from importlib import metadata

    version = f"presidio-structured {metadata.version('presidio-structured')}"
    print(json.dumps({"seconds": seconds, "rows": len(frame), "version": version}))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        raise SystemExit(worker(sys.argv[2], int(sys.argv[3])))
    print("usage: peer_structured.py --worker FILE ROWS", file=sys.stderr)
    raise SystemExit(2)

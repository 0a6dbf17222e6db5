"""The verifier never imports the anonymizer: one bug must not be able to hide itself."""

from __future__ import annotations

import ast
from pathlib import Path

import sluis.verify

ROOT = Path(sluis.verify.__file__).parent


def test_verify_does_not_import_anonymize() -> None:
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}:{n}" for n in names if n.startswith("sluis.anonymize")]
    assert offenders == []

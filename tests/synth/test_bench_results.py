"""``python -m bench`` rewrites only its own sections of RESULTS.md."""

from __future__ import annotations

from bench.__main__ import machine, rewrite_section

BEFORE = """# Results

intro

<!-- scan-quality:begin -->
old quality
<!-- scan-quality:end -->

<!-- anonymize:begin -->
someone else's figures
<!-- anonymize:end -->
"""


def test_rewrite_replaces_only_the_named_block() -> None:
    after = rewrite_section(BEFORE, "scan-quality", "new quality\n")
    assert "new quality" in after
    assert "old quality" not in after
    assert "someone else's figures" in after
    assert after.startswith("# Results\n\nintro\n")


def test_rewrite_appends_a_missing_block_once() -> None:
    once = rewrite_section(BEFORE, "scan-speed", "speed figures")
    twice = rewrite_section(once, "scan-speed", "speed figures")
    assert once == twice
    assert once.count("<!-- scan-speed:begin -->") == 1
    assert once.rstrip().endswith("<!-- scan-speed:end -->")


def test_machine_names_cores_and_python() -> None:
    line = machine()
    assert "cores" in line
    assert "Python 3." in line

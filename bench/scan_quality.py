"""How well ``sluis scan`` classifies the columns of the evaluation databases.

A column counts as correct when the category found equals its label (``None`` for a
column without personal data). Reported: per-category precision and recall, overall
precision and recall over personal columns, the binary "personal or not" view, and every
mistake as ``database/table.column expected→got`` (names and categories only, no values).
The same scores are reported separately for the holdout databases of ``holdout_sets``,
which were written apart from the scanner; they are measured, not gated. So are the blind
holdout databases of ``blind_sets``, written without reading the scanner's code or vocabulary.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench import blind_sets, holdout_sets
from bench.eval_sets import FIRST_NAMES, SURNAMES, EvalSet, build_eval_sets
from sluis.discover.scanner import ScanOptions, scan

OUT_DIR = Path(__file__).parent / "out" / "eval"
HOLDOUT_DIR = Path(__file__).parent / "out" / "holdout"
BLIND_DIR = Path(__file__).parent / "out" / "blind"
MUST_FIND = ("id.bsn", "finance.iban", "contact.email")
TARGET_RECALL = 0.98
TARGET_PRECISION = 0.95


@dataclass(frozen=True)
class Mistake:
    where: str  # database/table.column
    expected: str | None
    got: str | None

    def __str__(self) -> str:
        return f"{self.where}: {self.expected or 'none'} → {self.got or 'none'}"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class QualityResult:
    columns: int = 0
    personal_labels: int = 0
    personal_found: int = 0
    correct_personal: int = 0
    binary: Counts = field(default_factory=Counts)
    per_category: dict[str, Counts] = field(default_factory=dict)
    mistakes: list[Mistake] = field(default_factory=list)
    seconds: float = 0.0
    name_overlap: str = ""

    @property
    def recall(self) -> float:
        return self.correct_personal / self.personal_labels if self.personal_labels else 1.0

    @property
    def precision(self) -> float:
        return self.correct_personal / self.personal_found if self.personal_found else 1.0

    @property
    def must_find_missed(self) -> list[Mistake]:
        return [m for m in self.mistakes if m.expected in MUST_FIND]

    @property
    def passed(self) -> bool:
        return (
            self.recall >= TARGET_RECALL
            and self.precision >= TARGET_PRECISION
            and not self.must_find_missed
        )

    def add(self, where: str, expected: str | None, got: str | None) -> None:
        self.columns += 1
        if expected is not None:
            self.personal_labels += 1
            self.per_category.setdefault(expected, Counts())
        if got is not None:
            self.personal_found += 1
            self.per_category.setdefault(got, Counts())
        if expected is not None and got is not None:
            self.binary.tp += 1
        elif got is not None:
            self.binary.fp += 1
        elif expected is not None:
            self.binary.fn += 1
        if expected == got:
            if expected is not None:
                self.correct_personal += 1
                self.per_category[expected].tp += 1
            return
        self.mistakes.append(Mistake(where, expected, got))
        if expected is not None:
            self.per_category[expected].fn += 1
        if got is not None:
            self.per_category[got].fp += 1

    def lines(self) -> list[str]:
        """The result as Markdown lines."""
        out = [
            f"- columns evaluated: {self.columns} ({self.personal_labels} personal), "
            f"scan time {self.seconds:.1f} s",
            f"- column recall (category exact): **{self.recall:.3f}** "
            f"(target ≥ {TARGET_RECALL}), precision **{self.precision:.3f}** "
            f"(target ≥ {TARGET_PRECISION})",
            f"- personal vs not: recall {self.binary.recall:.3f}, "
            f"precision {self.binary.precision:.3f}",
            "- BSN, IBAN and e-mail columns all found: "
            + ("yes" if not self.must_find_missed else f"no ({len(self.must_find_missed)} missed)"),
        ]
        if self.name_overlap:
            out.append(f"- {self.name_overlap}")
        out += ["", "| category | labelled | precision | recall |", "|---|---:|---:|---:|"]
        for code in sorted(self.per_category):
            c = self.per_category[code]
            out.append(f"| {code} | {c.tp + c.fn} | {c.precision:.2f} | {c.recall:.2f} |")
        out += ["", f"Misclassified columns ({len(self.mistakes)}), expected → got:", ""]
        out += [f"- `{m}`" for m in self.mistakes] or ["- none"]
        return out


def name_overlap() -> str:
    """How many evaluation names the detectors' lexicon already holds (lower is fairer)."""
    try:
        from sluis.discover import lexicon
    except ImportError:
        return "name lexicon not available"
    firsts = lexicon.load("first_names")
    lasts = lexicon.load("last_names")
    f_hit = sum(lexicon.normalize(n) in firsts for n in FIRST_NAMES)
    l_hit = sum(lexicon.normalize(n) in lasts for n in SURNAMES)
    return (
        f"evaluation names also in the detectors' lexicon: first names {f_hit}/{len(FIRST_NAMES)}, "
        f"surnames {l_hit}/{len(SURNAMES)}"
    )


def holdout_name_overlap() -> str:
    """How many holdout names the detectors' lexicon holds, per list (unseen lists: ideally 0)."""
    try:
        from sluis.discover import lexicon
    except ImportError:
        return "name lexicon not available"
    firsts = lexicon.load("first_names")
    lasts = lexicon.load("last_names")
    surnames_unseen = [n for ns in holdout_sets.SURNAMES_UNSEEN.values() for n in ns]
    surnames_seen = [n for ns in holdout_sets.SURNAMES_SEEN.values() for n in ns]
    parts = []
    for label, names, lex in (
        ("unseen first names", holdout_sets.FIRST_UNSEEN, firsts),
        ("seen first names", holdout_sets.FIRST_SEEN, firsts),
        ("unseen surnames", surnames_unseen, lasts),
        ("seen surnames", surnames_seen, lasts),
    ):
        hits = sum(lexicon.normalize(n) in lex for n in names)
        parts.append(f"{label} {hits}/{len(names)}")
    return (
        f"holdout names also in the detectors' lexicon: {', '.join(parts)}; "
        f"{holdout_sets.UNSEEN_SHARE:.0%} of people are drawn from the unseen lists"
    )


def blind_name_overlap() -> str:
    """How many blind-holdout names the detectors' lexicon holds, per list."""
    try:
        from sluis.discover import lexicon
    except ImportError:
        return "name lexicon not available"
    firsts = lexicon.load("first_names")
    lasts = lexicon.load("last_names")
    parts = []
    for label, names, lex in (
        ("unseen first names", blind_sets.FIRST_UNSEEN, firsts),
        ("seen first names", blind_sets.FIRST_SEEN, firsts),
        ("unseen surnames", blind_sets.SURNAMES_UNSEEN, lasts),
        ("seen surnames", blind_sets.SURNAMES_SEEN, lasts),
    ):
        hits = sum(lexicon.normalize(n) in lex for n in names)
        parts.append(f"{label} {hits}/{len(names)}")
    return (
        f"blind names also in the detectors' lexicon: {', '.join(parts)}; "
        f"{blind_sets.UNSEEN_SHARE:.0%} of people are drawn from the unseen lists"
    )


def run(
    out_dir: Path = OUT_DIR,
    seed: int = 11,
    build: Callable[[Path, int], list[EvalSet]] = build_eval_sets,
    overlap: Callable[[], str] = name_overlap,
) -> QualityResult:
    """Build the evaluation databases, scan each, and score the scan against the labels."""
    result = QualityResult(name_overlap=overlap())
    started = time.perf_counter()
    for eval_set in build(out_dir, seed):
        privacy_map = scan(str(eval_set.path), ScanOptions())
        found = {(t.name, c.name): c.category for t in privacy_map.tables for c in t.columns}
        for table, columns in eval_set.labels.items():
            for column, expected in columns.items():
                got = found.get((table, column), "<not scanned>")
                result.add(f"{eval_set.name}/{table}.{column}", expected, got)
    result.seconds = time.perf_counter() - started
    return result


def run_holdout(out_dir: Path = HOLDOUT_DIR, seed: int = 23) -> QualityResult:
    """``run`` on the holdout databases (schemas the scanner was not written against)."""
    return run(out_dir, seed, holdout_sets.build_holdout_sets, holdout_name_overlap)


def run_blind(out_dir: Path = BLIND_DIR, seed: int = 37) -> QualityResult:
    """``run`` on the blind holdout databases (written without reading the scanner)."""
    return run(out_dir, seed, blind_sets.build_blind_sets, blind_name_overlap)


def summary(result: QualityResult) -> Counter[str]:
    """Mistakes counted by kind: missed, false alarm, wrong category."""
    kinds: Counter[str] = Counter()
    for m in result.mistakes:
        if m.got is None:
            kinds["missed"] += 1
        elif m.expected is None:
            kinds["false alarm"] += 1
        else:
            kinds["wrong category"] += 1
    return kinds


def main() -> int:
    result = run()
    print("\n".join(result.lines()))
    print("mistakes by kind:", dict(summary(result)) or "none")
    holdout = run_holdout()
    print("\nholdout (measured, not a target):")
    print("\n".join(holdout.lines()))
    print("holdout mistakes by kind:", dict(summary(holdout)) or "none")
    blind = run_blind()
    print("\nblind holdout (measured, not a target):")
    print("\n".join(blind.lines()))
    print("blind holdout mistakes by kind:", dict(summary(blind)) or "none")
    return 0 if result.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
